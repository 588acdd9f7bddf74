//! Counts in text: digits and number words ("32", "twenty-eight", "half a dozen"), the hedges
//! that widen them into ranges ("roughly", "more than"), the noun they count ("32 chiefs"), and
//! tallies ("voted 28 to 4", "won 3-1"), whose two sides are counts of their own.
//!
//! A count without a counted noun is dropped: "at one after" or "one of them" is not a quantity
//! anyone could contradict. Years, dates and ordinals are not counts; `dates` reads dates.
//! This module does not compare counts of different claims; `stance` does.

use crate::analysis::lexicon::{lexicon, Bound, NumberWord};
use crate::analysis::normalize::{stem_word, terms, Word};
use std::collections::BTreeSet;

/// A count with the range of values it allows and the noun it counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    pub value: f64,
    /// Inclusive range of values the wording allows ("roughly six" allows five).
    pub low: f64,
    pub high: f64,
    pub bound: Option<Bound>,
    /// Words of the count, hedge included: `first_word..end_word`.
    pub first_word: usize,
    pub end_word: usize,
    /// The counted noun's word and its class ("leaders" -> "chief").
    pub noun_word: usize,
    pub noun_class: String,
    /// Index terms of the counted noun phrase with the noun's class ("NATO defence chiefs" ->
    /// nato, defense, chief): two counts with several in common count the same group.
    pub phrase_terms: BTreeSet<String>,
}

impl Quantity {
    /// Two counts of the same thing that no reading can reconcile.
    pub fn conflicts_with(&self, other: &Quantity) -> bool {
        let disjoint = self.high < other.low || other.high < self.low;
        self.noun_class == other.noun_class && disjoint && !self.rounds(other) && !other.rounds(self)
    }

    /// An unhedged round number ("a 40-foot crater") may be another report's exact figure rounded
    /// ("39 feet"): within 5 % of it, the two do not conflict.
    fn rounds(&self, exact: &Quantity) -> bool {
        let round = self.bound.is_none() && self.value >= 20.0 && self.value % 10.0 == 0.0;
        round && (self.value - exact.value).abs() <= 0.05 * self.value
    }

    pub fn agrees_with(&self, other: &Quantity) -> bool {
        self.noun_class == other.noun_class && !self.conflicts_with(other)
    }

    /// The words of the count with its noun, `first_word..` this: to the noun after the number,
    /// or to the number when the noun comes first ("magnitude 5.8").
    pub fn end_with_noun(&self) -> usize {
        (self.noun_word + 1).max(self.end_word)
    }
}

/// The index terms of a counted noun phrase with the noun's class: two counts sharing several
/// count the same group.
fn phrase_terms(phrase: &[Word], noun_class: &str) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = terms(phrase).into_iter().map(|t| String::from(t.text)).collect();
    out.insert(noun_class.to_string());
    out
}

/// The value of the number words starting at `i` and how many words they span.
fn number_at(words: &[Word], i: usize) -> Option<(f64, usize)> {
    let lexicon = lexicon();
    let word = words.get(i)?;
    if word.is_digits() {
        let value: f64 = word.lower.parse().ok()?;
        // A following scale word multiplies digits: "2 million".
        if let Some(NumberWord::Scale(scale)) =
            words.get(i + 1).and_then(|w| lexicon.number_words.get(w.lower.as_str()))
        {
            return Some((value * scale, 2));
        }
        return Some((value, 1));
    }
    let mut total = 0.0;
    let mut current = 0.0;
    let mut n = 0;
    let mut seen_number = false;
    let mut fraction: Option<f64> = None;
    while let Some(w) = words.get(i + n) {
        if n > 0 && w.after_punctuation() {
            break;
        }
        match lexicon.number_words.get(w.lower.as_str()) {
            Some(NumberWord::Value(v)) => {
                current += v;
                seen_number = true;
                n += 1;
            }
            Some(NumberWord::Scale(scale)) => {
                if !seen_number && fraction.is_none() && n == 0 {
                    // A bare scale word ("dozens", "hundred") is vague or not a count.
                    return None;
                }
                let base = if current == 0.0 { 1.0 } else { current };
                current = base * scale * fraction.take().unwrap_or(1.0);
                if *scale >= 1000.0 {
                    total += current;
                    current = 0.0;
                }
                seen_number = true;
                n += 1;
            }
            Some(NumberWord::Fraction(f)) if n == 0 => {
                fraction = Some(*f);
                n += 1;
            }
            _ if (w.lower == "a" || w.lower == "an") && (n == 0 || fraction.is_some()) => {
                // "a dozen", "half a dozen": the article stands for one.
                // "a few million" too: the article goes with a vague count.
                let next_is_scale =
                    matches!(
                        words.get(i + n + 1).and_then(|next| lexicon.number_words.get(next.lower.as_str())),
                        Some(NumberWord::Scale(_))
                    ) || words.get(i + n + 1).is_some_and(|next| VAGUE.iter().any(|(word, ..)| *word == next.lower));
                if !next_is_scale {
                    break;
                }
                n += 1;
            }
            _ if w.lower == "and" && seen_number => {
                let next_is_number = matches!(
                    words.get(i + n + 1).and_then(|next| lexicon.number_words.get(next.lower.as_str())),
                    Some(NumberWord::Value(_))
                );
                if !next_is_number {
                    break;
                }
                n += 1;
            }
            _ => break,
        }
    }
    // A trailing "and" or article is not part of the number.
    while n > 0 && matches!(words[i + n - 1].lower.as_str(), "and" | "a" | "an") {
        n -= 1;
    }
    if !seen_number || n == 0 || fraction.is_some() {
        return None;
    }
    Some((total + current, n))
}

/// The hedge phrase ending right before word `i`, if any, and its first word.
fn bound_before(words: &[Word], i: usize) -> Option<(Bound, usize)> {
    let lexicon = lexicon();
    for n in (1..=3).rev() {
        if n > i {
            continue;
        }
        let phrase = words[i - n..i].iter().map(|w| w.lower.as_str()).collect::<Vec<_>>().join(" ");
        if let Some(bound) = lexicon.bounds.get(&phrase) {
            return Some((*bound, i - n));
        }
    }
    None
}

/// True for a word that looks like a plural noun ("chiefs", "regions", "countries").
fn looks_plural(word: &Word) -> bool {
    let lower = &word.lower;
    lower.chars().count() > 3 && lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("us")
}

/// The counted noun after the number ending before word `i`: the first plural among the next
/// few words of the same phrase, else the first content word.
fn counted_noun(words: &[Word], i: usize) -> Option<usize> {
    let lexicon = lexicon();
    let mut first_content = None;
    for (offset, word) in words.iter().enumerate().skip(i).take(4) {
        if offset > i && word.after_punctuation() {
            break;
        }
        if offset == i && word.after_punctuation() && !word.gap.trim().is_empty() {
            break;
        }
        if lexicon.is_stopword(word.lower.as_str())
            || lexicon.number_words.contains_key(word.lower.as_str())
            || word.is_digits()
        {
            break;
        }
        if looks_plural(word) {
            return Some(offset);
        }
        first_content.get_or_insert(offset);
    }
    first_content
}

/// The word of a scale that names the number after it ("magnitude 5.8", "a magnitude of 6.2",
/// "category 4", "level 3"): the number is a reading on that scale.
fn scale_before(words: &[Word], i: usize) -> Option<usize> {
    let is_scale = |k: usize| matches!(words[k].lower.as_str(), "magnitude" | "category" | "level");
    let before = i.checked_sub(1)?;
    if words[i].after_punctuation() {
        return None;
    }
    if is_scale(before) {
        return Some(before);
    }
    let of = words[before].lower == "of" && !words[before].after_punctuation();
    before.checked_sub(1).filter(|&k| of && is_scale(k))
}

/// Vague counts and the values they allow: "a few" people are two to five, "several" three to
/// nine. They stand in a number as their middle value and widen to this range.
const VAGUE: [(&str, f64, f64); 2] = [("few", 2.0, 5.0), ("several", 3.0, 9.0)];

/// The values a count allows under its hedge.
fn widen(value: f64, bound: Option<Bound>) -> (f64, f64) {
    match bound {
        None => (value, value),
        Some(Bound::Approximate) => (value * 0.7 - 1.0, value * 1.3 + 1.0),
        Some(Bound::AtLeast) => (value, f64::INFINITY),
        Some(Bound::AtMost) => (0.0, value),
    }
}

/// The class a counted noun belongs to: its synonym class, else its stem.
pub fn noun_class(word: &Word) -> String {
    let stem = stem_word(word.lower.as_str());
    lexicon().synonym_class.get(&stem).cloned().unwrap_or(stem)
}

/// The noun classes of the two sides of a tally ("voted 28 to 4", "won 3-1").
pub const TALLY_FOR: &str = "tally:for";
pub const TALLY_AGAINST: &str = "tally:against";

/// A tally at word `i` ("28 to 4", "28-4", "28–4"): two digit counts joined by "to" or a dash,
/// not a range ("from 5 to 10", "between"), with no counted noun after it ("5 to 10 people" is a
/// range of people). Its two sides are counts of their own classes, so that "28 to 4" conflicts
/// with "32 to 4". Returns the two counts and the words the tally spans.
fn tally_at(words: &[Word], i: usize, skip: &[(usize, usize)]) -> Option<(Vec<Quantity>, usize)> {
    let first = words.get(i)?;
    let joined_by_to = words.get(i + 1).is_some_and(|w| w.lower == "to" && !w.after_punctuation());
    let second_index = if joined_by_to { i + 2 } else { i + 1 };
    let second = words.get(second_index)?;
    let dash = matches!(second.gap.trim(), "-" | "\u{2013}" | "\u{2014}" | "\u{2010}" | "\u{2011}");
    if !first.is_digits() || !second.is_digits() || !(joined_by_to || dash) {
        return None;
    }
    let in_date = skip.iter().any(|&(a, b)| (a..b).contains(&second_index));
    if first.lower.contains('.') || second.lower.contains('.') || in_date {
        return None;
    }
    let is_range = i > 0 && matches!(words[i - 1].lower.as_str(), "from" | "between" | "aged" | "ages");
    let counted = counted_noun(words, second_index + 1).is_some();
    if is_range || counted {
        return None;
    }
    let (for_value, against_value): (f64, f64) = (first.lower.parse().ok()?, second.lower.parse().ok()?);
    let side = |value: f64, class: &str| Quantity {
        value,
        low: value,
        high: value,
        bound: None,
        first_word: i,
        end_word: second_index + 1,
        noun_word: second_index,
        noun_class: class.to_string(),
        phrase_terms: BTreeSet::from([class.to_string()]),
    };
    Some((vec![side(for_value, TALLY_FOR), side(against_value, TALLY_AGAINST)], second_index + 1 - i))
}

/// The class of an amount of money written with a currency sign before it ("$12,000", "€5 million").
fn currency_before(word: &Word) -> Option<&'static str> {
    match word.gap.trim_end().chars().last()? {
        '$' => Some("dollar"),
        '\u{20ac}' => Some("euro"),
        '\u{a3}' => Some("pound"),
        '\u{a5}' => Some("yen"),
        _ => None,
    }
}

/// Noun class of a person's age.
pub const AGE: &str = "age";
/// The class of a percentage, written "65%" or "65 percent" (the noun's stem).
pub const PERCENT: &str = "percent";

/// The number at `i` (spanning `n` words) is someone's age: "Smith, 34,", "who is 38", "aged 38",
/// "a 17-year-old".
fn is_age(words: &[Word], i: usize, n: usize, value: f64) -> bool {
    if !(1.0..=120.0).contains(&value) || n != 1 {
        return false;
    }
    let lower = |k: usize| words.get(k).map(|w| w.lower.as_str()).unwrap_or("");
    let next = words.get(i + 1);
    // "17-year-old".
    if lower(i + 1) == "year" && lower(i + 2) == "old" && next.is_some_and(Word::hyphenated) {
        return true;
    }
    if i == 0 {
        return false;
    }
    let previous = &words[i - 1];
    // "Smith, 34,": a number alone between commas right after a capitalised name.
    let between_commas = words[i].gap.trim() == "," && next.is_none_or(|w| w.gap.trim_start().starts_with(','));
    if between_commas && previous.is_capitalised() && !previous.is_digits() {
        return true;
    }
    // "aged 38", "who is 38", "who was 38".
    lower(i - 1) == "aged" || (matches!(lower(i - 1), "is" | "was") && i >= 2 && lower(i - 2) == "who")
}

/// The counts a plural number word allows ("dozens", "tens", "hundreds"), loose enough for a
/// reporter's rounding: "dozens" are two to twelve dozen, "tens" ten to a hundred, and any
/// other plural scale one to twenty times the scale ("thousands": 1,000 to 20,000).
fn plural_scale(word: &Word) -> Option<(f64, f64)> {
    let singular = word.lower.strip_suffix('s')?;
    if singular == "ten" {
        return Some((10.0, 100.0));
    }
    match lexicon().number_words.get(singular)? {
        NumberWord::Scale(scale) if singular == "dozen" => Some((2.0 * scale, 12.0 * scale)),
        NumberWord::Scale(scale) => Some((*scale, 20.0 * scale)),
        _ => None,
    }
}

/// A count given by plural number words at `i`, with its counted noun after "of": "hundreds of
/// people", "tens of millions of dollars" (10 to 100 million), "hundreds of thousands of
/// people". Returns the count and the word after it.
fn vague_plural_at(words: &[Word], i: usize) -> Option<(Quantity, usize)> {
    let of_at = |k: usize| words.get(k).is_some_and(|w| w.lower == "of" && !w.after_punctuation());
    let (mut low, mut high) = plural_scale(words.get(i)?)?;
    let mut end = i + 1;
    // "tens of millions": the second plural is the unit the first counts.
    if of_at(end) {
        if let Some((unit, _)) = words.get(end + 1).and_then(plural_scale).filter(|&(unit, _)| unit >= 100.0) {
            (low, high) = (low * unit, high * unit);
            end += 2;
        }
    }
    if !of_at(end) {
        return None;
    }
    let noun_word = counted_noun(words, end + 1)?;
    let noun_class = noun_class(&words[noun_word]);
    let phrase_terms = phrase_terms(&words[end + 1..noun_word + 1], &noun_class);
    let quantity = Quantity {
        value: (low * high).sqrt(),
        low,
        high,
        bound: Some(Bound::Approximate),
        first_word: i,
        end_word: end,
        noun_word,
        noun_class,
        phrase_terms,
    };
    Some((quantity, end))
}

/// Every count with a counted noun in `words`, skipping the word ranges in `skip` (dates).
pub fn quantities(words: &[Word], skip: &[(usize, usize)]) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if skip.iter().any(|&(a, b)| (a..b).contains(&i)) {
            i += 1;
            continue;
        }
        if let Some((quantity, end)) = vague_plural_at(words, i) {
            out.push(quantity);
            i = end;
            continue;
        }
        if let Some((tally, n)) = tally_at(words, i, skip) {
            out.extend(tally);
            i += n;
            continue;
        }
        let Some((value, n)) = number_at(words, i) else {
            i += 1;
            continue;
        };
        let word = &words[i];
        // A four-digit number in the years' range is a year, not a count.
        let is_year = word.is_digits() && n == 1 && (1800.0..=2100.0).contains(&value) && !word.lower.contains('.');
        // A number glued to a preceding word by a hyphen ("Su-35", "COVID-19") is a name.
        let is_name_part =
            word.hyphenated() && i > 0 && !lexicon().number_words.contains_key(words[i - 1].lower.as_str());
        // "65%" is "65 percent": the sign is in the gap before the next word.
        let followed_by_percent = words.get(i + n).is_some_and(|next| next.gap.starts_with('%'));
        if is_year || is_name_part {
            i += n;
            continue;
        }
        // An amount of money, a percentage or an age has no counted noun after it: its class
        // says what it is.
        let sign = currency_before(word);
        let age = sign.is_none() && !followed_by_percent && is_age(words, i, n, value);
        if let Some(class) = sign.or(followed_by_percent.then_some(PERCENT)).or(age.then_some(AGE)) {
            let (bound, first_word) = match bound_before(words, i) {
                Some((bound, first)) => (Some(bound), first),
                None => (None, i),
            };
            let (low, high) = widen(value, bound);
            // "17-year-old" spans three words.
            let end_word = if age && words.get(i + 1).is_some_and(|w| w.lower == "year") { i + 3 } else { i + n };
            out.push(Quantity {
                phrase_terms: BTreeSet::from([class.to_string()]),
                value,
                low,
                high,
                bound,
                first_word,
                end_word,
                noun_word: i + n - 1,
                noun_class: class.to_string(),
            });
            i = end_word;
            continue;
        }
        let Some(noun_word) = scale_before(words, i).or_else(|| counted_noun(words, i + n)) else {
            i += n;
            continue;
        };
        let (bound, first_word) = match bound_before(words, i) {
            Some((bound, first)) => (Some(bound), first),
            None => (None, i),
        };
        // A scale's name before the number starts the count ("magnitude 5.8").
        let first_word = first_word.min(noun_word);
        let (mut low, mut high) = widen(value, bound);
        // "a few million": the vague word's range, times whatever scale follows it.
        if let Some(&(word, least, most)) =
            VAGUE.iter().find(|(word, ..)| words[i..i + n].iter().any(|w| w.lower == *word))
        {
            let middle = lexicon().number_words.get(word).map_or(1.0, |w| match w {
                NumberWord::Value(v) => *v,
                _ => 1.0,
            });
            let scale = value / middle;
            (low, high) = (least * scale, most * scale);
        }
        let noun_class = noun_class(&words[noun_word]);
        // The counted noun phrase: after the number, or the scale's name before it.
        let phrase = if noun_word < i { noun_word..noun_word + 1 } else { i + n..noun_word + 1 };
        let phrase_terms = phrase_terms(&words[phrase], &noun_class);
        out.push(Quantity {
            phrase_terms,
            value,
            low,
            high,
            bound,
            first_word,
            end_word: i + n,
            noun_word,
            noun_class,
        });
        i += n;
    }
    // A share is rounded to a few points, not by a third: "about 40 percent" is not "about 65%".
    for q in out.iter_mut().filter(|q| q.noun_class == PERCENT && q.bound == Some(Bound::Approximate)) {
        let slack = (q.value * 0.1).max(3.0);
        (q.low, q.high) = ((q.value - slack).max(0.0), q.value + slack);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::normalize::words;

    fn round(x: f64) -> f64 {
        (x * 100.0).round() / 100.0
    }

    /// `expected`: (value, low, high, counted noun class) of each count in `input`.
    fn check(input: &str, expected: &[(f64, f64, f64, &str)]) {
        let got: Vec<(f64, f64, f64, String)> = quantities(&words(input), &[])
            .into_iter()
            .map(|q| (q.value, round(q.low), round(q.high), q.noun_class))
            .collect();
        let want: Vec<(f64, f64, f64, String)> =
            expected.iter().map(|&(v, l, h, n)| (v, l, h, n.to_string())).collect();
        assert_eq!(got, want, "counts in {input:?}");
    }

    #[test]
    fn number_words_and_digits() {
        let inf = f64::INFINITY;
        check("32 defense chiefs met", &[(32.0, 32.0, 32.0, "chief")]);
        check("Twenty-eight NATO defence chiefs joined", &[(28.0, 28.0, 28.0, "chief")]);
        check("thirty-two chiefs", &[(32.0, 32.0, 32.0, "chief")]);
        check("all 32 allied military leaders", &[(32.0, 32.0, 32.0, "chief")]);
        check("six regions of Ukraine", &[(6.0, 6.0, 6.0, "region")]);
        check("nine Ukrainian regions", &[(9.0, 9.0, 9.0, "region")]);
        check("roughly half a dozen NATO counterparts", &[(6.0, 3.2, 8.8, "counterpart")]);
        check("a dozen eggs", &[(12.0, 12.0, 12.0, "egg")]);
        check("two hundred and five soldiers", &[(205.0, 205.0, 205.0, "troop")]);
        check("1,000 troops", &[(1000.0, 1000.0, 1000.0, "troop")]);
        check("2 million people", &[(2_000_000.0, 2_000_000.0, 2_000_000.0, "people")]);
        check("more than three years after", &[(3.0, 3.0, inf, "year")]);
        check("Russia's three-year conflict", &[(3.0, 3.0, 3.0, "year")]);
        check("fewer than 10 countries", &[(10.0, 0.0, 10.0, "country")]);
        check("voted 28 to 4 to close", &[(28.0, 28.0, 28.0, TALLY_FOR), (4.0, 4.0, 4.0, TALLY_AGAINST)]);
        check("voted 28\u{2013}4 to close", &[(28.0, 28.0, 28.0, TALLY_FOR), (4.0, 4.0, 4.0, TALLY_AGAINST)]);
        check("won 3-1 on Sunday", &[(3.0, 3.0, 3.0, TALLY_FOR), (1.0, 1.0, 1.0, TALLY_AGAINST)]);
        check("rose from 5 to 10 percent", &[(10.0, 10.0, 10.0, "percent")]);
        check("covers 65% of staff", &[(65.0, 65.0, 65.0, PERCENT)]);
        check("about 40 percent of staff", &[(40.0, 36.0, 44.0, PERCENT)]);
        check("roughly 65% of staff", &[(65.0, 58.5, 71.5, PERCENT)]);
        check("49% of the sources", &[(49.0, 49.0, 49.0, PERCENT)]);
        check("5 to 10 people", &[(10.0, 10.0, 10.0, "people")]);
        check("Smith paid $12,000 for the van", &[(12000.0, 12000.0, 12000.0, "dollar")]);
        check("it cost 95,000 dollars", &[(95000.0, 95000.0, 95000.0, "dollar")]);
        check("a fund of \u{20ac}5 million", &[(5_000_000.0, 5_000_000.0, 5_000_000.0, "euro")]);
        check("about $9,000 on the van", &[(9000.0, 6299.0, 11701.0, "dollar")]);
        check("Councillor James Smith, 34, led the campaign", &[(34.0, 34.0, 34.0, AGE)]);
        check("Smith, who is 38, led the campaign", &[(38.0, 38.0, 38.0, AGE)]);
        check("a man aged 38 was arrested", &[(38.0, 38.0, 38.0, AGE)]);
        check("the 17-year-old student", &[(17.0, 17.0, 17.0, AGE)]);
        check("closer to a few million dollars", &[(3_500_000.0, 2_000_000.0, 5_000_000.0, "dollar")]);
        // Plural number words: a range loose enough for rounding, with the noun after "of".
        let range = |input: &str| {
            quantities(&words(input), &[]).iter().map(|q| (q.low, q.high, q.noun_class.clone())).collect::<Vec<_>>()
        };
        assert_eq!(range("made tens of millions of dollars"), [(10e6, 100e6, "dollar".to_string())]);
        assert_eq!(range("hundreds of thousands of people"), [(100e3, 2e6, "people".to_string())]);
        assert_eq!(range("dozens of soldiers were hurt"), [(24.0, 144.0, "troop".to_string())]);
        assert_eq!(range("thousands of protesters"), [(1e3, 20e3, "protest".to_string())]);
        // A reading on a named scale.
        assert_eq!(range("an earthquake of magnitude 5.8 struck"), [(5.8, 5.8, "magnitud".to_string())]);
        assert_eq!(range("the earthquake had a magnitude of 6.2, they said"), [(6.2, 6.2, "magnitud".to_string())]);
        // Without a counted noun it counts nothing ("worth millions").
        assert!(range("the house is worth millions").is_empty());
        check("several hundred people", &[(600.0, 300.0, 900.0, "people")]);
    }

    #[test]
    fn not_counts() {
        check("his first appearance at one after recently", &[]);
        check("an ICC warrant from March 2023", &[]);
        check("one of them", &[]);
    }

    #[test]
    fn conflicts_need_the_same_noun() {
        let first = |text: &str| quantities(&words(text), &[]).into_iter().next().expect("a count");
        assert!(first("28 chiefs").conflicts_with(&first("32 military leaders")));
        assert!(!first("32 chiefs").conflicts_with(&first("30 countries")));
        assert!(!first("roughly half a dozen counterparts").conflicts_with(&first("five counterparts")));
        assert!(!first("more than three years").conflicts_with(&first("a three-year war")));
        assert!(first("nine regions").conflicts_with(&first("six regions")));
        // A round figure is another's exact one rounded; a figure that is not round is not.
        assert!(!first("a 40-foot-wide crater").conflicts_with(&first("a 39-foot-wide crater")));
        assert!(first("28 chiefs").conflicts_with(&first("30 chiefs")));
        assert!(first("$12,000 for the van").conflicts_with(&first("$9,000 on the van")));
    }
}
