//! storylines cross-references news articles that different outlets wrote about the same story.
//!
//! The source tree is the pipeline, in reading order (data flows one way, and no module imports one that
//! sits later in this list):
//!
//! 0. [`base`]: what every stage shares: decoded text, byte ranges and the one byte → UTF-16 converter,
//!    ordering, [`Diagnostic`] and [`Error`], general language knowledge.
//! 1. [`input`]: raw bytes → [`Article`] with metadata, paragraphs, sentences and page furniture.
//! 2. [`annotate`]: per-article annotations (entities, time expressions, numbers, quotes);
//!    [`annotate::entities::resolve`] merges entity mentions across articles.
//! 3. [`xref`]: cross-references: aligned sentences, reuse, claims, quote groups, events,
//!    contradictions; on demand a diff of two articles and the collation of one claim.
//! 4. [`model`]: [`Corpus`] owns the articles and runs the stages; [`Export`] is the public model.
//!
//! Errors: [`Error`] is for misuse of the API only; anything wrong with an article is a [`Diagnostic`]
//! beside the result. The core never panics, does no IO, reads no clock and is deterministic.
//! The wasm binding (`wasm.rs`, wasm32 only) is the only place that knows about JavaScript; the CLI is
//! `src/bin/storylines.rs`.

pub mod annotate;
pub mod base;
#[doc(hidden)]
pub mod fuzzing;
pub mod input;
pub mod model;
pub mod xref;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use base::diagnostic::{Diagnostic, Severity};
pub use base::error::{Error, ErrorKind};
pub use input::article::Article;
pub use input::manifest::Manifest;
pub use input::parse::Input;
pub use model::corpus::{Corpus, Options, DEFAULT_OPTIONS};
pub use model::export::Export;
