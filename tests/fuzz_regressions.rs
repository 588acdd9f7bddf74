//! The inputs that once broke a fuzz target, kept as regression tests: every file under
//! `tests/fuzz-regressions/<target>/` goes through that target's invariants again
//! (tests/support/invariants.rs, the very checks the fuzz targets run). `scripts/fuzz.sh` runs
//! the targets themselves; this runs in every `cargo test`, without a fuzzer.

#[path = "support/invariants.rs"]
mod invariants;

use std::path::Path;

/// Runs `check` on every file of `tests/fuzz-regressions/<target>/`; returns how many there were.
fn replay(target: &str, check: fn(&[u8])) -> usize {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions").join(target);
    let Ok(entries) = std::fs::read_dir(&folder) else { return 0 };
    let mut paths: Vec<_> = entries.filter_map(|entry| entry.ok().map(|entry| entry.path())).collect();
    paths.sort();
    for path in &paths {
        let data = std::fs::read(path).expect("a regression input is readable");
        println!("{target}: {}", path.display());
        check(&data);
    }
    paths.len()
}

#[test]
fn corpus_json() {
    replay("corpus_json", invariants::corpus_json);
}

#[test]
fn txt_sources() {
    replay("txt_sources", invariants::txt_sources);
}

#[test]
fn widget_options() {
    replay("widget_options", invariants::widget_options);
}

#[test]
fn analyse() {
    replay("analyse", invariants::analyse_corpus);
}

#[test]
fn stance() {
    replay("stance", invariants::stance_pair);
}

#[test]
fn dates_numbers() {
    replay("dates_numbers", invariants::dates_and_numbers);
}

/// The checks themselves hold on ordinary input: the seeds pass every target's invariants.
#[test]
fn the_seeds_pass_every_invariant() {
    let corpus = crosscheck::corpus::seeds();
    let joined: Vec<String> = corpus.sources.iter().map(|source| format!("date 2025-08-20\n{}", source.text)).collect();
    let joined = joined.join(&invariants::SEPARATOR.to_string());
    invariants::analyse_corpus(joined.as_bytes());
    invariants::corpus_json(corpus.to_json().as_bytes());
    invariants::txt_sources(joined.as_bytes());
    invariants::stance_pair(
        format!("{}{}{}", corpus.sources[0].text, invariants::SEPARATOR, corpus.sources[1].text).as_bytes(),
    );
    invariants::dates_and_numbers(corpus.sources[2].text.as_bytes());
    invariants::widget_options("#story\u{c}dark\u{c}002\u{c}c3\u{c}600px\u{c}en".as_bytes());
}
