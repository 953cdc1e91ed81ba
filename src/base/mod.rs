//! What every stage shares: decoded text and its offsets, the one compiled sort, diagnostics and errors, and
//! general knowledge of the language (month and weekday names, function words).
//!
//! Owns no stage of the pipeline and imports nothing else of the crate: every other folder may use it.
//! Must not hold anything about a particular story, article format or annotation.

pub mod diagnostic;
pub mod error;
pub mod lexicon;
pub mod map;
pub mod order;
pub mod text;
