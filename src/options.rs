//! The options of one widget, checked: where its corpus comes from, its theme, the source and
//! claim shown first, its height and language.
//!
//! A value that cannot be used never stops the widget: it becomes a note shown with the corpus
//! problems ("theme \"blue\" is not one of …") and the default applies. Only the corpus itself can
//! fail a widget, later, when it is loaded. This module is plain Rust (it compiles and is fuzzed
//! natively); reading the values from an element's `data-*` attributes and from the JavaScript
//! options object is `embed`'s job, and so is asking the browser whether a height is CSS.

use crate::analysis::ClaimId;
use crate::corpus::SourceId;

/// The option names, the same in JS and (with `data-`) as attributes.
pub const NAMES: [&str; 6] = ["corpus", "theme", "source", "claim", "height", "lang"];

/// Where a widget's corpus comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum CorpusInput {
    /// No corpus given: the demo story embedded in the build.
    Demo,
    /// `#id`: the text of the page's element with that id, usually a `<script type="application/json">`.
    Inline(String),
    /// The corpus JSON itself (a JS object, stringified, or a JSON string).
    Json(String),
    /// A URL, relative to the page, fetched when the widget mounts.
    Url(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Follow the reader's `prefers-color-scheme`.
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The root's `data-theme` value; `None` for auto (the attribute is left off).
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

/// Checked options, with notes about the values that were set aside.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub corpus: CorpusInput,
    pub theme: Theme,
    pub source: Option<SourceId>,
    pub claim: Option<ClaimId>,
    /// A CSS length for `--crosscheck-height`.
    pub height: Option<String>,
    /// The UI language; only "en" exists so far.
    pub lang: &'static str,
    pub notes: Vec<String>,
}

/// Option values as text, before checking.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawOptions {
    pub(crate) values: [Option<String>; NAMES.len()],
    pub(crate) notes: Vec<String>,
}

impl RawOptions {
    /// Sets option `name` (one of [`NAMES`]) to `value`, as an attribute would; false for an
    /// unknown name.
    pub fn set(&mut self, name: &str, value: &str) -> bool {
        let Some(index) = NAMES.iter().position(|candidate| *candidate == name) else { return false };
        self.values[index] = Some(value.to_string());
        true
    }

    fn value(&self, name: &str) -> Option<&str> {
        let index = NAMES.iter().position(|candidate| *candidate == name)?;
        self.values[index].as_deref().map(str::trim).filter(|value| !value.is_empty())
    }

    /// Checks every value; what cannot be used becomes a note and its default applies.
    /// `is_css_height` says whether a length is a valid CSS `height` (the browser knows).
    pub fn check_with(self, is_css_height: impl Fn(&str) -> bool) -> Options {
        let mut notes = self.notes.clone();
        // A byte order mark (JSON text pasted from a file saved on Windows) is not part of the value:
        // with it, the JSON was taken for a URL.
        let corpus = match self.value("corpus").map(|value| value.trim_start_matches(is_bom_or_space)) {
            None | Some("") => CorpusInput::Demo,
            Some(value) if value.starts_with('#') => CorpusInput::Inline(value[1..].to_string()),
            Some(value) if value.starts_with('{') => CorpusInput::Json(value.to_string()),
            Some(value) => CorpusInput::Url(value.to_string()),
        };
        let theme = match self.value("theme").map(str::to_ascii_lowercase).as_deref() {
            None | Some("auto") => Theme::Auto,
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            Some(other) => {
                notes.push(format!(
                    "The theme \"{other}\" is not one of auto, light or dark; the widget follows the reader's setting."
                ));
                Theme::Auto
            }
        };
        let source = self.value("source").map(|id| SourceId(id.to_string()));
        let claim = self.value("claim").and_then(|value| {
            let parsed = parse_claim_id(value);
            if parsed.is_none() {
                notes.push(format!("The claim \"{value}\" is not a claim id like c12; no claim is selected."));
            }
            parsed
        });
        let height = self.value("height").and_then(|value| {
            let length = if value.bytes().all(|byte| byte.is_ascii_digit() || byte == b'.') {
                format!("{value}px")
            } else {
                value.to_string()
            };
            if is_css_height(&length) {
                Some(length)
            } else {
                notes.push(format!("The height \"{value}\" is not a CSS length (like 600px or 80vh); it was ignored."));
                None
            }
        });
        let lang = match self.value("lang") {
            None => "en",
            Some(value) if value.split(['-', '_']).next().is_some_and(|primary| primary.eq_ignore_ascii_case("en")) => {
                "en"
            }
            Some(other) => {
                notes.push(format!("The widget has no \"{other}\" text yet; it is shown in English."));
                "en"
            }
        };
        Options { corpus, theme, source, claim, height, lang, notes }
    }
}

fn is_bom_or_space(c: char) -> bool {
    c == '\u{feff}' || c.is_whitespace()
}

/// `c12` or `12` as a claim id.
pub fn parse_claim_id(value: &str) -> Option<ClaimId> {
    let digits = value.strip_prefix(['c', 'C']).unwrap_or(value);
    if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().map(ClaimId)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks `(name, value)` pairs with a stand-in CSS check that takes px and vh lengths.
    fn check(pairs: &[(&str, &str)]) -> Options {
        let mut raw = RawOptions::default();
        for (name, value) in pairs {
            assert!(raw.set(name, value));
        }
        raw.check_with(|length| length.ends_with("px") || length.ends_with("vh"))
    }

    #[test]
    fn values_are_read_and_bad_ones_become_notes() {
        let options = check(&[("corpus", " #story "), ("theme", "DARK"), ("claim", "c12"), ("height", "600")]);
        assert_eq!(options.corpus, CorpusInput::Inline("story".to_string()));
        assert_eq!(options.theme, Theme::Dark);
        assert_eq!(options.claim, Some(ClaimId(12)));
        assert_eq!(options.height.as_deref(), Some("600px"));
        assert!(options.notes.is_empty());

        let options = check(&[("theme", "blue"), ("claim", "x"), ("height", "tall"), ("lang", "fr")]);
        assert_eq!((options.theme, options.claim, options.height, options.lang), (Theme::Auto, None, None, "en"));
        assert_eq!(options.notes.len(), 4, "{:?}", options.notes);
        assert_eq!(
            check(&[("corpus", "{\"sources\": []}")]).corpus,
            CorpusInput::Json("{\"sources\": []}".to_string())
        );
        assert_eq!(check(&[("corpus", "story.json")]).corpus, CorpusInput::Url("story.json".to_string()));
        assert_eq!(check(&[("corpus", "\u{feff}{}")]).corpus, CorpusInput::Json("{}".to_string()));
        assert_eq!(check(&[("claim", "c99999999999999999999")]).claim, None);
        assert!(!RawOptions::default().set("colour", "red"));
    }
}
