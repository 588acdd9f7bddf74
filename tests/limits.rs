//! The widget's limits (`corpus::Limits::WIDGET`) at their edges: a corpus just within each one
//! loads whole and without a problem; one just over it is cut, shortened or refused with one
//! sentence that says so. And the inputs built to be slow (one sentence of megabytes, thousands
//! of copies of one sentence, only numbers, only quotes) are analysed in bounded time.

use crosscheck::analysis::analyse;
use crosscheck::corpus::{from_json, from_txt_files, Corpus, CorpusError, Limits, Source, SourceId, SourceKind};
use serde_json::json;
use std::time::Instant;

const LIMITS: Limits = Limits::WIDGET;

/// A corpus of `texts`, ids s0, s1, ….
fn corpus_json(texts: &[String]) -> String {
    let sources: Vec<_> =
        texts.iter().enumerate().map(|(i, text)| json!({"id": format!("s{i}"), "text": text})).collect();
    json!({"version": 1, "sources": sources}).to_string()
}

fn messages(problems: &[crosscheck::corpus::SourceProblem]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

#[test]
fn sources_up_to_the_limit_load_and_one_more_is_left_out_with_a_sentence() {
    let texts: Vec<String> = (0..LIMITS.max_sources).map(|i| format!("Source {i} says it.")).collect();
    let loaded = from_json(&corpus_json(&texts)).expect("loads");
    assert_eq!(loaded.corpus.sources.len(), LIMITS.max_sources);
    assert!(loaded.problems.is_empty(), "{:?}", messages(&loaded.problems));

    let mut texts = texts;
    texts.push("One too many.".to_string());
    let loaded = from_json(&corpus_json(&texts)).expect("loads");
    assert_eq!(loaded.corpus.sources.len(), LIMITS.max_sources);
    assert_eq!(
        messages(&loaded.problems),
        ["This corpus has more sources than the 1,000 this widget shows: the first 1,000 are shown and the other 1 left out."]
    );
    assert!(loaded.problems[0].is_limit());
}

#[test]
fn a_text_up_to_the_limit_is_whole_and_a_longer_one_is_cut_on_a_character() {
    let exactly = "é".repeat(LIMITS.max_source_chars);
    let loaded = from_json(&corpus_json(std::slice::from_ref(&exactly))).expect("loads");
    assert_eq!(loaded.corpus.sources[0].text, exactly);
    assert!(loaded.problems.is_empty());

    let over = format!("{exactly}é");
    let loaded = from_json(&corpus_json(&[over, "A good source.".to_string()])).expect("loads");
    assert_eq!(loaded.corpus.sources[0].text, exactly);
    assert_eq!(loaded.corpus.sources[1].text, "A good source.");
    assert_eq!(
        messages(&loaded.problems),
        ["Source 1 (\"s0\") has a text of 200,001 characters, more than the 200,000 this widget reads; only its first 200,000 characters are shown."]
    );
}

#[test]
fn text_up_to_the_total_loads_and_the_source_that_passes_it_is_left_out() {
    let n_full = LIMITS.max_total_chars / LIMITS.max_source_chars;
    let mut texts: Vec<String> = (0..n_full).map(|_| "x".repeat(LIMITS.max_source_chars)).collect();
    let loaded = from_json(&corpus_json(&texts)).expect("loads");
    assert_eq!(loaded.corpus.sources.len(), n_full);
    assert!(loaded.problems.is_empty(), "{:?}", messages(&loaded.problems));

    texts.push("y".to_string());
    texts.push("z".to_string());
    let loaded = from_json(&corpus_json(&texts)).expect("loads");
    assert_eq!(loaded.corpus.sources.len(), n_full);
    assert_eq!(
        messages(&loaded.problems),
        ["This corpus has more text than the 4,000,000 characters this widget reads: the first 20 sources are shown and the other 2 left out."]
    );
}

#[test]
fn a_corpus_up_to_the_byte_limit_is_read_and_a_bigger_one_is_refused() {
    // Padding outside the sources: only the size counts.
    let base = corpus_json(&["A source.".to_string()]);
    let exactly = format!("{base}{}", " ".repeat(LIMITS.max_bytes - base.len()));
    assert_eq!(exactly.len(), LIMITS.max_bytes);
    assert!(from_json(&exactly).is_ok());
    let over = format!("{exactly} ");
    let error = from_json(&over).expect_err("refused");
    assert_eq!(error, CorpusError::TooLarge { n_bytes: LIMITS.max_bytes + 1, max_bytes: LIMITS.max_bytes });
    assert_eq!(
        error.to_string(),
        "The corpus is 16,000,001 bytes, more than the 16,000,000 this widget reads: split the story into smaller corpora or shorten its sources."
    );
    // Text files count together.
    let half = "x".repeat(LIMITS.max_bytes / 2 + 1);
    let files = [("a.txt", half.as_str()), ("b.txt", half.as_str())];
    assert!(matches!(from_txt_files("", &files), Err(CorpusError::TooLarge { .. })));
}

#[test]
fn text_files_follow_the_same_limits() {
    let long = "w ".repeat(LIMITS.max_source_chars);
    let loaded = from_txt_files("", &[("a_1.txt", long.as_str()), ("b_2.txt", "Fine.")]).expect("loads");
    assert_eq!(loaded.corpus.sources[0].text.chars().count(), LIMITS.max_source_chars);
    assert_eq!(messages(&loaded.problems).len(), 1);
    assert!(loaded.problems[0].is_limit());
}

#[test]
fn long_names_and_ids_are_labels_not_walls() {
    let name = "n".repeat(5_000);
    let input = json!({"title": name, "sources": [
        {"id": "a", "name": name, "text": "Fine."},
        {"id": "i".repeat(201), "text": "Too long an id."},
        {"id": "i".repeat(200), "text": "Just short enough an id."},
    ]})
    .to_string();
    let loaded = from_json(&input).expect("loads");
    assert_eq!(loaded.corpus.title.chars().count(), 200);
    assert!(loaded.corpus.sources[0].name.ends_with('…'));
    assert_eq!(loaded.corpus.sources.len(), 2);
    assert!(messages(&loaded.problems)[0].contains("at most 200 characters"));
}

fn source(id: String, text: String) -> Source {
    Source {
        name: id.clone(),
        id: SourceId(id),
        kind: SourceKind::Article,
        published: None,
        url: None,
        title: None,
        text,
    }
}

/// Analyses each corpus built to be slow, at the size the limits allow, and fails only when one
/// takes far longer than it should (a minute in a debug build, where the real figure is seconds
/// in release): the point is that no input is quadratic at this size, not a wall-clock budget.
#[test]
fn inputs_built_to_be_slow_stay_bounded_within_the_limits() {
    let sentence = "NATO said 32 defence chiefs met on Wednesday in Brussels to discuss guarantees for Ukraine. ";
    let max = LIMITS.max_source_chars;
    let mut one_sentence = String::new();
    let words = ["alpha", "said", "Brussels", "32", "Lavrov", "12%", "$4", "“quoted”"];
    for (i, word) in words.iter().cycle().enumerate() {
        if one_sentence.len() >= max - 20 {
            break;
        }
        one_sentence.push_str(word);
        one_sentence.push(if i % 97 == 96 { ',' } else { ' ' });
    }
    let numbers: String = (0..).map(|i: u64| format!("{} ", i * 7919 % 100_000)).take(max / 6).collect();
    let quotes: String = "\"a".repeat(max / 2);
    let cases: Vec<(&str, Vec<Source>)> = vec![
        (
            "one sentence of 200,000 characters",
            vec![source("a".into(), one_sentence), source("b".into(), sentence.into())],
        ),
        (
            "21,000 copies of one sentence in 10 sources of 200,000 characters",
            (0..10).map(|i| source(format!("s{i}"), sentence.repeat(max / sentence.len()))).collect(),
        ),
        (
            "one sentence in each of 1,000 sources",
            (0..LIMITS.max_sources).map(|i| source(format!("s{i:04}"), sentence.to_string())).collect(),
        ),
        ("only numbers", vec![source("a".into(), numbers.clone()), source("b".into(), numbers)]),
        ("only quotes", vec![source("a".into(), quotes.clone()), source("b".into(), quotes)]),
    ];
    for (label, sources) in cases {
        let corpus = Corpus { title: label.to_string(), sources };
        let start = Instant::now();
        let analysis = analyse(&corpus);
        let elapsed = start.elapsed();
        println!("{label}: {elapsed:.2?}, {} claims, {} links", analysis.claims.len(), analysis.links.len());
        assert!(elapsed.as_secs() < 60, "{label} took {elapsed:?}");
    }
}
