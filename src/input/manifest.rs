//! The manifest: a JSON list of article files with optional per-article metadata that overrides what the
//! parser infers.
//!
//! Shape: `{"articles": [{"file": "a.txt", "id": "…", "title": "…", "outlet": "…", "url": "…",
//! "published": "2023-11-10", "language": "en", "authors": ["…"]}]}`; every field but `file` is optional.
//! This module only reads the shape; it must not read files (callers do IO).

use crate::base::error::{Error, ErrorKind};
use serde::Deserialize;

/// One manifest entry.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ManifestEntry {
    /// Path of the article relative to the manifest (or, in the browser, relative to the manifest's URL).
    #[serde(default)]
    pub file: String,
    /// Stable id; defaults to the file name without its extension.
    #[serde(default)]
    pub id: Option<String>,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Outlet name.
    #[serde(default)]
    pub outlet: Option<String>,
    /// URL of the article.
    #[serde(default)]
    pub url: Option<String>,
    /// Publication date, ISO 8601.
    #[serde(default)]
    pub published: Option<String>,
    /// Language tag.
    #[serde(default)]
    pub language: Option<String>,
    /// Authors.
    #[serde(default)]
    pub authors: Vec<String>,
}

/// A parsed manifest.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The entries, in the order given.
    pub articles: Vec<ManifestEntry>,
}

impl Manifest {
    /// Reads a manifest from JSON text.
    ///
    /// # Errors
    /// When the text is not JSON of the documented shape, or an entry has no `file`.
    pub fn from_json(json: &str) -> Result<Manifest, Error> {
        let m: Manifest =
            serde_json::from_str(json).map_err(|e| Error::new(ErrorKind::InvalidManifest(e.to_string())))?;
        m.checked()
    }

    /// The manifest, if every entry names a file (what [`Manifest::from_json`] checks after reading the shape;
    /// for a manifest deserialized from elsewhere, such as a JavaScript object).
    ///
    /// # Errors
    /// When an entry has no `file`.
    pub fn checked(self) -> Result<Manifest, Error> {
        if let Some(pos) = self.articles.iter().position(|a| a.file.trim().is_empty()) {
            return Err(Error::new(ErrorKind::InvalidManifest(format!("entry {} has no \"file\"", pos + 1))));
        }
        Ok(self)
    }

    /// The entry for a file name, compared by the path as written and by its last component.
    pub fn entry_for(&self, file: &str) -> Option<&ManifestEntry> {
        let base = |s: &str| s.rsplit(['/', '\\']).next().unwrap_or(s).to_string();
        self.articles
            .iter()
            .find(|a| a.file == file)
            .or_else(|| self.articles.iter().find(|a| base(&a.file) == base(file)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_documented_shape_and_rejects_others() {
        let m = Manifest::from_json(r#"{"articles":[{"file":"a.txt","outlet":"X"}]}"#);
        assert_eq!(m.ok().and_then(|m| m.articles[0].outlet.clone()).as_deref(), Some("X"));
        let bad = Manifest::from_json("{").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(bad.starts_with("the manifest cannot be read"), "{bad}");
        assert!(Manifest::from_json(r#"{"articles":[{"id":"x"}]}"#).is_err());
    }
}
