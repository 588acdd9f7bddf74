//! The features of a pair of claims that the learned decision (`model`) weighs: how much of each
//! claim the other covers (all terms, the words outside names, the names), what their details
//! say of each other (`stance::examine`), the rules' own verdict, and the stance cues each
//! carries (refuting, hedging, negating words).
//!
//! Every feature is a number in a small range (flags are 0 or 1, coverages 0..1, lengths are
//! logarithms), so that one set of weights serves claims of any length. `NAMES` lists them in
//! order; the model file names the features it was trained on and must match.

use crate::analysis::align::{Similarity, Weights};
use crate::analysis::lexicon::{lexicon, CUE_HEDGE, CUE_NEGATION, CUE_REFUTE};
use crate::analysis::slots::Slots;
use crate::analysis::stance::{Findings, Verdict};
use std::collections::BTreeSet;

/// The names of the features, in the order `pair` returns them.
pub const NAMES: [&str; N_FEATURES] = [
    "cover_min",
    "cover_max",
    "topic_cover_min",
    "topic_cover_max",
    "content_min",
    "best_ratio_min",
    "mutual_best",
    "match_strength",
    "names_disjoint",
    "shared_quote",
    "detail_agrees",
    "detail_conflict",
    "rule_supports",
    "rule_contradicts",
    "rule_contradicts_x_frame",
    "speaker_conflict",
    "polarity_differs",
    "polarity_differs_x_cover",
    "refute_one",
    "hedge_one",
    "negation_mismatch_x_cover",
    "length_min",
    "bigrams",
    "refuted_overlap",
];

pub const N_FEATURES: usize = 24;

/// Stance cues of one claim: which kinds of cue word it holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cues {
    pub refute: bool,
    pub hedge: bool,
    pub negation: bool,
    /// The first refuting or negating word, if any.
    pub polar_word: Option<usize>,
    /// How many refuting or negating words the claim has: an odd number denies what it reports
    /// ("denied that she is not his wife" asserts it again).
    pub n_polar: usize,
}

impl Cues {
    /// The claim denies, doubts or negates what it reports (an odd number of such words).
    pub fn polar(&self) -> bool {
        self.n_polar % 2 == 1
    }
}

/// The stance cue words of a claim: its refuting, hedging and negating words, and the words that
/// deny by their meaning ("rejected", "pulled out"), which count as denials too.
pub fn cues(slots: &Slots) -> Cues {
    let table = &lexicon().cues;
    let mut out = Cues::default();
    let mut denials: BTreeSet<usize> = slots.denial_words.iter().copied().collect();
    for (i, word) in slots.words.iter().enumerate() {
        let bits = table.get(&word.lower).copied().unwrap_or(0);
        let refute = bits & CUE_REFUTE != 0;
        let negation = bits & CUE_NEGATION != 0 || word.negated;
        out.refute |= refute;
        out.hedge |= bits & CUE_HEDGE != 0;
        out.negation |= negation;
        if refute || negation {
            denials.insert(i);
        }
    }
    out.n_polar = denials.len();
    out.polar_word = denials.first().copied();
    out
}

/// Per word of a claim: whether a denial, doubt or negation covers it. A negation ("not", "never",
/// "n't") covers the words after it up to the end of its clause; a refuting word ("denied",
/// "hoax", "questioning") covers its whole clause, as it may deny what comes before it ("reports
/// ... have been denied") or after it ("denied that ...").
pub fn negated_words(slots: &Slots) -> Vec<bool> {
    let table = &lexicon().cues;
    let words = &slots.words;
    let ends_clause = |w: &crate::analysis::normalize::Word| {
        w.gap.contains([',', ';', ':', '.', '(', ')', '\u{2014}'])
            || matches!(w.lower.as_str(), "but" | "while" | "although" | "though" | "whereas")
    };
    let mut out = vec![false; words.len()];
    let mut clause_start = 0;
    for i in 0..words.len() {
        if i > 0 && ends_clause(&words[i]) {
            clause_start = i;
        }
        let bits = table.get(&words[i].lower).copied().unwrap_or(0);
        let negation = bits & CUE_NEGATION != 0 || words[i].negated;
        let refute = bits & CUE_REFUTE != 0;
        if !(negation || refute) {
            continue;
        }
        let from = if refute { clause_start } else { i };
        let mut k = from;
        while k < words.len() && (k <= i || !ends_clause(&words[k])) {
            out[k] = true;
            k += 1;
        }
    }
    out
}

/// The terms of a claim that a denial, doubt or negation covers.
fn negated_terms(slots: &Slots) -> BTreeSet<&str> {
    let covered = negated_words(slots);
    slots
        .word_terms
        .iter()
        .filter(|t| (t.first_word..t.end_word).any(|w| covered.get(w).copied().unwrap_or(false)))
        .map(|t| t.text.as_str())
        .collect()
}

fn flag(x: bool) -> f32 {
    if x {
        1.0
    } else {
        0.0
    }
}

/// Terms that say what happened: no names, synonym classes, event kinds or counts.
fn is_content(term: &str, slots: &Slots) -> bool {
    !term.starts_with(['~', '@', '#']) && !slots.name_terms.contains(term)
}

/// The weighted share of each side's terms (those `keep` accepts) that the other side has:
/// (min, max) over the two sides; (0, 0) when either side has none.
fn coverage(a: &Slots, b: &Slots, weights: &Weights, keep: impl Fn(&str, &Slots) -> bool) -> (f32, f32) {
    coverage_by(a, b, |t| weights.idf(t), keep)
}

/// [`coverage`] with any weight per term.
fn coverage_by(a: &Slots, b: &Slots, weight: impl Fn(&str) -> f64, keep: impl Fn(&str, &Slots) -> bool) -> (f32, f32) {
    fn own<'s>(s: &'s Slots, keep: &impl Fn(&str, &Slots) -> bool) -> BTreeSet<&'s String> {
        s.terms.iter().filter(|t| keep(t, s)).collect()
    }
    let (ta, tb) = (own(a, &keep), own(b, &keep));
    let total = |set: &BTreeSet<&String>| set.iter().map(|t| weight(t)).sum::<f64>();
    let (wa, wb) = (total(&ta), total(&tb));
    if wa <= 0.0 || wb <= 0.0 {
        return (0.0, 0.0);
    }
    let shared: f64 = ta.intersection(&tb).map(|t| weight(t)).sum();
    let (ca, cb) = ((shared / wa) as f32, (shared / wb) as f32);
    (ca.min(cb), ca.max(cb))
}

/// The share of the shorter claim's consecutive term pairs that the other claim also has.
fn bigram_share(a: &Slots, b: &Slots) -> f32 {
    let bigrams = |s: &Slots| -> BTreeSet<(String, String)> {
        s.word_terms.windows(2).map(|w| (w[0].text.clone(), w[1].text.clone())).collect()
    };
    let (ba, bb) = (bigrams(a), bigrams(b));
    let smaller = ba.len().min(bb.len());
    if smaller == 0 {
        return 0.0;
    }
    ba.intersection(&bb).count() as f32 / smaller as f32
}

/// What the corpus says around a pair: each claim's best similarity to any claim of the other's
/// source (the pair's own included).
#[derive(Clone, Copy, Debug)]
pub struct Context {
    pub best_a: f64,
    pub best_b: f64,
}

/// The features of a pair of claims, in the order of `NAMES`.
pub fn pair(
    a: &Slots,
    b: &Slots,
    similarity: &Similarity,
    findings: &Findings,
    rules: &Verdict,
    weights: &Weights,
    context: Context,
) -> [f32; N_FEATURES] {
    let ratio = |best: f64| if best > 0.0 { (similarity.score / best).min(1.0) as f32 } else { 0.0 };
    let (ra, rb) = (ratio(context.best_a), ratio(context.best_b));
    let plain = |t: &str, _: &Slots| !t.starts_with(['~', '@']);
    let (cover_min, cover_max) = coverage(a, b, weights, plain);
    let (content_min, _) = coverage(a, b, weights, is_content);
    // Off the story's topic: a term that most sources use weighs little, as it names what the
    // story is about rather than a fact one report tells.
    let off_topic = |t: &str| weights.idf(t) * (1.0 - weights.source_share(t));
    let (topic_cover_min, topic_cover_max) = coverage_by(a, b, off_topic, plain);
    let names = |s: &Slots| -> BTreeSet<String> { s.names.iter().map(|n| n.key.clone()).collect() };
    let (na, nb) = (names(a), names(b));
    let names_disjoint = !na.is_empty() && !nb.is_empty() && na.is_disjoint(&nb);
    let (ca, cb) = (cues(a), cues(b));
    let polarity_differs = ca.polar() != cb.polar();
    // Of the content both claims share, how much one denies and the other does not.
    let (negated_a, negated_b) = (negated_terms(a), negated_terms(b));
    let shared_content: BTreeSet<&String> =
        a.word_terms.iter().map(|t| &t.text).filter(|t| b.terms.contains(*t) && is_content(t, a)).collect();
    let shared_weight: f64 = shared_content.iter().map(|t| off_topic(t)).sum();
    let mismatch: f64 = shared_content
        .iter()
        .filter(|t| negated_a.contains(t.as_str()) != negated_b.contains(t.as_str()))
        .map(|t| off_topic(t))
        .sum();
    let negation_mismatch = if shared_weight > 0.0 { (mismatch / shared_weight) as f32 } else { 0.0 };

    // How much of what one claim denies the other asserts: the weight of the terms denied in one
    // and present undenied in the other, over all the terms the first denies.
    let refuted = |x: &Slots, nx: &BTreeSet<&str>, y: &Slots, ny: &BTreeSet<&str>| -> f32 {
        let denied: BTreeSet<&str> = nx.iter().copied().filter(|t| is_content(t, x)).collect();
        let total: f64 = denied.iter().map(|t| off_topic(t)).sum();
        let asserted: f64 =
            denied.iter().filter(|t| y.terms.contains(**t) && !ny.contains(*t)).map(|t| off_topic(t)).sum();
        if total > 0.0 {
            (asserted / total) as f32
        } else {
            0.0
        }
    };
    let refuted_overlap = if polarity_differs {
        refuted(a, &negated_a, b, &negated_b).max(refuted(b, &negated_b, a, &negated_a))
    } else {
        0.0
    };
    let length = |s: &Slots| ((s.word_terms.len() + 1) as f32).ln();
    let rule_contradicts = matches!(rules, Verdict::Contradicts { .. });
    let detail_agrees = findings.number_agrees || findings.date_agrees || findings.place_agrees;
    let detail_conflict =
        findings.number_conflict.is_some() || findings.date_conflict.is_some() || findings.place_conflict.is_some();
    [
        cover_min,
        cover_max,
        topic_cover_min,
        topic_cover_max,
        content_min,
        ra.min(rb),
        flag(ra >= 1.0 && rb >= 1.0),
        topic_cover_min * ra.min(rb),
        flag(names_disjoint),
        flag(findings.shared_quote),
        flag(detail_agrees),
        flag(detail_conflict),
        flag(matches!(rules, Verdict::Supports { .. })),
        flag(rule_contradicts),
        flag(rule_contradicts) * similarity.frame as f32,
        flag(findings.speaker_conflict.is_some()),
        flag(polarity_differs),
        flag(polarity_differs) * cover_min,
        flag(ca.refute != cb.refute),
        flag(ca.hedge != cb.hedge),
        negation_mismatch * cover_min,
        length(a).min(length(b)),
        bigram_share(a, b),
        refuted_overlap,
    ]
}
