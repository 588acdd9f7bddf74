//! The largest corpus the widget takes, and what happens above it.
//!
//! Four limits, chosen so that the analysis of any corpus within them finishes in seconds in a
//! browser (it runs in a Web Worker, and the page stays responsive) and the page never holds more
//! text than a reader could scroll through:
//!
//! | limit | value | above it |
//! | --- | --- | --- |
//! | corpus JSON | 16,000,000 bytes | the corpus is refused ([`CorpusError::TooLarge`]) |
//! | sources | 1,000 | the first 1,000 usable sources are kept |
//! | characters of one source's text | 200,000 | the text is cut after 200,000 characters |
//! | characters of all texts together | 4,000,000 | the sources that fit are kept, the rest left out |
//!
//! The total allows a week of coverage: 1,000 articles of 4,000 characters (the 1,000 FNC-1
//! articles of the benchmark hold 2.2 million).
//!
//! Each cut or omission is one problem the widget shows in a sentence; the CLI refuses such a
//! corpus outright (it exits with the same sentence), since its output would not be the whole
//! story. Names and titles longer than 200 characters are shortened (with "…"): they are labels.
//! This module only says what the limits are; `fields::Collector` and the readers apply them.
//!
//! [`CorpusError::TooLarge`]: super::CorpusError::TooLarge

/// The widget's limits; see the module documentation for why these values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest corpus, in bytes of JSON (or of all text files together).
    pub max_bytes: usize,
    pub max_sources: usize,
    /// The longest text of one source, in characters (Unicode scalar values, as offsets count).
    pub max_source_chars: usize,
    /// The most characters of text of all sources together.
    pub max_total_chars: usize,
}

impl Limits {
    /// What the widget and the CLI take.
    pub const WIDGET: Limits =
        Limits { max_bytes: 16_000_000, max_sources: 1_000, max_source_chars: 200_000, max_total_chars: 4_000_000 };

    /// No limit at all: for a corpus the widget has already limited (the analysis worker reads it
    /// again) and for tools that want everything.
    pub const NONE: Limits = Limits {
        max_bytes: usize::MAX,
        max_sources: usize::MAX,
        max_source_chars: usize::MAX,
        max_total_chars: usize::MAX,
    };
}

/// The longest name or title shown, in characters; a longer one is cut and ends with "…".
pub const MAX_LABEL_CHARS: usize = 200;

/// `text` cut after `max_chars` characters (never inside a character), or `None` when it is no
/// longer than that.
pub(crate) fn cut_chars(text: &str, max_chars: usize) -> Option<&str> {
    let (end, _) = text.char_indices().nth(max_chars)?;
    Some(&text[..end])
}

/// A name or title of at most [`MAX_LABEL_CHARS`] characters.
pub(crate) fn short_label(label: String) -> String {
    match cut_chars(&label, MAX_LABEL_CHARS - 1) {
        Some(cut) if label.chars().nth(MAX_LABEL_CHARS).is_some() => format!("{}…", cut.trim_end()),
        _ => label,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_fall_on_characters() {
        assert_eq!(cut_chars("héllo", 2), Some("hé"));
        assert_eq!(cut_chars("héllo", 5), None);
        assert_eq!(cut_chars("👍👍👍", 1), Some("👍"));
        let exactly = "n".repeat(MAX_LABEL_CHARS);
        assert_eq!(short_label(exactly.clone()), exactly);
        let over = format!("{exactly}n");
        assert_eq!(short_label(over).chars().count(), MAX_LABEL_CHARS);
    }
}
