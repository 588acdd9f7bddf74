//! The learned decision on a pair of claims: a logistic regression over the pair's features
//! (`features`) says whether the two tell the same fact and agree (`supports`), tell the same fact
//! but one backs only a side detail of the other (`partial`, still a backing), tell the same fact
//! and disagree (`contradicts`), or merely share names and topic (`distinct`).
//!
//! The rules keep their part: they name the detail that conflicts. A detail the rules find in
//! conflict makes a contradiction when the model takes the pair for one fact (its probability of
//! `distinct` is low enough); otherwise a pair the model calls a conflict is only linked as one
//! when a detail can be named (a count, a date, a place, a
//! negation, a speaker, or one report denying or doubting what the other asserts); otherwise it
//! is `related`, never a backing. A backing between claims about two different people
//! (`different_subjects`) is `related` too. The model's weights and thresholds are `data/links-model.json`,
//! written by the trainer (`scripts/train.sh`).

use crate::analysis::align::Similarity;
use crate::analysis::features::{self, cues};
use crate::analysis::model::Model;
use crate::analysis::slots::Slots;
use crate::analysis::stance::{ConflictKind, Findings, Verdict, WordSpan, RELATED};
use std::sync::OnceLock;

/// The classes of the links model, in its order.
pub const CLASSES: [&str; 4] = ["distinct", "partial", "supports", "contradicts"];
const DISTINCT: usize = 0;
const PARTIAL: usize = 1;
const SUPPORTS: usize = 2;
const CONTRADICTS: usize = 3;

const SHIPPED: &str = include_str!("data/links-model.json");

/// What the analysis does with a pair.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Backing: `main` when the two tell the same main point, else a side detail; `strength`
    /// ranks backings (the model's probability of backing, or 1 for the rules). Its reason is
    /// `stance::support_reason`'s, written only for the backings that become links.
    Supports {
        main: bool,
        strength: f32,
    },
    Contradicts {
        kind: ConflictKind,
        reason: String,
        span_a: WordSpan,
        span_b: WordSpan,
    },
    /// Same people or topic, a different fact: not a backing, not a link.
    Related,
    Unrelated,
}

/// A model with its thresholds, or none (the rules decide alone).
#[derive(Clone, Debug, Default)]
pub struct Decision {
    pub model: Option<Model>,
}

impl Decision {
    /// The decision the crate ships with. A model that does not fit the code's features (a test
    /// checks that this never happens) is ignored, and the rules decide.
    pub fn shipped() -> &'static Decision {
        static SHIPPED_DECISION: OnceLock<Decision> = OnceLock::new();
        SHIPPED_DECISION.get_or_init(|| Decision::from_json(SHIPPED).unwrap_or_default())
    }

    /// A decision from a model file, checked against the code's features and classes.
    pub fn from_json(text: &str) -> Result<Decision, String> {
        let model = Model::from_json(text)?;
        model.check(&features::NAMES, &CLASSES)?;
        if model.thresholds.len() != CLASSES.len() {
            return Err("links model: one threshold per class expected".to_string());
        }
        Ok(Decision { model: Some(model) })
    }

    /// The class probabilities of a pair, if there is a model.
    pub fn probabilities(&self, x: &[f32; features::N_FEATURES]) -> Option<Vec<f32>> {
        self.model.as_ref().map(|m| m.probabilities(x))
    }

    /// Decides a pair of claims from their features, the rules' verdict and the findings.
    pub fn decide(
        &self,
        a: &Slots,
        b: &Slots,
        x: &[f32; features::N_FEATURES],
        similarity: &Similarity,
        rules: Verdict,
        findings: &Findings,
    ) -> Outcome {
        let Some(model) = &self.model else {
            return match rules {
                Verdict::Supports { .. } => Outcome::Supports { main: true, strength: 1.0 },
                Verdict::Contradicts { kind, reason, span_a, span_b } => {
                    Outcome::Contradicts { kind, reason, span_a, span_b }
                }
                Verdict::Related => Outcome::Related,
                Verdict::Unrelated => Outcome::Unrelated,
            };
        };
        let mut p = [0.0f32; CLASSES.len()];
        model.probabilities_into(x, &mut p);
        let t = &model.thresholds;
        let backing = p[SUPPORTS] + p[PARTIAL] >= t[SUPPORTS];
        // A detail the rules found in conflict, on a pair the model takes for one fact.
        if let Verdict::Contradicts { kind, reason, span_a, span_b } = &rules {
            if p[DISTINCT] <= t[DISTINCT] || backing {
                return Outcome::Contradicts { kind: *kind, reason: reason.clone(), span_a: *span_a, span_b: *span_b };
            }
            // Different facts that differ on a detail: related, never a backing.
            return if similarity.score >= RELATED { Outcome::Related } else { Outcome::Unrelated };
        }
        // What the model would call a backing, with a detail in conflict, is a contradiction.
        if backing {
            if let Some((kind, reason, span_a, span_b)) = detail_conflict(findings) {
                return Outcome::Contradicts { kind, reason, span_a, span_b };
            }
        }
        if p[CONTRADICTS] >= t[CONTRADICTS] {
            if let Some((kind, reason, span_a, span_b)) = named_conflict(a, b, rules.clone(), findings) {
                return Outcome::Contradicts { kind, reason, span_a, span_b };
            }
        }
        // Nothing shared but names, and no detail or event in common ("His inspiration is Paul
        // Tudor Jones" / "Paul Tudor Jones says, 'You learn more from your losses'"): two facts
        // about the same people.
        let only_names = x[features::CONTENT_MIN] <= 0.0
            && !(findings.date_agrees || findings.number_agrees || findings.place_agrees || findings.shared_event_kind);
        if backing
            && (different_subjects(a, b)
                || (different_agents(a, b) && p[SUPPORTS] >= p[PARTIAL] && !same_deed(a, b, findings))
                || different_relatives(a, b)
                || only_names
                || asserts_nothing(a)
                || asserts_nothing(b))
        {
            // Two people doing the same kind of thing: two facts that share their wording.
            return if similarity.score >= RELATED { Outcome::Related } else { Outcome::Unrelated };
        }
        if backing {
            return Outcome::Supports { main: p[SUPPORTS] >= p[PARTIAL], strength: p[SUPPORTS] + p[PARTIAL] };
        }
        if similarity.score >= RELATED {
            Outcome::Related
        } else {
            Outcome::Unrelated
        }
    }
}

/// The detail two claims disagree on, if one can be named: the rules' conflict if they found one, else any
/// conflicting detail, else a denial or doubt in one claim only.
pub fn named_conflict(
    a: &Slots,
    b: &Slots,
    rules: Verdict,
    findings: &Findings,
) -> Option<(ConflictKind, String, WordSpan, WordSpan)> {
    if let Verdict::Contradicts { kind, reason, span_a, span_b } = rules {
        return Some((kind, reason, span_a, span_b));
    }
    detail_conflict(findings).or_else(|| denial(a, b))
}

/// The first detail the findings show in conflict, whatever the rules' gates said.
pub fn detail_conflict(findings: &Findings) -> Option<(ConflictKind, String, WordSpan, WordSpan)> {
    let raw = [
        (ConflictKind::Number, &findings.number_conflict),
        (ConflictKind::Date, &findings.date_conflict),
        (ConflictKind::Place, &findings.place_conflict),
        (
            if findings.participation { ConflictKind::Participation } else { ConflictKind::Negation },
            &findings.negation_conflict,
        ),
        (ConflictKind::Relation, &findings.relation_conflict),
        // Who said it conflicts only for the same quoted words.
        (ConflictKind::Speaker, if findings.shared_quote { &findings.speaker_conflict } else { &None }),
    ];
    raw.into_iter()
        .find_map(|(kind, c)| c.as_ref().map(|(span_a, span_b, reason)| (kind, reason.clone(), *span_a, *span_b)))
}

/// Each claim is about a person the other does not name ("Bale is in talks to play Jobs" and
/// "Rogen is in talks to play Wozniak"; "Caine convened a meeting" and "Trump met with"): whatever
/// else they share, they tell two facts.
pub fn different_subjects(a: &Slots, b: &Slots) -> bool {
    match (&a.subject, &b.subject) {
        (Some(x), Some(y)) => x != y && !b.persons.contains(x) && !a.persons.contains(y),
        _ => false,
    }
}

/// Each claim opens with who acts, and they differ: two groups ("NATO's 32 chiefs of defence
/// held" / "European allies are exploring"), or a person and a group ("Trump is trying" / "NATO
/// officials stated"), and neither claim names the other's. Whatever else they share, two facts.
/// Two names are `different_subjects`' to judge; a name against one word for a person ("Dragone
/// said" / "the chair said") may be one man.
pub fn different_agents(a: &Slots, b: &Slots) -> bool {
    // Words are compared as written: across languages ("police" / "la policía") they differ.
    if a.language != b.language {
        return false;
    }
    let (Some(x), Some(y)) = (&a.agent, &b.agent) else {
        return false;
    };
    let kinds_differ = match (x.named, y.named) {
        (false, false) => true,
        (true, false) => y.group,
        (false, true) => x.group,
        (true, true) => false,
    };
    let mentions = |s: &Slots, key: &str| s.terms.contains(key) || s.terms.contains(&format!("~{key}"));
    x.key != y.key && kinds_differ && !mentions(a, &y.key) && !mentions(b, &x.key)
}

/// Two claims that tell one deed in other words for who did it ("Police arrested the captain on
/// Monday" / "Officers detained the captain on Monday"): the same verb after who acts, or a
/// detail that agrees, or a quotation both give.
fn same_deed(a: &Slots, b: &Slots, findings: &Findings) -> bool {
    let (verb_a, verb_b) =
        (a.agent.as_ref().and_then(|x| x.verb.as_ref()), b.agent.as_ref().and_then(|x| x.verb.as_ref()));
    let same_verb = verb_a.is_some() && verb_a == verb_b;
    same_verb || findings.date_agrees || findings.number_agrees || findings.place_agrees || findings.shared_quote
}

/// A claim that asserts nothing but that something is (not) said ("I am not saying this was not a
/// meteorite impact."): what it does not say cannot back anything.
pub fn asserts_nothing(s: &Slots) -> bool {
    !s.predicates.is_empty() && s.predicates.iter().all(|p| p.class == "say")
}

/// Each claim names relatives of one kind only, and the kinds differ ("DNA tests confirmed that
/// the child is the daughter of al-Baghdadi" and "the woman was not the wife of al-Baghdadi"):
/// about the same people, they tell of different relatives. (Roles of one kind that differ,
/// wife against husband, are a conflict `stance` names.)
pub fn different_relatives(a: &Slots, b: &Slots) -> bool {
    let kind = |s: &Slots| -> Option<u8> {
        let first = s.relatives.first()?.group;
        s.relatives.iter().all(|r| r.group == first).then_some(first)
    };
    match (kind(a), kind(b)) {
        (Some(x), Some(y)) => x != y && !a.name_terms.is_disjoint(&b.name_terms),
        _ => false,
    }
}

/// One claim denies or doubts what the other asserts: the first denying word, as the detail. A
/// claim that only passes on a rumour ("a rumored $72 million") asserts nothing to deny.
fn denial(a: &Slots, b: &Slots) -> Option<(ConflictKind, String, WordSpan, WordSpan)> {
    let (ca, cb) = (cues(a), cues(b));
    if ca.polar() == cb.polar() {
        return None;
    }
    let asserting = if ca.polar() { b } else { a };
    if crate::analysis::stance::passes_on_rumour(asserting) {
        return None;
    }
    let (denying, word) = if ca.polar() { (a, ca.polar_word?) } else { (b, cb.polar_word?) };
    let surface = denying.words.get(word).map(|w| w.surface.clone()).unwrap_or_default();
    let reason = format!("negation: one report says \u{201c}{surface}\u{201d}, the other asserts it");
    let span = (word, word + 1);
    let none = (0, 0);
    Some(if ca.polar() {
        (ConflictKind::Negation, reason, span, none)
    } else {
        (ConflictKind::Negation, reason, none, span)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_fits_the_code() {
        // A model trained on other features or classes would be ignored at run time (the rules
        // would decide alone); this is where that shows.
        let decision = Decision::from_json(SHIPPED).expect("the shipped links model fits features::NAMES and CLASSES");
        let model = decision.model.expect("a model");
        assert!(model.thresholds.iter().all(|t| (0.0..=2.0).contains(t)));
        assert!(Decision::shipped().model.is_some());
        // A model that names other features is refused.
        let mut other = model.clone();
        other.features[0] = "something else".into();
        assert!(Decision::from_json(&serde_json::to_string(&other).expect("serialises")).is_err());
    }

    /// A corpus of two articles, "a" and "b", published on 9 May 2025.
    fn two_articles(a: &str, b: &str) -> crate::corpus::Corpus {
        use crate::corpus::{Corpus, Source, SourceId, SourceKind};
        Corpus {
            title: String::new(),
            sources: [("a", a), ("b", b)]
                .into_iter()
                .map(|(id, text)| Source {
                    id: SourceId(id.into()),
                    name: id.into(),
                    kind: SourceKind::Article,
                    published: crate::date::Date::parse_iso("2025-05-09"),
                    url: None,
                    title: None,
                    text: text.into(),
                })
                .collect(),
        }
    }

    /// The slots of `texts`, read with the vocabulary of all of them.
    fn read_all(texts: &[&str]) -> Vec<Slots> {
        use crate::analysis::slots::{read, Vocabulary};
        let vocabulary = Vocabulary::from_texts(texts.iter().copied());
        texts.iter().map(|t| read(t, None, &vocabulary)).collect()
    }

    /// The texts of the claims each backing of `corpus`'s analysis links.
    fn backings(corpus: &crate::corpus::Corpus) -> Vec<(String, String)> {
        let analysis = crate::analysis::analyse(corpus);
        let text = |id| analysis.claims.iter().find(|c| &c.id == id).map_or(String::new(), |c| c.text.clone());
        analysis
            .links
            .iter()
            .filter(|l| l.relation == crate::analysis::Relation::Supports)
            .map(|l| (text(&l.from), text(&l.to)))
            .collect()
    }

    #[test]
    fn two_people_doing_the_same_thing_are_two_facts() {
        let texts = [
            "Actor Christian Bale is in final talks to play Steve Jobs in the biopic.",
            "Actor Seth Rogen is in final talks to play Steve Wozniak in the biopic.",
            "Bale is in final talks to play Jobs, producer Scott Rudin said.",
            "Rogen is said to be in final talks to play Wozniak.",
            "Talks with Bale are in their final stage.",
        ];
        let slots = read_all(&texts);
        let subjects: Vec<Option<&str>> = slots.iter().map(|s| s.subject.as_deref()).collect();
        // A surname the texts write after a first name, acting; not a speaker; not after "with".
        assert_eq!(subjects, [Some("bale"), Some("rogen"), Some("bale"), Some("rogen"), None]);
        assert!(different_subjects(&slots[0], &slots[1]));
        assert!(different_subjects(&slots[3], &slots[2]));
        assert!(!different_subjects(&slots[0], &slots[2]));
        assert!(!different_subjects(&slots[1], &slots[4]), "one claim without a subject");
        // The whole analysis: Bale's talks back each other, never Rogen's.
        let corpus = two_articles(texts[0], &format!("{} {}", texts[1], texts[2]));
        let supports = backings(&corpus);
        assert!(supports.iter().any(|(a, b)| a.contains("Bale") && b.contains("Bale")), "{supports:?}");
        assert!(supports.iter().all(|(a, b)| !a.contains("Rogen") && !b.contains("Rogen")), "{supports:?}");
    }

    #[test]
    fn different_groups_acting_are_two_facts() {
        let texts = [
            "NATO's 32 chiefs of defence held a video conference on security guarantees.",
            "European allies are exploring options for a security force.",
            "Trump is trying to steer Putin toward a settlement of the war.",
            "NATO officials discussed a settlement of the war.",
            "The chiefs of defense of NATO countries met virtually on Wednesday.",
            "Officials said European allies are exploring a security force.",
            "A committee formed by the government determined that a meteorite caused the crater.",
            "Dragone said the chiefs held a video conference.",
            "\u{201c}The allies are exploring options,\u{201d} he said.",
        ];
        let slots = read_all(&texts);
        let agents: Vec<Option<String>> = slots.iter().map(|s| s.agent.as_ref().map(|a| a.key.to_string())).collect();
        let chief = agents[0].clone().expect("chiefs act");
        assert_eq!(agents[4].as_deref(), Some(chief.as_str()), "the same head, another wording");
        // Who reports is not who acts; a participle describes; a quotation speaks for itself.
        assert_eq!([&agents[5], &agents[6], &agents[7], &agents[8]], [&None, &None, &None, &None]);
        assert!(different_agents(&slots[0], &slots[1]), "chiefs against allies");
        assert!(different_agents(&slots[2], &slots[3]), "a person against a group");
        assert!(!different_agents(&slots[0], &slots[4]), "the same chiefs");
        assert!(!different_agents(&slots[1], &slots[5]), "the reporter is no agent");
        // Other words for who did one deed: the same verb after them, or a detail that agrees.
        let deed = |a: &str, b: &str| {
            let slots = read_all(&[a, b]);
            let similarity = crate::analysis::align::similarity(&slots[0], &slots[1], &Default::default());
            let findings = crate::analysis::stance::examine(&slots[0], &slots[1], &similarity);
            (different_agents(&slots[0], &slots[1]), same_deed(&slots[0], &slots[1], &findings))
        };
        assert_eq!(
            deed("Police arrested the captain of the ship.", "Officers detained the ship's captain."),
            (true, true)
        );
        assert_eq!(
            deed("Rescuers pulled 12 survivors from the rubble.", "Emergency teams rescued 12 survivors."),
            (true, true)
        );
        assert_eq!(deed(texts[0], texts[1]), (true, false), "chiefs held, allies are exploring");
    }

    #[test]
    fn a_speaker_who_has_not_heard_of_it_does_not_deny_it() {
        let denial = |a: &str, b: &str| {
            let slots = read_all(&[a, b]);
            let similarity =
                crate::analysis::align::similarity(&slots[0], &slots[1], &crate::analysis::align::Weights::default());
            crate::analysis::stance::examine(&slots[0], &slots[1], &similarity).negation_conflict.is_some()
        };
        // Not knowing or perceiving is the speaker's own state ...
        assert!(!denial("I haven't heard any reports of a blast.", "Locals said they heard a blast near the airport."));
        // ... but what the speaker denies doing is denied.
        assert!(denial(
            "\"We did not fire on the crowd,\" the commander said.",
            "Soldiers fired on the crowd on Monday."
        ));
    }

    #[test]
    fn a_claim_that_says_what_it_is_not_saying_asserts_nothing() {
        let slots = read_all(&["I am not saying this was not a meteorite impact.", "It was a meteorite impact."]);
        assert!(asserts_nothing(&slots[0]));
        assert!(!asserts_nothing(&slots[1]));
    }

    #[test]
    fn claims_about_different_relatives_of_one_man_are_two_facts() {
        let texts = [
            "Officials said DNA tests confirmed that the child held in Lebanon is the daughter of the Islamic State leader, Abu Bakr al-Baghdadi.",
            "Officials said the woman held in Lebanon was not the wife of the Islamic State leader, Abu Bakr al-Baghdadi.",
            "The girl held in Lebanon is the daughter of Abu Bakr al-Baghdadi, DNA tests showed.",
            "Police detained the wife and daughter of Abu Bakr al-Baghdadi in Lebanon.",
            "The woman is the wife of a Syrian rebel commander.",
        ];
        let slots = read_all(&texts);
        assert!(different_relatives(&slots[0], &slots[1]), "daughter against wife");
        assert!(!different_relatives(&slots[0], &slots[2]), "the same relative");
        assert!(!different_relatives(&slots[3], &slots[1]), "a claim naming both kinds");
        assert!(!different_relatives(&slots[0], &slots[4]), "no one named in common");
        // The whole analysis: the daughter's two reports back each other, not the wife's.
        let corpus = two_articles(texts[0], &format!("{} {}", texts[1], texts[2]));
        let supports = backings(&corpus);
        assert!(supports.iter().any(|(a, b)| a.contains("DNA") && b.contains("girl")), "{supports:?}");
        assert!(supports.iter().all(|(a, b)| !a.contains("wife") && !b.contains("wife")), "{supports:?}");
    }

    #[test]
    fn a_count_one_report_denies_is_a_conflict_unless_the_other_doubts_it_too() {
        use crate::analysis::{analyse, ConflictKind, Relation};
        let relations = |a: &str, b: &str| {
            let analysis = analyse(&two_articles(a, b));
            analysis.links.iter().map(|l| (l.relation, l.kind)).collect::<Vec<_>>()
        };
        let said = "The teenage trader Omar Haddad made $48 million from trading shares during his lunch breaks.";
        let denied =
            "The teenage trader Omar Haddad did not make $48 million from trading shares during his lunch breaks.";
        let rumoured =
            "The teenage trader Omar Haddad is rumored to have made $48 million from trading shares during his lunch breaks.";
        assert_eq!(relations(said, denied), [(Relation::Contradicts, Some(ConflictKind::Negation))]);
        assert!(relations(rumoured, denied).iter().all(|(r, _)| *r != Relation::Contradicts));
        // Both deny it: they agree, and the reason says so.
        assert!(relations(denied, denied).iter().all(|(r, _)| *r == Relation::Supports));
        let analysis = analyse(&two_articles(
            denied,
            "Omar Haddad, the teenage trader, never made $48 million from trading shares in his lunch breaks.",
        ));
        let reasons: Vec<_> = analysis.links.iter().map(|l| (l.relation, l.reason.as_str())).collect();
        assert!(
            matches!(reasons.as_slice(), [(Relation::Supports, reason)] if reason.starts_with("both deny: did not make")),
            "{reasons:?}"
        );
    }

    #[test]
    fn a_report_another_source_calls_false_is_a_conflict() {
        use crate::analysis::{analyse, ConflictKind, Relation};
        let said = "Harbour police arrested the captain of the cargo ship Meridian in Rotterdam.";
        for refuting in [
            "The port authority has denied reports that police arrested the captain of the Meridian.",
            "The shipping line dismissed claims that police arrested the captain of the Meridian.",
            "Reports that police arrested the captain of the Meridian were denied by the shipping line.",
        ] {
            let analysis = analyse(&two_articles(said, refuting));
            let kinds: Vec<_> = analysis.links.iter().map(|l| (l.relation, l.kind)).collect();
            assert_eq!(kinds, [(Relation::Contradicts, Some(ConflictKind::Negation))], "{refuting:?}");
            // The detail named is the event denied, not who did it.
            assert!(analysis.links[0].reason.contains("arrested"), "{}", analysis.links[0].reason);
        }
        // A second report of the arrest backs it.
        let analysis =
            analyse(&two_articles(said, "Police arrested the captain of the cargo ship Meridian in Rotterdam."));
        let relations: Vec<_> = analysis.links.iter().map(|l| l.relation).collect();
        assert_eq!(relations, [Relation::Supports]);
    }

    #[test]
    fn a_place_spelled_another_way_is_the_same_place() {
        use crate::analysis::{analyse, Relation};
        for (a, b) in [
            (
                "Police arrested the captain of the cargo ship Meridian in Rotterdam on Monday.",
                "La policía arrestó al capitán del buque Meridian en Róterdam el lunes.",
            ),
            (
                "The trade ministers of Morocco and Spain signed the port agreement in Marrakech.",
                "The trade ministers of Morocco and Spain signed the port agreement in Marrakesh.",
            ),
        ] {
            let analysis = analyse(&two_articles(a, b));
            let relations: Vec<_> = analysis.links.iter().map(|l| (l.relation, l.reason.clone())).collect();
            assert!(
                !relations.is_empty() && relations.iter().all(|(r, _)| *r == Relation::Supports),
                "{b:?}: {relations:?}"
            );
        }
        // Another city is still another place.
        let analysis = analyse(&two_articles(
            "Police arrested the captain of the cargo ship Meridian in Rotterdam on Monday.",
            "Police arrested the captain of the cargo ship Meridian in Antwerp on Monday.",
        ));
        assert!(analysis.links.iter().any(|l| l.relation == Relation::Contradicts), "{:?}", analysis.links);
    }

    #[test]
    fn every_claim_quoting_the_same_words_backs() {
        use crate::analysis::{analyse, Relation};
        // The second source quotes the minister twice; both of its claims back the first's,
        // though one matches it much better than the other.
        let corpus = two_articles(
            "\u{201c}We cannot accept this treaty. It will not work,\u{201d} Foreign Minister Ana Duarte said on Monday, according to the news agency Lusa.",
            "Foreign Minister Ana Duarte said on Monday that \u{201c}we cannot accept this treaty.\u{201d} \
             Farmers from the northern provinces protested outside parliament, warning that \u{201c}it will not work,\u{201d} Lusa reported.",
        );
        let analysis = analyse(&corpus);
        let backing_first = analysis
            .links
            .iter()
            .filter(|l| l.relation == Relation::Supports)
            .filter(|l| analysis.claims.iter().any(|c| c.id == l.from && c.source.0 == "a"))
            .count();
        assert_eq!(backing_first, 2, "{analysis:?}");
    }

    #[test]
    fn an_age_conflict_names_the_two_ages() {
        let analysis = crate::analysis::analyse(&two_articles(
            "Health minister Lena Sorensen, 52, announced the vaccination campaign in Aarhus.",
            "Health minister Lena Sorensen, who is 57, announced the vaccination campaign in Aarhus.",
        ));
        let reasons: Vec<&str> = analysis.links.iter().map(|l| l.reason.as_str()).collect();
        assert_eq!(reasons, ["number: 52 vs 57"]);
    }

    #[test]
    fn a_conflicting_detail_never_backs() {
        use crate::analysis::{analyse, Relation};
        let corpus = two_articles(
            "Councillor James Smith paid $12,000 for the van that serves as the mobile library.",
            "Councillor James Smith spent $9,000 on the van that serves as the mobile library.",
        );
        let analysis = analyse(&corpus);
        assert!(analysis.links.iter().any(|l| l.relation == Relation::Contradicts), "{analysis:?}");
        assert!(analysis.links.iter().all(|l| l.relation != Relation::Supports), "{analysis:?}");
    }

    #[test]
    fn a_relative_named_otherwise_is_a_conflict_and_both_roles_are_none() {
        use crate::analysis::{analyse, ConflictKind, Relation};
        let story = two_articles(
            "Police in Lyon said on Tuesday they had detained the wife and son of the gang leader Marc Duval.",
            "Police in Lyon said on Tuesday they had detained the wife and daughter of the gang leader Marc Duval.",
        );
        let analysis = analyse(&story);
        let conflict = analysis.links.iter().find(|l| l.relation == Relation::Contradicts);
        assert_eq!(conflict.and_then(|l| l.kind), Some(ConflictKind::Relation), "{analysis:?}");
        assert!(conflict.is_some_and(|l| l.reason.contains("son") && l.reason.contains("daughter")));
        // "sons and daughters" names both roles: no conflict with either.
        let both = two_articles(
            "Police in Lyon said on Tuesday they had detained the wife and son of the gang leader Marc Duval.",
            "Police in Lyon said on Tuesday they had detained the wife, sons and daughters of the gang leader Marc Duval.",
        );
        assert!(analyse(&both).links.iter().all(|l| l.relation != Relation::Contradicts));
    }

    #[test]
    fn a_short_quotation_both_give_whole_is_shared() {
        let a = "The mayor praised the talks, posting that it was a \u{201c}frank, useful exchange among city leaders\u{201d}.";
        let b = "Smith said it was a \u{201c}frank, useful exchange,\u{201d} and added, \u{201c}I thank everyone for coming.\u{201d}";
        let c = "Smith said the \u{201c}useful exchange among\u{201d} leaders went on.";
        let [a, b, c]: [Slots; 3] = read_all(&[a, b, c]).try_into().expect("three claims");
        let shared = |x, y| {
            let similarity = crate::analysis::align::similarity(x, y, &crate::analysis::align::Weights::new([x, y]));
            crate::analysis::stance::examine(x, y, &similarity).shared_quote
        };
        // "frank, useful exchange" is quoted whole by both, beside other quotations.
        assert!(shared(&a, &b) && shared(&b, &a));
        // Two words in common inside longer quotations are no shared quotation.
        assert!(!shared(&b, &c));
    }
}
