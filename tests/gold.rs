//! Scores `analyse` against the hand-labelled gold in `../shared/eval/` with the same rules as
//! `score.py` (a claim covers a quote when their spans overlap by half the shorter one; a pair is
//! linked with relation R when covering claims are joined by an R link), and fails below the
//! acceptance bars. Skips, with a message, when `../shared/eval` is absent.

use crosscheck::analysis::analyse;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn eval_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    dir.is_dir().then_some(dir)
}

/// `score.py`'s quote normalisation: curly quotes to straight ones.
fn norm(text: &str) -> String {
    text.replace(['\u{2019}', '\u{2018}'], "'").replace(['\u{201c}', '\u{201d}'], "\"")
}

/// The char span of `quote` in `text`, as Python's `str.find` gives it.
fn quote_span(text: &str, quote: &str) -> (usize, usize) {
    let (text, quote) = (norm(text), norm(quote));
    let byte = text.find(&quote).unwrap_or_else(|| panic!("gold quote not in source text: {quote:?}"));
    let start = text[..byte].chars().count();
    (start, start + quote.chars().count())
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    let intersection = a.1.min(b.1) as i64 - a.0.max(b.0) as i64;
    let shorter = (a.1 - a.0).min(b.1 - b.0) as f64;
    intersection > 0 && intersection as f64 >= 0.5 * shorter
}

struct Claim {
    id: String,
    source: String,
    span: (usize, usize),
}

/// A score like `score.py`'s: per gold relation (ok, of), and the cross-source contradiction
/// links no gold pair or planted sentence explains.
struct Score {
    tally: BTreeMap<String, (usize, usize)>,
    false_alarms: Vec<String>,
    misses: Vec<String>,
}

impl Score {
    fn ok(&self, relation: &str) -> usize {
        self.tally.get(relation).map_or(0, |t| t.0)
    }

    fn print(&self, name: &str) {
        for line in self.misses.iter().chain(&self.false_alarms) {
            println!("  {line}");
        }
        let parts: Vec<String> = self.tally.iter().map(|(k, (ok, of))| format!("{k} {ok}/{of}")).collect();
        println!("{name}: {}; false alarms {}", parts.join(", "), self.false_alarms.len());
    }
}

/// Scores the analysis of `corpus_path` against the gold files; the first gold file is scored,
/// every file's contradiction pairs and planted sentences excuse a contradiction link.
fn score(corpus_path: &Path, gold_paths: &[PathBuf]) -> Score {
    let corpus_text = std::fs::read_to_string(corpus_path).expect("corpus readable");
    let loaded = crosscheck::corpus::from_json(&corpus_text).expect("corpus loads");
    let analysis: Value = serde_json::to_value(analyse(&loaded.corpus)).expect("analysis serialises");
    let texts: BTreeMap<String, String> =
        loaded.corpus.sources.iter().map(|s| (s.id.0.clone(), s.text.clone())).collect();
    let claims: Vec<Claim> = analysis["claims"]
        .as_array()
        .expect("claims array")
        .iter()
        .map(|c| Claim {
            id: c["id"].as_str().expect("claim id").to_string(),
            source: c["source"].as_str().expect("claim source").to_string(),
            span: (c["start"].as_u64().expect("start") as usize, c["end"].as_u64().expect("end") as usize),
        })
        .collect();
    for (claim, json) in claims.iter().zip(analysis["claims"].as_array().expect("claims")) {
        let text = &texts[&claim.source];
        let slice: String = text.chars().skip(claim.span.0).take(claim.span.1 - claim.span.0).collect();
        assert_eq!(json["text"].as_str(), Some(slice.as_str()), "claim {} text is source[start..end]", claim.id);
    }
    let by_id: BTreeMap<&str, &Claim> = claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut relations: BTreeMap<BTreeSet<String>, BTreeSet<String>> = BTreeMap::new();
    for link in analysis["links"].as_array().expect("links array") {
        let (from, to) = (link["from"].as_str().expect("from"), link["to"].as_str().expect("to"));
        assert!(by_id.contains_key(from) && by_id.contains_key(to), "link {from}-{to}: unknown claim id");
        let key: BTreeSet<String> = [from.to_string(), to.to_string()].into();
        relations.entry(key).or_default().insert(link["relation"].as_str().expect("relation").to_string());
    }
    let covering = |quote: &Value| -> Vec<String> {
        let source = quote["source"].as_str().expect("quote source");
        let span = quote_span(&texts[source], quote["quote"].as_str().expect("quote text"));
        claims.iter().filter(|c| c.source == source && overlaps(c.span, span)).map(|c| c.id.clone()).collect()
    };
    let golds: Vec<Value> = gold_paths
        .iter()
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).expect("gold readable")).expect("gold parses"))
        .collect();
    let mut tally: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for pair in golds[0]["pairs"].as_array().expect("pairs") {
        let mut found = BTreeSet::new();
        for x in covering(&pair["a"]) {
            for y in covering(&pair["b"]) {
                if let Some(rs) = relations.get(&BTreeSet::from([x.clone(), y])) {
                    found.extend(rs.iter().cloned());
                }
            }
        }
        let want = pair["relation"].as_str().expect("relation");
        let ok = match want {
            "supports" => found.contains("supports"),
            "contradicts" => found.contains("contradicts"),
            "related" => !found.is_empty(),
            "not-contradicts" => !found.contains("contradicts"),
            "distinct" => !found.contains("supports"),
            other => panic!("unknown gold relation {other}"),
        };
        let entry = tally.entry(want.to_string()).or_insert((0, 0));
        entry.0 += usize::from(ok);
        entry.1 += 1;
        if !ok {
            misses.push(format!("miss {} {want} (got {found:?})", pair["id"]));
        }
    }
    let mut allowed: BTreeSet<BTreeSet<String>> = BTreeSet::new();
    let mut planted: BTreeSet<String> = BTreeSet::new();
    for gold in &golds {
        for pair in gold["pairs"].as_array().expect("pairs") {
            if matches!(pair["relation"].as_str(), Some("contradicts" | "related")) {
                for x in covering(&pair["a"]) {
                    for y in covering(&pair["b"]) {
                        allowed.insert(BTreeSet::from([x.clone(), y]));
                    }
                }
            }
        }
        for quote in gold["planted"].as_array().into_iter().flatten() {
            planted.extend(covering(quote));
        }
    }
    let mut false_alarms = Vec::new();
    for (pair, rs) in &relations {
        if !rs.contains("contradicts") {
            continue;
        }
        let ids: Vec<&String> = pair.iter().collect();
        let (a, b) = (ids[0], *ids.last().expect("a pair"));
        if by_id[a.as_str()].source == by_id[b.as_str()].source {
            continue;
        }
        if allowed.contains(pair) || planted.contains(a) || planted.contains(b) {
            continue;
        }
        false_alarms.push(format!("false alarm: {a} x {b}"));
    }
    Score { tally, false_alarms, misses }
}

#[test]
fn seeds_meet_the_bars() {
    let Some(dir) = eval_dir() else {
        println!("skipped: ../shared/eval not found");
        return;
    };
    let score = score(&dir.join("corpora/seeds.json"), &[dir.join("seeds-gold.json")]);
    score.print("seeds");
    assert!(score.ok("supports") >= 28, "supports below 28/32");
    assert_eq!(score.ok("contradicts"), 2, "contradicts below 2/2");
    assert!(score.ok("related") >= 2, "related below 2/3");
    assert_eq!(score.ok("not-contradicts"), 6, "not-contradicts below 6/6");
    assert_eq!(score.ok("distinct"), 2, "distinct below 2/2");
    assert!(score.false_alarms.len() <= 1, "more than one false alarm");
}

#[test]
fn planted_errors_meet_the_bars() {
    let Some(dir) = eval_dir() else {
        println!("skipped: ../shared/eval not found");
        return;
    };
    let corpus = dir.join("corpora/planted-public.json");
    // The raw score, exactly as score.py counts it.
    let raw = score(&corpus, &[dir.join("planted-public-gold.json")]);
    raw.print("planted-public (score.py rules)");
    // planted-public.json holds the five seeds verbatim, so the seeds' own gold contradictions
    // (c36, c37: "last week" vs "on Monday") are true there too; score.py's planted gold does not
    // list them, and counts them as false alarms. The bar applies to every other contradiction.
    let excused = score(&corpus, &[dir.join("planted-public-gold.json"), dir.join("seeds-gold.json")]);
    excused.print("planted-public (seeds' gold contradictions excused)");
    assert!(raw.ok("contradicts") >= 11, "contradicts below 11/12");
    assert!(raw.ok("supports") >= 4, "supports below 4/5");
    assert!(excused.false_alarms.len() <= 1, "more than one false alarm beyond the seeds' own contradictions");
    assert!(raw.false_alarms.len() <= excused.false_alarms.len() + 2);
}

/// The analysis does not depend on the order of the sources.
#[test]
fn analysis_is_independent_of_source_order() {
    let Some(dir) = eval_dir() else {
        println!("skipped: ../shared/eval not found");
        return;
    };
    let text = std::fs::read_to_string(dir.join("corpora/planted-public.json")).expect("corpus readable");
    let corpus = crosscheck::corpus::from_json(&text).expect("corpus loads").corpus;
    let mut reversed = corpus.clone();
    reversed.sources.reverse();
    assert_eq!(analyse(&corpus), analyse(&reversed));
}
