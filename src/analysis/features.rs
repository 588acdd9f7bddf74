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
use crate::analysis::short_text::ShortText;
use std::borrow::Cow;
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
    "negation_found",
    "polarity_differs",
    "polarity_differs_x_cover",
    "refute_one",
    "hedge_one",
    "negation_mismatch_x_cover",
    "length_min",
    "bigrams",
    "refuted_overlap",
];

pub const N_FEATURES: usize = 25;

/// The index in `NAMES` of "content_min": how much of each claim's words outside names the other
/// covers (the lesser of the two).
pub const CONTENT_MIN: usize = 4;

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

/// The stance cues of a claim (read once, by `slots::read`).
pub fn cues(slots: &Slots) -> Cues {
    slots.cues
}

/// Whether the refuting word at `i` (a `refute` cue) refutes here. A word that also means doing
/// something to people or things ("dismissed 85 staff", "withdrew from the role") refutes only
/// when what it acts on was said: a report, a claim, or "as" ("dismissed the claims", "withdrew
/// the story", "dismissed it as a hoax").
pub fn refutes_at(words: &[crate::analysis::normalize::Word], i: usize) -> bool {
    let acts_on_what_was_said = matches!(
        words[i].lower.as_str(),
        "dismiss" | "dismissed" | "dismisses" | "withdraw" | "withdrew" | "withdrawn" | "withdraws"
    );
    // "the woman in question", "beyond question": a phrase that names or affirms, not a doubt.
    let idiom = matches!(words[i].lower.as_str(), "question" | "doubt")
        && i.checked_sub(1).is_some_and(|k| matches!(words[k].lower.as_str(), "in" | "beyond" | "without" | "no"));
    // "were questioning her": an interrogation, not a doubt.
    let questions_someone = words[i].lower.starts_with("question")
        && words
            .get(i + 1)
            .is_some_and(|w| matches!(w.lower.as_str(), "her" | "him" | "them" | "me" | "us" | "suspects"));
    if idiom || questions_someone {
        return false;
    }
    if !acts_on_what_was_said {
        return true;
    }
    words[i + 1..].iter().take(4).take_while(|w| !w.after_punctuation()).any(|w| {
        let word = w.lower.as_str();
        word == "as" || crate::analysis::slots::is_report_noun(word)
    })
}

/// The stance cue words of a claim: its refuting, hedging and negating words, and the words that
/// deny by their meaning ("rejected", "pulled out"), which count as denials too.
pub fn read_cues(slots: &Slots) -> Cues {
    let table = &lexicon().cues;
    let mut out = Cues::default();
    let mut denials: BTreeSet<usize> = slots.denial_words.iter().copied().collect();
    for (i, word) in slots.words.iter().enumerate() {
        let bits = table.get(word.lower.as_str()).copied().unwrap_or(0);
        let refute = bits & CUE_REFUTE != 0 && refutes_at(&slots.words, i);
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
    covered_words(slots, true)
}

/// Per word of a claim: whether a negation ("not", "never", "n't") covers it, from the negation
/// to the end of its clause; with `refuting`, a refuting word's whole clause too.
pub fn covered_words(slots: &Slots, refuting: bool) -> Vec<bool> {
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
        let bits = table.get(words[i].lower.as_str()).copied().unwrap_or(0);
        // "not all of them": what is denied is "all", not the rest of the clause.
        let of_quantifier = words.get(i + 1).is_some_and(crate::analysis::slots::is_quantifier);
        let negation = (bits & CUE_NEGATION != 0 || words[i].negated) && !of_quantifier;
        let refute = refuting && bits & CUE_REFUTE != 0 && refutes_at(words, i);
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

fn flag(x: bool) -> f32 {
    if x {
        1.0
    } else {
        0.0
    }
}

/// A term of a claim, by id, with what the features need to know of it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct TermInfo {
    id: u32,
    idf: f32,
    /// The IDF as `align` sums it, for its similarity score.
    idf_exact: f64,
    /// The IDF less the story's topic: a term that most sources use weighs little, as it names
    /// what the story is about rather than a fact one report tells.
    off_topic: f32,
    /// Not a synonym class or an event kind (`~`, `@`).
    plain: bool,
    /// Says what happened: no name, synonym class, event kind or count.
    content: bool,
    /// A denial, doubt or negation covers it.
    negated: bool,
    /// Part of the claim's frame (what happened, without when, where or how many).
    in_frame: bool,
}

/// One claim's terms as the pair features read them, computed once per claim: sorted term ids
/// with their weights, so that comparing two claims is a merge of two short lists rather than
/// map lookups by string.
#[derive(Clone, Debug, Default)]
pub struct ClaimTerms {
    terms: Vec<TermInfo>,
    /// The terms' ids, in the same order: what the merge of two claims' terms reads, packed
    /// (a big story compares each claim with dozens of others, mostly out of the cache).
    ids: Vec<u32>,
    /// Consecutive term pairs, hashed, sorted.
    bigrams: Vec<u64>,
    /// The name keys, sorted.
    names: Vec<ShortText>,
    /// How many terms the frame has.
    n_frame: usize,
    length: f32,
    /// The claim's own weight under each [`Cover`], which `coverage` divides by: the same for
    /// every pair, so summed once.
    cover_totals: [f32; 3],
}

/// The weighted coverages the features read: which terms count, and by which weight.
#[derive(Clone, Copy)]
enum Cover {
    /// Every term but classes and event kinds, by IDF.
    Plain = 0,
    /// The words outside names, numbers, classes and events, by IDF.
    Content = 1,
    /// As `Plain`, by the weight off the story's topic.
    Topic = 2,
}

impl Cover {
    const ALL: [Cover; 3] = [Cover::Plain, Cover::Content, Cover::Topic];

    fn keep(self, t: &TermInfo) -> bool {
        match self {
            Cover::Plain | Cover::Topic => t.plain,
            Cover::Content => t.content,
        }
    }

    fn weight(self, t: &TermInfo) -> f32 {
        match self {
            Cover::Plain | Cover::Content => t.idf,
            Cover::Topic => t.off_topic,
        }
    }

    /// The weight of the terms of `terms` this coverage keeps.
    fn total(self, terms: &[TermInfo]) -> f32 {
        terms.iter().filter(|t| self.keep(t)).map(|t| self.weight(t)).sum::<f32>()
    }
}

/// An id for a term the weights do not know: hashed, above every id the weights give.
fn unseen_id(term: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in term.bytes() {
        hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
    }
    hash | 0x8000_0000
}

impl ClaimTerms {
    pub fn new(slots: &Slots, weights: &Weights) -> ClaimTerms {
        let covered = negated_words(slots);
        let negated: BTreeSet<&str> = slots
            .word_terms
            .iter()
            .filter(|t| (t.first_word..t.end_word).any(|w| covered.get(w).copied().unwrap_or(false)))
            .map(|t| t.text.as_str())
            .collect();
        // A term's id: the weights', else a hash of it (computed only for a term they lack).
        let id_from = |known: Option<usize>, term: &str| known.map_or_else(|| unseen_id(term), |id| id as u32);
        let id_of = |term: &str| id_from(weights.id(term), term);
        let mut terms: Vec<TermInfo> = slots
            .terms
            .iter()
            .map(|term| {
                let known = weights.id(term);
                let (idf, share) = match known {
                    Some(id) => (weights.idf_at(id), weights.source_share_at(id)),
                    None => (weights.unseen_idf(term), 0.0),
                };
                TermInfo {
                    id: id_from(known, term),
                    idf: idf as f32,
                    idf_exact: idf,
                    off_topic: (idf * (1.0 - share)) as f32,
                    plain: !term.starts_with(['~', '@']),
                    content: !term.starts_with(['~', '@', '#']) && !slots.name_terms.contains(term),
                    negated: negated.contains(term.as_str()),
                    in_frame: slots.frame.contains(term),
                }
            })
            .collect();
        // Entries of one id are equal (their fields depend on the term only).
        terms.sort_unstable_by_key(|t| t.id);
        terms.dedup_by_key(|t| t.id);
        let word_ids: Vec<u32> = slots.word_terms.iter().map(|t| id_of(&t.text)).collect();
        let mut bigrams: Vec<u64> = word_ids.windows(2).map(|w| (u64::from(w[0]) << 32) | u64::from(w[1])).collect();
        bigrams.sort_unstable();
        bigrams.dedup();
        let mut names: Vec<ShortText> = slots.names.iter().map(|n| ShortText::from(&n.key)).collect();
        names.sort_unstable();
        names.dedup();
        let cover_totals = Cover::ALL.map(|cover| cover.total(&terms));
        ClaimTerms {
            ids: terms.iter().map(|t| t.id).collect(),
            terms,
            bigrams,
            names,
            n_frame: slots.frame.len(),
            length: ((slots.word_terms.len() + 1) as f32).ln(),
            cover_totals,
        }
    }
}

impl ClaimTerms {
    /// The score of `align::similarity` (the mean of the IDF-weighted cosine and overlap
    /// coefficient of all terms), from the ids: `total_self` and `total_other` are the claims'
    /// total term weights (`align::Totals::terms`).
    pub fn similarity(&self, other: &ClaimTerms, total_self: f64, total_other: f64) -> f64 {
        if total_self <= 0.0 || total_other <= 0.0 {
            return 0.0;
        }
        let mut both = 0.0;
        merge(&self.ids, &other.ids, |i, _| both += self.terms[i].idf_exact);
        0.5 * both / (total_self * total_other).sqrt() + 0.5 * both / total_self.min(total_other)
    }

    /// The terms this claim shares with `other`, found once for all the measures of a pair.
    pub fn shared_with<'t>(&'t self, other: &'t ClaimTerms) -> SharedTerms<'t> {
        let mut pairs = Vec::new();
        self.shared_indices(other, &mut pairs);
        SharedTerms { a: self, b: other, pairs: Cow::Owned(pairs) }
    }

    /// [`ClaimTerms::shared_with`] in a buffer the caller keeps from pair to pair (the analysis
    /// compares hundreds of thousands of pairs: one allocation each would show).
    pub fn shared_in<'t>(&'t self, other: &'t ClaimTerms, buffer: &'t mut Vec<(u32, u32)>) -> SharedTerms<'t> {
        self.shared_indices(other, buffer);
        SharedTerms { a: self, b: other, pairs: Cow::Borrowed(buffer) }
    }

    /// The places in both term lists of each term both have, in id order.
    fn shared_indices(&self, other: &ClaimTerms, pairs: &mut Vec<(u32, u32)>) {
        pairs.clear();
        merge(&self.ids, &other.ids, |i, j| pairs.push((i as u32, j as u32)));
    }
}

/// The terms two claims share (from [`ClaimTerms::shared_with`]), in id order: a pair's measures
/// each read this list instead of merging the claims' term lists again (once for the
/// similarity, once for the frame and four or six times for the features).
pub struct SharedTerms<'t> {
    a: &'t ClaimTerms,
    b: &'t ClaimTerms,
    /// Indices into `a.terms` and `b.terms`.
    pairs: Cow<'t, [(u32, u32)]>,
}

impl<'t> SharedTerms<'t> {
    /// The pairs of terms both claims have, in id order, the first claim's term first.
    fn iter(&self) -> impl Iterator<Item = (&'t TermInfo, &'t TermInfo)> + '_ {
        let (a, b): (&'t ClaimTerms, &'t ClaimTerms) = (self.a, self.b);
        let (a, b) = (&a.terms, &b.terms);
        self.pairs.iter().map(move |&(i, j)| (&a[i as usize], &b[j as usize]))
    }

    /// [`ClaimTerms::similarity`] of the two claims.
    pub fn similarity(&self, total_a: f64, total_b: f64) -> f64 {
        if total_a <= 0.0 || total_b <= 0.0 {
            return 0.0;
        }
        let both: f64 = self.iter().map(|(x, _)| x.idf_exact).sum();
        0.5 * both / (total_a * total_b).sqrt() + 0.5 * both / total_a.min(total_b)
    }

    /// `align::Similarity::frame` from the ids: the same measure on the two frames, zero when
    /// either has fewer than `align::MIN_FRAME_TERMS` terms.
    pub fn frame_similarity(&self, total_a: f64, total_b: f64) -> f64 {
        if self.a.n_frame.min(self.b.n_frame) < crate::analysis::align::MIN_FRAME_TERMS
            || total_a <= 0.0
            || total_b <= 0.0
        {
            return 0.0;
        }
        let both: f64 = self.iter().filter(|(x, y)| x.in_frame && y.in_frame).map(|(x, _)| x.idf_exact).sum();
        0.5 * both / (total_a * total_b).sqrt() + 0.5 * both / total_a.min(total_b)
    }
}

/// Calls `found(i, j)` for each value both sorted, repeat-free lists have (`a[i] == b[j]`), in
/// order. The steps are taken without branching on the comparison: merging two claims' terms
/// is most of the work per compared pair, and which list steps next is a coin toss that a
/// predicted branch mostly gets wrong.
#[inline]
fn merge<T: Ord + Copy>(a: &[T], b: &[T], mut found: impl FnMut(usize, usize)) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        if x == y {
            found(i, j);
        }
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
}

/// The weighted share of each side's terms (those `keep` accepts) that the other side has:
/// (min, max) over the two sides; (0, 0) when either side has none.
fn coverage(shared: &SharedTerms, cover: Cover) -> (f32, f32) {
    let (wa, wb) = (shared.a.cover_totals[cover as usize], shared.b.cover_totals[cover as usize]);
    if wa <= 0.0 || wb <= 0.0 {
        return (0.0, 0.0);
    }
    let both: f32 = shared.iter().filter(|(x, _)| cover.keep(x)).map(|(x, _)| cover.weight(x)).sum();
    let (ca, cb) = (both / wa, both / wb);
    (ca.min(cb), ca.max(cb))
}

/// The share of the shorter claim's consecutive term pairs that the other claim also has.
fn bigram_share(a: &ClaimTerms, b: &ClaimTerms) -> f32 {
    let smaller = a.bigrams.len().min(b.bigrams.len());
    if smaller == 0 {
        return 0.0;
    }
    let mut n = 0;
    merge(&a.bigrams, &b.bigrams, |_, _| n += 1);
    n as f32 / smaller as f32
}

/// What the corpus says around a pair: each claim's best similarity to any claim of the other's
/// source (the pair's own included).
#[derive(Clone, Copy, Debug)]
pub struct Context {
    pub best_a: f64,
    pub best_b: f64,
    /// The pair's own similarity, computed as the best ones were.
    pub score: f64,
}

/// The features of a pair of claims, in the order of `NAMES`, computing each claim's terms on
/// the way (see [`pair_of`] to compute them once per claim).
pub fn pair(
    a: &Slots,
    b: &Slots,
    similarity: &Similarity,
    findings: &Findings,
    rules: &Verdict,
    weights: &Weights,
    context: Context,
) -> [f32; N_FEATURES] {
    let (ta, tb) = (ClaimTerms::new(a, weights), ClaimTerms::new(b, weights));
    pair_of((a, b), &ta.shared_with(&tb), similarity, findings, rules, context)
}

/// The features that the rules' findings and verdict give (`shared_quote` to
/// `speaker_conflict` in `NAMES`): [`pair_before_rules`] leaves them 0, [`pair_of`] fills them.
pub const RULE_FEATURES: std::ops::Range<usize> = 9..17;

/// The most each of [`RULE_FEATURES`] can be for a pair of this similarity: 1 for a flag, the
/// frame similarity for `rule_contradicts_x_frame`.
pub fn rule_feature_bounds(similarity: &Similarity) -> [f32; 8] {
    let frame = (similarity.frame as f32).max(0.0);
    [1.0, 1.0, 1.0, 1.0, 1.0, frame, 1.0, 1.0]
}

/// The features of a pair of claims whose shared [`ClaimTerms`] are known, in the order of
/// `NAMES`.
pub fn pair_of(
    pair: (&Slots, &Slots),
    shared_terms: &SharedTerms,
    similarity: &Similarity,
    findings: &Findings,
    rules: &Verdict,
    context: Context,
) -> [f32; N_FEATURES] {
    with_rules(pair_before_rules(pair, shared_terms, context), similarity, findings, rules)
}

/// The features `pair_before_rules` read, with those the rules give ([`RULE_FEATURES`]).
pub fn with_rules(
    mut x: [f32; N_FEATURES],
    similarity: &Similarity,
    findings: &Findings,
    rules: &Verdict,
) -> [f32; N_FEATURES] {
    let rule_contradicts = matches!(rules, Verdict::Contradicts { .. });
    let detail_agrees = findings.number_agrees || findings.date_agrees || findings.place_agrees;
    let detail_conflict =
        findings.number_conflict.is_some() || findings.date_conflict.is_some() || findings.place_conflict.is_some();
    x[RULE_FEATURES].copy_from_slice(&[
        flag(findings.shared_quote),
        flag(detail_agrees),
        flag(detail_conflict),
        flag(matches!(rules, Verdict::Supports { .. })),
        flag(rule_contradicts),
        flag(rule_contradicts) * similarity.frame as f32,
        flag(findings.speaker_conflict.is_some()),
        // A denial of what the other asserts, whether or not the rules took the pair for one
        // fact: backing that hides a conflict ("will star" / "decided to pass on the part").
        flag(findings.negation_conflict.is_some()),
    ]);
    x
}

/// The features of a pair that the rules do not give (those of [`RULE_FEATURES`] are 0): what
/// the pair's terms, its claims' cues and lengths and its context say. Cheap: the analysis
/// reads them first, and runs the rules only on a pair the model might not call unrelated.
pub fn pair_before_rules((a, b): (&Slots, &Slots), shared_terms: &SharedTerms, context: Context) -> [f32; N_FEATURES] {
    let ratio = |best: f64| if best > 0.0 { (context.score / best).min(1.0) as f32 } else { 0.0 };
    let (ra, rb) = (ratio(context.best_a), ratio(context.best_b));
    let (ta, tb) = (shared_terms.a, shared_terms.b);
    let (cover_min, cover_max) = coverage(shared_terms, Cover::Plain);
    let (content_min, _) = coverage(shared_terms, Cover::Content);
    let (topic_cover_min, topic_cover_max) = coverage(shared_terms, Cover::Topic);
    let names_disjoint =
        !ta.names.is_empty() && !tb.names.is_empty() && !ta.names.iter().any(|n| tb.names.binary_search(n).is_ok());
    let (ca, cb) = (&a.cues, &b.cues);
    let polarity_differs = ca.polar() != cb.polar();
    // Of the content both claims share (content as the first claim reads it), how much one
    // denies and the other does not.
    let (mut shared_weight, mut mismatch) = (0.0f32, 0.0f32);
    for (x, y) in shared_terms.iter().filter(|(x, _)| x.content) {
        shared_weight += x.off_topic;
        if x.negated != y.negated {
            mismatch += x.off_topic;
        }
    }
    let negation_mismatch = if shared_weight > 0.0 { mismatch / shared_weight } else { 0.0 };
    // How much of what one claim denies the other asserts: the weight of the terms denied in one
    // and present undenied in the other, over all the terms the first denies.
    let refuted = |x: &ClaimTerms, swapped: bool| -> f32 {
        let total: f32 = x.terms.iter().filter(|t| t.negated && t.content).map(|t| t.off_topic).sum();
        let asserted: f32 = shared_terms
            .iter()
            .map(|(t, u)| if swapped { (u, t) } else { (t, u) })
            .filter(|(t, u)| t.negated && t.content && !u.negated)
            .map(|(t, _)| t.off_topic)
            .sum();
        if total > 0.0 {
            asserted / total
        } else {
            0.0
        }
    };
    let refuted_overlap = if polarity_differs { refuted(ta, false).max(refuted(tb, true)) } else { 0.0 };
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
        // RULE_FEATURES, which `pair_of` fills.
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        flag(polarity_differs),
        flag(polarity_differs) * cover_min,
        flag(ca.refute != cb.refute),
        flag(ca.hedge != cb.hedge),
        negation_mismatch * cover_min,
        ta.length.min(tb.length),
        bigram_share(ta, tb),
        refuted_overlap,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_indices_name_their_features() {
        assert_eq!(NAMES[CONTENT_MIN], "content_min");
    }

    #[test]
    fn a_dismissal_refutes_only_what_was_said() {
        let refutes = |text: &str, word: &str| {
            let words = crate::analysis::normalize::words(text);
            let i = words.iter().position(|w| w.lower == word).expect("the word");
            refutes_at(&words, i)
        };
        assert!(refutes("The ministry dismissed the claims as baseless", "dismissed"));
        assert!(refutes("The agency dismissed it as a hoax", "dismissed"));
        assert!(refutes("The paper withdrew the story on Friday", "withdrew"));
        assert!(!refutes("The firm dismissed 85 staff on Monday", "dismissed"));
        assert!(!refutes("Bale has withdrawn from the role", "withdrawn"));
        assert!(!refutes("The woman in question was called Saja", "question"));
        assert!(!refutes("It is beyond doubt that he won", "doubt"));
        assert!(refutes("Experts question the figures", "question"));
        assert!(!refutes("Investigators were questioning her at the ministry", "questioning"));
        // Other refuting words refute wherever they stand.
        assert!(refutes("The ministry denied the arrest", "denied"));
    }
}
