//! Comparing two aligned claims: do they back each other, conflict on a comparable detail, or
//! merely touch the same topic?
//!
//! A conflict needs the same event first (De Marneffe et al., 2008): a count conflicts only with
//! a count of the same noun, a date or place only with the date or place of the same kind of
//! event with no participant in conflict, a negation only on the same predicate, a speaker only
//! for the same words. Two claims that say the same thing but for one detail (the same *frame*:
//! their terms outside dates, counts and places) tell one fact, so that detail conflicts even
//! where no event word or name binds it ("the council voted on Monday" / "on Tuesday"). Tense and
//! hedging never conflict. Two events of one kind on different days with different people are two
//! facts, and are not linked at all.

use crate::analysis::align::Similarity;
use crate::analysis::dates::describe;
use crate::analysis::slots::{Bound, ClassPolarity, Place, Relative, Slots};
use serde::Serialize;

/// Below this similarity two claims are unrelated.
pub const RELATED: f64 = 0.16;
/// From this similarity two claims tell the same fact (absent a conflict).
pub const SAME_FACT: f64 = 0.30;
/// From this similarity two claims are near paraphrases: enough, alone, to establish one event.
pub const PARAPHRASE: f64 = 0.45;
/// From this similarity of their frames (what happened, without when, where or how many) two
/// claims tell the same fact in nearly the same words, so the one detail they differ on conflicts
/// even where no event word or named participant ties the detail to the fact.
pub const SAME_FRAME: f64 = 0.75;
/// Content classes one claim denies and the other asserts, from which a pair at least `RELATED`
/// tells one fact with its polarity reversed.
const OPPOSED_CLASSES_FOR_ONE_FACT: usize = 2;

/// The kind of detail two claims disagree on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConflictKind {
    Number,
    Date,
    Place,
    Negation,
    /// Whether someone took part: with / without, attended / was absent, spoke / was silent.
    Participation,
    Speaker,
    /// Who someone is to someone else: a son or a daughter, a wife or a husband.
    Relation,
}

impl ConflictKind {
    pub fn label(self) -> &'static str {
        match self {
            ConflictKind::Number => "number",
            ConflictKind::Date => "date",
            ConflictKind::Place => "place",
            ConflictKind::Negation => "negation",
            ConflictKind::Participation => "participation",
            ConflictKind::Speaker => "speaker",
            ConflictKind::Relation => "relation",
        }
    }
}

/// Word ranges (`first..end`) of the conflicting detail in each claim.
pub type WordSpan = (usize, usize);

/// What a comparison found.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    Supports {
        reason: String,
    },
    Contradicts {
        kind: ConflictKind,
        reason: String,
        span_a: WordSpan,
        span_b: WordSpan,
    },
    /// Same topic, neither backing nor conflicting.
    Related,
    /// Two different facts, or nothing in common.
    Unrelated,
}

/// The text of a word range of a claim.
fn words_text(slots: &Slots, span: WordSpan) -> String {
    let (Some(first), Some(last)) =
        (slots.words.get(span.0), slots.words.get(span.1.min(slots.words.len()).wrapping_sub(1)))
    else {
        return String::new();
    };
    if span.1 <= span.0 {
        return String::new();
    }
    // As the claim writes it ("U.S. troops"), not as the words were folded ("US troops").
    crate::analysis::text::slice(&slots.text, crate::analysis::text::Span { start: first.start, end: last.end }).to_string()
}

/// Two bound slots belong to one event: same event kind and a shared participant; where one side
/// names no participant, none is contradicted ("Russian strikes hit" / "strikes hit, Zelenskyy said").
/// Between claims of the same frame, a detail that no event word binds belongs to its fact.
fn same_event<T>(a: &Bound<T>, b: &Bound<T>, same_frame: bool) -> bool {
    let kinds = match (&a.event, &b.event) {
        (Some(x), Some(y)) => x == y,
        _ => same_frame,
    };
    let people = !a.participants.is_disjoint(&b.participants) || a.participants.is_empty() || b.participants.is_empty();
    kinds && people
}

/// Everything two claims' details say about each other, before any rule weighs it: the rules of
/// [`compare`] and the features of the learned decision (`features`) both read it.
#[derive(Clone, Debug, Default)]
pub struct Findings {
    pub number_agrees: bool,
    /// The conflicting counts' noun phrases share two or more terms ("NATO defence chiefs" and
    /// "allied military leaders"): they count the same group.
    pub number_same_group: bool,
    pub number_conflict: Option<(WordSpan, WordSpan, String)>,
    pub date_agrees: bool,
    /// The same day with a shared participant, whatever event words carry the dates.
    pub same_day_shared_participant: bool,
    pub date_conflict: Option<(WordSpan, WordSpan, String)>,
    /// Same event kind on different days, whoever took part.
    pub date_differs_any: bool,
    pub place_agrees: bool,
    /// The same specific place (a city or smaller) for the same kind of event, even where the
    /// claims name no common participant ("met in Washington" / "meeting in Washington").
    pub specific_place_shared: bool,
    pub place_conflict: Option<(WordSpan, WordSpan, String)>,
    pub negation_conflict: Option<(WordSpan, WordSpan, String)>,
    /// The negation conflict is about taking part (with / without, attended / absent).
    pub participation: bool,
    /// How many classes (participation included) one claim denies and the other asserts outright: two or more
    /// ("denied reports that the army detained his wife" / "the army detained his wife") tell the
    /// same fact, whatever else the claims' wording adds.
    pub negation_classes: usize,
    pub speaker_conflict: Option<(WordSpan, WordSpan, String)>,
    /// The claims name the same people and one calls a relative what the other cannot be
    /// ("his wife and son" / "his wife and daughter").
    pub relation_conflict: Option<(WordSpan, WordSpan, String)>,
    pub shared_quote: bool,
    pub shared_event_kind: bool,
}

fn compare_numbers<'a>(a: &'a Slots, b: &'a Slots, findings: &mut Findings) {
    let mut classes: Vec<&str> = a.quantities.iter().map(|q| q.noun_class.as_str()).collect();
    classes.sort_unstable();
    classes.dedup();
    for class in classes {
        let of = |s: &'a Slots| s.quantities.iter().filter(|q| q.noun_class == class).collect::<Vec<_>>();
        let (qa, qb) = (of(a), of(b));
        if qb.is_empty() {
            continue;
        }
        if let Some((x, y)) = qa.iter().flat_map(|x| qb.iter().map(move |y| (x, y))).find(|(x, y)| x.agrees_with(y)) {
            // The same count, denied by one report only ("he did not make $72 million" / "$72
            // million richer"): a negation of that count, not an agreement.
            let (denied_a, denied_b) = (denies_count(a, x), denies_count(b, y));
            // The other report must assert the count: one that calls it a rumour or improbable
            // ("rumored to have made $72 million") doubts it too.
            let asserting = if denied_a { b } else { a };
            let asserts = !asserting.cues.refute && !passes_on_rumour(asserting);
            if denied_a != denied_b && asserts {
                if findings.negation_conflict.is_none() {
                    let widen = |s: &Slots, q: &crate::analysis::numbers::Quantity| {
                        let first = s.cues.polar_word.filter(|&w| w < q.first_word).unwrap_or(q.first_word);
                        (first.max(q.first_word.saturating_sub(4)), q.end_with_noun())
                    };
                    let (span_a, span_b) = (widen(a, x), widen(b, y));
                    let reason = format!("negation: {} vs {}", words_text(a, span_a), words_text(b, span_b));
                    findings.negation_conflict = Some((span_a, span_b, reason));
                }
            } else {
                findings.number_agrees = true;
            }
            continue;
        }
        if findings.number_conflict.is_none() {
            if let Some((x, y)) =
                qa.iter().flat_map(|x| qb.iter().map(move |y| (x, y))).find(|(x, y)| x.conflicts_with(y))
            {
                // Counts below three are usually anaphoric ("the two countries"), not reported totals;
                // a tally's sides are totals whatever their size.
                let is_tally = class.starts_with("tally:");
                if is_tally || (x.value >= 3.0 && y.value >= 3.0) {
                    // An age ("Smith, 34,") has no counted noun: its noun word is the number itself.
                    let noun_is_number = (x.first_word..x.end_word).contains(&x.noun_word);
                    let noun = if is_tally || noun_is_number {
                        String::new()
                    } else if a.language != crate::analysis::language::Language::English {
                        // The noun as the claim writes it ("jefes"), never its English gloss.
                        words_text(a, (x.noun_word, x.noun_word + 1))
                    } else {
                        a.words.get(x.noun_word).map(|w| w.lower.clone()).unwrap_or_default().to_string()
                    };
                    let reason = format!(
                        "number: {} vs {} {}",
                        words_text(a, (x.first_word, x.end_word)),
                        words_text(b, (y.first_word, y.end_word)),
                        noun
                    )
                    .trim_end()
                    .to_string();
                    findings.number_same_group = x.phrase_terms.intersection(&y.phrase_terms).count() >= 2;
                    findings.number_conflict =
                        Some(((x.first_word, x.end_with_noun()), (y.first_word, y.end_with_noun()), reason));
                }
            }
        }
    }
}

/// The claim passes on what it reports as a rumour ("allegedly", "a rumored $72 million"),
/// vouching for nothing that a denial could contradict.
pub fn passes_on_rumour(s: &Slots) -> bool {
    let doubts = &crate::analysis::lexicon::lexicon().doubts;
    s.words.iter().any(|w| doubts.contains(w.lower.as_str()))
}

/// A negation covers the count's words ("did not make $72 million").
fn denies_count(s: &Slots, q: &crate::analysis::numbers::Quantity) -> bool {
    if !s.cues.negation {
        return false;
    }
    let covered = crate::analysis::features::covered_words(s, false);
    (q.first_word..q.end_word).any(|w| covered.get(w).copied().unwrap_or(false))
}

fn compare_dates(a: &Slots, b: &Slots, same_frame: bool, findings: &mut Findings) {
    for x in &a.dates {
        for y in &b.dates {
            let same_kind = matches!((&x.event, &y.event), (Some(p), Some(q)) if p == q);
            if x.value.same_as(&y.value) && !x.participants.is_disjoint(&y.participants) {
                findings.same_day_shared_participant = true;
            }
            if same_kind && x.value.conflicts_with(&y.value) {
                findings.date_differs_any = true;
            }
            if !same_event(x, y, same_frame) {
                continue;
            }
            if x.value.same_as(&y.value) {
                findings.date_agrees = true;
            } else if x.value.conflicts_with(&y.value) && findings.date_conflict.is_none() {
                let reason = format!(
                    "date: {} ({}) vs {} ({})",
                    words_text(a, (x.first_word, x.end_word)),
                    describe(x.value.range),
                    words_text(b, (y.first_word, y.end_word)),
                    describe(y.value.range)
                );
                findings.date_conflict = Some(((x.first_word, x.end_word), (y.first_word, y.end_word), reason));
            }
        }
    }
}

fn compare_places(a: &Slots, b: &Slots, same_frame: bool, findings: &mut Findings) {
    let lexicon = crate::analysis::lexicon::lexicon();
    let mut conflicts: Vec<(&Bound<Place>, &Bound<Place>)> = Vec::new();
    for x in &a.places {
        for y in &b.places {
            let same_kind = matches!((&x.event, &y.event), (Some(p), Some(q)) if p == q);
            let specific = |key: &str| lexicon.place_chain(key).as_slice().len() >= 4;
            if same_kind
                && lexicon.places_compatible(&x.value.key, &y.value.key)
                && specific(&x.value.key)
                && specific(&y.value.key)
            {
                findings.specific_place_shared = true;
            }
            if !same_event(x, y, same_frame) {
                continue;
            }
            let known = |key: &str| lexicon.places.contains_key(key);
            let (x_known, y_known) = (known(&x.value.key), known(&y.value.key));
            // A place the gazetteer does not know may lie inside a known region or country
            // ("in Wasilla" / "in Alaska"): neither agreement nor conflict. Inside a known city
            // it would be a district, which reports rarely set against the city.
            let undecided = (x_known && !y_known && !lexicon.is_city(&x.value.key))
                || (y_known && !x_known && !lexicon.is_city(&y.value.key));
            if undecided {
                continue;
            }
            if lexicon.places_compatible(&x.value.key, &y.value.key)
                || spellings_of_one_place(&x.value.key, &y.value.key)
            {
                findings.place_agrees = true;
            } else {
                conflicts.push((x, y));
            }
        }
    }
    // A place that agrees with any place of the other claim's event is not in conflict.
    if findings.place_agrees {
        return;
    }
    if let Some((x, y)) = conflicts.first() {
        let reason = format!(
            "place: {} vs {}",
            words_text(a, (x.first_word + 1, x.end_word)),
            words_text(b, (y.first_word + 1, y.end_word))
        );
        findings.place_conflict = Some(((x.first_word, x.end_word), (y.first_word, y.end_word), reason));
    }
}

fn compare_polarity(a: &Slots, b: &Slots, findings: &mut Findings) {
    // A conflict needs a class one claim denies; most claims deny none.
    if !(a.denies || b.denies) {
        return;
    }
    // A claim that calls what it reports false or doubtful ("reports ... have been denied", "the
    // improbable story") does not assert it: none of its predicates is asserted against a denial.
    let refutes = |s: &Slots| crate::analysis::features::cues(s).refute;
    let (a_refutes, b_refutes) = (refutes(a), refutes(b));
    // Per predicate class both claims have: does one deny it (its head predicate after "not",
    // "denied that", an antonym) while the other asserts it outright? A class inside any denial's
    // scope in both claims is a denial they share ("was not the wife of the leader" / "denied
    // that she is the wife of the leader"); a conflict needs more classes denied by one and
    // asserted by the other than shared denials. Participation ("with X" / "without X") is
    // compared on its own. The polarities are sorted by class: one merge finds the shared ones.
    let mut shared: Vec<(&ClassPolarity, &ClassPolarity)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.polarity.len() && j < b.polarity.len() {
        match a.polarity[i].class.cmp(&b.polarity[j].class) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared.push((&a.polarity[i], &b.polarity[j]));
                i += 1;
                j += 1;
            }
        }
    }
    let participation = |x: &ClassPolarity| x.class.starts_with("with:");
    let opposed = |(x, y): &(&ClassPolarity, &ClassPolarity)| (x.denied && y.asserted) || (y.denied && x.asserted);
    let both_deny = shared.iter().filter(|(x, y)| !participation(x) && x.covered && y.covered).count();
    let differ = shared.iter().filter(|pair| !participation(pair.0) && opposed(pair)).count();
    // "I haven't heard any reports" denies what the speaker heard, not what others did ("Locals
    // said they heard a blast"): a denial of one's own knowing or perceiving, in the first
    // person, conflicts only with a claim in the first person.
    let own = |denier: &Slots, other: &Slots, class: &str| first_person_denial(denier, class) && !first_person(other);
    let mut found = shared.iter().filter(|pair| participation(pair.0) || differ > both_deny).filter(|(x, y)| {
        (x.denied && y.asserted && !b_refutes && !own(a, b, &x.class))
            || (y.denied && x.asserted && !a_refutes && !own(b, a, &y.class))
    });
    let Some(first) = found.next() else { return };
    // The detail a reader is shown: the first class that tells an event ("detained", "met"), when
    // a denied clause also names who and what ("denied that the army detained his wife").
    let is_event = |class: &str| tells_event(a, class) || tells_event(b, class);
    let (x, _) =
        if is_event(&first.0.class) { first } else { found.find(|(x, _)| is_event(&x.class)).unwrap_or(first) };
    let class = x.class.as_str();
    // The occurrences that differ, for the reason.
    let (Some(p), Some(q)) = (
        a.predicates.iter().find(|p| p.class == class && p.negative == x.denied),
        b.predicates.iter().find(|p| p.class == class && p.negative != x.denied),
    ) else {
        return;
    };
    let context = |s: &Slots, first: usize, end: usize| (first.saturating_sub(3), (end).min(s.words.len()));
    let span_a = context(a, p.first_word, p.end_word);
    let span_b = context(b, q.first_word, q.end_word);
    let participation = class.starts_with("with:") || matches!(class, "attend" | "speak");
    let label = if participation { "participation" } else { "negation" };
    let reason = format!("{label}: {} vs {}", words_text(a, span_a), words_text(b, span_b));
    findings.negation_conflict = Some((span_a, span_b, reason));
    findings.participation = participation;
    // How many classes are opposed, participation included ("has signed with Porto" / "claims
    // that he has signed with Porto were dismissed": signing, and with Porto).
    findings.negation_classes = shared.iter().filter(|pair| opposed(pair)).count();
}

/// A first-person pronoun ("I", "we").
fn is_first_person(word: &crate::analysis::normalize::Word) -> bool {
    matches!(word.lower.as_str(), "i" | "we")
}

/// The claim speaks in the first person ("I", "we").
fn first_person(s: &Slots) -> bool {
    s.words.iter().any(is_first_person)
}

/// Every denial of the class in the claim is of the speaker's own knowing or perceiving ("I
/// haven't heard", "we did not know"): a first-person pronoun stands within the few words before
/// the denied predicate. What the speaker denies doing ("we did not fire") stays a denial.
fn first_person_denial(s: &Slots, class: &str) -> bool {
    let perceiving =
        matches!(class, "heard" | "hear" | "know" | "see" | "seen" | "think" | "believ" | "awar" | "notic" | "rememb");
    if !perceiving {
        return false;
    }
    let mut denials = s.predicates.iter().filter(|p| p.class == class && p.negative).peekable();
    denials.peek().is_some()
        && denials.all(|p| s.words[p.first_word.saturating_sub(4)..p.first_word].iter().any(is_first_person))
}

/// Some word of the claim in this predicate class tells an event: a known event word ("met"), or
/// a past form ("detained").
fn tells_event(s: &Slots, class: &str) -> bool {
    s.predicates.iter().filter(|p| p.class == class).any(|p| {
        s.words
            .get(p.first_word)
            .is_some_and(|w| w.lower.ends_with("ed") || crate::analysis::slots::event_kind(w).is_some())
    })
}

/// Two claims about the same people where one names a relative by one role of a pair and the
/// other only by the other role ("detained the wife and son of X" / "the wife and daughter of
/// X"). A claim that names both roles of the pair ("his sons and daughters") conflicts with
/// neither.
fn compare_relations(a: &Slots, b: &Slots, findings: &mut Findings) {
    // Most claims name no family role.
    if a.relatives.is_empty() || b.relatives.is_empty() || a.name_terms.is_disjoint(&b.name_terms) {
        return;
    }
    let (ra, rb) = (&a.relatives, &b.relatives);
    for &Relative { word: i, group, role } in ra {
        let only = |r: &[Relative], role: u8| r.iter().filter(|x| x.group == group).all(|x| x.role == role);
        if !only(ra, role) {
            continue;
        }
        if let Some(&Relative { word: j, .. }) = rb.iter().find(|x| x.group == group && x.role != role) {
            if only(rb, 1 - role) {
                let reason = format!("relation: {} vs {}", words_text(a, (i, i + 1)), words_text(b, (j, j + 1)));
                findings.relation_conflict = Some(((i, i + 1), (j, j + 1), reason));
                return;
            }
        }
    }
}

fn compare_speakers(a: &Slots, b: &Slots, findings: &mut Findings) {
    if a.speakers.is_empty() || b.speakers.is_empty() {
        return;
    }
    // A claim names a speaker or two: the keys are compared in place, not collected.
    let (ka, kb) = (|| a.speakers.iter().map(|x| x.key.as_str()), || b.speakers.iter().map(|x| x.key.as_str()));
    // A speaker the other claim also names (as speaker or not) is no conflict.
    if ka().any(|k| kb().any(|l| k == l)) || ka().any(|k| b.persons.contains(k)) || kb().any(|k| a.persons.contains(k))
    {
        return;
    }
    // A spelling variant is the same person ("Rogan" / "Rogen").
    if ka().any(|x| kb().any(|y| one_edit_apart(x, y))) {
        return;
    }
    let (x, y) = (&a.speakers[0], &b.speakers[0]);
    // The names as the claims write them (the keys are lowercase); this also keeps Unicode's
    // upper-casing tables out of the wasm.
    let reason = format!("speaker: {} vs {}", words_text(a, (x.word, x.word + 1)), words_text(b, (y.word, y.word + 1)));
    findings.speaker_conflict = Some(((x.word, x.word + 1), (y.word, y.word + 1), reason));
}

/// Reads every comparable detail of two claims against each other: agreements and conflicts of
/// counts, dates, places, polarity and speakers, shared quotations and event kinds. Nothing is
/// weighed here; [`compare`] applies the rules, and `features` turns the findings into numbers.
pub fn examine(a: &Slots, b: &Slots, similarity: &Similarity) -> Findings {
    let mut findings = Findings {
        shared_quote: shares_quote(a, b),
        // The event kinds (`@kind`) stand together in the ordered terms: from "@" to "A".
        shared_event_kind: a.terms.range("@", "A").any(|t| b.terms.contains(t)),
        ..Findings::default()
    };
    let same_frame = similarity.frame >= SAME_FRAME;
    compare_numbers(a, b, &mut findings);
    compare_dates(a, b, same_frame, &mut findings);
    compare_places(a, b, same_frame, &mut findings);
    // Polarity and speakers only matter for claims that share something; the rest are skipped
    // (most candidate pairs: this keeps the analysis fast).
    if similarity.score >= RELATED || findings.shared_quote {
        compare_polarity(a, b, &mut findings);
        compare_speakers(a, b, &mut findings);
        compare_relations(a, b, &mut findings);
    }
    findings
}

/// Whether two claims give the same quotation.
fn shares_quote(a: &Slots, b: &Slots) -> bool {
    if a.language == b.language {
        // One shared trigram ("the federal government") is a phrase, not a quotation, unless a
        // quotation is that short ("great, candid discussion").
        let shortest = a.quote_trigrams.len().min(b.quote_trigrams.len());
        // A short quotation the other claim quotes whole ("a 'great, candid discussion'") is
        // shared, whatever else either claim quotes.
        let whole = |x: &Slots, y: &Slots| x.short_quotes.iter().any(|q| q.is_subset(&y.quote_trigrams));
        a.quote_trigrams.intersection(&b.quote_trigrams).nth(if shortest <= 2 { 0 } else { 1 }).is_some()
            || whole(a, b)
            || whole(b, a)
    } else {
        // A translated quotation keeps its words, not their order: most of the shorter
        // quotation's terms (three at least) in the other's.
        let shortest = a.quote_terms.len().min(b.quote_terms.len());
        let n_shared = a.quote_terms.intersection(&b.quote_terms).count();
        n_shared >= 3 && n_shared * 2 >= shortest
    }
}

/// Whether [`examine`] is sure to find nothing and [`compare_examined`] to call the pair
/// unrelated: the claims are less alike than `RELATED`, share no quotation, and neither counts,
/// dates nor places stand in both. (Counts, dates and places are compared only in pairs;
/// polarity, speakers and relations only for claims alike or quoting alike.)
pub fn nothing_to_examine(a: &Slots, b: &Slots, similarity: &Similarity) -> bool {
    similarity.score < RELATED
        && (a.quantities.is_empty() || b.quantities.is_empty())
        && (a.dates.is_empty() || b.dates.is_empty())
        && (a.places.is_empty() || b.places.is_empty())
        && !shares_quote(a, b)
}

/// Two ways of writing one place: the same without accents, or one letter apart ("Rotterdam" in
/// a Spanish report is "Róterdam", "Marrakech" is "Marrakesh" elsewhere).
fn spellings_of_one_place(a: &str, b: &str) -> bool {
    let (a, b) = (crate::analysis::language::fold(a), crate::analysis::language::fold(b));
    a == b || one_edit_apart(&a, &b)
}

/// Two names of five letters or more that one substitution, insertion or deletion turns into
/// each other: spellings of one name, not two people.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().min(b.len()) < 5 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    prefix + suffix + 1 >= a.len().max(b.len())
}

/// Compares two claims already found similar by `align`, by the rules alone.
pub fn compare(a: &Slots, b: &Slots, similarity: &Similarity) -> Verdict {
    compare_examined(a, b, similarity, examine(a, b, similarity))
}

/// The rules' verdict on two claims whose details [`examine`] has read.
pub fn compare_examined(a: &Slots, b: &Slots, similarity: &Similarity, mut findings: Findings) -> Verdict {
    let score = similarity.score;
    let same_frame = similarity.frame >= SAME_FRAME;
    let persons_disjoint = !a.persons.is_empty() && !b.persons.is_empty() && a.persons.is_disjoint(&b.persons);
    // One kind of event, on different days, with different people: two facts, not one.
    if findings.date_differs_any && persons_disjoint && findings.date_conflict.is_none() {
        return Verdict::Unrelated;
    }
    let aligned = score >= SAME_FACT
        || findings.shared_quote
        || (score >= RELATED && findings.negation_classes >= OPPOSED_CLASSES_FOR_ONE_FACT);
    if !aligned || persons_disjoint {
        findings.negation_conflict = None;
    }
    if !(findings.shared_quote || score >= PARAPHRASE) {
        findings.speaker_conflict = None;
    }
    let same_event_established = |anchor: bool| anchor || same_frame || score >= PARAPHRASE;
    // Counts conflict within one fact: claims alike, or alike apart from their details (the same
    // frame), or about one kind of event.
    let conflict = if let Some(c) = findings.number_conflict.take().filter(|_| {
        !persons_disjoint
            && (score >= SAME_FACT
                || same_frame
                || (findings.shared_event_kind && (score >= RELATED || findings.number_same_group)))
    }) {
        Some((ConflictKind::Number, c))
    } else if let Some(c) =
        findings.date_conflict.take().filter(|_| same_event_established(findings.place_agrees || findings.shared_quote))
    {
        Some((ConflictKind::Date, c))
    } else if let Some(c) = findings
        .place_conflict
        .take()
        .filter(|_| same_event_established(findings.date_agrees || findings.same_day_shared_participant))
    {
        Some((ConflictKind::Place, c))
    } else if let Some(c) = findings.negation_conflict.take() {
        Some((if findings.participation { ConflictKind::Participation } else { ConflictKind::Negation }, c))
    } else if let Some(c) = findings.relation_conflict.take().filter(|_| score >= SAME_FACT && !persons_disjoint) {
        Some((ConflictKind::Relation, c))
    } else {
        findings.speaker_conflict.take().map(|c| (ConflictKind::Speaker, c))
    };
    if let Some((kind, (span_a, span_b, reason))) = conflict {
        return Verdict::Contradicts { kind, reason, span_a, span_b };
    }
    // A shared participant in the same kind of event is a fact's anchor even when the wording
    // differs ("Caine attended" / "Caine participating").
    let shared_participant = !a.persons.is_disjoint(&b.persons);
    let backed = score >= SAME_FACT
        || findings.shared_quote
        || (score >= RELATED
            && findings.shared_event_kind
            && (findings.number_agrees || shared_participant || findings.specific_place_shared));
    if backed {
        // The reason is written when a backing is shown (`support_reason`), not for every pair.
        return Verdict::Supports { reason: String::new() };
    }
    if score >= RELATED {
        Verdict::Related
    } else {
        Verdict::Unrelated
    }
}

/// The findings [`support_reason`] reads, in one byte: what a backing keeps of its pair's
/// findings until the analysis knows whether it is a link, and needs its reason.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Agreement(u8);

impl Agreement {
    const QUOTE: u8 = 1;
    const NUMBER: u8 = 2;
    const DATE: u8 = 4;
    const PLACE: u8 = 8;
    const SPECIFIC_PLACE: u8 = 16;

    pub fn of(findings: &Findings) -> Agreement {
        let flags = [
            (findings.shared_quote, Self::QUOTE),
            (findings.number_agrees, Self::NUMBER),
            (findings.date_agrees, Self::DATE),
            (findings.place_agrees, Self::PLACE),
            (findings.specific_place_shared, Self::SPECIFIC_PLACE),
        ];
        Agreement(flags.iter().filter(|(set, _)| *set).fold(0, |bits, (_, bit)| bits | bit))
    }

    /// The findings of the pair as far as [`support_reason`] reads them.
    pub fn findings(self) -> Findings {
        let has = |bit: u8| self.0 & bit != 0;
        Findings {
            shared_quote: has(Self::QUOTE),
            number_agrees: has(Self::NUMBER),
            date_agrees: has(Self::DATE),
            place_agrees: has(Self::PLACE),
            specific_place_shared: has(Self::SPECIFIC_PLACE),
            ..Findings::default()
        }
    }
}

/// [`support_reason`] of a backing whose findings were kept as an [`Agreement`] (and whose
/// shared terms were not named: they are read from the claims' terms).
pub fn support_reason_of(a: &Slots, b: &Slots, agreement: Agreement) -> String {
    let similarity = Similarity { score: 0.0, shared: Vec::new(), frame: 0.0 };
    support_reason(a, b, &similarity, &agreement.findings())
}

/// What two backing claims have in common, as a reader would say it: the details that agree
/// and the longest stretch of the first claim that the second also tells ("same count (32
/// chiefs) and date; both: held a video conference"), or, failing such a stretch, the names and
/// words they share.
pub fn support_reason(a: &Slots, b: &Slots, similarity: &Similarity, findings: &Findings) -> String {
    let mut same: Vec<String> = Vec::new();
    if findings.shared_quote {
        same.push("quotation".to_string());
    }
    if findings.number_agrees {
        if let Some(q) = a.quantities.iter().find(|q| b.quantities.iter().any(|r| q.agrees_with(r))) {
            same.push(format!("count ({})", words_text(a, (q.first_word, q.end_with_noun()))));
        }
    }
    if findings.date_agrees {
        same.push("date".to_string());
    }
    if findings.place_agrees || findings.specific_place_shared {
        same.push("place".to_string());
    }
    let mut parts: Vec<String> = Vec::new();
    // What both claims deny ("was not the wife" / "denied that she is his wife") is the fact
    // they agree on, before any detail.
    if let Some(denied) = denied_by_both(a, b) {
        parts.push(format!("both deny: {denied}"));
    }
    if !same.is_empty() {
        parts.push(format!("same {}", join_and(&same)));
    }
    // The other claim's index terms: its word terms, with classes, events and counts
    // (`~`, `@`, `#`) that no word term of `a` can equal.
    let other_terms = &b.terms;
    // Names and titles ("Admiral", "Gen.") say who, not what happened.
    let titles = &crate::analysis::lexicon::lexicon().titles;
    let in_name = |i: usize| {
        a.names.iter().any(|n| n.covers(i)) || a.words.get(i).is_some_and(|w| titles.contains(w.lower.as_str()))
    };
    match crate::analysis::normalize::shared_run(&a.words, &a.word_terms, other_terms, in_name) {
        Some((first, end)) => {
            // A long stretch is cut to its first words.
            const MAX_WORDS: usize = 12;
            let cut = end.min(first + MAX_WORDS);
            let ellipsis = if cut < end { "\u{2026}" } else { "" };
            parts.push(format!("both: {}{ellipsis}", words_text(a, (first, cut))));
        }
        None => {
            // The names both give, whole ("Alexus Grynkewich"), else the words they share, as
            // the first claim writes them ("future", not the stem "futur").
            let b_names: std::collections::BTreeSet<&str> = b.names.iter().map(|n| n.key.as_str()).collect();
            // Runs of adjacent name words are one name ("Alexus" "Grynkewich").
            let mut runs: Vec<(usize, usize)> = Vec::new();
            for name in a.names.iter().filter(|n| b_names.contains(n.key.as_str())) {
                let (first, end) = (name.word, name.word + name.n_words.max(1));
                match runs.last_mut() {
                    Some(last) if last.1 == first && !a.words[first].after_punctuation() => last.1 = end,
                    _ => runs.push((first, end)),
                }
            }
            let mut names: Vec<String> = Vec::new();
            for run in runs {
                let written = words_text(a, run);
                if !names.contains(&written) {
                    names.push(written);
                }
            }
            if !names.is_empty() {
                names.truncate(3);
                parts.push(format!("both name {}", join_and(&names)));
            } else {
                let lazily;
                let shared_terms = if similarity.shared.is_empty() {
                    lazily = a.terms.intersection(&b.terms).map(String::from).collect::<Vec<String>>();
                    &lazily
                } else {
                    &similarity.shared
                };
                let words: Vec<String> = shared_terms
                    .iter()
                    .filter(|t| !t.starts_with(['~', '@', '#']))
                    .take(3)
                    .filter_map(|term| {
                        a.word_terms
                            .iter()
                            .find(|candidate| &candidate.text == term)
                            .map(|candidate| words_text(a, (candidate.first_word, candidate.end_word)))
                            .filter(|surface| !surface.is_empty())
                    })
                    .collect();
                if !words.is_empty() {
                    parts.push(format!("both mention {}", join_and(&words)));
                }
            }
        }
    }
    if parts.is_empty() {
        return "the same fact".to_string();
    }
    parts.join("; ")
}

/// The first word the first claim denies whose class the second denies too, as written, from
/// the word that denies it when that is close ("not the wife", "didn't even have to audition").
/// A word that denies by its meaning ("hoax" denies "real") is left out: "both deny hoax" would
/// say the opposite of what they share.
fn denied_by_both(a: &Slots, b: &Slots) -> Option<String> {
    // Most claims deny nothing.
    if !(a.denies && b.denies) {
        return None;
    }
    let denied_in_b = |class: &str| b.polarity.iter().any(|p| p.denied && p.class == class);
    let p = a
        .predicates
        .iter()
        .filter(|p| p.negative && !p.by_meaning && !p.class.starts_with("with:"))
        .find(|p| a.polarity.iter().any(|q| q.denied && q.class == p.class) && denied_in_b(&p.class))?;
    const NEAR: usize = 4;
    let first = a
        .denial_words
        .iter()
        .copied()
        .filter(|&d| d < p.first_word && p.first_word - d <= NEAR)
        .max()
        .unwrap_or(p.first_word);
    // "did not make", not "not make".
    let auxiliary = first.checked_sub(1).filter(|&k| {
        k + 1 < p.first_word
            && !a.words[first].after_punctuation()
            && crate::analysis::slots::is_auxiliary(a.words[k].lower.as_str())
    });
    Some(words_text(a, (auxiliary.unwrap_or(first), p.end_word))).filter(|surface| !surface.is_empty())
}

/// "a", "a and b", "a, b and c".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
