//! schema.org `ClaimReview` JSON-LD for the contradicted claims of an analysed corpus, so a
//! publisher can put crosscheck's findings in the structured data of a page.
//!
//! One review per claim that another source contradicts: `claimReviewed` is the claim's text,
//! `itemReviewed` a `Claim` whose `appearance`s are the claim's own source and the sources that
//! back it (each with its quote), and `reviewRating` says who disputes it and why
//! (`alternateName`, `ratingExplanation`). The review's `author`, `datePublished` and `url` come
//! from [`ReviewOptions`]: this module reads no clock and knows no page address.
//!
//! It deliberately gives the rating no `ratingValue`: crosscheck measures whether reports agree,
//! not whether a claim is true, and a number on a truth scale would claim more than it knows.
//! Pure and native: no web crate, no I/O. The widget and the CLI both call it.

use serde::Serialize;

use crate::analysis::{Analysis, Claim, ClaimId, Relation};
use crate::corpus::{Corpus, Source};
use crate::date::Date;

/// Who publishes the reviews, when, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewOptions {
    /// The review's `author`: the person or organisation that publishes the page.
    pub author_name: String,
    /// An http(s) address for the author, if any.
    pub author_url: Option<String>,
    /// The review's `datePublished` (usually today).
    pub date_published: Date,
    /// The address of the page that carries the reviews, if known.
    pub url: Option<String>,
}

impl ReviewOptions {
    /// Reviews authored by "crosscheck", dated `date_published`, with no page address.
    pub fn new(date_published: Date) -> ReviewOptions {
        ReviewOptions { author_name: "crosscheck".to_string(), author_url: None, date_published, url: None }
    }
}

/// One schema.org `ClaimReview`, serialised as JSON-LD. Typed structs rather than
/// `serde_json::Value`: the widget ships this code, and derived serialisation is the smaller.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimReview<'a> {
    #[serde(rename = "@context")]
    pub context: &'static str,
    #[serde(rename = "@type")]
    pub kind: &'static str,
    #[serde(rename = "claimReviewed")]
    pub claim_reviewed: &'a str,
    #[serde(rename = "itemReviewed")]
    pub item_reviewed: ReviewedClaim<'a>,
    #[serde(rename = "reviewRating")]
    pub review_rating: Rating,
    pub author: Organization<'a>,
    #[serde(rename = "datePublished")]
    pub date_published: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
}

/// The schema.org `Claim` a review is about.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReviewedClaim<'a> {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    /// The source that tells the claim.
    pub author: Organization<'a>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    pub date_published: Option<Date>,
    /// The claim's own source first, then the sources that back it.
    pub appearance: Vec<Appearance<'a>>,
}

/// A schema.org `CreativeWork` in which the claim appears, with the quote that tells it there.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Appearance<'a> {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    pub date_published: Option<Date>,
    pub text: &'a str,
}

/// A schema.org `Rating` in words: crosscheck rates agreement between reports, not truth, so it
/// has an `alternateName` and an explanation but no `ratingValue`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rating {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    #[serde(rename = "alternateName")]
    pub alternate_name: String,
    #[serde(rename = "ratingExplanation")]
    pub rating_explanation: String,
}

/// A schema.org `Organization`: a source, or the review's author.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Organization<'a> {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
}

/// The claims some other source contradicts, in analysis order.
pub fn contradicted_claims(analysis: &Analysis) -> Vec<ClaimId> {
    analysis
        .claims
        .iter()
        .filter(|claim| {
            analysis
                .links
                .iter()
                .any(|link| link.relation == Relation::Contradicts && (link.from == claim.id || link.to == claim.id))
        })
        .map(|claim| claim.id)
        .collect()
}

/// One `ClaimReview` per contradicted claim (none when nothing is disputed); serialised, a JSON
/// array ready for a `<script type="application/ld+json">`.
pub fn claim_reviews<'a>(
    corpus: &'a Corpus,
    analysis: &'a Analysis,
    options: &'a ReviewOptions,
) -> Vec<ClaimReview<'a>> {
    contradicted_claims(analysis)
        .into_iter()
        .filter_map(|claim| claim_review(corpus, analysis, claim, options))
        .collect()
}

/// The `ClaimReview` of one claim, or `None` when no other source contradicts it (or the claim
/// or its source is unknown).
pub fn claim_review<'a>(
    corpus: &'a Corpus,
    analysis: &'a Analysis,
    claim: ClaimId,
    options: &'a ReviewOptions,
) -> Option<ClaimReview<'a>> {
    let reviewed = analysis.claims.iter().find(|candidate| candidate.id == claim)?;
    let own_source = corpus.source(&reviewed.source)?;
    let related = Related::of(corpus, analysis, reviewed);
    if related.contradicting.is_empty() {
        return None;
    }
    let mut appearance = vec![appearance_in(own_source, &reviewed.text)];
    appearance.extend(related.backing.iter().map(|(source, claim)| appearance_in(source, &claim.text)));
    Some(ClaimReview {
        context: "https://schema.org",
        kind: "ClaimReview",
        claim_reviewed: reviewed.text.trim(),
        item_reviewed: ReviewedClaim {
            kind: "Claim",
            author: Organization { kind: "Organization", name: &own_source.name, url: None },
            date_published: own_source.published,
            appearance,
        },
        review_rating: Rating {
            kind: "Rating",
            alternate_name: related.rating_name(),
            rating_explanation: related.explanation(),
        },
        author: Organization { kind: "Organization", name: &options.author_name, url: options.author_url.as_deref() },
        date_published: options.date_published,
        url: options.url.as_deref(),
    })
}

/// Pretty-printed JSON of one review or a list of them.
pub fn to_json<T: Serialize + ?Sized>(reviews: &T) -> String {
    // Strings, dates and lists of them always serialise.
    serde_json::to_string_pretty(reviews).expect("reviews serialise")
}

/// The other sources' claims linked to a reviewed claim, one entry per linked claim, in
/// analysis order, each side without repeats.
struct Related<'a> {
    backing: Vec<(&'a Source, &'a Claim)>,
    contradicting: Vec<(&'a Source, &'a Claim, &'a str)>,
}

impl<'a> Related<'a> {
    fn of(corpus: &'a Corpus, analysis: &'a Analysis, reviewed: &Claim) -> Related<'a> {
        let mut related = Related { backing: Vec::new(), contradicting: Vec::new() };
        for link in &analysis.links {
            let other = if link.from == reviewed.id {
                link.to
            } else if link.to == reviewed.id {
                link.from
            } else {
                continue;
            };
            let Some(other) = analysis.claims.iter().find(|claim| claim.id == other) else { continue };
            let Some(source) = corpus.source(&other.source) else { continue };
            if other.source == reviewed.source {
                continue;
            }
            match link.relation {
                Relation::Supports if !related.backing.iter().any(|(_, claim)| claim.id == other.id) => {
                    related.backing.push((source, other));
                }
                Relation::Contradicts if !related.contradicting.iter().any(|(_, claim, _)| claim.id == other.id) => {
                    related.contradicting.push((source, other, link.reason.as_str()));
                }
                _ => {}
            }
        }
        related
    }

    fn n_sources<'s>(sources: impl Iterator<Item = &'s Source>) -> usize {
        let mut ids: Vec<&str> = sources.map(|source| source.id.0.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    }

    /// "Disputed: 1 source contradicts it, 2 back it".
    fn rating_name(&self) -> String {
        let n_contradicting = Self::n_sources(self.contradicting.iter().map(|(source, _, _)| *source));
        let n_backing = Self::n_sources(self.backing.iter().map(|(source, _)| *source));
        let contradicting = match n_contradicting {
            1 => "1 source contradicts it".to_string(),
            n => format!("{n} sources contradict it"),
        };
        let backing = match n_backing {
            0 => "none backs it".to_string(),
            1 => "1 backs it".to_string(),
            n => format!("{n} back it"),
        };
        format!("Disputed: {contradicting}, {backing}")
    }

    /// One sentence per contradicting claim (who, what they say, the detail that differs), then
    /// who backs the claim.
    fn explanation(&self) -> String {
        let mut sentences: Vec<String> = self
            .contradicting
            .iter()
            .map(|(source, claim, reason)| {
                let reason = reason.trim();
                let reason = if reason.is_empty() { String::new() } else { format!(" ({reason})") };
                format!("{} says: \u{201c}{}\u{201d}{reason}.", source.name, claim.text.trim())
            })
            .collect();
        let mut backing_names: Vec<&str> = Vec::new();
        for (source, _) in &self.backing {
            if !backing_names.contains(&source.name.as_str()) {
                backing_names.push(&source.name);
            }
        }
        if !backing_names.is_empty() {
            sentences.push(format!("Backed by {}.", backing_names.join(", ")));
        }
        sentences.join(" ")
    }
}

/// Where a claim appears: a source and its quote.
fn appearance_in<'a>(source: &'a Source, quote: &'a str) -> Appearance<'a> {
    Appearance {
        kind: "CreativeWork",
        name: &source.name,
        headline: source.title.as_deref(),
        url: source.url.as_deref(),
        date_published: source.published,
        text: quote.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Link;
    use serde_json::{json, Value};

    fn value<T: Serialize>(reviews: T) -> Value {
        serde_json::to_value(reviews).unwrap()
    }
    use crate::corpus::{SourceId, SourceKind};

    /// The schema.org properties crosscheck may use on each type it writes, each with the JSON
    /// kind its value must have. Taken from the schema.org type pages (ClaimReview inherits from
    /// Review, CreativeWork and Thing; Claim from CreativeWork; Rating from Intangible and Thing;
    /// Organization from Thing). A property that is not listed here is a mistake in the output.
    fn schema(type_name: &str) -> &'static [(&'static str, Kind)] {
        use Kind::*;
        match type_name {
            "ClaimReview" => &[
                ("@context", Text),
                ("@type", Text),
                ("claimReviewed", Text),
                ("itemReviewed", Thing),
                ("reviewRating", Thing),
                ("reviewBody", Text),
                ("author", Thing),
                ("datePublished", IsoDate),
                ("url", Url),
                ("name", Text),
                ("publisher", Thing),
            ],
            "Claim" => &[
                ("@type", Text),
                ("appearance", Things),
                ("firstAppearance", Thing),
                ("author", Thing),
                ("datePublished", IsoDate),
                ("name", Text),
                ("text", Text),
            ],
            "Rating" => &[
                ("@type", Text),
                ("alternateName", Text),
                ("ratingExplanation", Text),
                ("ratingValue", Text),
                ("bestRating", Text),
                ("worstRating", Text),
                ("name", Text),
            ],
            "CreativeWork" => &[
                ("@type", Text),
                ("name", Text),
                ("headline", Text),
                ("url", Url),
                ("datePublished", IsoDate),
                ("text", Text),
                ("author", Thing),
            ],
            "Organization" => &[("@type", Text), ("name", Text), ("url", Url)],
            _ => &[],
        }
    }

    #[derive(Clone, Copy, Debug)]
    enum Kind {
        Text,
        Url,
        IsoDate,
        Thing,
        Things,
    }

    /// Checks a JSON-LD node against [`schema`], recursively; returns every mismatch as a path.
    fn shape_errors(node: &Value, path: &str) -> Vec<String> {
        let Some(object) = node.as_object() else { return vec![format!("{path}: not an object")] };
        let Some(type_name) = object.get("@type").and_then(Value::as_str) else {
            return vec![format!("{path}: no @type")];
        };
        let allowed = schema(type_name);
        if allowed.is_empty() {
            return vec![format!("{path}: unexpected type {type_name}")];
        }
        let mut errors = Vec::new();
        for (key, value) in object {
            let place = format!("{path}.{key}");
            let Some(&(_, kind)) = allowed.iter().find(|(name, _)| name == key) else {
                errors.push(format!("{place}: not a property of {type_name}"));
                continue;
            };
            match kind {
                Kind::Text if value.as_str().is_none_or(|text| text.trim().is_empty()) => {
                    errors.push(format!("{place}: not a non-empty text"));
                }
                Kind::Url
                    if !value.as_str().is_some_and(|url| url.starts_with("https://") || url.starts_with("http://")) =>
                {
                    errors.push(format!("{place}: not an http(s) URL"));
                }
                Kind::IsoDate if value.as_str().and_then(Date::parse_iso).is_none() => {
                    errors.push(format!("{place}: not a YYYY-MM-DD date"));
                }
                Kind::Thing => errors.extend(shape_errors(value, &place)),
                Kind::Things => match value.as_array() {
                    Some(items) if !items.is_empty() => {
                        for (index, item) in items.iter().enumerate() {
                            errors.extend(shape_errors(item, &format!("{place}[{index}]")));
                        }
                    }
                    _ => errors.push(format!("{place}: not a non-empty list")),
                },
                _ => {}
            }
        }
        errors
    }

    fn source(id: &str, name: &str, url: Option<&str>) -> Source {
        Source {
            id: SourceId(id.to_string()),
            name: name.to_string(),
            kind: SourceKind::Article,
            published: Date::parse_iso("2025-08-20"),
            url: url.map(str::to_string),
            title: Some(format!("{name} headline")),
            text: String::new(),
        }
    }

    fn claim(id: u32, source: &str, text: &str) -> Claim {
        Claim::new(ClaimId(id), SourceId(source.to_string()), 0, text.chars().count(), text.to_string())
    }

    /// Three sources: a and b agree that 28 chiefs met, c says 32.
    fn fixture() -> (Corpus, Analysis) {
        let corpus = Corpus {
            title: "Chiefs meet".to_string(),
            sources: vec![
                source("a", "Wire", Some("https://example.org/a")),
                source("b", "Daily", None),
                source("c", "Weekly", Some("https://example.org/c")),
            ],
        };
        let analysis = Analysis {
            claims: vec![
                claim(0, "a", "28 chiefs met on Wednesday. "),
                claim(1, "b", "Twenty-eight chiefs met."),
                claim(2, "c", "32 chiefs met."),
                claim(3, "c", "The meeting was virtual."),
            ],
            links: vec![
                Link::new(ClaimId(0), ClaimId(1), Relation::Supports, "same fact".to_string()),
                Link::new(ClaimId(0), ClaimId(2), Relation::Contradicts, "number: 28 vs 32 chiefs".to_string()),
                Link::new(ClaimId(1), ClaimId(2), Relation::Contradicts, "number: 28 vs 32 chiefs".to_string()),
            ],
            related: Vec::new(),
        };
        (corpus, analysis)
    }

    fn options() -> ReviewOptions {
        ReviewOptions {
            author_name: "A blog".to_string(),
            author_url: Some("https://blog.example/".to_string()),
            date_published: Date::new(2025, 8, 21).unwrap(),
            url: Some("https://blog.example/post".to_string()),
        }
    }

    #[test]
    fn one_review_per_contradicted_claim_in_analysis_order() {
        let (corpus, analysis) = fixture();
        assert_eq!(contradicted_claims(&analysis), [ClaimId(0), ClaimId(1), ClaimId(2)]);
        let reviews = value(claim_reviews(&corpus, &analysis, &options()));
        let reviewed: Vec<&str> =
            reviews.as_array().unwrap().iter().map(|review| review["claimReviewed"].as_str().unwrap()).collect();
        assert_eq!(reviewed, ["28 chiefs met on Wednesday.", "Twenty-eight chiefs met.", "32 chiefs met."]);
        assert_eq!(claim_review(&corpus, &analysis, ClaimId(3), &options()), None, "an uncontested claim");
        assert_eq!(claim_review(&corpus, &analysis, ClaimId(99), &options()), None, "an unknown claim");
    }

    #[test]
    fn every_review_has_the_schema_org_shape() {
        let (corpus, analysis) = fixture();
        for options in [options(), ReviewOptions::new(Date::new(2025, 8, 21).unwrap())] {
            let reviews = value(claim_reviews(&corpus, &analysis, &options));
            for (index, review) in reviews.as_array().unwrap().iter().enumerate() {
                assert_eq!(shape_errors(review, &format!("[{index}]")), Vec::<String>::new());
                // The fields a fact-check consumer needs are present, not merely allowed.
                for field in ["@context", "claimReviewed", "itemReviewed", "reviewRating", "author", "datePublished"] {
                    assert!(review.get(field).is_some(), "[{index}] has no {field}");
                }
                for field in ["alternateName", "ratingExplanation"] {
                    assert!(review["reviewRating"].get(field).is_some(), "[{index}] rating has no {field}");
                }
                assert!(review["itemReviewed"]["appearance"].as_array().is_some_and(|list| !list.is_empty()));
            }
        }
    }

    #[test]
    fn the_shape_check_catches_mistakes() {
        let (corpus, analysis) = fixture();
        let options = options();
        let mut review = value(claim_review(&corpus, &analysis, ClaimId(0), &options).unwrap());
        review["reviewRating"]["truthiness"] = json!("high");
        review["datePublished"] = json!("21 Aug 2025");
        review["itemReviewed"]["appearance"][0]["url"] = json!("javascript:alert(1)");
        assert_eq!(
            shape_errors(&review, "r"),
            [
                "r.datePublished: not a YYYY-MM-DD date",
                "r.itemReviewed.appearance[0].url: not an http(s) URL",
                "r.reviewRating.truthiness: not a property of Rating",
            ]
        );
    }

    #[test]
    fn a_review_names_the_appearances_and_explains_the_dispute() {
        let (corpus, analysis) = fixture();
        let options = options();
        let review = value(claim_review(&corpus, &analysis, ClaimId(0), &options).unwrap());
        let expected = json!({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": "28 chiefs met on Wednesday.",
            "itemReviewed": {
                "@type": "Claim",
                "author": { "@type": "Organization", "name": "Wire" },
                "datePublished": "2025-08-20",
                "appearance": [
                    { "@type": "CreativeWork", "name": "Wire", "headline": "Wire headline",
                      "url": "https://example.org/a", "datePublished": "2025-08-20",
                      "text": "28 chiefs met on Wednesday." },
                    { "@type": "CreativeWork", "name": "Daily", "headline": "Daily headline",
                      "datePublished": "2025-08-20", "text": "Twenty-eight chiefs met." },
                ],
            },
            "reviewRating": {
                "@type": "Rating",
                "alternateName": "Disputed: 1 source contradicts it, 1 backs it",
                "ratingExplanation":
                    "Weekly says: \u{201c}32 chiefs met.\u{201d} (number: 28 vs 32 chiefs). Backed by Daily.",
            },
            "author": { "@type": "Organization", "name": "A blog", "url": "https://blog.example/" },
            "datePublished": "2025-08-21",
            "url": "https://blog.example/post",
        });
        assert_eq!(review, expected);

        // The claim c contradicts twice: two contradicting claims, one source, nobody backing.
        let options = ReviewOptions::new(Date::new(2025, 8, 21).unwrap());
        let review = value(claim_review(&corpus, &analysis, ClaimId(2), &options).unwrap());
        assert_eq!(review["reviewRating"]["alternateName"], "Disputed: 2 sources contradict it, none backs it");
        assert_eq!(review["author"], json!({ "@type": "Organization", "name": "crosscheck" }));
        assert!(review.get("url").is_none());
        assert_eq!(review["itemReviewed"]["appearance"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn to_json_pretty_prints_a_review() {
        let (corpus, analysis) = fixture();
        let options = options();
        let text = to_json(&claim_review(&corpus, &analysis, ClaimId(1), &options).unwrap());
        assert!(text.starts_with("{\n  \"@context\": \"https://schema.org\""), "{text:.60}");
        let parsed: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed["claimReviewed"], "Twenty-eight chiefs met.");
        assert_eq!(claim_review(&corpus, &analysis, ClaimId(3), &options), None);
    }

    /// On the real demo corpus: whatever the analysis finds, every review has the right shape.
    #[test]
    fn seed_reviews_have_the_schema_org_shape() {
        let corpus = crate::corpus::seeds();
        let analysis = crate::analysis::analyse(&corpus);
        let options = options();
        let reviews = value(claim_reviews(&corpus, &analysis, &options));
        let reviews = reviews.as_array().unwrap();
        assert_eq!(reviews.len(), contradicted_claims(&analysis).len());
        for (index, review) in reviews.iter().enumerate() {
            assert_eq!(shape_errors(review, &format!("seeds[{index}]")), Vec::<String>::new());
        }
    }
}
