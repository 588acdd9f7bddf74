//! Reads plain text files, one source per file, as the seed reports are stored.
//!
//! The id comes from the file name (`000_c3d1db3825cf9e02.txt` gives `000`), and a leading
//! `date YYYY-MM-DD` is taken as the publication date and removed from the text, whether the story
//! starts on the next line or on the same one (seed 000: " date 2025-08-20 BRUSSELS: ..."). The
//! rest of the text is kept verbatim except for white space after the date and at the very end.
//! Names, kinds and URLs cannot be given in a text file; callers set them afterwards if they know.

use super::fields::{fallback_name, Collector, UNTITLED};
use super::limits::{short_label, Limits};
use super::problem::{CorpusError, Issue, SourcePlace, SourceProblem};
use super::{Loaded, Source, SourceId, SourceKind};
use crate::date::Date;

/// Reads one text file as one source, strictly: any problem is an error, including a date line
/// that is not a real date (`date 2025-13-45`), because a single `Result` has no room to carry a
/// warning next to the source. [`from_txt_files`] keeps such a file, undated, with a warning.
pub fn source_from_txt(file_name: &str, text: &str) -> Result<Source, SourceProblem> {
    let (source, mut problems) = read_txt(file_name, text);
    match (source, problems.is_empty()) {
        (Some(source), true) => Ok(source),
        // `read_txt` reports a problem whenever it returns no source, so one is always there.
        _ => Err(problems.swap_remove(0)),
    }
}

/// Reads many text files (name, content) as one corpus titled `title` ("Untitled story" when blank),
/// within the widget's [`Limits`] (the bytes of all files together count as the corpus's size).
///
/// Files with no usable id, an empty text or an id already used by an earlier file are skipped;
/// a bad date line only costs the file its date. Errors when no file is given or none is usable.
pub fn from_txt_files(title: &str, files: &[(&str, &str)]) -> Result<Loaded, CorpusError> {
    from_txt_files_with_limits(title, files, &Limits::WIDGET)
}

/// [`from_txt_files`] within other limits ([`Limits::NONE`] for none).
pub fn from_txt_files_with_limits(title: &str, files: &[(&str, &str)], limits: &Limits) -> Result<Loaded, CorpusError> {
    if files.is_empty() {
        return Err(CorpusError::NoFiles);
    }
    let n_bytes = files.iter().map(|(_, text)| text.len()).fold(0usize, usize::saturating_add);
    if n_bytes > limits.max_bytes {
        return Err(CorpusError::TooLarge { n_bytes, max_bytes: limits.max_bytes });
    }
    let mut collector = Collector::new(*limits);
    let mut n_read = 0;
    for (index, (file_name, text)) in files.iter().enumerate() {
        if collector.is_full() {
            break;
        }
        n_read = index + 1;
        match read_txt(file_name, text) {
            (Some(source), warnings) => {
                let place = SourcePlace::File { name: file_name.to_string() };
                collector.offer(source, place, warnings);
            }
            (None, reasons) => collector.report(reasons),
        }
    }
    let title = Some(title.trim()).filter(|title| !title.is_empty()).unwrap_or(UNTITLED);
    collector.finish(short_label(title.to_string()), files.len(), n_read)
}

/// The source a file makes (if any) and every problem found; a `None` source always comes with at
/// least one problem that skips it.
fn read_txt(file_name: &str, text: &str) -> (Option<Source>, Vec<SourceProblem>) {
    let place = SourcePlace::File { name: file_name.to_string() };
    let problem = |issue: Issue| SourceProblem::new(place.clone(), issue);
    // A byte order mark is an artefact of the editor, not part of the story; a file saved twice
    // by such editors starts with two (fuzzing found the second one left in the text).
    let text = text.trim_start_matches('\u{feff}');
    let (published, body, date_problem) = match split_date_line(text) {
        DateLine::Absent => (None, text, None),
        DateLine::Found { date: Some(date), rest, .. } => (Some(date), rest, None),
        DateLine::Found { date: None, token, rest } => {
            (None, rest, Some(problem(Issue::BadDate { value: token.to_string() })))
        }
    };
    let body = body.trim_end();

    let mut skips = Vec::new();
    let id = id_from_file_name(file_name);
    if id.is_none() {
        skips.push(problem(Issue::MissingId));
    }
    if body.trim().is_empty() {
        skips.push(problem(Issue::EmptyText));
    }
    match id {
        Some(id) if skips.is_empty() => {
            let source = Source {
                name: fallback_name(&id),
                id,
                kind: SourceKind::Article,
                published,
                url: None,
                title: None,
                text: body.to_string(),
            };
            (Some(source), date_problem.into_iter().collect())
        }
        _ => (None, skips),
    }
}

/// The id a file name gives: the part of its stem before the first `_`, or the whole stem when it
/// has no `_` or starts with one. Folders in the name are ignored. `None` for a name with no stem.
fn id_from_file_name(file_name: &str) -> Option<SourceId> {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name).trim();
    let stem = match base.rsplit_once('.') {
        Some((stem, _extension)) if !stem.is_empty() => stem,
        _ => base,
    };
    let id = match stem.split_once('_') {
        Some((before, _rest)) if !before.is_empty() => before,
        _ => stem,
    };
    (!id.is_empty()).then(|| SourceId(id.to_string()))
}

enum DateLine<'a> {
    Absent,
    /// A date line was there: `token` is the date as written, `date` is `None` when it is not a
    /// real date, and `rest` follows it with the white space between them removed.
    Found {
        token: &'a str,
        date: Option<Date>,
        rest: &'a str,
    },
}

/// Finds `date` + spaces + a date-shaped token at the start (after white space).
///
/// The token must start with a digit and hold only digits and `-` with at least one `-`: that is
/// what a mistyped date looks like (`2025-13-45`, `2025-8-20`), while prose that happens to begin
/// with the word ("Date night at the museum", "date 5 of the tour") is left alone.
fn split_date_line(text: &str) -> DateLine<'_> {
    let start = text.trim_start();
    let Some(keyword) = start.get(..4) else { return DateLine::Absent };
    if !keyword.eq_ignore_ascii_case("date") {
        return DateLine::Absent;
    }
    let after_keyword = &start[4..];
    let token_start = after_keyword.trim_start_matches([' ', '\t']);
    if token_start.len() == after_keyword.len() {
        return DateLine::Absent;
    }
    let token_end = token_start.find(char::is_whitespace).unwrap_or(token_start.len());
    let token = &token_start[..token_end];
    let date_shaped = token.starts_with(|c: char| c.is_ascii_digit())
        && token.contains('-')
        && token.chars().all(|c| c.is_ascii_digit() || c == '-');
    if !date_shaped {
        return DateLine::Absent;
    }
    let rest = token_start[token_end..].trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    DateLine::Found { token, date: Date::parse_iso(token), rest }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The id, date and text a file should give, or a fragment of the (strict) error message.
    type Expected = Result<(&'static str, Option<&'static str>, &'static str), &'static str>;

    /// Reads `text` as file `file_name` and checks it against `expected`.
    fn check(file_name: &str, text: &str, expected: Expected) {
        let got = source_from_txt(file_name, text);
        match (&got, expected) {
            (Ok(source), Ok((id, published, body))) => {
                assert_eq!(source.id.0, id, "id of {file_name:?}");
                assert_eq!(source.published.map(|date| date.to_string()).as_deref(), published, "date of {text:?}");
                assert_eq!(source.text, body, "text of {text:?}");
            }
            (Err(problem), Err(message)) => {
                assert!(problem.to_string().contains(message), "{text:?}: {problem} lacks {message:?}")
            }
            _ => panic!("{file_name:?} {text:?}: got {got:?}, expected {expected:?}"),
        }
    }

    #[test]
    fn date_lines_are_read_and_removed() {
        let cases: &[(&str, &str, Expected)] = &[
            ("000_abc.txt", "date 2025-08-20\nBRUSSELS: text.\n", Ok(("000", Some("2025-08-20"), "BRUSSELS: text."))),
            (
                "000_abc.txt",
                "date 2025-08-20\r\n\r\nBRUSSELS: text.",
                Ok(("000", Some("2025-08-20"), "BRUSSELS: text.")),
            ),
            ("000_abc.txt", " date 2025-08-20 BRUSSELS: text.", Ok(("000", Some("2025-08-20"), "BRUSSELS: text."))),
            ("000_abc.txt", "\n\tDate\t2025-08-20  Text.  \n\n", Ok(("000", Some("2025-08-20"), "Text."))),
            ("001_x.txt", "NATO chiefs met.\n\nMore.\n", Ok(("001", None, "NATO chiefs met.\n\nMore."))),
            ("001_x.txt", "  Indented start stays.", Ok(("001", None, "  Indented start stays."))),
            ("001_x.txt", "Date night at the museum.", Ok(("001", None, "Date night at the museum."))),
            ("001_x.txt", "date 5 of the tour.", Ok(("001", None, "date 5 of the tour."))),
            ("001_x.txt", "dated 2025-08-20 text", Ok(("001", None, "dated 2025-08-20 text"))),
            ("001_x.txt", "\u{feff}date 2025-08-20\nText.", Ok(("001", Some("2025-08-20"), "Text."))),
            ("002_x.txt", "\u{feff}\u{feff}date 2025-08-20\n\u{feff}Text.", Ok(("002", Some("2025-08-20"), "Text."))),
            ("p1.txt", "Text.", Ok(("p1", None, "Text."))),
            ("corpora/seeds/002_d5.txt", "Text.", Ok(("002", None, "Text."))),
            ("_odd.txt", "Text.", Ok(("_odd", None, "Text."))),
            ("README", "Text.", Ok(("README", None, "Text."))),
            (
                "000.txt",
                "date 2025-13-45\nText.",
                Err("File \"000.txt\" has a publication date \"2025-13-45\" that is not a real YYYY-MM-DD date"),
            ),
            ("000.txt", "date 2025-8-20 Text.", Err("publication date \"2025-8-20\" that is not a real")),
            ("000.txt", "", Err("File \"000.txt\" has an empty text (nothing but white space); it was skipped.")),
            ("000.txt", " \n date 2025-08-20 \n ", Err("File \"000.txt\" has an empty text")),
            ("", "Text.", Err("File \"\" has no `id` field; it was skipped.")),
            ("dir/.txt", "Text.", Ok((".txt", None, "Text."))),
        ];
        for (file_name, text, expected) in cases {
            check(file_name, text, *expected);
        }
    }

    #[test]
    fn many_files_skip_the_bad_and_keep_the_rest() {
        let files = [
            ("000_a.txt", "date 2025-08-20\nFirst."),
            ("001_b.txt", "date 2025-13-45\nUndated but kept."),
            ("000_c.txt", "Same id as the first."),
            ("002_d.txt", "   "),
            ("003_e.txt", "Fourth."),
        ];
        let loaded = from_txt_files("  ", &files).expect("three files are usable");
        assert_eq!(loaded.corpus.title, "Untitled story");
        let ids: Vec<&str> = loaded.corpus.sources.iter().map(|source| source.id.0.as_str()).collect();
        assert_eq!(ids, ["000", "001", "003"]);
        assert_eq!(loaded.corpus.sources[1].published, None);
        assert_eq!(loaded.corpus.sources[1].text, "Undated but kept.");
        assert_eq!(loaded.corpus.sources[2].name, "Source 003");
        let messages: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "File \"001_b.txt\" has a publication date \"2025-13-45\" that is not a real YYYY-MM-DD date (like 2025-08-20); it was kept without a date.",
                "File \"000_c.txt\" repeats the id \"000\" of file \"000_a.txt\"; it was skipped. Give each source its own id.",
                "File \"002_d.txt\" has an empty text (nothing but white space); it was skipped.",
            ]
        );
    }

    #[test]
    fn no_usable_file_is_an_error() {
        let error = from_txt_files("Story", &[]).unwrap_err();
        assert_eq!(error.to_string(), "No text files were given: add at least one .txt file.");
        let error = from_txt_files("Story", &[("a.txt", ""), ("b.txt", "date 2025-08-20")]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "None of the 2 sources could be used:\n- File \"a.txt\" has an empty text (nothing but white space); it was skipped.\n- File \"b.txt\" has an empty text (nothing but white space); it was skipped."
        );
    }
}
