//! Analysis façade: `analyse` finds the claims of every source of a corpus and links the claims
//! of different sources that tell the same fact, labelled `supports` or `contradicts` with a
//! reason; `stance` answers the same question for one claim and one text.
//!
//! The pipeline: `claims` cuts sources into claims, `slots` reads each claim's comparable details
//! (with `normalize`, `numbers`, `dates` and the tables of `lexicon`), `align` proposes and scores
//! candidate pairs through an index, `stance` compares each pair. The analysis is deterministic
//! (sources are sorted by id, every map is ordered), never fails on text, and imports nothing of
//! the browser.

pub mod align;
pub mod claims;
pub mod dates;
pub mod decide;
pub mod document;
pub mod features;
pub mod language;
pub mod lexicon;
pub mod model;
pub mod normalize;
pub mod numbers;
pub mod short_text;
pub mod slots;
pub mod stance;
pub mod text;

use crate::corpus::{Corpus, Source, SourceId};
use serde::{Deserialize, Serialize};

pub use stance::ConflictKind;
use text::Span;

/// Writes a number of at most three decimals as JSON without a float printer: the widget's
/// worker writes the analysis, and a float printer would add kilobytes to the wasm for this one
/// field. The text is what a float printer writes for such a number ("0.332", "1.0").
fn serialize_decimal3<S: serde::Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    use serde::ser::Error;
    if !value.is_finite() {
        return serializer.serialize_none();
    }
    let milli = (value * 1000.0).round() as i64;
    let (sign, milli) = if milli < 0 { ("-", -milli) } else { ("", milli) };
    let (whole, fraction) = (milli / 1000, milli % 1000);
    let text = if fraction == 0 {
        format!("{sign}{whole}.0")
    } else {
        let digits = format!("{fraction:03}");
        format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
    };
    serde_json::value::RawValue::from_string(text).map_err(S::Error::custom)?.serialize(serializer)
}

/// A claim's id, printed as `c0`, `c1`, ... in the analysis JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClaimId(pub u32);

impl Serialize for ClaimId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("c{}", self.0))
    }
}

impl<'de> Deserialize<'de> for ClaimId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<ClaimId, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.strip_prefix('c')
            .and_then(|digits| digits.parse().ok())
            .map(ClaimId)
            .ok_or_else(|| serde::de::Error::custom(format!("a claim id is c followed by digits, not {text:?}")))
    }
}

/// A check-worthy sentence or clause of one source; `start`/`end` are char offsets into its text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: ClaimId,
    pub source: SourceId,
    pub start: usize,
    pub end: usize,
    /// The quote: chars `start..end` of the source's text. Left out where the reader has the
    /// source (the worker's answer, an analysis embedded in its corpus file).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// Independent sources (near-verbatim copies count once, the claim's own never) that back it.
    pub n_supporting_sources: usize,
    /// Independent sources that contradict it.
    pub n_contradicting_sources: usize,
    /// No other independent source backs or contradicts it.
    pub single_source: bool,
    /// The claim's language as an ISO 639-1 code ("es"), when it is not English: the panel
    /// names it beside the quote, which it shows as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

impl Claim {
    /// A claim with no links yet (counts zero, single-source).
    pub fn new(id: ClaimId, source: SourceId, start: usize, end: usize, text: String) -> Claim {
        Claim {
            id,
            source,
            start,
            end,
            text,
            n_supporting_sources: 0,
            n_contradicting_sources: 0,
            single_source: true,
            lang: None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    Supports,
    Contradicts,
}

/// A half-open char range inside a claim's text (not the source's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimSpan {
    pub start: usize,
    pub end: usize,
}

/// An undirected link between claims of two different sources.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub from: ClaimId,
    pub to: ClaimId,
    pub relation: Relation,
    /// A sentence a reader understands ("number: 28 vs 32 chiefs").
    pub reason: String,
    /// For a contradiction, what kind of detail conflicts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<ConflictKind>,
    /// For a contradiction, the conflicting detail inside `from`'s text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_span: Option<ClaimSpan>,
    /// For a contradiction, the conflicting detail inside `to`'s text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_span: Option<ClaimSpan>,
    /// The alignment score (0..1, three decimals) that made the two claims comparable.
    #[serde(serialize_with = "serialize_decimal3")]
    pub score: f64,
    /// For a backing: it backs only a side detail of the other claim, not its main point.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub side_detail: bool,
}

impl Link {
    /// A link without conflict details or score.
    pub fn new(from: ClaimId, to: ClaimId, relation: Relation, reason: String) -> Link {
        Link { from, to, relation, reason, kind: None, from_span: None, to_span: None, score: 0.0, side_detail: false }
    }
}

/// The whole analysis of a corpus, serialised exactly as `../shared/eval/README.md` describes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub claims: Vec<Claim>,
    pub links: Vec<Link>,
    /// Pairs of claims of different sources about the same people or topic that tell different
    /// facts: not links, never counted as backing ("also mentions").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<(ClaimId, ClaimId)>,
}

/// The stance of a text towards a claim, as `crosscheck stance` prints it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Supports,
    Contradicts,
    Neutral,
    Unrelated,
}

/// Sources whose texts are near-verbatim copies (a reprinted wire story) share one origin: most of
/// the shorter text's five-word shingles appear in the other.
///
/// Shingles are hashed and indexed, so a source is only compared with the earlier sources it
/// shares a shingle with: comparing every pair of sources made this the one quadratic step of
/// the analysis (half a million set intersections for a thousand articles).
fn origins(sources: &[&Source]) -> Vec<usize> {
    let shingles: Vec<Vec<u64>> = sources
        .iter()
        .map(|source| {
            let folded = normalize::fold_text(&source.text);
            // Each word hashed once, each shingle from its five words' hashes.
            let tokens: Vec<u64> = folded.split(' ').filter(|t| !t.is_empty()).map(word_hash).collect();
            let mut hashes: Vec<u64> = tokens.windows(5).map(shingle_hash).collect();
            hashes.sort_unstable();
            hashes.dedup();
            hashes
        })
        .collect();
    // Every (shingle, source), sorted: the sources that share a shingle stand together, in
    // source order. A sorted vector and a dense counter rather than maps keep the wasm small.
    let mut postings: Vec<(u64, usize)> = shingles
        .iter()
        .enumerate()
        .flat_map(|(source, hashes)| hashes.iter().map(move |&hash| (hash, source)))
        .collect();
    postings.sort_unstable();
    // Per source, where each of its shingles that another source shares starts in `postings`
    // (most shingles are one source's own, and need no look at all).
    let mut shared_runs: Vec<Vec<u32>> = vec![Vec::new(); sources.len()];
    let mut start = 0;
    for run in postings.chunk_by(|x, y| x.0 == y.0) {
        if run.len() > 1 {
            for &(_, source) in run {
                shared_runs[source].push(start as u32);
            }
        }
        start += run.len();
    }
    let mut origin: Vec<usize> = (0..sources.len()).collect();
    let mut n_common = vec![0usize; sources.len()];
    // The earlier sources sharing a shingle with the current one; only their counts are reset.
    let mut touched: Vec<usize> = Vec::new();
    for (i, own) in shingles.iter().enumerate() {
        for &first in &shared_runs[i] {
            let hash = postings[first as usize].0;
            for &(_, j) in postings[first as usize..].iter().take_while(|&&(other, j)| other == hash && j < i) {
                if n_common[j] == 0 {
                    touched.push(j);
                }
                n_common[j] += 1;
            }
        }
        // The earliest source that this one copies gives the origin, as a pairwise scan would.
        let copied = touched
            .iter()
            .copied()
            .filter(|&j| {
                let smaller = own.len().min(shingles[j].len());
                smaller >= 8 && n_common[j] * 10 >= smaller * 7
            })
            .min();
        if let Some(j) = copied {
            origin[i] = origin[j];
        }
        for &j in &touched {
            n_common[j] = 0;
        }
        touched.clear();
    }
    origin
}

/// FNV-1a over a word's bytes: stable across runs and platforms, unlike std's hasher.
fn word_hash(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// A shingle's hash from its words' hashes, in order (rotate, mix in a word, multiply, as
/// FxHash combines words).
fn shingle_hash(words: &[u64]) -> u64 {
    words.iter().fold(0, |hash: u64, &word| (hash.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95))
}

fn claim_span(slots: &slots::Slots, words: stance::WordSpan) -> Option<ClaimSpan> {
    if words.1 <= words.0 {
        return None;
    }
    let first = slots.words.get(words.0)?;
    let last = slots.words.get(words.1.saturating_sub(1).max(words.0))?;
    Some(ClaimSpan { start: first.start, end: last.end.max(first.start) })
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// A corpus read for comparison: its sources in id order, its claims with their slots, the term
/// weights, and which sources are copies of one origin. `analyse` links its claims; the trainer
/// (`examples/train.rs`) reads the features of labelled pairs from it.
pub struct Prepared {
    pub sources: Vec<Source>,
    claims: Vec<PreparedClaim>,
    pub slots: Vec<slots::Slots>,
    pub weights: align::Weights,
    totals: Vec<align::Totals>,
    /// Per source (in `sources` order): the index of the source it copies, or its own.
    pub origin: Vec<usize>,
    /// The candidate pairs worth comparing (claims of different sources sharing rare terms).
    candidates: Vec<(usize, usize)>,
    /// Per claim: (source, the best similarity to any candidate claim of that source), by source.
    best: Vec<Vec<(usize, f64)>>,
    /// Per claim: its terms as the pair features read them.
    claim_terms: Vec<features::ClaimTerms>,
}

/// One claim's place in its source. (Its text is its slots' `text`.)
struct PreparedClaim {
    source_index: usize,
    span: Span,
}

/// Everything known about one pair of claims: how similar, what their details say, the rules'
/// verdict and the features of the pair.
pub struct Comparison {
    pub similarity: align::Similarity,
    pub findings: stance::Findings,
    /// The rules' verdict alone.
    pub verdict: stance::Verdict,
    pub features: [f32; features::N_FEATURES],
}

/// The first stage of an analysis: the sources are read one at a time (their claims cut and their
/// slots read), so that a caller can report progress between them ("reading 412 of 1,000
/// sources") and stop at any point. `Reading::index` then builds the comparison's index.
pub struct Reading {
    sources: Vec<Source>,
    vocabulary: slots::Vocabulary,
    next: usize,
    claims: Vec<PreparedClaim>,
    slots: Vec<slots::Slots>,
}

impl Reading {
    /// Starts reading a corpus: its sources in id order, and the words they capitalise.
    pub fn new(corpus: &Corpus) -> Reading {
        let mut sources: Vec<Source> = corpus.sources.clone();
        // Ids are unique (`corpus` skips a second source with a taken id).
        sources.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        let vocabulary = slots::Vocabulary::from_texts(sources.iter().map(|s| s.text.as_str()));
        Reading { sources, vocabulary, next: 0, claims: Vec::new(), slots: Vec::new() }
    }

    pub fn n_sources(&self) -> usize {
        self.sources.len()
    }

    /// How many sources have been read.
    pub fn n_read(&self) -> usize {
        self.next
    }

    /// Reads up to `n` more sources; returns how many have been read in all.
    pub fn read_next(&mut self, n: usize) -> usize {
        let end = self.next.saturating_add(n).min(self.sources.len());
        for source_index in self.next..end {
            let source = &self.sources[source_index];
            let source_language = language::detect(&source.text);
            for claims::ClaimText { span, text, words } in claims::claims(&source.text) {
                self.slots.push(slots::read_words_in(
                    &text,
                    words,
                    source.published,
                    &self.vocabulary,
                    source_language,
                ));
                self.claims.push(PreparedClaim { source_index, span });
            }
        }
        self.next = end;
        end
    }

    /// Reads what is left, then indexes the claims for comparison: term weights, copies of one
    /// origin, candidate pairs, each claim's best match in every other source.
    pub fn index(mut self) -> Prepared {
        self.read_next(usize::MAX);
        let Reading { sources, mut claims, slots: mut all_slots, .. } = self;
        // The claims are all read: the room the vectors grew into is not needed.
        claims.shrink_to_fit();
        all_slots.shrink_to_fit();
        let source_refs: Vec<&Source> = sources.iter().collect();
        let origin = origins(&source_refs);
        let mut weights = align::Weights::new(all_slots.iter());
        let group: Vec<usize> = claims.iter().map(|c: &PreparedClaim| c.source_index).collect();
        weights.count_sources(&all_slots, &group);
        let totals: Vec<align::Totals> = all_slots.iter().map(|slots| weights.totals(slots)).collect();
        let candidates = align::candidates(&all_slots, &group, &weights);
        let claim_terms: Vec<features::ClaimTerms> =
            all_slots.iter().map(|slots| features::ClaimTerms::new(slots, &weights)).collect();
        // Each claim's best match in every other source: a pair is the more likely one fact when
        // neither claim has a closer match in the other's source. The claims stand in source
        // order and the candidates in (i, j) order, so each claim meets the other sources in
        // order, on either side of its pairs: its list grows sorted by source (for `Comparing`'s
        // walk, or `best_of`'s search), and only its last entry can be the one a pair updates.
        debug_assert!(group.windows(2).all(|w| w[0] <= w[1]) && candidates.windows(2).all(|w| w[0] < w[1]));
        let mut best: Vec<Vec<(usize, f64)>> = vec![Vec::new(); claims.len()];
        for &(i, j) in &candidates {
            let score = claim_terms[i].similarity(&claim_terms[j], totals[i].terms(), totals[j].terms());
            for (claim, other_source) in [(i, group[j]), (j, group[i])] {
                match best[claim].last_mut() {
                    Some(entry) if entry.0 == other_source => entry.1 = entry.1.max(score),
                    _ => best[claim].push((other_source, score)),
                }
            }
        }
        for list in &mut best {
            debug_assert!(list.windows(2).all(|w| w[0].0 < w[1].0));
            list.shrink_to_fit();
        }
        Prepared { sources, claims, slots: all_slots, weights, totals, origin, candidates, best, claim_terms }
    }
}

impl Prepared {
    /// Cuts every source into claims, reads their slots and indexes them.
    pub fn new(corpus: &Corpus) -> Prepared {
        Reading::new(corpus).index()
    }

    pub fn n_claims(&self) -> usize {
        self.claims.len()
    }

    /// The source (its index in `sources`) and char span of claim `i`.
    pub fn claim_place(&self, i: usize) -> (usize, Span) {
        (self.claims[i].source_index, self.claims[i].span)
    }

    /// Compares claims `i` and `j`.
    pub fn compare(&self, i: usize, j: usize) -> Comparison {
        self.compare_with_best(i, j, (self.best_of(i, j), self.best_of(j, i)), &mut Vec::new())
    }

    /// The best score of `claim` with any candidate claim of `other`'s source, searched for.
    fn best_of(&self, claim: usize, other: usize) -> Option<f64> {
        let (list, source) = (&self.best[claim], self.claims[other].source_index);
        list.binary_search_by_key(&source, |&(s, _)| s).ok().map(|at| list[at].1)
    }

    /// [`Prepared::compare`] with each claim's best score in the other's source, looked up by the
    /// caller (`Comparing` walks them in order rather than searching).
    /// `scratch` holds the shared terms, from pair to pair.
    fn compare_with_best(
        &self,
        i: usize,
        j: usize,
        (best_i, best_j): (Option<f64>, Option<f64>),
        scratch: &mut Vec<(u32, u32)>,
    ) -> Comparison {
        let (a, b) = (&self.slots[i], &self.slots[j]);
        // From the claims' term ids: the same measures as `align::similarity`, without strings.
        // The shared terms are named later, and only for a backing that needs them.
        let shared_terms = self.claim_terms[i].shared_in(&self.claim_terms[j], scratch);
        let (totals_a, totals_b) = (self.totals[i], self.totals[j]);
        let similarity = align::Similarity {
            score: shared_terms.similarity(totals_a.terms(), totals_b.terms()),
            shared: Vec::new(),
            frame: shared_terms.frame_similarity(totals_a.frame(), totals_b.frame()),
        };
        // The score the best matches were found with (from the same term ids, so that the best
        // pair's ratio is exactly one).
        let score = similarity.score;
        let best_or_this = |best: Option<f64>| best.map_or(score, |best| best.max(score));
        let context = features::Context { best_a: best_or_this(best_i), best_b: best_or_this(best_j), score };
        let before_rules = features::pair_before_rules((a, b), &shared_terms, context);
        // Most candidate pairs share a few rare words and no detail: the rules have nothing to
        // read, and the features they would give are all 0.
        if stance::nothing_to_examine(a, b, &similarity) {
            let (findings, verdict) = (stance::Findings::default(), stance::Verdict::Unrelated);
            return Comparison { similarity, findings, verdict, features: before_rules };
        }
        let findings = stance::examine(a, b, &similarity);
        let verdict = stance::compare_examined(a, b, &similarity, findings.clone());
        let features = features::with_rules(before_rules, &similarity, &findings, &verdict);
        Comparison { similarity, findings, verdict, features }
    }

    /// The candidate pairs worth comparing (claims of different sources sharing rare terms).
    pub fn candidates(&self) -> &[(usize, usize)] {
        &self.candidates
    }
}

/// A backing found while comparing, before `Comparing::finish` decides whether it is a link or
/// only related: half the size of a `Link` (which has room for a conflict's details), as a
/// big story has a hundred thousand of them at the stage's end, when memory peaks.
struct Backing {
    /// The model's strength.
    strength: f32,
    /// The two claims share a quotation.
    shared_quote: bool,
    from: ClaimId,
    to: ClaimId,
    /// What its reason will say agrees (the reason is written only if it becomes a link).
    agreement: stance::Agreement,
    score: f64,
    side_detail: bool,
}

impl Backing {
    fn link(self, reason: String) -> Link {
        Link {
            from: self.from,
            to: self.to,
            relation: Relation::Supports,
            reason,
            kind: None,
            from_span: None,
            to_span: None,
            score: self.score,
            side_detail: self.side_detail,
        }
    }
}

/// The last stage of an analysis: the candidate pairs are compared a batch at a time (so that a
/// caller can report progress and stop), then `finish` writes the analysis.
pub struct Comparing {
    prepared: Prepared,
    next: usize,
    links: Vec<Link>,
    related: Vec<(ClaimId, ClaimId)>,
    /// Backings, kept until `finish` picks which are links.
    backings: Vec<Backing>,
    /// Per claim: where its walk through its `Prepared::best` list stands. The candidates come in
    /// (i, j) order and the claims in source order, so each claim meets the other sources in
    /// order (as its list was built): a step forward finds each best score, where a binary
    /// search of a long list would miss the cache at every step.
    cursors: Vec<u32>,
    /// The shared terms of the pair being compared (`Prepared::compare_with_best`).
    scratch: Vec<(u32, u32)>,
}

impl Comparing {
    pub fn new(prepared: Prepared) -> Comparing {
        let cursors = vec![0; prepared.claims.len()];
        Comparing {
            prepared,
            next: 0,
            links: Vec::new(),
            related: Vec::new(),
            backings: Vec::new(),
            cursors,
            scratch: Vec::new(),
        }
    }

    /// The best score of `claim` in `source` (see `cursors`): sources must come in order.
    fn best_in(&mut self, claim: usize, source: usize) -> Option<f64> {
        let list = &self.prepared.best[claim];
        let cursor = &mut self.cursors[claim];
        while list.get(*cursor as usize).is_some_and(|&(s, _)| s < source) {
            *cursor += 1;
        }
        list.get(*cursor as usize).filter(|&&(s, _)| s == source).map(|&(_, best)| best)
    }

    pub fn n_pairs(&self) -> usize {
        self.prepared.candidates.len()
    }

    /// Compares up to `n` more candidate pairs; returns how many have been compared in all.
    pub fn compare_next(&mut self, n: usize, decision: &decide::Decision) -> usize {
        let end = self.next.saturating_add(n).min(self.prepared.candidates.len());
        for index in self.next..end {
            let (i, j) = self.prepared.candidates[index];
            let (source_i, source_j) = (self.prepared.claims[i].source_index, self.prepared.claims[j].source_index);
            let best = (self.best_in(i, source_j), self.best_in(j, source_i));
            let (slots_a, slots_b) = (&self.prepared.slots[i], &self.prepared.slots[j]);
            let comparison = self.prepared.compare_with_best(i, j, best, &mut self.scratch);
            let score = round3(comparison.similarity.score);
            let (from, to) = (ClaimId(i as u32), ClaimId(j as u32));
            let outcome = decision.decide(
                slots_a,
                slots_b,
                &comparison.features,
                &comparison.similarity,
                comparison.verdict,
                &comparison.findings,
            );
            match outcome {
                decide::Outcome::Supports { main, strength } => self.backings.push(Backing {
                    strength,
                    shared_quote: comparison.findings.shared_quote,
                    from,
                    to,
                    agreement: stance::Agreement::of(&comparison.findings),
                    score,
                    side_detail: !main,
                }),
                decide::Outcome::Contradicts { kind, reason, span_a, span_b } => self.links.push(Link {
                    from,
                    to,
                    relation: Relation::Contradicts,
                    reason,
                    kind: Some(kind),
                    from_span: claim_span(slots_a, span_a),
                    to_span: claim_span(slots_b, span_b),
                    score,
                    side_detail: false,
                }),
                decide::Outcome::Related => self.related.push((from, to)),
                decide::Outcome::Unrelated => {}
            }
        }
        self.next = end;
        end
    }

    /// Compares what is left and writes the analysis.
    pub fn finish(mut self, decision: &decide::Decision) -> Analysis {
        self.compare_next(usize::MAX, decision);
        let Comparing { prepared, mut links, mut related, backings, .. } = self;
        let Prepared {
            sources,
            claims: prepared_claims,
            origin,
            slots: all_slots,
            weights,
            totals,
            candidates,
            best,
            claim_terms,
        } = prepared;
        // The index goes first (most of the analysis's memory with the slots), before the
        // backings become links.
        drop((weights, totals, candidates, best, claim_terms));
        // A claim tells one fact, and another source tells it about once: of the claims of one
        // source that would back a claim as its main point, only the strongest (within MARGIN of
        // the model's probability) does; the others merely share its words and names, and are
        // related. A side-detail backing is exempt: a long claim's details may each be told in
        // another sentence; so is one that shares a quotation, as a report may quote the same
        // words twice. (MARGIN was chosen among 0, 0.1, 0.15 and 0.25 on the trainer's
        // cross-validation.)
        const MARGIN: f32 = 0.1;
        let source_of = |claim: ClaimId| prepared_claims[claim.0 as usize].source_index as u32;
        // Each backing's two ends, (claim, the other claim's source), sorted: a run of one key
        // holds every backing of that claim from that source, and each is marked whether it is
        // within MARGIN of the run's strongest.
        let mut ends: Vec<((u32, u32), f32, u32)> = backings
            .iter()
            .enumerate()
            .flat_map(|(k, b)| {
                let k = 2 * k as u32;
                [((b.from.0, source_of(b.to)), b.strength, k), ((b.to.0, source_of(b.from)), b.strength, k + 1)]
            })
            .collect();
        ends.sort_unstable_by_key(|&(key, ..)| key);
        let mut strongest_end = vec![false; ends.len()];
        for run in ends.chunk_by(|x, y| x.0 == y.0) {
            let best = run.iter().fold(f32::MIN, |best, &(_, strength, _)| best.max(strength));
            for &(_, strength, end) in run {
                strongest_end[end as usize] = strength >= best - MARGIN;
            }
        }
        drop(ends);
        for (k, backing) in backings.into_iter().enumerate() {
            let (from, to) = (backing.from, backing.to);
            let strongest = strongest_end[2 * k] && strongest_end[2 * k + 1];
            if backing.side_detail || backing.shared_quote || strongest {
                // Only a link's reason is written (a big story's backings are mostly links, but
                // a fifth are not).
                let reason =
                    stance::support_reason_of(&all_slots[from.0 as usize], &all_slots[to.0 as usize], backing.agreement);
                links.push(backing.link(reason));
            } else {
                related.push((from, to));
            }
        }
        // Of the slots, only each claim's text and language are left to write: the rest goes now,
        // before the links are sorted and counted.
        let texts_and_languages: Vec<(String, language::Language)> =
            all_slots.into_iter().map(|slots| (slots.text, slots.language)).collect();
        // A pair of claims makes one link at most.
        links.sort_unstable_by_key(|link| (link.from, link.to));
        related.sort_unstable();
        // Per claim: how many independent origins back or contradict it, from the (claim,
        // origin) pairs of the links, sorted and each counted once.
        let mut backing: Vec<(usize, usize)> = Vec::new();
        let mut contradicting: Vec<(usize, usize)> = Vec::new();
        for link in &links {
            let (i, j) = (link.from.0 as usize, link.to.0 as usize);
            let (origin_i, origin_j) =
                (origin[prepared_claims[i].source_index], origin[prepared_claims[j].source_index]);
            if origin_i == origin_j {
                continue;
            }
            let pairs = if link.relation == Relation::Supports { &mut backing } else { &mut contradicting };
            pairs.extend([(i, origin_j), (j, origin_i)]);
        }
        let n_claims = prepared_claims.len();
        let count = |mut pairs: Vec<(usize, usize)>| {
            pairs.sort_unstable();
            pairs.dedup();
            let mut n = vec![0usize; n_claims];
            for (claim, _) in pairs {
                n[claim] += 1;
            }
            n
        };
        let (backing, contradicting) = (count(backing), count(contradicting));
        let claims = prepared_claims
            .into_iter()
            .enumerate()
            .zip(texts_and_languages)
            .map(|((index, p), (text, language))| {
                let (n_supporting_sources, n_contradicting_sources) = (backing[index], contradicting[index]);
                Claim {
                    id: ClaimId(index as u32),
                    source: sources[p.source_index].id.clone(),
                    start: p.span.start,
                    end: p.span.end,
                    text,
                    n_supporting_sources,
                    n_contradicting_sources,
                    single_source: n_supporting_sources == 0 && n_contradicting_sources == 0,
                    lang: (language != language::Language::English).then(|| language.code().to_string()),
                }
            })
            .collect();
        Analysis { claims, links, related }
    }
}

/// Analyses a corpus: claims of every source and the links between them. Deterministic.
pub fn analyse(corpus: &Corpus) -> Analysis {
    analyse_with(corpus, decide::Decision::shipped())
}

/// [`analyse`] with a given decision (the trainer scores models it has not shipped).
pub fn analyse_with(corpus: &Corpus, decision: &decide::Decision) -> Analysis {
    Comparing::new(Prepared::new(corpus)).finish(decision)
}

/// The stance of `text` (a sentence, a headline or a whole article) towards `claim`: its
/// sentences are compared with the claim as `analyse` compares claims, and a model learned from
/// public stance data (FNC-1, Emergent, SNLI) weighs what the comparison found, the stance
/// words of both, and for short texts their words; a conflicting detail that the rules find
/// between a short text and the claim makes it `contradicts`. See `document`.
pub fn stance(claim: &str, text: &str) -> Stance {
    document::Decision::shipped().stance(claim, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(claim: &str, text: &str, expected: Stance) {
        assert_eq!(stance(claim, text), expected, "stance of {text:?} towards {claim:?}");
    }

    fn check_no_conflict(claim: &str, text: &str) {
        assert_ne!(stance(claim, text), Stance::Contradicts, "stance of {text:?} towards {claim:?}");
    }

    #[test]
    fn walking_the_best_lists_in_candidate_order_finds_what_a_search_finds() {
        let story: serde_json::Value =
            serde_json::from_str(include_str!("../tests/fixtures/planted-story.json")).expect("a fixture");
        let story = crate::corpus::from_json(&story["corpus"].to_string()).expect("its corpus").corpus;
        for corpus in [crate::corpus::seeds(), story] {
            let mut comparing = Comparing::new(Prepared::new(&corpus));
            let candidates = comparing.prepared.candidates.clone();
            assert!(candidates.len() > 100, "{} candidates", candidates.len());
            let mut found = 0;
            for (i, j) in candidates {
                for (claim, other) in [(i, j), (j, i)] {
                    let source = comparing.prepared.claims[other].source_index;
                    let searched = comparing.prepared.best_of(claim, other);
                    assert_eq!(comparing.best_in(claim, source), searched, "claim {claim}, source {source}");
                    found += usize::from(searched.is_some());
                }
            }
            // Every candidate pair was scored while the lists were made.
            assert_eq!(found, 2 * comparing.prepared.candidates.len());
        }
    }

    #[test]
    fn a_backing_kept_as_its_agreement_gets_the_reason_it_had() {
        let prepared = Prepared::new(&crate::corpus::seeds());
        let mut reasons = 0;
        for &(i, j) in prepared.candidates() {
            let comparison = prepared.compare(i, j);
            let (a, b) = (&prepared.slots[i], &prepared.slots[j]);
            let reason = stance::support_reason(a, b, &comparison.similarity, &comparison.findings);
            let kept = stance::support_reason_of(a, b, stance::Agreement::of(&comparison.findings));
            assert_eq!(kept, reason, "{:?} / {:?}", a.text, b.text);
            reasons += usize::from(reason.starts_with("same"));
        }
        assert!(reasons > 5, "only {reasons} reasons name an agreeing detail");
    }

    #[test]
    fn the_rules_find_nothing_in_a_pair_with_nothing_to_examine() {
        // Every pair of the seeds' claims, not only the candidates: the shortcut must hold for
        // any pair the index might propose.
        let prepared = Prepared::new(&crate::corpus::seeds());
        let mut shortcuts = 0;
        for i in 0..prepared.n_claims() {
            for j in i + 1..prepared.n_claims() {
                let (a, b) = (&prepared.slots[i], &prepared.slots[j]);
                let similarity = align::similarity(a, b, &prepared.weights);
                if !stance::nothing_to_examine(a, b, &similarity) {
                    continue;
                }
                shortcuts += 1;
                let findings = stance::examine(a, b, &similarity);
                let nothing = stance::Findings { shared_event_kind: findings.shared_event_kind, ..Default::default() };
                assert_eq!(format!("{findings:?}"), format!("{nothing:?}"), "{:?} / {:?}", a.text, b.text);
                let verdict = stance::compare_examined(a, b, &similarity, findings.clone());
                assert!(matches!(verdict, stance::Verdict::Unrelated), "{verdict:?}: {:?} / {:?}", a.text, b.text);
                let x = features::with_rules([0.0; features::N_FEATURES], &similarity, &findings, &verdict);
                assert!(x.iter().all(|&v| v == 0.0), "{x:?}");
            }
        }
        assert!(shortcuts > 1000, "only {shortcuts} pairs took the shortcut");
        assert_eq!(
            features::NAMES[features::RULE_FEATURES],
            [
                "shared_quote",
                "detail_agrees",
                "detail_conflict",
                "rule_supports",
                "rule_contradicts",
                "rule_contradicts_x_frame",
                "speaker_conflict",
                "negation_found"
            ]
        );
    }

    #[test]
    fn stance_of_a_text_towards_a_claim() {
        let article = "NATO's 32 chiefs of defence held a video conference on Wednesday. \
                       Trump ruled out sending U.S. troops to Ukraine. The weather in Brussels was mild.";
        check("Twenty-eight NATO defence chiefs held a video conference.", article, Stance::Contradicts);
        check("President Trump said he would send U.S. troops to Ukraine.", article, Stance::Contradicts);
        check("Thirty-two NATO defence chiefs held a video conference.", article, Stance::Supports);
        check("Apple released a new phone with a larger screen.", article, Stance::Unrelated);
        check("", "", Stance::Unrelated);
    }

    #[test]
    fn near_verbatim_claims_conflict_on_their_one_detail() {
        // Without a publication date, different weekday names for one event still conflict.
        check(
            "The council voted on Monday to close the café.",
            "The council voted on Tuesday to close the café.",
            Stance::Contradicts,
        );
        check(
            "The council voted 28 to 4 to close the café.",
            "The council voted 32 to 4 to close the café.",
            Stance::Contradicts,
        );
        check(
            "The council voted 28\u{2013}4 to close the café.",
            "The council voted 32\u{2013}4 to close the café.",
            Stance::Contradicts,
        );
        check("Work on the bridge starts in May.", "Work on the bridge starts in June.", Stance::Contradicts);
        check("The bridge opened in 2019.", "The bridge opened in 2021.", Stance::Contradicts);
        check("The bridge opened on 3 March 2021.", "The bridge opened on 4 March 2021.", Stance::Contradicts);
        check("The council met in Zurich on Monday.", "The council met in Geneva on Monday.", Stance::Contradicts);
        // Neither city is in the gazetteer: a capitalised name after "in" is the event's place.
        check("The council met in Bramfield on Monday.", "The council met in Ostervik on Monday.", Stance::Contradicts);
        check(
            "The mayor opened the new library on Friday.",
            "The mayor closed the new library on Friday.",
            Stance::Contradicts,
        );
        check(
            "Officials said the escalation was controllable.",
            "Officials said the escalation was uncontrollable.",
            Stance::Contradicts,
        );
        check(
            "The council voted on Monday to close the café.",
            "The council voted on Monday to close the café.",
            Stance::Supports,
        );
    }

    #[test]
    fn different_facts_do_not_conflict() {
        // Linked or not, these pairs must never be called contradictory.
        check_no_conflict(
            "32 defense chiefs would hold a video conference.",
            "NATO and allies, including 30 countries, plan a force.",
        );
        check_no_conflict(
            "The group included roughly half a dozen NATO counterparts.",
            "The group included five NATO counterparts.",
        );
        check_no_conflict("It came more than three years after Russia invaded.", "It came in Russia's three-year war.");
        check_no_conflict(
            "NATO chiefs were due to hold a virtual meeting on Wednesday.",
            "NATO chiefs held a virtual meeting on Wednesday.",
        );
        check_no_conflict(
            "Caine met with European leaders on Tuesday evening.",
            "The chiefs of defense of NATO countries met virtually on Wednesday.",
        );
        check_no_conflict("Trump and Putin met Friday in Anchorage.", "Trump and Putin met Friday in Alaska.");
        // A place the gazetteer does not know may lie inside a known region.
        check_no_conflict("The council met in Springfield on Monday.", "The council met in Illinois on Monday.");
        check_no_conflict(
            "The council voted on Monday to close the café.",
            "The council voted on Tuesday to reopen the library.",
        );
        check_no_conflict("Sales rose from 5 to 10 percent.", "Sales rose from 5 to 10 percent.");
    }

    fn source(id: &str, text: &str) -> Source {
        Source {
            id: SourceId(id.into()),
            name: id.into(),
            kind: crate::corpus::SourceKind::Article,
            published: None,
            url: None,
            title: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn the_analysis_json_reads_back_as_written() {
        // The widget's worker sends the analysis as JSON, and a page may embed one.
        let analysis = analyse(&crate::corpus::seeds());
        let text = serde_json::to_string(&analysis).expect("serialises");
        let back: Analysis = serde_json::from_str(&text).expect("reads back");
        assert_eq!(back, analysis);
        assert!(serde_json::from_str::<Analysis>(r#"{"claims":[{"id":"x1"}],"links":[]}"#).is_err());
    }

    #[test]
    fn near_verbatim_copies_share_one_origin() {
        let wire = "NATO's 32 chiefs of defence held a video conference on Wednesday to discuss security \
                    guarantees for Ukraine, officials in Brussels said after the meeting ended.";
        let reprint = format!("{wire} Our correspondent adds that the talks went on for two hours.");
        let other = "The Harbour Bridge in Westport reopened to traffic on Monday after eight months of \
                     repairs that cost twelve million euros, the city said in a statement.";
        let check = |texts: &[&str], expected: &[usize]| {
            let sources: Vec<Source> = texts.iter().enumerate().map(|(i, t)| source(&i.to_string(), t)).collect();
            let refs: Vec<&Source> = sources.iter().collect();
            assert_eq!(origins(&refs), expected, "{texts:?}");
        };
        check(&[wire, &reprint, other], &[0, 0, 2]);
        check(&[other, wire, &reprint], &[0, 1, 1]);
        // A reprint of a reprint joins the first origin.
        let second = format!("{reprint} It was the second such call this month.");
        check(&[wire, other, &reprint, &second], &[0, 1, 0, 0]);
        // Too short to tell a copy from a shared phrase: every source is its own origin.
        check(&["Talks went on.", "Talks went on."], &[0, 1]);
        // Two reports that quote one sentence alike but are otherwise their own are two origins.
        let first = format!("{other} {wire}");
        let second = format!(
            "{wire} Ukraine's president said the guarantees must be legally binding and \
                              that European troops would be welcome on the ground after a ceasefire."
        );
        check(&[&first, &second], &[0, 1]);
    }

    #[test]
    fn odd_input_never_panics() {
        for text in
            ["", " ", "\u{201C}", "a.b.c.", "U.S.", "1,000,000,000,000,000,000,000 chiefs", "\u{1F1FA}\u{1F1E6} — :"]
        {
            let _ = stance(text, text);
            let corpus = Corpus {
                title: String::new(),
                sources: vec![Source {
                    id: SourceId("x".into()),
                    name: "x".into(),
                    kind: crate::corpus::SourceKind::Article,
                    published: None,
                    url: None,
                    title: None,
                    text: text.to_string(),
                }],
            };
            let _ = analyse(&corpus);
        }
    }
}
