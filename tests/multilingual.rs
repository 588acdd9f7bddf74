//! Reports in other languages (issue 12), on crosscheck's own multilingual set
//! (`tests/fixtures/multilingual.json`): five reports in Spanish, French, German, Italian and
//! Portuguese translating sentences of the seed reports, some faithfully and some with one planted
//! error (a number, a date, a place, a negation, a participation, a speaker). They are analysed
//! with the seeds and scored with `crosscheck::eval`, which counts as `score.py` does.
//!
//! The bars are the issue's: at least 80 % of the faithful translations linked as supports to the
//! sentence they translate, at least 80 % of the planted errors linked as contradicts, and no
//! false alarm (a contradiction no gold pair explains, other than a planted sentence's). The set
//! was written independently of the bilingual table; a failure is fixed in the table or a rule,
//! never by naming these sentences.
//!
//! The combined corpus, the gold and the analysis are written to `target/multilingual/`, so that
//! `python3 ../shared/eval/score.py target/multilingual/corpus.json target/multilingual/gold.json
//! target/multilingual/analysis.json` scores the same run.

#[path = "support/fixtures.rs"]
mod fixtures;

use crosscheck::analysis::{analyse, Analysis};
use crosscheck::corpus::{seeds, Corpus};
use crosscheck::eval::{score, Gold, Score};
use serde_json::Value;
use std::path::Path;

const FIXTURE: &str = include_str!("fixtures/multilingual.json");

/// The seeds plus the fixture's foreign reports.
fn corpus(fixture: &Value) -> Corpus {
    let mut corpus = seeds();
    for source in fixture["sources"].as_array().expect("a list of sources") {
        corpus.sources.push(fixtures::source(source, "report"));
    }
    corpus
}

/// Writes what score.py needs to score this run; a failure to write only loses the copy.
fn write_for_score_py(corpus: &Corpus, fixture: &Value, analysis: &Analysis) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/multilingual");
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let sources: Vec<Value> = corpus
        .sources
        .iter()
        .map(|s| {
            serde_json::json!({
                "id": s.id.0, "name": s.name, "kind": "article",
                "published": s.published.map(|d| d.to_string()), "text": s.text,
            })
        })
        .collect();
    let corpus_json = serde_json::json!({"version": 1, "title": corpus.title, "sources": sources});
    let gold = serde_json::json!({
        "corpus": "target/multilingual/corpus.json",
        "planted": fixture["planted"], "known": fixture["known"], "pairs": fixture["pairs"],
    });
    let _ = std::fs::write(dir.join("corpus.json"), corpus_json.to_string());
    let _ = std::fs::write(dir.join("gold.json"), gold.to_string());
    let _ = std::fs::write(dir.join("analysis.json"), serde_json::to_string(analysis).unwrap_or_default());
}

/// The share `ok / of` (1 when there is nothing to count).
fn share(score: &Score, relation: &str) -> f64 {
    let of = score.of(relation);
    if of == 0 {
        1.0
    } else {
        score.ok(relation) as f64 / of as f64
    }
}

#[test]
fn foreign_reports_link_to_the_english_ones() {
    let fixture: Value = serde_json::from_str(FIXTURE).expect("fixture parses");
    let gold = Gold::from_json(FIXTURE).expect("gold parses");
    let corpus = corpus(&fixture);
    let analysis = analyse(&corpus);
    write_for_score_py(&corpus, &fixture, &analysis);
    let result = score(&corpus, &analysis, &gold, &[]).expect("gold matches the corpus");
    for line in result.misses.iter().chain(&result.false_alarms) {
        println!("  {line}");
    }
    println!("multilingual: {}", result.summary());
    // Every foreign report is read as its language, and says so.
    for source in fixture["sources"].as_array().expect("sources") {
        let id = source["id"].as_str().expect("id");
        let expected = &id[..2];
        let claims: Vec<_> = analysis.claims.iter().filter(|c| c.source.0 == id).collect();
        let n_right = claims.iter().filter(|c| c.lang.as_deref() == Some(expected)).count();
        assert!(n_right * 10 >= claims.len() * 9, "{id}: {n_right} of {} claims read as {expected}", claims.len());
    }
    // The seeds are English but for one Spanish post of source 001.
    let foreign_seeds: Vec<(&str, Option<&str>)> = analysis
        .claims
        .iter()
        .filter(|c| c.source.0.starts_with(|ch: char| ch.is_ascii_digit()) && c.lang.is_some())
        .map(|c| (c.source.0.as_str(), c.lang.as_deref()))
        .collect();
    assert_eq!(foreign_seeds, [("001", Some("es"))], "seed claims read as foreign");
    assert!(share(&result, "supports") >= 0.8, "faithful translations backed: below 80 %");
    assert!(share(&result, "contradicts") >= 0.8, "planted errors found: below 80 %");
    assert!(result.false_alarms.is_empty(), "a false alarm");
}
