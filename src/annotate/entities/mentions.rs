//! The mentions of one article: capitalised word sequences classified as people, organisations and places,
//! roles and titles kept apart from names, short forms resolved within the article. Must not look across
//! articles, nor read quotes or dates.

#![warn(clippy::indexing_slicing)]

use super::lists::*;
use super::names::*;
use super::words::*;
use super::*;
use crate::base::map::Map;
use crate::base::text::TextRange;
use crate::input::article::{Article, ParagraphKind};

/// A capitalised word sequence found in a sentence, before it is classified.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    /// Indices into the sentence's words.
    pub(super) words: Vec<usize>,
    pub(super) sentence: usize,
    /// Ends with a trailing number ("Channel 4").
    pub(super) numbered: bool,
}

/// Per-article facts the classifier uses.
pub(super) struct ArticleFacts {
    /// Lowercased words seen capitalised in a body sentence other than as its first word (hash sets: filled word
    /// by word in text order, where a sorted map shifted its tail and compared strings at each new word).
    pub(super) known: WordSet,
    /// Of those, the words written so twice or more.
    pub(super) known_twice: WordSet,
    /// The folded words that open a sentence or a quotation (the only words the classifier asks `lower` about)
    /// which the body also writes in lowercase.
    pub(super) lower: WordSet,
}

impl ArticleFacts {
    /// Whether the body writes this (lowercased) word capitalised away from a sentence start.
    pub(super) fn known(&self, lower: &str) -> bool {
        self.known.contains(lower)
    }

    pub(super) fn known_twice(&self, lower: &str) -> bool {
        self.known_twice.contains(lower)
    }
}

/// Finds the entity mentions of one article.
pub fn mentions(article: &Article) -> Vec<Mention> {
    let text = &article.text;
    let res = resources();
    let mut chars = Vec::new();
    let sentence_words: Vec<Vec<Tok>> =
        article.sentences.iter().map(|s| words_with(text, s.range, &mut chars)).collect();
    let is_heading = |si: usize| {
        article
            .sentences
            .get(si)
            .and_then(|s| article.paragraphs.get(s.paragraph))
            .is_some_and(|p| p.kind != ParagraphKind::Body)
    };
    let in_furniture = |r: TextRange| article.furniture.iter().any(|f| f.range.contains_range(r));
    // What the body writes capitalised away from the start of a sentence.
    let mut facts =
        ArticleFacts { known: WordSet::default(), known_twice: WordSet::default(), lower: WordSet::default() };
    let mut folded = String::new();
    let mut lower: Vec<&str> = Vec::new();
    for (si, ws) in sentence_words.iter().enumerate() {
        if is_heading(si) {
            continue;
        }
        for (wi, w) in ws.iter().enumerate() {
            let t = w.range.slice(text);
            if wi > 0 && is_capitalised(t) && !after_open_quote(text, ws, wi, article, si) {
                // Folded into one buffer: a word seen before costs no allocation.
                fold_into(t, &mut folded);
                if !facts.known.contains(&folded) {
                    facts.known.insert(folded.clone());
                } else if !facts.known_twice.contains(&folded) {
                    facts.known_twice.insert(folded.clone());
                }
            } else if first_char(t).is_some_and(char::is_lowercase) {
                lower.push(t);
            }
        }
    }
    facts.lower = written_lower(text, article, &sentence_words, &lower);
    let mut found: Vec<Mention> = Vec::new();
    for (si, ws) in sentence_words.iter().enumerate() {
        let Some(sentence) = article.sentences.get(si) else { continue };
        if in_furniture(sentence.range) {
            continue;
        }
        let heading = is_heading(si);
        for cand in candidates(text, ws, si) {
            let c = Classifier { text, ws, cand: &cand, facts: &facts, res, article };
            found.extend(classify(&c, heading));
        }
    }
    // Candidates swallowed by another mention's role ("Kremlin" in "Kremlin chief X") are roles, not names.
    let roles: Vec<TextRange> = found.iter().filter_map(|m| m.role_range).collect();
    found.retain(|m| !roles.iter().any(|r| r.contains_range(m.range)));
    crate::base::order::sort_by_key(&mut found, |m| (m.range.start, m.range.end));
    found.dedup_by_key(|m| m.range);
    add_lowercase_variants(article, &sentence_words, &mut found);
    resolve_within(article, &mut found);
    found
}

/// Of the words that open a sentence or a quotation (folded), those the body writes in lowercase (`lower`, its
/// lowercase words as written): the classifier asks only about such words, so only they are kept, and each
/// lowercase word costs one hash instead of a place in a sorted set of all of them.
pub(super) fn written_lower(text: &str, article: &Article, sentence_words: &[Vec<Tok>], lower: &[&str]) -> WordSet {
    let mut initial = WordSet::default();
    for (si, ws) in sentence_words.iter().enumerate() {
        for (wi, w) in ws.iter().enumerate() {
            if wi == 0 || after_open_quote(text, ws, wi, article, si) {
                initial.insert(fold(w.range.slice(text)));
            }
        }
    }
    let mut found = WordSet::default();
    for &t in lower {
        if initial.contains(t) && !found.contains(t) {
            found.insert(t.to_string());
        }
    }
    found
}

/// Whether word `wi` directly follows an opening quotation mark (a quote's first word is capitalised).
pub(super) fn after_open_quote(text: &str, ws: &[Tok], wi: usize, article: &Article, si: usize) -> bool {
    let Some(w) = ws.get(wi) else { return false };
    let from = if wi == 0 {
        article.sentences.get(si).map_or(w.range.start, |s| s.range.start)
    } else {
        ws.get(wi - 1).map_or(w.range.start, |p| p.full_end)
    };
    let gap = text.get(from..w.range.start).unwrap_or("");
    // Most gaps are one space: answered without the character searches.
    if gap == " " {
        return false;
    }
    gap.contains(['"', '“', '«', '‘']) || gap.contains(['(', ':', '–', '—'])
}

/// The words of one sentence, read by the candidate finder.
pub(super) struct SentenceWords<'a> {
    pub(super) text: &'a str,
    pub(super) ws: &'a [Tok],
    pub(super) res: &'a Resources,
}

impl SentenceWords<'_> {
    pub(super) fn word(&self, i: usize) -> &str {
        self.ws.get(i).map_or("", |w| w.range.slice(self.text))
    }

    /// Whether word `i` is written as a name (capitalised, not "Russian-speaking"); a month or weekday is a name
    /// only before an organisation word ("Sunday Times").
    pub(super) fn name_like(&self, i: usize) -> bool {
        // The shape and the calendar test were read once, when the sentence was split.
        let Some(w) = self.ws.get(i) else { return false };
        let calendar = || {
            w.calendar && {
                let n = self.word(i + 1);
                !(is_capitalised(n) && self.res.org_words.contains(&fold(n)))
            }
        };
        w.name_shape && !calendar()
    }

    /// Whether the folded word is an organisation word or a place word.
    pub(super) fn org_or_place_word(&self, l: &str) -> bool {
        self.res.org_words.contains(l) || PLACE_WORDS.contains(&l)
    }

    /// After the name's words so far, at lowercase word `j`: one or two particles or connectors ("of the") and
    /// then a capitalised word; returns the index of that word. Connectors join only organisation and place
    /// names; "X Times and Y Times" are two names ("and" joins only when no organisation word follows it).
    pub(super) fn connector_run(&self, seq: &[usize], j: usize) -> Option<usize> {
        let has_org = seq.iter().any(|&k| self.org_or_place_word(&fold(self.word(k))));
        let whole = seq.last().is_some_and(|&k| self.org_or_place_word(&fold(self.word(k))));
        if whole && fold(self.word(j)) == "in" {
            return None;
        }
        let mut k = j;
        let mut ok = false;
        while k < j + 2 {
            let lk = fold(self.word(k));
            let is_particle = PARTICLES.contains(&lk.as_str()) && !is_capitalised(self.word(k));
            let is_connector = CONNECTORS.contains(&lk.as_str()) && has_org;
            if !(is_particle || is_connector) {
                break;
            }
            let (Some(a), Some(b)) = (self.ws.get(k), self.ws.get(k + 1)) else { break };
            if !plain_gap(self.text, a.full_end, b.range.start) {
                break;
            }
            if self.name_like(k + 1) {
                ok = true;
                break;
            }
            k += 1;
        }
        let and_splits = fold(self.word(j)) == "and" && {
            let mut m = k + 1;
            let mut org_after = false;
            while self.name_like(m) {
                org_after |= self.res.org_words.contains(&fold(self.word(m)));
                m += 1;
            }
            org_after
        };
        (ok && !and_splits).then_some(k + 1)
    }

    /// Whether word `j` is a short number closing a name of at most two words ("Channel 4").
    pub(super) fn numbered_tail(&self, seq: &[usize], j: usize) -> bool {
        let w = self.word(j);
        let Some(next) = self.ws.get(j) else { return false };
        w.len() <= 3
            && w.chars().all(|c| c.is_ascii_digit())
            && seq.len() <= 2
            && self.ws.get(j + 1).is_none_or(|n| !plain_gap(self.text, next.full_end, n.range.start))
    }

    /// The name that starts at word `i`: following capitalised words, particles and connectors.
    pub(super) fn extend_name(&self, i: usize, si: usize) -> Candidate {
        let mut seq = vec![i];
        let mut j = i + 1;
        let mut numbered = false;
        while let Some(last) = seq.last().and_then(|&k| self.ws.get(k)) {
            let Some(next) = self.ws.get(j) else { break };
            // A possessive ends a name unless an organisation or place word follows ("People's Republic").
            if last.possessive {
                if !(self.name_like(j) && self.org_or_place_word(&fold(self.word(j)))) {
                    break;
                }
                seq.push(j);
                j += 1;
                continue;
            }
            let initial_dot = last.range.len() == 1
                && last.range.slice(self.text).chars().all(char::is_uppercase)
                && self.text.get(last.range.end..next.range.start) == Some(". ");
            if !plain_gap(self.text, last.full_end, next.range.start) && !initial_dot {
                break;
            }
            if self.name_like(j) {
                seq.push(j);
                j += 1;
                continue;
            }
            if let Some(end) = self.connector_run(&seq, j) {
                seq.extend(j..=end);
                j = end + 1;
                continue;
            }
            if self.numbered_tail(&seq, j) {
                numbered = true;
                seq.push(j);
            }
            break;
        }
        Candidate { words: seq, sentence: si, numbered }
    }
}

/// Maximal capitalised word sequences of a sentence, joined by particles and by connectors when the name is
/// an organisation's or a place's ("Ministry of Foreign Affairs of …").
pub(super) fn candidates(text: &str, ws: &[Tok], si: usize) -> Vec<Candidate> {
    let sw = SentenceWords { text, ws, res: resources() };
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !sw.name_like(i) {
            // Not written as a name (lowercase, a month, "Russian-speaking").
            i += 1;
            continue;
        }
        let cand = sw.extend_name(i, si);
        i = cand.words.last().map_or(i + 1, |&l| l + 1);
        out.push(cand);
    }
    out
}

/// What the classifier reads of one candidate's sentence.
pub(super) struct Classifier<'a> {
    pub(super) text: &'a str,
    pub(super) ws: &'a [Tok],
    pub(super) cand: &'a Candidate,
    pub(super) facts: &'a ArticleFacts,
    pub(super) res: &'a Resources,
    pub(super) article: &'a Article,
}

impl Classifier<'_> {
    pub(super) fn word(&self, i: usize) -> &str {
        self.ws.get(i).map_or("", |w| w.range.slice(self.text))
    }

    /// Whether word `i` starts the sentence or a quotation.
    pub(super) fn initial(&self, i: usize) -> bool {
        i == 0 || after_open_quote(self.text, self.ws, i, self.article, self.cand.sentence)
    }

    /// The span from word `first` to word `last`.
    pub(super) fn span(&self, first: usize, last: usize) -> Option<TextRange> {
        let (fw, lw) = (self.ws.get(first)?, self.ws.get(last)?);
        Some(TextRange::new(fw.range.start, lw.range.end))
    }

    /// Hyphenated compounds of places ("Russia-Germany") become one mention per place.
    pub(super) fn hyphenated_places(&self, idx: &[usize]) -> Option<Vec<Mention>> {
        let [only] = idx else { return None };
        let w = self.word(*only);
        let parts: Vec<&str> = w.split('-').collect();
        if !w.contains('-') || !parts.iter().all(|p| self.res.places.contains_key(&fold(p))) {
            return None;
        }
        let mut out = Vec::new();
        let mut off = self.ws.get(*only).map_or(0, |t| t.range.start);
        for p in parts {
            let r = TextRange::new(off, off + p.len());
            off += p.len() + 1;
            out.push(place_mention(r, p, self.cand.sentence, self.res));
        }
        Some(out)
    }

    /// Drops leading stop words and determiners ("The", "During", "However"), and a sentence's first word the
    /// article otherwise writes in lowercase.
    pub(super) fn drop_leading_stops(&self, idx: &mut Vec<usize>) {
        let res = self.res;
        while let Some(&first) = idx.first() {
            let l = fold(self.word(first));
            let calendar_name =
                is_month_or_weekday(&l) && idx.get(1).is_some_and(|&n| res.org_words.contains(&fold(self.word(n))));
            let participle = (l.ends_with("ing") || l.ends_with("ed")) && !res.given.contains(&l);
            // "Said Jane Roe:", "Says Jane Roe": an inverted verb of saying opens no name (though "Said" is a
            // given name too).
            let inverted = self.initial(first) && idx.len() > 1 && matches!(l.as_str(), "said" | "says");
            // "Independent Jane Doe": a capitalised modifier before a given name and a surname.
            let before_given = idx.len() > 2
                && idx.get(1).is_some_and(|&n| res.given.contains(&fold(self.word(n))))
                && !res.org_words.contains(&l);
            let drop = inverted
                || (is_stop_cap(&l) && !calendar_name)
                || (self.initial(first)
                    && idx.len() > 1
                    && (self.facts.lower.contains(l.as_str()) || participle || before_given)
                    && !self.facts.known(&l)
                    && !res.given.contains(&l)
                    && !res.places.contains_key(&l)
                    && !res.titles.contains(&l)
                    && !res.demonyms.contains_key(&l)
                    && !is_acronym(self.word(first)));
            // "New Jersey" of "New Jersey Gov. X" is a place, whatever its first word.
            let place = || {
                let joined: Vec<String> = idx.iter().map(|&i| fold(self.word(i))).collect();
                idx.len() > 1 && res.places.contains_key(&joined.join(" "))
            };
            if !drop || place() {
                break;
            }
            idx.remove(0);
        }
        // A name never ends in a pronoun or question word ("the Louvre What has …", a lost line break).
        while idx.len() > 1 && idx.last().is_some_and(|&l| NEVER_LAST.contains(&fold(self.word(l)).as_str())) {
            idx.pop();
        }
    }

    /// After "Secretary of", "Minister for" the first words are the portfolio, not the name ("State" of
    /// "Secretary of State Jane Roe"): up to a given name, else the first word, when two words stay.
    pub(super) fn drop_portfolio(&self, idx: &mut Vec<usize>) {
        let Some(&first) = idx.first() else { return };
        let before = |k: usize| first.checked_sub(k).map(|i| fold(self.word(i)));
        let after_title = matches!(before(1).as_deref(), Some("of" | "for"))
            && before(2).is_some_and(|t| self.res.titles.contains(&t));
        if !after_title || idx.len() < 3 {
            return;
        }
        let given = idx.iter().skip(1).position(|&i| self.res.given.contains(&fold(self.word(i))));
        let cut = given.map_or(1, |g| g + 1).min(idx.len() - 2);
        idx.drain(..cut);
    }

    /// A lone word that starts a sentence is a name only when the article, the lists or its shape say so.
    pub(super) fn lone_initial_dropped(&self, idx: &[usize]) -> bool {
        let [only] = idx else { return false };
        if !self.initial(*only) {
            return false;
        }
        let w = self.word(*only);
        let l = fold(w);
        let keep = self.facts.known(&l)
            || self.res.places.contains_key(&l)
            || self.res.given.contains(&l)
            || is_acronym(w)
            || has_surname_ending(&l)
            || is_camel_case(w)
            || self.span(*only, *only).is_some_and(|r| self.dateline(r));
        !keep
    }

    /// A title inside a sequence splits it: "Superior Court Judge Jane Doe" is Jane Doe with her role.
    pub(super) fn person_after_title(&self, idx: &[usize]) -> Option<Mention> {
        let res = self.res;
        let k = idx.iter().rposition(|&i| {
            let l = fold(self.word(i));
            res.titles.contains(&l)
                && !res.demonyms.contains_key(&l)
                && !matches!(l.as_str(), "first" | "former" | "late")
        })?;
        if k == 0 || k + 1 >= idx.len() {
            return None;
        }
        // A portfolio after the title ("Secretary of State", "Minister for Health") is part of the role.
        let portfolio = idx.get(k + 1).is_some_and(|&i| matches!(fold(self.word(i)).as_str(), "of" | "for"));
        let k = if portfolio && k + 3 < idx.len() { k + 2 } else { k };
        let tail: Vec<String> = idx.iter().skip(k + 1).map(|&i| fold(self.word(i))).collect();
        let personal = tail.first().is_some_and(|f| res.given.contains(f)) || tail.len() >= 2;
        if !personal || tail.iter().any(|l| res.org_words.contains(l) || res.places.contains_key(l)) {
            return None;
        }
        let (&first, &last) = (idx.get(k + 1)?, idx.last()?);
        let range = self.span(first, last)?;
        let (role, role_range) = role_before(self.text, self.ws, first, res);
        Some(Mention {
            range,
            kind: EntityKind::Person,
            name: range.slice(self.text).to_string(),
            role,
            role_range,
            sentence: Some(self.cand.sentence),
            guessed: false,
        })
    }

    /// Splits role words off the name: leading titles and demonyms (organisations keep their leading modifiers,
    /// "Foreign Ministry"), and trailing titles after an organisation or place ("a U.S. News Reporter").
    /// Returns whether a leading role was split off.
    pub(super) fn strip_roles(&self, idx: &mut Vec<usize>) -> bool {
        let res = self.res;
        let org_at_end = idx.last().is_some_and(|&l| res.org_words.contains(&fold(self.word(l))));
        let mut had_role = false;
        if !org_at_end {
            while idx.len() > 1 || idx.first().is_some_and(|&f| is_role_word(&fold(self.word(f)), res)) {
                let Some(&f) = idx.first() else { break };
                let l = fold(self.word(f));
                if !is_role_word(&l, res) || res.places.contains_key(&l) {
                    break;
                }
                had_role = true;
                idx.remove(0);
                // A portfolio after the title ("Secretary of State Jane Roe") is part of the role.
                let portfolio = idx.first().is_some_and(|&c| matches!(fold(self.word(c)).as_str(), "of" | "for"));
                if portfolio && idx.len() > 3 {
                    idx.drain(..2);
                }
            }
        }
        while idx.len() > 1 && idx.last().is_some_and(|&l| res.titles.contains(&fold(self.word(l)))) {
            let before_title = idx.get(idx.len() - 2).map_or(String::new(), |&b| fold(self.word(b)));
            if !(res.org_words.contains(&before_title) || res.places.contains_key(&before_title)) {
                break;
            }
            idx.pop();
        }
        had_role
    }

    /// Whether the words left are no name: an event ("World War II"), a demonym, a lone title or letter, or a
    /// lone capitalised common noun ("Announcement") the body does not confirm elsewhere.
    pub(super) fn not_a_name(&self, idx: &[usize], lower: &str, surface: &str) -> bool {
        let res = self.res;
        let event = idx.iter().any(|&i| EVENT_WORDS.contains(&fold(self.word(i)).as_str()))
            && !idx.iter().any(|&i| res.org_words.contains(&fold(self.word(i))));
        let demonym = res.demonyms.contains_key(lower) || res.demonyms.contains_key(lower.trim_end_matches('s'));
        let lone = idx.len() == 1;
        event
            || demonym
            || (lone && surface.chars().count() < 2)
            || (lone
                && res.titles.contains(lower)
                && !idx.first().is_some_and(|&i| after_honorific(self.text, self.ws, i)))
            || (lone && CORPORATE_SUFFIXES.contains(&lower))
            || (lone && !self.facts.known_twice(lower) && COMMON_NOUN_ENDINGS.iter().any(|e| lower.ends_with(e)))
    }

    /// The mention of the name left after roles were split off, with its kind.
    pub(super) fn name_mention(&self, idx: &[usize], had_role: bool) -> Option<Mention> {
        let (&first, &last) = (idx.first()?, idx.last()?);
        let range = self.span(first, last)?;
        let surface = range.slice(self.text);
        let lower = fold(surface);
        if self.not_a_name(idx, &lower, surface) {
            return None;
        }
        let (kind, guessed) = if self.dateline(range) {
            (EntityKind::Place, false)
        } else {
            kind_of(self.text, self.ws, idx, self.cand, self.res, had_role)?
        };
        let (role, role_range) =
            if kind == EntityKind::Person { role_before(self.text, self.ws, first, self.res) } else { (None, None) };
        let name = match kind {
            EntityKind::Place => self.res.places.get(&lower).cloned().unwrap_or_else(|| surface.to_string()),
            EntityKind::Organization => self.without_corporate_suffix(idx).unwrap_or_else(|| surface.to_string()),
            EntityKind::Person => surface.to_string(),
        };
        Some(Mention { range, kind, name, role, role_range, sentence: Some(self.cand.sentence), guessed })
    }

    /// Whether a name is the town of a dateline: it opens the first body paragraph and is followed, within the
    /// line, by at most a short comma part (a state, a date) and a parenthesis (an agency), then a dash (`CITY,
    /// State —`, `CITY (Agency) —`, `CITY, Month Day (Agency) -`).
    pub(super) fn dateline(&self, range: TextRange) -> bool {
        let before = self.text.get(..range.start).unwrap_or("x").trim_end_matches(' ');
        if !(before.is_empty() || before.ends_with('\n')) {
            return false;
        }
        let a = self.article;
        let body = a
            .paragraphs
            .iter()
            .find(|p| p.kind == ParagraphKind::Body && !a.furniture.iter().any(|f| f.range.contains_range(p.range)));
        let Some(p) = body.filter(|p| self.text.get(p.range.start..range.start).is_some_and(|g| g.trim().is_empty()))
        else {
            return false;
        };
        let rest = self.text.get(range.end..p.range.end).unwrap_or("");
        let rest = rest.split('\n').next().unwrap_or("");
        let (rest, comma) = match rest.strip_prefix(',') {
            Some(r) => {
                (r.get(r.find(['(', '—', '–', '-']).filter(|&i| i <= 40).unwrap_or(r.len())..).unwrap_or(""), true)
            }
            None => (rest, false),
        };
        let rest = rest.trim_start();
        let (rest, agency) = match rest.strip_prefix('(').and_then(|r| r.split_once(')')) {
            Some((agency, after)) if agency.len() <= 30 => (after.trim_start(), true),
            _ => (rest, false),
        };
        // A name and a dash alone (`Jane Roe — the mayor — said`) is a dateline only in capitals.
        let name = range.slice(self.text);
        let capitals = !name.chars().any(char::is_lowercase);
        let dash = ["— ", "– ", "-- ", "- "].iter().any(|d| rest.starts_with(d));
        dash && (comma || agency || capitals) && name.split(' ').count() <= 4
    }

    /// An organisation's name without a closing corporate suffix ("Acme" of "Acme Corp."), when one is there.
    pub(super) fn without_corporate_suffix(&self, idx: &[usize]) -> Option<String> {
        let (&first, [.., before_last, last]) = (idx.first()?, idx) else { return None };
        if !CORPORATE_SUFFIXES.contains(&fold(self.word(*last)).as_str()) {
            return None;
        }
        Some(self.span(first, *before_last)?.slice(self.text).to_string())
    }
}

/// Classifies a candidate into zero or more mentions (roles split off, sentence-initial words dropped,
/// headings restricted to names the body confirms).
pub(super) fn classify(c: &Classifier, heading: bool) -> Vec<Mention> {
    let mut idx = c.cand.words.clone();
    if let Some(places) = c.hyphenated_places(&idx) {
        return places;
    }
    // "Gov." of "New Jersey Gov. Jane Doe", "Rev." of "the Rev. John Doe": the role of the name after it.
    while idx.last().is_some_and(|&l| title_abbreviation(c.text, c.ws, l, c.res)) {
        idx.pop();
    }
    c.drop_leading_stops(&mut idx);
    if idx.is_empty() {
        return Vec::new();
    }
    if heading {
        return heading_mentions(c.text, c.ws, &idx, c.cand.sentence, c.facts, c.res);
    }
    c.drop_portfolio(&mut idx);
    if c.lone_initial_dropped(&idx) {
        return Vec::new();
    }
    if let Some(m) = c.person_after_title(&idx) {
        return vec![m];
    }
    // "Mr. King": after an honorific a lone title word is the surname.
    let surname_after_honorific = matches!(idx.as_slice(), [only] if after_honorific(c.text, c.ws, *only));
    let had_role = surname_after_honorific || c.strip_roles(&mut idx);
    c.name_mention(&idx, had_role).into_iter().collect()
}

pub(super) fn place_mention(range: TextRange, surface: &str, sentence: usize, res: &Resources) -> Mention {
    let name = res.places.get(&fold(surface)).cloned().unwrap_or_else(|| surface.to_string());
    Mention {
        range,
        kind: EntityKind::Place,
        name,
        role: None,
        role_range: None,
        sentence: Some(sentence),
        guessed: false,
    }
}

/// In a heading, only runs of words the body confirms (or places and acronyms) are names.
pub(super) fn heading_mentions(
    text: &str,
    ws: &[Tok],
    idx: &[usize],
    sentence: usize,
    facts: &ArticleFacts,
    res: &Resources,
) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, out: &mut Vec<Mention>| {
        if let (Some(&a), Some(&b)) = (run.first(), run.last()) {
            if let (Some(wa), Some(wb)) = (ws.get(a), ws.get(b)) {
                let range = TextRange::new(wa.range.start, wb.range.end);
                let s = range.slice(text);
                let l = fold(s);
                let (kind, guessed) = if res.places.contains_key(&l) {
                    (EntityKind::Place, false)
                } else if is_acronym(s) || res.org_words.contains(l.rsplit(' ').next().unwrap_or("")) {
                    (EntityKind::Organization, false)
                } else {
                    (EntityKind::Person, true)
                };
                let name = if kind == EntityKind::Place { res.places.get(&l).cloned() } else { None };
                out.push(Mention {
                    range,
                    kind,
                    name: name.unwrap_or_else(|| s.to_string()),
                    role: None,
                    role_range: None,
                    sentence: Some(sentence),
                    guessed,
                });
            }
        }
        run.clear();
    };
    for &i in idx {
        let w = ws.get(i).map_or("", |t| t.range.slice(text));
        let l = fold(w);
        let ok = (facts.known(&l) || res.places.contains_key(&l) || is_acronym(w))
            && !res.titles.contains(&l)
            && !res.demonyms.contains_key(&l)
            && !res.org_words.contains(&l)
            && !is_stop_cap(&l);
        if ok {
            run.push(i);
            if ws.get(i).is_some_and(|t| t.possessive) {
                flush(&mut run, &mut out);
            }
        } else {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

pub(super) fn is_role_word(lower: &str, res: &Resources) -> bool {
    res.titles.contains(lower) || res.demonyms.contains_key(lower)
}

/// Capitalised abbreviations with a period that are no title before a name: place prefixes ("St. Louis"),
/// generational suffixes, numbering and the like.
pub(super) const NOT_TITLES: &[&str] =
    &["st", "mt", "ft", "jr", "sr", "no", "nos", "vs", "vol", "fig", "pp", "ca", "al", "cf"];

/// Honorifics after which a title word is a surname ("Mr. King").
pub(super) const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr", "mme", "mlle"];

/// Whether word `i` of a sentence is an abbreviated title: a capitalised word of two to four letters (the rest
/// lowercase) written with a period right before another capitalised word of the sentence ("Sen. Jane Doe",
/// "the Rev. John Doe", "Lt. Gen. John Doe"), and no place ("Fla."), month, corporate suffix ("Co.") or place
/// prefix ("St. Louis"). Such a word is evidence that a person's name follows, and part of no name itself.
pub(super) fn title_abbreviation(text: &str, ws: &[Tok], i: usize, res: &Resources) -> bool {
    let (Some(w), Some(next)) = (ws.get(i), ws.get(i + 1)) else { return false };
    if text.get(w.range.end..next.range.start) != Some(". ") || w.possessive {
        return false;
    }
    let word = w.range.slice(text);
    let mut chars = word.chars();
    let shape = chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase)
        && (2..=4).contains(&word.chars().count());
    if !shape || !is_capitalised(next.range.slice(text)) {
        return false;
    }
    let l = fold(word);
    !res.places.contains_key(&l)
        && !is_month_or_weekday(&l)
        && !CORPORATE_SUFFIXES.contains(&l.as_str())
        && !NOT_TITLES.contains(&l.as_str())
}

/// Whether word `i` follows an honorific written with its period ("Mr. King", "Dr. Page").
pub(super) fn after_honorific(text: &str, ws: &[Tok], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| ws.get(p)) else { return false };
    let gap = ws.get(i).and_then(|w| text.get(prev.range.end..w.range.start));
    gap == Some(". ") && HONORIFICS.contains(&fold(prev.range.slice(text)).as_str())
}

/// A word with a capital after a short lowercase prefix ("McX", "MacX", "DeX", "LaX"): a surname's shape no
/// common word has.
pub(super) fn is_camel_case(w: &str) -> bool {
    let mut chars = w.chars();
    let lowers = chars.by_ref().skip(1).take_while(|c| c.is_lowercase()).count();
    chars.next().is_some_and(char::is_lowercase)
        && w.chars().next().is_some_and(char::is_uppercase)
        && (1..=2).contains(&lowers)
        && w.chars().nth(lowers + 1).is_some_and(char::is_uppercase)
}

pub(super) fn has_surname_ending(lower: &str) -> bool {
    lower.chars().count() >= 5 && SURNAME_ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// The kind of a candidate, or `None` when it is not an entity.
pub(super) fn kind_of(
    text: &str,
    ws: &[Tok],
    idx: &[usize],
    cand: &Candidate,
    res: &Resources,
    had_title: bool,
) -> Option<(EntityKind, bool)> {
    let word = |i: usize| ws.get(i).map_or("", |w| w.range.slice(text));
    let lowers: Vec<String> = idx.iter().map(|&i| fold(word(i))).collect();
    let joined = lowers.join(" ");
    if res.places.contains_key(&joined) {
        return Some((EntityKind::Place, false));
    }
    let last = lowers.last().map(String::as_str).unwrap_or("");
    if cand.numbered {
        return Some((EntityKind::Organization, false));
    }
    if lowers.iter().any(|l| res.org_words.contains(l)) {
        return Some((EntityKind::Organization, false));
    }
    if PLACE_WORDS.contains(&last) && lowers.len() > 1 {
        return Some((EntityKind::Place, false));
    }
    let (Some(&first_i), Some(&last_i)) = (idx.first(), idx.last()) else { return None };
    // Context: "the X agency", "news agency X".
    let after = ws.get(last_i + 1).map(|w| fold(w.range.slice(text)));
    let before = first_i.checked_sub(1).and_then(|b| ws.get(b)).map(|w| fold(w.range.slice(text)));
    if after.as_deref().is_some_and(|a| res.org_nouns.contains(a)) {
        return Some((EntityKind::Organization, false));
    }
    if before.as_deref().is_some_and(|b| res.org_nouns.contains(b) && b != "party") {
        return Some((EntityKind::Organization, false));
    }
    if idx.len() == 1 && is_acronym(word(first_i)) {
        return Some((EntityKind::Organization, false));
    }
    // "in X, Country" and "X and Y People's Republics" are places.
    let comma_place = ws.get(last_i + 1).is_some_and(|n| {
        let gap = text.get(ws.get(last_i).map_or(0, |w| w.full_end)..n.range.start).unwrap_or("");
        gap.trim() == "," && res.places.contains_key(&fold(n.range.slice(text)))
    });
    let shared_place_word = after.as_deref() == Some("and") && {
        let mut m = last_i + 2;
        let mut place_word = false;
        while let Some(w) = ws.get(m).map(|w| w.range.slice(text)).filter(|w| is_capitalised(w)) {
            place_word |= PLACE_WORDS.contains(&fold(w).as_str());
            m += 1;
        }
        place_word
    };
    if idx.len() == 1 && (comma_place || shared_place_word) {
        return Some((EntityKind::Place, false));
    }
    Some(person_or_guess(text, ws, &lowers, first_i, last_i, had_title))
}

/// Words after a name that make it a company ("X shares", "X's stock", "X CEO").
pub(super) const ORG_AFTER: &[&str] =
    &["shares", "stock", "stocks", "ceo", "cfo", "coo", "subsidiary", "subsidiaries", "shareholders", "stockholders"];

/// Word pairs before a name that make it an organisation ("spokesperson for X", "shares of X", "stake in X").
pub(super) const ORG_BEFORE: &[(&str, &str)] = &[
    ("spokesperson", "for"),
    ("spokesman", "for"),
    ("spokeswoman", "for"),
    ("shares", "of"),
    ("stake", "in"),
    ("acquisition", "of"),
];

/// Whether the words around a name say it is an organisation (see [`ORG_AFTER`] and [`ORG_BEFORE`]).
pub(super) fn org_context(text: &str, ws: &[Tok], first_i: usize, last_i: usize) -> bool {
    let folded = |i: usize| ws.get(i).map(|w| fold(w.range.slice(text)));
    let joined = |a: usize, b: usize| match (ws.get(a), ws.get(b)) {
        (Some(x), Some(y)) => plain_gap(text, x.full_end, y.range.start),
        _ => false,
    };
    let after = folded(last_i + 1).filter(|_| joined(last_i, last_i + 1));
    if after.as_deref().is_some_and(|a| ORG_AFTER.contains(&a)) {
        return true;
    }
    let (Some(b1), Some(b2)) = (first_i.checked_sub(2), first_i.checked_sub(1)) else { return false };
    let pair = (folded(b1), folded(b2));
    joined(b1, b2)
        && joined(b2, first_i)
        && ORG_BEFORE.iter().any(|(x, y)| pair.0.as_deref() == Some(*x) && pair.1.as_deref() == Some(*y))
}

/// The kind of a name no list decided: a person by its title, given name or surname ending; an organisation by
/// its context; else a guess from its shape.
pub(super) fn person_or_guess(
    text: &str,
    ws: &[Tok],
    lowers: &[String],
    first_i: usize,
    last_i: usize,
    had_title: bool,
) -> (EntityKind, bool) {
    let res = resources();
    // A title written just before the name (not "…, CEO, Acme").
    let before = first_i
        .checked_sub(1)
        .and_then(|b| ws.get(b))
        .filter(|b| ws.get(first_i).is_some_and(|f| plain_gap(text, b.full_end, f.range.start)))
        .map(|w| fold(w.range.slice(text)));
    let given = lowers.first().is_some_and(|f| res.given.contains(f));
    let abbreviated = first_i.checked_sub(1).is_some_and(|b| title_abbreviation(text, ws, b, res));
    if had_title || abbreviated || given || lowers.iter().any(|l| has_surname_ending(l)) {
        return (EntityKind::Person, false);
    }
    if org_context(text, ws, first_i, last_i) {
        return (EntityKind::Organization, false);
    }
    if before.as_deref().is_some_and(|b| res.titles.contains(b)) {
        return (EntityKind::Person, false);
    }
    if lowers.len() == 1 && before.as_deref().is_some_and(|b| matches!(b, "in" | "near" | "from")) {
        return (EntityKind::Place, true);
    }
    let name_words = lowers.iter().all(|l| l.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '.'));
    if (2..=4).contains(&lowers.len()) && name_words {
        return (EntityKind::Person, true);
    }
    (EntityKind::Organization, true)
}

/// The role written before a person's name: titles, demonyms and attached capitalised modifiers
/// ("Russian President", "Kremlin chief", "Foreign Minister").
pub(super) fn role_before(
    text: &str,
    ws: &[Tok],
    first: usize,
    res: &Resources,
) -> (Option<String>, Option<TextRange>) {
    let mut start: Option<usize> = None;
    let mut end: Option<usize> = None;
    let mut has_head = false;
    let mut k = first;
    while k > 0 {
        let (Some(prev), Some(cur)) = (ws.get(k - 1), ws.get(k)) else { break };
        let abbreviated = title_abbreviation(text, ws, k - 1, res);
        if !(plain_gap(text, prev.full_end, cur.range.start) || abbreviated) || prev.possessive {
            break;
        }
        let w = prev.range.slice(text);
        let l = fold(w);
        let title = res.titles.contains(&l) || abbreviated;
        let demonym = res.demonyms.contains_key(&l);
        let modifier = is_capitalised(w) && start.is_some() && !res.places.contains_key(&l) && !is_stop_cap(&l);
        if !(title || demonym || modifier) {
            break;
        }
        if title && !matches!(l.as_str(), "former" | "then" | "late" | "acting" | "first" | "foreign") {
            has_head = true;
        }
        if end.is_none() {
            end = Some(prev.range.end);
        }
        start = Some(prev.range.start);
        k -= 1;
    }
    match (start, end) {
        (Some(s), Some(e)) if has_head => {
            let r = TextRange::new(s, e);
            (Some(r.slice(text).to_string()), Some(r))
        }
        _ => (None, None),
    }
}

/// Lowercase writings of a person's surname ("with smith" after "John Smith") are mentions too.
pub(super) fn add_lowercase_variants(article: &Article, sentence_words: &[Vec<Tok>], found: &mut Vec<Mention>) {
    let text = &article.text;
    let mut surnames: Map<String, usize> = Map::new();
    for m in found.iter().filter(|m| m.kind == EntityKind::Person) {
        if let Some(last) = name_parts(m.range.slice(text)).last() {
            if last.chars().count() >= 4 {
                *surnames.entry(last.to_string()).or_insert(0) += 1;
            }
        }
    }
    // The surnames written twice or more, folded once.
    let twice: Vec<(String, &String)> = surnames.iter().filter(|(_, &c)| c >= 2).map(|(n, _)| (fold(n), n)).collect();
    if twice.is_empty() {
        return;
    }
    let mut extra = Vec::new();
    for (si, ws) in sentence_words.iter().enumerate() {
        for w in ws {
            let s = w.range.slice(text);
            if !twice.iter().any(|(_, n)| n.len() == s.len()) || !first_char(s).is_some_and(char::is_lowercase) {
                continue;
            }
            let folded = fold(s);
            let hit = twice.iter().find(|(f, n)| n.len() == s.len() && *f == folded);
            if let Some(&(_, n)) = hit {
                extra.push(Mention {
                    range: w.range,
                    kind: EntityKind::Person,
                    name: n.clone(),
                    role: None,
                    role_range: None,
                    sentence: Some(si),
                    guessed: false,
                });
            }
        }
    }
    if !extra.is_empty() {
        found.extend(extra);
        crate::base::order::sort_by_key(found, |m| (m.range.start, m.range.end));
        found.dedup_by_key(|m| m.range);
    }
}

/// What a single-word name is compared with in a full person name: its first part folded, its last part folded
/// with its transliteration key, and the article's fullest form of the name.
pub(super) struct FullKeys {
    pub(super) first: Option<String>,
    pub(super) last: Option<(String, String)>,
    pub(super) fullest: Option<String>,
}

impl FullKeys {
    pub(super) fn of(parts: &[String], fulls: &FullNames) -> FullKeys {
        FullKeys {
            first: parts.first().map(|f| fold(f)),
            last: parts.last().map(|l| (fold(l), translit_key(l))),
            fullest: fulls.fullest(parts),
        }
    }
}

/// Within one article: short forms take the full name written elsewhere in it, acronyms their expansion,
/// case variants one spelling.
pub(super) fn resolve_within(article: &Article, found: &mut [Mention]) {
    let text = &article.text;
    let expansions = acronym_expansions(text, found);
    let fulls = FullNames::of(found);
    // Per full name, computed when a single-word name first needs them.
    let full_keys: std::cell::OnceCell<Vec<FullKeys>> = std::cell::OnceCell::new();
    for i in 0..found.len() {
        let Some(m) = found.get(i) else { continue };
        let surface = m.range.slice(text);
        let kind = m.kind;
        let parts: Vec<String> = name_parts(&m.name).iter().map(|p| p.to_string()).collect();
        let (new_name, new_kind) = if let Some(e) = expansions.get(surface) {
            (Some(e.clone()), EntityKind::Organization)
        } else if parts.len() >= 2 && kind == EntityKind::Person {
            (fulls.fullest(&parts), kind)
        } else if parts.len() == 1 && (kind != EntityKind::Place || m.guessed) {
            let keys = full_keys.get_or_init(|| fulls.0.iter().map(|f| FullKeys::of(&f.1, &fulls)).collect());
            let part = parts.first().map_or("", String::as_str);
            let part = SingleName::of(part);
            match single_name_fit(&part, keys) {
                Some(n) => (Some(n), EntityKind::Person),
                // Two namesakes of the article fit: which one is not told, but a person it is.
                None if m.guessed && keys.iter().any(|k| part.fits(k)) => (None, EntityKind::Person),
                None => (None, kind),
            }
        } else {
            (None, kind)
        };
        if let Some(m) = found.get_mut(i) {
            if let Some(n) = new_name {
                m.name = n;
            }
            if m.kind != new_kind {
                retype(article, m, new_kind);
            }
        }
    }
    one_kind_per_name(found);
    // Case variants of one organisation's name share the first spelling ("Acme"/"ACME").
    let mut first_spelling: Map<(EntityKind, String), String> = Map::new();
    for m in found.iter_mut() {
        let key = (m.kind, fold(&m.name));
        let n = first_spelling.entry(key).or_insert_with(|| m.name.clone());
        m.name = n.clone();
    }
}

/// Acronyms written "Expansion (ACR)", and acronyms the article uses that are the initials of one of its
/// organisations of several words: acronym → expansion.
pub(super) fn acronym_expansions(text: &str, found: &[Mention]) -> Map<String, String> {
    let mut expansions: Map<String, String> = Map::new();
    for m in found.iter().filter(|m| m.kind == EntityKind::Organization) {
        let after = text.get(m.range.end..).unwrap_or("");
        let Some(inner) = after.strip_prefix(" (").and_then(|r| r.split(')').next()) else { continue };
        if is_acronym(inner) && !inner.contains(' ') && m.range.slice(text).contains(' ') {
            expansions.insert(inner.to_string(), m.name.clone());
        }
    }
    // (initials, name) of each organisation of several words.
    let orgs: Vec<(String, String)> = found
        .iter()
        .filter(|m| m.kind == EntityKind::Organization && m.name.contains(' '))
        .map(|m| (initials(&m.name), m.name.clone()))
        .collect();
    for m in found.iter() {
        let s = m.range.slice(text);
        if is_acronym(s) && !expansions.contains_key(s) {
            let bare = s.replace('.', "");
            if let Some((_, e)) = orgs.iter().find(|(i, _)| *i == bare) {
                expansions.insert(s.to_string(), e.clone());
            }
        }
    }
    expansions
}

/// The article's full person names: (start, parts, name).
pub(super) struct FullNames(Vec<(usize, Vec<String>, String)>);

impl FullNames {
    pub(super) fn of(found: &[Mention]) -> FullNames {
        FullNames(
            found
                .iter()
                .filter(|m| m.kind == EntityKind::Person)
                .map(|m| {
                    (
                        m.range.start,
                        name_parts(&m.name).iter().map(|p| p.to_string()).collect::<Vec<_>>(),
                        m.name.clone(),
                    )
                })
                .filter(|(_, parts, _)| parts.len() >= 2)
                .collect(),
        )
    }

    /// The fullest written form with the same last part and the same first part or its formal given name
    /// (with or without a middle name; "William H. Doe" for "Bill Doe").
    pub(super) fn fullest(&self, parts: &[String]) -> Option<String> {
        let (f, l) = (parts.first()?, parts.last()?);
        self.0
            .iter()
            .filter(|(_, p, _)| p.last() == Some(l) && p.first().is_some_and(|g| g == f || is_short_form(f, g)))
            .max_by_key(|(start, p, _)| (p.len(), p.first() != Some(f), std::cmp::Reverse(*start)))
            .map(|(_, _, n)| n.clone())
    }
}

/// A single-word name folded, with its transliteration key when it has four letters or more.
pub(super) struct SingleName {
    pub(super) folded: String,
    pub(super) key: Option<String>,
}

impl SingleName {
    pub(super) fn of(part: &str) -> SingleName {
        let folded = fold(part);
        let key = (folded.len() >= 4).then(|| translit_key(&folded));
        SingleName { folded, key }
    }

    /// Whether it is the surname (or a spelling of it) or the given name of a full name.
    pub(super) fn fits(&self, k: &FullKeys) -> bool {
        let p = &self.folded;
        k.last.as_ref().is_some_and(|(l, kl)| l == p || self.key.as_ref() == Some(kl))
            || k.first.as_ref().is_some_and(|f| f == p)
    }
}

/// The one full name a single-word name fits (its surname, a spelling of it, or its given name); two different
/// people sharing the surname leave it unresolved, unless one of them dominates the article (more than twice the
/// mentions in full of any other).
pub(super) fn single_name_fit(part: &SingleName, keys: &[FullKeys]) -> Option<String> {
    let mut fits: Map<String, usize> = Map::new();
    for k in keys.iter().filter(|k| part.fits(k)) {
        if let Some(n) = k.fullest.clone() {
            *fits.entry(n).or_insert(0) += 1;
        }
    }
    let mut ranked: Vec<(usize, String)> = fits.into_iter().map(|(n, c)| (c, n)).collect();
    crate::base::order::sort_by(&mut ranked, |a, b| b.cmp(a));
    match ranked.as_slice() {
        [(_, only)] => Some(only.clone()),
        [(c1, top), (c2, _), ..] if *c1 > 2 * *c2 => Some(top.clone()),
        _ => None,
    }
}

/// Gives a mention another kind; a person gets the role written before it.
pub(super) fn retype(article: &Article, m: &mut Mention, kind: EntityKind) {
    m.kind = kind;
    if kind == EntityKind::Person && m.role.is_none() {
        let text = &article.text;
        let from = m.sentence.and_then(|si| article.sentences.get(si)).map_or(0, |s| s.range.start);
        let ws = words(text, TextRange::new(from, m.range.end));
        let first = ws.len().saturating_sub(1);
        let (role, rr) = role_before(text, &ws, first, resources());
        m.role = role;
        m.role_range = rr;
    }
}

/// One name, one kind within an article: what was told wins over guesses, a person guess over others.
pub(super) fn one_kind_per_name(found: &mut [Mention]) {
    let mut kinds: Map<String, (bool, EntityKind)> = Map::new();
    for m in found.iter() {
        let rank = |(told, k): (bool, EntityKind)| (told, k == EntityKind::Person, std::cmp::Reverse(k));
        let e = kinds.entry(fold(&m.name)).or_insert((!m.guessed, m.kind));
        if rank((!m.guessed, m.kind)) > rank(*e) {
            *e = (!m.guessed, m.kind);
        }
    }
    for m in found.iter_mut() {
        if let Some(&(told, k)) = kinds.get(&fold(&m.name)) {
            if m.kind != k && m.guessed {
                m.kind = k;
                m.guessed = !told;
            }
        }
    }
}
