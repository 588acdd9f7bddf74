//! Reads a widget's options from its element's `data-*` attributes and from the options object
//! of the JavaScript `mount(element, options)` (which wins where both say something). Checking
//! them is `crate::options`' job, plain Rust; this part only knows the DOM and JS values, and
//! asks the browser whether a height is CSS. It writes nothing to the page.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

pub(crate) use crate::options::{CorpusInput, Options, RawOptions, NAMES};

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

    /// Checks every value (see `crate::options`), with the browser's CSS parser for the height.
    pub(crate) fn check(self) -> Options {
        self.check_with(|length| web_sys::css::supports_with_value("height", length).unwrap_or(false))
    }
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
