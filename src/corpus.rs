//! The corpus model: one story told by several sources, and how a corpus is loaded, checked and
//! written back.
//!
//! Two inputs are read: the JSON format of `../shared/eval/README.md` ([`from_json`]) and plain text
//! files, one source per file ([`from_txt_files`], [`source_from_txt`]). Both check each source on
//! its own, so one bad source is reported and skipped while the others still load:
//!
//! - A source is **skipped** when it has no usable `id` (missing, empty, or neither text nor a whole
//!   number), no `text` (missing or not a string), an empty or white-space-only text, or an id an
//!   earlier source already uses (the later one goes). Without an id or a text there is nothing
//!   to link or show; a repeated id would make links ambiguous.
//! - A source is **kept with a warning** and the field dropped when its `published` date is not a
//!   real `YYYY-MM-DD` date (undated), its `url` is not an absolute http(s) address (no link), its
//!   `kind` is unknown (read as an article), or its `name` / `title` is not text (default name).
//!   The corpus header warns the same way about a `version` other than 1 or a `title` not text.
//!
//! Above the widget's [`Limits`] (16 MB of JSON, 1,000 sources, 200,000 characters a source,
//! 4,000,000 in all) a text is cut or the last sources are left out, each with a problem that
//! says so; see `limits`.
//!
//! [`SourceProblem::skips_source`] tells the two apart. Only when nothing at all is usable (or the
//! JSON is broken) does loading fail, with a [`CorpusError`]. Texts from JSON are kept byte for byte.
//!
//! This module knows nothing of the browser (no yew, web-sys, wasm-bindgen or gloo) and does no
//! file or network I/O: callers hand it text. [`seeds`] is the demo corpus, embedded in the build.

mod fields;
mod json;
mod limits;
mod problem;
mod txt;

pub use fields::{is_bidi_control, reveal_bidi_controls, web_url};
pub use json::{from_json, from_json_with_limits};
pub use limits::{Limits, MAX_LABEL_CHARS};
pub use problem::{thousands, CorpusError, Issue, SourcePlace, SourceProblem};
pub use txt::{from_txt_files, from_txt_files_with_limits, source_from_txt};

use crate::date::Date;
use serde::Serialize;

/// A source's id as the corpus gives it ("000", "p1").
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
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

/// A loaded corpus and what was wrong with it: skipped sources and dropped fields, in input order.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub corpus: Corpus,
    pub problems: Vec<SourceProblem>,
}

/// The corpus format version this crate reads and writes.
pub const FORMAT_VERSION: u64 = 1;

impl Corpus {
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.iter().find(|source| &source.id == id)
    }

    /// The corpus in the JSON format [`from_json`] reads, pretty-printed, with `version` 1 and
    /// absent optional fields left out. Reading it back gives an equal corpus, provided every name
    /// is non-empty and every text has a non-blank character, as the loaders guarantee.
    pub fn to_json(&self) -> String {
        let file = CorpusFile {
            version: FORMAT_VERSION,
            title: &self.title,
            sources: self
                .sources
                .iter()
                .map(|source| SourceFile {
                    id: &source.id,
                    name: &source.name,
                    kind: source.kind,
                    published: source.published,
                    url: source.url.as_deref(),
                    title: source.title.as_deref(),
                    text: &source.text,
                })
                .collect(),
        };
        // Strings, numbers and dates (written with `collect_str`) cannot fail to serialise.
        serde_json::to_string_pretty(&file).expect("a corpus always serialises")
    }
}

impl SourceKind {
    /// The name used in the JSON format: "article", "aggregator" or "social".
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Article => "article",
            SourceKind::Aggregator => "aggregator",
            SourceKind::Social => "social",
        }
    }
}

/// The on-disk shape, separate from `Corpus` so the format's `version` and its habit of leaving out
/// absent fields (rather than writing `null`) do not leak into the model other modules use.
#[derive(Serialize)]
struct CorpusFile<'a> {
    version: u64,
    title: &'a str,
    sources: Vec<SourceFile<'a>>,
}

#[derive(Serialize)]
struct SourceFile<'a> {
    id: &'a SourceId,
    name: &'a str,
    kind: SourceKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    text: &'a str,
}

/// The title of the demo story.
const SEED_TITLE: &str = "NATO defence chiefs discuss security guarantees for Ukraine";

/// One seed report: its file, a neutral name that names no outlet the text does not, its kind,
/// and the date used when the file has no `date` line.
struct Seed {
    file_name: &'static str,
    text: &'static str,
    name: &'static str,
    kind: SourceKind,
    published: &'static str,
}

/// The demo corpus as data, in one place. The names match `../shared/eval/corpora/seeds.json`.
const SEEDS: [Seed; 5] = [
    Seed {
        file_name: "000_c3d1db3825cf9e02.txt",
        text: include_str!("corpus/seeds/000_c3d1db3825cf9e02.txt"),
        name: "Brussels wire report",
        kind: SourceKind::Article,
        published: "2025-08-20",
    },
    Seed {
        file_name: "001_7f1100e17d890f5a.txt",
        text: include_str!("corpus/seeds/001_7f1100e17d890f5a.txt"),
        name: "Summary with social posts",
        kind: SourceKind::Article,
        published: "2025-08-20",
    },
    Seed {
        file_name: "002_d583eda850feac0a.txt",
        text: include_str!("corpus/seeds/002_d583eda850feac0a.txt"),
        name: "Virtual summit report",
        kind: SourceKind::Article,
        published: "2025-08-20",
    },
    Seed {
        file_name: "003_f045ec84fd2bba5d.txt",
        text: include_str!("corpus/seeds/003_f045ec84fd2bba5d.txt"),
        name: "'Road to nowhere' report",
        kind: SourceKind::Article,
        published: "2025-08-20",
    },
    Seed {
        file_name: "004_afabb217477f3a24.txt",
        text: include_str!("corpus/seeds/004_afabb217477f3a24.txt"),
        name: "Aggregator story page",
        kind: SourceKind::Aggregator,
        published: "2025-08-20",
    },
];

/// The demo corpus: the five seed reports, read through the plain text reader (so seed 000's
/// `date` line becomes its publication date rather than part of its text).
pub fn seeds() -> Corpus {
    let files: Vec<(&str, &str)> = SEEDS.iter().map(|seed| (seed.file_name, seed.text)).collect();
    // The seeds are fixed at build time and a test loads them without problems, so this cannot
    // fail at run time.
    let mut corpus = from_txt_files(SEED_TITLE, &files).expect("the embedded seeds load").corpus;
    for (source, seed) in corpus.sources.iter_mut().zip(&SEEDS) {
        source.name = seed.name.to_string();
        source.kind = seed.kind;
        source.published = source.published.or_else(|| Date::parse_iso(seed.published));
    }
    corpus
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_load_with_names_kinds_and_dates() {
        let files: Vec<(&str, &str)> = SEEDS.iter().map(|seed| (seed.file_name, seed.text)).collect();
        let loaded = from_txt_files(SEED_TITLE, &files).expect("seeds load");
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        // Seed 000 carries its own date line; the others take the table's date.
        assert_eq!(loaded.corpus.sources[0].published.map(|date| date.to_string()).as_deref(), Some("2025-08-20"));

        let corpus = seeds();
        assert_eq!(corpus.title, SEED_TITLE);
        let summary: Vec<(&str, &str, SourceKind, String)> = corpus
            .sources
            .iter()
            .map(|source| {
                let published = source.published.map(|date| date.to_string()).unwrap_or_default();
                (source.id.0.as_str(), source.name.as_str(), source.kind, published)
            })
            .collect();
        let date = || "2025-08-20".to_string();
        assert_eq!(
            summary,
            [
                ("000", "Brussels wire report", SourceKind::Article, date()),
                ("001", "Summary with social posts", SourceKind::Article, date()),
                ("002", "Virtual summit report", SourceKind::Article, date()),
                ("003", "'Road to nowhere' report", SourceKind::Article, date()),
                ("004", "Aggregator story page", SourceKind::Aggregator, date()),
            ]
        );
        assert!(
            corpus.sources[0].text.starts_with("BRUSSELS: NATO defense chiefs"),
            "{:?}",
            &corpus.sources[0].text[..40]
        );
        assert!(!corpus.sources.iter().any(|source| source.text.contains("date 2025")));
        assert_eq!(corpus.sources[1].text, SEEDS[1].text.trim_end());
        assert!(corpus.source(&SourceId("003".to_string())).is_some());
    }

    #[test]
    fn to_json_round_trips() {
        let mut corpus = seeds();
        corpus.sources[2].url = Some("https://example.org/a".to_string());
        corpus.sources[2].title = Some("A headline".to_string());
        corpus.sources[3].published = None;
        corpus.sources[4].kind = SourceKind::Social;
        let written = corpus.to_json();
        let loaded = from_json(&written).expect("written corpus reads back");
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(loaded.corpus, corpus);
        assert!(written.starts_with("{\n  \"version\": 1,\n  \"title\": \"NATO defence chiefs"), "{written:.80}");
        assert!(written.contains("\"published\": \"2025-08-20\""));
        // Absent fields are left out rather than written as null.
        assert!(!written.contains("null"));
    }

    /// The shared evaluation corpus must load as-is: five sources, no problems, texts unchanged.
    #[test]
    fn shared_seeds_json_loads_verbatim() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/corpora/seeds.json");
        if !path.exists() {
            println!("skipped: ../shared not found");
            return;
        }
        let text = std::fs::read_to_string(&path).expect("seeds.json is readable UTF-8");
        let loaded = from_json(&text).expect("seeds.json loads");
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(loaded.corpus.title, SEED_TITLE);
        assert_eq!(loaded.corpus.sources.len(), 5);

        let raw: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        let raw_sources = raw["sources"].as_array().expect("a sources list");
        for (source, raw_source) in loaded.corpus.sources.iter().zip(raw_sources) {
            assert_eq!(Some(source.text.as_str()), raw_source["text"].as_str(), "text of {}", source.id.0);
            assert_eq!(Some(source.id.0.as_str()), raw_source["id"].as_str());
        }
        // The embedded demo corpus agrees with it on everything but seed 000's date line.
        for (from_file, embedded) in loaded.corpus.sources.iter().zip(seeds().sources) {
            assert_eq!(
                (&from_file.id, &from_file.name, from_file.kind, from_file.published),
                (&embedded.id, &embedded.name, embedded.kind, embedded.published)
            );
        }
        assert!(loaded.corpus.sources[0].text.starts_with(" date 2025-08-20 BRUSSELS:"));
    }
}
