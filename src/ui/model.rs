//! The read-only view model: a corpus, its analysis, and the lookups the components need.
//!
//! Built once per corpus and shared by reference. It answers "which claims lie in this sentence",
//! "who backs or contradicts these claims" and "what status does this sentence show", so the
//! components stay thin. It never changes the analysis and knows nothing of the DOM.

use std::collections::{BTreeMap, BTreeSet};

use crate::analysis::language::Language;
use crate::analysis::text::{sentences, Span};
use crate::analysis::{analyse, normalize, Analysis, Claim, ClaimId, ClaimSpan, Relation};
use crate::corpus::{reveal_bidi_controls, Corpus, Source, SourceId, SourceKind};

/// What a sentence shows in the text: the three claim styles, or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SentenceStatus {
    /// Not a checkable claim (a headline fragment, boilerplate, a call to action).
    NotClaim,
    /// A claim no other source tells.
    SingleSource,
    /// A claim other sources back and none contradicts.
    Backed,
    /// A claim some other source contradicts.
    Contradicted,
}

impl SentenceStatus {
    /// The value of the `data-status` hook in the DOM and CSS.
    pub fn as_str(self) -> &'static str {
        match self {
            SentenceStatus::NotClaim => "none",
            SentenceStatus::SingleSource => "single",
            SentenceStatus::Backed => "backed",
            SentenceStatus::Contradicted => "contradicted",
        }
    }
}

/// What a running analysis is doing, as the widget's progress bar tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The worker is starting.
    Starting,
    /// Cutting sources into claims and reading their details.
    Reading,
    /// Comparing candidate pairs of claims.
    Comparing,
}

/// How far a running analysis has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub stage: Stage,
    pub done: usize,
    pub total: usize,
}

impl Progress {
    /// "Reading 412 of 1,000 sources", "Comparing claims: 45 %".
    pub fn label(&self) -> String {
        match self.stage {
            Stage::Starting => "Starting the analysis…".to_string(),
            Stage::Reading => {
                let noun = if self.total == 1 { "source" } else { "sources" };
                format!("Reading {} of {} {noun}", thousands(self.done), thousands(self.total))
            }
            Stage::Comparing => format!("Comparing claims: {} %", self.percent_of_stage()),
        }
    }

    /// Per cent of the current stage done.
    pub fn percent_of_stage(&self) -> usize {
        (self.done.min(self.total) * 100).checked_div(self.total).unwrap_or(100)
    }

    /// Per cent of the whole analysis done, for one progress bar over both stages: reading
    /// counts for the first 40, comparing for the last 60.
    pub fn percent(&self) -> usize {
        match self.stage {
            Stage::Starting => 0,
            Stage::Reading => self.percent_of_stage() * 40 / 100,
            Stage::Comparing => 40 + self.percent_of_stage() * 60 / 100,
        }
    }
}

/// 1000 -> "1,000" (the corpus's messages write counts the same way).
pub use crate::corpus::thousands;

/// Another source's claim linked to the selection.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    /// The quoted claim: an id of the model's analysis, or of a check's analysis when the model
    /// has not got that claim (its own analysis still runs).
    pub claim: ClaimId,
    /// Index into `corpus.sources`.
    pub source: usize,
    /// Where the quoted claim starts in its source (chars): a click on the quote selects the
    /// sentence there, which needs no claim of the model's.
    pub start: usize,
    pub quote: String,
    pub reason: String,
    /// Char ranges of the quote to highlight: the words it shares with the selection when it
    /// backs it, the conflicting detail when it contradicts it.
    pub marks: Vec<Span>,
    /// For a contradiction: the conflicting detail as (this quote says, the selection says).
    pub detail: Option<(String, String)>,
    /// For a backing: it backs only a side detail of the selection, not its main point.
    pub side_detail: bool,
    /// For a side-detail backing: the part of the selection it backs, as the selection writes it.
    pub part: Option<String>,
    /// The quote's language when it is not English: the panel names it beside the quote, which
    /// it shows as written (nothing is translated on screen).
    pub language: Option<Language>,
}

/// The language of a claim that is not in English.
fn foreign_language(claim: &crate::analysis::Claim) -> Option<Language> {
    claim.lang.as_deref().and_then(Language::from_code).filter(|&language| language != Language::English)
}

/// Who backs and who contradicts a set of claims, each claim of another source listed once.
/// `backing` lists the claims that tell the same main point first, then side-detail backings;
/// `related` holds claims about the same people or topic that tell another fact: never counted
/// as backing, shown apart ("also mentions").
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Verdict {
    pub backing: Vec<Evidence>,
    pub contradicting: Vec<Evidence>,
    pub related: Vec<Evidence>,
}

impl Verdict {
    /// Distinct other sources on each side.
    pub fn n_backing_sources(&self) -> usize {
        distinct_sources(&self.backing)
    }

    pub fn n_contradicting_sources(&self) -> usize {
        distinct_sources(&self.contradicting)
    }
}

/// The words of `quote` (as char ranges) whose index term also occurs in `selected`: names
/// through their aliases, other words by stem, stopwords never. Adjacent words merge into one range.
pub fn matching_words(selected: &str, quote: &str) -> Vec<Span> {
    let selected_terms: std::collections::BTreeSet<String> =
        normalize::terms(&normalize::words(selected)).into_iter().map(|term| String::from(term.text)).collect();
    let quote_words = normalize::words(quote);
    let mut marks: Vec<Span> = Vec::new();
    for term in normalize::terms(&quote_words) {
        if !selected_terms.contains(term.text.as_str()) {
            continue;
        }
        let (Some(first), Some(last)) =
            (quote_words.get(term.first_word), quote_words.get(term.end_word.saturating_sub(1)))
        else {
            continue;
        };
        let span = Span { start: first.start, end: last.end.max(first.end) };
        match marks.last_mut() {
            // Merge with the previous mark when only white space separates them.
            Some(previous)
                if quote
                    .chars()
                    .skip(previous.end)
                    .take(span.start.saturating_sub(previous.end))
                    .all(char::is_whitespace)
                    && span.start >= previous.end =>
            {
                previous.end = span.end;
            }
            _ => marks.push(span),
        }
    }
    marks
}

/// The order of a list of evidence: by source, then claim.
fn by_source(item: &Evidence) -> (usize, ClaimId) {
    (item.source, item.claim)
}

/// Main-point backings first, then side details; each side by source and claim.
fn order(verdict: &mut Verdict) {
    // A claim is listed once per list, so the keys are distinct.
    verdict.backing.sort_unstable_by_key(|item| (item.side_detail, item.source, item.claim));
    verdict.contradicting.sort_unstable_by_key(by_source);
    verdict.related.sort_unstable_by_key(by_source);
}

/// Every sentence's status from the links of its claims to claims of other sources.
fn statuses(
    corpus: &Corpus,
    analysis: &Analysis,
    sentences: &[Vec<Span>],
    claims_by_sentence: &BTreeMap<(usize, usize), Vec<usize>>,
    claim_index: &BTreeMap<ClaimId, usize>,
) -> Vec<Vec<SentenceStatus>> {
    // For each claim: (backed by another source, contradicted by another source).
    let mut relations: BTreeMap<ClaimId, (bool, bool)> = BTreeMap::new();
    let source_of = |claim: ClaimId| claim_index.get(&claim).map(|&position| &analysis.claims[position].source);
    for link in &analysis.links {
        if source_of(link.from) == source_of(link.to) {
            continue;
        }
        for claim in [link.from, link.to] {
            let entry = relations.entry(claim).or_default();
            match link.relation {
                Relation::Supports => entry.0 = true,
                Relation::Contradicts => entry.1 = true,
            }
        }
    }
    (0..corpus.sources.len())
        .map(|source| {
            (0..sentences[source].len())
                .map(|sentence| {
                    let Some(claims) = claims_by_sentence.get(&(source, sentence)) else {
                        return SentenceStatus::NotClaim;
                    };
                    let (mut backed, mut contradicted) = (false, false);
                    for &position in claims {
                        let (b, c) = relations.get(&analysis.claims[position].id).copied().unwrap_or_default();
                        backed |= b;
                        contradicted |= c;
                    }
                    if contradicted {
                        SentenceStatus::Contradicted
                    } else if backed {
                        SentenceStatus::Backed
                    } else {
                        SentenceStatus::SingleSource
                    }
                })
                .collect()
        })
        .collect()
}

/// The id the reader's own sentence takes while it is checked; no corpus uses it.
pub const CHECK_SOURCE_ID: &str = "\u{0}reader";

/// The corpus a typed sentence is checked against: the story's sources and the sentence as one
/// more source (id [`CHECK_SOURCE_ID`]), dated like the story, so that its relative dates mean
/// what the story's do. `None` for a blank sentence. The worker and the in-page path both
/// analyse this corpus, and [`Model::check_verdict`] reads the result.
pub fn check_corpus(corpus: &Corpus, text: &str) -> Option<Corpus> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let reader_id = SourceId(CHECK_SOURCE_ID.to_string());
    let mut extended = corpus.clone();
    extended.sources.retain(|source| source.id != reader_id);
    extended.sources.push(Source {
        id: reader_id,
        name: "Your sentence".to_string(),
        kind: SourceKind::Article,
        published: story_date(corpus),
        url: None,
        title: None,
        text: text.to_string(),
    });
    Some(extended)
}

/// The part of a check's analysis that [`Model::check_verdict`] reads: the links that reach the
/// reader's sentence and the claims at their ends (and the sentence's own claims). The worker
/// sends only this back: a handful of claims, where the whole story's analysis would cost the
/// page seconds to read on its main thread for a big story.
pub fn check_part(mut analysis: Analysis) -> Analysis {
    let reader_id = SourceId(CHECK_SOURCE_ID.to_string());
    let mine: BTreeSet<ClaimId> =
        analysis.claims.iter().filter(|claim| claim.source == reader_id).map(|claim| claim.id).collect();
    analysis.links.retain(|link| mine.contains(&link.from) || mine.contains(&link.to));
    analysis.related.clear();
    let kept: BTreeSet<ClaimId> =
        analysis.links.iter().flat_map(|link| [link.from, link.to]).chain(mine.iter().copied()).collect();
    analysis.claims.retain(|claim| kept.contains(&claim.id));
    analysis
}

/// The publication date most sources share: the day relative dates in a typed sentence mean.
fn story_date(corpus: &Corpus) -> Option<crate::date::Date> {
    let mut counts: BTreeMap<crate::date::Date, usize> = BTreeMap::new();
    for date in corpus.sources.iter().filter_map(|source| source.published) {
        *counts.entry(date).or_default() += 1;
    }
    counts.into_iter().max_by_key(|&(date, n)| (n, date)).map(|(date, _)| date)
}

fn distinct_sources(evidence: &[Evidence]) -> usize {
    let mut sources: Vec<usize> = evidence.iter().map(|item| item.source).collect();
    sources.sort_unstable();
    sources.dedup();
    sources.len()
}

/// One contradiction of the story, for the overview: both sides and the reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Dispute {
    /// (source index, sentence index, quote) of each side, in corpus order.
    pub sides: [(usize, usize, String); 2],
    pub reason: String,
}

/// A row of the source list of a big story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceRow {
    /// The heading of a group of sources of one kind, with how many the list shows.
    Group { kind: SourceKind, count: usize },
    /// A source (its index in the corpus) and how many of the story's claims it tells.
    Source { source: usize, told: usize },
}

/// How a source's claims fare against the others.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    pub n_claims: usize,
    pub n_backed: usize,
    pub n_contradicted: usize,
    pub n_single: usize,
}

pub struct Model {
    pub corpus: Corpus,
    pub analysis: Analysis,
    /// Sentence spans of each source, by source index.
    pub sentences: Vec<Vec<Span>>,
    /// Claim indices (into `analysis.claims`) that overlap each (source, sentence).
    claims_by_sentence: BTreeMap<(usize, usize), Vec<usize>>,
    claim_index: BTreeMap<ClaimId, usize>,
    /// The status of every sentence, by source and sentence index: computed once, because
    /// every render of the text needs all of them.
    statuses: Vec<Vec<SentenceStatus>>,
    /// The analysis is still running: the text shows, its claims and links are not known yet.
    pub pending: bool,
}

impl Model {
    pub fn new(corpus: Corpus, analysis: Analysis) -> Model {
        let sentences: Vec<Vec<Span>> = corpus.sources.iter().map(|source| sentences(&source.text)).collect();
        Model::with_sentences(corpus, analysis, sentences)
    }

    fn with_sentences(corpus: Corpus, analysis: Analysis, sentences: Vec<Vec<Span>>) -> Model {
        let source_index: BTreeMap<&SourceId, usize> =
            corpus.sources.iter().enumerate().map(|(index, source)| (&source.id, index)).collect();
        let mut claims_by_sentence: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
        for (claim_position, claim) in analysis.claims.iter().enumerate() {
            let Some(&source) = source_index.get(&claim.source) else { continue };
            for (sentence, span) in sentences[source].iter().enumerate() {
                if span.start < claim.end && claim.start < span.end {
                    claims_by_sentence.entry((source, sentence)).or_default().push(claim_position);
                }
            }
        }
        let claim_index: BTreeMap<ClaimId, usize> =
            analysis.claims.iter().enumerate().map(|(position, claim)| (claim.id, position)).collect();
        let statuses = statuses(&corpus, &analysis, &sentences, &claims_by_sentence, &claim_index);
        Model { corpus, analysis, sentences, claims_by_sentence, claim_index, statuses, pending: false }
    }

    /// The model of a pending model's corpus with its analysis, now in: the sentences are the
    /// pending model's, not cut again. Claims that come without their text (the worker does not
    /// send what the page has) get it from their source.
    pub fn with_analysis(pending: &Model, mut analysis: Analysis) -> Model {
        let source_index: BTreeMap<&SourceId, usize> =
            pending.corpus.sources.iter().enumerate().map(|(index, source)| (&source.id, index)).collect();
        // A source's claims stand together: its text is sliced for all of them in one pass
        // (`text::slices`), not walked from its start for each claim, which cost a big story's
        // thousand sources, in the page's main thread, a tenth of a second.
        for run in analysis.claims.chunk_by_mut(|x, y| x.source == y.source) {
            let Some(&source) = source_index.get(&run[0].source) else { continue };
            if run.iter().all(|claim| !claim.text.is_empty()) {
                continue;
            }
            let spans: Vec<Span> = run.iter().map(|claim| Span { start: claim.start, end: claim.end }).collect();
            let texts = crate::analysis::text::slices(&pending.corpus.sources[source].text, &spans);
            for (claim, text) in run.iter_mut().zip(texts).filter(|(claim, _)| claim.text.is_empty()) {
                claim.text = text.to_string();
            }
        }
        Model::with_sentences(pending.corpus.clone(), analysis, pending.sentences.clone())
    }

    /// The model of a corpus whose analysis is still running: its text, no claims yet.
    pub fn pending(corpus: Corpus) -> Model {
        Model { pending: true, ..Model::new(corpus, Analysis::default()) }
    }

    /// A source's name as the widget shows it: bidirectional controls written out, so that a
    /// name cannot show other letters than its author typed (see `corpus::reveal_bidi_controls`).
    pub fn name(&self, source: usize) -> String {
        reveal_bidi_controls(&self.corpus.sources[source].name).into_owned()
    }

    /// The story's title as the widget shows it, written out like [`Model::name`].
    pub fn title(&self) -> String {
        reveal_bidi_controls(&self.corpus.title).into_owned()
    }

    pub fn source_index(&self, id: &SourceId) -> Option<usize> {
        self.corpus.sources.iter().position(|source| &source.id == id)
    }

    /// The sentence of `source` that starts at char offset `start`.
    pub fn sentence_at(&self, source: usize, start: usize) -> Option<usize> {
        self.sentences.get(source)?.iter().position(|span| span.start == start)
    }

    pub fn claims_in(&self, source: usize, sentence: usize) -> &[usize] {
        self.claims_by_sentence.get(&(source, sentence)).map_or(&[], Vec::as_slice)
    }

    /// The sentence that holds a claim, as (source index, sentence index).
    pub fn sentence_of_claim(&self, claim: ClaimId) -> Option<(usize, usize)> {
        let claim = &self.analysis.claims[*self.claim_index.get(&claim)?];
        let source = self.source_index(&claim.source)?;
        let sentence =
            self.sentences[source].iter().position(|span| span.start < claim.end && claim.start < span.end)?;
        Some((source, sentence))
    }

    /// Backing and contradicting claims of other sources for the claims in one sentence.
    pub fn verdict(&self, source: usize, sentence: usize) -> Verdict {
        let own: Vec<ClaimId> =
            self.claims_in(source, sentence).iter().map(|&position| self.analysis.claims[position].id).collect();
        let mut verdict = Verdict::default();
        for link in &self.analysis.links {
            let other = if own.contains(&link.from) {
                link.to
            } else if own.contains(&link.to) {
                link.from
            } else {
                continue;
            };
            let Some(&position) = self.claim_index.get(&other) else { continue };
            let claim = &self.analysis.claims[position];
            let Some(other_source) = self.source_index(&claim.source) else { continue };
            if other_source == source {
                continue;
            }
            let side = match link.relation {
                Relation::Supports => &mut verdict.backing,
                Relation::Contradicts => &mut verdict.contradicting,
            };
            if side.iter().any(|item| item.claim == other) {
                continue;
            }
            let own_claim = if other == link.to { link.from } else { link.to };
            let own_text = self.claim_index.get(&own_claim).map_or("", |&own| self.analysis.claims[own].text.as_str());
            let (their_span, own_span) =
                if other == link.to { (link.to_span, link.from_span) } else { (link.from_span, link.to_span) };
            let piece = |text: &str, span: Option<ClaimSpan>| {
                span.map(|span| {
                    text.chars().skip(span.start).take(span.end.saturating_sub(span.start)).collect::<String>()
                })
                .filter(|piece| !piece.trim().is_empty())
            };
            let (marks, detail) = match link.relation {
                Relation::Supports => (matching_words(own_text, &claim.text), None),
                Relation::Contradicts => (
                    their_span.map(|span| vec![Span { start: span.start, end: span.end }]).unwrap_or_default(),
                    piece(&claim.text, their_span).zip(piece(own_text, own_span)),
                ),
            };
            let side_detail = link.relation == Relation::Supports && link.side_detail;
            side.push(Evidence {
                claim: other,
                source: other_source,
                start: claim.start,
                quote: claim.text.clone(),
                reason: link.reason.clone(),
                marks,
                detail,
                side_detail,
                part: side_detail.then(|| normalize::shared_phrase(own_text, &claim.text)).flatten(),
                language: foreign_language(claim),
            });
        }
        verdict.related = self.related_to(&own, source, &verdict);
        order(&mut verdict);
        verdict
    }

    /// The claims of other sources that the analysis found related to `own` (same people or
    /// topic, another fact), except those already backing or contradicting.
    fn related_to(&self, own: &[ClaimId], source: usize, verdict: &Verdict) -> Vec<Evidence> {
        let listed =
            |claim: ClaimId| verdict.backing.iter().chain(&verdict.contradicting).any(|item| item.claim == claim);
        let mut out: Vec<Evidence> = Vec::new();
        for &(a, b) in &self.analysis.related {
            let (mine, other) = if own.contains(&a) {
                (a, b)
            } else if own.contains(&b) {
                (b, a)
            } else {
                continue;
            };
            if listed(other) || out.iter().any(|item| item.claim == other) {
                continue;
            }
            let (Some(&position), Some(&own_position)) = (self.claim_index.get(&other), self.claim_index.get(&mine))
            else {
                continue;
            };
            let claim = &self.analysis.claims[position];
            let Some(other_source) = self.source_index(&claim.source).filter(|&s| s != source) else { continue };
            let own_text = &self.analysis.claims[own_position].text;
            out.push(Evidence {
                claim: other,
                source: other_source,
                start: claim.start,
                quote: claim.text.clone(),
                reason: String::new(),
                marks: matching_words(own_text, &claim.text),
                detail: None,
                side_detail: false,
                part: None,
                language: foreign_language(claim),
            });
        }
        out
    }

    /// Checks a sentence the reader typed against the corpus with the same analysis, on the
    /// calling thread: [`check_corpus`], `analyse`, then [`Model::check_verdict`]. The widget
    /// runs the same steps in its worker where it can; this is the path without one.
    pub fn check(&self, text: &str) -> Verdict {
        match check_corpus(&self.corpus, text) {
            Some(corpus) => self.check_verdict(&analyse(&corpus)),
            None => Verdict::default(),
        }
    }

    /// Who backs and who contradicts the reader's sentence, from the analysis of
    /// [`check_corpus`]: the links that reach the sentence's claims. Evidence points at this
    /// model's claims, found by source and offsets (a claim the model lacks is left out); while
    /// the model's own analysis still runs, at the checked analysis's claims, whose text it then
    /// needs (the worker keeps the text of the claims it sends, see [`check_part`]).
    pub fn check_verdict(&self, checked: &Analysis) -> Verdict {
        let reader_id = SourceId(CHECK_SOURCE_ID.to_string());
        let claim_by_id: BTreeMap<ClaimId, &Claim> = checked.claims.iter().map(|claim| (claim.id, claim)).collect();
        let mut verdict = Verdict::default();
        for link in &checked.links {
            let (Some(from), Some(to)) = (claim_by_id.get(&link.from), claim_by_id.get(&link.to)) else { continue };
            let (mine, theirs, their_span, my_span) = match (from.source == reader_id, to.source == reader_id) {
                (true, false) => (from, to, link.to_span, link.from_span),
                (false, true) => (to, from, link.from_span, link.to_span),
                _ => continue,
            };
            // The same claim among this model's claims, by source and offsets.
            let found =
                self.analysis.claims.iter().find(|claim| claim.source == theirs.source && claim.start == theirs.start);
            let own = match found {
                Some(own) => own,
                None if self.pending => *theirs,
                None => continue,
            };
            let Some(source) = self.source_index(&own.source) else { continue };
            let piece = |text: &str, span: Option<ClaimSpan>| {
                span.map(|span| {
                    text.chars().skip(span.start).take(span.end.saturating_sub(span.start)).collect::<String>()
                })
            };
            let (side, marks, detail) = match link.relation {
                Relation::Supports => (&mut verdict.backing, matching_words(&mine.text, &own.text), None),
                Relation::Contradicts => (
                    &mut verdict.contradicting,
                    their_span.map(|span| vec![Span { start: span.start, end: span.end }]).unwrap_or_default(),
                    piece(&own.text, their_span).zip(piece(&mine.text, my_span)),
                ),
            };
            if side.iter().any(|item| item.claim == own.id) {
                continue;
            }
            let side_detail = link.relation == Relation::Supports && link.side_detail;
            side.push(Evidence {
                claim: own.id,
                source,
                start: own.start,
                quote: own.text.clone(),
                reason: link.reason.clone(),
                marks,
                detail,
                side_detail,
                part: side_detail.then(|| normalize::shared_phrase(&mine.text, &own.text)).flatten(),
                language: foreign_language(own),
            });
        }
        order(&mut verdict);
        verdict
    }

    /// The sentence of `source` that holds char offset `start` (or the first after it, for an
    /// offset between sentences).
    pub fn sentence_from(&self, source: usize, start: usize) -> Option<usize> {
        self.sentences.get(source)?.iter().position(|span| span.end > start)
    }

    /// Every cross-source contradiction, one entry per pair of sentences, in corpus order.
    pub fn disputes(&self) -> Vec<Dispute> {
        let mut disputes: Vec<Dispute> = Vec::new();
        for link in self.analysis.links.iter().filter(|link| link.relation == Relation::Contradicts) {
            let (Some(a), Some(b)) = (self.sentence_of_claim(link.from), self.sentence_of_claim(link.to)) else {
                continue;
            };
            if a.0 == b.0 {
                continue;
            }
            let (first, second) = if a <= b { (a, b) } else { (b, a) };
            let side = |(source, sentence): (usize, usize)| (source, sentence, self.sentence_text(source, sentence));
            let dispute = Dispute { sides: [side(first), side(second)], reason: link.reason.clone() };
            let same_pair = |other: &Dispute| {
                (other.sides[0].0, other.sides[0].1, other.sides[1].0, other.sides[1].1)
                    == (first.0, first.1, second.0, second.1)
            };
            if !disputes.iter().any(same_pair) {
                disputes.push(dispute);
            }
        }
        // One dispute per pair of sentences (`same_pair`), so the keys are distinct.
        disputes.sort_unstable_by_key(|dispute| {
            (dispute.sides[0].0, dispute.sides[0].1, dispute.sides[1].0, dispute.sides[1].1)
        });
        disputes
    }

    /// Claims of each source by status, counted by sentence, by source index.
    pub fn coverage(&self) -> Vec<Coverage> {
        (0..self.corpus.sources.len())
            .map(|source| {
                let mut coverage = Coverage::default();
                for sentence in 0..self.sentences[source].len() {
                    match self.status(source, sentence) {
                        SentenceStatus::NotClaim => continue,
                        SentenceStatus::Backed => coverage.n_backed += 1,
                        SentenceStatus::Contradicted => coverage.n_contradicted += 1,
                        SentenceStatus::SingleSource => coverage.n_single += 1,
                    }
                    coverage.n_claims += 1;
                }
                coverage
            })
            .collect()
    }

    /// The rows of the source list of a big story: the sources whose name or id holds `filter`
    /// (case folded), grouped by kind (articles, aggregators, social posts; a group is listed
    /// with its count when it has sources), each group sorted by how many of the story's claims
    /// a source tells (its claims that another source backs or contradicts), then by name.
    pub fn source_rows(&self, filter: &str) -> Vec<SourceRow> {
        let filter = filter.trim().to_lowercase();
        let coverage = self.coverage();
        let mut rows = Vec::new();
        for kind in [SourceKind::Article, SourceKind::Aggregator, SourceKind::Social] {
            let mut members: Vec<(usize, usize)> = self
                .corpus
                .sources
                .iter()
                .enumerate()
                .filter(|(_, source)| source.kind == kind)
                .filter(|(_, source)| {
                    filter.is_empty()
                        || source.name.to_lowercase().contains(&filter)
                        || source.id.0.to_lowercase().contains(&filter)
                })
                .map(|(index, _)| (index, coverage[index].n_backed + coverage[index].n_contradicted))
                .collect();
            if members.is_empty() {
                continue;
            }
            // Sources of one name keep their corpus order.
            members.sort_unstable_by(|a, b| {
                b.1.cmp(&a.1)
                    .then_with(|| self.corpus.sources[a.0].name.cmp(&self.corpus.sources[b.0].name))
                    .then(a.0.cmp(&b.0))
            });
            rows.push(SourceRow::Group { kind, count: members.len() });
            rows.extend(members.into_iter().map(|(source, told)| SourceRow::Source { source, told }));
        }
        rows
    }

    /// The text of one sentence.
    pub fn sentence_text(&self, source: usize, sentence: usize) -> String {
        let Some(span) = self.sentences.get(source).and_then(|spans| spans.get(sentence)) else {
            return String::new();
        };
        self.corpus.sources[source].text.chars().skip(span.start).take(span.end - span.start).collect()
    }

    pub fn status(&self, source: usize, sentence: usize) -> SentenceStatus {
        self.statuses.get(source).and_then(|row| row.get(sentence)).copied().unwrap_or(SentenceStatus::NotClaim)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Claim, Link};
    use crate::corpus::{Source, SourceKind};

    fn source(id: &str, text: &str) -> Source {
        Source {
            id: SourceId(id.to_string()),
            name: id.to_string(),
            kind: SourceKind::Article,
            published: None,
            url: None,
            title: None,
            text: text.to_string(),
        }
    }

    fn claim(id: u32, source: &str, text: &str, whole: &str) -> Claim {
        let start = whole.find(text).map(|byte| whole[..byte].chars().count()).unwrap_or(0);
        Claim::new(ClaimId(id), SourceId(source.to_string()), start, start + text.chars().count(), text.to_string())
    }

    /// Three sources: a backs b's first sentence, c contradicts it; b's second sentence is unique.
    fn model() -> Model {
        let a = "Ten chiefs met on Monday. Weather was fine.";
        let b = "The ten chiefs met Monday. Only b says this.";
        let c = "Twelve chiefs met on Monday.";
        let corpus = Corpus { title: "t".into(), sources: vec![source("a", a), source("b", b), source("c", c)] };
        let analysis = Analysis {
            claims: vec![
                claim(0, "a", "Ten chiefs met on Monday.", a),
                claim(1, "b", "The ten chiefs met Monday.", b),
                claim(2, "b", "Only b says this.", b),
                claim(3, "c", "Twelve chiefs met on Monday.", c),
            ],
            links: vec![
                Link::new(ClaimId(0), ClaimId(1), Relation::Supports, "same".into()),
                Link::new(ClaimId(3), ClaimId(1), Relation::Contradicts, "number".into()),
            ],
            related: Vec::new(),
        };
        Model::new(corpus, analysis)
    }

    #[test]
    fn statuses_follow_the_links() {
        let model = model();
        let cases = [
            ((0, 0), SentenceStatus::Backed),
            ((0, 1), SentenceStatus::NotClaim),
            ((1, 0), SentenceStatus::Contradicted),
            ((1, 1), SentenceStatus::SingleSource),
            ((2, 0), SentenceStatus::Contradicted),
        ];
        for ((source, sentence), expected) in cases {
            assert_eq!(model.status(source, sentence), expected, "source {source} sentence {sentence}");
        }
    }

    #[test]
    fn verdict_lists_each_side_with_quotes_and_reasons() {
        let model = model();
        let verdict = model.verdict(1, 0);
        assert_eq!(verdict.backing.len(), 1);
        assert_eq!(verdict.backing[0].quote, "Ten chiefs met on Monday.");
        assert_eq!(verdict.contradicting[0].reason, "number");
        assert_eq!((verdict.n_backing_sources(), verdict.n_contradicting_sources()), (1, 1));
        assert_eq!(model.sentence_of_claim(ClaimId(3)), Some((2, 0)));
        assert_eq!(model.sentence_at(1, model.sentences[1][1].start), Some(1));
    }

    #[test]
    fn main_point_backing_comes_first_and_related_claims_stand_apart() {
        let a = "Ten chiefs met on Monday in Brussels to plan the force.";
        let b = "The chiefs met in Brussels.";
        let c = "Ten chiefs met on Monday to plan the force.";
        let d = "The chiefs of the navy toured Brussels.";
        let corpus =
            Corpus { title: "t".into(), sources: vec![source("a", a), source("b", b), source("c", c), source("d", d)] };
        let mut side = Link::new(ClaimId(1), ClaimId(0), Relation::Supports, "both: met in Brussels".into());
        side.side_detail = true;
        let analysis = Analysis {
            claims: vec![claim(0, "a", a, a), claim(1, "b", b, b), claim(2, "c", c, c), claim(3, "d", d, d)],
            links: vec![side, Link::new(ClaimId(2), ClaimId(0), Relation::Supports, "both: plan the force".into())],
            related: vec![(ClaimId(0), ClaimId(3))],
        };
        let model = Model::new(corpus, analysis);
        let verdict = model.verdict(0, 0);
        // c tells the main point and comes first, although b comes first in source order.
        let order: Vec<(usize, bool)> = verdict.backing.iter().map(|item| (item.source, item.side_detail)).collect();
        assert_eq!(order, [(2, false), (1, true)]);
        assert_eq!(verdict.backing[1].part.as_deref(), Some("chiefs met"));
        assert_eq!(verdict.backing[0].part, None);
        // d shares names and topic only: listed apart, never counted as backing.
        assert_eq!(verdict.related.len(), 1);
        assert_eq!(verdict.related[0].source, 3);
        assert_eq!(verdict.n_backing_sources(), 2);
        assert_eq!(model.status(3, 0), SentenceStatus::SingleSource);
    }

    /// A name cannot lie: "Forum\u{202E}gnp.exe" would show as "Forumexe.png" if its override
    /// reached the page. The text keeps every character as written.
    #[test]
    fn names_and_titles_show_their_bidi_controls() {
        let mut corpus = model().corpus;
        corpus.sources[0].name = "Forum\u{202E}gnp.exe".to_string();
        corpus.sources[0].text = "\u{202E}Abc 12 def.".to_string();
        corpus.title = "\u{2067}Story".to_string();
        let model = Model::pending(corpus);
        assert_eq!(model.name(0), "Forum[U+202E]gnp.exe");
        assert_eq!(model.name(1), model.corpus.sources[1].name);
        assert_eq!(model.title(), "[U+2067]Story");
        assert_eq!(model.corpus.sources[0].text, "\u{202E}Abc 12 def.");
    }

    #[test]
    fn progress_reads_as_a_reader_would_say_it() {
        let reading = Progress { stage: Stage::Reading, done: 412, total: 1000 };
        assert_eq!(reading.label(), "Reading 412 of 1,000 sources");
        assert_eq!(reading.percent(), 16);
        let comparing = Progress { stage: Stage::Comparing, done: 45, total: 100 };
        assert_eq!(comparing.label(), "Comparing claims: 45 %");
        assert_eq!(comparing.percent(), 67);
        assert_eq!(Progress { stage: Stage::Comparing, done: 0, total: 0 }.percent(), 100);
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(thousands(0), "0");
        let pending = Model::pending(Corpus { title: "t".into(), sources: vec![source("a", "One. Two.")] });
        assert!(pending.pending && pending.analysis.claims.is_empty());
        assert_eq!(pending.sentences[0].len(), 2);
    }

    #[test]
    fn a_pending_model_takes_its_analysis_and_the_claims_their_text() {
        let corpus = crate::corpus::seeds();
        let analysis = analyse(&corpus);
        let mut sent = analysis.clone();
        for claim in &mut sent.claims {
            claim.text.clear();
        }
        let pending = Model::pending(corpus.clone());
        let model = Model::with_analysis(&pending, sent);
        assert!(!model.pending);
        assert_eq!(model.analysis, analysis);
        assert_eq!(model.sentences, Model::new(corpus, analysis).sentences);
    }

    #[test]
    fn the_source_list_groups_sorts_and_filters() {
        let mut corpus = crate::corpus::seeds();
        corpus.sources[1].kind = SourceKind::Social;
        let analysis = analyse(&corpus);
        let model = Model::new(corpus, analysis);
        let rows = model.source_rows("");
        let groups: Vec<(SourceKind, usize)> = rows
            .iter()
            .filter_map(|row| match row {
                SourceRow::Group { kind, count } => Some((*kind, *count)),
                SourceRow::Source { .. } => None,
            })
            .collect();
        assert_eq!(
            groups.iter().map(|g| g.0).collect::<Vec<_>>(),
            [SourceKind::Article, SourceKind::Aggregator, SourceKind::Social]
        );
        assert_eq!(groups.iter().map(|g| g.1).sum::<usize>(), 5);
        // Within a group, the source that tells more of the story comes first.
        let told: Vec<usize> = rows
            .iter()
            .take_while(|row| !matches!(row, SourceRow::Group { kind: SourceKind::Aggregator, .. }))
            .filter_map(|row| match row {
                SourceRow::Source { told, .. } => Some(*told),
                SourceRow::Group { .. } => None,
            })
            .collect();
        assert!(told.windows(2).all(|w| w[0] >= w[1]), "{told:?}");
        // The filter matches names and ids, case folded; a group without a match is left out.
        let name = model.corpus.sources[3].name.to_uppercase();
        let filtered = model.source_rows(&name[2..8]);
        assert!(filtered.contains(&SourceRow::Source {
            source: 3,
            told: filtered
                .iter()
                .find_map(|r| match r {
                    SourceRow::Source { source: 3, told } => Some(*told),
                    _ => None,
                })
                .unwrap_or(0)
        }));
        assert!(model.source_rows("no such source").is_empty());
    }

    #[test]
    fn a_foreign_quote_says_its_language() {
        // The Spanish post backs the English sentence: the panel quotes it as written and names
        // its language; an English quote names none.
        let english = "The chair noted that the meeting affirmed the alliance's focus on a \"just, credible and durable peace\" for Ukraine.";
        let spanish = "Jefes militares de la OTAN reiteran su apoyo a una \"paz justa, creíble y duradera\" en Ucrania";
        let corpus = Corpus { title: "t".into(), sources: vec![source("a", english), source("b", spanish)] };
        let model = Model::new(corpus.clone(), analyse(&corpus));
        let backing = model.verdict(0, 0).backing;
        assert_eq!(backing.len(), 1, "{backing:?}");
        assert_eq!(backing[0].quote, spanish);
        assert_eq!(backing[0].language.map(Language::name), Some("Spanish"));
        let back = model.verdict(1, 0).backing;
        assert_eq!(back.first().map(|e| e.language), Some(None), "{back:?}");
    }

    #[test]
    fn matching_words_are_marked_by_term() {
        let check = |selected: &str, quote: &str, expected: &[&str]| {
            let marks = matching_words(selected, quote);
            let got: Vec<String> =
                marks.iter().map(|span| quote.chars().skip(span.start).take(span.end - span.start).collect()).collect();
            assert_eq!(got, expected, "{selected:?} ~ {quote:?}");
        };
        check("Ten chiefs met on Monday.", "The ten chiefs met Monday.", &["ten chiefs met Monday"]);
        check("Zelenskyy was hosted", "They hosted Zelensky at the White House", &["hosted Zelensky"]);
        check("nothing alike", "Completely different words", &[]);
        check("", "", &[]);
    }

    #[test]
    fn overview_lists_disputes_and_coverage() {
        let model = model();
        let disputes = model.disputes();
        assert_eq!(disputes.len(), 1);
        assert_eq!(disputes[0].sides[0], (1, 0, "The ten chiefs met Monday.".to_string()));
        assert_eq!(disputes[0].sides[1], (2, 0, "Twelve chiefs met on Monday.".to_string()));
        assert_eq!(disputes[0].reason, "number");
        let coverage = model.coverage();
        assert_eq!(coverage[0], Coverage { n_claims: 1, n_backed: 1, n_contradicted: 0, n_single: 0 });
        assert_eq!(coverage[1], Coverage { n_claims: 2, n_backed: 0, n_contradicted: 1, n_single: 1 });
        assert_eq!(coverage[2], Coverage { n_claims: 1, n_backed: 0, n_contradicted: 1, n_single: 0 });
    }

    const TWENTY_EIGHT: &str = "Twenty-eight NATO defence chiefs held a video conference on Wednesday.";

    #[test]
    fn a_check_adds_the_sentence_as_one_more_source_dated_like_the_story() {
        let corpus = crate::corpus::seeds();
        assert_eq!(check_corpus(&corpus, "  \n "), None);
        let extended = check_corpus(&corpus, "  The chiefs met.  ").unwrap();
        assert_eq!(extended.sources.len(), corpus.sources.len() + 1);
        let reader = extended.sources.last().unwrap();
        assert_eq!((reader.id.0.as_str(), reader.text.as_str()), (CHECK_SOURCE_ID, "The chiefs met."));
        assert_eq!(reader.published, story_date(&corpus));
        assert_eq!(extended.sources[..corpus.sources.len()], corpus.sources[..]);
    }

    /// The worker sends only `check_part` of the check's analysis: the verdict read from it is
    /// the verdict the in-page path reads from the whole.
    #[test]
    fn the_part_a_worker_sends_gives_the_same_verdict_as_the_whole_analysis() {
        let corpus = crate::corpus::seeds();
        let model = Model::new(corpus.clone(), analyse(&corpus));
        for text in [TWENTY_EIGHT, "The chiefs met in Brussels.", "Nothing of the sort happened anywhere."] {
            let whole = analyse(&check_corpus(&corpus, text).unwrap());
            let part = check_part(whole.clone());
            assert!(
                part.claims.len() < whole.claims.len() / 4,
                "{text}: {} of {}",
                part.claims.len(),
                whole.claims.len()
            );
            assert!(part.claims.iter().all(|claim| !claim.text.is_empty()), "the part keeps its quotes");
            assert_eq!(model.check_verdict(&part), model.check_verdict(&whole), "{text}");
            assert_eq!(model.check(text), model.check_verdict(&whole), "{text}");
        }
        let verdict = model.check(TWENTY_EIGHT);
        assert!(
            verdict.contradicting.iter().any(|item| item.quote.contains("32")),
            "the count 28 is contradicted by a source that says 32: {verdict:?}"
        );
        assert_eq!(model.check(" "), Verdict::default());
    }

    /// A check that ends while the story's own analysis runs quotes the check's claims: the same
    /// sources, positions, quotes and reasons as once the story's claims are known.
    #[test]
    fn a_check_against_a_pending_model_quotes_the_checked_claims() {
        let corpus = crate::corpus::seeds();
        let part = check_part(analyse(&check_corpus(&corpus, TWENTY_EIGHT).unwrap()));
        let pending = Model::pending(corpus.clone()).check_verdict(&part);
        let ready = Model::new(corpus.clone(), analyse(&corpus)).check_verdict(&part);
        let seen = |verdict: &Verdict| -> Vec<(usize, usize, String, String)> {
            verdict
                .backing
                .iter()
                .chain(&verdict.contradicting)
                .map(|item| (item.source, item.start, item.quote.clone(), item.reason.clone()))
                .collect()
        };
        assert!(!pending.contradicting.is_empty());
        assert_eq!(seen(&pending), seen(&ready));
        // Each quote leads to the sentence that holds it.
        let model = Model::pending(corpus);
        for item in pending.contradicting.iter().chain(&pending.backing) {
            let sentence = model.sentence_from(item.source, item.start).expect("a sentence");
            assert!(model.sentence_text(item.source, sentence).contains(item.quote.trim()), "{item:?}");
        }
    }
}
