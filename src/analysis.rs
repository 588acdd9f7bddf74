//! Analysis façade (stub: the public API is fixed, the bodies are being written).

pub mod text;

use crate::corpus::{Corpus, SourceId};
use serde::Serialize;

/// A claim's id, printed as `c0`, `c1`, ... in the analysis JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClaimId(pub u32);

impl Serialize for ClaimId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("c{}", self.0))
    }
}

/// A check-worthy sentence or clause of one source; `start`/`end` are char offsets into its text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    pub id: ClaimId,
    pub source: SourceId,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    Supports,
    Contradicts,
}

/// An undirected link between claims of two different sources.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    pub from: ClaimId,
    pub to: ClaimId,
    pub relation: Relation,
    /// A sentence a reader understands ("number: 28 vs 32 chiefs").
    pub reason: String,
}

/// The whole analysis of a corpus, serialised exactly as `../shared/eval/README.md` describes.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Analysis {
    pub claims: Vec<Claim>,
    pub links: Vec<Link>,
}

/// The stance of a text towards a claim, as `crosscheck stance` prints it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Supports,
    Contradicts,
    Neutral,
    Unrelated,
}

/// Analyses a corpus: claims of every source and the links between them. Deterministic.
pub fn analyse(corpus: &Corpus) -> Analysis {
    let _ = corpus;
    Analysis::default()
}

/// The stance of `text` (a sentence or a whole article) towards `claim`.
pub fn stance(claim: &str, text: &str) -> Stance {
    let _ = (claim, text);
    Stance::Unrelated
}
