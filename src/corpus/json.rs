//! Reads the corpus JSON format (`../shared/eval/README.md`) into a [`Corpus`], field by field.
//!
//! The text is parsed into a `serde_json::Value` first and then checked one source at a time, so a
//! bad source is reported and skipped while the good ones still load. Texts are kept byte for byte:
//! claim offsets in analyses and gold files count into them. This module does not strip `date`
//! lines from JSON texts (only the plain text reader does) and it never panics on any input.

use super::fields::{fallback_name, parse_kind, web_url, Collector, UNTITLED};
use super::limits::{short_label, Limits, MAX_LABEL_CHARS};
use super::problem::{json_type_name, preview, CorpusError, Issue, SourcePlace, SourceProblem};
use super::{Loaded, Source, SourceId, SourceKind, FORMAT_VERSION};
use crate::date::Date;
use serde_json::{Map, Value};

/// Reads a corpus in the JSON format within the widget's [`Limits`]; see the module documentation
/// of `corpus` for which problems skip a source and which only drop a field.
pub fn from_json(text: &str) -> Result<Loaded, CorpusError> {
    from_json_with_limits(text, &Limits::WIDGET)
}

/// [`from_json`] within other limits ([`Limits::NONE`] for none).
pub fn from_json_with_limits(text: &str, limits: &Limits) -> Result<Loaded, CorpusError> {
    // Editors on Windows save a byte order mark that serde_json would reject as "expected value".
    let text = text.trim_start_matches('\u{feff}');
    if text.len() > limits.max_bytes {
        return Err(CorpusError::TooLarge { n_bytes: text.len(), max_bytes: limits.max_bytes });
    }
    if text.trim().is_empty() {
        return Err(CorpusError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|error| {
        // A server's error page or a web address that leads to a page, not to the file.
        if text.trim_start().starts_with('<') {
            CorpusError::Html
        } else {
            invalid_json(&error)
        }
    })?;
    let Value::Object(header) = value else {
        return Err(CorpusError::NotAnObject { found: json_type_name(&value) });
    };

    let mut collector = Collector::new(*limits);
    collector.report(check_version(&header));
    let (title, title_problem) = read_title(&header);
    collector.report(title_problem);

    let entries = match header.get("sources") {
        None | Some(Value::Null) => return Err(CorpusError::MissingSources),
        Some(Value::Array(entries)) => entries,
        Some(other) => return Err(CorpusError::SourcesNotAList { found: json_type_name(other) }),
    };
    if entries.is_empty() {
        return Err(CorpusError::NoSources);
    }
    let mut n_read = 0;
    for (index, entry) in entries.iter().enumerate() {
        if collector.is_full() {
            break;
        }
        n_read = index + 1;
        let position = index + 1;
        match read_entry(position, entry) {
            Ok((source, warnings)) => {
                let place = SourcePlace::Entry { position, id: Some(source.id.clone()) };
                collector.offer(source, place, warnings);
            }
            Err(reasons) => collector.report(reasons),
        }
    }
    collector.finish(title, entries.len(), n_read)
}

/// Turns serde_json's message ("expected `,` or `}` at line 4 column 17") into the reason and the
/// position, so the message can say "line 4, column 17" the way a reader would.
fn invalid_json(error: &serde_json::Error) -> CorpusError {
    let (line, column) = (error.line(), error.column());
    let full = error.to_string();
    let suffix = format!(" at line {line} column {column}");
    let reason = full.strip_suffix(&suffix).unwrap_or(&full);
    let reason = if error.is_eof() {
        format!("it stops before the end ({reason}); a closing `}}`, `]` or quote may be missing")
    } else {
        reason.to_string()
    };
    CorpusError::InvalidJson { reason, line, column }
}

/// A missing `version` is read as 1 (the README's examples all say 1); any other value is a warning.
fn check_version(header: &Map<String, Value>) -> Option<SourceProblem> {
    match header.get("version") {
        None | Some(Value::Null) => None,
        Some(Value::Number(number)) if number.as_u64() == Some(FORMAT_VERSION) => None,
        Some(other) => {
            Some(SourceProblem::new(SourcePlace::Corpus, Issue::UnsupportedVersion { value: other.to_string() }))
        }
    }
}

fn read_title(header: &Map<String, Value>) -> (String, Option<SourceProblem>) {
    match optional_text(header, "title") {
        Ok(Some(title)) => (title, None),
        Ok(None) => (UNTITLED.to_string(), None),
        Err(issue) => (UNTITLED.to_string(), Some(SourceProblem::new(SourcePlace::Corpus, issue))),
    }
}

/// Reads one `sources` entry: the source and its warnings, or every reason it was skipped (so a
/// blogger fixing a source missing both `id` and `text` learns both at once).
fn read_entry(position: usize, entry: &Value) -> Result<(Source, Vec<SourceProblem>), Vec<SourceProblem>> {
    let Value::Object(fields) = entry else {
        let place = SourcePlace::Entry { position, id: None };
        return Err(vec![SourceProblem::new(place, Issue::EntryNotAnObject { found: json_type_name(entry) })]);
    };
    let id = read_id(fields.get("id"));
    let place = SourcePlace::Entry { position, id: id.as_ref().ok().cloned() };
    let text = read_text(fields.get("text"));
    let (id, text) = match (id, text) {
        (Ok(id), Ok(text)) => (id, text),
        (id, text) => {
            let issues = [id.err(), text.err()].into_iter().flatten();
            return Err(issues.map(|issue| SourceProblem::new(place.clone(), issue)).collect());
        }
    };

    let mut warnings = Vec::new();
    let mut warn = |issue: Issue| warnings.push(SourceProblem::new(place.clone(), issue));
    let name = match optional_text(fields, "name") {
        Ok(Some(name)) => name,
        Ok(None) => fallback_name(&id),
        Err(issue) => {
            warn(issue);
            fallback_name(&id)
        }
    };
    let title = optional_text(fields, "title").unwrap_or_else(|issue| {
        warn(issue);
        None
    });
    let kind = match present(fields.get("kind")) {
        None => SourceKind::Article,
        Some(Value::String(name)) if name.trim().is_empty() => SourceKind::Article,
        Some(Value::String(name)) => parse_kind(name).unwrap_or_else(|| {
            warn(Issue::UnknownKind { value: name.clone() });
            SourceKind::Article
        }),
        Some(other) => {
            warn(Issue::UnknownKind { value: other.to_string() });
            SourceKind::Article
        }
    };
    let published = match present(fields.get("published")) {
        None => None,
        Some(Value::String(value)) if value.trim().is_empty() => None,
        Some(Value::String(value)) => Date::parse_iso(value.trim()).or_else(|| {
            warn(Issue::BadDate { value: value.clone() });
            None
        }),
        Some(other) => {
            warn(Issue::BadDate { value: other.to_string() });
            None
        }
    };
    let url = match present(fields.get("url")) {
        None => None,
        Some(Value::String(value)) if value.trim().is_empty() => None,
        Some(Value::String(value)) => web_url(value).or_else(|| {
            warn(Issue::BadUrl { value: value.clone() });
            None
        }),
        Some(other) => {
            warn(Issue::BadUrl { value: other.to_string() });
            None
        }
    };
    Ok((Source { id, name, kind, published, url, title, text }, warnings))
}

/// `null` counts as absent: exporters often write every optional field.
fn present(value: Option<&Value>) -> Option<&Value> {
    value.filter(|value| !value.is_null())
}

/// Ids are kept verbatim (other files refer to them); whole numbers are read as their digits.
fn read_id(value: Option<&Value>) -> Result<SourceId, Issue> {
    match present(value) {
        None => Err(Issue::MissingId),
        Some(Value::String(id)) if !id.trim().is_empty() && id.chars().nth(MAX_LABEL_CHARS).is_none() => {
            Ok(SourceId(id.clone()))
        }
        Some(Value::Number(number)) if number.is_u64() || number.is_i64() => Ok(SourceId(number.to_string())),
        Some(other) => Err(Issue::UnusableId { found: preview(&other.to_string()) }),
    }
}

/// The text exactly as given: no trimming, since analyses count offsets into it.
fn read_text(value: Option<&Value>) -> Result<String, Issue> {
    match present(value) {
        None => Err(Issue::MissingText),
        Some(Value::String(text)) if text.trim().is_empty() => Err(Issue::EmptyText),
        Some(Value::String(text)) => Ok(text.clone()),
        Some(other) => Err(Issue::TextNotText { found: json_type_name(other) }),
    }
}

/// An optional display field: trimmed text, `None` when absent or blank, an issue when not text.
fn optional_text(fields: &Map<String, Value>, field: &'static str) -> Result<Option<String>, Issue> {
    match present(fields.get(field)) {
        None => Ok(None),
        Some(Value::String(text)) => Ok(Some(short_label(text.trim().to_string())).filter(|text| !text.is_empty())),
        Some(other) => Err(Issue::NotText { field, found: json_type_name(other) }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Loads `input` and checks that the result (the error message, or every problem message and
    /// the kept ids) contains each of `expected`.
    fn check(input: &str, expected: &[&str]) {
        let shown = match from_json(input) {
            Ok(loaded) => {
                let ids: Vec<&str> = loaded.corpus.sources.iter().map(|source| source.id.0.as_str()).collect();
                let problems: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
                format!("kept {ids:?}\n{}", problems.join("\n"))
            }
            Err(error) => format!("error: {error}"),
        };
        for fragment in expected {
            assert!(shown.contains(fragment), "input {input:?}\nshows:\n{shown}\nexpected to contain {fragment:?}");
        }
    }

    /// A corpus of one good source ("ok") after the entry under test, so the entry's problem is a
    /// per-source problem rather than "no usable source".
    fn with_entry(entry: &str) -> String {
        format!(r#"{{"version": 1, "sources": [{entry}, {{"id": "ok", "text": "Fine."}}]}}"#)
    }

    #[test]
    fn fatal_errors_say_what_to_fix() {
        let malformed = "{\n \"version\": 1,\n \"sources\": [\n     {\"id\": \"0\" \"text\": \"a\"}\n ]\n}";
        let cases: &[(&str, &[&str])] = &[
            ("", &["error: The corpus is empty"]),
            ("  \n\t", &["error: The corpus is empty"]),
            (malformed, &["error: The corpus is not valid JSON: expected `,` or `}` at line 4, column 17."]),
            ("{\"sources\": [", &["not valid JSON: it stops before the end", "may be missing at line 1, column 13."]),
            ("{'sources': []}", &["not valid JSON: key must be a string at line 1, column 2."]),
            ("{\"sources\": []} extra", &["not valid JSON: trailing characters at line 1, column 17."]),
            ("<!doctype html><title>Not found</title>", &["error: The corpus is a web page (HTML), not JSON"]),
            ("[]", &["error: The corpus must be a JSON object", "but it is a list."]),
            ("null", &["but it is null."]),
            ("\"sources\"", &["but it is text."]),
            ("42", &["but it is a number."]),
            ("{}", &["error: The corpus has no `sources` list"]),
            ("{\"sources\": null}", &["has no `sources` list"]),
            ("{\"sources\": 5}", &["`sources` must be a list in square brackets, but it is a number."]),
            ("{\"sources\": {\"id\": \"0\"}}", &["but it is an object."]),
            ("{\"sources\": []}", &["error: The corpus's `sources` list is empty"]),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
    }

    #[test]
    fn every_source_skipped_lists_the_reasons() {
        let input = r#"{"sources": [{"text": "No id."}, {"id": "b", "text": "  "}, 7]}"#;
        check(
            input,
            &[
                "error: None of the 3 sources could be used:",
                "\n- Source 1 has no `id` field; it was skipped.",
                "\n- Source 2 (\"b\") has an empty text (nothing but white space); it was skipped.",
                "\n- Source 3 is a number, not an object with an `id` and a `text`; it was skipped.",
            ],
        );
        match from_json(input) {
            Err(CorpusError::NoUsableSource { n_sources: 3, problems }) => {
                assert_eq!(problems.len(), 3);
                assert!(problems.iter().all(SourceProblem::skips_source));
            }
            other => panic!("expected NoUsableSource, got {other:?}"),
        }
    }

    #[test]
    fn source_problems_name_the_source_and_the_fix() {
        let cases: &[(&str, &[&str])] = &[
            (r#"{"text": "No id."}"#, &["Source 1 has no `id` field; it was skipped.", "kept [\"ok\"]"]),
            (r#"{"id": null, "text": "Null id."}"#, &["Source 1 has no `id` field; it was skipped."]),
            (r#"{"id": "", "text": "x"}"#, &["Source 1 has an `id` that cannot be used (\"\"): an id must be non-empty text"]),
            (r#"{"id": 1.5, "text": "x"}"#, &["Source 1 has an `id` that cannot be used (1.5)"]),
            (r#"{"id": ["a"], "text": "x"}"#, &["Source 1 has an `id` that cannot be used ([\"a\"])"]),
            (r#"{"id": "002"}"#, &["Source 1 (\"002\") has no `text` field; it was skipped."]),
            (r#"{"id": "002", "text": 12}"#, &["Source 1 (\"002\") has a `text` that is a number, not text in quotes; it was skipped."]),
            (r#"{"id": "002", "text": ""}"#, &["Source 1 (\"002\") has an empty text (nothing but white space); it was skipped."]),
            (r#"{"id": "002", "text": " \n\t "}"#, &["Source 1 (\"002\") has an empty text"]),
            (r#"{}"#, &["Source 1 has no `id` field; it was skipped.", "Source 1 has no `text` field; it was skipped."]),
            (r#""just text""#, &["Source 1 is text, not an object with an `id` and a `text`; it was skipped."]),
            (r#"{"id": "ok", "text": "Earlier."}"#, &["Source 2 (\"ok\") repeats the id \"ok\" of source 1; it was skipped."]),
            (
                r#"{"id": "a", "text": "x", "published": "2025-13-45"}"#,
                &["Source 1 (\"a\") has a publication date \"2025-13-45\" that is not a real YYYY-MM-DD date (like 2025-08-20); it was kept without a date.", "kept [\"a\", \"ok\"]"],
            ),
            (r#"{"id": "a", "text": "x", "published": "2025-02-29"}"#, &["date \"2025-02-29\" that is not a real"]),
            (r#"{"id": "a", "text": "x", "published": "20 Aug 2025"}"#, &["date \"20 Aug 2025\" that is not"]),
            (r#"{"id": "a", "text": "x", "published": 20250820}"#, &["date \"20250820\" that is not"]),
            (
                r#"{"id": "a", "text": "x", "url": "javascript:alert(1)"}"#,
                &["Source 1 (\"a\") has a `url` \"javascript:alert(1)\" that is not a web address starting with http:// or https://; it was kept without a link."],
            ),
            (r#"{"id": "a", "text": "x", "url": "data:text/html,hi"}"#, &["`url` \"data:text/html,hi\" that is not a web address"]),
            (r#"{"id": "a", "text": "x", "url": "/news/a.html"}"#, &["`url` \"/news/a.html\" that is not"]),
            (r#"{"id": "a", "text": "x", "url": "ftp://example.org/a"}"#, &["`url` \"ftp://example.org/a\" that is not"]),
            (r#"{"id": "a", "text": "x", "url": 5}"#, &["`url` \"5\" that is not"]),
            (
                r#"{"id": "a", "text": "x", "kind": "blog"}"#,
                &["Source 1 (\"a\") has an unknown `kind` \"blog\" (use article, aggregator or social); it was kept as an article."],
            ),
            (r#"{"id": "a", "text": "x", "name": 3}"#, &["Source 1 (\"a\") has a `name` that is a number, not text; it was ignored."]),
            (r#"{"id": "a", "text": "x", "title": {}}"#, &["Source 1 (\"a\") has a `title` that is an object, not text; it was ignored."]),
        ];
        for (entry, expected) in cases {
            check(&with_entry(entry), expected);
        }
    }

    #[test]
    fn header_warnings_do_not_stop_loading() {
        check(
            r#"{"version": 2, "sources": [{"id": "a", "text": "x"}]}"#,
            &["kept [\"a\"]", "The corpus says `version` 2, but this widget reads version 1; it was read as version 1"],
        );
        check(r#"{"version": "1", "sources": [{"id": "a", "text": "x"}]}"#, &["says `version` \"1\""]);
        check(
            r#"{"title": 7, "sources": [{"id": "a", "text": "x"}]}"#,
            &["The corpus has a `title` that is a number, not text; it was ignored."],
        );
    }

    #[test]
    fn warnings_keep_the_source_and_skips_drop_it() {
        let input = r#"{"sources": [
            {"id": "a", "text": "Kept.", "published": "2025-13-45", "url": "javascript:x", "kind": "blog"},
            {"id": "a", "text": "Duplicate."},
            {"text": "No id."},
            {"id": 7, "text": "Numeric id.", "kind": "Social", "published": " 2025-08-20 ", "url": " HTTPS://example.org/x "},
            {"id": "c", "text": ""}
        ]}"#;
        let loaded = from_json(input).expect("two sources are usable");
        let ids: Vec<&str> = loaded.corpus.sources.iter().map(|source| source.id.0.as_str()).collect();
        assert_eq!(ids, ["a", "7"]);
        let first = &loaded.corpus.sources[0];
        assert_eq!((first.published, first.url.as_deref(), first.kind), (None, None, SourceKind::Article));
        assert_eq!(first.text, "Kept.");
        let second = &loaded.corpus.sources[1];
        assert_eq!(second.kind, SourceKind::Social);
        assert_eq!(second.published.map(|date| date.to_string()).as_deref(), Some("2025-08-20"));
        assert_eq!(second.url.as_deref(), Some("HTTPS://example.org/x"));
        assert_eq!(second.name, "Source 7");
        assert_eq!(loaded.corpus.title, "Untitled story");
        let skips: Vec<bool> = loaded.problems.iter().map(SourceProblem::skips_source).collect();
        assert_eq!(skips, [false, false, false, true, true, true]);
    }

    #[test]
    fn optional_fields_default_sensibly() {
        let loaded = from_json(
            r#"{"title": "  A story ", "sources": [{"id": "002", "text": " Verbatim text \n", "name": "  ", "title": "", "published": null, "url": "", "kind": null}]}"#,
        )
        .expect("valid");
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(loaded.corpus.title, "A story");
        let source = &loaded.corpus.sources[0];
        assert_eq!(source.name, "Source 002");
        assert_eq!(source.text, " Verbatim text \n");
        assert_eq!((source.title.as_deref(), source.url.as_deref(), source.published), (None, None, None));
    }

    #[test]
    fn a_byte_order_mark_is_tolerated() {
        check("\u{feff}{\"sources\": [{\"id\": \"a\", \"text\": \"x\"}]}", &["kept [\"a\"]"]);
    }

    #[test]
    fn odd_inputs_never_panic() {
        let deep_list = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let deep_object = format!(
            "{{\"sources\": [{{\"id\": \"a\", \"text\": \"x\", \"extra\": {}1{}}}]}}",
            "[".repeat(120),
            "]".repeat(120)
        );
        let long_url =
            format!("{{\"sources\": [{{\"id\": \"a\", \"text\": \"x\", \"url\": \"data:{}\"}}]}}", "A".repeat(100_000));
        let odd_inputs: Vec<String> = [
            "",
            "[]",
            "null",
            "{\"sources\": 5}",
            "{\"sources\": [null]}",
            "{\"sources\": [[]]}",
            "{\"sources\": [{\"id\": 1e400, \"text\": \"x\"}]}",
            "{\"sources\": [{\"id\": 123456789012345678901234567890, \"text\": \"x\"}]}",
            "{\"sources\": [{\"id\": -5, \"text\": \"x\"}]}",
            "{\"version\": 1e308, \"sources\": [{\"id\": \"a\", \"text\": \"x\"}]}",
            "{\"sources\": [{\"id\": \"a\", \"text\": \"\\ud800\"}]}",
            "{\"sources\": [{\"id\": \"\u{0}\", \"text\": \"\u{202e}é\"}]}",
            "\u{feff}",
            "{",
            "}",
            "\"",
            "{\"sources\": [{\"id\": \"a\", \"text\": \"x\"},]}",
        ]
        .iter()
        .map(|input| input.to_string())
        .chain([deep_list, deep_object, long_url])
        .collect();
        for input in &odd_inputs {
            // Every outcome must also be printable without panicking.
            match from_json(input) {
                Ok(loaded) => loaded.problems.iter().for_each(|problem| drop(problem.to_string())),
                Err(error) => drop(error.to_string()),
            }
        }
        check("{\"sources\": [{\"id\": -5, \"text\": \"x\"}]}", &["kept [\"-5\"]"]);
        check(
            "{\"sources\": [{\"id\": 1e400, \"text\": \"x\"}]}",
            &["error: The corpus is not valid JSON: number out of range"],
        );
        check(&odd_inputs[odd_inputs.len() - 3], &["error: The corpus is not valid JSON: recursion limit exceeded"]);
        check(&odd_inputs[odd_inputs.len() - 1], &["\"data:AAAAAAAA", "AAA…\" that is not a web address"]);
    }
}
