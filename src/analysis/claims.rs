//! Finding the check-worthy claims of a source: its sentences, cut into clauses where one sentence
//! reports two events ("met last Friday in Alaska and on Monday hosted ..."), with datelines and
//! bullets trimmed off and page furniture (calls to action, counters, link lines, shouting
//! cross-promotion headlines) left out.
//!
//! Attribution stays in the claim: "Lavrov said X" is a claim about what Lavrov said. This module
//! does not judge whether a claim is true or important, only whether it is reporting.

use crate::analysis::lexicon::lexicon;
use crate::analysis::normalize::{words, Word};
use crate::analysis::text::{sentences, Span};

/// The longest clause, in characters, that can be a claim.
pub const MAX_CLAIM_CHARS: usize = 2_000;

/// The claims of `text` as char spans into it, in text order.
pub fn claim_spans(text: &str) -> Vec<Span> {
    claims(text).into_iter().map(|claim| claim.span).collect()
}

/// A claim as the splitter found it: its span in the source, its text and its words.
pub struct ClaimText {
    pub span: Span,
    /// Chars `span` of the source's text.
    pub text: String,
    /// `normalize::words(&text)`, which the splitter read anyway: the slots read them again.
    pub words: Vec<Word>,
}

/// The claims of `text`, in text order, with their text and words.
///
/// A span's words are read once and passed along while the span stays the same (most sentences
/// are one line, one clause, without furniture): reading them again for every step made the
/// splitter cost as much as reading the claims' slots.
pub fn claims(text: &str) -> Vec<ClaimText> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for sentence in join_quotations(&chars, sentences(text)) {
        for line in split_lines(&chars, sentence) {
            let Some(trimmed) = trim_furniture(&chars, line) else { continue };
            for clause in split_clauses(&chars, trimmed) {
                if is_claim(&clause) {
                    out.push(clause);
                }
            }
        }
    }
    out
}

impl ClaimText {
    /// The text and words of `span`.
    fn read(chars: &[char], span: Span) -> ClaimText {
        let text = slice(chars, span);
        let words = words(&text);
        ClaimText { span, text, words }
    }

    /// The text and words of `span`, reusing this piece's when the span is the same.
    fn reread(self, chars: &[char], span: Span) -> ClaimText {
        if span == self.span {
            self
        } else {
            ClaimText::read(chars, span)
        }
    }
}

/// Double quotation marks in a span, straight or curly.
fn n_quote_marks(chars: &[char], span: Span) -> usize {
    chars
        .get(span.start..span.end.min(chars.len()))
        .map_or(0, |s| s.iter().filter(|c| matches!(c, '"' | '\u{201C}' | '\u{201D}')).count())
}

/// Joins sentences that a quotation runs across ("“We cannot agree ... . This will not work,”
/// Lavrov said"), so that the quoted words stay with the person who said them. Joins at most
/// four sentences, and never across a line break.
fn join_quotations(chars: &[char], spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut open = false;
    let mut joined = 0;
    for span in spans {
        let crosses_line =
            out.last().is_some_and(|last| chars.get(last.end..span.start).is_some_and(|gap| gap.contains(&'\n')));
        match out.last_mut() {
            Some(last) if open && joined < 3 && !crosses_line => {
                last.end = span.end;
                joined += 1;
            }
            _ => {
                out.push(span);
                joined = 0;
            }
        }
        let last = out[out.len() - 1];
        open = n_quote_marks(chars, last) % 2 == 1;
    }
    out
}

/// The text of a span; empty when the span does not fit the text.
pub fn slice(chars: &[char], span: Span) -> String {
    chars.get(span.start..span.end.min(chars.len())).map(|s| s.iter().collect()).unwrap_or_default()
}

/// Trims white space off both ends of a span.
fn trim(chars: &[char], span: Span) -> Span {
    let mut start = span.start.min(chars.len());
    let mut end = span.end.min(chars.len());
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    Span { start, end }
}

/// A sentence splitter may keep line breaks inside a sentence; a line is never part of two claims.
fn split_lines(chars: &[char], span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    for i in span.start..span.end.min(chars.len()) {
        if chars[i] == '\n' {
            out.push(trim(chars, Span { start, end: i }));
            start = i + 1;
        }
    }
    out.push(trim(chars, Span { start, end: span.end }));
    out.retain(|s| s.end > s.start);
    out
}

/// Removes a leading bullet, a "date YYYY-MM-DD" stamp, a capitalised dateline ("BRUSSELS:")
/// and a trailing link from a line. `None` when nothing is left.
fn trim_furniture(chars: &[char], span: Span) -> Option<ClaimText> {
    let mut span = trim(chars, span);
    if span.start < span.end && matches!(chars[span.start], '-' | '\u{2022}' | '*' | '\u{2013}') {
        span.start += 1;
        span = trim(chars, span);
    }
    let mut piece = ClaimText::read(chars, span);
    let line_words = &piece.words;
    // "date 2025-08-20": a machine stamp, not reporting.
    if line_words.len() >= 4
        && line_words[0].lower == "date"
        && line_words[1].lower.len() == 4
        && line_words[2].hyphenated()
        && line_words[3].hyphenated()
    {
        span.start += line_words[3].end;
        span = trim(chars, span);
    }
    // A dateline: a few words in capitals ending with a colon or a dash.
    piece = piece.reread(chars, span);
    let line_words = &piece.words;
    for (k, word) in line_words.iter().enumerate().take(5).skip(1) {
        let separator = word.gap.trim();
        if separator == ":" || separator == "\u{2014}" || separator == "-" && word.gap.len() > 1 {
            let first_is_caps = line_words[0].surface.chars().count() >= 3 && line_words[0].is_acronym();
            if first_is_caps {
                span.start += word.start;
                span = trim(chars, span);
            }
            break;
        }
        let _ = k;
    }
    // A trailing link ("... en Ucrania https://t.co/x").
    piece = piece.reread(chars, span);
    let text = &piece.text;
    if let Some(position) = text.find("http") {
        let before = text[..position].chars().count();
        if text[position..].split_whitespace().count() == 1 {
            span.end = span.start + before;
            span = trim(chars, span);
        }
    }
    (span.end > span.start).then(|| piece.reread(chars, span))
}

/// Words after "and" that start a second report inside one sentence ("and on Monday hosted").
const CLAUSE_OPENERS: &[&str] = &["on", "last", "then", "this", "next", "later", "earlier", "yesterday"];
/// Conjunctions that, after a comma, start a clause with its own fact.
const CONTRASTS: &[&str] = &["while", "though", "although", "but", "whereas"];

/// Cuts a sentence into clauses at "and on Monday ...", ", while ...", ", but ..." and ";",
/// keeping each piece at least four words long.
fn split_clauses(chars: &[char], piece: ClaimText) -> Vec<ClaimText> {
    let span = piece.span;
    let text = &piece.text;
    let sentence_words: &[Word] = &piece.words;
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (end of previous clause, start of next), relative
    for (k, word) in sentence_words.iter().enumerate().skip(1) {
        let next_lower = sentence_words.get(k + 1).map(|w| w.lower.as_str()).unwrap_or("");
        let next_is_date = sentence_words.get(k + 1).is_some_and(|w| {
            w.is_capitalised()
                && (crate::date::Weekday::ALL.iter().any(|d| d.name().eq_ignore_ascii_case(w.lower.as_str()))
                    || lexicon().months.contains_key(w.lower.as_str()))
        });
        let previous_end = sentence_words[k - 1].end;
        if word.lower == "and" && (CLAUSE_OPENERS.contains(&next_lower) || next_is_date) {
            if let Some(next) = sentence_words.get(k + 1) {
                cuts.push((previous_end, next.start));
            }
        } else if (CONTRASTS.contains(&word.lower.as_str()) && word.gap.contains(',')) || word.gap.contains(';') {
            // ", but ..." and "; ...": the clause after is a claim of its own.
            cuts.push((previous_end, word.start));
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    let total = text.chars().count();
    for (end, next_start) in cuts {
        let piece_words = sentence_words.iter().filter(|w| w.start >= start && w.end <= end).count();
        let rest_words = sentence_words.iter().filter(|w| w.start >= next_start).count();
        if piece_words >= 4 && rest_words >= 4 {
            out.push(Span { start: span.start + start, end: span.start + end });
            start = next_start;
        }
    }
    out.push(Span { start: span.start + start, end: span.start + total });
    let spans: Vec<Span> = out.into_iter().map(|s| trim(chars, s)).filter(|s| s.end > s.start).collect();
    // Most sentences are one clause, the sentence itself: its words are the ones read already.
    let mut piece = Some(piece);
    spans
        .into_iter()
        .map(|clause| match piece.take() {
            Some(whole) => whole.reread(chars, clause),
            None => ClaimText::read(chars, clause),
        })
        .collect()
}

/// Labels that open a link to other content ("Also read: ...", "See video: ...").
const LINK_LABELS: &[&str] = &[
    "also read",
    "read more",
    "read also",
    "see also",
    "see video",
    "watch",
    "watch video",
    "video",
    "photo",
    "photos",
    "related",
    "more",
];

/// A clause is a claim when it has enough content words, is not page furniture (a call to action,
/// a link to other content, a line that only introduces what follows it), and is not a line in
/// capitals (cross-promotion headlines).
fn is_claim(clause: &ClaimText) -> bool {
    let span = clause.span;
    // A "sentence" of thousands of characters is a wall of text without full stops (a pasted
    // table, a run of numbers), not one checkable claim; reading its details costs time that grows
    // faster than its length, so it is not read at all. The longest claim of the shared stories
    // is 347 characters.
    if span.len() > MAX_CLAIM_CHARS {
        return false;
    }
    let lexicon = lexicon();
    let text = &clause.text;
    let lower = text.to_lowercase();
    if lexicon.boilerplate.iter().any(|pattern| lower.contains(pattern.as_str())) {
        return false;
    }
    // "Watch the clip below, via CNN:" introduces a video, and tells nothing itself; a
    // quotation before the colon ("'It's a hoax,' he said, explaining:") still tells its words.
    if text.trim_end().ends_with(':') && !holds_quotation(text) {
        return false;
    }
    if let Some((label, _)) = lower.split_once(':') {
        if LINK_LABELS.contains(&label.trim()) {
            return false;
        }
    }
    let clause_words = &clause.words;
    let n_content = clause_words.iter().filter(|w| !lexicon.is_stopword(w.lower.as_str()) && !w.is_digits()).count();
    if clause_words.len() < 5 || n_content < 3 {
        return false;
    }
    // "Iraq's interior ministry has said.": who said it, cut from what was said (a quotation
    // split off by the sentence splitter or by the page), tells nothing to check.
    let ends_with_saying = clause_words.last().is_some_and(|w| {
        matches!(w.lower.as_str(), "said" | "says" | "say" | "reported" | "reports" | "added" | "stated" | "confirmed")
    });
    // "Three people were hurt, police said." tells a fact before its attribution; an attribution
    // alone is one run of words.
    let one_run = !clause_words.iter().skip(1).any(|w| w.after_punctuation());
    if ends_with_saying && one_run && clause_words.len() <= 6 && !holds_quotation(text) {
        return false;
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let uppercase = letters.iter().filter(|c| c.is_uppercase()).count();
    uppercase * 10 <= letters.len() * 6
}

/// Whether `text` holds a closed quotation of a few words (straight or curly quotes).
fn holds_quotation(text: &str) -> bool {
    let Some((open, quote)) = text.char_indices().find(|&(_, c)| c == '\u{201c}' || c == '"') else {
        return false;
    };
    let rest = &text[open + quote.len_utf8()..];
    rest.find(['\u{201d}', '"']).is_some_and(|close| rest[..close].split_whitespace().count() >= 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The claims of `input`, as text.
    fn check(input: &str, expected: &[&str]) {
        let chars: Vec<char> = input.chars().collect();
        let got: Vec<String> = claim_spans(input).into_iter().map(|span| slice(&chars, span)).collect();
        assert_eq!(got, expected, "claims of {input:?}");
    }

    #[test]
    fn a_wall_of_text_is_not_a_claim() {
        let sentence = "Defence chiefs from 32 countries met in Brussels on Wednesday";
        let wall = format!("{}.", [sentence; 40].join(" and "));
        assert!(wall.chars().count() > MAX_CLAIM_CHARS);
        check(&wall, &[]);
        check(&format!("{sentence}. {wall} {sentence}."), &[&format!("{sentence}."), &format!("{sentence}.")]);
    }

    #[test]
    fn furniture_is_not_a_claim() {
        check("155 Articles\nCoverage Details\nTo view factuality data please Upgrade to Premium", &[]);
        check("- 49% of the sources are Center", &[]);
        check("EUROPEAN 'COALITION OF THE WILLING' FORMS UNITED FRONT AS TRUMP PUSHES SUMMIT", &[]);
        check("Also read: Christian Bale Is David Fincher's Choice to Play Steve Jobs", &[]);
        check("Watch the clip below, via CNN and the local stations:", &[]);
        check("Iraq\u{2019}s interior ministry has said.", &[]);
        check("Three people were hurt, police said.", &["Three people were hurt, police said."]);
        check(
            "The Iraqi interior ministry said the woman was freed.",
            &["The Iraqi interior ministry said the woman was freed."],
        );
        // A quotation is said before the colon, and is a claim.
        check(
            "\u{201c}When I heard this, I thought it was a hoax,\u{201d} Fuentes said, explaining:",
            &["\u{201c}When I heard this, I thought it was a hoax,\u{201d} Fuentes said, explaining:"],
        );
        check("He said \"hi\" and then added:", &[]);
        check(
            "Video messaging app Glide said it has verified the recording.",
            &["Video messaging app Glide said it has verified the recording."],
        );
    }

    #[test]
    fn datelines_and_bullets_are_trimmed() {
        check(
            " date 2025-08-20 BRUSSELS: NATO defense chiefs were due to hold a virtual meeting on Wednesday.",
            &["NATO defense chiefs were due to hold a virtual meeting on Wednesday."],
        );
        check(
            "- On Wednesday, NATO defense chiefs held a virtual meeting.",
            &["On Wednesday, NATO defense chiefs held a virtual meeting."],
        );
        check(
            "Jefes militares de la OTAN reiteran su apoyo en Ucrania https://t.co/fJzwniwQE2",
            &["Jefes militares de la OTAN reiteran su apoyo en Ucrania"],
        );
    }

    #[test]
    fn a_quotation_stays_with_its_speaker() {
        check(
            "“We cannot agree with this. This will not work,” Lavrov said Wednesday. Russia will respond to the plan firmly.",
            &["“We cannot agree with this. This will not work,” Lavrov said Wednesday.", "Russia will respond to the plan firmly."],
        );
    }

    #[test]
    fn two_events_in_one_sentence_are_two_claims() {
        check(
            "Trump met last Friday with Putin in Alaska and on Monday hosted Zelenskyy at the White House.",
            &["Trump met last Friday with Putin in Alaska", "on Monday hosted Zelenskyy at the White House."],
        );
        check(
            "Trump ruled out putting U.S. troops on the ground, though he left open the possibility of air support.",
            &[
                "Trump ruled out putting U.S. troops on the ground",
                "though he left open the possibility of air support.",
            ],
        );
        check("Trump and Putin met in Alaska and talked.", &["Trump and Putin met in Alaska and talked."]);
    }
}
