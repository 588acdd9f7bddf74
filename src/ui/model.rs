//! The read-only view model: a corpus, its analysis, and the lookups the components need.
//!
//! Built once per corpus and shared by reference. It answers "which claims lie in this sentence",
//! "who backs or contradicts these claims" and "what status does this sentence show", so the
//! components stay thin. It never changes the analysis and knows nothing of the DOM.

use std::collections::BTreeMap;

use crate::analysis::text::{sentences, Span};
use crate::analysis::{Analysis, ClaimId, Relation};
use crate::corpus::{Corpus, SourceId};

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

/// Another source's claim linked to the selection.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    pub claim: ClaimId,
    /// Index into `corpus.sources`.
    pub source: usize,
    pub quote: String,
    pub reason: String,
}

/// Who backs and who contradicts a set of claims, each claim of another source listed once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Verdict {
    pub backing: Vec<Evidence>,
    pub contradicting: Vec<Evidence>,
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
}

impl Model {
    pub fn new(corpus: Corpus, analysis: Analysis) -> Model {
        let sentences: Vec<Vec<Span>> = corpus.sources.iter().map(|source| sentences(&source.text)).collect();
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
        let claim_index = analysis.claims.iter().enumerate().map(|(position, claim)| (claim.id, position)).collect();
        Model { corpus, analysis, sentences, claims_by_sentence, claim_index }
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
            side.push(Evidence {
                claim: other,
                source: other_source,
                quote: claim.text.clone(),
                reason: link.reason.clone(),
            });
        }
        for side in [&mut verdict.backing, &mut verdict.contradicting] {
            side.sort_by_key(|item| (item.source, item.claim));
        }
        verdict
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
                (other.sides[0].0, other.sides[0].1, other.sides[1].0, other.sides[1].1) == (first.0, first.1, second.0, second.1)
            };
            if !disputes.iter().any(same_pair) {
                disputes.push(dispute);
            }
        }
        disputes.sort_by_key(|dispute| (dispute.sides[0].0, dispute.sides[0].1, dispute.sides[1].0, dispute.sides[1].1));
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

    /// The text of one sentence.
    pub fn sentence_text(&self, source: usize, sentence: usize) -> String {
        let Some(span) = self.sentences.get(source).and_then(|spans| spans.get(sentence)) else {
            return String::new();
        };
        self.corpus.sources[source].text.chars().skip(span.start).take(span.end - span.start).collect()
    }

    pub fn status(&self, source: usize, sentence: usize) -> SentenceStatus {
        if self.claims_in(source, sentence).is_empty() {
            return SentenceStatus::NotClaim;
        }
        let verdict = self.verdict(source, sentence);
        if !verdict.contradicting.is_empty() {
            SentenceStatus::Contradicted
        } else if !verdict.backing.is_empty() {
            SentenceStatus::Backed
        } else {
            SentenceStatus::SingleSource
        }
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
}
