//! The corpus model: a story told by several sources, and its loading and validation.
//!
//! (Stub: the public types are fixed; loading and validation are being written.)

use crate::date::Date;
use serde::Serialize;

/// A source's id as the corpus gives it ("000", "p1").
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct SourceId(pub String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Article,
    Aggregator,
    Social,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    pub id: SourceId,
    /// A display name; never empty (falls back to the id).
    pub name: String,
    pub kind: SourceKind,
    pub published: Option<Date>,
    /// Only ever an http(s) URL.
    pub url: Option<String>,
    pub title: Option<String>,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Corpus {
    pub title: String,
    pub sources: Vec<Source>,
}

impl Corpus {
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.iter().find(|source| &source.id == id)
    }
}
