//! The comparable details of one claim ("slots"): its index terms, the names it mentions
//! (people, organisations, places), its counts with their counted nouns, its dates and places
//! bound to the event they belong to, its predicates with their polarity, who is quoted as saying
//! it, and the quoted words themselves.
//!
//! Extraction is shallow on purpose (no parser, no tagger): an event word is found by a table,
//! a date or place belongs to the nearest event word, a name is a capitalised word the texts never
//! write in lowercase, and a name right after "in" or "at" is a place even when the gazetteer does
//! not know it. This module compares nothing; `stance` compares two claims' slots.

use crate::analysis::dates::{date_mentions, DateMention};
use crate::analysis::language::{self, Language};
use crate::analysis::lexicon::lexicon;
use crate::analysis::normalize::{alias_at, fold_text, stem_word, terms, Term, Word};
use crate::analysis::numbers::{quantities, Quantity};
use crate::analysis::short_text::{ShortText, TextSet};
use crate::date::Date;
use std::collections::{BTreeMap, BTreeSet};

/// What kind of thing a name names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameKind {
    Person,
    Organisation,
    Place,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Name {
    pub key: String,
    pub kind: NameKind,
    pub word: usize,
    /// How many words the name spans ("Sergey Lavrov" as one alias: two).
    pub n_words: usize,
}

impl Name {
    /// The name spans the word at `i` (a name of no words still spans its first).
    pub fn covers(&self, i: usize) -> bool {
        self.word <= i && i < self.word + self.n_words.max(1)
    }
}

/// An auxiliary or modal verb ("did", "has", "would"): it comes before the verb that tells what
/// was done ("did not make", "have discussed").
pub fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "did"
            | "does"
            | "do"
            | "is"
            | "was"
            | "are"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
    )
}

/// A date or place and the event it was read as belonging to.
#[derive(Clone, Debug, PartialEq)]
pub struct Bound<T> {
    pub value: T,
    /// The event kind from `events.tsv` ("meet", "say"), if an event word was found.
    pub event: Option<String>,
    /// People and organisations named in the same stretch of the claim.
    pub participants: TextSet,
    pub first_word: usize,
    pub end_word: usize,
}

/// A place as the location of something ("in Anchorage, Alaska" -> anchorage).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub key: String,
}

/// A content word's class and whether the claim asserts or denies it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Predicate {
    pub class: String,
    pub negative: bool,
    pub first_word: usize,
    pub end_word: usize,
    /// Read from a word that denies by its meaning ("rejected", "pulled out"), not from a cue.
    pub by_meaning: bool,
    /// Inside what a denial covers (from "not" or "denied that" to the end of the clause, or a
    /// sentence that ends "... have been denied"): not asserted, though not itself the predicate
    /// denied ("did not attend the meeting" denies "attend"; "meeting" is only in its scope).
    pub in_scope: bool,
}

/// How a claim stands towards one predicate class, over all its occurrences.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassPolarity {
    /// Inline (classes are short words): the merge of two claims' classes, for every pair a big
    /// story compares, reads no text elsewhere in memory.
    pub class: ShortText,
    /// Denied as a head predicate ("not", "denied that", an antonym), and never asserted outright:
    /// a claim that both asserts and denies a predicate ("Bale is back in line to play Jobs
    /// after DiCaprio backed out") does not deny it as a whole.
    pub denied: bool,
    /// Every occurrence asserted outright: neither denied nor inside a denial's scope.
    pub asserted: bool,
    /// Some occurrence denied or inside a denial's scope.
    pub covered: bool,
}

/// Who acts in a claim, read from the noun phrase it opens with: the head's class ("chiefs":
/// its stem), whether it is a person's name, whether it is written as a plural (a group), and
/// the class of the verb that follows, past auxiliaries ("have discussed": discuss).
#[derive(Clone, Debug, PartialEq)]
pub struct Agent {
    pub key: ShortText,
    pub named: bool,
    pub group: bool,
    pub verb: Option<ShortText>,
}

/// The polarity of each predicate class of a claim, sorted by class.
fn class_polarities(predicates: &[Predicate]) -> Vec<ClassPolarity> {
    let mut classes: Vec<&str> = predicates.iter().map(|p| p.class.as_str()).collect();
    classes.sort_unstable();
    classes.dedup();
    classes
        .into_iter()
        .map(|class| {
            let of_class = || predicates.iter().filter(move |p| p.class == class);
            let outright = of_class().any(|p| !p.negative && !p.in_scope);
            ClassPolarity {
                class: ShortText::new(class),
                denied: of_class().any(|p| p.negative) && !outright,
                asserted: of_class().all(|p| !p.negative && !p.in_scope),
                covered: of_class().any(|p| p.negative || p.in_scope),
            }
        })
        .collect()
}

/// A person the claim says said something.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    pub key: String,
    pub word: usize,
}

/// Everything `stance` compares, for one claim.
#[derive(Clone, Debug, Default)]
pub struct Slots {
    /// The language the claim is written in; a foreign claim's words are read as English ones
    /// (`language::gloss`), with the char offsets of the words as written.
    pub language: Language,
    /// The claim's text, which the words' char offsets index.
    pub text: String,
    pub words: Vec<Word>,
    /// Index terms plus synonym classes (`~class`) and event kinds (`@kind`).
    pub terms: TextSet,
    pub names: Vec<Name>,
    pub persons: TextSet,
    pub quantities: Vec<Quantity>,
    pub dates: Vec<Bound<DateMention>>,
    pub places: Vec<Bound<Place>>,
    pub predicates: Vec<Predicate>,
    /// The words that deny something: negation cues, negating phrases ("ruled out"), and words
    /// that deny by meaning ("rejected", "without"), each counted once.
    pub denial_words: Vec<usize>,
    pub speakers: Vec<Speaker>,
    /// Who the claim is about: the first person it names by a name the texts use as a surname,
    /// or by a known full name, who is not one of its speakers ("Bale will star", not "Sorkin
    /// said").
    pub subject: Option<String>,
    /// Who acts, when the claim opens with it (`find_agent`).
    pub agent: Option<Agent>,
    /// Word trigrams of quoted passages, folded.
    pub quote_trigrams: TextSet,
    /// The trigrams of each short quotation (three or four words: one or two trigrams), which
    /// another claim shares when it has them all ("a 'great, candid discussion'").
    pub short_quotes: Vec<TextSet>,
    /// The index terms of the words inside double quotes: a quotation translated into another
    /// language shares its terms, not its word trigrams.
    pub quote_terms: TextSet,
    /// The index terms outside every detail (the words of dates, the numbers of counts, the names
    /// of places): what the claim says happened, without when, where or how many. Two claims
    /// with the same frame tell one fact, so a detail that differs between them conflicts.
    pub frame: TextSet,
    /// The index terms with the words each was read from, in word order: to name shared terms as
    /// the text writes them, without stemming the claim again for every link.
    pub word_terms: Vec<Term>,
    /// The index terms read from names (people, organisations, places): who and where, as
    /// against what the claim says of them.
    pub name_terms: TextSet,
    /// Its refuting, hedging and negating words (`features::read_cues`).
    pub cues: crate::analysis::features::Cues,
    /// Each predicate class's polarity, sorted by class.
    pub polarity: Vec<ClassPolarity>,
    /// Some class of `polarity` is denied: most claims deny none, and a pair of them has no
    /// conflict of negation to look for (told without reading the list).
    pub denies: bool,
    /// The family roles it names ("the wife and son of"), in word order.
    pub relatives: Vec<Relative>,
}

/// A family role a claim names: at word `word`, one of the pair of roles `group` that exclude
/// each other (`role` 0 or 1): one person is a son or a daughter, a wife or a husband, never both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Relative {
    pub word: usize,
    pub group: u8,
    pub role: u8,
}

/// The family role a word names, as (group, role) of [`Relative`].
fn relation_of(lower: &str) -> Option<(u8, u8)> {
    Some(match lower {
        "son" | "sons" => (0, 0),
        "daughter" | "daughters" => (0, 1),
        "wife" | "wives" => (1, 0),
        "husband" | "husbands" => (1, 1),
        "mother" => (2, 0),
        "father" => (2, 1),
        "brother" | "brothers" => (3, 0),
        "sister" | "sisters" => (3, 1),
        "nephew" | "nephews" => (4, 0),
        "niece" | "nieces" => (4, 1),
        _ => return None,
    })
}

/// Words the analysed texts write in lowercase somewhere: a capitalised word in this set is a
/// sentence start or a headline word, not a name.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    lowercase: crate::analysis::lexicon::WordSet,
    /// Words seen capitalised somewhere other than at the start of a sentence.
    capitalised_inside: crate::analysis::lexicon::WordSet,
    /// Words seen ending a full name: the last of two or more capitalised words that the texts
    /// never write in lowercase ("Bale" of "Christian Bale"). Such a word alone names a person.
    surnames: crate::analysis::lexicon::WordSet,
}

/// The word starts a sentence, a line or a quotation.
fn starts_sentence(words: &[Word], i: usize) -> bool {
    i == 0 || words[i].gap.contains(['.', '!', '?', '\n', '"', ':', '-', '\u{2022}'])
}

impl Vocabulary {
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vocabulary {
        // Hashed sets: every word of every text goes in, and the names are looked up in them.
        let mut lowercase = crate::analysis::lexicon::WordSet::default();
        let mut capitalised_inside = crate::analysis::lexicon::WordSet::default();
        let mut full_names: BTreeSet<(String, String)> = BTreeSet::new();
        for text in texts {
            // A line in another language is read apart: German capitalises every noun, and no
            // foreign word says anything of English capitals. Text of one language is read whole.
            let lines: Vec<&str> = if text.contains('\n') { text.split('\n').collect() } else { vec![text] };
            for line in lines {
                let line_language = language::detect(line);
                let text_words = crate::analysis::normalize::words(line);
                for (i, word) in text_words.iter().enumerate() {
                    let folded;
                    let lower: &str = if line_language == Language::English {
                        &word.lower
                    } else {
                        folded = language::fold(word.lower.as_str());
                        &folded
                    };
                    // Most words are in the set already: copied only when new.
                    let insert = |set: &mut crate::analysis::lexicon::WordSet| {
                        if !set.contains(lower) {
                            set.insert(lower.to_string());
                        }
                    };
                    let capitalised = |w: &crate::analysis::normalize::Word| {
                        w.surface.chars().next().is_some_and(char::is_uppercase) && !w.is_acronym()
                    };
                    if line_language == Language::English
                        && i > 0
                        && capitalised(word)
                        && capitalised(&text_words[i - 1])
                        && !word.after_punctuation()
                    {
                        full_names.insert((text_words[i - 1].lower.to_string(), word.lower.to_string()));
                    }
                    if word.surface.chars().next().is_some_and(char::is_lowercase) {
                        if line_language == Language::English {
                            insert(&mut lowercase);
                        }
                    } else if !starts_sentence(&text_words, i) && line_language != Language::German {
                        insert(&mut capitalised_inside);
                    }
                }
            }
        }
        let lexicon = lexicon();
        let plain = |w: &str| {
            !lowercase.contains(w)
                && !lexicon.titles.contains(w)
                && !lexicon.is_stopword(w)
                && !lexicon.places.contains_key(w)
        };
        let surnames =
            full_names.into_iter().filter(|(first, last)| plain(first) && plain(last)).map(|(_, last)| last).collect();
        Vocabulary { lowercase, capitalised_inside, surnames }
    }

    /// The word ends a full name somewhere in the texts ("Bale" of "Christian Bale").
    pub fn is_surname(&self, lower: &str) -> bool {
        self.surnames.contains(lower)
    }

    /// A capitalised word at the start of a sentence is a name only if it is also written
    /// capitalised inside a sentence somewhere ("Trump ruled out", not "Twenty-eight chiefs").
    pub fn seen_capitalised_inside(&self, lower: &str) -> bool {
        self.capitalised_inside.contains(lower)
    }

    pub fn seen_lowercase(&self, lower: &str) -> bool {
        self.lowercase.contains(lower)
    }
}

/// The event kind a word names, if any.
///
/// Remembered per thread, by word, as `stem_word` remembers stems: reading a claim asks for the
/// event kind of each word several times (events near a date or a place, speech verbs), and the
/// answer needs a stem. Bounded as the stems are.
pub fn event_kind(word: &Word) -> Option<&'static str> {
    const MAX_REMEMBERED: usize = 200_000;
    thread_local! {
        static KINDS: std::cell::RefCell<crate::analysis::lexicon::WordMap<Option<&'static str>>> =
            std::cell::RefCell::new(Default::default());
    }
    if let Some(kind) = KINDS.with(|kinds| kinds.borrow().get(word.lower.as_str()).copied()) {
        return kind;
    }
    let lexicon = lexicon();
    let kind = lexicon
        .events
        .get(word.lower.as_str())
        .or_else(|| lexicon.events.get(&stem_word(word.lower.as_str())))
        .map(String::as_str);
    KINDS.with(|kinds| {
        let mut kinds = kinds.borrow_mut();
        if kinds.len() >= MAX_REMEMBERED {
            kinds.clear();
        }
        kinds.insert(word.lower.to_string(), kind);
    });
    kind
}

/// The synonym class of a word's stem, or the stem itself.
pub fn word_class(word: &Word) -> String {
    let stem = stem_word(word.lower.as_str());
    lexicon().synonym_class.get(&stem).cloned().unwrap_or(stem)
}

/// The gazetteer key of the place phrase starting at `i` and its length in words.
fn place_at(words: &[Word], i: usize) -> Option<(String, usize)> {
    let lexicon = lexicon();
    let max = lexicon.place_max_words.max(lexicon.alias_max_words).min(words.len().saturating_sub(i));
    let first = words.get(i)?;
    if !first.is_capitalised() {
        return None;
    }
    // No place or alias starts with this word: nothing to look up.
    if !lexicon.phrase_first_words.contains(first.surface.as_str())
        && !lexicon.phrase_first_words.contains(first.lower.as_str())
    {
        return None;
    }
    for n in (1..=max).rev() {
        let slice = &words[i..i + n];
        if slice.iter().skip(1).any(Word::after_punctuation) {
            continue;
        }
        let key = slice.iter().map(|w| w.lower.as_str()).collect::<Vec<_>>().join(" ");
        if lexicon.places.contains_key(&key) {
            return Some((key, n));
        }
    }
    if let Some((alias, n)) = alias_at(words, i) {
        if lexicon.places.contains_key(&alias.canonical) {
            return Some((alias.canonical.clone(), n));
        }
    }
    None
}

/// Finds the names of a claim: capitalised words that are not titles, stopwords, months or
/// weekdays and that the texts never write in lowercase; acronyms are organisations.
fn find_names(words: &[Word], vocabulary: &Vocabulary) -> Vec<Name> {
    let lexicon = lexicon();
    let letters: Vec<char> = words.iter().flat_map(|w| w.surface.chars()).filter(|c| c.is_alphabetic()).collect();
    let uppercase = letters.iter().filter(|c| c.is_uppercase()).count();
    // A line in capitals (a headline) has no readable case: it names nothing we can trust.
    if letters.len() > 12 && uppercase * 10 > letters.len() * 6 {
        return Vec::new();
    }
    let mut names = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        if let Some((key, n)) = place_at(words, i) {
            names.push(Name { key, kind: NameKind::Place, word: i, n_words: n });
            i += n;
            continue;
        }
        if !word.is_capitalised() {
            i += 1;
            continue;
        }
        let first_is_common =
            lexicon.titles.contains(word.lower.as_str()) || vocabulary.seen_lowercase(word.lower.as_str());
        if let Some((alias, n)) = alias_at(words, i).filter(|_| !first_is_common) {
            let kind = if lexicon.places.contains_key(&alias.canonical) {
                NameKind::Place
            } else if words[i].is_acronym() || alias.canonical.len() <= 4 {
                NameKind::Organisation
            } else {
                NameKind::Person
            };
            names.push(Name { key: alias.canonical.clone(), kind, word: i, n_words: n });
            i += n;
            continue;
        }
        let lower = word.lower.as_str();
        let is_common = lexicon.titles.contains(lower)
            || lexicon.is_stopword(lower)
            || lexicon.months.contains_key(lower)
            || crate::date::Weekday::ALL.iter().any(|d| d.name().eq_ignore_ascii_case(lower))
            || vocabulary.seen_lowercase(lower)
            || lexicon.number_words.contains_key(lower)
            || (starts_sentence(words, i)
                && !vocabulary.seen_capitalised_inside(lower)
                && words.get(i + 1).is_none_or(|next| event_kind(next) != Some("say")))
            || word.is_digits();
        if word.is_acronym() && !lexicon.titles.contains(lower) {
            names.push(Name { key: lower.to_string(), kind: NameKind::Organisation, word: i, n_words: 1 });
        } else if !is_common && lower.chars().count() > 1 && !lower.starts_with("i'") {
            // "Iraqi", "Lebanese": a people of a known place, never a person.
            let kind = if is_demonym(lower) { NameKind::Organisation } else { NameKind::Person };
            names.push(Name { key: lower.to_string(), kind, word: i, n_words: 1 });
        }
        i += 1;
    }
    unknown_places(words, names)
}

/// A word naming the people of a place the gazetteer knows: the place's name, less at most its
/// last two letters, and a demonym ending ("Iraq" -> "Iraqi", "Lebanon" -> "Lebanese",
/// "Nicaragua" -> "Nicaraguan").
fn is_demonym(lower: &str) -> bool {
    const ENDINGS: [&str; 6] = ["i", "ese", "an", "ian", "ish", "ean"];
    let Some(ending) = ENDINGS.iter().filter(|e| lower.ends_with(**e)).max_by_key(|e| e.len()) else {
        return false;
    };
    let stem = &lower[..lower.len() - ending.len()];
    stem.chars().count() >= 4
        && lexicon().places.keys().any(|place| {
            !place.contains(' ')
                && place.len() <= stem.len() + 2
                && place.starts_with(stem.get(..stem.len().min(place.len())).unwrap_or(stem))
                && place.len() + 2 >= stem.len()
        })
}

/// Word `i` says where what follows it is: "in", "at", "near", "outside", "off", or the "of" of
/// a place's part ("the coast of", "the outskirts of", "north of").
fn is_locative(words: &[Word], i: usize) -> bool {
    match words.get(i).map(|w| w.lower.as_str()) {
        Some("in" | "at" | "near" | "outside" | "off") => true,
        Some("of") => i.checked_sub(1).and_then(|k| words.get(k)).is_some_and(|w| {
            matches!(
                w.lower.as_str(),
                "coast"
                    | "island"
                    | "outskirts"
                    | "suburbs"
                    | "north"
                    | "south"
                    | "east"
                    | "west"
                    | "northwest"
                    | "northeast"
                    | "southwest"
                    | "southeast"
            )
        }),
        _ => false,
    }
}

/// Names the gazetteer does not know that are used as a place: a capitalised name right after
/// a locative word (`is_locative`: "met in Ostervik", "off the coast of Ostervik") is where
/// something happened, not who did it. A run of such names is one place ("in Palm Springs").
/// Acronyms (organisations), possessives ("at Trump's estate") and names the alias table gives to
/// someone are left as they are.
fn unknown_places(words: &[Word], names: Vec<Name>) -> Vec<Name> {
    let lexicon = lexicon();
    let is_somebody = |key: &str| lexicon.alias_canonicals.contains(key);
    let mut out: Vec<Name> = Vec::with_capacity(names.len());
    let mut index = 0;
    while index < names.len() {
        let name = &names[index];
        let after_preposition = name.word > 0 && is_locative(words, name.word - 1);
        let usable = |n: &Name| {
            let word = &words[n.word];
            n.kind == NameKind::Person && !word.is_acronym() && !word.surface.ends_with("'s") && !is_somebody(&n.key)
        };
        if !(after_preposition && usable(name)) {
            out.push(name.clone());
            index += 1;
            continue;
        }
        let mut parts = vec![name.key.clone()];
        let mut next = index + 1;
        while let Some(following) = names.get(next) {
            let adjacent = following.word == names[next - 1].word + 1 && !words[following.word].after_punctuation();
            if !(adjacent && usable(following)) {
                break;
            }
            parts.push(following.key.clone());
            next += 1;
        }
        out.push(Name { key: parts.join(" "), kind: NameKind::Place, word: name.word, n_words: next - index });
        index = next;
    }
    out
}

/// The nearest event word to `anchor`, left first on ties.
fn nearest_event(words: &[Word], anchor: usize, skip: (usize, usize)) -> Option<String> {
    // An event word in the detail's own clause comes before any across a comma or a stop ("will
    // open on Sundays from April, the council announced": April is when it opens).
    const OTHER_CLAUSE: usize = 12;
    let mut best: Option<(usize, String)> = None;
    for (i, word) in words.iter().enumerate() {
        if (skip.0..skip.1).contains(&i) {
            continue;
        }
        if let Some(kind) = event_kind(word) {
            let (from, to) = (anchor.min(i), anchor.max(i));
            let across = words[from + 1..=to].iter().any(|w| w.gap.contains([',', ';', ':', '.']));
            let distance = anchor.abs_diff(i) + if across { OTHER_CLAUSE } else { 0 };
            let better = match &best {
                None => true,
                Some((d, _)) => distance < *d,
            };
            if better {
                best = Some((distance, kind.to_string()));
            }
        }
    }
    best.map(|(_, kind)| kind)
}

/// The people and organisations in the stretch of the claim around `anchor` bounded by "and" or
/// a semicolon; the whole claim's when that stretch names nobody.
fn participants_around(words: &[Word], names: &[Name], anchor: usize) -> TextSet {
    let is_boundary = |w: &Word| w.lower == "and" || w.gap.contains(';') || w.gap.contains('\u{2014}');
    let mut start = anchor;
    while start > 0 && !is_boundary(&words[start]) {
        start -= 1;
    }
    let mut end = anchor + 1;
    while end < words.len() && !is_boundary(&words[end]) {
        end += 1;
    }
    let people = |range: std::ops::Range<usize>| -> TextSet {
        names.iter().filter(|n| n.kind != NameKind::Place && range.contains(&n.word)).map(|n| n.key.as_str()).collect()
    };
    let local = people(start..end);
    if local.is_empty() {
        people(0..words.len())
    } else {
        local
    }
}

/// Words that begin with "un" without it meaning "not" ("united", "under", "until").
const NOT_UN_PREFIXED: &[&str] = &[
    "under", "unit", "union", "uniq", "univers", "unif", "unilat", "unanim", "until", "unto", "unless", "unrest",
    "uncle",
];

/// The word an "un-" word denies ("uncontrollable" denies "controllable", "unclear" denies
/// "clear"), so that the prefix negates as "not" does; `None` for other words.
fn un_prefixed(lower: &str) -> Option<&str> {
    let rest = lower.strip_prefix("un")?;
    // Short remainders are often not the word denied ("unarmed" is not "not arm").
    let is_negation = (rest.chars().count() >= 6
        || matches!(rest, "clear" | "true" | "fair" | "safe" | "known" | "sure" | "likely"))
        && rest.chars().all(char::is_alphabetic)
        && !NOT_UN_PREFIXED.iter().any(|p| lower.starts_with(p));
    is_negation.then_some(rest)
}

/// Content words with their polarity: negated by a cue ("not", "never", "n't"), by a negating
/// phrase ("ruled out"), or by meaning (an antonym: "rejects" denies "accept").
///
/// Names are not predicates: "not al-Baghdadi's wife" denies "wife", not Baghdadi. What follows a
/// denied speech verb ("I am not saying it was not a meteorite") or "if"/"whether" up to the end
/// of the clause is neither asserted nor denied.
fn find_predicates(words: &[Word], names: &[Name]) -> (Vec<Predicate>, Vec<usize>) {
    let lexicon = lexicon();
    let in_name = |i: usize| names.iter().any(|n| n.covers(i));
    let mut negate_next = false;
    let mut budget = 0;
    // Up to the end of the clause, nothing is asserted.
    let mut unasserted = false;
    // Up to the end of the clause, everything is denied ("denied that she is his wife").
    // Inside the scope of a denial, up to the end of the clause.
    let mut scope = false;
    // Up to the end of the clause, every content word is denied: the clause a refuting verb
    // reports ("denied reports that the army detained his wife": detained, army, wife).
    let mut refuted = false;
    // Where a denied clause's denial starts (its "is"/"was").
    let mut denied_from: Option<usize> = None;
    let mut out = Vec::new();
    let mut denials: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        if word.after_punctuation() && word.gap.contains([',', '.', ';', ':', '"']) {
            negate_next = false;
            unasserted = false;
            scope = false;
            refuted = false;
        }
        if unasserted {
            i += 1;
            continue;
        }
        if matches!(word.lower.as_str(), "if" | "whether") {
            unasserted = true;
            i += 1;
            continue;
        }
        if let Some(phrase) = lexicon
            .negating_phrases
            .iter()
            .find(|p| p.iter().enumerate().all(|(k, w)| words.get(i + k).is_some_and(|x| &x.lower == w)))
        {
            negate_next = true;
            scope = true;
            budget = 4;
            denials.push(i);
            i += phrase.len();
            continue;
        }
        // "not all fighters were aware": what is denied is "all", not that fighters were aware.
        let denies_quantifier = || words.get(i + 1).is_some_and(is_quantifier);
        if lexicon.negation_cues.contains(word.lower.as_str())
            && !matches!(word.lower.as_str(), "no" | "neither" | "nor")
            && !denies_quantifier()
        {
            negate_next = true;
            scope = true;
            budget = 4;
            denials.push(i);
            i += 1;
            continue;
        }
        if word.negated {
            negate_next = true;
            scope = true;
            budget = 4;
            denials.push(i);
            i += 1;
            continue;
        }
        // "without having checked it": "without" before a verb denies the verb.
        if word.lower == "without"
            && words.get(i + 1).is_some_and(|next| next.lower.ends_with("ing") && !next.after_punctuation())
        {
            negate_next = true;
            scope = true;
            budget = 4;
            denials.push(i);
            i += 1;
            continue;
        }
        // "voted for" asserts what "voted against" denies (`data/polarity.tsv`: accepting).
        if matches!(word.lower.as_str(), "vote" | "voted" | "votes" | "voting")
            && words.get(i + 1).is_some_and(|next| next.lower == "for" && !next.after_punctuation())
        {
            out.push(Predicate {
                class: "accept".to_string(),
                negative: negate_next,
                first_word: i,
                end_word: i + 2,
                by_meaning: true,
                in_scope: scope && !negate_next,
            });
        }
        // Participation: "with X" asserts that X took part, "without X" denies it; the two only
        // ever conflict with each other ("visited with the delegation" / "without the delegation").
        if matches!(word.lower.as_str(), "with" | "without" | "alongside") {
            let partner = words[i + 1..]
                .iter()
                .enumerate()
                .take(4)
                .take_while(|(k, w)| *k == 0 || !w.after_punctuation())
                .find(|(_, w)| !lexicon.is_stopword(w.lower.as_str()) && !w.is_digits())
                .map(|(k, w)| (i + 1 + k, w));
            if let Some((at, partner)) = partner {
                if word.lower == "without" {
                    denials.push(i);
                }
                let negative = (word.lower == "without") != negate_next;
                out.push(Predicate {
                    class: format!("with:{}", word_class(partner)),
                    negative,
                    first_word: i,
                    end_word: at + 1,
                    by_meaning: word.lower == "without",
                    in_scope: scope,
                });
            }
        }
        // A word or phrase that denies predicates ("rejects": accept; "pulled out": play, attend).
        let may_deny = lexicon.antonym_first_words.contains(word.lower.as_str());
        let antonym = (1..=lexicon.antonym_max_words.min(words.len() - i)).rev().filter(|_| may_deny).find_map(|n| {
            if words[i + 1..i + n].iter().any(Word::after_punctuation) {
                return None;
            }
            let key = words[i..i + n].iter().map(|w| w.lower.as_str()).collect::<Vec<_>>().join(" ");
            lexicon.antonyms.get(&key).map(|denied| (denied.clone(), n))
        });
        let antonym = antonym.or_else(|| un_prefixed(word.lower.as_str()).map(|p| (p.to_string(), 1)));
        // "denied that X", "dismissed claims that X", "false reports that X": what follows is
        // denied, to the end of the clause. A refuting word before "that" must deny by its
        // meaning ("denied", not "rumors that"); before a report ("claims that") any refuting
        // word does ("deny any scenarios that" is a relative clause, not what is denied).
        let refutes =
            lexicon.cues.get(word.lower.as_str()).is_some_and(|bits| bits & crate::analysis::lexicon::CUE_REFUTE != 0)
                && crate::analysis::features::refutes_at(words, i);
        // The refuting phrase may be more than one word ("laughing off claims that").
        let after = i + antonym.as_ref().map_or(1, |(_, n)| *n);
        let refuted_from = match (words.get(after), words.get(after + 1)) {
            _ if !refutes => None,
            (Some(next), _) if next.lower == "that" && antonym.is_some() => Some(after + 1),
            // "denied it had laid off workers": the "that" left out before a pronoun.
            (Some(next), _) if antonym.is_some() && !next.after_punctuation() && opens_clause(next) => Some(after),
            // "dismissed claims that X", "contradicting government claims they would be freed":
            // a report, named with up to three words before it, and what it said.
            _ => (after..words.len().min(after + 4))
                .take_while(|&k| k == after || !words[k].after_punctuation())
                .find(|&k| is_report_noun(words[k].lower.as_str()))
                .filter(|&k| {
                    words
                        .get(k + 1)
                        .is_some_and(|next| !next.after_punctuation() && (next.lower == "that" || opens_clause(next)))
                })
                .map(|k| if words[k + 1].lower == "that" { k + 2 } else { k + 1 }),
        };
        if let Some(from) = refuted_from {
            // "denied that a woman held in Lebanon is his wife": what is denied is what follows
            // the verb "to be" when there is one ("his wife"), else every content word of the
            // clause ("denied that the army detained her": army, detained).
            denials.push(i);
            let clause_end = words[from.min(words.len())..]
                .iter()
                .position(|w| w.gap.contains(['.', ';', ':', '"']))
                .map_or(words.len(), |k| from + k);
            // A report of two things ("claims that X and that Y") has every word of both denied.
            let region = &words[from.min(clause_end)..clause_end];
            let two_things = region.windows(2).any(|w| w[0].lower == "and" && w[1].lower == "that");
            let copula = region
                .iter()
                .position(|w| matches!(w.lower.as_str(), "is" | "was" | "are" | "were"))
                .filter(|_| !two_things);
            match copula {
                Some(k) => denied_from = Some(from + k),
                None => {
                    refuted = true;
                    scope = true;
                }
            }
            i = from;
            continue;
        }
        if denied_from == Some(i) {
            negate_next = true;
            scope = true;
            budget = 4;
            denied_from = None;
        }
        if let Some((denied, n)) = antonym {
            denials.push(i);
            // "appears to reject", "may withdraw": neither asserted nor denied.
            let before = i.checked_sub(1).map(|k| words[k].lower.as_str()).filter(|_| !word.after_punctuation());
            let hedged = !negate_next
                && (before.is_some_and(|w| lexicon.irrealis.contains(w))
                    || governing_word(words, i).is_some_and(|(w, _)| lexicon.irrealis.contains(w)));
            if hedged {
                i += n;
                continue;
            }
            for predicate in denied.split(' ') {
                let stem = stem_word(predicate);
                let class = lexicon.synonym_class.get(&stem).cloned().unwrap_or(stem);
                out.push(Predicate {
                    class,
                    // "claims that they were released" refuted: held, not released.
                    negative: negate_next == refuted,
                    first_word: i,
                    end_word: i + n,
                    by_meaning: true,
                    // Denied twice is asserted: "refused to resign" says one stays in office,
                    // "did not reject" that one accepted.
                    in_scope: scope && !negate_next && !refuted,
                });
            }
            negate_next = false;
            i += n;
            continue;
        }
        if in_name(i) {
            i += 1;
            continue;
        }
        let is_content =
            !lexicon.is_stopword(word.lower.as_str()) && !word.is_digits() && word.lower.chars().count() > 2;
        let is_filler = word.lower.ends_with("ly") || matches!(word.lower.as_str(), "be" | "been" | "being" | "even");
        let previous = |back: usize| i.checked_sub(back).and_then(|k| words.get(k)).map(|w| w.lower.as_str());
        // "is rumored to have made", "allegedly shot": passed on, not vouched for.
        let doubted = (1..=3).any(|back| {
            previous(back).is_some_and(|w| lexicon.doubts.contains(w))
                && !words[i + 1 - back..=i].iter().any(Word::after_punctuation)
        });
        let governing = governing_word(words, i);
        // "claimed to have rescued the girls" passes a claim on; "claimed responsibility" does not.
        let claimed_to =
            governing.is_some_and(|(w, to)| to && matches!(w, "claim" | "claims" | "claimed" | "claiming"));
        let not_asserted = !negate_next
            && (doubted
                || previous(1).is_some_and(|w| lexicon.irrealis.contains(w))
                || governing.is_some_and(|(w, _)| lexicon.irrealis.contains(w))
                || claimed_to);
        // "his ex-wife", "the former director": what someone was, which says nothing of what
        // they are ("not the wife" and "his ex-wife" agree; "former director" and "originally
        // the director" too).
        let no_longer = matches!(previous(1), Some("ex" | "former"));
        if is_content && !is_filler && (not_asserted || no_longer) {
            // Neither asserted nor denied: it takes no part in polarity.
        } else if is_content && !is_filler {
            // A title before a name ("leader Abu Bakr al-Baghdadi") says who is meant: a refuted
            // report does not deny it.
            let title = refuted && !negate_next && names.iter().any(|n| n.word == i + 1);
            out.push(Predicate {
                class: word_class(word),
                negative: negate_next || (refuted && !title),
                first_word: i,
                end_word: i + 1,
                by_meaning: false,
                in_scope: scope,
            });
            // "not saying that ...": what is not said is not asserted either.
            unasserted = negate_next && event_kind(word) == Some("say");
            negate_next = false;
        } else if negate_next {
            budget -= 1;
            if budget <= 0 {
                negate_next = false;
            }
        }
        i += 1;
    }
    // "Reports that ... captured his wife have now been denied": a refuting word after a form of
    // "be" denies what the sentence said before it.
    for (i, word) in words.iter().enumerate().skip(1) {
        let refutes =
            lexicon.cues.get(word.lower.as_str()).is_some_and(|bits| bits & crate::analysis::lexicon::CUE_REFUTE != 0);
        let passive = matches!(words[i - 1].lower.as_str(), "been" | "was" | "were" | "is" | "are" | "being")
            || (i >= 2
                && words[i - 1].lower.ends_with("ly")
                && matches!(words[i - 2].lower.as_str(), "been" | "was" | "were" | "is" | "are" | "being"));
        if !(refutes && passive) {
            continue;
        }
        let sentence_start = words[..i].iter().rposition(|w| w.gap.contains(['.', ';', '"'])).unwrap_or(0);
        // What a report said, when the sentence names the report ("Reports that the army
        // detained his wife have been denied", "claims saying ... were dismissed"), is denied
        // word by word; whatever else the sentence says ("The offer was rejected") is only not
        // asserted.
        let reported = (sentence_start..i).find(|&r| {
            is_report_noun(words[r].lower.as_str())
                && words.get(r + 1).is_some_and(|w| {
                    !w.after_punctuation() && matches!(w.lower.as_str(), "that" | "claiming" | "saying" | "suggesting")
                })
        });
        // "85 staff were dismissed" is a dismissal, not a refutation; "claims that ... were
        // dismissed" is one.
        let names_a_report = (sentence_start..i).any(|r| is_report_noun(words[r].lower.as_str()));
        if !names_a_report && !crate::analysis::features::refutes_at(words, i) {
            continue;
        }
        for predicate in out.iter_mut().filter(|p| p.first_word >= sentence_start && p.first_word < i) {
            predicate.in_scope = true;
            // "the wife of ISIS leader Abu Bakr al-Baghdadi": a title before a name says who is
            // meant, not what was reported.
            let title = names.iter().any(|n| n.word == predicate.end_word);
            if reported.is_some_and(|r| predicate.first_word > r + 1) && !predicate.by_meaning && !title {
                predicate.negative = true;
            }
        }
        denials.push(i);
    }
    denials.sort_unstable();
    denials.dedup();
    (out, denials)
}

/// A noun for what someone claimed, which a clause can follow ("reports that", "claims saying").
pub fn is_report_noun(word: &str) -> bool {
    matches!(
        word,
        "claim"
            | "claims"
            | "report"
            | "reports"
            | "allegation"
            | "allegations"
            | "suggestion"
            | "suggestions"
            | "rumor"
            | "rumors"
            | "rumour"
            | "rumours"
            | "speculation"
            | "story"
            | "stories"
    )
}

/// Who acts in a claim that opens with it: the head of the noun phrase before the first verb
/// ("NATO's 32 chiefs of defence held": chiefs; "European allies are exploring": allies), with
/// whether it is a name. None when the claim opens otherwise ("On Wednesday, ...") or no verb is
/// seen within a few words: a verb here is an auxiliary, a past form ("-ed", an irregular one).
fn find_agent(text: &str, words: &[Word], names: &[Name]) -> Option<Agent> {
    let lexicon = lexicon();
    // A quotation's own subject is the speaker's words, not who the claim says acted.
    if text.trim_start().starts_with(['"', '\u{201c}', '\'', '\u{2018}']) {
        return None;
    }
    let mut head: Option<Agent> = None;
    let mut frozen = false;
    for (k, w) in words.iter().enumerate().take(8) {
        let lower = w.lower.as_str();
        if k > 0 && w.after_punctuation() {
            return None;
        }
        let verb = is_auxiliary(lower)
            || matches!(lower, "may" | "might" | "says" | "said" | "told" | "claims" | "reports" | "thinks")
            || (lower.chars().count() > 4 && lower.ends_with("ed"))
            || lexicon.irregular.contains_key(lower);
        // "A committee formed by the government determined": a participle describes the head.
        let participle = lower.ends_with("ed") && words.get(k + 1).is_some_and(|w| w.lower == "by");
        if verb && participle && k > 0 {
            frozen = true;
            continue;
        }
        if verb {
            // "Officials said that ...", "a committee determined that ...", "officials have
            // speculated": who reports is not who acts in what is reported.
            let reporting = |w: &Word| {
                matches!(
                    w.lower.as_str(),
                    "said"
                        | "says"
                        | "told"
                        | "claimed"
                        | "claims"
                        | "reported"
                        | "reports"
                        | "stated"
                        | "announced"
                        | "confirmed"
                        | "determined"
                        | "speculated"
                        | "believed"
                        | "believes"
                        | "thinks"
                        | "added"
                        | "noted"
                        | "insisted"
                        | "denied"
                        | "wrote"
                        | "suggested"
                        | "estimated"
                        | "concluded"
                        | "profiled"
                        | "revealed"
                        | "found"
                        | "showed"
                        | "learned"
                )
            };
            let next_verb = words[k..].iter().find(|w| {
                !matches!(w.lower.as_str(), "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "would")
                    && !w.lower.ends_with("ly")
            });
            if k == 0 || next_verb.is_some_and(reporting) {
                return None;
            }
            return head.map(|agent| Agent { verb: next_verb.map(|w| word_class(w).into()), ..agent });
        }
        if matches!(lower, "of" | "in" | "from" | "at" | "for" | "with" | "on" | "to" | "by" | "about") {
            if k == 0 {
                return None;
            }
            frozen = true;
            continue;
        }
        // "No-one was hurt", "Last week seized": a pronoun or a time is no one who acts.
        if matches!(
            lower,
            "one"
                | "no-one"
                | "i"
                | "we"
                | "he"
                | "she"
                | "it"
                | "they"
                | "this"
                | "that"
                | "week"
                | "weeks"
                | "month"
                | "months"
                | "year"
                | "years"
                | "day"
                | "days"
                | "night"
                | "morning"
                | "evening"
                | "weekend"
                | "today"
                | "yesterday"
                | "tonight"
        ) {
            return None;
        }
        if !frozen && !lexicon.is_stopword(lower) && !w.is_digits() {
            let named = names.iter().any(|n| n.covers(k));
            let group = lower.ends_with('s');
            head = Some(Agent { key: word_class(w).into(), named: named && !group, group, verb: None });
        }
    }
    None
}

/// The word that governs the one at `i`, past "to" and the auxiliaries of a perfect or passive
/// ("could be released", "claimed to have rescued"), within the clause; and whether a "to" was
/// passed. None when the word at `i` follows nothing it could be governed by.
fn governing_word(words: &[Word], i: usize) -> Option<(&str, bool)> {
    let (mut k, mut through_to) = (i, false);
    while k > 0 && i - k < 4 && !words[k].after_punctuation() {
        let w = words[k - 1].lower.as_str();
        if !matches!(w, "to" | "be" | "been" | "being" | "have" | "has" | "had") {
            break;
        }
        through_to |= w == "to";
        k -= 1;
    }
    (k < i && k > 0 && !words[k].after_punctuation()).then(|| (words[k - 1].lower.as_str(), through_to))
}

/// A pronoun that opens a clause whose "that" was left out ("denied it had", "claims they would").
fn opens_clause(word: &Word) -> bool {
    matches!(word.lower.as_str(), "it" | "he" | "she" | "they" | "we" | "i")
}

/// A word that a negation before it denies by itself: "not all fighters were aware" denies "all",
/// not that fighters were aware.
pub fn is_quantifier(word: &Word) -> bool {
    matches!(word.lower.as_str(), "all" | "every" | "everyone" | "everybody" | "always" | "entirely")
}

/// Words after which a name is not the one acting: prepositions, conjunctions, articles.
const NOT_AFTER_SUBJECT: [&str; 20] = [
    "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as", "the", "a", "an", "about", "than",
    "like", "into", "over",
];

/// Who a claim is about: a person named by a surname the texts use ("Bale" of "Christian Bale"),
/// written as the one acting: not after a preposition or possessive, not possessive itself, and
/// followed by its verb ("Bale will star", "Caine convened", not "talks with Bale" or
/// "Bale's role"); never one of its speakers ("Sorkin said" tells what Sorkin said).
fn find_subject(words: &[Word], names: &[Name], speakers: &[Speaker], vocabulary: &Vocabulary) -> Option<String> {
    let lexicon = lexicon();
    let is_person = |n: &Name| n.kind == NameKind::Person;
    let mut k = 0;
    while k < names.len() {
        if !is_person(&names[k]) {
            k += 1;
            continue;
        }
        // The run of person names from here ("Christian Bale"): its last word is the surname.
        let mut end = k;
        while let Some(next) = names.get(end + 1) {
            let adjacent = next.word == names[end].word + names[end].n_words.max(1);
            if !(is_person(next) && adjacent && !words[next.word].after_punctuation()) {
                break;
            }
            end += 1;
        }
        let (first, last) = (&names[k], &names[end]);
        k = end + 1;
        let after = last.word + last.n_words.max(1);
        let surface = &words[after - 1].surface;
        if !vocabulary.is_surname(&last.key) || surface.ends_with("'s") || surface.ends_with("\u{2019}s") {
            continue;
        }
        // Titles and acronyms before the name belong to it ("U.S. Gen. Alexus Grynkewich").
        let mut before = first.word;
        while before > 0
            && !words[before].after_punctuation()
            && (lexicon.titles.contains(words[before - 1].lower.as_str()) || words[before - 1].is_acronym())
        {
            before -= 1;
        }
        let object = before > 0 && !words[before].after_punctuation() && {
            let previous = &words[before - 1];
            NOT_AFTER_SUBJECT.contains(&previous.lower.as_str())
                || previous.surface.ends_with("'s")
                || previous.surface.ends_with("\u{2019}s")
        };
        let acts = words.get(after).is_some_and(|w| {
            !w.after_punctuation()
                && w.surface.chars().next().is_some_and(char::is_lowercase)
                && !NOT_AFTER_SUBJECT.contains(&w.lower.as_str())
        });
        if !object && acts && !speakers.iter().any(|s| s.key == last.key) {
            return Some(last.key.clone());
        }
    }
    None
}

/// Who is said to have said something: the person nearest before a speech verb (within a few
/// words, not across a quotation), or right after it ("said Lavrov", "according to Lavrov").
fn find_speakers(words: &[Word], names: &[Name]) -> Vec<Speaker> {
    // The first person name at each word, looked up by word: a scan of `names` per look-up made
    // a long sentence full of "said" and names quadratic (a 400,000-character sentence took 4 s).
    let mut person_by_word: BTreeMap<usize, &Name> = BTreeMap::new();
    for name in names.iter().filter(|n| n.kind == NameKind::Person) {
        person_by_word.entry(name.word).or_insert(name);
    }
    let person_at = |i: usize| person_by_word.get(&i).copied();
    let mut out = Vec::new();
    for (k, word) in words.iter().enumerate() {
        let is_speech = event_kind(word) == Some("say")
            || (word.lower == "according" && words.get(k + 1).is_some_and(|w| w.lower == "to"));
        // A post or a report is a channel, not a person's words: "in a Telegram post".
        let stem = stem_word(word.lower.as_str());
        if !is_speech || stem == "post" || stem == "report" {
            continue;
        }
        // "Rogen is said to be in talks", "it was said that Rogen ...": a passive names nobody
        // who spoke; the person is who the report is about.
        if k > 0 && matches!(words[k - 1].lower.as_str(), "is" | "was" | "are" | "were" | "be" | "been" | "being") {
            continue;
        }
        let mut found = None;
        for back in 1..=10 {
            let Some(i) = k.checked_sub(back) else { break };
            if words[i + 1].gap.contains('"') {
                break;
            }
            if let Some(name) = person_at(i) {
                found = Some(Speaker { key: name.key.clone(), word: i });
                break;
            }
            if event_kind(&words[i]) == Some("say") {
                break;
            }
        }
        // "told Bloomberg": after a verb of telling comes who was told, not who spoke.
        let tells = matches!(stem.as_str(), "tell" | "told" | "inform" | "ask");
        if found.is_none() && !tells {
            // "said the Kremlin spokesman, Dmitry Peskov": after a title, the name may follow a comma.
            let mut after_title = false;
            for ahead in 1..=6 {
                let i = k + ahead;
                let Some(next) = words.get(i) else { break };
                let appositive = after_title && person_at(i).is_some();
                if next.gap.contains('"') || (ahead > 1 && next.gap.contains(',') && !appositive) {
                    break;
                }
                after_title = lexicon().titles.contains(next.lower.as_str());
                if let Some(name) = person_at(i) {
                    // The last word of a name run is its surname: "Sergey Lavrov" -> lavrov.
                    let mut last = i;
                    while person_at(last + 1).is_some() && !words[last + 1].after_punctuation() {
                        last += 1;
                    }
                    let key = person_at(last).map_or(name.key.clone(), |n| n.key.clone());
                    found = Some(Speaker { key, word: last });
                    break;
                }
            }
        }
        out.extend(found);
    }
    out
}

/// Word trigrams of every passage between straight double quotes.
/// The word trigrams of every quotation, all together and those of each short quotation.
fn quote_trigrams(text: &str) -> (TextSet, Vec<TextSet>) {
    let straight: String = text.chars().map(crate::analysis::normalize::straighten).collect();
    let mut out: Vec<ShortText> = Vec::new();
    let mut short = Vec::new();
    for (index, passage) in straight.split('"').enumerate() {
        if index % 2 == 0 {
            continue;
        }
        let folded = fold_text(passage);
        let tokens: Vec<&str> = folded.split(' ').filter(|t| !t.is_empty()).collect();
        let trigrams: TextSet = tokens.windows(3).map(|window| window.join(" ")).collect();
        if (1..=2).contains(&trigrams.len()) {
            short.push(trigrams.clone());
        }
        out.extend(trigrams.iter().cloned());
    }
    (out.into_iter().collect(), short)
}

/// The index terms of the words between straight double quotes (quotes straightened).
fn quote_terms(text: &str, words: &[Word], word_terms: &[Term]) -> TextSet {
    let mut inside: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<usize> = None;
    for (offset, c) in text.chars().enumerate() {
        if crate::analysis::normalize::straighten(c) == '"' {
            match open.take() {
                Some(start) => inside.push((start, offset)),
                None => open = Some(offset),
            }
        }
    }
    let quoted = |w: &Word| inside.iter().any(|&(start, end)| w.start > start && w.end <= end);
    word_terms.iter().filter(|t| words.get(t.first_word).is_some_and(quoted)).map(|t| t.text.clone()).collect()
}

/// Reads every slot of one claim's text.
pub fn read(text: &str, published: Option<Date>, vocabulary: &Vocabulary) -> Slots {
    read_in(text, published, vocabulary, Language::English)
}

/// [`read`] for a claim of a source written in `context` (its language as a whole).
pub fn read_in(text: &str, published: Option<Date>, vocabulary: &Vocabulary, context: Language) -> Slots {
    read_words_in(text, crate::analysis::normalize::words(text), published, vocabulary, context)
}

/// [`read_in`] given the words of `text` (`normalize::words(text)`), which the claim splitter
/// has read already.
pub fn read_words_in(
    text: &str,
    text_words: Vec<Word>,
    published: Option<Date>,
    vocabulary: &Vocabulary,
    context: Language,
) -> Slots {
    let lexicon = lexicon();
    let claim_language = language::detect_in(text, context);
    // A German noun is capitalised; it is a name only if it is written so in another language
    // too, or the gazetteer or the alias table knows it.
    let is_name = |folded: &str| {
        vocabulary.seen_capitalised_inside(folded)
            || lexicon.places.contains_key(folded)
            || lexicon.aliases_folded.contains_key(folded)
    };
    let words = language::gloss(text_words, claim_language, is_name);
    let names = find_names(&words, vocabulary);
    let word_terms = terms(&words);
    // Collected in a list, then sorted once into the set.
    let mut all_terms: Vec<ShortText> = word_terms.iter().map(|t| t.text.clone()).collect();
    for word in &words {
        if let Some(class) = lexicon.synonym_class.get(&stem_word(word.lower.as_str())) {
            all_terms.push(format!("~{class}").into());
        }
        if let Some(kind) = event_kind(word) {
            if kind != "say" {
                all_terms.push(format!("@{kind}").into());
            }
        }
    }
    let persons: TextSet = names.iter().filter(|n| n.kind == NameKind::Person).map(|n| n.key.clone()).collect();
    let mentions = date_mentions(&words, published);
    let date_spans: Vec<(usize, usize)> = mentions.iter().map(|m| (m.first_word, m.end_word)).collect();
    let counts = quantities(&words, &date_spans);
    for quantity in &counts {
        // The value's bits, not its decimal form: the term is an index key nobody reads, and
        // printing a float would put the float formatter (about 20 KB of gzip) into the wasm.
        all_terms.push(format!("#{:x}:{}", quantity.value.to_bits(), quantity.noun_class).into());
        // Counting the same kind of thing is itself shared ground, whatever the count.
        all_terms.push(format!("#:{}", quantity.noun_class).into());
    }
    let dates: Vec<Bound<DateMention>> = mentions
        .into_iter()
        .map(|mention| Bound {
            event: nearest_event(&words, mention.anchor_word, (mention.first_word, mention.end_word)),
            participants: participants_around(&words, &names, mention.anchor_word),
            first_word: mention.first_word,
            end_word: mention.end_word,
            value: mention,
        })
        .collect();
    let mut places = Vec::new();
    // The words of "Alaska" in "in Anchorage, Alaska": part of the place, not of the frame.
    let mut containers: Vec<(usize, usize)> = Vec::new();
    for (index, name) in names.iter().enumerate() {
        if name.kind != NameKind::Place || name.word == 0 {
            continue;
        }
        let mut before = name.word - 1;
        if words[before].lower == "the" && before > 0 {
            before -= 1;
        }
        if !is_locative(&words, before) {
            continue;
        }
        // "in Anchorage, Alaska": the container after the comma adds nothing.
        if index > 0 && names[index - 1].kind == NameKind::Place && names[index - 1].word + 1 == name.word {
            continue;
        }
        if let Some(container) = names.get(index + 1).filter(|next| {
            next.kind == NameKind::Place
                && next.word > name.word
                && next.word <= name.word + 4
                && words[next.word].gap.contains(',')
        }) {
            containers.push((container.word, container.word + 1));
        }
        // A place the gazetteer does not know spans one word per word of its key ("Palm Springs").
        let n_words = if lexicon.places.contains_key(&name.key) { 1 } else { name.key.split(' ').count() };
        places.push(Bound {
            value: Place { key: name.key.clone() },
            event: nearest_event(&words, name.word, (name.word, name.word + n_words)),
            participants: participants_around(&words, &names, name.word),
            first_word: before,
            end_word: (name.word + n_words).min(words.len()),
        });
    }
    let (predicates, denial_words) = find_predicates(&words, &names);
    let speakers = find_speakers(&words, &names);
    let subject = find_subject(&words, &names, &speakers, vocabulary);
    let agent = find_agent(text, &words, &names);
    let mut details: Vec<(usize, usize)> = dates.iter().map(|d| (d.first_word, d.end_word)).collect();
    details.extend(counts.iter().map(|q| (q.first_word, q.end_word)));
    details.extend(places.iter().map(|p| (p.first_word + 1, p.end_word)));
    details.extend(containers);
    let in_name = |t: &Term| names.iter().any(|n| t.first_word < n.word + n.n_words.max(1) && n.word < t.end_word);
    let name_terms = word_terms.iter().filter(|t| in_name(t)).map(|t| t.text.clone()).collect();
    let frame = word_terms
        .iter()
        .filter(|t| !details.iter().any(|&(first, end)| t.first_word < end && first < t.end_word))
        .map(|t| t.text.clone())
        .collect();
    let quoted_terms = quote_terms(text, &words, &word_terms);
    let (quote_trigrams, short_quotes) = quote_trigrams(text);
    let relatives = words
        .iter()
        .enumerate()
        .filter_map(|(word, w)| relation_of(w.lower.as_str()).map(|(group, role)| Relative { word, group, role }))
        .collect();
    let mut slots = Slots {
        language: claim_language,
        text: text.to_string(),
        frame,
        name_terms,
        word_terms,
        terms: all_terms.into_iter().collect(),
        persons,
        quantities: counts,
        dates,
        places,
        predicates,
        denial_words,
        speakers,
        subject,
        agent,
        quote_trigrams,
        short_quotes,
        quote_terms: quoted_terms,
        names,
        words,
        cues: Default::default(),
        polarity: Vec::new(),
        denies: false,
        relatives,
    };
    slots.polarity = class_polarities(&slots.predicates);
    slots.denies = slots.polarity.iter().any(|p| p.denied);
    slots.cues = crate::analysis::features::read_cues(&slots);
    slots.shrink_to_fit();
    slots
}

impl Slots {
    /// Gives back the room the lists grew into while they were read: a story's slots are kept
    /// until its last pair is compared, and most of the analysis's memory is theirs.
    fn shrink_to_fit(&mut self) {
        self.words.shrink_to_fit();
        self.names.shrink_to_fit();
        self.quantities.shrink_to_fit();
        self.dates.shrink_to_fit();
        self.places.shrink_to_fit();
        self.predicates.shrink_to_fit();
        self.denial_words.shrink_to_fit();
        self.speakers.shrink_to_fit();
        self.short_quotes.shrink_to_fit();
        self.word_terms.shrink_to_fit();
        self.polarity.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slots(text: &str) -> Slots {
        read(text, Date::parse_iso("2025-08-20"), &Vocabulary::from_texts([text]))
    }

    /// The predicates of `input` that are negated, as classes.
    fn check_negated(input: &str, expected: &[&str]) {
        let got: Vec<String> = slots(input).predicates.into_iter().filter(|p| p.negative).map(|p| p.class).collect();
        assert_eq!(got, expected, "negated in {input:?}");
    }

    #[test]
    fn negation_and_antonyms() {
        check_negated("Dan Caine did not attend the meeting.", &["attend"]);
        check_negated("Dan Caine didn't attend the meeting.", &["attend"]);
        check_negated("Trump ruled out sending U.S. troops to Ukraine", &["send"]);
        check_negated("Trump ruled out putting U.S. troops on the ground", &["send"]);
        check_negated("they would not accept NATO troops in Ukraine", &["accept"]);
        check_negated("Russia rejects NATO troops in Ukraine", &["accept"]);
        check_negated("Trump said he would send U.S. ground troops", &[]);
        check_negated("It will not immediately respond", &["respond"]);
        check_negated("Neither meeting delivered concrete progress", &[]);
        check_negated("It could lead to an uncontrollable escalation", &["control"]);
        check_negated("The mayor closed the library", &["open"]);
        check_negated("The United Nations met until Friday", &[]);
        let asserted = |input: &str, class: &str| slots(input).predicates.iter().any(|p| p.class == class);
        assert!(!asserted("Lavrov chided efforts to work on security arrangements", "work"));
        assert!(!asserted("a force that could deploy troops", "send"));
        assert!(asserted("Trump said he would send troops", "send"));
    }

    #[test]
    fn what_a_denial_covers() {
        // (class, denied as the head, inside a denial's scope)
        let predicates = |input: &str| -> Vec<(String, bool, bool)> {
            slots(input).predicates.into_iter().map(|p| (p.class, p.negative, p.in_scope)).collect()
        };
        let has = |input: &str, class: &str, negative: bool, in_scope: bool| {
            assert!(
                predicates(input).contains(&(class.to_string(), negative, in_scope)),
                "{class} {negative} {in_scope} in {input:?}: {:?}",
                predicates(input)
            );
        };
        // "denied that X is Y" denies Y, not X.
        has("An official denied that the woman held in Lebanon is his wife", "wife", true, true);
        has("An official denied that the woman held in Lebanon is his wife", "woman", false, false);
        // Without a "to be", every content word of the clause is denied; the one denying is not.
        has("The army denied that soldiers fired on the crowd", "troop", true, true);
        has("The army denied that soldiers fired on the crowd", "fire", true, true);
        has("The army denied that soldiers fired on the crowd", "armi", false, false);
        // What a refuted report says is denied ("denied reports that", "dismissed claims that",
        // "false reports that"); the report itself is not what is denied.
        for input in [
            "Iraq has denied reports that the army captured his wife",
            "Iraq dismissed claims that the army captured his wife",
            "Officials called them false reports that the army captured his wife",
        ] {
            has(input, "wife", true, true);
            has(input, "armi", true, true);
            assert!(!predicates(input).iter().any(|p| p.0 == "report" || p.0 == "claim"), "{input:?}");
        }
        // The refuting phrase may be two words, and the report may be named with words before it
        // or have its "that" left out.
        has("The leader was shown laughing off claims that the group had reached a truce", "reach", true, true);
        has(
            "He said the girls were married, contradicting government claims they had been freed",
            "detain",
            false,
            false,
        );
        // A report of two things has both denied, past a "to be" in the second ("claims that X
        // and that Y were close to being released": X is denied, and so is the release).
        has(
            "He mocked claims that the group had signed a truce and that the girls were close to being released",
            "sign",
            true,
            true,
        );
        has(
            "He mocked claims that the group had signed a truce and that the girls were close to being released",
            "detain",
            false,
            false,
        );
        // Denied twice is asserted outright: "refused to resign" (stays leading), "did not reject".
        has("The minister refused to resign over the affair", "lead", false, false);
        has("The council did not reject the plan", "accept", false, false);
        // "voted for" asserts what "voted against" denies.
        has("The senator voted for the arms bill", "accept", false, false);
        has("The senator voted against the arms bill", "accept", true, false);
        // "rumors that X" passes X on; it does not deny it.
        has("There were rumors that the army captured his wife", "wife", false, false);
        // A passive denial at the end covers what came before it; what a report it names said is
        // denied ...
        has("Reports that the army captured his wife have now been denied", "wife", true, true);
        has("Earlier reports claiming that the army captured his wife were denied by Iraq", "wife", true, true);
        // ... anything else is only not asserted ("the offer was rejected" does not deny an offer).
        has("The offer from the army was rejected", "offer", false, true);
        // "without" before a verb denies the verb; before a name it is participation.
        has("It aired the tape without having authenticated it", "authent", true, true);
        has("She visited the plant without the union delegation", "with:union", true, false);
        // An ex-wife is not said to be a wife, nor not to be; "not all" denies "all", not what follows.
        let lacks = |input: &str, class: &str| {
            assert!(!predicates(input).iter().any(|p| p.0 == class), "{class} in {input:?}: {:?}", predicates(input));
        };
        lacks("The woman is believed to be al-Baghdadi's ex-wife", "wife");
        lacks("She is his former wife", "wife");
        lacks("He is rumored to have made $72 million", "make");
        // What someone is in talks to do, or plans to, is not asserted: it cannot back what
        // they did, nor conflict with it.
        lacks("Bale was in final talks to play Jobs", "play");
        lacks("The army has plans to send more troops", "send");
        lacks("The Kremlin appears to reject their comments", "accept");
        lacks("The team may withdraw from the league", "play");
        lacks("More troops could be deployed soon", "send");
        lacks("The government once claimed to have rescued the girls", "rescu");
        has("The group claimed responsibility for the attack", "respons", false, false);
        lacks("The officer allegedly shot him", "shot");
        has("He made $72 million, a rumored figure", "make", false, false);
        has("Not all fighters were aware of the deal", "fighter", false, false);
        has("Not all fighters were aware of the deal", "awar", false, false);
        // "not" denies the predicate after it; the rest of its clause is only in scope.
        has("Caine did not attend the meeting", "attend", true, true);
        has("Caine did not attend the meeting", "meeting", false, true);
    }

    #[test]
    fn speakers_and_names() {
        let check = |input: &str, expected: &[&str]| {
            let got: Vec<String> = slots(input).speakers.into_iter().map(|s| s.key).collect();
            assert_eq!(got, expected, "speakers in {input:?}");
        };
        check("\"This will not work,\" Foreign Minister Sergey Lavrov said Wednesday", &["lavrov"]);
        check("Dragone said it was a great, candid discussion", &["dragone"]);
        check("\"It was great,\" said Mark Rutte.", &["rutte"]);
        check("\"This will not work,\" said the Kremlin spokesman, Dmitry Peskov, on Wednesday.", &["peskov"]);
        check("\"This will not work,\" said the envoy, and Dmitry Peskov agreed.", &[]);
        check("NATO defense chiefs met, a senior alliance official said", &[]);
        // A passive names nobody who spoke.
        check("Seth Rogen is said to be in talks to play Steve Wozniak", &[]);
        check("Last week it was said that actor Seth Rogen was in talks", &[]);
        // A people is not a person: "the Lebanese said" names no speaker.
        check("Officials from the Lebanese army said it was true", &[]);
        assert!(is_demonym("iraqi") && is_demonym("lebanese") && is_demonym("nicaraguan"));
        assert!(!is_demonym("murillo") && !is_demonym("adrian") && !is_demonym("lavrov"));
    }

    #[test]
    fn dates_and_places_bind_to_events() {
        let s = slots("US President Donald Trump met last Friday with Russian President Vladimir Putin in Alaska");
        assert_eq!(s.dates[0].event.as_deref(), Some("meet"));
        assert!(s.dates[0].participants.contains("trump"));
        assert_eq!(s.places[0].value.key, "alaska");
        let s = slots("U.S. officials confirmed on Tuesday that Gen. Dan Caine attended the meeting virtually");
        assert_eq!(s.dates[0].event.as_deref(), Some("say"));
        // An event in the date's own clause comes before a nearer one across a comma.
        let s = slots("The central library will open on Sundays from April, the council announced");
        let april = s.dates.iter().find(|d| d.value.named.month == Some(4)).expect("April");
        assert_eq!(april.event.as_deref(), Some("open"));
        let s = slots("President Donald Trump and Putin met Friday in Anchorage, Alaska, to discuss the conflict");
        assert_eq!(s.places.len(), 1);
        assert_eq!(s.places[0].value.key, "anchorage");
        // The container is part of the place, not of what happened.
        assert!(!s.frame.contains("alaska") && s.frame.contains("discuss"));
        // A name the gazetteer does not know is a place after "in" or "at", not a person.
        let s = slots("The council met in Palm Springs on Monday");
        assert_eq!(s.places[0].value.key, "palm springs");
        assert!(s.persons.is_empty() && !s.frame.contains("springs"));
        let s = slots("Officials gathered at Trump's estate and in NATO headquarters");
        assert!(s.places.is_empty());
    }
}
