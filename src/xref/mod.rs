//! Stage 3, cross-references: what the articles of a bundle share and where they differ.
//!
//! In pipeline order: [`boilerplate`] (furniture that shows only across articles), [`align`] (sentences
//! that say the same thing), [`diff`] (two articles side by side), [`reuse`] (who took text from whom),
//! [`dating`] (publication dates of undated articles from their dated siblings), [`claims`] (aligned sentences grouped, with independent sources), [`quote_groups`] (one statement
//! across articles), [`events`] (stories and timeline events), [`contradictions`], and on demand
//! [`collate`] (one claim or quote group as a table); [`sketch`] (near-duplicate documents by MinHash and banded LSH) stands
//! apart, on bare texts. A module here uses only earlier ones of this list,
//! [`annotate`](crate::annotate), [`input`](crate::input) and [`base`](crate::base).
//!
//! Must not parse text or re-annotate an article, and must not know about the exported model's shape
//! ([`model`](crate::model) converts).

pub mod align;
pub mod boilerplate;
pub mod claims;
pub mod collate;
pub mod contradictions;
pub mod dating;
pub mod diff;
pub mod events;
pub mod quote_groups;
pub mod reuse;
pub mod sketch;
