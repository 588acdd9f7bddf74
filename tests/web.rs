//! Browser tests: the real widget mounted into a div in headless Chromium (wasm-bindgen-test).
//!
//! Each test mounts the App on the seed corpus, acts as a reader would (a click, a key), lets
//! Yew's scheduler render, and asserts on the DOM. Run with
//! `cargo test --target wasm32-unknown-unknown --no-default-features --test web`.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use crosscheck::analysis::{analyse, Analysis, Relation};
use crosscheck::corpus;
use crosscheck::ui::model::Model;
use crosscheck::ui::model::{check_corpus, check_part};
use crosscheck::ui::{App, AppProps, CheckRequest, CheckUpdate, SharedModel};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets Yew's scheduler run the pending renders.
async fn settle() {
    yew::platform::time::sleep(Duration::ZERO).await;
}

/// Waits until `condition` holds, for at most three seconds, and says whether it did. Renders
/// of the debug build can take longer than one turn of the event loop, so a test waits for
/// the state it expects instead of guessing a delay; the assertion after it still decides.
async fn eventually(mut condition: impl FnMut() -> bool) -> bool {
    for _ in 0..300 {
        if condition() {
            return true;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    condition()
}

/// Mounts the widget on the seed corpus into a fresh div and waits for the first render.
async fn mount_seeds() -> Element {
    mount_seeds_linked(None).await
}

/// The same, with deep links in the URL fragment under `link_param`.
async fn mount_seeds_linked(link_param: Option<&str>) -> Element {
    let corpus = corpus::seeds();
    let analysis = analyse(&corpus);
    mount_analysed(corpus, analysis, link_param).await
}

/// Mounts the widget on a corpus with a given analysis and waits for the first render.
async fn mount_analysed(corpus: corpus::Corpus, analysis: Analysis, link_param: Option<&str>) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    root.set_class_name("crosscheck");
    document.body().unwrap().append_child(&root).unwrap();
    let props = AppProps {
        model: SharedModel(Rc::new(Model::new(corpus, analysis))),
        problems: Rc::default(),
        link_param: link_param.map(|param| param.to_string().into()),
        initial_source: None,
        initial_claim: None,
        progress: None,
        checker: None,
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    eventually(|| root.query_selector(".crosscheck__sentence").ok().flatten().is_some()).await;
    root
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|index| list.item(index)?.dyn_into::<Element>().ok()).collect()
}

fn selected_sentences(root: &Element) -> Vec<String> {
    all(root, ".crosscheck__sentence[aria-pressed=\"true\"]")
        .iter()
        .map(|element| element.text_content().unwrap())
        .collect()
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
    // Every sentence is focusable; the text is one tab stop, and arrows move inside it.
    let tab_stops =
        sentences.iter().filter(|sentence| sentence.get_attribute("tabindex").as_deref() == Some("0")).count();
    assert_eq!(tab_stops, 1, "exactly one sentence is in the tab order");
    for sentence in &sentences {
        assert!(sentence.get_attribute("tabindex").is_some(), "every sentence is focusable");
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

/// Sends a keydown for `key` to the focused element (as a browser would) and lets Yew render.
async fn press(key: &str) -> KeyboardEvent {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    let focused = web_sys::window().unwrap().document().unwrap().active_element().unwrap();
    focused.dispatch_event(&event).unwrap();
    settle().await;
    event
}

fn focused_text() -> String {
    web_sys::window().unwrap().document().unwrap().active_element().unwrap().text_content().unwrap()
}

#[wasm_bindgen_test]
async fn enter_on_a_focused_sentence_selects_it() {
    let root = mount_seeds().await;
    let target = all(&root, ".crosscheck__sentence")[3].clone().dyn_into::<HtmlElement>().unwrap();
    target.focus().unwrap();
    let event = press("Enter").await;
    assert_eq!(selected_sentences(&root), vec![target.text_content().unwrap()]);
    assert!(event.default_prevented(), "Enter is handled, not passed on to the page");
}

#[wasm_bindgen_test]
async fn arrows_move_between_sentences_and_escape_closes_the_panel() {
    let root = mount_seeds().await;
    let sentences = all(&root, ".crosscheck__sentence");
    sentences[0].clone().dyn_into::<HtmlElement>().unwrap().focus().unwrap();
    press("ArrowDown").await;
    press("ArrowDown").await;
    assert_eq!(focused_text(), sentences[2].text_content().unwrap(), "two steps down");
    press("ArrowUp").await;
    assert_eq!(focused_text(), sentences[1].text_content().unwrap(), "one step back up");
    press(" ").await;
    assert_eq!(selected_sentences(&root), vec![sentences[1].text_content().unwrap()]);
    let escape = press("Escape").await;
    assert!(escape.default_prevented());
    assert!(selected_sentences(&root).is_empty(), "Esc closes the panel");
    assert_eq!(focused_text(), sentences[1].text_content().unwrap(), "focus returns to the sentence");
}

#[wasm_bindgen_test]
async fn arrows_move_between_source_tabs() {
    let root = mount_seeds().await;
    let tabs = all(&root, "[role=tab]");
    tabs[0].clone().dyn_into::<HtmlElement>().unwrap().focus().unwrap();
    press("ArrowDown").await;
    assert_eq!(tabs[1].get_attribute("aria-selected").as_deref(), Some("true"), "the next tab is shown");
    press("End").await;
    assert_eq!(tabs[4].get_attribute("aria-selected").as_deref(), Some("true"), "End shows the last tab");
    assert_eq!(tabs[4].get_attribute("tabindex").as_deref(), Some("0"));
}

#[wasm_bindgen_test]
async fn a_selection_is_a_deep_link_that_survives_a_remount_and_the_back_button() {
    let window = web_sys::window().unwrap();
    let history = window.history().unwrap();
    let root = mount_seeds_linked(Some("cctest")).await;
    let sentences = all(&root, ".crosscheck__sentence");
    sentences[1].clone().dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
    sentences[2].clone().dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
    let start = sentences[2].get_attribute("data-start").unwrap();
    let wanted = format!("cctest=000:{start}");
    // The URL is written from an effect, after the render: on a loaded machine, later.
    eventually(|| window.location().hash().unwrap_or_default().contains(&wanted)).await;
    let hash = window.location().hash().unwrap();
    assert!(hash.contains(&wanted), "the fragment names the selection: {hash}");

    // A fresh widget on the same URL (a reload) opens on the same sentence.
    let reloaded = mount_seeds_linked(Some("cctest")).await;
    assert_eq!(selected_sentences(&reloaded), vec![sentences[2].text_content().unwrap()]);

    // Back steps to the previous selection. Chromium's back button skips history entries that
    // were pushed without a real user gesture (synthetic clicks are none), so the test does what
    // the back button does for a reader: the URL returns to the earlier entry and the page gets
    // a popstate event.
    let earlier = hash.replace(
        &format!("cctest=000:{start}"),
        &format!("cctest=000:{}", sentences[1].get_attribute("data-start").unwrap()),
    );
    let path = window.location().pathname().unwrap();
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}{earlier}"))).unwrap();
    let popstate = web_sys::Event::new("popstate").unwrap();
    window.dispatch_event(&popstate).unwrap();
    let mut waited = 0;
    let want = vec![sentences[1].text_content().unwrap()];
    while (selected_sentences(&root) != want || selected_sentences(&reloaded) != want) && waited < 250 {
        yew::platform::time::sleep(Duration::from_millis(20)).await;
        waited += 1;
    }
    assert_eq!(
        selected_sentences(&reloaded),
        vec![sentences[1].text_content().unwrap()],
        "back restores the earlier selection in every widget on the link"
    );
    assert_eq!(
        selected_sentences(&root),
        vec![sentences[1].text_content().unwrap()],
        "back restores the earlier selection"
    );
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&window.location().pathname().unwrap()))
        .unwrap();
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

/// Clicks the tab of source `id`, then the sentence of that source containing `needle`.
async fn select_sentence_containing(root: &Element, id: &str, needle: &str) -> Element {
    let tab = root.query_selector(&format!("[role=tab][data-source=\"{id}\"]")).unwrap().unwrap();
    tab.dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
    let sentence = all(root, ".crosscheck__sentence")
        .into_iter()
        .find(|element| element.text_content().unwrap().contains(needle))
        .unwrap_or_else(|| panic!("source {id} shows a sentence with {needle:?}"));
    sentence.clone().dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
    sentence
}

fn section_items(root: &Element, relation: &str) -> Vec<(String, String)> {
    all(root, &format!(".crosscheck__evidence[data-relation=\"{relation}\"] .crosscheck__evidence-item"))
        .iter()
        .map(|item| {
            let text = |selector: &str| {
                item.query_selector(selector).unwrap().map(|e| e.text_content().unwrap()).unwrap_or_default()
            };
            (
                text(".crosscheck__evidence-source"),
                format!("{} | {}", text(".crosscheck__quote"), text(".crosscheck__reason")),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
async fn the_panel_of_a_contradicted_claim_names_the_conflicting_detail() {
    let root = mount_seeds().await;
    let sentence = select_sentence_containing(&root, "001", "Zelenskyy in Washington last week").await;
    assert_eq!(sentence.get_attribute("data-status").as_deref(), Some("contradicted"));
    let contradicting = section_items(&root, "contradicts");
    assert!(contradicting.len() >= 2, "both reports of the Monday meeting contradict it: {contradicting:?}");
    for (source, text) in &contradicting {
        assert!(text.contains("Monday") && text.contains("last week"), "{source}: the detail is named: {text}");
    }
    let marks = all(&root, ".crosscheck__evidence[data-relation=\"contradicts\"] .crosscheck__mark");
    assert!(
        marks.iter().any(|mark| mark.text_content().unwrap().contains("Monday")),
        "the conflicting words are marked"
    );
    let counts = root.query_selector(".crosscheck__counts").unwrap().unwrap().text_content().unwrap();
    assert!(counts.contains("2 sources contradicting"), "counts: {counts}");
}

#[wasm_bindgen_test]
async fn the_panel_of_a_backed_claim_lists_its_backers_with_marked_words() {
    let root = mount_seeds().await;
    let sentence = select_sentence_containing(&root, "000", "32 defense chiefs").await;
    assert_eq!(sentence.get_attribute("data-status").as_deref(), Some("backed"));
    let backing = section_items(&root, "supports");
    assert!(
        backing.iter().any(|(_, text)| text.contains("32 chiefs of defence")),
        "the summary's '32 chiefs of defence' backs it: {backing:?}"
    );
    assert!(section_items(&root, "contradicts").is_empty(), "nothing contradicts the count of 32");
    let marks: Vec<String> = all(&root, ".crosscheck__evidence[data-relation=\"supports\"] .crosscheck__mark")
        .iter()
        .map(|mark| mark.text_content().unwrap())
        .collect();
    assert!(marks.iter().any(|mark| mark.contains("32")), "shared words are marked: {marks:?}");

    // A backing quote opens its claim in its own source.
    let quote = all(&root, ".crosscheck__evidence[data-relation=\"supports\"] .crosscheck__quote")[0].clone();
    quote.dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
    let shown =
        root.query_selector("[role=tab][aria-selected=\"true\"]").unwrap().unwrap().get_attribute("data-source");
    assert_ne!(shown.as_deref(), Some("000"), "the quote's own source is shown");
    assert_eq!(selected_sentences(&root).len(), 1);
}

#[wasm_bindgen_test]
async fn check_a_claim_finds_backers_and_contradictors_of_a_typed_sentence() {
    let root = mount_seeds().await;
    submit_check(&root, "Twenty-eight NATO defence chiefs held a video conference on Wednesday.").await;
    assert!(eventually(|| !section_items(&root, "contradicts").is_empty()).await, "the count 28 is contradicted");
    let contradicting = section_items(&root, "contradicts");
    assert!(contradicting.iter().any(|(_, text)| text.contains("32")), "by a source that says 32: {contradicting:?}");
}

#[wasm_bindgen_test]
async fn a_contradicted_claim_offers_its_claimreview_json_ld_and_a_backed_one_does_not() {
    let root = mount_seeds().await;
    select_sentence_containing(&root, "001", "Zelenskyy in Washington last week").await;
    let disclosure =
        root.query_selector(".crosscheck__jsonld").unwrap().expect("a contradicted claim has the JSON-LD disclosure");
    let text = disclosure.query_selector(".crosscheck__jsonld-text").unwrap().unwrap().text_content().unwrap();
    let review: serde_json::Value = serde_json::from_str(&text).expect("the shown JSON-LD parses");
    assert_eq!(review["@type"], "ClaimReview");
    assert!(review["claimReviewed"].as_str().unwrap().contains("last week"), "{review}");
    assert!(review["reviewRating"]["ratingExplanation"].as_str().unwrap().contains("Monday"), "{review}");
    // The copy button answers in words, whether or not this headless browser grants the clipboard.
    disclosure.query_selector(".crosscheck__copy").unwrap().unwrap().dyn_into::<HtmlElement>().unwrap().click();
    let status = || root.query_selector(".crosscheck__copy-status").unwrap().unwrap().text_content().unwrap();
    assert!(eventually(|| !status().is_empty()).await, "the copy action reports what it did");

    select_sentence_containing(&root, "000", "32 defense chiefs").await;
    assert!(root.query_selector(".crosscheck__jsonld").unwrap().is_none(), "an undisputed claim has no review");
}

#[wasm_bindgen_test]
async fn backing_names_what_matched_and_related_claims_stay_apart_and_uncounted() {
    let root = mount_seeds().await;
    select_sentence_containing(&root, "000", "32 defense chiefs").await;
    let backing = section_items(&root, "supports");
    assert!(!backing.is_empty());
    for (source, text) in &backing {
        // The reason says what matched, not a bag of shared words.
        assert!(
            ["both:", "same ", "both name", "both deny:"].iter().any(|what| text.contains(what)),
            "{source}: {text}"
        );
    }
    // Claims that only share names or topic are listed apart, collapsed, and not counted.
    let related = root.query_selector(".crosscheck__related").unwrap().expect("an 'Also mentions' list");
    assert!(!related.has_attribute("open"), "the list starts collapsed");
    let summary = related.query_selector("summary").unwrap().unwrap().text_content().unwrap();
    assert!(summary.starts_with("Also mentions ("), "{summary}");
    let related_quotes: Vec<String> =
        all(&related, ".crosscheck__quote").iter().map(|q| q.text_content().unwrap()).collect();
    assert!(!related_quotes.is_empty());
    let backing_quotes: Vec<String> =
        all(&root, ".crosscheck__evidence[data-relation=\"supports\"] .crosscheck__quote")
            .iter()
            .map(|q| q.text_content().unwrap())
            .collect();
    assert!(related_quotes.iter().all(|q| !backing_quotes.contains(q)), "a related claim is never also a backer");
    let n_backing_sources =
        backing.iter().map(|(source, _)| source.clone()).collect::<std::collections::BTreeSet<_>>().len();
    let counts = root.query_selector(".crosscheck__counts").unwrap().unwrap().text_content().unwrap();
    assert!(counts.starts_with(&format!("{n_backing_sources} source")), "only backers are counted: {counts}");
    clear_fragment();
}

#[wasm_bindgen_test]
async fn a_side_detail_backing_says_which_part_it_backs() {
    // How the panel shows a side-detail backing, whether or not the model finds one in the seeds
    // (it is the model's call, measured on the labelled stories): of a claim with two or more
    // backers, the last backing is marked a side detail.
    let corpus = corpus::seeds();
    let mut analysis = analyse(&corpus);
    let backed_twice = analysis
        .claims
        .iter()
        .map(|c| c.id)
        .find(|&id| analysis.links.iter().filter(|l| l.relation == Relation::Supports && l.from == id).count() >= 2)
        .expect("a seed claim backed twice");
    let last = analysis
        .links
        .iter()
        .rposition(|l| l.relation == Relation::Supports && l.from == backed_twice)
        .expect("its backings");
    analysis.links[last].side_detail = true;
    let link = analysis.links[last].clone();
    let claim = analysis.claims.iter().find(|c| c.id == link.from).expect("its claim").clone();
    let root = mount_analysed(corpus, analysis, None).await;
    let needle: String = claim.text.chars().take(30).collect();
    select_sentence_containing(&root, &claim.source.0, &needle).await;
    let details: Vec<String> = all(&root, ".crosscheck__evidence[data-relation=\"supports\"] .crosscheck__side-detail")
        .iter()
        .map(|e| e.text_content().unwrap())
        .collect();
    assert!(details.iter().any(|d| d.starts_with("Backs a detail")), "{details:?}");
    // Main-point backers come before side details.
    let items = all(&root, ".crosscheck__evidence[data-relation=\"supports\"] .crosscheck__evidence-item");
    let first_side = items.iter().position(|item| item.query_selector(".crosscheck__side-detail").unwrap().is_some());
    let last_main = items.iter().rposition(|item| item.query_selector(".crosscheck__side-detail").unwrap().is_none());
    if let (Some(side), Some(main)) = (first_side, last_main) {
        assert!(main < side, "main-point backers first");
    }
    clear_fragment();
}

/// Leaves the page's URL without a fragment, as a test that selected a sentence found it, so that
/// the history of one test does not leak into the next.
fn clear_fragment() {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window.history().unwrap().replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path)).unwrap();
}

/// Mounts the App on `corpus` with a pending model (the analysis still running) and a progress.
async fn mount_pending(corpus: corpus::Corpus, progress: crosscheck::ui::Progress) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = AppProps {
        model: SharedModel(Rc::new(Model::pending(corpus))),
        problems: Rc::default(),
        link_param: None,
        initial_source: None,
        initial_claim: None,
        progress: Some(progress),
        checker: None,
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    eventually(|| root.query_selector(".crosscheck__sentence").ok().flatten().is_some()).await;
    settle().await;
    root
}

#[wasm_bindgen_test]
async fn while_the_analysis_runs_the_text_shows_with_a_progress_bar() {
    let progress = crosscheck::ui::Progress { stage: crosscheck::ui::Stage::Reading, done: 2, total: 5 };
    let root = mount_pending(corpus::seeds(), progress).await;
    let bar = root.query_selector("[role=progressbar]").unwrap().expect("a progress bar");
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("16"));
    let label = root.query_selector(".crosscheck__progress-label").unwrap().unwrap().text_content().unwrap();
    assert_eq!(label, "Reading 2 of 5 sources");
    // No sentence is marked yet, and a selected sentence says the analysis is still running.
    assert!(all(&root, ".crosscheck__sentence")
        .iter()
        .all(|s| s.get_attribute("data-status").as_deref() == Some("none")));
    all(&root, ".crosscheck__sentence")[1].clone().dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
    let status = root.query_selector(".crosscheck__status").unwrap().unwrap().text_content().unwrap();
    assert_eq!(status, "Analysing…");
}

/// A corpus of `n` short sources, of three kinds, named "Source 0" .. "Source n-1".
fn many_sources(n: usize) -> corpus::Corpus {
    let sources = (0..n)
        .map(|i| corpus::Source {
            id: corpus::SourceId(format!("s{i:03}")),
            name: format!("Source {i}"),
            kind: [corpus::SourceKind::Article, corpus::SourceKind::Social, corpus::SourceKind::Aggregator][i % 3],
            published: None,
            url: None,
            title: None,
            text: format!("Report number {i} says the council met on Monday to discuss the bridge."),
        })
        .collect();
    corpus::Corpus { title: "Many".into(), sources }
}

#[wasm_bindgen_test]
async fn hundreds_of_sources_get_a_filterable_list_that_renders_only_what_shows() {
    let corpus = many_sources(400);
    let analysis = analyse(&corpus);
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = AppProps {
        model: SharedModel(Rc::new(Model::new(corpus, analysis))),
        problems: Rc::default(),
        link_param: None,
        initial_source: None,
        initial_claim: None,
        progress: None,
        checker: None,
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    eventually(|| root.query_selector(".crosscheck__list-item").ok().flatten().is_some()).await;
    settle().await;
    // Only the rows on screen are in the DOM, each telling its place among all.
    let items = all(&root, ".crosscheck__list-item");
    assert!(!items.is_empty() && items.len() < 60, "{} items rendered", items.len());
    assert!(all(&root, ".crosscheck__list-row[aria-setsize=\"400\"]").len() == items.len());
    let groups: Vec<String> = all(&root, ".crosscheck__list-group").iter().map(|g| g.text_content().unwrap()).collect();
    assert!(groups.iter().any(|g| g.starts_with("Articles")), "{groups:?}");
    // The filter narrows the list.
    let input =
        root.query_selector(".crosscheck__filter").unwrap().unwrap().dyn_into::<web_sys::HtmlInputElement>().unwrap();
    input.set_value("Source 12");
    input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    settle().await;
    let names: Vec<String> = all(&root, ".crosscheck__list-name").iter().map(|n| n.text_content().unwrap()).collect();
    assert!(!names.is_empty() && names.iter().all(|n| n.contains("Source 12")), "{names:?}");
    let count = root.query_selector(".crosscheck__list-count").unwrap().unwrap().text_content().unwrap();
    assert!(count.starts_with("Showing 11 of 400"), "{count}");
    // Arrow keys move to the next source and show it.
    let first = all(&root, ".crosscheck__list-item")[0].clone().dyn_into::<HtmlElement>().unwrap();
    first.focus().unwrap();
    let init = KeyboardEventInit::new();
    init.set_key("ArrowDown");
    init.set_bubbles(true);
    first.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
    settle().await;
    settle().await;
    let current =
        root.query_selector(".crosscheck__list-item[aria-current=\"true\"]").unwrap().expect("a current source");
    assert_eq!(current.get_attribute("data-row"), all(&root, ".crosscheck__list-item")[1].get_attribute("data-row"));
    let shown = root.query_selector(".crosscheck__source-name").unwrap().unwrap().text_content().unwrap();
    assert_eq!(shown, current.query_selector(".crosscheck__list-name").unwrap().unwrap().text_content().unwrap());
}

/// A checker that keeps every request, so a test plays the worker: it answers when it likes.
#[derive(Clone, Default)]
struct FakeChecker(Rc<std::cell::RefCell<Vec<Option<(String, yew::Callback<CheckUpdate>)>>>>);

impl FakeChecker {
    fn callback(&self) -> yew::Callback<CheckRequest> {
        let requests = self.0.clone();
        yew::Callback::from(move |request: CheckRequest| {
            requests.borrow_mut().push(match request {
                CheckRequest::Start { text, onupdate } => Some((text, onupdate)),
                CheckRequest::Cancel => None,
            })
        })
    }

    /// The text and report callback of request `index` (`None` for a cancel).
    fn request(&self, index: usize) -> Option<(String, yew::Callback<CheckUpdate>)> {
        self.0.borrow().get(index).cloned().flatten()
    }

    fn len(&self) -> usize {
        self.0.borrow().len()
    }
}

/// Mounts the App on `model` with `checker`, and waits for the first render.
async fn mount_with_checker(model: Model, checker: &FakeChecker) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = AppProps {
        model: SharedModel(Rc::new(model)),
        problems: Rc::default(),
        link_param: None,
        initial_source: None,
        initial_claim: None,
        progress: None,
        checker: Some(checker.callback()),
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    eventually(|| root.query_selector(".crosscheck__check-input").ok().flatten().is_some()).await;
    root
}

/// Types `text` in the check box and presses Check.
async fn submit_check(root: &Element, text: &str) {
    let input = root
        .query_selector(".crosscheck__check-input")
        .unwrap()
        .unwrap()
        .dyn_into::<web_sys::HtmlInputElement>()
        .unwrap();
    input.set_value(text);
    input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    settle().await;
    root.query_selector(".crosscheck__check-button").unwrap().unwrap().dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
}

fn check_text(root: &Element) -> String {
    root.query_selector(".crosscheck__check-result").unwrap().unwrap().text_content().unwrap()
}

const TWENTY_EIGHT: &str = "Twenty-eight NATO defence chiefs held a video conference on Wednesday.";

#[wasm_bindgen_test]
async fn a_check_in_a_worker_says_it_is_checking_and_a_second_one_replaces_the_first() {
    let corpus = corpus::seeds();
    let checker = FakeChecker::default();
    let root = mount_with_checker(Model::new(corpus.clone(), analyse(&corpus)), &checker).await;
    submit_check(&root, "The chiefs met in Brussels.").await;
    assert_eq!(checker.len(), 1);
    let (text, first) = checker.request(0).unwrap();
    assert_eq!(text, "The chiefs met in Brussels.");
    assert!(eventually(|| check_text(&root) == "Checking against 5 sources…").await, "{}", check_text(&root));
    first.emit(CheckUpdate::Progress(crosscheck::ui::Progress {
        stage: crosscheck::ui::Stage::Comparing,
        done: 50,
        total: 100,
    }));
    settle().await;
    let bar = root.query_selector(".crosscheck__check [role=progressbar]").unwrap().expect("a progress bar");
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("70"));
    assert_eq!(bar.get_attribute("aria-label").as_deref(), Some("Checking your sentence"));
    // The bar is outside the live region: its moving value is not announced.
    assert!(root.query_selector(".crosscheck__check-result[aria-live=polite] [role=progressbar]").unwrap().is_none());
    // The rest of the widget answers meanwhile.
    select_sentence_containing(&root, "001", "Zelenskyy in Washington last week").await;
    assert_eq!(selected_sentences(&root).len(), 1);
    root.query_selector(".crosscheck__close").unwrap().unwrap().dyn_into::<HtmlElement>().unwrap().click();
    assert!(eventually(|| root.query_selector(".crosscheck__check [role=progressbar]").ok().flatten().is_some()).await);

    // A second check replaces the first: the first one's answer, coming late, is ignored.
    submit_check(&root, TWENTY_EIGHT).await;
    assert_eq!(checker.len(), 2);
    let (_, second) = checker.request(1).unwrap();
    let checked = |text: &str| check_part(analyse(&check_corpus(&corpus, text).unwrap()));
    first.emit(CheckUpdate::Done(checked("The chiefs met in Brussels.")));
    settle().await;
    assert_eq!(check_text(&root), "Checking against 5 sources…");
    second.emit(CheckUpdate::Done(checked(TWENTY_EIGHT)));
    assert!(eventually(|| !section_items(&root, "contradicts").is_empty()).await, "{}", check_text(&root));
    assert!(section_items(&root, "contradicts").iter().any(|(_, text)| text.contains("32")));
    assert!(root.query_selector(".crosscheck__check [role=progressbar]").unwrap().is_none(), "the bar is gone");

    // An empty check clears the result and cancels.
    submit_check(&root, "  ").await;
    assert_eq!(checker.len(), 3);
    assert!(checker.request(2).is_none(), "a cancel");
    assert!(eventually(|| check_text(&root).is_empty()).await);
}

#[wasm_bindgen_test]
async fn a_check_during_the_analysis_shows_its_verdict_and_its_quotes_lead_to_their_sentences() {
    let corpus = corpus::seeds();
    let checker = FakeChecker::default();
    let root = mount_with_checker(Model::pending(corpus.clone()), &checker).await;
    submit_check(&root, TWENTY_EIGHT).await;
    let (_, onupdate) = checker.request(0).expect("the check went to the checker");
    onupdate.emit(CheckUpdate::Done(check_part(analyse(&check_corpus(&corpus, TWENTY_EIGHT).unwrap()))));
    assert!(eventually(|| !section_items(&root, "contradicts").is_empty()).await, "{}", check_text(&root));
    assert!(section_items(&root, "contradicts").iter().any(|(_, text)| text.contains("32")));
    // A quote opens its sentence, although the story's own claims are not known yet.
    let button =
        all(&root, ".crosscheck__check .crosscheck__evidence[data-relation=\"contradicts\"] .crosscheck__quote")
            .into_iter()
            .find(|button| button.text_content().unwrap().contains("32"))
            .unwrap();
    let quote = button.text_content().unwrap();
    button.dyn_into::<HtmlElement>().unwrap().click();
    assert!(eventually(|| selected_sentences(&root).len() == 1).await, "a sentence is selected");
    let selected = selected_sentences(&root).remove(0);
    assert!(selected.contains(quote.trim()) || quote.contains(selected.trim()), "{selected:?} / {quote:?}");
}
