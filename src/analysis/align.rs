//! Which claims of different sources may tell the same fact: an inverted index of index terms
//! (stems, canonical names, counted quantities) proposes candidate pairs, and an IDF-weighted
//! overlap scores them.
//!
//! The index keeps the work near-linear: a term found in more than `MAX_POSTINGS` claims proposes
//! nothing (it is the story's topic, not a fact), and each claim keeps only its best
//! `MAX_CANDIDATES` partners. This module does not decide support or contradiction; `stance` does.

use crate::analysis::short_text::{ShortText, TextSet};
use crate::analysis::slots::Slots;

/// A term in more claims than this proposes no candidates.
const MAX_POSTINGS: usize = 64;
/// At most this many candidate partners per claim.
const MAX_CANDIDATES: usize = 40;

/// Inverse document frequencies of the terms of a set of claims, computed once: the comparison
/// of every candidate pair looks them up many times.
#[derive(Clone, Debug, Default)]
pub struct Weights {
    /// Each term's position in `document_frequency` and `idf`, given in the order the terms are
    /// first met (so a term's id does not depend on the map). (One map rather than a second map
    /// of floats: every map type adds kilobytes to the wasm.) Hashed: the pairs' features look
    /// every term of every claim up here.
    position: crate::analysis::lexicon::WordMap<usize>,
    document_frequency: Vec<usize>,
    idf: Vec<f64>,
    n_claims: usize,
    /// Per term (by `position`): how many sources use it; empty unless set by `count_sources`.
    source_frequency: Vec<usize>,
    n_sources: usize,
}

impl Weights {
    pub fn new<'a>(claims: impl IntoIterator<Item = &'a Slots>) -> Weights {
        let mut weights = Weights::default();
        for claim in claims {
            weights.n_claims += 1;
            for term in &claim.terms {
                // Most terms are known by now: a new one only is copied.
                let position = match weights.position.get(term.as_str()) {
                    Some(&position) => position,
                    None => {
                        let next = weights.document_frequency.len();
                        weights.position.insert(term.to_string(), next);
                        weights.document_frequency.push(0);
                        next
                    }
                };
                weights.document_frequency[position] += 1;
            }
        }
        let mut idf = vec![0.0; weights.document_frequency.len()];
        for (term, &position) in &weights.position {
            idf[position] = Self::compute_idf(weights.n_claims, weights.document_frequency[position], term);
        }
        weights.idf = idf;
        weights
    }

    /// Rare terms weigh more; synonym classes and event kinds weigh half, as they are looser.
    fn compute_idf(n_claims: usize, df: usize, term: &str) -> f64 {
        let base = ((n_claims as f64 + 1.0) / (df as f64 + 0.5)).ln().max(0.1);
        if term.starts_with('~') || term.starts_with('@') {
            base * 0.5
        } else if term.starts_with('#') {
            base * 1.5
        } else {
            base
        }
    }

    /// Counts, for every term, the sources whose claims use it (`group[i]` is claim i's source).
    pub fn count_sources(&mut self, claims: &[Slots], group: &[usize]) {
        self.source_frequency = vec![0; self.document_frequency.len()];
        self.n_sources = group.iter().copied().max().map_or(0, |g| g + 1);
        let mut last_source: Vec<usize> = vec![usize::MAX; self.document_frequency.len()];
        for (claim, &source) in claims.iter().zip(group) {
            for term in &claim.terms {
                if let Some(&position) = self.position.get(term.as_str()) {
                    if last_source[position] != source {
                        last_source[position] = source;
                        self.source_frequency[position] += 1;
                    }
                }
            }
        }
    }

    /// The share of the corpus's sources that use `term` (0 when sources were not counted): a term
    /// that most sources use is the story's topic, not a fact one of them tells.
    pub fn source_share(&self, term: &str) -> f64 {
        if self.n_sources == 0 {
            return 0.0;
        }
        self.position
            .get(term)
            .and_then(|&p| self.source_frequency.get(p))
            .map_or(0.0, |&n| n as f64 / self.n_sources as f64)
    }

    pub fn n_sources(&self) -> usize {
        self.n_sources
    }

    /// A term's position in these weights (its id), if any claim has it.
    pub fn id(&self, term: &str) -> Option<usize> {
        self.position.get(term).copied()
    }

    /// The IDF of the term with id `id`.
    pub fn idf_at(&self, id: usize) -> f64 {
        self.idf.get(id).copied().unwrap_or(0.0)
    }

    /// The IDF of a term no claim has.
    pub fn unseen_idf(&self, term: &str) -> f64 {
        Self::compute_idf(self.n_claims, 0, term)
    }

    /// [`Weights::source_share`] of the term with id `id`.
    pub fn source_share_at(&self, id: usize) -> f64 {
        if self.n_sources == 0 {
            return 0.0;
        }
        self.source_frequency.get(id).map_or(0.0, |&n| n as f64 / self.n_sources as f64)
    }

    pub fn idf(&self, term: &str) -> f64 {
        match self.position.get(term) {
            Some(&position) => self.idf[position],
            None => Self::compute_idf(self.n_claims, 0, term),
        }
    }

    fn document_frequency(&self, term: &str) -> usize {
        self.position.get(term).map_or(0, |&position| self.document_frequency[position])
    }

    /// The total weight of a claim's terms and of its frame, for [`similarity_with_totals`]:
    /// computed once per claim instead of once per candidate pair.
    pub fn totals(&self, claim: &Slots) -> Totals {
        let sum = |terms: &TextSet| terms.iter().map(|t| self.idf(t)).sum::<f64>();
        Totals { terms: sum(&claim.terms), frame: sum(&claim.frame) }
    }
}

/// A claim's total term and frame weights under some [`Weights`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Totals {
    terms: f64,
    frame: f64,
}

impl Totals {
    /// The total weight of the claim's terms.
    pub fn terms(&self) -> f64 {
        self.terms
    }

    /// The total weight of the claim's frame.
    pub fn frame(&self) -> f64 {
        self.frame
    }
}

/// Heaviest term first, then in term order (the terms are distinct, so the order is total).
fn heaviest_first(x: &(f64, &ShortText), y: &(f64, &ShortText)) -> std::cmp::Ordering {
    y.0.total_cmp(&x.0).then_with(|| x.1.cmp(y.1))
}

/// The terms two claims share, heaviest first (for naming them to a reader).
pub fn shared_terms(a: &Slots, b: &Slots, weights: &Weights) -> Vec<String> {
    let mut shared: Vec<(f64, &ShortText)> = a.terms.intersection(&b.terms).map(|t| (weights.idf(t), t)).collect();
    shared.sort_unstable_by(heaviest_first);
    shared.into_iter().map(|(_, t)| t.to_string()).collect()
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
pub const MIN_FRAME_TERMS: usize = 2;

/// The mean of the IDF-weighted cosine and overlap coefficient of two term sets of the given
/// total weights.
fn weighted_overlap(a: &TextSet, b: &TextSet, weight_a: f64, weight_b: f64, weights: &Weights) -> f64 {
    if weight_a <= 0.0 || weight_b <= 0.0 {
        return 0.0;
    }
    let shared: f64 = a.intersection(b).map(|t| weights.idf(t)).sum();
    0.5 * shared / (weight_a * weight_b).sqrt() + 0.5 * shared / weight_a.min(weight_b)
}

/// IDF-weighted overlap: the mean of the cosine and the overlap coefficient of the term sets, so
/// that a short claim inside a long one scores, but not as high as a true paraphrase.
pub fn similarity(a: &Slots, b: &Slots, weights: &Weights) -> Similarity {
    similarity_with_totals(a, b, weights, weights.totals(a), weights.totals(b))
}

/// [`similarity`] with each claim's [`Totals`] computed beforehand.
pub fn similarity_with_totals(
    a: &Slots,
    b: &Slots,
    weights: &Weights,
    totals_a: Totals,
    totals_b: Totals,
) -> Similarity {
    let (weight_a, weight_b) = (totals_a.terms, totals_b.terms);
    if weight_a <= 0.0 || weight_b <= 0.0 {
        return Similarity { score: 0.0, shared: Vec::new(), frame: 0.0 };
    }
    let mut shared: Vec<(f64, &ShortText)> = a.terms.intersection(&b.terms).map(|t| (weights.idf(t), t)).collect();
    let shared_weight: f64 = shared.iter().map(|(w, _)| w).sum();
    let cosine = shared_weight / (weight_a * weight_b).sqrt();
    let overlap = shared_weight / weight_a.min(weight_b);
    shared.sort_unstable_by(heaviest_first);
    let frame = if a.frame.len().min(b.frame.len()) < MIN_FRAME_TERMS {
        0.0
    } else {
        weighted_overlap(&a.frame, &b.frame, totals_a.frame, totals_b.frame, weights)
    };
    Similarity {
        score: 0.5 * cosine + 0.5 * overlap,
        shared: shared.into_iter().map(|(_, t)| t.to_string()).collect(),
        frame,
    }
}

/// Candidate pairs `(i, j)`, `i < j`, of claims whose `group` differs (claims of one source are
/// never compared), proposed through the index: each claim keeps its `MAX_CANDIDATES` partners
/// with the most shared index weight, and a pair survives if either side keeps it. Sorted, so the
/// result does not depend on iteration order.
///
/// Each claim's partners are scored in a dense array that is reset after it, not in a map of all
/// pairs: the work is the postings walked, with no per-pair lookups that grow with the corpus.
pub fn candidates(claims: &[Slots], group: &[usize], weights: &Weights) -> Vec<(usize, usize)> {
    // Hashed while filled, then sorted once: the lists stand in term order, as the scores below
    // add up in that order.
    let mut postings: rustc_hash::FxHashMap<&str, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (index, claim) in claims.iter().enumerate() {
        for term in &claim.terms {
            // Loose terms (classes, event kinds) never propose a pair on their own.
            if term.starts_with('~') || term.starts_with('@') {
                continue;
            }
            postings.entry(term.as_str()).or_default().push(index);
        }
    }
    // The terms that may propose pairs, in term order, with the lists each claim is on.
    let mut postings: Vec<(&str, Vec<usize>)> = postings.into_iter().collect();
    postings.sort_unstable_by(|x, y| x.0.cmp(y.0));
    let lists: Vec<(f64, Vec<usize>)> = postings
        .into_iter()
        .filter(|(term, list)| list.len() <= MAX_POSTINGS && weights.document_frequency(term) <= MAX_POSTINGS)
        .map(|(term, list)| (weights.idf(term), list))
        .collect();
    let mut lists_of_claim: Vec<Vec<usize>> = vec![Vec::new(); claims.len()];
    for (list_index, (_, list)) in lists.iter().enumerate() {
        for &claim in list {
            lists_of_claim[claim].push(list_index);
        }
    }
    let mut score = vec![0.0f64; claims.len()];
    let mut touched: Vec<usize> = Vec::new();
    // Each pair as one number (the smaller claim in the high half), so that putting them in
    // order and dropping repeats compares integers.
    let mut kept: Vec<u64> = Vec::new();
    let mut partners: Vec<(f64, usize)> = Vec::new();
    for (i, lists_of_i) in lists_of_claim.iter().enumerate() {
        for &list_index in lists_of_i {
            let (idf, list) = &lists[list_index];
            for &j in list {
                if group.get(i) == group.get(j) {
                    continue;
                }
                // Every idf is positive, so a zero score means "not seen yet for this claim".
                if score[j] == 0.0 {
                    touched.push(j);
                }
                score[j] += idf;
            }
        }
        // The best partners (by score, then index: a total order), kept in order as they come:
        // a place found among at most MAX_CANDIDATES, not a sort of every partner.
        partners.clear();
        let before = |x: &(f64, usize), y: &(f64, usize)| x.0 > y.0 || (x.0 == y.0 && x.1 < y.1);
        for &j in &touched {
            let partner = (score[j], j);
            // Once the list is full, most partners of a big story fall behind its last at once.
            if partners.len() == MAX_CANDIDATES && partners.last().is_some_and(|last| !before(&partner, last)) {
                continue;
            }
            let place = partners.partition_point(|x| before(x, &partner));
            if place < MAX_CANDIDATES {
                partners.insert(place, partner);
                partners.truncate(MAX_CANDIDATES);
            }
        }
        kept.extend(partners.iter().map(|&(_, j)| ((i.min(j) as u64) << 32) | i.max(j) as u64));
        for &j in &touched {
            score[j] = 0.0;
        }
        touched.clear();
    }
    kept.sort_unstable();
    kept.dedup();
    kept.into_iter().map(|pair| ((pair >> 32) as usize, (pair & 0xffff_ffff) as usize)).collect()
}
