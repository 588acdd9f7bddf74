//! Dates in news text, resolved against the source's publication date: weekdays ("on Monday",
//! "last Friday"), calendar dates ("August 15", "March 2023"), weeks ("last week"), days relative
//! to the report ("yesterday", "a day after"), and ISO dates.
//!
//! A weekday is the most recent such day on or before publication, unless the wording looks
//! ahead ("will", "next", "due to"). Without a publication date a mention keeps what it names
//! (a weekday, a month, a day of the month, a year): two mentions naming different weekdays or
//! different calendar days still conflict, as they can only be the same day if a report is
//! wrong. This module reads no times of day and no time zones, and does not decide which event a
//! date belongs to (`slots` does).

use crate::analysis::lexicon::lexicon;
use crate::analysis::normalize::Word;
use crate::date::{Date, Weekday};

/// A date expression and the days it can mean (`first..=last`).
#[derive(Clone, Debug, PartialEq)]
pub struct DateMention {
    pub first_word: usize,
    pub end_word: usize,
    /// Where to look for the event the date belongs to (the date itself, or what "a day after" introduces).
    pub anchor_word: usize,
    pub range: Option<(Date, Date)>,
    /// What the words name, whether or not they could be resolved to days.
    pub named: Named,
}

/// The calendar parts a date expression names ("on Monday": a weekday; "in May 2021": a month
/// and a year), read without a publication date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Named {
    pub weekday: Option<Weekday>,
    pub day: Option<u8>,
    pub month: Option<u8>,
    pub year: Option<i32>,
}

impl Named {
    fn is_empty(&self) -> bool {
        *self == Named::default()
    }

    /// The two name different days whatever the publication dates: different weekdays, or
    /// different years, months or days of the month where both name that part (of the same
    /// year and month, where both name those).
    fn conflicts_with(&self, other: &Named) -> bool {
        fn differ<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            matches!((a, b), (Some(x), Some(y)) if x != y)
        }
        let same_month = self.month.is_some() && self.month == other.month;
        differ(self.weekday, other.weekday)
            || differ(self.year, other.year)
            || differ(self.month, other.month)
            || (same_month && differ(self.day, other.day))
    }
}

impl DateMention {
    /// No day in common: both resolved and disjoint, or, where either is unresolved, naming
    /// different weekdays or calendar parts.
    pub fn conflicts_with(&self, other: &DateMention) -> bool {
        match (self.range, other.range) {
            (Some((a0, a1)), Some((b0, b1))) => a1 < b0 || b1 < a0,
            _ => self.named.conflicts_with(&other.named),
        }
    }

    /// Both resolved to the very same single day or range, or, unresolved, naming the same parts.
    pub fn same_as(&self, other: &DateMention) -> bool {
        match (self.range, other.range) {
            (Some(_), Some(_)) => self.range == other.range,
            _ => !self.named.is_empty() && self.named == other.named,
        }
    }
}

/// A human label for a resolved range: "2025-08-18" or "2025-08-11..2025-08-17".
pub fn describe(range: Option<(Date, Date)>) -> String {
    match range {
        Some((first, last)) if first == last => format!("{first}"),
        Some((first, last)) => format!("{first}..{last}"),
        None => "unresolved".to_string(),
    }
}

fn weekday_of(lower: &str) -> Option<Weekday> {
    Weekday::ALL.into_iter().find(|day| day.name().eq_ignore_ascii_case(lower))
}

/// Words before a bare month or year that make it a date ("in May", "since 2019").
const MONTH_PREPOSITIONS: &[&str] =
    &["in", "since", "until", "till", "by", "during", "from", "early", "late", "mid", "through"];

/// Words that make a bare weekday or month point ahead ("will meet on Friday").
const FUTURE_MARKERS: &[&str] = &["will", "due", "scheduled", "expected", "upcoming"];

/// Words that point ahead only as verbs, before "to" or "for" ("plans to meet", "set for
/// Friday"); as nouns they do not ("unveiled the rail plan on Tuesday", "a set of rules").
const FUTURE_VERBS: &[&str] = &["plan", "plans", "planned", "set"];

fn looks_ahead(words: &[Word], i: usize) -> bool {
    let from = i.saturating_sub(8);
    (from..i).any(|k| {
        let w = words[k].lower.as_str();
        FUTURE_MARKERS.contains(&w)
            || w == "ll"
            || (FUTURE_VERBS.contains(&w) && words.get(k + 1).is_some_and(|n| matches!(n.lower.as_str(), "to" | "for")))
    })
}

/// The first `month` that starts on or after the month of `published`: a month a report looks
/// ahead to ("will close in September", published in March, is this September).
fn month_ahead(published: Option<Date>, month: u8) -> Option<(Date, Date)> {
    let published = published?;
    let year = if month >= published.month { published.year } else { published.year + 1 };
    month_range(year, month)
}

/// The most recent `day` on or before `published` (strictly before when `strict`).
fn previous(published: Date, day: Weekday, strict: bool) -> Date {
    let mut back = (published.weekday().index() - day.index()).rem_euclid(7);
    if back == 0 && strict {
        back = 7;
    }
    published.add_days(-back)
}

/// The next `day` on or after `published` (strictly after when `strict`).
fn next(published: Date, day: Weekday, strict: bool) -> Date {
    let mut ahead = (day.index() - published.weekday().index()).rem_euclid(7);
    if ahead == 0 && strict {
        ahead = 7;
    }
    published.add_days(ahead)
}

/// The count and unit of "N days ago" / "N weeks ago" starting at word `i` ("a week ago" counts one).
fn count_before_ago(words: &[Word], i: usize) -> Option<(i64, &str)> {
    let unit = words.get(i + 1)?.lower.as_str();
    if words.get(i + 2)?.lower != "ago" || !matches!(unit, "day" | "days" | "week" | "weeks") {
        return None;
    }
    let word = &words[i];
    let count = match word.lower.as_str() {
        "a" | "one" => 1,
        lower => match lexicon().number_words.get(lower) {
            Some(crate::analysis::lexicon::NumberWord::Value(v)) if *v >= 1.0 && *v <= 60.0 => *v as i64,
            _ => lower.parse::<i64>().ok().filter(|n| (1..=366).contains(n))?,
        },
    };
    Some((count, unit))
}

fn day_number(word: &Word) -> Option<u8> {
    let value: u8 = word.lower.parse().ok()?;
    (1..=31).contains(&value).then_some(value)
}

fn year_number(word: &Word) -> Option<i32> {
    if word.lower.len() != 4 {
        return None;
    }
    let value: i32 = word.lower.parse().ok()?;
    (1800..=2100).contains(&value).then_some(value)
}

fn month_of(word: &Word) -> Option<u8> {
    // Month names must be capitalised: "may" and "march" are also a verb and a noun.
    if !word.is_capitalised() {
        return None;
    }
    lexicon().months.get(word.lower.as_str()).copied()
}

/// A calendar day without a year, placed in the year that puts it nearest before publication.
fn day_in_year(published: Option<Date>, month: u8, day: u8) -> Option<Date> {
    let published = published?;
    let this_year = Date::new(published.year, month, day)?;
    // A date more than four months after publication is read as last year's ("December 30" in January).
    if this_year.to_days() - published.to_days() > 120 {
        Date::new(published.year - 1, month, day)
    } else {
        Some(this_year)
    }
}

fn month_range(year: i32, month: u8) -> Option<(Date, Date)> {
    let first = Date::new(year, month, 1)?;
    let last = Date::new(year, month, crate::date::days_in_month(year, month))?;
    Some((first, last))
}

/// Every date expression in `words`, resolved against `published` where it can be.
pub fn date_mentions(words: &[Word], published: Option<Date>) -> Vec<DateMention> {
    let mut out = Vec::new();
    let lower = |i: usize| words.get(i).map(|w| w.lower.as_str()).unwrap_or("");
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        let single = |range: Option<Date>| range.map(|d| (d, d));
        // ISO dates: 2025-08-20.
        if let (Some(year), Some(m), Some(d)) = (year_number(word), words.get(i + 1), words.get(i + 2)) {
            if m.hyphenated() && d.hyphenated() && m.lower.len() == 2 && d.lower.len() == 2 {
                let date = match (m.lower.parse::<u8>(), d.lower.parse::<u8>()) {
                    (Ok(month), Ok(day)) => Date::new(year, month, day),
                    _ => None,
                };
                if let Some(found) = date {
                    let named =
                        Named { weekday: None, day: Some(found.day), month: Some(found.month), year: Some(year) };
                    let range = single(date);
                    out.push(DateMention { first_word: i, end_word: i + 3, anchor_word: i, range, named });
                    i += 3;
                    continue;
                }
            }
        }
        // "19 August (2025)".
        if let (Some(day), Some(month)) = (day_number(word), words.get(i + 1).and_then(month_of)) {
            let year = words.get(i + 2).and_then(year_number);
            let date = match year {
                Some(year) => Date::new(year, month, day),
                None => day_in_year(published, month, day),
            };
            let end = if year.is_some() { i + 3 } else { i + 2 };
            let named = Named { weekday: None, day: Some(day), month: Some(month), year };
            out.push(DateMention { first_word: i, end_word: end, anchor_word: i, range: single(date), named });
            i = end;
            continue;
        }
        // "August 19(, 2025)" and "March 2023".
        if let Some(month) = month_of(word) {
            if let Some(day) = words.get(i + 1).and_then(day_number) {
                let year = words.get(i + 2).and_then(year_number);
                let date = match year {
                    Some(year) => Date::new(year, month, day),
                    None => day_in_year(published, month, day),
                };
                let end = if year.is_some() { i + 3 } else { i + 2 };
                let named = Named { weekday: None, day: Some(day), month: Some(month), year };
                out.push(DateMention { first_word: i, end_word: end, anchor_word: i, range: single(date), named });
                i = end;
                continue;
            }
            if let Some(year) = words.get(i + 1).and_then(year_number) {
                let named = Named { weekday: None, day: None, month: Some(month), year: Some(year) };
                let range = month_range(year, month);
                out.push(DateMention { first_word: i, end_word: i + 2, anchor_word: i, range, named });
                i += 2;
                continue;
            }
            // A bare month after a preposition ("starts in June"): the month nearest before
            // publication, as for a calendar day without a year. Without the preposition a
            // capitalised "May" or "March" may be a verb or a name.
            if i > 0 && MONTH_PREPOSITIONS.contains(&lower(i - 1)) {
                let range = if looks_ahead(words, i) {
                    month_ahead(published, month)
                } else {
                    day_in_year(published, month, 1).and_then(|first| month_range(first.year, month))
                };
                let named = Named { weekday: None, day: None, month: Some(month), year: None };
                out.push(DateMention { first_word: i - 1, end_word: i + 1, anchor_word: i, range, named });
                i += 1;
                continue;
            }
        }
        // A bare year after a preposition ("opened in 2019"), or naming which of a kind of thing
        // ("signed the 2019 agreement", "its 2021 budget").
        let names_which = |i: usize| {
            i > 0
                && matches!(lower(i - 1), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our")
                && words.get(i + 1).is_some_and(|next| {
                    !next.after_punctuation()
                        && next.surface.chars().next().is_some_and(char::is_lowercase)
                        && next.lower.chars().all(char::is_alphabetic)
                })
        };
        if let Some(year) =
            year_number(word).filter(|_| i > 0 && (MONTH_PREPOSITIONS.contains(&lower(i - 1)) || names_which(i)))
        {
            let named = Named { weekday: None, day: None, month: None, year: Some(year) };
            let range = Date::new(year, 1, 1).zip(Date::new(year, 12, 31));
            out.push(DateMention { first_word: i - 1, end_word: i + 1, anchor_word: i, range, named });
            i += 1;
            continue;
        }
        // Weekdays, with "last", "next" or "this" before them.
        if let Some(day) = weekday_of(word.lower.as_str()).filter(|_| word.is_capitalised()) {
            let modifier = if i > 0 { lower(i - 1) } else { "" };
            let first = if matches!(modifier, "last" | "next" | "this" | "past" | "coming") { i - 1 } else { i };
            let date = published.map(|published| match modifier {
                "last" | "past" => previous(published, day, true),
                "next" | "coming" => next(published, day, true),
                "this" => published.week_start().add_days(day.index()),
                _ if looks_ahead(words, i) => next(published, day, false),
                _ => previous(published, day, false),
            });
            let named = Named { weekday: Some(day), ..Named::default() };
            out.push(DateMention { first_word: first, end_word: i + 1, anchor_word: i, range: single(date), named });
            i += 1;
            continue;
        }
        // Weeks, months and years relative to publication.
        if matches!(word.lower.as_str(), "last" | "this" | "next" | "past") {
            let unit = lower(i + 1);
            let range = published.and_then(|published| {
                let week = published.week_start();
                match (word.lower.as_str(), unit) {
                    ("last" | "past", "week") => Some((week.add_days(-7), week.add_days(-1))),
                    ("this", "week") => Some((week, week.add_days(6))),
                    ("next", "week") => Some((week.add_days(7), week.add_days(13))),
                    ("last" | "past", "month") => {
                        let (year, month) = if published.month == 1 {
                            (published.year - 1, 12)
                        } else {
                            (published.year, published.month - 1)
                        };
                        month_range(year, month)
                    }
                    ("this", "month") => month_range(published.year, published.month),
                    _ => None,
                }
            });
            if matches!(unit, "week" | "month") && (range.is_some() || published.is_none()) {
                let named = Named::default();
                out.push(DateMention { first_word: i, end_word: i + 2, anchor_word: i, range, named });
                i += 2;
                continue;
            }
        }
        // Days named relative to publication.
        let relative = match word.lower.as_str() {
            "yesterday" => Some(-1),
            "today" | "tonight" => Some(0),
            "tomorrow" => Some(1),
            _ => None,
        };
        if let Some(offset) = relative {
            out.push(DateMention {
                first_word: i,
                end_word: i + 1,
                anchor_word: i,
                named: Named::default(),
                range: single(published.map(|p| p.add_days(offset))),
            });
            i += 1;
            continue;
        }
        // "three days ago", "two weeks ago": counted back from publication; a number of weeks is
        // read loosely (half a week either way), as writers round them.
        if let Some((count, unit_word)) = count_before_ago(words, i) {
            let range = published.and_then(|published| match unit_word {
                "day" | "days" => Some((published.add_days(-count), published.add_days(-count))),
                "week" | "weeks" => Some((published.add_days(-7 * count - 3), published.add_days(-7 * count + 3))),
                _ => None,
            });
            if range.is_some() || published.is_none() {
                let named = Named::default();
                out.push(DateMention { first_word: i, end_word: i + 3, anchor_word: i, range, named });
                i += 3;
                continue;
            }
        }
        // "a day after X": X happened the day before the reported (publication-day) event.
        if matches!(word.lower.as_str(), "a" | "one")
            && lower(i + 1) == "day"
            && lower(i + 2) == "after"
            && i + 3 < words.len()
        {
            out.push(DateMention {
                first_word: i,
                end_word: i + 3,
                anchor_word: i + 3,
                named: Named::default(),
                range: single(published.map(|p| p.add_days(-1))),
            });
            i += 3;
            continue;
        }
        // "the previous day", "the day before" (with nothing after it).
        if word.lower == "previous" && lower(i + 1) == "day" {
            out.push(DateMention {
                first_word: i,
                end_word: i + 2,
                anchor_word: i,
                named: Named::default(),
                range: single(published.map(|p| p.add_days(-1))),
            });
            i += 2;
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::normalize::words;

    /// Resolves every date of `input` published on Wednesday 2025-08-20.
    fn check(input: &str, expected: &[&str]) {
        let published = Date::parse_iso("2025-08-20");
        let got: Vec<String> = date_mentions(&words(input), published).into_iter().map(|m| describe(m.range)).collect();
        assert_eq!(got, expected, "dates in {input:?}");
    }

    #[test]
    fn resolves_against_publication() {
        check("met on Wednesday", &["2025-08-20"]);
        check("met Friday in Anchorage", &["2025-08-15"]);
        check("met last Friday with Putin", &["2025-08-15"]);
        check("on Monday hosted Zelenskyy", &["2025-08-18"]);
        check("confirmed on Tuesday that", &["2025-08-19"]);
        check("a video call on Thursday", &["2025-08-14"]);
        check("will meet on Thursday", &["2025-08-21"]);
        check("next Monday", &["2025-08-25"]);
        check("last Wednesday", &["2025-08-13"]);
        check("this Wednesday", &["2025-08-20"]);
        check("in Washington last week", &["2025-08-11..2025-08-17"]);
        check("this week", &["2025-08-18..2025-08-24"]);
        check("on August 19.", &["2025-08-19"]);
        check("took place on August 15", &["2025-08-15"]);
        check("on 15 August 2024", &["2024-08-15"]);
        check("a warrant from March 2023", &["2023-03-01..2023-03-31"]);
        check("date 2025-08-20 BRUSSELS", &["2025-08-20"]);
        check("yesterday", &["2025-08-19"]);
        check("came a day after Caine convened", &["2025-08-19"]);
        check("December 30", &["2024-12-30"]);
        check("three days ago", &["2025-08-17"]);
        check("met two weeks ago", &["2025-08-03..2025-08-09"]);
        check("work starts in June", &["2025-06-01..2025-06-30"]);
        check("opened in 2019", &["2019-01-01..2019-12-31"]);
        check("you may march", &[]);
        // A plan is a noun here: the weekday is the one before publication.
        check("unveiled the rail plan on Tuesday", &["2025-08-19"]);
        check("plans to meet on Friday", &["2025-08-22"]);
        check("the vote is set for Friday", &["2025-08-22"]);
        // A month looked ahead to is the next one of that name.
        check("the plant will close in June", &["2026-06-01..2026-06-30"]);
        check("the plant closed in June", &["2025-06-01..2025-06-30"]);
        // A year naming which agreement, budget or election.
        check("signed the 2019 agreement", &["2019-01-01..2019-12-31"]);
        check("in its 2021 budget", &["2021-01-01..2021-12-31"]);
        check("the 2019 figures rose", &["2019-01-01..2019-12-31"]);
        check("the 1990s", &[]);
    }

    #[test]
    fn unresolved_without_publication() {
        let got = date_mentions(&words("met on Monday"), None);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].range, None);
        assert!(!got[0].conflicts_with(&got[0]));
        let absolute = date_mentions(&words("on 15 August 2024"), None);
        assert!(absolute[0].range.is_some());
    }

    #[test]
    fn named_parts_conflict_without_publication() {
        let first = |text: &str| date_mentions(&words(text), None).into_iter().next().expect("a date");
        let check = |a: &str, b: &str, expected: bool| {
            assert_eq!(first(a).conflicts_with(&first(b)), expected, "{a:?} vs {b:?}");
        };
        check("on Monday", "on Tuesday", true);
        check("on Monday", "last Monday", false);
        check("in May", "in June", true);
        check("in May", "on May 5", false);
        check("on August 19", "on August 15", true);
        check("in 2019", "in 2021", true);
        check("in March 2023", "in 2023", false);
        check("on Monday", "last week", false);
        assert!(first("on Monday").same_as(&first("on Monday")));
    }
}
