//! The error type for misuse of the API (never for bad article content, which is a [`crate::Diagnostic`]).
//!
//! Whether a call errors must not depend on the bytes of an article: only on how the caller called it
//! (an unknown option, an invalid manifest handed in as configuration, an impossible request).

use std::fmt;

/// An API misuse error. Its message is lowercase and has no trailing period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

/// What kind of misuse happened.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The manifest handed in is not valid JSON or not of the documented shape.
    InvalidManifest(String),
    /// An option is out of its documented range.
    InvalidOption(String),
    /// An article id was asked for that the corpus does not hold.
    UnknownArticle(String),
    /// Too many articles for one corpus.
    TooManyArticles {
        /// The documented limit.
        limit: usize,
    },
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error { kind }
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::InvalidManifest(why) => write!(f, "the manifest cannot be read: {why}"),
            ErrorKind::InvalidOption(why) => write!(f, "invalid option: {why}"),
            ErrorKind::UnknownArticle(id) => write!(f, "no article with id \"{id}\" is loaded"),
            ErrorKind::TooManyArticles { limit } => {
                write!(f, "too many articles: at most {limit} can be cross-referenced at once")
            }
        }
    }
}

impl std::error::Error for Error {}
