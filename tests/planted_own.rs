//! crosscheck's own held-out check of contradiction detection, on two fixtures written
//! independently of the public gold:
//! - `tests/fixtures/planted-own.json`: source `q1`, written against the seed reports, analysed
//!   together with `crosscheck::corpus::seeds()`;
//! - `tests/fixtures/planted-story.json`: a whole corpus of another story (a town council closing
//!   a library) whose source `q2` carries the planted errors and paraphrases;
//! - `tests/fixtures/planted-pairs.json`: pairs of one-sentence reports of other stories, each
//!   pair analysed on its own, with the link expected between them.
//!
//! Each planted sentence must be linked as `contradicts` (with the planted kind) to the quote it
//! contradicts; each faithful paraphrase must be linked as `supports` to its quote and contradict
//! nothing.
//!
//! The rules must never name these sentences: the fixture exists to catch tuning to the public
//! gold alone, so a failure here is fixed in a general rule or table, or left failing.

#[path = "support/fixtures.rs"]
mod fixtures;

use crosscheck::analysis::{analyse, Analysis, Relation};
use crosscheck::corpus::{seeds, Corpus, Source, SourceId, SourceKind};
use crosscheck::date::Date;
use serde_json::Value;

const FIXTURE: &str = include_str!("fixtures/planted-own.json");
const STORY_FIXTURE: &str = include_str!("fixtures/planted-story.json");
const PAIRS_FIXTURE: &str = include_str!("fixtures/planted-pairs.json");

/// The seeds plus the fixture's own source.
fn corpus(fixture: &Value) -> Corpus {
    let source = &fixture["source"];
    let mut corpus = seeds();
    corpus.sources.push(fixtures::source(source, "q1"));
    corpus
}

/// The char span of `quote` in the text of `source`, curly quotes compared as straight ones.
fn quote_span(corpus: &Corpus, source: &str, quote: &str) -> (usize, usize) {
    let straight = |s: &str| s.replace(['\u{2019}', '\u{2018}'], "'").replace(['\u{201c}', '\u{201d}'], "\"");
    let text = corpus.sources.iter().find(|s| s.id.0 == source).map(|s| straight(&s.text)).expect("source exists");
    let byte = text.find(&straight(quote)).unwrap_or_else(|| panic!("quote not in source {source}: {quote:?}"));
    let start = text[..byte].chars().count();
    (start, start + quote.chars().count())
}

/// The ids of the claims of `source` that cover `span` (overlap by half the shorter, as score.py).
fn covering(analysis: &Analysis, source: &str, span: (usize, usize)) -> Vec<u32> {
    analysis
        .claims
        .iter()
        .filter(|c| c.source.0 == source)
        .filter(|c| {
            let intersection = c.end.min(span.1) as i64 - c.start.max(span.0) as i64;
            let shorter = (c.end - c.start).min(span.1 - span.0) as f64;
            intersection > 0 && intersection as f64 >= 0.5 * shorter
        })
        .map(|c| c.id.0)
        .collect()
}

/// The relations (with the conflict kind's label) of the links joining any claim of `a` to any of `b`.
fn relations(analysis: &Analysis, a: &[u32], b: &[u32]) -> Vec<(Relation, Option<&'static str>)> {
    analysis
        .links
        .iter()
        .filter(|l| (a.contains(&l.from.0) && b.contains(&l.to.0)) || (a.contains(&l.to.0) && b.contains(&l.from.0)))
        .map(|l| (l.relation, l.kind.map(|k| k.label())))
        .collect()
}

/// What one fixture sentence must get: a contradiction of a kind, or support without contradiction.
enum Expected<'a> {
    Contradicts(&'a str),
    Supports,
}

/// Checks one fixture sentence against its seed quote; returns a failure message, if any.
fn check(
    corpus: &Corpus,
    analysis: &Analysis,
    own_source: &str,
    quote: &str,
    other: &Value,
    expected: Expected,
) -> Option<String> {
    let own = covering(analysis, own_source, quote_span(corpus, own_source, quote));
    let source = other["source"].as_str().expect("seed source");
    let seed = covering(analysis, source, quote_span(corpus, source, other["quote"].as_str().expect("seed quote")));
    let found = relations(analysis, &own, &seed);
    let short: String = quote.chars().take(60).collect();
    match expected {
        Expected::Contradicts(kind) => {
            let ok = found.iter().any(|(r, k)| *r == Relation::Contradicts && *k == Some(kind));
            (!ok).then(|| format!("planted {kind} not found: {short:?} x {source} (got {found:?})"))
        }
        Expected::Supports => {
            let backed = found.iter().any(|(r, _)| *r == Relation::Supports);
            let contradicted = analysis
                .links
                .iter()
                .any(|l| l.relation == Relation::Contradicts && (own.contains(&l.from.0) || own.contains(&l.to.0)));
            if !backed {
                Some(format!("paraphrase not backed: {short:?} x {source} (got {found:?})"))
            } else if contradicted {
                Some(format!("paraphrase contradicted: {short:?}"))
            } else {
                None
            }
        }
    }
}

/// Checks every planted sentence and paraphrase of `fixture` (source `own_source`) in the analysis
/// of `corpus`; prints and returns the failures.
fn failures(name: &str, fixture: &Value, corpus: &Corpus, own_source: &str) -> Vec<String> {
    let analysis = analyse(corpus);
    let mut failures = Vec::new();
    let planted = fixture["planted"].as_array().expect("planted list");
    let paraphrases = fixture["paraphrases"].as_array().expect("paraphrase list");
    for item in planted {
        let kind = item["kind"].as_str().expect("kind");
        let quote = item["quote"].as_str().expect("quote");
        failures.extend(check(corpus, &analysis, own_source, quote, &item["contradicts"], Expected::Contradicts(kind)));
    }
    for item in paraphrases {
        let quote = item["quote"].as_str().expect("quote");
        failures.extend(check(corpus, &analysis, own_source, quote, &item["supports"], Expected::Supports));
    }
    for failure in &failures {
        println!("  {failure}");
    }
    println!(
        "{name}: {} of {} sentences as expected",
        planted.len() + paraphrases.len() - failures.len(),
        planted.len() + paraphrases.len()
    );
    failures
}

#[test]
fn own_planted_errors_are_found_and_paraphrases_backed() {
    let fixture: Value = serde_json::from_str(FIXTURE).expect("fixture parses");
    let failures = failures("planted-own", &fixture, &corpus(&fixture), "q1");
    assert!(failures.is_empty(), "{} of the own held-out sentences fail", failures.len());
}

#[test]
fn planted_errors_in_another_story_are_found() {
    let fixture: Value = serde_json::from_str(STORY_FIXTURE).expect("fixture parses");
    let corpus = crosscheck::corpus::from_json(&fixture["corpus"].to_string()).expect("fixture corpus loads").corpus;
    let failures = failures("planted-story", &fixture, &corpus, "q2");
    assert!(failures.is_empty(), "{} of the sentences of the other story fail", failures.len());
}

#[test]
fn planted_pairs_of_other_stories_are_linked_as_expected() {
    let fixture: Value = serde_json::from_str(PAIRS_FIXTURE).expect("fixture parses");
    let published = fixture["published"].as_str().and_then(Date::parse_iso);
    let pairs = fixture["pairs"].as_array().expect("pair list");
    let mut failures = Vec::new();
    for pair in pairs {
        let text = |side: &str| pair[side].as_str().expect("a sentence").to_string();
        let source = |id: &str, text: String| Source {
            id: SourceId(id.to_string()),
            name: id.to_string(),
            kind: SourceKind::Article,
            published,
            url: None,
            title: None,
            text,
        };
        let corpus = Corpus { title: String::new(), sources: vec![source("a", text("a")), source("b", text("b"))] };
        let analysis = analyse(&corpus);
        let got: Vec<Relation> = analysis.links.iter().map(|l| l.relation).collect();
        let expected = match pair["expected"].as_str() {
            Some("contradicts") => Relation::Contradicts,
            _ => Relation::Supports,
        };
        if got != [expected] {
            let reasons: Vec<&str> = analysis.links.iter().map(|l| l.reason.as_str()).collect();
            failures.push(format!("{}: expected {expected:?}, got {got:?} {reasons:?}", pair["kind"]));
        }
    }
    for failure in &failures {
        println!("  {failure}");
    }
    println!("planted-pairs: {} of {} pairs as expected", pairs.len() - failures.len(), pairs.len());
    assert!(failures.is_empty(), "{} of the pairs fail", failures.len());
}
