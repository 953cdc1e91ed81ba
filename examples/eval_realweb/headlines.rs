//! The headlines section of the real-coverage evaluation (issue 18, item 6): whether the exported headline of
//! each article is the one the gold reads at the top of the page.
//!
//! Rule: titles are compared with case ignored and whitespace runs collapsed (nothing else: a different
//! apostrophe is a different title). A gold title is right when the exported `title` equals it, whatever its
//! confidence. A null gold title (the excerpt shows no headline) is right when the engine reports none, or
//! reports one with a confidence below [`LOW_CONFIDENCE`] (a reader is told not to trust it). The export's
//! confidence is `provenance.title.confidence`.

use crate::{share, verbose, Story};
use std::path::Path;

/// Below this confidence an exported title counts as "no headline found".
pub(crate) const LOW_CONFIDENCE: f64 = 0.5;

/// Prints this section's figures.
pub(crate) fn report(stories: &[Story], _dev_data: &Path) {
    let (mut right, mut total, mut with_title, mut with_title_right, mut confident_wrong) = (0, 0, 0, 0, 0);
    for story in stories {
        let Some(gold) = story.gold["articles"].as_object() else { continue };
        for (stem, g) in gold {
            let Some(article) = story.id_of(stem).and_then(|id| story.article(id)) else { continue };
            let expected = g["title"].as_str();
            let got = article["title"].as_str();
            let confidence = article["provenance"]["title"]["confidence"].as_f64().unwrap_or(0.0);
            let ok = match expected {
                Some(e) => got.is_some_and(|t| same_title(t, e)),
                None => got.is_none() || confidence < LOW_CONFIDENCE,
            };
            total += 1;
            right += usize::from(ok);
            with_title += usize::from(expected.is_some());
            with_title_right += usize::from(ok && expected.is_some());
            confident_wrong += usize::from(!ok && got.is_some() && confidence >= LOW_CONFIDENCE);
            if verbose() && !ok {
                println!(
                    "  headline wrong: {}/{stem}: got {:?} ({confidence:.2}), gold {:?}",
                    story.name,
                    got.unwrap_or("none"),
                    expected.unwrap_or("none")
                );
            }
        }
    }
    println!(
        "headlines: right {right}/{total} = {:.2} (with a gold title {with_title_right}/{with_title}, none in gold {}/{}); wrong ones given with confidence >= {LOW_CONFIDENCE}: {confident_wrong}",
        share(right, total),
        right - with_title_right,
        total - with_title
    );
}

/// Equal with case ignored and whitespace runs collapsed.
fn same_title(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    norm(a) == norm(b)
}
