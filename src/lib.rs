//! storylines cross-references news articles that different outlets wrote about the same story.
//!
//! The pipeline, in reading order (data flows one way):
//!
//! 1. [`text`]: raw bytes → decoded text; byte ranges; the one byte → UTF-16 converter.
//! 2. [`parse`] (with [`segment`], [`lexicon`], [`manifest`]): decoded text → [`Article`] with metadata,
//!    paragraphs, sentences and page furniture.
//! 3. [`annotate`] (with [`entities`], [`time`], [`numbers`], [`quotes`]): per-article annotations;
//!    [`entities::resolve`] merges entity mentions across articles.
//! 4. [`align`]: sentences of different articles that say the same thing.
//! 5. Cross-referencing: [`reuse`] (who took text from whom), [`claims`] (aligned sentences grouped, with
//!    sources and independent sources), [`events`] (stories and timeline events), [`quote_groups`],
//!    [`contradictions`]; on demand [`diff`] (two articles) and [`collate`] (one claim or quote group).
//! 6. [`corpus`]: owns the articles and runs the stages; [`export`] turns the result into the public model.
//!
//! Errors: [`Error`] is for misuse of the API only; anything wrong with an article is a [`Diagnostic`]
//! beside the result. The core never panics, does no IO, reads no clock and is deterministic.
//! The wasm binding (`wasm.rs`, wasm32 only) is the only place that knows about JavaScript.

pub mod align;
pub mod annotate;
pub mod article;
pub mod boilerplate;
pub mod claims;
pub mod collate;
pub mod contradictions;
pub mod corpus;
pub mod diagnostic;
pub mod diff;
pub mod entities;
pub mod error;
pub mod events;
pub mod export;
#[doc(hidden)]
pub mod fuzzing;
pub mod html;
pub mod lexicon;
pub mod manifest;
pub mod markdown;
pub mod numbers;
pub mod order;
pub mod parse;
pub mod quote_groups;
pub mod quotes;
pub mod reuse;
pub mod segment;
pub mod text;
pub mod time;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use article::Article;
pub use corpus::{Corpus, Options, DEFAULT_OPTIONS};
pub use diagnostic::{Diagnostic, Severity};
pub use error::{Error, ErrorKind};
pub use export::Export;
pub use manifest::Manifest;
pub use parse::Input;
