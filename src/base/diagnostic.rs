//! Diagnostics: what is wrong with an input, reported beside the result instead of failing.
//!
//! A diagnostic is data, not an error: the article (or the bundle) it describes still goes on through the
//! pipeline where it can. This module must not decide *when* to report something; the stages do.

use serde::Serialize;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    /// Something worth knowing; nothing was lost.
    Info,
    /// The input was repaired or partly ignored.
    Warning,
    /// The input could not be used at all.
    Error,
}

/// One recoverable problem with an input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// A stable machine-readable code such as `empty-input`.
    pub code: &'static str,
    /// A sentence a user understands, lowercase and without a trailing period.
    pub message: String,
    /// The article it concerns (its id or, before an id exists, its file name); `None` for the bundle.
    pub article: Option<String>,
}

impl Diagnostic {
    /// A diagnostic about one article.
    pub fn for_article(
        severity: Severity,
        code: &'static str,
        article: &str,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic { severity, code, message: message.into(), article: Some(article.to_string()) }
    }

    /// A diagnostic about the bundle as a whole.
    pub fn for_bundle(severity: Severity, code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity, code, message: message.into(), article: None }
    }
}
