//! What must hold for any input, checked by the fuzz targets (`fuzz/fuzz_targets/*.rs` include
//! this file) and by `tests/fuzz_regressions.rs` on the inputs that once broke it.
//!
//! Each function takes the raw bytes a fuzzer made and panics, with a sentence saying which
//! invariant broke, when the code under test does something it must never do. "No panic" alone is
//! not the test: offsets, links, order independence and the loaders' promises are checked too.
//! Inputs are read as UTF-8 where the code takes text; the `.txt` reader also gets the bytes
//! through a lossy decoding, as a file that is not quite UTF-8 would reach it.

#![allow(dead_code)]

use crosscheck::analysis::{analyse, stance, Analysis};
use crosscheck::corpus::{
    from_json, from_txt_files_with_limits, source_from_txt, web_url, Corpus, Limits, Loaded, Source, MAX_LABEL_CHARS,
};
use crosscheck::date::Date;
use crosscheck::options::{CorpusInput, RawOptions, NAMES};
use std::collections::BTreeSet;

/// The separator of sources (and of the claim and text of a stance pair) in fuzz inputs: a form
/// feed, which no corpus text holds.
pub const SEPARATOR: char = '\u{c}';

/// The largest corpus `analyse_corpus` builds: enough for every stage to run, small enough for
/// a million executions.
const MAX_FUZZ_SOURCES: usize = 6;

/// The JSON loader: never panics, and what it keeps keeps the loader's promises.
pub fn corpus_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(loaded) = from_json(text) else { return };
    check_loaded(&loaded, &Limits::WIDGET);
    // Written back and read again, a loaded corpus is the same corpus.
    let written = loaded.corpus.to_json();
    let again = from_json(&written).unwrap_or_else(|error| panic!("a written corpus does not read back: {error}"));
    assert_eq!(again.corpus, loaded.corpus, "a corpus changed on its way through to_json");
}

/// The plain text reader: the bytes as one file (strictly and leniently) and, split at the
/// separator, as several.
pub fn txt_sources(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(source) = source_from_txt("000_fuzz.txt", &text) {
        check_source(&source, &Limits::WIDGET);
        assert!(!source.text.starts_with('\u{feff}'), "a byte order mark stayed in the text");
        assert_eq!(source.text, source.text.trim_end(), "white space at the end stayed");
    }
    let parts: Vec<String> = text
        .split(SEPARATOR)
        .enumerate()
        .map(|(index, part)| (format!("{index:03}_part.txt"), part.to_string()))
        .flat_map(|(name, part)| [name, part])
        .collect();
    let files: Vec<(&str, &str)> = parts.chunks(2).map(|pair| (pair[0].as_str(), pair[1].as_str())).collect();
    // Small limits, so that the fuzzer reaches the cuts and the left-out sources too.
    let limits = Limits { max_bytes: 4_000, max_sources: 3, max_source_chars: 300, max_total_chars: 700 };
    if let Ok(loaded) = from_txt_files_with_limits("fuzz", &files, &limits) {
        check_loaded(&loaded, &limits);
    }
}

/// A widget's options: any values give checked options, and the corpus input keeps what was given.
pub fn widget_options(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut raw = RawOptions::default();
    for (name, value) in NAMES.iter().zip(text.split(SEPARATOR)) {
        assert!(raw.set(name, value));
    }
    let given_corpus = text
        .split(SEPARATOR)
        .next()
        .unwrap_or("")
        .trim()
        .trim_start_matches(|c: char| c == '\u{feff}' || c.is_whitespace())
        .to_string();
    let options = raw.check_with(|length| length.ends_with("px"));
    match &options.corpus {
        CorpusInput::Demo => assert!(given_corpus.is_empty()),
        CorpusInput::Inline(id) => assert_eq!(format!("#{id}"), given_corpus),
        CorpusInput::Json(json) | CorpusInput::Url(json) => assert_eq!(json, &given_corpus),
    }
    if let Some(height) = &options.height {
        assert!(height.ends_with("px"), "a height the CSS check refused was kept: {height:?}");
    }
    assert_eq!(options.lang, "en");
}

/// The analysis of a small corpus (the input split at the separator, each part read as a `.txt`
/// file, so `date YYYY-MM-DD` lines date it): offsets, spans, links, and the same analysis
/// whatever order the sources come in.
pub fn analyse_corpus(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let names: Vec<String> = (0..MAX_FUZZ_SOURCES).map(|index| format!("{index}_fuzz.txt")).collect();
    let files: Vec<(&str, &str)> = text
        .split(SEPARATOR)
        .take(MAX_FUZZ_SOURCES)
        .enumerate()
        .map(|(index, part)| (names[index].as_str(), part))
        .collect();
    let Ok(loaded) = from_txt_files_with_limits("fuzz", &files, &Limits::WIDGET) else { return };
    let corpus = loaded.corpus;
    let analysis = analyse(&corpus);
    check_analysis(&corpus, &analysis);
    let mut reversed = corpus.clone();
    reversed.sources.reverse();
    let analysis_reversed = analyse(&reversed);
    assert_eq!(
        json(&analysis),
        json(&analysis_reversed),
        "the analysis changed when the sources came in another order"
    );
}

/// The stance of a text towards a claim (the input split at the first separator): never panics,
/// the same answer twice, and a claim compared with nothing is unrelated.
pub fn stance_pair(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (claim, other) = text.split_once(SEPARATOR).unwrap_or((text, ""));
    let first = stance(claim, other);
    assert_eq!(first, stance(claim, other), "stance is not deterministic");
    if other.trim().is_empty() {
        assert_eq!(first, crosscheck::analysis::Stance::Unrelated, "a claim against an empty text is {first:?}");
    }
}

/// The date and number readers: ISO dates read back as written; date mentions and quantities
/// stay inside the words they were read from, and their values are sane.
pub fn dates_and_numbers(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Some(date) = Date::parse_iso(text) {
        assert_eq!(Date::parse_iso(&date.to_string()), Some(date), "{text:?} does not read back");
        assert_eq!(Date::from_days(date.to_days()), date, "{date} does not survive days");
    }
    // A publication date from the first bytes, so relative dates ("last Friday") resolve.
    let published = data.first().map(|&byte| Date::from_days(20_000 + i64::from(byte) * 37));
    let words = crosscheck::analysis::normalize::words(text);
    let n_chars = text.chars().count();
    for word in &words {
        assert!(word.start < word.end && word.end <= n_chars, "a word outside the text: {}..{}", word.start, word.end);
    }
    let mentions = crosscheck::analysis::dates::date_mentions(&words, published);
    let mut spans = Vec::new();
    for mention in &mentions {
        assert!(mention.first_word <= mention.end_word && mention.end_word <= words.len(), "a date outside its words");
        if let Some((first, last)) = mention.range {
            assert!(first <= last, "a date range that ends before it starts: {first}..{last}");
        }
        spans.push((mention.first_word, mention.end_word));
    }
    for quantity in crosscheck::analysis::numbers::quantities(&words, &spans) {
        assert!(
            quantity.first_word <= quantity.end_word && quantity.end_word <= words.len(),
            "a count outside its words"
        );
        assert!(!quantity.value.is_nan(), "a count that is not a number");
        assert!(
            quantity.low <= quantity.high,
            "a count whose range is upside down: {}..{}",
            quantity.low,
            quantity.high
        );
    }
}

fn json(analysis: &Analysis) -> String {
    serde_json::to_string(analysis).expect("an analysis serialises")
}

/// What every loaded corpus promises.
fn check_loaded(loaded: &Loaded, limits: &Limits) {
    let corpus = &loaded.corpus;
    assert!(!corpus.sources.is_empty(), "a loaded corpus without sources");
    assert!(corpus.sources.len() <= limits.max_sources, "more sources than the limit");
    let n_chars: usize = corpus.sources.iter().map(|source| source.text.chars().count()).sum();
    assert!(n_chars <= limits.max_total_chars, "more text than the limit");
    assert!(corpus.title.chars().count() <= MAX_LABEL_CHARS, "a title longer than a label");
    let mut ids = BTreeSet::new();
    for source in &corpus.sources {
        check_source(source, limits);
        assert!(ids.insert(&source.id), "two sources share the id {:?}", source.id.0);
    }
}

fn check_source(source: &Source, limits: &Limits) {
    assert!(!source.id.0.trim().is_empty(), "a source with a blank id");
    assert!(!source.name.is_empty(), "a source without a name");
    assert!(source.name.chars().count() <= MAX_LABEL_CHARS, "a name longer than a label");
    assert!(!source.text.trim().is_empty(), "a source with a blank text");
    assert!(source.text.chars().count() <= limits.max_source_chars, "a text longer than the limit");
    if let Some(url) = &source.url {
        assert_eq!(web_url(url).as_deref(), Some(url.as_str()), "a kept url that is not a web address");
        let lower = url.to_ascii_lowercase();
        assert!(lower.starts_with("http://") || lower.starts_with("https://"), "a kept url {url:?}");
    }
}

/// Claims inside their texts, on characters, never empty; links between claims of different sources.
fn check_analysis(corpus: &Corpus, analysis: &Analysis) {
    let mut ids = BTreeSet::new();
    let mut source_of = std::collections::BTreeMap::new();
    for claim in &analysis.claims {
        assert!(ids.insert(claim.id), "two claims share the id {:?}", claim.id);
        let source =
            corpus.source(&claim.source).unwrap_or_else(|| panic!("a claim of an unknown source {:?}", claim.source.0));
        let chars: Vec<char> = source.text.chars().collect();
        assert!(claim.start < claim.end, "an empty claim span {}..{}", claim.start, claim.end);
        assert!(
            claim.end <= chars.len(),
            "a claim past the end of its text: {}..{} of {}",
            claim.start,
            claim.end,
            chars.len()
        );
        let slice: String = chars[claim.start..claim.end].iter().collect();
        assert_eq!(claim.text, slice, "a claim's text is not its span of the source");
        assert!(!claim.text.trim().is_empty(), "a blank claim");
        source_of.insert(claim.id, &claim.source);
    }
    for link in &analysis.links {
        let from = source_of.get(&link.from).unwrap_or_else(|| panic!("a link from an unknown claim {:?}", link.from));
        let to = source_of.get(&link.to).unwrap_or_else(|| panic!("a link to an unknown claim {:?}", link.to));
        assert_ne!(from, to, "a link between two claims of one source {:?}", from.0);
        for (span, claim) in [(link.from_span, link.from), (link.to_span, link.to)] {
            if let Some(span) = span {
                let claim = analysis.claims.iter().find(|c| c.id == claim).expect("known claim");
                let n_chars = claim.text.chars().count();
                assert!(
                    span.start < span.end && span.end <= n_chars,
                    "a detail {}..{} outside its claim of {n_chars} characters",
                    span.start,
                    span.end
                );
            }
        }
    }
}
