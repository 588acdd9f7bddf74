//! Which claims of different sources may tell the same fact: an inverted index of index terms
//! (stems, canonical names, counted quantities) proposes candidate pairs, and an IDF-weighted
//! overlap scores them.
//!
//! The index keeps the work near-linear: a term found in more than `MAX_POSTINGS` claims proposes
//! nothing (it is the story's topic, not a fact), and each claim keeps only its best
//! `MAX_CANDIDATES` partners. This module does not decide support or contradiction; `stance` does.

use crate::analysis::slots::Slots;
use std::collections::{BTreeMap, BTreeSet};

/// A term in more claims than this proposes no candidates.
const MAX_POSTINGS: usize = 64;
/// At most this many candidate partners per claim.
const MAX_CANDIDATES: usize = 40;

/// Inverse document frequencies of the terms of a set of claims.
#[derive(Clone, Debug, Default)]
pub struct Weights {
    n_claims: usize,
    document_frequency: BTreeMap<String, usize>,
}

impl Weights {
    pub fn new<'a>(claims: impl IntoIterator<Item = &'a Slots>) -> Weights {
        let mut weights = Weights::default();
        for claim in claims {
            weights.n_claims += 1;
            for term in &claim.terms {
                *weights.document_frequency.entry(term.clone()).or_insert(0) += 1;
            }
        }
        weights
    }

    /// Rare terms weigh more; synonym classes and event kinds weigh half, as they are looser.
    pub fn idf(&self, term: &str) -> f64 {
        let df = self.document_frequency.get(term).copied().unwrap_or(0) as f64;
        let base = ((self.n_claims as f64 + 1.0) / (df + 0.5)).ln().max(0.1);
        if term.starts_with('~') || term.starts_with('@') {
            base * 0.5
        } else if term.starts_with('#') {
            base * 1.5
        } else {
            base
        }
    }

    fn document_frequency(&self, term: &str) -> usize {
        self.document_frequency.get(term).copied().unwrap_or(0)
    }
}

/// How much two claims share, and the shared terms heaviest first.
#[derive(Clone, Debug, PartialEq)]
pub struct Similarity {
    pub score: f64,
    pub shared: Vec<String>,
    /// The same measure on the claims' frames (their terms outside dates, counts and places);
    /// zero when either frame has fewer than `MIN_FRAME_TERMS` terms, too few to name a fact.
    pub frame: f64,
}

/// A frame of fewer terms than this (a lone "met") could belong to any fact.
const MIN_FRAME_TERMS: usize = 2;

/// The mean of the IDF-weighted cosine and overlap coefficient of two term sets.
fn weighted_overlap(a: &BTreeSet<String>, b: &BTreeSet<String>, weights: &Weights) -> f64 {
    let weight_of = |terms: &BTreeSet<String>| terms.iter().map(|t| weights.idf(t)).sum::<f64>();
    let (weight_a, weight_b) = (weight_of(a), weight_of(b));
    if weight_a <= 0.0 || weight_b <= 0.0 {
        return 0.0;
    }
    let shared: f64 = a.intersection(b).map(|t| weights.idf(t)).sum();
    0.5 * shared / (weight_a * weight_b).sqrt() + 0.5 * shared / weight_a.min(weight_b)
}

/// IDF-weighted overlap: the mean of the cosine and the overlap coefficient of the term sets, so
/// that a short claim inside a long one scores, but not as high as a true paraphrase.
pub fn similarity(a: &Slots, b: &Slots, weights: &Weights) -> Similarity {
    let weight_of = |terms: &BTreeSet<String>| terms.iter().map(|t| weights.idf(t)).sum::<f64>();
    let weight_a = weight_of(&a.terms);
    let weight_b = weight_of(&b.terms);
    let mut shared: Vec<(f64, String)> =
        a.terms.intersection(&b.terms).map(|t| (weights.idf(t), t.clone())).collect();
    let shared_weight: f64 = shared.iter().map(|(w, _)| w).sum();
    if weight_a <= 0.0 || weight_b <= 0.0 {
        return Similarity { score: 0.0, shared: Vec::new(), frame: 0.0 };
    }
    let cosine = shared_weight / (weight_a * weight_b).sqrt();
    let overlap = shared_weight / weight_a.min(weight_b);
    shared.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.cmp(&y.1)));
    let frame = if a.frame.len().min(b.frame.len()) < MIN_FRAME_TERMS {
        0.0
    } else {
        weighted_overlap(&a.frame, &b.frame, weights)
    };
    Similarity { score: 0.5 * cosine + 0.5 * overlap, shared: shared.into_iter().map(|(_, t)| t).collect(), frame }
}

/// Candidate pairs `(i, j)`, `i < j`, of claims whose `group` differs (claims of one source are
/// never compared), proposed through the index. Sorted, so the result does not depend on
/// iteration order.
pub fn candidates(claims: &[Slots], group: &[usize], weights: &Weights) -> Vec<(usize, usize)> {
    let mut postings: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, claim) in claims.iter().enumerate() {
        for term in &claim.terms {
            // Loose terms (classes, event kinds) never propose a pair on their own.
            if term.starts_with('~') || term.starts_with('@') {
                continue;
            }
            postings.entry(term.as_str()).or_default().push(index);
        }
    }
    let mut accumulated: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for (term, list) in &postings {
        if list.len() > MAX_POSTINGS || weights.document_frequency(term) > MAX_POSTINGS {
            continue;
        }
        let idf = weights.idf(term);
        for (position, &i) in list.iter().enumerate() {
            for &j in &list[position + 1..] {
                if group.get(i) != group.get(j) {
                    *accumulated.entry((i.min(j), i.max(j))).or_insert(0.0) += idf;
                }
            }
        }
    }
    // Each claim keeps its best partners; a pair survives if either side keeps it.
    let mut per_claim: BTreeMap<usize, Vec<(f64, usize, (usize, usize))>> = BTreeMap::new();
    for (&(i, j), &weight) in &accumulated {
        per_claim.entry(i).or_default().push((weight, j, (i, j)));
        per_claim.entry(j).or_default().push((weight, i, (i, j)));
    }
    let mut kept = BTreeSet::new();
    for list in per_claim.values_mut() {
        list.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.cmp(&y.1)));
        for (_, _, pair) in list.iter().take(MAX_CANDIDATES) {
            kept.insert(*pair);
        }
    }
    kept.into_iter().collect()
}
