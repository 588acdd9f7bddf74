//! The options of one widget: read from its element's `data-*` attributes and from the options
//! object of the JavaScript `mount(element, options)` (which wins where both say something),
//! then checked.
//!
//! A value that cannot be used never stops the widget: it becomes a note shown with the corpus
//! problems ("theme \"blue\" is not one of …") and the default applies. Only the corpus itself can
//! fail a widget, later, when it is loaded. This module reads attributes and JS values; it
//! writes nothing to the page.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use crate::analysis::ClaimId;
use crate::corpus::SourceId;

/// The option names, the same in JS and (with `data-`) as attributes.
pub(crate) const NAMES: [&str; 6] = ["corpus", "theme", "source", "claim", "height", "lang"];

/// Where a widget's corpus comes from.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum CorpusInput {
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
pub(crate) enum Theme {
    /// Follow the reader's `prefers-color-scheme`.
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The root's `data-theme` value; `None` for auto (the attribute is left off).
    pub(crate) fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

/// Checked options, with notes about the values that were set aside.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Options {
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
pub(crate) struct RawOptions {
    values: [Option<String>; NAMES.len()],
    notes: Vec<String>,
}

impl RawOptions {
    /// The `data-corpus`, `data-theme`, … attributes of an element.
    pub(crate) fn from_element(element: &Element) -> RawOptions {
        let mut raw = RawOptions::default();
        for (slot, name) in raw.values.iter_mut().zip(NAMES) {
            *slot = element.get_attribute(&format!("data-{name}"));
        }
        raw
    }

    /// Lays the options object of `mount(element, options)` over the attributes. Strings are
    /// taken as they are; a number is taken for `height` (pixels); an object for `corpus` is the
    /// corpus itself. `undefined` and `null` leave the attribute's value.
    pub(crate) fn overlay_js(&mut self, options: &JsValue) {
        if options.is_undefined() || options.is_null() {
            return;
        }
        for key in unknown_keys(options) {
            self.notes.push(format!(
                "The option \"{key}\" is unknown (the options are {}); it was ignored.",
                NAMES.join(", ")
            ));
        }
        for (index, name) in NAMES.iter().enumerate() {
            let value = js_sys::Reflect::get(options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
            if value.is_undefined() || value.is_null() {
                continue;
            }
            if let Some(text) = value.as_string() {
                self.values[index] = Some(text);
            } else if let (Some(number), "height") = (value.as_f64(), *name) {
                // Whole pixels: formatting an integer keeps float printing out of the wasm.
                self.values[index] = Some(format!("{}px", number.round() as i64));
            } else if let (true, "corpus") = (value.is_object(), *name) {
                match js_sys::JSON::stringify(&value).ok().and_then(|text| text.as_string()) {
                    Some(text) => self.values[index] = Some(text),
                    None => self.notes.push("The corpus object could not be read as JSON.".to_string()),
                }
            } else {
                self.notes.push(format!("The option {name} must be text; it was ignored."));
            }
        }
    }

    fn value(&self, name: &str) -> Option<&str> {
        let index = NAMES.iter().position(|candidate| *candidate == name)?;
        self.values[index].as_deref().map(str::trim).filter(|value| !value.is_empty())
    }

    /// Checks every value; what cannot be used becomes a note and its default applies.
    pub(crate) fn check(self) -> Options {
        let mut notes = self.notes.clone();
        let corpus = match self.value("corpus") {
            None => CorpusInput::Demo,
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
            if web_sys::css::supports_with_value("height", &length).unwrap_or(false) {
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

/// `c12` or `12` as a claim id.
fn parse_claim_id(value: &str) -> Option<ClaimId> {
    let digits = value.strip_prefix(['c', 'C']).unwrap_or(value);
    if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().map(ClaimId)
}

/// The keys of a JS options object that are not option names (likely typos).
fn unknown_keys(options: &JsValue) -> Vec<String> {
    let Some(object) = options.dyn_ref::<js_sys::Object>() else { return Vec::new() };
    js_sys::Object::keys(object)
        .iter()
        .filter_map(|key| key.as_string())
        .filter(|key| !NAMES.contains(&key.as_str()))
        .collect()
}
