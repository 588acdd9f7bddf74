//! What can be wrong with a corpus, in words a blogger can act on.
//!
//! Two levels: a [`CorpusError`] means nothing can be shown at all (the JSON does not parse, there
//! is no `sources` list, every source was unusable); a [`SourceProblem`] concerns one source (or,
//! for `version` and `title`, the corpus header) and never stops the others from loading. Each
//! problem knows whether it cost the source its place ([`SourceProblem::skips_source`]) or only one
//! of its fields. This module only describes problems; finding them is `json` and `txt`'s job.

use super::SourceId;
use std::fmt;

/// A problem that leaves nothing to show: the whole corpus is refused.
#[derive(Clone, Debug, PartialEq)]
pub enum CorpusError {
    /// The text is empty or only white space.
    Empty,
    /// The text is not JSON. `line` and `column` are 1-based, as serde_json counts them.
    InvalidJson { reason: String, line: usize, column: usize },
    /// The text is HTML (it starts with `<`), not JSON: a web page or a server's error page.
    Html,
    /// The JSON is valid but is a list, a string, a number... rather than an object.
    NotAnObject { found: &'static str },
    /// The object has no `sources` field (or it is `null`).
    MissingSources,
    /// `sources` is there but is not a list.
    SourcesNotAList { found: &'static str },
    /// `sources` is an empty list.
    NoSources,
    /// `from_txt_files` was given no file at all.
    NoFiles,
    /// The corpus is bigger than the widget reads (`corpus::Limits::max_bytes`).
    TooLarge { n_bytes: usize, max_bytes: usize },
    /// Every source was skipped; `problems` says why, source by source, so the page can list them.
    NoUsableSource { n_sources: usize, problems: Vec<SourceProblem> },
}

/// A problem with one source (or with the corpus header), found while loading.
///
/// Sources with a problem that [`skips_source`](SourceProblem::skips_source) are left out of the
/// corpus; the others are kept with the bad field dropped or replaced by its default.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceProblem {
    pub place: SourcePlace,
    pub issue: Issue,
}

/// Where a problem was found, so the message can point the reader at it.
#[derive(Clone, Debug, PartialEq)]
pub enum SourcePlace {
    /// The corpus header (`version`, `title`), not any one source.
    Corpus,
    /// An entry of the JSON `sources` list: its 1-based position and, once read, its id.
    Entry { position: usize, id: Option<SourceId> },
    /// A plain text file, by the name it was given under.
    File { name: String },
}

/// What is wrong. The first group skips the source; the second only drops or defaults one field.
#[derive(Clone, Debug, PartialEq)]
pub enum Issue {
    // --- These skip the source: without an id or a text there is nothing to link or show. ---
    /// The `sources` entry is not an object (`found` says what it is instead).
    EntryNotAnObject {
        found: &'static str,
    },
    MissingId,
    /// The id is neither non-empty text nor a whole number; `found` previews it.
    UnusableId {
        found: String,
    },
    MissingText,
    /// `text` is there but is not a string.
    TextNotText {
        found: &'static str,
    },
    /// The text is empty or only white space.
    EmptyText,
    /// Another source already uses this id; the later one is skipped so ids stay unique.
    DuplicateId {
        id: SourceId,
        first: SourcePlace,
    },

    /// A limit was reached (`corpus::Limits`): the corpus holds more sources than
    /// `max_sources`; `n_left_out` sources (entries or files) after them were not read.
    TooManySources {
        max_sources: usize,
        n_left_out: usize,
    },
    /// A limit was reached: the texts would hold more than `max_chars` characters together;
    /// `n_shown` sources fit, `n_left_out` (that source and every later one) were not kept.
    TooMuchText {
        max_chars: usize,
        n_shown: usize,
        n_left_out: usize,
    },

    // --- These keep the source (or corpus) and only lose one field. ---
    /// The text has `n_chars` characters, more than the widget reads: it was cut after `max_chars`.
    TextCut {
        n_chars: usize,
        max_chars: usize,
    },
    /// `published` (or a text file's date line) is not a real `YYYY-MM-DD` date: kept undated.
    BadDate {
        value: String,
    },
    /// `url` is not an absolute http(s) address: kept without a link.
    BadUrl {
        value: String,
    },
    /// `kind` is not article, aggregator or social: kept as an article.
    UnknownKind {
        value: String,
    },
    /// An optional text field (`name`, `title`) holds something else: ignored.
    NotText {
        field: &'static str,
        found: &'static str,
    },
    /// The corpus says a `version` other than 1: read as version 1 anyway.
    UnsupportedVersion {
        value: String,
    },
}

impl SourceProblem {
    pub fn new(place: SourcePlace, issue: Issue) -> SourceProblem {
        SourceProblem { place, issue }
    }

    /// True when the source was left out of the corpus; false when it was kept with a field dropped.
    pub fn skips_source(&self) -> bool {
        self.issue.skips_source()
    }
}

impl Issue {
    pub fn skips_source(&self) -> bool {
        match self {
            Issue::EntryNotAnObject { .. }
            | Issue::MissingId
            | Issue::UnusableId { .. }
            | Issue::MissingText
            | Issue::TextNotText { .. }
            | Issue::EmptyText
            | Issue::DuplicateId { .. }
            | Issue::TooManySources { .. }
            | Issue::TooMuchText { .. } => true,
            Issue::TextCut { .. }
            | Issue::BadDate { .. }
            | Issue::BadUrl { .. }
            | Issue::UnknownKind { .. }
            | Issue::NotText { .. }
            | Issue::UnsupportedVersion { .. } => false,
        }
    }
}

impl SourceProblem {
    /// True when a limit of the widget (`corpus::Limits`) cut a text or left sources out: the
    /// corpus is not all there, which the CLI refuses.
    pub fn is_limit(&self) -> bool {
        matches!(self.issue, Issue::TooManySources { .. } | Issue::TooMuchText { .. } | Issue::TextCut { .. })
    }
}

impl SourcePlace {
    /// "Source 3 (\"002\")", "Source 3", "File \"002_x.txt\"" or "The corpus"; lower-case when
    /// the place is not the start of the sentence, and without the id when the sentence quotes it.
    fn describe(&self, capitalised: bool, with_id: bool) -> String {
        let (source, file, corpus) =
            if capitalised { ("Source", "File", "The corpus") } else { ("source", "file", "the corpus") };
        match self {
            SourcePlace::Corpus => corpus.to_string(),
            SourcePlace::Entry { position, id: Some(id) } if with_id => {
                format!("{source} {position} (\"{}\")", preview(&id.0))
            }
            SourcePlace::Entry { position, .. } => format!("{source} {position}"),
            SourcePlace::File { name } => format!("{file} \"{}\"", preview(name)),
        }
    }
}

impl fmt::Display for SourcePlace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(true, true))
    }
}

impl fmt::Display for SourceProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = self.place.describe(true, true);
        match &self.issue {
            Issue::EntryNotAnObject { found } => {
                write!(f, "{place} is {found}, not an object with an `id` and a `text`; it was skipped.")
            }
            Issue::MissingId => write!(f, "{place} has no `id` field; it was skipped."),
            Issue::UnusableId { found } => write!(
                f,
                "{place} has an `id` that cannot be used ({found}): an id must be non-empty text of at most 200 characters or a whole number; it was skipped."
            ),
            Issue::MissingText => write!(f, "{place} has no `text` field; it was skipped."),
            Issue::TextNotText { found } => {
                write!(f, "{place} has a `text` that is {found}, not text in quotes; it was skipped.")
            }
            Issue::EmptyText => write!(f, "{place} has an empty text (nothing but white space); it was skipped."),
            Issue::DuplicateId { id, first } => write!(
                f,
                "{place} repeats the id \"{}\" of {}; it was skipped. Give each source its own id.",
                preview(&id.0),
                first.describe(false, false)
            ),
            Issue::TooManySources { max_sources, n_left_out } => write!(
                f,
                "This corpus has more sources than the {} this widget shows: the first {} are shown and the other {} left out.",
                thousands(*max_sources),
                thousands(*max_sources),
                thousands(*n_left_out)
            ),
            Issue::TooMuchText { max_chars, n_shown, n_left_out } => write!(
                f,
                "This corpus has more text than the {} characters this widget reads: the first {} {} shown and the other {} left out.",
                thousands(*max_chars),
                thousands(*n_shown),
                if *n_shown == 1 { "source is" } else { "sources are" },
                thousands(*n_left_out)
            ),
            Issue::TextCut { n_chars, max_chars } => write!(
                f,
                "{place} has a text of {} characters, more than the {} this widget reads; only its first {} characters are shown.",
                thousands(*n_chars),
                thousands(*max_chars),
                thousands(*max_chars)
            ),
            Issue::BadDate { value } => write!(
                f,
                "{place} has a publication date \"{}\" that is not a real YYYY-MM-DD date (like 2025-08-20); it was kept without a date.",
                preview(value)
            ),
            Issue::BadUrl { value } => write!(
                f,
                "{place} has a `url` \"{}\" that is not a web address starting with http:// or https://; it was kept without a link.",
                preview(value)
            ),
            Issue::UnknownKind { value } => write!(
                f,
                "{place} has an unknown `kind` \"{}\" (use article, aggregator or social); it was kept as an article.",
                preview(value)
            ),
            Issue::NotText { field, found } => {
                write!(f, "{place} has a `{field}` that is {found}, not text; it was ignored.")
            }
            Issue::UnsupportedVersion { value } => write!(
                f,
                "{place} says `version` {}, but this widget reads version 1; it was read as version 1, so some fields may be ignored.",
                preview(value)
            ),
        }
    }
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorpusError::Empty => {
                f.write_str("The corpus is empty: load a JSON object with a `sources` list, one entry per report.")
            }
            CorpusError::InvalidJson { reason, line, column } => {
                write!(f, "The corpus is not valid JSON: {reason} at line {line}, column {column}.")
            }
            CorpusError::Html => f.write_str(
                "The corpus is a web page (HTML), not JSON: check that the address leads to the .json file itself.",
            ),
            CorpusError::NotAnObject { found } => write!(
                f,
                "The corpus must be a JSON object such as {{\"sources\": [...]}}, but it is {found}."
            ),
            CorpusError::MissingSources => f.write_str(
                "The corpus has no `sources` list: add \"sources\": [...] with one entry (an `id` and a `text`) per report.",
            ),
            CorpusError::SourcesNotAList { found } => {
                write!(f, "The corpus's `sources` must be a list in square brackets, but it is {found}.")
            }
            CorpusError::NoSources => {
                f.write_str("The corpus's `sources` list is empty: add at least one source with an `id` and a `text`.")
            }
            CorpusError::NoFiles => f.write_str("No text files were given: add at least one .txt file."),
            CorpusError::TooLarge { n_bytes, max_bytes } => write!(
                f,
                "The corpus is {} bytes, more than the {} this widget reads: split the story into smaller corpora or shorten its sources.",
                thousands(*n_bytes),
                thousands(*max_bytes)
            ),
            CorpusError::NoUsableSource { n_sources, problems } => {
                let noun = if *n_sources == 1 { "source" } else { "sources" };
                write!(f, "None of the {n_sources} {noun} could be used:")?;
                for problem in problems {
                    write!(f, "\n- {problem}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for CorpusError {}

impl std::error::Error for SourceProblem {}

/// 1000000 -> "1,000,000": counts in messages and in the widget (`ui` uses it too).
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// What a JSON value is, as a noun phrase for messages ("a number").
pub(crate) fn json_type_name(value: &serde_json::Value) -> &'static str {
    use serde_json::Value;
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Input quoted back in a message: at most 60 characters on one line, so a pasted article or a
/// long `data:` URL in the wrong field does not swamp the page.
pub(crate) fn preview(text: &str) -> String {
    const MAX_CHARS: usize = 60;
    let cut: String = text.chars().take(MAX_CHARS).map(|c| if c.is_control() { ' ' } else { c }).collect();
    // An id or name quoted in a message must not reorder the sentence around it.
    let mut shown = super::fields::reveal_bidi_controls(&cut).into_owned();
    if text.chars().nth(MAX_CHARS).is_some() {
        shown.push('…');
    }
    shown
}
