//! Hand-labelled gold pairs (`../shared/eval/*-gold.json`, format in its README) matched to the
//! claims of an analysis the way `score.py` matches them: a claim covers a gold quote when their
//! spans overlap by at least half of the shorter one. The trainer reads labelled pairs through it,
//! and the gold tests score analyses with it. Native only: the widget never reads gold.

use crate::corpus::Corpus;
use serde::Deserialize;
use std::collections::BTreeMap;

/// One quote of a gold pair.
#[derive(Clone, Debug, Deserialize)]
pub struct Quote {
    pub source: String,
    pub quote: String,
}

/// A labelled pair of quotes.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldPair {
    #[serde(default)]
    pub id: String,
    pub relation: String,
    pub a: Quote,
    pub b: Quote,
}

/// A gold file.
#[derive(Clone, Debug, Deserialize)]
pub struct Gold {
    pub pairs: Vec<GoldPair>,
    /// True contradictions of the corpus that this file does not score.
    #[serde(default)]
    pub known: Vec<GoldPair>,
    /// Sentences written with an error: a contradiction link from them is never a false alarm.
    #[serde(default)]
    pub planted: Vec<Quote>,
    #[serde(default = "yes")]
    pub exhaustive: bool,
}

fn yes() -> bool {
    true
}

impl Gold {
    pub fn from_json(text: &str) -> Result<Gold, String> {
        serde_json::from_str(text).map_err(|e| format!("gold file: {e}"))
    }
}

/// `score.py`'s quote normalisation: curly quotes to straight ones.
fn norm(text: &str) -> String {
    text.replace(['\u{2019}', '\u{2018}'], "'").replace(['\u{201c}', '\u{201d}'], "\"")
}

/// The char span of `quote` in `text`, as Python's `str.find` gives it.
pub fn quote_span(text: &str, quote: &str) -> Option<(usize, usize)> {
    let (text, quote) = (norm(text), norm(quote));
    let byte = text.find(&quote)?;
    let start = text[..byte].chars().count();
    Some((start, start + quote.chars().count()))
}

/// Two spans overlap by at least half of the shorter one.
pub fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    let intersection = a.1.min(b.1) as i64 - a.0.max(b.0) as i64;
    let shorter = (a.1.saturating_sub(a.0)).min(b.1.saturating_sub(b.0)) as f64;
    intersection > 0 && intersection as f64 >= 0.5 * shorter
}

/// Claims as (source id, char span), indexed by position.
pub struct ClaimIndex {
    texts: BTreeMap<String, String>,
    claims: Vec<(String, (usize, usize))>,
}

impl ClaimIndex {
    pub fn new(corpus: &Corpus, claims: impl IntoIterator<Item = (String, (usize, usize))>) -> ClaimIndex {
        ClaimIndex {
            texts: corpus.sources.iter().map(|s| (s.id.0.clone(), s.text.clone())).collect(),
            claims: claims.into_iter().collect(),
        }
    }

    /// The positions of the claims that cover a quote; an error when the quote is not in its source.
    pub fn covering(&self, quote: &Quote) -> Result<Vec<usize>, String> {
        let text =
            self.texts.get(&quote.source).ok_or_else(|| format!("gold names unknown source {:?}", quote.source))?;
        let span = quote_span(text, &quote.quote)
            .ok_or_else(|| format!("gold quote not in source text: {:?}", quote.quote))?;
        Ok(self
            .claims
            .iter()
            .enumerate()
            .filter(|(_, (source, claim))| *source == quote.source && overlaps(*claim, span))
            .map(|(i, _)| i)
            .collect())
    }
}

/// What `score.py` prints for one analysis against one gold file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Score {
    /// Per gold relation: (pairs right, pairs).
    pub tally: BTreeMap<String, (usize, usize)>,
    /// Per linked relation ("supports", "contradicts"): (labelled pairs that deserve it, labelled pairs linked so).
    pub precision: BTreeMap<String, (usize, usize)>,
    pub false_alarms: Vec<String>,
    pub misses: Vec<String>,
    pub n_contradiction_links: usize,
}

impl Score {
    pub fn ok(&self, relation: &str) -> usize {
        self.tally.get(relation).map_or(0, |t| t.0)
    }

    pub fn of(&self, relation: &str) -> usize {
        self.tally.get(relation).map_or(0, |t| t.1)
    }

    /// Adds another score's counts to this one (for a set of corpora).
    pub fn add(&mut self, other: &Score) {
        for (k, v) in &other.tally {
            let t = self.tally.entry(k.clone()).or_insert((0, 0));
            t.0 += v.0;
            t.1 += v.1;
        }
        for (k, v) in &other.precision {
            let t = self.precision.entry(k.clone()).or_insert((0, 0));
            t.0 += v.0;
            t.1 += v.1;
        }
        self.false_alarms.extend(other.false_alarms.iter().cloned());
        self.misses.extend(other.misses.iter().cloned());
        self.n_contradiction_links += other.n_contradiction_links;
    }

    /// One line like `score.py`'s.
    pub fn summary(&self) -> String {
        let mut parts: Vec<String> = self.tally.iter().map(|(k, (ok, of))| format!("{k} {ok}/{of}")).collect();
        for (k, (ok, of)) in &self.precision {
            let ratio = if *of == 0 { 0.0 } else { *ok as f64 / *of as f64 };
            parts.push(format!("{k}_precision {ok}/{of} ({ratio:.2})"));
        }
        format!("{}; false alarms {}", parts.join(", "), self.false_alarms.len())
    }
}

/// Scores `analysis` of `corpus` against `gold` as `score.py` does. `also_allowed` are further
/// gold files whose contradiction pairs and planted sentences excuse a contradiction link.
pub fn score(
    corpus: &Corpus,
    analysis: &crate::analysis::Analysis,
    gold: &Gold,
    also_allowed: &[&Gold],
) -> Result<Score, String> {
    use crate::analysis::Relation;
    use std::collections::BTreeSet;
    let index = ClaimIndex::new(corpus, analysis.claims.iter().map(|c| (c.source.0.clone(), (c.start, c.end))));
    let mut relations: BTreeMap<(usize, usize), BTreeSet<&'static str>> = BTreeMap::new();
    for link in &analysis.links {
        let (a, b) = (link.from.0 as usize, link.to.0 as usize);
        let name = match link.relation {
            Relation::Supports => "supports",
            Relation::Contradicts => "contradicts",
        };
        relations.entry((a.min(b), a.max(b))).or_default().insert(name);
    }
    let pairs_of = |p: &GoldPair| -> Result<Vec<(usize, usize)>, String> {
        let (xs, ys) = (index.covering(&p.a)?, index.covering(&p.b)?);
        Ok(xs.iter().flat_map(|&x| ys.iter().map(move |&y| (x.min(y), x.max(y)))).collect())
    };
    let mut out = Score::default();
    for p in &gold.pairs {
        let mut found: BTreeSet<&str> = BTreeSet::new();
        for key in pairs_of(p)? {
            if let Some(rs) = relations.get(&key) {
                found.extend(rs.iter().copied());
            }
        }
        let want = p.relation.as_str();
        let ok = match want {
            "supports" => found.contains("supports"),
            "contradicts" => found.contains("contradicts"),
            "related" => !found.is_empty(),
            "not-contradicts" | "partial" => !found.contains("contradicts"),
            "distinct" => !found.contains("supports"),
            other => return Err(format!("unknown gold relation {other:?}")),
        };
        for (linked, deserved) in [
            ("supports", &["supports", "partial", "related", "not-contradicts"][..]),
            ("contradicts", &["contradicts", "related"][..]),
        ] {
            if found.contains(linked) {
                let t = out.precision.entry(linked.to_string()).or_insert((0, 0));
                t.0 += usize::from(deserved.contains(&want));
                t.1 += 1;
            }
        }
        let t = out.tally.entry(want.to_string()).or_insert((0, 0));
        t.0 += usize::from(ok);
        t.1 += 1;
        if !ok {
            out.misses.push(format!(
                "miss {} {want}: {} {:?} ~ {} {:?} (got {found:?})",
                p.id, p.a.source, p.a.quote, p.b.source, p.b.quote
            ));
        }
    }
    let mut allowed: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut planted: BTreeSet<usize> = BTreeSet::new();
    for g in std::iter::once(gold).chain(also_allowed.iter().copied()) {
        for p in g.pairs.iter().chain(&g.known) {
            if matches!(p.relation.as_str(), "contradicts" | "related") {
                allowed.extend(pairs_of(p)?);
            }
        }
        for q in &g.planted {
            planted.extend(index.covering(q)?);
        }
    }
    let labelled: Option<BTreeSet<(usize, usize)>> = if gold.exhaustive {
        None
    } else {
        let mut set = BTreeSet::new();
        for p in gold
            .pairs
            .iter()
            .filter(|p| matches!(p.relation.as_str(), "supports" | "partial" | "distinct" | "not-contradicts"))
        {
            set.extend(pairs_of(p)?);
        }
        Some(set)
    };
    for (&(a, b), rs) in &relations {
        if !rs.contains("contradicts") || analysis.claims[a].source == analysis.claims[b].source {
            continue;
        }
        out.n_contradiction_links += 1;
        if allowed.contains(&(a, b)) || planted.contains(&a) || planted.contains(&b) {
            continue;
        }
        if labelled.as_ref().is_some_and(|set| !set.contains(&(a, b))) {
            continue;
        }
        let (ca, cb) = (&analysis.claims[a], &analysis.claims[b]);
        out.false_alarms.push(format!("false alarm: {} {:?} x {} {:?}", ca.source.0, ca.text, cb.source.0, cb.text));
    }
    Ok(out)
}
