//! Browser tests: the real widget mounted into a div in headless Chromium (wasm-bindgen-test).
//!
//! Each test mounts the App on the seed corpus, acts as a reader would (a click, a key), lets
//! Yew's scheduler render, and asserts on the DOM. Run with
//! `cargo test --target wasm32-unknown-unknown --no-default-features --test web`.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use crosscheck::analysis::analyse;
use crosscheck::corpus;
use crosscheck::ui::model::Model;
use crosscheck::ui::{App, AppProps, SharedModel};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets Yew's scheduler run the pending renders.
async fn settle() {
    yew::platform::time::sleep(Duration::ZERO).await;
}

/// Mounts the widget on the seed corpus into a fresh div and waits for the first render.
async fn mount_seeds() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    root.set_class_name("crosscheck");
    document.body().unwrap().append_child(&root).unwrap();
    let corpus = corpus::seeds();
    let analysis = analyse(&corpus);
    let props = AppProps { model: SharedModel(Rc::new(Model::new(corpus, analysis))), problems: Rc::default() };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    root
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|index| list.item(index)?.dyn_into::<Element>().ok()).collect()
}

fn selected_sentences(root: &Element) -> Vec<String> {
    all(root, ".crosscheck__sentence[aria-pressed=\"true\"]").iter().map(|element| element.text_content().unwrap()).collect()
}

#[wasm_bindgen_test]
async fn lists_the_five_seed_sources_and_the_first_text() {
    let root = mount_seeds().await;
    let tabs = all(&root, "[role=tab]");
    assert_eq!(tabs.len(), 5, "one tab per seed source");
    assert_eq!(tabs[0].get_attribute("aria-selected").as_deref(), Some("true"));
    let title = root.query_selector(".crosscheck__title").unwrap().unwrap().text_content().unwrap();
    assert!(title.contains("NATO"), "story title shown, got {title:?}");
    let sentences = all(&root, ".crosscheck__sentence");
    assert!(sentences.len() >= 8, "the first source's sentences are rendered, got {}", sentences.len());
    for sentence in &sentences {
        assert_eq!(sentence.get_attribute("tabindex").as_deref(), Some("0"), "every sentence is focusable");
    }
    assert!(selected_sentences(&root).is_empty());
}

#[wasm_bindgen_test]
async fn a_click_selects_a_sentence_and_shows_it_in_the_panel() {
    let root = mount_seeds().await;
    let sentences = all(&root, ".crosscheck__sentence");
    let target = sentences[1].clone().dyn_into::<HtmlElement>().unwrap();
    let text = target.text_content().unwrap();
    target.click();
    settle().await;
    assert_eq!(selected_sentences(&root), vec![text.clone()]);
    let quote = root.query_selector(".crosscheck__selected-quote p").unwrap().unwrap().text_content().unwrap();
    assert_eq!(quote, text, "the panel quotes the selected sentence");

    // A second click elsewhere moves the selection; the close button clears it.
    sentences[2].clone().dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
    assert_eq!(selected_sentences(&root), vec![sentences[2].text_content().unwrap()]);
    root.query_selector(".crosscheck__close").unwrap().unwrap().dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
    assert!(selected_sentences(&root).is_empty());
}

#[wasm_bindgen_test]
async fn enter_on_a_focused_sentence_selects_it() {
    let root = mount_seeds().await;
    let target = all(&root, ".crosscheck__sentence")[3].clone().dyn_into::<HtmlElement>().unwrap();
    target.focus().unwrap();
    let init = KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
    settle().await;
    assert_eq!(selected_sentences(&root), vec![target.text_content().unwrap()]);
    assert!(event.default_prevented(), "Enter is handled, not passed on to the page");
}

#[wasm_bindgen_test]
async fn a_tab_shows_another_source() {
    let root = mount_seeds().await;
    let tabs = all(&root, "[role=tab]");
    tabs[4].clone().dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
    assert_eq!(tabs[4].get_attribute("aria-selected").as_deref(), Some("true"));
    let name = root.query_selector(".crosscheck__source-name").unwrap().unwrap().text_content().unwrap();
    assert_eq!(name, tabs[4].query_selector(".crosscheck__tab-name").unwrap().unwrap().text_content().unwrap());
}
