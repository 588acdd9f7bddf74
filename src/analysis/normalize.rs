//! Words and index terms: tokenizing a claim into words with char offsets, straightening curly
//! quotes, folding case, joining abbreviations ("U.S." -> "US"), mapping name variants through the
//! alias table and stemming with the Snowball English stemmer.
//!
//! It deliberately knows nothing of numbers, dates or negation: those read the words this module
//! produces (see `numbers`, `dates`, `slots`).

use crate::analysis::lexicon::{lexicon, Alias};
use crate::analysis::short_text::{ShortText, TextSet};
use rust_stemmers::{Algorithm, Stemmer};
use std::borrow::Cow;

/// One word of a text, with its char offsets into that text.
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    /// The word as written, curly apostrophes straightened.
    pub surface: ShortText,
    /// Lowercase, without a possessive `'s` or a contracted `n't`.
    pub lower: ShortText,
    pub start: usize,
    pub end: usize,
    /// The text between the previous word and this one (quotes straightened).
    pub gap: ShortText,
    /// The word was contracted with `n't` ("won't", "didn't").
    pub negated: bool,
}

impl Word {
    pub fn is_capitalised(&self) -> bool {
        self.surface.chars().next().is_some_and(char::is_uppercase)
    }

    /// All letters uppercase and at least two of them ("NATO", "ICC").
    pub fn is_acronym(&self) -> bool {
        // A possessive does not make "NATO's" less of an acronym.
        let bare = self.surface.strip_suffix("'s").unwrap_or(self.surface.as_str());
        let letters: Vec<char> = bare.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
    }

    pub fn is_digits(&self) -> bool {
        !self.surface.is_empty() && self.surface.chars().all(|c| c.is_ascii_digit() || c == '.')
    }

    /// The previous word is joined to this one by a hyphen only ("three-year").
    pub fn hyphenated(&self) -> bool {
        self.gap == "-" || self.gap == "\u{2010}" || self.gap == "\u{2011}"
    }

    /// Punctuation (not just space) separates this word from the previous one.
    pub fn after_punctuation(&self) -> bool {
        self.gap.chars().any(|c| !c.is_whitespace()) && !self.hyphenated()
    }
}

/// An index term and the words it was read from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Term {
    pub text: ShortText,
    pub first_word: usize,
    pub end_word: usize,
}

/// Straightens typographic quotes so that quoted spans of different sources compare equal.
pub fn straighten(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => '"',
        _ => c,
    }
}

/// Splits `text` into words. Offsets count chars; nothing here can panic on odd input.
pub fn words(text: &str) -> Vec<Word> {
    let mut straightened = false;
    let chars: Vec<char> = text
        .chars()
        .map(|c| {
            let straight = straighten(c);
            straightened |= straight != c;
            straight
        })
        .collect();
    let mut raw: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_alphanumeric() {
            let start = i;
            while i < chars.len() {
                // A letter or digit, or an apostrophe inside a word ("don't", "Zelensky's").
                let apostrophe = chars[i] == '\'' && chars.get(i + 1).is_some_and(|c| c.is_alphabetic()) && i > start;
                if chars[i].is_alphanumeric() || apostrophe {
                    i += 1;
                } else {
                    break;
                }
            }
            raw.push((start, i));
        } else {
            i += 1;
        }
    }
    // The straightened text and each char's byte offset in it: a word's surface and gap are
    // slices of it, copied once, rather than strings collected char by char.
    let straight: Cow<str> = if straightened { Cow::Owned(chars.iter().collect()) } else { Cow::Borrowed(text) };
    let mut byte_at: Vec<usize> = Vec::with_capacity(chars.len() + 1);
    let mut n_bytes = 0;
    byte_at.extend(chars.iter().map(|c| {
        let at = n_bytes;
        n_bytes += c.len_utf8();
        at
    }));
    byte_at.push(n_bytes);
    let text_of = |start: usize, end: usize| &straight[byte_at[start]..byte_at[end]];
    // Each word's surface: a slice of the text, owned only when words were joined.
    let mut merged: Vec<(usize, usize, Cow<str>)> = Vec::new();
    for (start, end) in raw {
        let surface = &chars[start..end];
        if let Some(last) = merged.last_mut() {
            // Compared as chars in place: this runs for every word of every text.
            let gap = &chars[last.1..start];
            let single_capital = |s: &[char]| s.len() == 1 && s[0].is_uppercase();
            let last_is_abbreviation = last.2.chars().all(char::is_uppercase) && last.2.chars().count() <= 3;
            // "U.S." and "U.K." are one word: joining them lets the alias table see "US" and "UK".
            if gap == ['.']
                && single_capital(surface)
                && last_is_abbreviation
                && chars[last.0..last.1].iter().map(|c| c.len_utf8()).sum::<usize>() <= 5
            {
                let last_surface_has_dot = chars[last.0..last.1].contains(&'.');
                if last.2.chars().count() == 1 && last.2.chars().all(char::is_uppercase) || last_surface_has_dot {
                    last.1 = end;
                    last.2.to_mut().extend(surface);
                    continue;
                }
            }
            // "1,000" and "2.5" are one number.
            let last_is_number =
                last.2.chars().any(|c| c != '.') && last.2.chars().all(|c| c.is_ascii_digit() || c == '.');
            let surface_is_digits = surface.iter().all(char::is_ascii_digit);
            if last_is_number && surface_is_digits {
                let surface = text_of(start, end);
                if gap == [','] && surface.len() == 3 {
                    last.1 = end;
                    last.2.to_mut().push_str(surface);
                    continue;
                }
                if gap == ['.'] && !last.2.contains('.') {
                    last.1 = end;
                    let joined = last.2.to_mut();
                    joined.push('.');
                    joined.push_str(surface);
                    continue;
                }
            }
        }
        merged.push((start, end, Cow::Borrowed(text_of(start, end))));
    }
    let mut out = Vec::with_capacity(merged.len());
    let mut previous_end = 0;
    for (start, end, surface) in merged {
        let gap = ShortText::new(text_of(previous_end.min(start), start));
        previous_end = end;
        let lowered = surface.to_lowercase();
        let (lower, negated) = if let Some(base) = lowered.strip_suffix("n't") {
            let base = match base {
                "wo" => "will",
                "ca" => "can",
                "sha" => "shall",
                other => other,
            };
            (base, true)
        } else if let Some(base) = lowered.strip_suffix("'s") {
            (base, false)
        } else if let Some(base) = lowered.strip_suffix('\'') {
            (base, false)
        } else {
            (lowered.as_str(), false)
        };
        out.push(Word { surface: ShortText::new(&surface), lower: ShortText::new(lower), start, end, gap, negated });
    }
    out
}

/// The stem of one lowercase word: irregular forms first, then the Snowball English stemmer.
///
/// Stems are remembered per thread: a story repeats its words, and the analysis asks for the
/// stem of a word many times (its term, its event kind, its synonym class). The memory is
/// bounded: past `MAX_REMEMBERED` words it starts afresh.
pub fn stem_word(lower: &str) -> String {
    const MAX_REMEMBERED: usize = 200_000;
    thread_local! {
        // A hash map: looking a word up in a tree compares it with a dozen others, and this is
        // the hottest lookup of reading a story. Nothing iterates over it.
        static STEMS: std::cell::RefCell<crate::analysis::lexicon::WordMap<String>> =
            std::cell::RefCell::new(Default::default());
    }
    if let Some(stem) = STEMS.with(|stems| stems.borrow().get(lower).cloned()) {
        return stem;
    }
    let lexicon = lexicon();
    let stem = match lexicon.irregular.get(lower) {
        Some(base) => base.clone(),
        None => snowball(lower),
    };
    STEMS.with(|stems| {
        let mut stems = stems.borrow_mut();
        if stems.len() >= MAX_REMEMBERED {
            stems.clear();
        }
        stems.insert(lower.to_string(), stem.clone());
    });
    stem
}

/// The Snowball English stem of one lowercase word, without the irregular-forms table.
pub fn snowball(lower: &str) -> String {
    Stemmer::create(Algorithm::English).stem(lower).into_owned()
}

/// The canonical term of a word that is not part of an alias phrase, or `None` for stopwords.
fn plain_term(word: &Word) -> Option<String> {
    let lexicon = lexicon();
    // Hedges ("roughly", "nearly") belong to the counts (`numbers`), not to the fact's words.
    if word.lower.is_empty()
        || lexicon.is_stopword(word.lower.as_str())
        || lexicon.bounds.contains_key(word.lower.as_str())
    {
        return None;
    }
    if word.is_digits() {
        return Some(format!("#{}", word.lower));
    }
    // A place keeps its gazetteer spelling, the one aliases map to ("Ukraine" = "Ukrainian").
    if lexicon.places.contains_key(word.lower.as_str()) {
        return Some(word.lower.to_string());
    }
    Some(stem_word(word.lower.as_str()))
}

/// The alias that starts at word `i`, longest first, and how many words it spans.
pub fn alias_at(words: &[Word], i: usize) -> Option<(&'static Alias, usize)> {
    let lexicon = lexicon();
    let first = words.get(i)?;
    if !lexicon.phrase_first_words.contains(first.surface.as_str())
        && !lexicon.phrase_first_words.contains(first.lower.as_str())
    {
        return None;
    }
    let max = lexicon.alias_max_words.min(words.len().saturating_sub(i));
    // A phrase must not run across punctuation: "Washington, White House" is two names.
    let max = (1..max).find(|&k| words[i + k].after_punctuation()).unwrap_or(max);
    // The longest phrase written out once, as written and folded; each shorter one is a prefix.
    let (mut exact, mut folded) = (String::new(), String::new());
    let mut ends: Vec<(usize, usize)> = Vec::with_capacity(max);
    for (k, word) in words[i..i + max].iter().enumerate() {
        if k > 0 {
            exact.push(' ');
            folded.push(' ');
        }
        exact.push_str(&word.surface);
        folded.push_str(&word.lower);
        ends.push((exact.len(), folded.len()));
    }
    for n in (1..=max).rev() {
        let (exact_end, folded_end) = ends[n - 1];
        if let Some(alias) = lexicon.aliases_exact.get(&exact[..exact_end]) {
            return Some((alias, n));
        }
        if let Some(alias) = lexicon.aliases_folded.get(&folded[..folded_end]) {
            return Some((alias, n));
        }
    }
    None
}

/// The index terms of a run of words: aliases resolved, stopwords dropped, the rest stemmed.
pub fn terms(words: &[Word]) -> Vec<Term> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some((alias, n)) = alias_at(words, i) {
            // The canonical form is a term like any other, so it is stemmed as the word itself
            // would be ("defence" -> "defense" -> "defens", as "defense" is): otherwise a variant
            // and the canonical spelling written out would never match. Places keep their
            // gazetteer spelling, as `plain_term` keeps it.
            let canonical = &alias.canonical;
            let is_word = !canonical.contains(' ') && !lexicon().places.contains_key(canonical);
            let text = if is_word { stem_word(canonical) } else { canonical.clone() };
            out.push(Term { text: text.into(), first_word: i, end_word: i + n });
            if alias.keep_variant {
                let variant = words[i..i + n].iter().map(|w| w.lower.as_str()).collect::<Vec<_>>().join(" ");
                out.push(Term { text: variant.into(), first_word: i, end_word: i + n });
            }
            i += n;
            continue;
        }
        if let Some(text) = plain_term(&words[i]) {
            out.push(Term { text: text.into(), first_word: i, end_word: i + 1 });
        }
        i += 1;
    }
    out
}

/// The run of `words` whose index terms all occur in `other_terms` (function words may sit inside
/// the run, not at its ends) that tells the most: each shared term counts two, a term of a name
/// (`in_name` of its first word) one, and a run needs one term outside names and two in all.
/// Returned as a word range `first..end`: what two claims say alike, in the first one's words
/// ("held a video conference"). `terms` are the index terms of `words`.
pub fn shared_run(
    words: &[Word],
    terms: &[Term],
    other_terms: &TextSet,
    in_name: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let lexicon = lexicon();
    // Per word: Some(true) when a shared term covers it, Some(false) when it is a term the other
    // claim lacks, None for a function word. A word a term covers is settled by its terms; only
    // the others are looked up among the function words.
    let mut state: Vec<Option<bool>> = vec![None; words.len()];
    for term in terms {
        let shared = other_terms.contains(&term.text);
        for slot in state.iter_mut().take(term.end_word).skip(term.first_word) {
            *slot = Some(shared || slot.is_some_and(|s| s));
        }
    }
    for (slot, word) in state.iter_mut().zip(words) {
        if slot.is_none() && !lexicon.is_stopword(word.lower.as_str()) {
            *slot = Some(false);
        }
    }
    let mut best: Option<(usize, usize, usize)> = None; // (value, first, end)
    let mut start = 0;
    while start < words.len() {
        if state[start] != Some(true) {
            start += 1;
            continue;
        }
        let (mut value, mut n_content, mut n_terms) = (0, 0, 0);
        let mut end = start;
        let mut last_shared = start + 1;
        while end < words.len()
            && state[end] != Some(false)
            && (end == start || !words[end].gap.contains(['.', ';', ':', '"', '(', ')']))
        {
            if state[end] == Some(true) {
                last_shared = end + 1;
                n_terms += 1;
                if in_name(end) {
                    value += 1;
                } else {
                    value += 2;
                    n_content += 1;
                }
            }
            end += 1;
        }
        if n_content >= 1 && n_terms >= 2 && best.is_none_or(|(v, ..)| value > v) {
            best = Some((value, start, last_shared));
        }
        start = end.max(start + 1);
    }
    best.map(|(_, first, end)| (first, end))
}

/// What `text` says that `other` also says: the best [`shared_run`] of `text`, as written, with
/// capitalised words inside a sentence taken for names, else the best run of names. `None` when
/// they share no such stretch.
pub fn shared_phrase(text: &str, other: &str) -> Option<String> {
    let words = words(text);
    let other_terms: TextSet = terms(&self::words(other)).into_iter().map(|t| t.text).collect();
    let in_name = |i: usize| i > 0 && words[i].is_capitalised();
    let terms = terms(&words);
    // Failing a stretch that tells what happened, the names both give ("Germany, the U.K. and
    // France") are what they share.
    let (first, end) = shared_run(&words, &terms, &other_terms, in_name)
        .or_else(|| shared_run(&words, &terms, &other_terms, |_| false))?;
    let span = crate::analysis::text::Span { start: words[first].start, end: words[end - 1].end };
    Some(crate::analysis::text::slice(text, span).to_string())
}

/// Lowercase, quote-straightened text with runs of white space collapsed: for comparing quotes.
pub fn fold_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = true;
    for c in text.chars().map(straighten) {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            last_space = false;
        } else if !last_space {
            out.push(' ');
            last_space = true;
        }
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_terms(input: &str, expected: &[&str]) {
        let got: Vec<String> = terms(&words(input)).into_iter().map(|t| String::from(t.text)).collect();
        assert_eq!(got, expected, "terms of {input:?}");
    }

    #[test]
    fn name_variants_share_a_term() {
        check_terms("Zelensky", &["zelenskyy"]);
        check_terms("Zelenskyy", &["zelenskyy"]);
        check_terms("Volodymyr Zelensky", &["zelenskyy"]);
        check_terms("U.S. troops", &["usa", "troop"]);
        check_terms("US troops", &["usa", "troop"]);
        check_terms("the United States", &["usa"]);
        check_terms("the U.K.", &["uk"]);
        check_terms("Britain", &["uk"]);
        check_terms("the International Criminal Court", &["icc"]);
        check_terms("an ICC exemption", &["icc", "exempt"]);
        check_terms("The Swiss", &["switzerland"]);
        check_terms("the Kremlin", &["russia"]);
        check_terms("in Moscow", &["russia", "moscow"]);
        // A spelling variant meets the canonical spelling written out: both stem alike.
        check_terms("defence chiefs", &["defens", "chief"]);
        check_terms("defense chiefs", &["defens", "chief"]);
        check_terms("with us", &[]);
    }

    #[test]
    fn stems_and_irregular_forms() {
        let check = |input: &str, expected: &str| assert_eq!(stem_word(input), expected, "stem of {input}");
        check("met", "meet");
        check("meeting", "meet");
        check("held", "hold");
        check("attendance", "attend");
        check("attended", "attend");
        check("virtually", "virtual");
    }

    #[test]
    fn the_longest_shared_run_of_words() {
        let run = |a: &str, b: &str| {
            let (wa, wb) = (words(a), words(b));
            let other: TextSet = terms(&wb).into_iter().map(|t| t.text).collect();
            shared_run(&wa, &terms(&wa), &other, |_| false)
                .map(|(first, end)| wa[first..end].iter().map(|w| w.surface.as_str()).collect::<Vec<_>>().join(" "))
        };
        // "defence" is not in the second claim: it cuts the run.
        assert_eq!(
            run(
                "NATO's 32 chiefs of defence held a video conference on Wednesday",
                "the 32 chiefs held a video conference"
            ),
            Some("held a video conference".to_string())
        );
        assert_eq!(
            run("Trump met Putin in Alaska", "Putin met Trump in Alaska on Friday"),
            Some("Trump met Putin in Alaska".to_string())
        );
        assert_eq!(run("The council voted to close the library", "Bale will play Jobs"), None);
        assert_eq!(
            shared_phrase("The U.S. troops will stay in Ukraine until May.", "Troops stay in Ukraine"),
            Some("troops will stay in Ukraine".to_string())
        );
    }

    #[test]
    fn words_keep_char_offsets() {
        let text = "“We need” Zelenskyy’s U.S. 1,000 didn't";
        let got = words(text);
        let surfaces: Vec<&str> = got.iter().map(|w| w.surface.as_str()).collect();
        assert_eq!(surfaces, ["We", "need", "Zelenskyy's", "US", "1000", "didn't"]);
        assert_eq!(got[2].lower, "zelenskyy");
        assert!(got[5].negated);
        let chars: Vec<char> = text.chars().collect();
        let slice: String = chars[got[3].start..got[3].end].iter().collect();
        assert_eq!(slice, "U.S");
    }
}
