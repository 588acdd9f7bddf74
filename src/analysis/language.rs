//! Claims in Spanish, French, German, Italian and Portuguese: which language a claim is written
//! in (a stop-word profile), and its words read as English words ("glossed"), so that every
//! later step (terms, counts, dates, places, negation, participation, speakers) reads a foreign
//! claim with the English tables and rules, and a foreign claim meets the English ones on shared
//! terms.
//!
//! A glossed word keeps the char offsets of the foreign word it was read from: a reason or a
//! highlighted detail always shows the claim as written, never a translation. The bilingual
//! table (`data/bilingual.tsv`) holds the story vocabulary that matters for matching and for
//! conflicts, one English word a line with its forms in the five languages; words are looked up
//! by the language's stem (a light suffix stripper), so one entry covers a word's inflections. Number words are
//! read by composition ("veintiocho", "zweiunddreißig", "quatre-vingt-dix"), and a few word-order
//! habits are undone where the English rules depend on order ("el viernes pasado" reads "last
//! Friday", "ne ... pas" one negation, German "nicht ... teil" a denied "attend").
//!
//! The table's format: one line per English word or phrase, then its forms in Spanish, French,
//! German, Italian and Portuguese, tab-separated, variants split by `|` (`-`: none). An English
//! `-` is a function word with no English counterpart (dropped); `=N` a number word or a part of
//! one ("veinti" = 20); `xN` a scale, whose first form alone is exact ("mil" = a thousand) and the
//! others vague ("miles" = thousands). Rows starting `*` are `*suffix` (the inflection endings a
//! stem drops), `*profile` (function words for detection, English first), `*connector` (joins
//! number words) and `*elision` (articles elided with an apostrophe). A form whose stem another
//! form of its cell already gives is left out: the stem finds it.
//!
//! This is not translation: an unknown word stays as written (names match across languages as
//! they are), and nothing here decides anything about a claim.

use crate::analysis::normalize::Word;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

const BILINGUAL: &str = crate::analysis::lexicon::data_table!("bilingual.tsv");

/// A language crosscheck reads. English is the analysis's own; the others are glossed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Language {
    #[default]
    English,
    Spanish,
    French,
    German,
    Italian,
    Portuguese,
}

impl Language {
    /// Every language, English first, in the order of the table's columns.
    pub const ALL: [Language; 6] = [
        Language::English,
        Language::Spanish,
        Language::French,
        Language::German,
        Language::Italian,
        Language::Portuguese,
    ];

    /// The ISO 639-1 code ("es").
    pub fn code(self) -> &'static str {
        ["en", "es", "fr", "de", "it", "pt"][self as usize]
    }

    /// The language's English name, as the panel shows it ("Spanish").
    pub fn name(self) -> &'static str {
        ["English", "Spanish", "French", "German", "Italian", "Portuguese"][self as usize]
    }

    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|language| language.code() == code)
    }

    /// Words that a preceding article or preposition is elided into ("l'OTAN", "dell'Ucraina").
    fn elides(self) -> bool {
        matches!(self, Language::French | Language::Italian)
    }
}

/// How a number word of the table counts.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Morpheme {
    Value(f64),
    Scale(f64),
}

/// The bilingual table, parsed.
#[derive(Debug, Default)]
struct Table {
    /// Per foreign language (index `Language as usize - 1`): folded form (words joined by one
    /// space) to its English gloss.
    exact: Vec<BTreeMap<String, String>>,
    /// The same by stems (`stem`).
    stems: Vec<BTreeMap<String, String>>,
    /// The longest phrase of each language, in words.
    max_words: Vec<usize>,
    /// Number words and their parts ("veinti", "vent"), folded.
    morphemes: Vec<BTreeMap<String, Morpheme>>,
    /// Words that join number words ("y", "und", "et").
    connectors: Vec<BTreeSet<String>>,
    /// Function words of every language (English included), for detection: each word with the
    /// set of languages whose profile holds it, as bits (bit `l` for `Language::ALL[l]`), so
    /// that a word is looked up once, not once per language.
    profiles: crate::analysis::lexicon::WordMap<u8>,
    /// Elided prefixes ("l", "qu", "dell").
    elisions: Vec<BTreeSet<String>>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(Table::parse)
}

/// Lowercase without accents ("creíble" -> "creible", "Straße" -> "strasse").
pub fn fold(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len());
    for c in lower.chars() {
        match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'í' | 'ì' | 'î' | 'ï' => out.push('i'),
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => out.push('o'),
            'ú' | 'ù' | 'û' | 'ü' => out.push('u'),
            'ç' => out.push('c'),
            'ñ' => out.push('n'),
            'ß' => out.push_str("ss"),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            other => out.push(other),
        }
    }
    out
}

/// The stem of a lowercase word in `language`: folded, less the longest of the language's
/// inflection endings (`*suffix` rows of the table) that leaves three letters or more.
///
/// A light stemmer rather than Snowball's: the table is stemmed by this same function, so the
/// two always agree, and the five Snowball stemmers chosen at run time put about 50 KB of gzip
/// into the wasm (the English one, chosen at compile time, costs a fraction of that).
fn stem(language: Language, lower: &str) -> String {
    let folded = fold(lower);
    let Some(suffixes) = table_suffixes(language) else { return folded };
    let n_chars = folded.chars().count();
    suffixes
        .iter()
        .filter(|suffix| folded.ends_with(suffix.as_str()) && n_chars >= suffix.chars().count() + 3)
        .max_by_key(|suffix| suffix.len())
        .map_or(folded.clone(), |suffix| folded[..folded.len() - suffix.len()].to_string())
}

/// The inflection endings of a foreign language, parsed once (the table's stems need them).
fn table_suffixes(language: Language) -> Option<&'static Vec<String>> {
    static SUFFIXES: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    let all = SUFFIXES.get_or_init(|| {
        let mut out = vec![Vec::new(); Language::ALL.len() - 1];
        for line in BILINGUAL.lines().filter(|l| l.starts_with("*suffix\t")) {
            for (column, cell) in line.split('\t').enumerate().skip(2) {
                if let Some(list) = out.get_mut(column - 2) {
                    list.extend(cell.split_whitespace().map(fold));
                }
            }
        }
        out
    });
    (language as usize).checked_sub(1).and_then(|index| all.get(index))
}

impl Table {
    fn parse() -> Table {
        let n = Language::ALL.len() - 1;
        let mut table = Table {
            exact: vec![BTreeMap::new(); n],
            stems: vec![BTreeMap::new(); n],
            max_words: vec![1; n],
            morphemes: vec![BTreeMap::new(); n],
            connectors: vec![BTreeSet::new(); n],
            profiles: Default::default(),
            elisions: vec![BTreeSet::new(); n],
        };
        for line in BILINGUAL.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            let cells: Vec<&str> = line.split('\t').collect();
            let Some(english) = cells.first().map(|e| e.trim()) else { continue };
            // Special rows: `*profile`, `*connector`, `*elision`, a cell per language.
            if let Some(kind) = english.strip_prefix('*') {
                for (column, cell) in cells.iter().enumerate().skip(1) {
                    let words = cell.split_whitespace().map(|w| fold(&w.to_lowercase()));
                    match kind {
                        "profile" => {
                            for word in words {
                                *table.profiles.entry(word).or_default() |= 1 << (column - 1);
                            }
                        }
                        "connector" if column >= 2 => table.connectors[column - 2].extend(words),
                        "elision" if column >= 2 => table.elisions[column - 2].extend(words),
                        _ => {}
                    }
                }
                continue;
            }
            let morpheme = english
                .strip_prefix('=')
                .and_then(|v| v.parse::<f64>().ok())
                .map(Morpheme::Value)
                .or_else(|| english.strip_prefix('x').and_then(|v| v.parse::<f64>().ok()).map(Morpheme::Scale));
            for (column, cell) in cells.iter().enumerate().skip(1).take(n) {
                let language = Language::ALL[column];
                let index = column - 1;
                for variant in cell.split('|').map(str::trim).filter(|v| !v.is_empty() && *v != "-") {
                    let lower = variant.to_lowercase();
                    // Split as a claim's words are split, so that "chefs d'état-major" meets the text.
                    let tokens =
                        split_elisions(crate::analysis::normalize::words(&lower), language, &table.elisions[index]);
                    let words: Vec<&str> = tokens.iter().map(|w| w.lower.as_str()).collect();
                    let exact_key = words.iter().map(|w| fold(w)).collect::<Vec<_>>().join(" ");
                    match morpheme {
                        Some(m) => {
                            table.morphemes[index].insert(exact_key.replace(' ', ""), m);
                            // A scale word alone reads as the English one: the first form ("mil",
                            // "Million") is one of them, exactly; the others ("miles") are vague.
                            if let Morpheme::Scale(scale) = m {
                                let word = scale_word(scale);
                                let first = cell.split('|').next().is_some_and(|f| f.trim().to_lowercase() == lower);
                                let english = if first { format!("a {word}") } else { format!("{word}s") };
                                table.exact[index].entry(exact_key.clone()).or_insert(english);
                            }
                        }
                        None => {
                            table.max_words[index] = table.max_words[index].max(words.len());
                            let stem_key = words.iter().map(|w| stem(language, w)).collect::<Vec<_>>().join(" ");
                            table.exact[index].entry(exact_key).or_insert_with(|| english.to_string());
                            table.stems[index].entry(stem_key).or_insert_with(|| english.to_string());
                        }
                    }
                }
            }
        }
        table
    }
}

/// The English word of a scale's value.
fn scale_word(scale: f64) -> &'static str {
    if scale >= 1e9 {
        "billion"
    } else if scale >= 1e6 {
        "million"
    } else if scale >= 1e3 {
        "thousand"
    } else {
        "hundred"
    }
}

/// The language of a text, by its function words: each word of a language's profile counts
/// one, shared among the languages whose profiles hold it, plus letters only some languages
/// use. A text is foreign when a foreign language has at least two such words' worth and beats
/// English; otherwise it is English (the analysis's own, and the safe default).
pub fn detect(text: &str) -> Language {
    detect_in(text, Language::English)
}

/// [`detect`] for a claim of a text written in `context` (the language of its whole source): a
/// claim too short to tell by itself ("A reunião incluiu os 35 líderes militares aliados") is
/// taken to be in its source's language unless it reads as English.
pub fn detect_in(text: &str, context: Language) -> Language {
    let table = table();
    let mut score = [0.0f64; 6];
    let mut n_words = 0;
    // One buffer for every word's lowercase form: this runs over every source and every claim.
    let mut lower = String::new();
    for raw in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}')) {
        if raw.is_empty() {
            continue;
        }
        n_words += 1;
        // Most words of most texts are plain ASCII: no allocation, no folding to do.
        if raw.is_ascii() {
            lower.clear();
            lower.push_str(raw);
            lower.make_ascii_lowercase();
        } else {
            lower = fold(&raw.to_lowercase().replace('\u{2019}', "'"));
        }
        // "l'alliance", "dell'Ucraina": the elided article counts as a word of its own.
        let word = match lower.split_once('\'') {
            Some((head, _)) if !head.is_empty() && head.len() <= 6 => head,
            _ => lower.as_str(),
        };
        let holders = table.profiles.get(word).copied().unwrap_or(0);
        for l in (0..6).filter(|l| holders & (1 << l) != 0) {
            score[l] += 1.0 / f64::from(holders.count_ones());
        }
    }
    // Every letter that earns a bonus is beyond ASCII: only the chars that start with a lead
    // byte are decoded, in text order (the scores add up in the same order).
    let lead_chars = text
        .bytes()
        .enumerate()
        .filter(|&(_, byte)| byte >= 0xC0)
        .filter_map(|(offset, _)| text.get(offset..).and_then(|rest| rest.chars().next()));
    for c in lead_chars {
        let bonus: &[usize] = match c {
            'ñ' | '¿' | '¡' => &[1],
            'ã' | 'õ' => &[5],
            'ß' | 'ä' | 'ö' | 'ü' => &[3],
            'è' | 'ì' | 'ò' => &[4],
            'ê' | 'â' | 'î' | 'û' | 'ë' | 'ï' | 'œ' => &[2],
            'ç' => &[2, 5],
            _ => &[],
        };
        for &l in bonus {
            score[l] += 0.5 / bonus.len() as f64;
        }
    }
    let (best, best_score) = (1..6).map(|l| (l, score[l])).fold((0, 0.0), |a, b| if b.1 > a.1 { b } else { a });
    if n_words > 0 && best_score >= 2.0 && best_score > score[0] * 1.5 {
        Language::ALL[best]
    } else if context != Language::English && score[0] < 1.0 + score[context as usize] {
        context
    } else {
        Language::English
    }
}

/// The words of a foreign claim read as English words, with the char offsets of what they were
/// read from. `is_name` says whether a capitalised word the table does not know is a name
/// (German capitalises every noun: there only names seen elsewhere stay capitalised). English
/// words are returned as they are.
pub fn gloss(words: Vec<Word>, language: Language, is_name: impl Fn(&str) -> bool) -> Vec<Word> {
    if language == Language::English {
        return words;
    }
    let index = language as usize - 1;
    let table = table();
    let words = split_elisions(words, language, &table.elisions[index]);
    // Each glossed word and the folded foreign word it came from.
    let mut out: Vec<(Word, String, bool)> = Vec::with_capacity(words.len() + 4);
    let mut pending_gap = String::new();
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        let folded = fold(word.lower.as_str());
        if let Some((value, n)) = number_run(&words, i, index) {
            let last = &words[i + n - 1];
            let digits = format_number(value);
            let gap = format!("{pending_gap}{}", word.gap);
            pending_gap.clear();
            out.push((
                Word {
                    surface: digits.clone().into(),
                    lower: digits.into(),
                    start: word.start,
                    end: last.end,
                    gap: gap.into(),
                    negated: false,
                },
                folded,
                false,
            ));
            i += n;
            continue;
        }
        if word.is_digits() {
            let (merged, n) = foreign_digits(&words, i, index);
            let gap = format!("{pending_gap}{}", word.gap);
            pending_gap.clear();
            let end = words[i + n - 1].end;
            out.push((
                Word {
                    surface: merged.clone().into(),
                    lower: merged.into(),
                    start: word.start,
                    end,
                    gap: gap.into(),
                    negated: false,
                },
                folded,
                false,
            ));
            i += n;
            continue;
        }
        let found = lookup(&words, i, language, index);
        let (english, n) = match found {
            Some(found) => found,
            None => match decompound(&folded, language, index) {
                Some(english) => (english, 1),
                None => {
                    // Unknown: kept as written (names match across languages as they are), folded.
                    let mut kept = word.clone();
                    kept.lower = folded.clone().into();
                    // Two capitalised words the table does not know, side by side, are a name
                    // in German too ("Dmitri Peskow").
                    let unknown_capital = |w: &Word| {
                        w.is_capitalised()
                            && !table.exact[index].contains_key(&fold(w.lower.as_str()))
                            && !table.stems[index].contains_key(&stem(language, &w.lower))
                    };
                    let in_name_run = (i > 0 && !word.after_punctuation() && unknown_capital(&words[i - 1]))
                        || words.get(i + 1).is_some_and(|next| !next.after_punctuation() && unknown_capital(next));
                    if language == Language::German
                        && word.is_capitalised()
                        && !word.is_acronym()
                        && !is_name(&folded)
                        && !in_name_run
                    {
                        kept.surface = kept.surface.to_lowercase().into();
                    }
                    kept.gap = format!("{pending_gap}{}", kept.gap).into();
                    pending_gap.clear();
                    out.push((kept, folded, word.is_capitalised()));
                    i += 1;
                    continue;
                }
            },
        };
        let last = &words[i + n - 1];
        if english == "-" {
            // A function word with no English counterpart: its gap goes to the next word.
            pending_gap.push_str(word.gap.as_str());
            i += n;
            continue;
        }
        let whole_is_name = is_english_name(&english);
        for (k, part) in english.split_whitespace().enumerate() {
            let gap = if k == 0 { format!("{pending_gap}{}", word.gap) } else { " ".to_string() };
            let surface = english_surface(part, word, whole_is_name);
            out.push((
                Word {
                    surface: surface.into(),
                    lower: part.to_string().into(),
                    start: word.start,
                    end: last.end,
                    gap: gap.into(),
                    negated: false,
                },
                folded.clone(),
                word.is_capitalised(),
            ));
        }
        pending_gap.clear();
        i += n;
    }
    reorder(out, language)
}

/// How a glossed English word is written: a month or weekday capitalised (the date rules want
/// it), a name capitalised as the foreign word was ("OTAN" -> "NATO"), any other word lowercase
/// (a common word is never a name).
fn english_surface(part: &str, original: &Word, whole_is_name: bool) -> String {
    let lexicon = crate::analysis::lexicon::lexicon();
    let capitalise = |s: &str| {
        let mut chars = s.chars();
        chars
            .next()
            .map(|c| std::iter::once(c.to_ascii_uppercase()).chain(chars).collect::<String>())
            .unwrap_or_default()
    };
    let is_calendar = lexicon.months.contains_key(part)
        || crate::date::Weekday::ALL.iter().any(|d| d.name().eq_ignore_ascii_case(part));
    let is_name = whole_is_name || is_english_name(part);
    if is_calendar {
        capitalise(part)
    } else if is_name && original.is_capitalised() {
        if original.is_acronym() {
            part.to_ascii_uppercase()
        } else {
            capitalise(part)
        }
    } else {
        part.to_string()
    }
}

/// The gazetteer or the alias table knows the English words as a name ("ukraine", "white house").
fn is_english_name(english: &str) -> bool {
    let lexicon = crate::analysis::lexicon::lexicon();
    lexicon.places.contains_key(english)
        || lexicon.aliases_folded.contains_key(english)
        || lexicon.alias_canonicals.contains(english)
}

/// Splits elided articles and prepositions off the word they lean on ("l'OTAN" -> "l'", "OTAN").
fn split_elisions(words: Vec<Word>, language: Language, elisions: &BTreeSet<String>) -> Vec<Word> {
    if !language.elides() {
        return words;
    }
    let mut out = Vec::with_capacity(words.len());
    for word in words {
        let split = word.surface.char_indices().find(|&(_, c)| c == '\'').map(|(byte, _)| byte);
        let Some(byte) = split else {
            out.push(word);
            continue;
        };
        let head = &word.surface[..byte];
        if !elisions.contains(&fold(&head.to_lowercase())) || byte + 1 >= word.surface.len() {
            out.push(word);
            continue;
        }
        let n_head = head.chars().count();
        let rest = word.surface[byte + 1..].to_string();
        out.push(Word {
            surface: head.to_string().into(),
            lower: head.to_lowercase().into(),
            start: word.start,
            end: word.start + n_head,
            gap: word.gap.clone(),
            negated: false,
        });
        out.push(Word {
            lower: rest.to_lowercase().into(),
            surface: rest.into(),
            start: word.start + n_head + 1,
            end: word.end,
            gap: "'".to_string().into(),
            negated: false,
        });
    }
    out
}

/// The longest table entry starting at word `i`: its English gloss and its length in words.
fn lookup(words: &[Word], i: usize, language: Language, index: usize) -> Option<(String, usize)> {
    let table = table();
    let max = table.max_words[index].min(words.len() - i);
    for n in (1..=max).rev() {
        let slice = &words[i..i + n];
        if slice.iter().skip(1).any(|w| !joins_phrase(w)) {
            continue;
        }
        let exact = slice.iter().map(|w| fold(w.lower.as_str())).collect::<Vec<_>>().join(" ");
        if let Some(english) = table.exact[index].get(&exact) {
            return Some((english.clone(), n));
        }
        let stems = slice.iter().map(|w| stem(language, &w.lower)).collect::<Vec<_>>().join(" ");
        if let Some(english) = table.stems[index].get(&stems) {
            return Some((english.clone(), n));
        }
    }
    None
}

/// The word continues a phrase: only space, a hyphen, an elision or the dot of "EE.UU." before it.
fn joins_phrase(word: &Word) -> bool {
    word.gap.trim().is_empty() || matches!(word.gap.as_str(), "." | "-" | "'") || word.hyphenated()
}

/// A German compound the table knows both halves of ("Sicherheitsgarantien" -> "security
/// guarantees"), with or without the linking "s"/"n"/"es".
fn decompound(folded: &str, language: Language, index: usize) -> Option<String> {
    if language != Language::German || folded.chars().count() < 8 || !folded.is_ascii() {
        return None;
    }
    let table = table();
    let part = |s: &str| -> Option<&String> {
        table.exact[index].get(s).or_else(|| table.stems[index].get(&stem(language, s))).filter(|e| e.as_str() != "-")
    };
    // The longest known head first: "Verteidigungs|chefs" before "Verteidigung|schefs".
    for cut in (4..=folded.len() - 4).rev() {
        let (head, tail) = folded.split_at(cut);
        let Some(tail_english) = part(tail) else { continue };
        let head_english = part(head)
            .or_else(|| head.strip_suffix('s').and_then(part))
            .or_else(|| head.strip_suffix("es").and_then(part))
            .or_else(|| head.strip_suffix('n').and_then(part));
        if let Some(head_english) = head_english {
            return Some(format!("{head_english} {tail_english}"));
        }
    }
    None
}

/// The value of a folded word made of number parts ("veintiocho", "zweiunddreissig"), as the
/// list of its parts; `None` if any of it is not a number part.
fn number_parts(folded: &str, index: usize, parts: &mut Vec<Morpheme>) -> bool {
    let table = table();
    if folded.is_empty() {
        return true;
    }
    // Longest part first, backtracking on failure.
    let mut cuts: Vec<usize> = folded.char_indices().map(|(b, _)| b).skip(1).collect();
    cuts.push(folded.len());
    for &cut in cuts.iter().rev() {
        let head = &folded[..cut];
        let found = table.morphemes[index].get(head).copied();
        let is_connector = table.connectors[index].contains(head);
        if found.is_none() && !is_connector {
            continue;
        }
        let before = parts.len();
        if let Some(m) = found {
            parts.push(m);
        }
        if number_parts(&folded[cut..], index, parts) {
            return true;
        }
        parts.truncate(before);
    }
    false
}

/// A run of number words at `i` ("treinta y dos", "vingt-huit", "quatre-vingt-dix", "dos mil"):
/// its value and its length in words. The run's words are read as one word, so that parts
/// written apart compose as parts written together do. A lone scale word ("mil") and a lone
/// "one" (an article as often as a number: "un", "um") are left to the table.
fn number_run(words: &[Word], i: usize, index: usize) -> Option<(f64, usize)> {
    let table = table();
    let is_number = |word: &Word| {
        let mut parts = Vec::new();
        let folded = fold(word.lower.as_str());
        !folded.is_empty() && number_parts(&folded, index, &mut parts) && !parts.is_empty()
    };
    let mut n = 0;
    while let Some(word) = words.get(i + n) {
        if n > 0 && word.after_punctuation() && !word.hyphenated() {
            break;
        }
        if n > 0 && table.connectors[index].contains(&fold(word.lower.as_str())) {
            // A connector only inside a run: "treinta y dos", not "Rusia y Ucrania".
            if words.get(i + n + 1).is_some_and(|next| !next.after_punctuation() && is_number(next)) {
                n += 1;
                continue;
            }
            break;
        }
        if !is_number(word) {
            break;
        }
        n += 1;
    }
    if n == 0 {
        return None;
    }
    let joined: String = words[i..i + n].iter().map(|w| fold(w.lower.as_str())).collect();
    let mut parts: Vec<Morpheme> = Vec::new();
    if !number_parts(&joined, index, &mut parts) || !parts.iter().any(|p| matches!(p, Morpheme::Value(_))) {
        return None;
    }
    let (mut total, mut current) = (0.0, 0.0);
    for part in parts {
        match part {
            Morpheme::Value(v) => current += v,
            Morpheme::Scale(scale) => {
                current = if current == 0.0 { 1.0 } else { current } * scale;
                if scale >= 1000.0 {
                    total += current;
                    current = 0.0;
                }
            }
        }
    }
    let value = total + current;
    if n == 1 && value <= 1.0 {
        return None;
    }
    Some((value, n))
}

/// Digits as the English rules read them: "1.000" is a thousand and "2,5" two and a half in
/// these languages. Returns the digits and how many words they span.
fn foreign_digits(words: &[Word], i: usize, index: usize) -> (String, usize) {
    let word = &words[i];
    let mut text = word.lower.to_string();
    let mut n = 1;
    // normalize joined "1.000" as a decimal: here a dot before three digits groups thousands.
    if let Some((whole, fraction)) = text.split_once('.') {
        if fraction.len() == 3 {
            text = format!("{whole}{fraction}");
        }
    }
    while let Some(next) = words.get(i + n) {
        let digits = next.lower.chars().all(|c| c.is_ascii_digit()) && !next.lower.is_empty();
        if digits && next.gap == "." && next.lower.len() == 3 {
            text.push_str(next.lower.as_str());
            n += 1;
        } else if digits && next.gap == "," && next.lower.len() != 3 && !text.contains('.') {
            text = format!("{text}.{}", next.lower);
            n += 1;
            break;
        } else {
            break;
        }
    }
    // "2 millones", "3 mil": the scale multiplies the digits.
    let table = table();
    if let Some(next) = words.get(i + n).filter(|next| !next.after_punctuation()) {
        let scale = table.morphemes[index].get(&fold(next.lower.as_str())).copied();
        if let (Some(Morpheme::Scale(scale)), Ok(value)) = (scale, text.parse::<f64>()) {
            return (format_number(value * scale), n + 1);
        }
    }
    (text, n)
}

/// A number's digits without a float printer (whole numbers; else one to three decimals).
fn format_number(value: f64) -> String {
    let milli = (value * 1000.0).round() as i64;
    if milli % 1000 == 0 {
        format!("{}", milli / 1000)
    } else {
        let text = format!("{}.{:03}", milli / 1000, milli % 1000);
        text.trim_end_matches('0').to_string()
    }
}

/// Word-order habits the English rules read differently, undone: a modifier after the weekday
/// or unit ("viernes pasado" -> "last Friday"), one negation from "ne ... pas", the "of" of
/// "20 de agosto", and a German "nicht" moved before the verb at its clause's end.
fn reorder(mut out: Vec<(Word, String, bool)>, language: Language) -> Vec<Word> {
    let lexicon = crate::analysis::lexicon::lexicon();
    let is_weekday =
        |w: &Word| crate::date::Weekday::ALL.iter().any(|d| d.name().eq_ignore_ascii_case(w.lower.as_str()));
    let is_month = |w: &Word| w.is_capitalised() && lexicon.months.contains_key(w.lower.as_str());
    // "ne ... pas": the second part of the negation adds nothing.
    if language == Language::French {
        let mut k = 0;
        while k < out.len() {
            if matches!(out[k].1.as_str(), "ne" | "n") {
                let end = (k + 5).min(out.len());
                if let Some(second) = (k + 1..end).find(|&j| {
                    matches!(
                        out[j].1.as_str(),
                        "pas" | "jamais" | "plus" | "point" | "guere" | "aucun" | "aucune" | "rien"
                    )
                }) {
                    if out[second].1 == "jamais" {
                        out[k].0.lower = "never".to_string().into();
                        out[k].0.surface = "never".to_string().into();
                    }
                    let gap = out[second].0.gap.clone();
                    out.remove(second);
                    if let Some(next) = out.get_mut(second) {
                        next.0.gap = format!("{gap}{}", next.0.gap).into();
                    }
                }
            }
            k += 1;
        }
    }
    // German puts the verb last: "nahm nicht an dem Treffen teil" denies "teil" (attend), and
    // "dass sie keine Truppen akzeptieren würden" denies "akzeptieren", not "Truppen". A "not"
    // moves to just before its clause's last content word when that word is written in
    // lowercase (a verb, a participle or a particle: German capitalises every noun).
    if language == Language::German {
        let mut k = 0;
        while k + 1 < out.len() {
            if out[k].0.lower == "not" {
                let clause_end = (k + 1..out.len())
                    .find(|&j| j + 1 == out.len() || out[j + 1].0.gap.contains([',', '.', ';', ':', '"']))
                    .unwrap_or(out.len() - 1);
                let last_content = (k + 2..=clause_end).rev().find(|&j| !lexicon.is_stopword(out[j].0.lower.as_str()));
                if let Some(verb) = last_content.filter(|&j| !out[j].2) {
                    let moved = out.remove(k);
                    out.insert(verb - 1, moved);
                }
            }
            k += 1;
        }
    }
    let mut words: Vec<Word> = out.into_iter().map(|(w, ..)| w).collect();
    // "viernes pasado", "semana pasada": the modifier goes first, as in English.
    for k in 1..words.len() {
        let modifier = matches!(words[k].lower.as_str(), "last" | "next" | "past" | "coming");
        let unit = is_weekday(&words[k - 1]) || matches!(words[k - 1].lower.as_str(), "week" | "month" | "year");
        if modifier && unit && !words[k].after_punctuation() && !(k >= 2 && words[k - 2].lower == "last") {
            let (a, b) = (words[k - 1].lower.clone(), words[k - 1].surface.clone());
            words[k - 1].lower = words[k].lower.clone();
            words[k - 1].surface = words[k].surface.clone();
            words[k].lower = a;
            words[k].surface = b;
        }
    }
    // "hace tres días", "il y a trois jours": "ago" goes after its count and unit.
    let mut k = 0;
    while k + 2 < words.len() {
        let unit = matches!(words[k + 2].lower.as_str(), "day" | "days" | "week" | "weeks");
        if words[k].lower == "ago"
            && unit
            && (words[k + 1].is_digits() || lexicon.number_words.contains_key(words[k + 1].lower.as_str()))
        {
            let ago = words.remove(k);
            words.insert(k + 2, Word { gap: " ".to_string().into(), ..ago });
            k += 3;
            continue;
        }
        k += 1;
    }
    // "20 de agosto de 2025": the "of" between a day, a month and a year goes.
    let day_or_month =
        |w: &Word| is_month(w) || (w.is_digits() && w.lower.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d)));
    let month_or_year = |w: &Word| is_month(w) || (w.is_digits() && w.lower.len() == 4);
    let mut k = 1;
    while k + 1 < words.len() {
        if words[k].lower == "of" && day_or_month(&words[k - 1]) && month_or_year(&words[k + 1]) {
            let gap = words.remove(k).gap;
            words[k].gap = format!("{gap}{}", words[k].gap).into();
            continue;
        }
        k += 1;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::normalize::words;

    fn glossed(text: &str) -> String {
        let language = detect(text);
        gloss(words(text), language, |_| false).iter().map(|w| w.lower.as_str()).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn detects_the_language_of_a_claim() {
        let check = |text: &str, expected: Language| assert_eq!(detect(text), expected, "{text:?}");
        check(
            "Jefes militares de la OTAN reiteran su apoyo a una \"paz justa, creíble y duradera\" en Ucrania",
            Language::Spanish,
        );
        check("Les chefs d'état-major de l'OTAN se sont réunis mercredi par visioconférence.", Language::French);
        check("Die Generalstabschefs der NATO haben sich am Mittwoch per Videokonferenz getroffen.", Language::German);
        check("I capi di stato maggiore della NATO si sono riuniti mercoledì in videoconferenza.", Language::Italian);
        check("Os chefes militares da OTAN reuniram-se na quarta-feira por videoconferência.", Language::Portuguese);
        check("NATO's 32 chiefs of defence held a video conference on Wednesday.", Language::English);
        check("Jordanian Foreign Minister Ayman al-Safadi was in Moscow.", Language::English);
        check("", Language::English);
    }

    #[test]
    fn numbers_are_read_in_each_language() {
        let check = |text: &str, expected: &str| {
            assert!(glossed(text).split(' ').any(|w| w == expected), "{expected} in {text:?}: {}", glossed(text));
        };
        check("Los veintiocho jefes de la OTAN se reunieron.", "28");
        check("Los treinta y dos jefes de la OTAN se reunieron.", "32");
        check("Les trente-deux chefs de l'OTAN se sont réunis.", "32");
        check("Les quatre-vingt-dix soldats de l'armée sont arrivés.", "90");
        check("Die zweiunddreißig Generalstabschefs der NATO trafen sich.", "32");
        check("I ventotto capi della NATO si sono riuniti.", "28");
        check("Os trinta e dois chefes da OTAN reuniram-se.", "32");
        check("El ejército envió 1.000 soldados y dos mil tanques.", "1000");
        check("El ejército envió 1.000 soldados y dos mil tanques.", "2000");
        // Plural number words read as the English ones ("tens of thousands").
        let plural = |text: &str, expected: &str| {
            assert!(glossed(text).contains(expected), "{expected:?} in {text:?}: {}", glossed(text));
        };
        plural(
            "Decenas de miles de personas marcharon el sábado por las calles de Leipzig contra la reforma.",
            "tens of thousands of",
        );
        plural(
            "Des dizaines de milliers de personnes ont défilé samedi dans les rues de Leipzig contre la réforme.",
            "tens of thousands of",
        );
        plural(
            "Decine di migliaia di persone hanno sfilato sabato per le strade di Lipsia contro la riforma.",
            "tens of thousands of",
        );
    }

    #[test]
    fn dates_and_negation_read_as_english() {
        let check = |text: &str, expected: &str| {
            assert!(glossed(text).contains(expected), "{expected:?} in {text:?}: {}", glossed(text));
        };
        check("Trump se reunió con Putin el viernes pasado en Alaska.", "last friday");
        check("La réunion a eu lieu le 20 août 2025 à Bruxelles.", "20 august 2025");
        check("Trump recibió a Zelenski el 18 de agosto en la Casa Blanca.", "18 august");
        check("Caine n'a pas participé à la réunion.", "not at attended");
        check("Caine nahm nicht an dem Treffen der NATO teil, sagte ein Sprecher.", "not attended");
        check("Caine non ha partecipato alla riunione.", "not");
    }
}
