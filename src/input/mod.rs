//! Stage 1, raw input → [`Article`](article::Article): format guess, Markdown and HTML reading, the manifest,
//! page layout and furniture, metadata with provenance, paragraphs, sentences and word tokens.
//!
//! Looks at one input at a time; must not look across articles or annotate the text (that is
//! [`annotate`](crate::annotate)'s and [`xref`](crate::xref)'s work). Uses only [`base`](crate::base).

pub mod article;
pub mod html;
pub mod manifest;
pub mod markdown;
pub mod parse;
pub mod segment;
