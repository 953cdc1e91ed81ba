//! Stage 4, the model: [`corpus::Corpus`] owns the parsed articles and runs the stages in order;
//! [`export`] turns their results into the public model (`schema: "storylines/1"`, UTF-16 spans).
//!
//! The only folder that sees every stage. Must not compute findings itself: export converts, the corpus
//! orchestrates.

pub mod corpus;
pub mod export;
