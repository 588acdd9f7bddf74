//! The only module that knows JavaScript: it mounts widgets on a page and exports the functions
//! the `crosscheck.js` loader calls (`mount`, `destroy`, `unmount`, `claim_reviews`).
//!
//! When the wasm starts it mounts a widget in every `[data-crosscheck]` element (the two-line
//! embed, and Trunk's index.html). `mount(element, options)` mounts one more, or remounts an
//! element with new options. Each widget is its own Yew app with its own state; a widget whose
//! corpus fails (unreachable URL, bad JSON, missing `#id`) shows the error inside its element
//! only, as text, and the others go on.
//!
//! The host element becomes the widget root: it gets the `crosscheck` class, `lang`, `data-theme`
//! and the `--crosscheck-height` property; `destroy` puts every one of them back, and the
//! element's original children too. The Yew app renders into an inner `crosscheck__mount` div so
//! that destroying it never races Yew's own (scheduled) removal of its nodes.
//!
//! Deliberately not here: anything the loader can do in plain JS (adding the stylesheet, turning
//! a selector into an element), and any rendering beyond the loading and error messages.

mod check;
mod options;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{DocumentFragment, Element, HtmlElement};
use yew::AppHandle;

use crate::analysis::{decide::Decision, Analysis, ClaimId, Comparing, Reading};
use crate::claimreview::{self, ReviewOptions};
use crate::corpus::{self, Corpus};
use crate::date::Date;
use crate::precomputed::{self, Verdict};
use crate::ui::model::Model;
use crate::ui::{App, AppProps, CheckRequest, Progress, SharedModel, Stage};
use options::{CorpusInput, Options, RawOptions};

/// The class every widget root carries; all styles hang below it.
const ROOT_CLASS: &str = "crosscheck";
/// `loading`, `ready` or `error`: what the widget shows, for styles, scripts and tests.
const STATE_ATTRIBUTE: &str = "data-crosscheck-state";
const HEIGHT_PROPERTY: &str = "--crosscheck-height";

/// Runs when the wasm starts: mounts every `[data-crosscheck]` element of the page.
#[wasm_bindgen(start)]
pub fn start() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
    let Ok(elements) = document.query_selector_all("[data-crosscheck]") else { return };
    for index in 0..elements.length() {
        let Some(element) = elements.item(index).and_then(|node| node.dyn_into::<Element>().ok()) else { continue };
        if widget_on(&element).is_none() {
            let options = RawOptions::from_element(&element);
            mount_widget(element, options);
        }
    }
}

/// Mounts a widget in `element` with `options` (over its `data-*` attributes) and returns the
/// widget's id. An element that already holds a widget is remounted.
#[wasm_bindgen(js_name = mount)]
pub fn mount_js(element: Element, options: JsValue) -> u32 {
    let mut raw = RawOptions::from_element(&element);
    raw.overlay_js(&options);
    mount_widget(element, raw)
}

/// Removes a widget and puts its element back as it was. False when there is no such widget.
#[wasm_bindgen(js_name = destroy)]
pub fn destroy_js(id: u32) -> bool {
    destroy_widget(id)
}

/// Removes the widget that lives in `element`, if any (for widgets the page mounted by itself).
#[wasm_bindgen(js_name = unmount)]
pub fn unmount_js(element: &Element) -> bool {
    widget_on(element).is_some_and(destroy_widget)
}

/// The schema.org ClaimReview JSON-LD (an array, as JSON text) of a widget's contradicted claims;
/// `None` while its corpus loads, after an error, or for an unknown id.
#[wasm_bindgen(js_name = claim_reviews)]
pub fn claim_reviews_js(id: u32) -> Option<String> {
    let model = WIDGETS.with_borrow(|widgets| widgets.iter().find(|widget| widget.id == id)?.model.clone())?;
    let options = page_review_options();
    Some(claimreview::to_json(&claimreview::claim_reviews(&model.corpus, &model.analysis, &options)))
}

/// The options of a review published from this page: authored by "crosscheck", dated today in
/// the reader's calendar, at the page's address (without its fragment) when that is http(s).
pub(crate) fn page_review_options() -> ReviewOptions {
    let now = js_sys::Date::new_0();
    let today = u8::try_from(now.get_month() + 1)
        .ok()
        .zip(u8::try_from(now.get_date()).ok())
        .and_then(|(month, day)| Date::new(now.get_full_year() as i32, month, day))
        .unwrap_or_else(|| Date::from_days((now.get_time() / 86_400_000.0).floor() as i64));
    let mut options = ReviewOptions::new(today);
    options.url = web_sys::window()
        .and_then(|window| window.location().href().ok())
        .and_then(|href| corpus::web_url(href.split('#').next().unwrap_or_default()));
    options
}

/// The ClaimReview JSON-LD of the given claims as text: one review, or an array when several of
/// them are contradicted; `None` when none is. For the claim panel's "Copy JSON-LD" action.
pub(crate) fn claim_review_text(model: &Model, claims: &[ClaimId]) -> Option<String> {
    let options = page_review_options();
    let reviews: Vec<claimreview::ClaimReview> = claims
        .iter()
        .filter_map(|&claim| claimreview::claim_review(&model.corpus, &model.analysis, claim, &options))
        .collect();
    match reviews.as_slice() {
        [] => None,
        [review] => Some(claimreview::to_json(review)),
        _ => Some(claimreview::to_json(&reviews)),
    }
}

/// Puts `text` on the clipboard. The error is a sentence for the reader (the browser refused,
/// or the page is not served over https).
pub(crate) async fn copy_text(text: String) -> Result<(), String> {
    let window = web_sys::window().ok_or("There is no browser window to copy from.")?;
    // `navigator.clipboard` is undefined outside secure contexts, so check before calling.
    let navigator = window.navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map(|clipboard| !clipboard.is_undefined())
        .unwrap_or(false);
    if !has_clipboard {
        return Err("This page cannot use the clipboard (it needs https).".to_string());
    }
    JsFuture::from(navigator.clipboard().write_text(&text))
        .await
        .map(|_| ())
        .map_err(|_| "The browser did not allow copying to the clipboard.".to_string())
}

thread_local! {
    /// The live widgets of the page, in mount order.
    static WIDGETS: RefCell<Vec<Widget>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    /// A worker's script could not run on this page (a Content-Security-Policy without
    /// `worker-src blob:`): no other is tried, so that the page does not log a violation for
    /// every story and every check.
    static WORKERS_BLOCKED: Cell<bool> = const { Cell::new(false) };
}

struct Widget {
    id: u32,
    element: Element,
    /// The URL fragment parameter of its deep links: `cc`, `cc1`, `cc2`, ….
    link_param: String,
    options: Options,
    restore: Restore,
    /// Set once the story shows.
    app: Option<AppHandle<App>>,
    model: Option<Rc<Model>>,
    /// The app's props, kept to update them as the analysis progresses.
    props: Option<AppProps>,
    /// The analysis while it runs in a worker; dropping it stops the worker.
    running: Option<Running>,
    /// The reader's "Check a claim" while it runs in a worker, with its number; dropping it
    /// stops the worker.
    checking: Option<(u32, Running)>,
}

/// A running analysis worker and the callbacks it calls, kept alive while it runs. Dropping it
/// terminates the worker: a destroyed widget or a replaced corpus gets no message after.
struct Running {
    worker: web_sys::Worker,
    _onmessage: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _onerror: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

/// What mounting changed on the host element, to undo it.
struct Restore {
    /// The element's own children (fallback content), kept aside while the widget shows.
    children: DocumentFragment,
    added_class: bool,
    had_class_attribute: bool,
    /// (attribute, value before) for each attribute the widget sets.
    attributes: Vec<(&'static str, Option<String>)>,
    height_before: Option<String>,
}

fn widget_on(element: &Element) -> Option<u32> {
    WIDGETS.with_borrow(|widgets| widgets.iter().find(|widget| &widget.element == element).map(|widget| widget.id))
}

fn mount_widget(element: Element, raw: RawOptions) -> u32 {
    if let Some(existing) = widget_on(&element) {
        destroy_widget(existing);
    }
    let options = raw.check();
    let id = NEXT_ID.with(|next| next.replace(next.get() + 1));
    let link_param = free_link_param();
    let restore = prepare_root(&element, &options);
    let input = options.corpus.clone();
    WIDGETS.with_borrow_mut(|widgets| {
        widgets.push(Widget {
            id,
            element: element.clone(),
            link_param,
            options,
            restore,
            app: None,
            model: None,
            props: None,
            running: None,
            checking: None,
        })
    });
    match input {
        CorpusInput::Demo => show_story(id, Ok(corpus::seeds()), Vec::new(), None),
        CorpusInput::Inline(element_id) => show_loaded(id, inline_corpus(&element, &element_id)),
        CorpusInput::Json(text) => show_loaded(id, load(&text).map_err(|error| error.to_string())),
        CorpusInput::Url(url) => {
            show_message(&element, "crosscheck__loading", "status", "Loading the story…");
            spawn_local(async move {
                let loaded =
                    fetch_text(&url).await.and_then(|text| load(&text).map_err(|error| format!("{url}: {error}")));
                show_loaded(id, loaded);
            });
        }
    }
    id
}

/// The lowest deep-link parameter no live widget uses, so a remounted widget keeps its links.
fn free_link_param() -> String {
    let taken: Vec<String> =
        WIDGETS.with_borrow(|widgets| widgets.iter().map(|widget| widget.link_param.clone()).collect());
    (0..)
        .map(|number| if number == 0 { "cc".to_string() } else { format!("cc{number}") })
        .find(|param| !taken.contains(param))
        .expect("some number is free")
}

/// Turns the host element into the widget root, remembering what it changes.
fn prepare_root(element: &Element, options: &Options) -> Restore {
    let children = DocumentFragment::new().expect("a document fragment can be created");
    while let Some(child) = element.first_child() {
        let _ = children.append_child(&child);
    }
    let had_class_attribute = element.has_attribute("class");
    let class_list = element.class_list();
    let added_class = !class_list.contains(ROOT_CLASS);
    let _ = class_list.add_1(ROOT_CLASS);
    let mut attributes = Vec::new();
    let mut set = |name: &'static str, value: Option<&str>| {
        attributes.push((name, element.get_attribute(name)));
        let _ = match value {
            Some(value) => element.set_attribute(name, value),
            None => element.remove_attribute(name),
        };
    };
    set("lang", Some(options.lang));
    set("data-theme", options.theme.attribute());
    set(STATE_ATTRIBUTE, Some("loading"));
    let mut height_before = None;
    if let (Some(height), Some(style)) = (&options.height, element.dyn_ref::<HtmlElement>().map(HtmlElement::style)) {
        // The CSSOM is not inline style as a Content-Security-Policy sees it: no 'unsafe-inline'.
        height_before = style.get_property_value(HEIGHT_PROPERTY).ok().filter(|value| !value.is_empty());
        let _ = style.set_property(HEIGHT_PROPERTY, height);
    }
    Restore { children, added_class, had_class_attribute, attributes, height_before }
}

fn destroy_widget(id: u32) -> bool {
    let removed = WIDGETS.with_borrow_mut(|widgets| {
        let position = widgets.iter().position(|widget| widget.id == id)?;
        Some(widgets.remove(position))
    });
    let Some(widget) = removed else { return false };
    let Widget { element, options, restore, app, running, checking, .. } = widget;
    // Stops the analysis worker and the check's, if they still run: no message arrives after this.
    drop(running);
    drop(checking);
    // Yew removes its nodes later, from the scheduler; they live in the inner mount div, which
    // leaves the page now, so the element is clean at once and Yew still finds its nodes.
    if let Some(app) = app {
        app.destroy();
    }
    element.set_text_content(None);
    let _ = element.append_child(&restore.children);
    if restore.added_class {
        let _ = element.class_list().remove_1(ROOT_CLASS);
        // Removing the only class leaves `class=""`; an element that had no class gets none back.
        if !restore.had_class_attribute && element.get_attribute("class").is_some_and(|class| class.trim().is_empty()) {
            let _ = element.remove_attribute("class");
        }
    }
    for (name, before) in restore.attributes {
        let _ = match before {
            Some(value) => element.set_attribute(name, &value),
            None => element.remove_attribute(name),
        };
    }
    if let (Some(_), Some(style)) = (options.height, element.dyn_ref::<HtmlElement>().map(HtmlElement::style)) {
        let _ = match restore.height_before {
            Some(value) => style.set_property(HEIGHT_PROPERTY, &value),
            None => style.remove_property(HEIGHT_PROPERTY).map(|_| ()),
        };
    }
    if element.get_attribute("style").is_some_and(|style| style.trim().is_empty()) {
        let _ = element.remove_attribute("style");
    }
    true
}

/// The text of the page's element `#element_id`.
fn inline_corpus(widget: &Element, element_id: &str) -> Result<Loaded, String> {
    let script = widget.owner_document().and_then(|document| document.get_element_by_id(element_id)).ok_or_else(|| {
        format!("This widget's corpus \"#{element_id}\" was not found: the page has no element with id \"{element_id}\".")
    })?;
    load(&script.text_content().unwrap_or_default()).map_err(|error| format!("#{element_id}: {error}"))
}

/// A corpus file read: the corpus, what was wrong with it, and the analysis embedded in it when
/// that was made from these very texts (otherwise the console says why it is not used).
struct Loaded {
    loaded: corpus::Loaded,
    analysis: Option<Analysis>,
}

fn load(text: &str) -> Result<Loaded, corpus::CorpusError> {
    let loaded = corpus::from_json(text)?;
    let analysis = match precomputed::read(text, &loaded.corpus) {
        Some(Verdict::Fresh(analysis)) => Some(analysis),
        Some(other) => {
            if let Some(note) = other.note() {
                gloo::console::warn!(note);
            }
            None
        }
        None => None,
    };
    Ok(Loaded { loaded, analysis })
}

/// The body of `url` (relative to the page) as text, or a message a blogger can act on.
async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("There is no browser window to load the corpus in.")?;
    let unreachable = || {
        format!(
            "The corpus {url} could not be loaded: the server did not answer, or it does not let this page \
             read the file (CORS). Check the address in data-corpus."
        )
    };
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| unreachable())?
        .dyn_into()
        .map_err(|_| unreachable())?;
    if !response.ok() {
        let status = format!("{} {}", response.status(), response.status_text());
        return Err(format!("The corpus {url} could not be loaded: the server answered {}.", status.trim()));
    }
    let body = response.text().map_err(|_| unreachable())?;
    JsFuture::from(body).await.ok().and_then(|text| text.as_string()).ok_or_else(unreachable)
}

fn show_loaded(id: u32, loaded: Result<Loaded, String>) {
    match loaded {
        Ok(Loaded { loaded, analysis }) => {
            let problems = loaded.problems.iter().map(ToString::to_string).collect();
            show_story(id, Ok(loaded.corpus), problems, analysis);
        }
        Err(message) => show_story(id, Err(message), Vec::new(), None),
    }
}

/// Shows a widget's story, or its error, unless the widget was destroyed in the meantime. With
/// an `analysis` (embedded in the corpus file) the marks show at once; without, the text shows
/// at once and the analysis runs in a worker.
fn show_story(id: u32, corpus: Result<Corpus, String>, mut problems: Vec<String>, analysis: Option<Analysis>) {
    let found = WIDGETS.with_borrow(|widgets| {
        let widget = widgets.iter().find(|widget| widget.id == id)?;
        Some((widget.element.clone(), widget.link_param.clone(), widget.options.clone()))
    });
    let Some((element, link_param, options)) = found else { return };
    element.set_text_content(None);
    let corpus = match corpus {
        Ok(corpus) => corpus,
        Err(message) => {
            show_message(&element, "crosscheck__error", "alert", &message);
            finish(id, "error", Some(&message));
            return;
        }
    };
    problems.extend(options.notes.iter().cloned());
    if let Some(source) = options.source.as_ref().filter(|source| corpus.source(source).is_none()) {
        problems.push(format!(
            "The source \"{}\" is not in this corpus; the first source is shown.",
            corpus::reveal_bidi_controls(&source.0)
        ));
    }
    let precomputed = analysis.is_some();
    let model = Rc::new(match analysis {
        Some(analysis) => {
            problems.extend(unknown_claim(&options, &analysis));
            Model::new(corpus.clone(), analysis)
        }
        // The text shows at once; the analysis runs in a worker and its marks come when it is done.
        None => Model::pending(corpus.clone()),
    });
    let props = AppProps {
        model: SharedModel(model.clone()),
        problems: Rc::new(problems),
        link_param: Some(link_param.into()),
        initial_source: options.source.clone(),
        initial_claim: options.claim,
        progress: (!precomputed).then_some(Progress { stage: Stage::Starting, done: 0, total: 0 }),
        checker: Some(yew::Callback::from(move |request: CheckRequest| check::check(id, request))),
    };
    let Some(mount) = element.owner_document().and_then(|document| document.create_element("div").ok()) else { return };
    mount.set_class_name("crosscheck__mount");
    let _ = element.append_child(&mount);
    let app = yew::Renderer::<App>::with_root_and_props(mount, props.clone()).render();
    WIDGETS.with_borrow_mut(|widgets| {
        if let Some(widget) = widgets.iter_mut().find(|widget| widget.id == id) {
            widget.app = Some(app);
            widget.model = Some(model);
            widget.props = Some(props);
        }
    });
    if precomputed {
        // Yew renders from a microtask; announce the widget after it, in the next one.
        spawn_local(async move { finish(id, "ready", None) });
    } else {
        let _ = element.set_attribute(STATE_ATTRIBUTE, "analysing");
        start_analysis(id, corpus);
    }
}

/// The problem to show when the widget was asked to select a claim its analysis does not have.
fn unknown_claim(options: &Options, analysis: &Analysis) -> Option<String> {
    let claim = options.claim.filter(|claim| !analysis.claims.iter().any(|known| known.id == *claim))?;
    Some(format!("The claim \"c{}\" is not in this story's analysis; no claim is selected.", claim.0))
}

/// The analysis worker's script (see js/worker.js), started from a Blob.
const WORKER_SCRIPT: &str = include_str!("../js/worker.js");

/// Starts analysing a widget's corpus in a Web Worker; where a worker cannot start (no Worker,
/// or a Content-Security-Policy without `worker-src blob:`), analyses it on the page instead, a
/// few sources and pairs at a time, yielding to the page between steps.
fn start_analysis(id: u32, corpus: Corpus) {
    let started = start_worker(
        &corpus,
        false,
        Box::new(move |message| on_worker_message(id, message)),
        // The worker's script could not run (a Content-Security-Policy without `worker-src
        // blob:`): the page analyses the story itself.
        Box::new(move || fall_back_to_page(id, "the analysis worker could not start")),
    );
    match started {
        Ok(running) => WIDGETS.with_borrow_mut(|widgets| {
            if let Some(widget) = widgets.iter_mut().find(|widget| widget.id == id) {
                widget.running = Some(running);
            }
        }),
        Err(_) => spawn_local(analyse_on_page(id, corpus)),
    }
}

/// Starts an analysis worker (js/worker.js, from a Blob) on `corpus`; with `check`, the corpus is
/// a check's (`ui::model::check_corpus`) and the worker answers with only what its verdict needs.
/// Its messages go to `onmessage`; `onerror` runs when its script cannot run.
fn start_worker(
    corpus: &Corpus,
    check: bool,
    mut onmessage: Box<dyn FnMut(WorkerMessage)>,
    mut onerror: Box<dyn FnMut()>,
) -> Result<Running, JsValue> {
    if WORKERS_BLOCKED.with(Cell::get) {
        return Err(JsValue::from_str("workers cannot run on this page"));
    }
    let parts = js_sys::Array::of1(&JsValue::from_str(WORKER_SCRIPT));
    let kind = web_sys::BlobPropertyBag::new();
    kind.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &kind)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let worker = web_sys::Worker::new(&url);
    let _ = web_sys::Url::revoke_object_url(&url);
    let worker = worker?;
    let text = corpus_json(corpus);
    let onmessage = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        onmessage(WorkerMessage::read(&event.data()));
    });
    let onerror = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        event.prevent_default();
        // Errors inside the script are caught there and posted as messages: this is the script
        // itself not running, which the page's policy decides once for the page.
        WORKERS_BLOCKED.with(|blocked| blocked.set(true));
        onerror();
    });
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    let message = js_sys::Object::new();
    js_sys::Reflect::set(&message, &"module".into(), &wasm_bindgen::module())?;
    js_sys::Reflect::set(&message, &"corpus".into(), &JsValue::from_str(&text))?;
    js_sys::Reflect::set(&message, &"check".into(), &JsValue::from_bool(check))?;
    worker.post_message(&message)?;
    Ok(Running { worker, _onmessage: onmessage, _onerror: onerror })
}

/// The corpus as the worker reads it: the corpus format, version 1.
fn corpus_json(corpus: &Corpus) -> String {
    #[derive(serde::Serialize)]
    struct Versioned<'a> {
        version: u32,
        #[serde(flatten)]
        corpus: &'a Corpus,
    }
    serde_json::to_string(&Versioned { version: 1, corpus }).unwrap_or_default()
}

/// A message from an analysis worker (js/worker.js), read once for the story's and the check's
/// handlers alike.
pub(super) enum WorkerMessage {
    Progress(Progress),
    /// The analysis as JSON.
    Done(String),
    /// The worker failed, and says why.
    Failed(String),
}

impl WorkerMessage {
    fn read(data: &JsValue) -> WorkerMessage {
        let field = |name: &str| js_sys::Reflect::get(data, &name.into()).unwrap_or(JsValue::UNDEFINED);
        let number = |name: &str| field(name).as_f64().unwrap_or(0.0).max(0.0) as usize;
        match field("type").as_string().as_deref() {
            Some("progress") => {
                let stage = if field("stage").as_string().as_deref() == Some("reading") {
                    Stage::Reading
                } else {
                    Stage::Comparing
                };
                WorkerMessage::Progress(Progress { stage, done: number("done"), total: number("total") })
            }
            Some("done") => WorkerMessage::Done(field("analysis").as_string().unwrap_or_default()),
            _ => WorkerMessage::Failed(field("message").as_string().unwrap_or_default()),
        }
    }
}

fn on_worker_message(id: u32, message: WorkerMessage) {
    match message {
        WorkerMessage::Progress(progress) => show_progress(id, progress),
        WorkerMessage::Done(text) => {
            // Reading the analysis and building the view take a while for a big story: each
            // step runs in a task of its own, so that the page can answer between them.
            spawn_local(async move {
                yield_to_page().await;
                match serde_json::from_str::<Analysis>(&text) {
                    Ok(analysis) => {
                        drop(text);
                        yield_to_page().await;
                        // The view's model in one task, the view drawn in the next: together,
                        // a thousand articles' took a fifth of a second.
                        let Some(model) = model_with(id, analysis) else { return };
                        yield_to_page().await;
                        show_model(id, model);
                    }
                    Err(error) => fall_back_to_page(id, &format!("the worker's analysis could not be read ({error})")),
                }
            });
        }
        WorkerMessage::Failed(why) => fall_back_to_page(id, &why),
    }
}

/// The worker failed: says why in the console, stops it, and analyses the story on the page.
fn fall_back_to_page(id: u32, why: &str) {
    gloo::console::warn!(format!("crosscheck: {why}; analysing the story on the page instead."));
    let corpus = WIDGETS.with_borrow_mut(|widgets| {
        let widget = widgets.iter_mut().find(|widget| widget.id == id)?;
        widget.running = None;
        widget.model.as_ref().map(|model| model.corpus.clone())
    });
    if let Some(corpus) = corpus {
        spawn_local(analyse_on_page(id, corpus));
    }
}

/// Analyses a corpus on the page in small steps, yielding to it between them, for where no
/// worker can run.
async fn analyse_on_page(id: u32, corpus: Corpus) {
    let alive = || WIDGETS.with_borrow(|widgets| widgets.iter().any(|widget| widget.id == id));
    let mut reading = Reading::new(&corpus);
    let n_sources = reading.n_sources();
    while reading.n_read() < n_sources {
        let done = reading.read_next(5);
        show_progress(id, Progress { stage: Stage::Reading, done, total: n_sources });
        yield_to_page().await;
        if !alive() {
            return;
        }
    }
    let mut comparing = Comparing::new(reading.index());
    let n_pairs = comparing.n_pairs();
    loop {
        let done = comparing.compare_next(1000, Decision::shipped());
        show_progress(id, Progress { stage: Stage::Comparing, done, total: n_pairs });
        yield_to_page().await;
        if !alive() {
            return;
        }
        if done >= n_pairs {
            break;
        }
    }
    show_analysis(id, comparing.finish(Decision::shipped()));
}

/// Lets the page run whatever waits (input, rendering) before going on.
async fn yield_to_page() {
    yew::platform::time::sleep(std::time::Duration::ZERO).await;
}

/// Updates a widget's progress bar.
fn show_progress(id: u32, progress: Progress) {
    WIDGETS.with_borrow_mut(|widgets| {
        let Some(widget) = widgets.iter_mut().find(|widget| widget.id == id) else { return };
        let (Some(app), Some(props)) = (widget.app.as_mut(), widget.props.as_mut()) else { return };
        props.progress = Some(progress);
        app.update(props.clone());
    });
}

/// The analysis is in: the widget shows its marks, and says it is ready.
fn show_analysis(id: u32, analysis: Analysis) {
    if let Some(model) = model_with(id, analysis) {
        show_model(id, model);
    }
}

/// The model of a widget's story with its analysis, and the pending model it was made from.
fn model_with(id: u32, analysis: Analysis) -> Option<(Rc<Model>, Model)> {
    let pending = WIDGETS.with_borrow(|widgets| widgets.iter().find(|widget| widget.id == id)?.model.clone())?;
    let model = Model::with_analysis(&pending, analysis);
    Some((pending, model))
}

/// Shows a model from [`model_with`], unless the widget has since been destroyed or given
/// another story.
fn show_model(id: u32, (pending, model): (Rc<Model>, Model)) {
    let shown = WIDGETS.with_borrow_mut(|widgets| {
        let widget = widgets.iter_mut().find(|widget| widget.id == id)?;
        if !widget.model.as_ref().is_some_and(|current| Rc::ptr_eq(current, &pending)) {
            return None;
        }
        widget.running = None;
        let mut problems: Vec<String> = widget.props.as_ref().map(|props| props.problems.to_vec()).unwrap_or_default();
        problems.extend(unknown_claim(&widget.options, &model.analysis));
        let model = Rc::new(model);
        let (app, props) = (widget.app.as_mut()?, widget.props.as_mut()?);
        props.model = SharedModel(model.clone());
        props.problems = Rc::new(problems);
        props.progress = None;
        app.update(props.clone());
        widget.model = Some(model);
        Some(())
    });
    if shown.is_some() {
        // Yew renders from a microtask; announce the widget after it, in the next one.
        spawn_local(async move { finish(id, "ready", None) });
    }
}

/// Marks the widget's state and tells the page (`crosscheck:ready` / `crosscheck:error` events,
/// which bubble; an error's detail is its message).
fn finish(id: u32, state: &str, message: Option<&str>) {
    let element = WIDGETS
        .with_borrow(|widgets| widgets.iter().find(|widget| widget.id == id).map(|widget| widget.element.clone()));
    let Some(element) = element else { return }; // Destroyed before it finished.
    let _ = element.set_attribute(STATE_ATTRIBUTE, state);
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&message.map_or(JsValue::NULL, JsValue::from_str));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(&format!("crosscheck:{state}"), &init) {
        let _ = element.dispatch_event(&event);
    }
}

/// A paragraph of text inside the widget (never HTML: the message may quote the corpus).
fn show_message(element: &Element, class: &str, role: &str, message: &str) {
    element.set_text_content(None);
    let Some(document) = element.owner_document() else { return };
    if let Ok(paragraph) = document.create_element("p") {
        paragraph.set_class_name(class);
        let _ = paragraph.set_attribute("role", role);
        paragraph.set_text_content(Some(message));
        let _ = element.append_child(&paragraph);
    }
}
