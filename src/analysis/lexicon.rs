//! The analysis's word tables: stopwords, aliases, number words, months, places, event words,
//! synonym classes and negation cues, parsed once from the text files under `data/`.
//!
//! The tables are data, not code, so that a reader can extend them for another story without
//! touching a rule. This module only parses and looks up; it decides nothing about claims.
//! Malformed lines are skipped rather than reported: the files are part of the build and a test
//! (`tables_parse`) checks that every line is used.

use std::sync::OnceLock;

/// A table keyed by a word or a phrase. Hashed (with the Fx hash: fast on short keys, and the
/// same on every run and platform) rather than a B-tree: looking words up in these tables was
/// the largest part of reading a claim, and a lookup in a tree compares the word with a dozen
/// keys. Nothing reads a table in key order.
pub type WordMap<V> = rustc_hash::FxHashMap<String, V>;
/// A set of words or phrases, hashed as [`WordMap`].
pub type WordSet = rustc_hash::FxHashSet<String>;

/// A data table of `src/analysis/data`, as `build.rs` copies it into `OUT_DIR`: without its
/// comment and blank lines.
macro_rules! data_table {
    ($file:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/data/", $file))
    };
}
pub(crate) use data_table;

const STOPWORDS: &str = data_table!("stopwords.txt");
const TITLES: &str = data_table!("titles.txt");
const BOILERPLATE: &str = data_table!("boilerplate.txt");
const IRREGULAR: &str = data_table!("irregular.tsv");
const ALIASES: &str = data_table!("aliases.tsv");
const NUMBERS: &str = data_table!("numbers.tsv");
const DATES: &str = data_table!("dates.tsv");
const GAZETTEER: &str = data_table!("gazetteer.tsv");
const SYNONYMS: &str = data_table!("synonyms.tsv");
const EVENTS: &str = data_table!("events.tsv");
const POLARITY: &str = data_table!("polarity.tsv");
const CUES: &str = data_table!("cues.tsv");

/// The kinds of stance cue a word can be (bits of [`Lexicon::cues`]).
pub const CUE_REFUTE: u8 = 1;
pub const CUE_HEDGE: u8 = 2;
pub const CUE_NEGATION: u8 = 4;

/// How a number-table word contributes to a number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumberWord {
    /// A unit, teen or ten ("six", "twenty").
    Value(f64),
    /// A multiplier ("hundred", "dozen").
    Scale(f64),
    /// A part of what follows ("half" a dozen).
    Fraction(f64),
}

/// What a hedge before a number does to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    Approximate,
    AtLeast,
    AtMost,
}

/// One alias: the canonical term, and whether the variant's own term is kept beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alias {
    pub canonical: String,
    pub keep_variant: bool,
}

/// All tables, parsed.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub stopwords: WordSet,
    pub titles: WordSet,
    pub boilerplate: Vec<String>,
    pub irregular: WordMap<String>,
    /// Case-sensitive aliases, keyed by the variant's words joined by one space.
    pub aliases_exact: WordMap<Alias>,
    /// Case-insensitive aliases, keyed by the lowercase variant's words joined by one space.
    pub aliases_folded: WordMap<Alias>,
    /// The longest alias variant, in words.
    pub alias_max_words: usize,
    /// The first word of every alias variant (as written for case-sensitive ones, lowercase for
    /// the others) and of every place: most words start none, and need no phrase lookup at all.
    pub phrase_first_words: WordSet,
    pub number_words: WordMap<NumberWord>,
    /// Hedge phrases (lowercase words joined by one space).
    pub bounds: WordMap<Bound>,
    pub months: WordMap<u8>,
    /// Place (lowercase words joined by one space) to the place that contains it.
    pub places: WordMap<String>,
    pub place_max_words: usize,
    /// Places marked `region` in the gazetteer (states, provinces): not cities, however deep.
    pub regions: WordSet,
    /// Places that contain another place of the gazetteer.
    pub containers: WordSet,
    /// Every canonical form of the alias table ("trump", "usa").
    pub alias_canonicals: WordSet,
    /// Stem to the name of its synonym class.
    pub synonym_class: WordMap<String>,
    /// Lowercase word or stem to its event kind.
    pub events: WordMap<String>,
    pub negation_cues: WordSet,
    /// Phrases ("ruled out") that negate the predicate after them.
    pub negating_phrases: Vec<Vec<String>>,
    /// Lowercase word, or words joined by one space ("pulled out"), to the predicates it denies,
    /// space-separated ("rejects" -> "accept"; "withdrew" -> "send play attend").
    pub antonyms: WordMap<String>,
    /// The longest antonym phrase, in words.
    pub antonym_max_words: usize,
    /// The first words of the antonyms: a word not among them starts none.
    pub antonym_first_words: WordSet,
    /// Words after which a predicate is not asserted ("efforts to work", "could send").
    pub irrealis: WordSet,
    /// Lowercase word to its stance cue kinds (`CUE_*` bits): refuting, hedging, negating.
    pub cues: WordMap<u8>,
    /// Words that pass a claim on as a rumour, vouching for nothing ("rumored", "allegedly").
    pub doubts: WordSet,
}

/// The tables, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::parse)
}

/// The lines of a table file that carry data: trimmed, without blank lines and `#` comments.
fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// Splits a phrase into lowercase words the way the tokenizer would, joined by one space.
pub fn phrase_key(phrase: &str) -> String {
    phrase.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Lexicon {
    fn parse() -> Lexicon {
        let mut lexicon = Lexicon {
            stopwords: data_lines(STOPWORDS).map(str::to_lowercase).collect(),
            titles: data_lines(TITLES).map(str::to_lowercase).collect(),
            boilerplate: data_lines(BOILERPLATE).map(str::to_lowercase).collect(),
            ..Lexicon::default()
        };
        for line in data_lines(IRREGULAR) {
            if let Some((form, base)) = line.split_once('\t') {
                lexicon.irregular.insert(form.trim().to_string(), base.trim().to_string());
            }
        }
        for line in data_lines(ALIASES) {
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            if fields.len() < 2 || fields[0].is_empty() || fields[1].is_empty() {
                continue;
            }
            let alias = Alias { canonical: fields[1].to_string(), keep_variant: fields.get(2) == Some(&"also") };
            let key = phrase_key(fields[0]);
            lexicon.alias_max_words = lexicon.alias_max_words.max(key.split(' ').count());
            lexicon.phrase_first_words.insert(key.split(' ').next().unwrap_or_default().to_string());
            if fields[0].chars().any(char::is_uppercase) {
                lexicon.aliases_exact.insert(key, alias);
            } else {
                lexicon.aliases_folded.insert(key, alias);
            }
        }
        lexicon.alias_canonicals = lexicon
            .aliases_exact
            .values()
            .chain(lexicon.aliases_folded.values())
            .map(|a| a.canonical.clone())
            .collect();
        for line in data_lines(NUMBERS) {
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            let value = fields.get(2).and_then(|v| v.parse::<f64>().ok());
            match (fields.first().copied(), fields.get(1), value) {
                (Some("number"), Some(word), Some(v)) => {
                    lexicon.number_words.insert(word.to_string(), NumberWord::Value(v));
                }
                (Some("scale"), Some(word), Some(v)) => {
                    lexicon.number_words.insert(word.to_string(), NumberWord::Scale(v));
                }
                (Some("fraction"), Some(word), Some(v)) => {
                    lexicon.number_words.insert(word.to_string(), NumberWord::Fraction(v));
                }
                (Some("approx"), Some(phrase), _) => {
                    lexicon.bounds.insert(phrase_key(phrase), Bound::Approximate);
                }
                (Some("atleast"), Some(phrase), _) => {
                    lexicon.bounds.insert(phrase_key(phrase), Bound::AtLeast);
                }
                (Some("atmost"), Some(phrase), _) => {
                    lexicon.bounds.insert(phrase_key(phrase), Bound::AtMost);
                }
                _ => {}
            }
        }
        for line in data_lines(DATES) {
            if let Some((word, month)) = line.split_once('\t') {
                if let Ok(month) = month.trim().parse::<u8>() {
                    lexicon.months.insert(word.trim().to_string(), month);
                }
            }
        }
        for line in data_lines(GAZETTEER) {
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            if let (Some(place), Some(parent)) = (fields.first(), fields.get(1)) {
                let key = phrase_key(place);
                lexicon.place_max_words = lexicon.place_max_words.max(key.split(' ').count());
                lexicon.phrase_first_words.insert(key.split(' ').next().unwrap_or_default().to_string());
                if fields.get(2) == Some(&"region") {
                    lexicon.regions.insert(key.clone());
                }
                lexicon.places.insert(key, parent.to_string());
            }
        }
        lexicon.containers = lexicon.places.values().cloned().collect();
        for line in data_lines(SYNONYMS) {
            let words: Vec<&str> = line.split('\t').map(str::trim).filter(|w| !w.is_empty()).collect();
            if let Some(class) = words.first() {
                for word in &words {
                    let stem = lexicon.stem(word);
                    lexicon.synonym_class.insert(stem, class.to_string());
                }
            }
        }
        for line in data_lines(EVENTS) {
            if let Some((word, kind)) = line.split_once('\t') {
                let word = word.trim();
                lexicon.events.insert(word.to_string(), kind.trim().to_string());
                let stem = lexicon.stem(word);
                lexicon.events.insert(stem, kind.trim().to_string());
            }
        }
        for line in data_lines(POLARITY) {
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            match (fields.first().copied(), fields.get(1), fields.get(2)) {
                (Some("cue"), Some(word), _) => {
                    lexicon.negation_cues.insert(word.to_string());
                }
                (Some("scope"), Some(phrase), _) => {
                    lexicon.negating_phrases.push(phrase.split_whitespace().map(str::to_string).collect());
                }
                (Some("irrealis"), Some(word), _) => {
                    lexicon.irrealis.insert(word.to_string());
                }
                (Some("antonym"), Some(word), Some(_)) => {
                    let key = phrase_key(word);
                    lexicon.antonym_max_words = lexicon.antonym_max_words.max(key.split(' ').count());
                    lexicon.antonym_first_words.insert(key.split(' ').next().unwrap_or_default().to_string());
                    lexicon.antonyms.insert(key, fields[2..].join(" "));
                }
                _ => {}
            }
        }
        for line in data_lines(CUES) {
            if let Some((kind, word)) = line.split_once('\t') {
                if kind.trim() == "doubt" {
                    lexicon.doubts.insert(word.trim().to_string());
                    *lexicon.cues.entry(word.trim().to_string()).or_insert(0) |= CUE_HEDGE;
                    continue;
                }
                let bit = match kind.trim() {
                    "refute" => CUE_REFUTE,
                    "hedge" => CUE_HEDGE,
                    "negation" => CUE_NEGATION,
                    _ => continue,
                };
                *lexicon.cues.entry(word.trim().to_string()).or_insert(0) |= bit;
            }
        }
        lexicon
    }

    /// Stems with this table's irregular forms; used while parsing, before `lexicon()` exists.
    fn stem(&self, lower: &str) -> String {
        self.irregular.get(lower).cloned().unwrap_or_else(|| crate::analysis::normalize::snowball(lower))
    }

    pub fn is_stopword(&self, lower: &str) -> bool {
        self.stopwords.contains(lower)
    }

    /// The place that contains `place`, if the gazetteer knows it.
    pub fn parent_place(&self, place: &str) -> Option<&str> {
        self.places.get(place).map(String::as_str)
    }

    /// The chain of places from `place` up to the world, `place` first; bounded against loops.
    /// Borrowed, not allocated: it is read for every pair of places an analysis compares.
    pub fn place_chain<'a>(&'a self, place: &'a str) -> PlaceChain<'a> {
        let mut chain = PlaceChain { places: [""; MAX_PLACE_CHAIN], len: 1 };
        chain.places[0] = place;
        let mut current = place;
        while let Some(parent) = self.parent_place(current) {
            if chain.as_slice().contains(&parent) || chain.len >= MAX_PLACE_CHAIN {
                break;
            }
            chain.places[chain.len] = parent;
            chain.len += 1;
            current = parent;
        }
        chain
    }

    /// A known place that no other place can lie inside: a city, not a region or a country. A
    /// place the gazetteer does not know may lie inside any known place but a city.
    pub fn is_city(&self, place: &str) -> bool {
        self.places.contains_key(place)
            && !self.regions.contains(place)
            && self.place_chain(place).as_slice().len() >= 4
            && !self.containers.contains(place)
    }

    /// True when one place lies inside the other (or they are the same place).
    pub fn places_compatible(&self, a: &str, b: &str) -> bool {
        self.place_chain(a).as_slice().contains(&b) || self.place_chain(b).as_slice().contains(&a)
    }
}

/// The most places a chain holds (a place and eight containers), against loops in the table.
const MAX_PLACE_CHAIN: usize = 9;

/// A place and the places it lies in, innermost first (`Lexicon::place_chain`).
pub struct PlaceChain<'a> {
    places: [&'a str; MAX_PLACE_CHAIN],
    len: usize,
}

impl<'a> PlaceChain<'a> {
    pub fn as_slice(&self) -> &[&'a str] {
        &self.places[..self.len]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_parse() {
        let lexicon = lexicon();
        assert!(lexicon.stopwords.contains("the"));
        assert_eq!(lexicon.irregular.get("met").map(String::as_str), Some("meet"));
        assert_eq!(lexicon.aliases_exact.get("US").map(|a| a.canonical.as_str()), Some("usa"));
        assert_eq!(lexicon.aliases_folded.get("zelensky").map(|a| a.canonical.as_str()), Some("zelenskyy"));
        assert_eq!(lexicon.number_words.get("dozen"), Some(&NumberWord::Scale(12.0)));
        assert_eq!(lexicon.bounds.get("more than"), Some(&Bound::AtLeast));
        assert_eq!(lexicon.months.get("august"), Some(&8));
        assert!(lexicon.antonyms.contains_key("rejects"));
        assert!(!lexicon.negating_phrases.is_empty());
    }

    #[test]
    fn places_nest() {
        let check = |a: &str, b: &str, expected: bool| {
            assert_eq!(lexicon().places_compatible(a, b), expected, "{a} ~ {b}");
        };
        check("anchorage", "alaska", true);
        check("alaska", "anchorage", true);
        check("anchorage", "usa", true);
        check("white house", "washington", true);
        check("helsinki", "alaska", false);
        check("moscow", "istanbul", false);
        check("geneva", "switzerland", true);
    }
}
