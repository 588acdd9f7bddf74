//! An analysis shipped inside its corpus file, so a page shows the marks at first paint without
//! analysing anything (`crosscheck analyze --embed CORPUS -o story.json`, and `crosscheck bundle`
//! by default).
//!
//! The corpus file gains one member, `analysis`, beside `version`, `title` and `sources`:
//!
//! ```json
//! "analysis": { "texts": "fnv1a64:6c0a…", "made_by": "crosscheck 0.1.0",
//!               "claims": [ … ], "links": [ … ], "related": [ … ] }
//! ```
//!
//! `claims`, `links` and `related` are the analysis JSON of `../shared/eval/README.md`, except that
//! a claim's `text` is left out: it is the slice `start..end` of its source's text, which the file
//! already holds. `texts` is a hash of what the analysis was made from: every loaded source's id,
//! kind, publication date (relative dates are read against it) and text, in order. A reader
//! trusts the embedded analysis only when the hash of the corpus it loaded is the same, and only
//! after checking that every claim lies inside its source and every link joins two claims of
//! different sources: a page's JSON is data, and a wrong analysis must not break the widget.
//! Anything else ([`Verdict::Stale`], [`Verdict::Unusable`]) means: analyse the corpus anew, and
//! say why in the console.
//!
//! The hash (FNV-1a, 64 bits) detects edits, not forgeries: whoever writes the page writes its
//! analysis too.

use crate::analysis::{Analysis, Claim, ClaimId, Link};
use crate::corpus::Corpus;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The member of the corpus file that holds the analysis.
pub const FIELD: &str = "analysis";

/// The hash of what an analysis of `corpus` depends on, as `fnv1a64:` and 16 hex digits.
pub fn texts_hash(corpus: &Corpus) -> String {
    let mut hash = Fnv1a::default();
    for source in &corpus.sources {
        // Every field is written with its length first, so no two corpora run together.
        hash.field(source.id.0.as_bytes());
        hash.field(source.kind.as_str().as_bytes());
        hash.field(source.published.map(|date| date.to_string()).unwrap_or_default().as_bytes());
        hash.field(source.text.as_bytes());
    }
    format!("fnv1a64:{:016x}", hash.0)
}

struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Fnv1a {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    fn bytes(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn field(&mut self, bytes: &[u8]) {
        self.bytes(&(bytes.len() as u64).to_le_bytes());
        self.bytes(bytes);
    }
}

#[derive(Serialize)]
struct EmbeddedOut<'a> {
    texts: String,
    made_by: String,
    claims: Vec<Claim>,
    links: &'a [Link],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    related: &'a [(ClaimId, ClaimId)],
}

#[derive(Deserialize)]
struct EmbeddedIn {
    texts: String,
    claims: Vec<Claim>,
    links: Vec<Link>,
    #[serde(default)]
    related: Vec<(ClaimId, ClaimId)>,
}

/// The corpus file with `analysis` (of that corpus) embedded, as compact JSON: the analysis of
/// a big story is several times the size of its texts.
pub fn corpus_with_analysis(corpus: &Corpus, analysis: &Analysis) -> String {
    let embedded = EmbeddedOut {
        texts: texts_hash(corpus),
        made_by: format!("crosscheck {}", env!("CARGO_PKG_VERSION")),
        claims: analysis.claims.iter().map(|claim| Claim { text: String::new(), ..claim.clone() }).collect(),
        links: &analysis.links,
        related: &analysis.related,
    };
    let mut file: serde_json::Value = serde_json::from_str(&corpus.to_json()).expect("a corpus file is JSON");
    if let serde_json::Value::Object(members) = &mut file {
        members.insert(FIELD.to_string(), serde_json::to_value(&embedded).expect("an analysis serialises"));
    }
    serde_json::to_string(&file).expect("a JSON value serialises")
}

/// What a reader makes of the `analysis` member of a corpus file.
#[derive(Debug, PartialEq)]
pub enum Verdict {
    /// Made from exactly these texts and consistent with them: use it.
    Fresh(Analysis),
    /// Made from other texts (a source was edited, added, dropped or skipped by the loader).
    Stale { made_from: String, now: String },
    /// Not an analysis this version reads, or one that does not fit the corpus.
    Unusable(String),
}

impl Verdict {
    /// A sentence for the console when the embedded analysis is not used.
    pub fn note(&self) -> Option<String> {
        match self {
            Verdict::Fresh(_) => None,
            Verdict::Stale { made_from, now } => Some(format!(
                "crosscheck: the embedded analysis was made from other texts ({made_from}, these are {now}); \
                 analysing the story again. Run `crosscheck analyze --embed` on the corpus to update it."
            )),
            Verdict::Unusable(reason) => {
                Some(format!("crosscheck: the embedded analysis cannot be used ({reason}); analysing the story again."))
            }
        }
    }
}

/// Reads the analysis embedded in a corpus file (`file`, the text the loader made `corpus` of),
/// if it has one. Never panics, whatever the file holds.
pub fn read(file: &str, corpus: &Corpus) -> Option<Verdict> {
    #[derive(Deserialize)]
    struct File {
        analysis: Option<EmbeddedIn>,
    }
    let file = file.strip_prefix('\u{feff}').unwrap_or(file);
    let embedded = match serde_json::from_str::<File>(file) {
        Ok(File { analysis }) => analysis?,
        Err(error) => return Some(Verdict::Unusable(format!("it is not an analysis: {error}"))),
    };
    let now = texts_hash(corpus);
    if embedded.texts != now {
        return Some(Verdict::Stale { made_from: embedded.texts, now });
    }
    let mut analysis = Analysis { claims: embedded.claims, links: embedded.links, related: embedded.related };
    Some(match fit(&mut analysis, corpus) {
        Ok(()) => Verdict::Fresh(analysis),
        Err(reason) => Verdict::Unusable(reason),
    })
}

/// Checks that the analysis fits the corpus, and gives every claim its text from its source.
fn fit(analysis: &mut Analysis, corpus: &Corpus) -> Result<(), String> {
    let sources: BTreeMap<&str, (&crate::corpus::Source, Vec<usize>)> = corpus
        .sources
        .iter()
        .map(|source| {
            // The byte offset of every char, and of the end: claims count in chars.
            let mut bounds: Vec<usize> = source.text.char_indices().map(|(byte, _)| byte).collect();
            bounds.push(source.text.len());
            (source.id.0.as_str(), (source, bounds))
        })
        .collect();
    let mut claim_sources: BTreeMap<ClaimId, (&str, usize)> = BTreeMap::new();
    for claim in &mut analysis.claims {
        let Some((source, bounds)) = sources.get(claim.source.0.as_str()) else {
            return Err(format!(
                "claim c{} is in source \"{}\", which the corpus does not have",
                claim.id.0, claim.source.0
            ));
        };
        if claim.start >= claim.end || claim.end >= bounds.len() {
            return Err(format!(
                "claim c{} ({}..{}) does not lie inside its source's text",
                claim.id.0, claim.start, claim.end
            ));
        }
        let text = &source.text[bounds[claim.start]..bounds[claim.end]];
        if !claim.text.is_empty() && claim.text != text {
            return Err(format!("claim c{} does not quote its source", claim.id.0));
        }
        claim.text = text.to_string();
        let n_chars = claim.end - claim.start;
        if claim_sources.insert(claim.id, (source.id.0.as_str(), n_chars)).is_some() {
            return Err(format!("two claims are called c{}", claim.id.0));
        }
    }
    for link in &analysis.links {
        let (Some(from), Some(to)) = (claim_sources.get(&link.from), claim_sources.get(&link.to)) else {
            return Err(format!("a link joins c{} and c{}, which are not both claims", link.from.0, link.to.0));
        };
        if from.0 == to.0 {
            return Err(format!("a link joins c{} and c{}, two claims of one source", link.from.0, link.to.0));
        }
        let inside = |span: Option<crate::analysis::ClaimSpan>, n_chars: usize| {
            span.is_none_or(|span| span.start <= span.end && span.end <= n_chars)
        };
        if !inside(link.from_span, from.1) || !inside(link.to_span, to.1) || !link.score.is_finite() {
            return Err(format!("the link of c{} and c{} marks a detail outside its claims", link.from.0, link.to.0));
        }
    }
    if let Some((a, b)) = analysis.related.iter().find(|(a, b)| {
        !claim_sources.contains_key(a) || !claim_sources.contains_key(b) || claim_sources[a].0 == claim_sources[b].0
    }) {
        return Err(format!("c{} and c{} are called related, but are not claims of two sources", a.0, b.0));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::corpus::{self, seeds};

    fn loaded(file: &str) -> Corpus {
        corpus::from_json(file).expect("the file loads").corpus
    }

    #[test]
    fn an_embedded_analysis_reads_back_as_made() {
        let corpus = seeds();
        let analysis = analyse(&corpus);
        let file = corpus_with_analysis(&corpus, &analysis);
        // Claims travel without their text: the file holds it once, in the sources.
        let first_claim = &analysis.claims[0].text;
        assert_eq!(file.matches(first_claim.as_str()).count(), 1, "{first_claim:?}");
        let corpus_read = loaded(&file);
        assert_eq!(corpus_read, corpus);
        assert_eq!(read(&corpus.to_json(), &corpus), None, "a corpus file without analysis has none");
        match read(&file, &corpus_read) {
            Some(Verdict::Fresh(read_back)) => assert_eq!(read_back, analysis),
            other => panic!("expected a fresh analysis, got {other:?}"),
        }
    }

    #[test]
    fn an_edited_text_date_or_order_makes_it_stale() {
        let corpus = seeds();
        let file = corpus_with_analysis(&corpus, &analyse(&corpus));
        let edits: [fn(&mut Corpus); 4] = [
            |c| c.sources[1].text.push_str(" One more sentence."),
            |c| c.sources[0].published = None,
            |c| c.sources.swap(0, 1),
            |c| {
                c.sources.pop();
            },
        ];
        for edit in edits {
            let mut edited = loaded(&file);
            edit(&mut edited);
            let verdict = read(&file, &edited).expect("the file has an analysis");
            assert!(matches!(verdict, Verdict::Stale { .. }), "{verdict:?}");
            assert!(verdict.note().is_some_and(|note| note.contains("analysing the story again")));
        }
        // The hash covers the text, not the display fields.
        let mut renamed = corpus.clone();
        renamed.sources[0].name = "Another name".to_string();
        renamed.title = "Another title".to_string();
        assert_eq!(texts_hash(&renamed), texts_hash(&corpus));
    }

    #[test]
    fn an_analysis_that_does_not_fit_is_refused_not_trusted() {
        let corpus = seeds();
        let analysis = analyse(&corpus);
        let file = corpus_with_analysis(&corpus, &analysis);
        let embedded = serde_json::from_str::<serde_json::Value>(&file).expect("JSON")["analysis"].clone();
        let n_chars = corpus.sources[0].text.chars().count();
        type Edit = Box<dyn Fn(&mut serde_json::Value)>;
        let edits: Vec<(Edit, &str)> = vec![
            (Box::new(|a| a["claims"] = "many".into()), "not an analysis"),
            (Box::new(move |a| a["claims"][0]["end"] = (n_chars + 1).into()), "inside its source"),
            (Box::new(|a| a["claims"][0]["start"] = a["claims"][0]["end"].clone()), "inside its source"),
            (Box::new(|a| a["claims"][0]["source"] = "nobody".into()), "does not have"),
            (Box::new(|a| a["claims"][1]["id"] = a["claims"][0]["id"].clone()), "two claims"),
            (Box::new(|a| a["claims"][0]["text"] = "Not the quote.".into()), "does not quote"),
            (Box::new(|a| a["links"][0]["to"] = a["links"][0]["from"].clone()), "one source"),
            (Box::new(|a| a["links"][0]["to"] = "c99999".into()), "not both claims"),
            (Box::new(|a| a["links"][0]["from_span"] = serde_json::json!({"start": 0, "end": 100000})), "outside"),
            (Box::new(|a| a["related"] = serde_json::json!([["c0", "c0"]])), "related"),
        ];
        for (edit, expected) in edits {
            let mut broken = embedded.clone();
            edit(&mut broken);
            let file = format!(r#"{{"version": 1, "sources": [], "analysis": {broken}}}"#);
            match read(&file, &corpus).expect("the file has an analysis") {
                Verdict::Unusable(reason) => assert!(reason.contains(expected), "{reason:?} lacks {expected:?}"),
                other => panic!("expected {expected:?}, got {other:?}"),
            }
        }
    }

    #[test]
    fn claims_count_chars_not_bytes() {
        let file = r#"{"version": 1, "title": "t", "sources": [
            {"id": "a", "text": "Zürich’s council met on Monday with 12 members."},
            {"id": "b", "text": "On Monday the Zürich council met, with 12 members."}]}"#;
        let corpus = corpus::from_json(file).expect("loads").corpus;
        let analysis = analyse(&corpus);
        assert!(!analysis.claims.is_empty());
        let file = corpus_with_analysis(&corpus, &analysis);
        assert_eq!(read(&file, &loaded(&file)), Some(Verdict::Fresh(analysis)));
    }
}
