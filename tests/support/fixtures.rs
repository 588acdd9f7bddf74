//! Reading crosscheck's own test fixtures (`tests/fixtures/*.json`), shared by the tests that
//! score them (`multilingual.rs`, `planted_own.rs`).

#![allow(dead_code)]

use crosscheck::corpus::{Source, SourceId, SourceKind};
use crosscheck::date::Date;
use serde_json::Value;

/// A fixture's source object (`id`, `text`, optional `name` and `published`) as an article;
/// `default_name` names it when the fixture does not.
pub fn source(value: &Value, default_name: &str) -> Source {
    Source {
        id: SourceId(value["id"].as_str().expect("source id").to_string()),
        name: value["name"].as_str().unwrap_or(default_name).to_string(),
        kind: SourceKind::Article,
        published: value["published"].as_str().and_then(Date::parse_iso),
        url: None,
        title: None,
        text: value["text"].as_str().expect("source text").to_string(),
    }
}
