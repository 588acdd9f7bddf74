//! The only module that knows JavaScript: it finds the page's `[data-crosscheck]` elements and
//! mounts a widget in each, with its own state.
//!
//! A widget reads its corpus from `data-corpus="#id"` (an inline `<script type="application/json">`)
//! or falls back to the embedded seed corpus. A corpus that fails to load is reported inside
//! that widget only; the page and any other widget go on.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use crate::analysis::analyse;
use crate::corpus::{self, Corpus};
use crate::ui::model::Model;
use crate::ui::{App, AppProps, SharedModel};

/// The class every widget root carries; all styles hang below it.
const ROOT_CLASS: &str = "crosscheck";

/// Runs when the module loads: mounts every widget on the page.
#[wasm_bindgen(start)]
pub fn start() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
    let Ok(elements) = document.query_selector_all("[data-crosscheck]") else { return };
    for index in 0..elements.length() {
        if let Some(element) = elements.item(index).and_then(|node| node.dyn_into::<Element>().ok()) {
            // The first widget's deep links read `#cc=…`, the next ones `#cc1=…`, `#cc2=…`.
            let link_param = if index == 0 { "cc".to_string() } else { format!("cc{index}") };
            mount_element(&document, element, link_param);
        }
    }
}

fn mount_element(document: &Document, element: Element, link_param: String) {
    if element.get_attribute("data-crosscheck-mounted").is_some() {
        return;
    }
    let _ = element.set_attribute("data-crosscheck-mounted", "");
    let _ = element.class_list().add_1(ROOT_CLASS);
    match corpus_for(document, &element) {
        Ok((corpus, problems)) => mount(element, corpus, problems, link_param),
        Err(message) => show_error(&element, &message),
    }
}

/// The corpus a widget asks for, with the problems of the sources that were skipped or repaired.
fn corpus_for(document: &Document, element: &Element) -> Result<(Corpus, Vec<String>), String> {
    let Some(reference) = element.get_attribute("data-corpus").filter(|value| !value.trim().is_empty()) else {
        return Ok((corpus::seeds(), Vec::new()));
    };
    let Some(id) = reference.trim().strip_prefix('#') else {
        return Err(format!(
            "This widget's corpus \"{reference}\" cannot be loaded yet: only an inline corpus (\"#id\") is supported."
        ));
    };
    let script = document.get_element_by_id(id).ok_or_else(|| {
        format!("This widget's corpus \"#{id}\" was not found: the page has no element with id \"{id}\".")
    })?;
    let text = script.text_content().unwrap_or_default();
    let loaded = corpus::from_json(&text).map_err(|error| error.to_string())?;
    Ok((loaded.corpus, loaded.problems.iter().map(ToString::to_string).collect()))
}

fn mount(element: Element, corpus: Corpus, problems: Vec<String>, link_param: String) {
    let analysis = analyse(&corpus);
    let props = AppProps {
        model: SharedModel(Rc::new(Model::new(corpus, analysis))),
        problems: Rc::new(problems),
        link_param: Some(link_param.into()),
        initial_source: None,
        initial_claim: None,
    };
    // The handle lives as long as the page; `destroy` arrives with the JS API.
    std::mem::forget(yew::Renderer::<App>::with_root_and_props(element, props).render());
}

/// Shows an error inside the widget as text (never as HTML: the message may quote the corpus).
fn show_error(element: &Element, message: &str) {
    element.set_text_content(None);
    let Some(document) = element.owner_document() else { return };
    if let Ok(paragraph) = document.create_element("p") {
        paragraph.set_class_name("crosscheck__error");
        let _ = paragraph.set_attribute("role", "alert");
        paragraph.set_text_content(Some(message));
        let _ = element.append_child(&paragraph);
    }
}
