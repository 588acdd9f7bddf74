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

/// The demo corpus: the five seed reports, embedded in the build. (Stub; the real one reads the files' date lines.)
pub fn seeds() -> Corpus {
    let texts = [
        ("000", "Brussels wire report", SourceKind::Article, include_str!("corpus/seeds/000_c3d1db3825cf9e02.txt")),
        ("001", "Summary with social posts", SourceKind::Article, include_str!("corpus/seeds/001_7f1100e17d890f5a.txt")),
        ("002", "Virtual summit report", SourceKind::Article, include_str!("corpus/seeds/002_d583eda850feac0a.txt")),
        ("003", "'Road to nowhere' report", SourceKind::Article, include_str!("corpus/seeds/003_f045ec84fd2bba5d.txt")),
        ("004", "Aggregator story page", SourceKind::Aggregator, include_str!("corpus/seeds/004_afabb217477f3a24.txt")),
    ];
    Corpus {
        title: "NATO defence chiefs discuss security guarantees for Ukraine".to_string(),
        sources: texts
            .iter()
            .map(|(id, name, kind, text)| Source {
                id: SourceId(id.to_string()),
                name: name.to_string(),
                kind: *kind,
                published: Date::parse_iso("2025-08-20"),
                url: None,
                title: None,
                text: text.to_string(),
            })
            .collect(),
    }
}
