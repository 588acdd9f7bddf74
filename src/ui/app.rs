//! The Yew components: the story header, the source tabs, the source text with its sentences,
//! and the claim panel. Browser only.
//!
//! Components hold no analysis logic: they read the shared [`Model`] from a context and send
//! [`Action`]s to the one reducer at the root. Corpus text is only ever rendered as text nodes,
//! never as HTML, and only http(s) URLs (already checked by the corpus loader) become links.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

use super::layout::{paragraphs, Piece};
use super::model::{check_corpus, thousands, Evidence, Model, Progress, SentenceStatus, SourceRow, Stage};
use super::state::{reduce, set_fragment_param, Action, SentenceKey, State};
use crate::analysis::{analyse, Analysis, ClaimId};
use crate::corpus::{SourceId, SourceKind};
use crate::date::Date;

/// The model behind an `Rc`, compared by identity: one corpus is one model for the widget's life.
#[derive(Clone)]
pub struct SharedModel(pub Rc<Model>);

impl PartialEq for SharedModel {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Clone, Properties, PartialEq)]
pub struct AppProps {
    pub model: SharedModel,
    /// Messages about input that was skipped or repaired, shown above the story.
    #[prop_or_default]
    pub problems: Rc<Vec<String>>,
    /// The URL fragment parameter that names the selected sentence (`#cc=002:145`), so a
    /// selection survives a reload and the back button steps through selections. `None` keeps
    /// the URL alone (tests, or a host that routes by fragment itself).
    #[prop_or_default]
    pub link_param: Option<AttrValue>,
    /// The source shown first (embed option `source`); the first source when `None` or unknown.
    #[prop_or_default]
    pub initial_source: Option<SourceId>,
    /// The claim selected first (embed option `claim`, e.g. `c12`); a deep link in the URL wins.
    #[prop_or_default]
    pub initial_claim: Option<ClaimId>,
    /// How far the analysis has got while it runs (the model is then `pending`).
    #[prop_or_default]
    pub progress: Option<Progress>,
    /// Runs "Check a claim" away from the page's main thread (the embed's analysis worker).
    /// Without one, the check runs on the page, in one go.
    #[prop_or_default]
    pub checker: Option<Callback<CheckRequest>>,
}

/// What the widget asks of its checker.
pub enum CheckRequest {
    /// Analyse the story with the reader's sentence (`model::check_corpus`) and report to
    /// `onupdate`. A check that still runs ends first: its reports stop.
    Start { text: String, onupdate: Callback<CheckUpdate> },
    /// End the check that runs, if any.
    Cancel,
}

/// What a checker reports of the check it runs.
pub enum CheckUpdate {
    Progress(Progress),
    /// The check's analysis, or the part of it that `Model::check_verdict` reads.
    Done(Analysis),
}

/// The "Check a claim" box's state, kept at the root so that a check goes on (and its result
/// stays) while the reader opens a sentence and comes back. Each check has a number; a report of
/// any other check than the last one started is ignored.
#[derive(Clone, Default)]
enum Check {
    #[default]
    Idle,
    Running {
        number: u32,
        text: Rc<str>,
        progress: Option<Progress>,
    },
    Done {
        number: u32,
        text: Rc<str>,
        analysis: Rc<Analysis>,
    },
}

impl Check {
    fn number(&self) -> Option<u32> {
        match self {
            Check::Idle => None,
            Check::Running { number, .. } | Check::Done { number, .. } => Some(*number),
        }
    }
}

// Two states of one check compare by number (a check's text and analysis never change) and
// progress, so that comparing never walks an analysis.
impl PartialEq for Check {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Check::Idle, Check::Idle) => true,
            (Check::Running { number: a, progress: p, .. }, Check::Running { number: b, progress: q, .. }) => {
                a == b && p == q
            }
            (Check::Done { number: a, .. }, Check::Done { number: b, .. }) => a == b,
            _ => false,
        }
    }
}

enum CheckAction {
    Start { number: u32, text: Rc<str> },
    Progress { number: u32, progress: Progress },
    Done { number: u32, analysis: Rc<Analysis> },
    Clear,
}

impl Reducible for Check {
    type Action = CheckAction;

    fn reduce(self: Rc<Self>, action: CheckAction) -> Rc<Self> {
        let current = self.number();
        match action {
            CheckAction::Start { number, text } => Rc::new(Check::Running { number, text, progress: None }),
            CheckAction::Progress { number, progress } if current == Some(number) => match &*self {
                // Only a step the bar shows renders the widget again: a worker reports far more
                // often than the bar's per cent changes.
                Check::Running { progress: Some(before), .. } if before.percent() == progress.percent() => self,
                Check::Running { text, .. } => {
                    Rc::new(Check::Running { number, text: text.clone(), progress: Some(progress) })
                }
                _ => self,
            },
            CheckAction::Done { number, analysis } if current == Some(number) => match &*self {
                Check::Running { text, .. } => Rc::new(Check::Done { number, text: text.clone(), analysis }),
                _ => self,
            },
            CheckAction::Clear => Rc::new(Check::Idle),
            // A report of a check that was replaced or cleared.
            CheckAction::Progress { .. } | CheckAction::Done { .. } => self,
        }
    }
}

/// The reducer's store: the state plus the model it is checked against.
#[derive(Clone, PartialEq)]
struct Store {
    model: SharedModel,
    state: State,
}

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let state = reduce(&self.state, &self.model.0.corpus, action);
        if state == self.state {
            self
        } else {
            Rc::new(Store { model: self.model.clone(), state })
        }
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let model = props.model.clone();
    let widget_number: usize = use_widget_number();
    let link_param = props.link_param.clone();
    let store = {
        let model = model.clone();
        let link_param = link_param.clone();
        let initial_source = props.initial_source.clone();
        let initial_claim = props.initial_claim;
        use_reducer(move || {
            // Read the deep link before the first render, so the first history entry is the
            // page as linked, not an empty selection that the link then replaces.
            let corpus = &model.0.corpus;
            let mut state = State::new(corpus);
            if let Some(source) = initial_source {
                state = reduce(&state, corpus, Action::ShowSource(source));
            }
            let claimed = initial_claim.and_then(|claim| model.0.sentence_of_claim(claim)).map(|(source, sentence)| {
                SentenceKey {
                    source: corpus.sources[source].id.clone(),
                    start: model.0.sentences[source][sentence].start,
                }
            });
            let linked = link_param.and_then(|param| SentenceKey::from_fragment(&location_hash(), &param));
            if let Some(key) = linked.or(claimed) {
                state = reduce(&state, corpus, Action::Restore(Some(key)));
            }
            Store { state, model }
        })
    };
    use_deep_link(link_param, &store);
    // The claim the page asked for can only be found once the analysis is in.
    {
        let store = store.clone();
        let initial_claim = props.initial_claim;
        use_effect_with(model.clone(), move |model| {
            if model.0.pending || store.state.selected.is_some() {
                return;
            }
            let key = initial_claim.and_then(|claim| model.0.sentence_of_claim(claim)).map(|(source, sentence)| {
                SentenceKey {
                    source: model.0.corpus.sources[source].id.clone(),
                    start: model.0.sentences[source][sentence].start,
                }
            });
            if key.is_some() {
                store.dispatch(Action::Restore(key));
            }
        });
    }
    let check = use_reducer(Check::default);
    let oncheck = {
        let check = check.clone();
        let model = model.clone();
        let checker = props.checker.clone();
        let next_number = use_mut_ref(|| 0u32);
        Callback::from(move |text: String| {
            let text = text.trim();
            if text.is_empty() {
                check.dispatch(CheckAction::Clear);
                if let Some(checker) = &checker {
                    checker.emit(CheckRequest::Cancel);
                }
                return;
            }
            let number = {
                let mut number = next_number.borrow_mut();
                *number += 1;
                *number
            };
            check.dispatch(CheckAction::Start { number, text: text.into() });
            match &checker {
                Some(checker) => {
                    let check = check.clone();
                    let onupdate = Callback::from(move |update: CheckUpdate| match update {
                        CheckUpdate::Progress(progress) => check.dispatch(CheckAction::Progress { number, progress }),
                        CheckUpdate::Done(analysis) => {
                            check.dispatch(CheckAction::Done { number, analysis: Rc::new(analysis) })
                        }
                    });
                    checker.emit(CheckRequest::Start { text: text.to_string(), onupdate });
                }
                // No checker (a widget mounted without the embed, as the browser tests do): the
                // check runs here, in one go, blocking the page while it runs, which a small
                // story allows (the seeds: well under 100 ms).
                None => {
                    if let Some(corpus) = check_corpus(&model.0.corpus, text) {
                        check.dispatch(CheckAction::Done { number, analysis: Rc::new(analyse(&corpus)) });
                    }
                }
            }
        })
    };
    // One callback for the widget's life: a new one on every render would make every child's
    // props differ, and render the whole widget again for each step of a running check's bar.
    let ondispatch = {
        let dispatcher = store.dispatcher();
        (*use_memo((), move |_| Callback::from(move |action: Action| dispatcher.dispatch(action)))).clone()
    };
    let corpus = &model.0.corpus;
    let shown = store.state.shown_source.as_ref().and_then(|id| model.0.source_index(id));
    // Ids must be unique on a page that holds several widgets.
    let panel_id: AttrValue = format!("crosscheck-text-{widget_number}").into();
    let n_claims = model.0.analysis.claims.len();
    // Once per model, not on every render: a big story has hundreds of disputes to find.
    let n_disputed = *use_memo(model.clone(), |model| model.0.disputes().len());

    let onkeydown = {
        let store = store.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() != "Escape" {
                return;
            }
            let Some(selected) = store.state.selected.clone() else { return };
            event.prevent_default();
            store.dispatch(Action::ClearSelection);
            // Give focus back to the sentence the panel was about, so the reader keeps their place.
            let frame = event.current_target().and_then(|target| target.dyn_into::<Element>().ok());
            if let Some(sentence) = frame.and_then(|frame| {
                frame
                    .query_selector(&format!(".crosscheck__sentence[data-start=\"{}\"]", selected.start))
                    .ok()
                    .flatten()
            }) {
                focus(&sentence);
            }
        })
    };

    html! {
        <ContextProvider<SharedModel> context={model.clone()}>
            <div class="crosscheck__frame" {onkeydown}>
                <header class="crosscheck__header">
                    <p class="crosscheck__eyebrow">{ "crosscheck · who else says this?" }</p>
                    <h2 class="crosscheck__title">{ model.0.title() }</h2>
                    if model.0.pending {
                        <p class="crosscheck__summary">
                            { format!("{} {} · analysing the story…", corpus.sources.len(),
                                plural(corpus.sources.len(), "source", "sources")) }
                        </p>
                        <AnalysisProgress progress={props.progress} />
                    } else {
                        <p class="crosscheck__summary">
                            { format!("{} {} · {} {} · {} disputed {}", corpus.sources.len(),
                                plural(corpus.sources.len(), "source", "sources"), n_claims,
                                plural(n_claims, "claim", "claims"), n_disputed, plural(n_disputed, "point", "points")) }
                        </p>
                    }
                </header>
                <Problems problems={props.problems.clone()} />
                <div class="crosscheck__body">
                    <nav class="crosscheck__sources" aria-label="Sources">
                        <SourceTabs shown={store.state.shown_source.clone()} panel_id={panel_id.clone()}
                            ondispatch={ondispatch.clone()} />
                    </nav>
                    <section class="crosscheck__reader" aria-label="Source text">
                        {
                            match shown {
                                Some(source) => html! {
                                    <SourceText source={source} panel_id={panel_id.clone()} selected={store.state.selected.clone()}
                                        ondispatch={ondispatch.clone()} />
                                },
                                None => html! { <p class="crosscheck__empty">{ "This corpus has no sources to show." }</p> },
                            }
                        }
                    </section>
                    <ClaimPanel selected={store.state.selected.clone()} ondispatch={ondispatch}
                        check={(*check).clone()} {oncheck} />
                </div>
                <Legend />
            </div>
        </ContextProvider<SharedModel>>
    }
}

#[derive(Properties, PartialEq)]
struct AnalysisProgressProps {
    progress: Option<Progress>,
}

/// The running analysis's progress bar: what it is doing ("Reading 412 of 1,000 sources") and how
/// far it has got.
#[component]
fn AnalysisProgress(props: &AnalysisProgressProps) -> Html {
    let progress = props.progress.unwrap_or(Progress { stage: Stage::Starting, done: 0, total: 0 });
    html! {
        <div class="crosscheck__progress">
            <p class="crosscheck__progress-label" aria-live="polite">{ progress.label() }</p>
            <ProgressBar percent={progress.percent()} label="Analysing the story" />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ProgressBarProps {
    percent: usize,
    /// The bar's accessible name.
    label: AttrValue,
}

/// A progress bar. Its width is set through the CSSOM (no inline style: a strict CSP refuses
/// those).
#[component]
fn ProgressBar(props: &ProgressBarProps) -> Html {
    let bar = use_node_ref();
    {
        let bar = bar.clone();
        use_effect_with(props.percent, move |percent| {
            if let Some(element) = bar.cast::<HtmlElement>() {
                let _ = element.style().set_property("width", &format!("{percent}%"));
            }
        });
    }
    html! {
        <div class="crosscheck__progress-track" role="progressbar" aria-label={props.label.clone()}
            aria-valuemin="0" aria-valuemax="100" aria-valuenow={props.percent.to_string()}>
            <div class="crosscheck__progress-bar" ref={bar}></div>
        </div>
    }
}

/// `label` between first-strong isolate and pop directional isolate, for a name written inside
/// a sentence: its own direction cannot reorder the words around it.
fn isolated(label: &str) -> String {
    format!("\u{2068}{label}\u{2069}")
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// A number unique to each widget instance on the page, for element ids.
#[hook]
fn use_widget_number() -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    *use_memo((), |_| NEXT.fetch_add(1, Ordering::Relaxed))
}

fn location_hash() -> String {
    web_sys::window().and_then(|window| window.location().hash().ok()).unwrap_or_default()
}

/// Keeps the URL fragment and the selection in step: a new selection pushes a history entry,
/// and the back and forward buttons (popstate) put the linked selection back.
#[hook]
fn use_deep_link(link_param: Option<AttrValue>, store: &UseReducerHandle<Store>) {
    {
        let store = store.clone();
        let link_param = link_param.clone();
        use_effect_with(link_param, move |link_param| {
            let listener = link_param.clone().zip(web_sys::window()).map(|(param, window)| {
                gloo::events::EventListener::new(&window, "popstate", move |_| {
                    store.dispatch(Action::Restore(SentenceKey::from_fragment(&location_hash(), &param)));
                })
            });
            move || drop(listener)
        });
    }
    let selected = store.state.selected.clone();
    use_effect_with(selected, move |selected| {
        let Some(param) = link_param else { return };
        let Some(window) = web_sys::window() else { return };
        let hash = location_hash();
        if SentenceKey::from_fragment(&hash, &param) == *selected {
            return;
        }
        let value = selected.as_ref().map(SentenceKey::to_fragment_value);
        let fragment = set_fragment_param(&hash, &param, value.as_deref());
        let location = window.location();
        let url =
            format!("{}{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default(), fragment);
        if let Ok(history) = window.history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    });
}

/// Moves focus to an element, if it can take it.
fn focus(element: &Element) {
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        let _ = element.focus();
    }
}

/// The sibling of `current` among the elements matching `selector` inside its nearest
/// `container`, moved by `key` (arrows, Home, End); `None` for other keys or at the ends.
fn roving_target(current: &Element, container: &str, selector: &str, key: &str) -> Option<Element> {
    let items = current.closest(container).ok()??.query_selector_all(selector).ok()?;
    let elements: Vec<Element> =
        (0..items.length()).filter_map(|index| items.item(index)?.dyn_into::<Element>().ok()).collect();
    let position = elements.iter().position(|element| element == current)?;
    let target = match key {
        "ArrowDown" | "ArrowRight" => position + 1,
        "ArrowUp" | "ArrowLeft" => position.checked_sub(1)?,
        "Home" => 0,
        "End" => elements.len().checked_sub(1)?,
        _ => return None,
    };
    elements.get(target).cloned()
}

fn event_element(event: &KeyboardEvent) -> Option<Element> {
    event.target()?.dyn_into::<Element>().ok()
}

#[hook]
fn use_model() -> Rc<Model> {
    use_context::<SharedModel>().expect("the App provides the model").0
}

#[derive(Properties, PartialEq)]
struct ProblemsProps {
    problems: Rc<Vec<String>>,
}

#[component]
fn Problems(props: &ProblemsProps) -> Html {
    if props.problems.is_empty() {
        return html! {};
    }
    html! {
        <div class="crosscheck__problems" role="status">
            <p class="crosscheck__problems-title">
                { format!("{} {} in this corpus:", props.problems.len(), plural(props.problems.len(), "problem", "problems")) }
            </p>
            <ul>{ for props.problems.iter().map(|problem| html! { <li>{ problem.clone() }</li> }) }</ul>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SourceTabsProps {
    shown: Option<SourceId>,
    /// The id of the tab panel (the source text) the tabs control.
    panel_id: AttrValue,
    ondispatch: Callback<Action>,
}

#[component]
fn SourceTabs(props: &SourceTabsProps) -> Html {
    let model = use_model();
    if model.corpus.sources.len() > TABS_MAX {
        return html! {
            <SourceList shown={props.shown.clone()} panel_id={props.panel_id.clone()} ondispatch={props.ondispatch.clone()} />
        };
    }
    let panel_id = props.panel_id.clone();
    html! {
        <ul class="crosscheck__tabs" role="tablist" aria-label="Sources">
            { for model.corpus.sources.iter().enumerate().map(|(index, source)| {
                let selected = props.shown.as_ref() == Some(&source.id);
                let onclick = {
                    let ondispatch = props.ondispatch.clone();
                    let id = source.id.clone();
                    Callback::from(move |_: MouseEvent| ondispatch.emit(Action::ShowSource(id.clone())))
                };
                // Arrows move between tabs and show the tab reached (the ARIA tabs pattern).
                let onkeydown = {
                    let ondispatch = props.ondispatch.clone();
                    Callback::from(move |event: KeyboardEvent| {
                        let Some(current) = event_element(&event) else { return };
                        let Some(target) = roving_target(&current, ".crosscheck__tabs", "[role=tab]", &event.key()) else { return };
                        event.prevent_default();
                        if let Some(id) = target.get_attribute("data-source") {
                            ondispatch.emit(Action::ShowSource(SourceId(id)));
                        }
                        focus(&target);
                    })
                };
                html! {
                    <li role="presentation">
                        <button type="button" role="tab" class="crosscheck__tab" aria-selected={selected.to_string()}
                            aria-controls={panel_id.clone()} tabindex={if selected { "0" } else { "-1" }}
                            data-source={source.id.0.clone()} {onclick} {onkeydown}>
                            <span class="crosscheck__tab-name">{ model.name(index) }</span>
                            <span class="crosscheck__tab-meta">
                                <span class="crosscheck__kind" data-kind={kind_name(source.kind)}>{ kind_label(source.kind) }</span>
                                { source.published.map(|date| html! { <time datetime={date.to_string()}>{ human_date(date) }</time> }) }
                            </span>
                        </button>
                    </li>
                }
            }) }
        </ul>
    }
}

/// Beyond this many sources, the widget lists them in a filterable, grouped list of which only
/// the rows on screen are in the DOM, instead of tabs.
const TABS_MAX: usize = 12;
/// The height of one row of that list, in CSS pixels (`.crosscheck__list-row` says the same).
const ROW_HEIGHT: f64 = 52.0;
/// Rows rendered beyond the visible ones, above and below, so that scrolling shows no gap.
const OVERSCAN: usize = 6;

/// The source list of a big story (hundreds of sources): a filter by name, the sources grouped
/// by kind and sorted by how many of the story's claims each tells, and a scrolling list of which
/// only the rows on screen are rendered. Arrow keys, Home and End move between sources and show
/// the one reached, as the tabs do; each item says its place in the list to a screen reader.
#[component]
fn SourceList(props: &SourceTabsProps) -> Html {
    let model = use_model();
    let widget_number = use_widget_number();
    let filter = use_state(String::new);
    let scroll_top = use_state(|| 0.0f64);
    let viewport = use_state(|| 480.0f64);
    // The row to focus after the next render (keyboard moves to a row not yet rendered).
    let focus_row = use_state(|| None::<usize>);
    let scroller = use_node_ref();
    let top_spacer = use_node_ref();
    let bottom_spacer = use_node_ref();
    let rows = {
        let model = model.clone();
        use_memo((SharedModel(model.clone()), (*filter).clone()), move |(_, filter)| model.source_rows(filter))
    };
    let n_rows = rows.len();
    let n_listed = rows.iter().filter(|row| matches!(row, SourceRow::Source { .. })).count();
    let first = ((*scroll_top / ROW_HEIGHT) as usize).saturating_sub(OVERSCAN).min(n_rows);
    let last = (first + (*viewport / ROW_HEIGHT).ceil() as usize + 2 * OVERSCAN).min(n_rows);
    {
        let (top, bottom) = (top_spacer.clone(), bottom_spacer.clone());
        use_effect_with((first, last, n_rows), move |&(first, last, n_rows)| {
            // Heights through the CSSOM: a strict Content-Security-Policy refuses inline styles.
            let set = |node: &NodeRef, rows: usize| {
                if let Some(element) = node.cast::<HtmlElement>() {
                    // Whole pixels, printed as an integer: a float printer would add kilobytes.
                    let _ = element.style().set_property("height", &format!("{}px", rows * ROW_HEIGHT as usize));
                }
            };
            set(&top, first);
            set(&bottom, n_rows - last);
        });
    }
    {
        let scroller = scroller.clone();
        let focus_row = focus_row.clone();
        use_effect_with(*focus_row, move |row| {
            let target = row.and_then(|row| {
                scroller.cast::<Element>()?.query_selector(&format!("[data-row=\"{row}\"]")).ok().flatten()
            });
            if let Some(target) = target {
                focus(&target);
            }
            || ()
        });
    }
    let onscroll = {
        let (scroll_top, viewport) = (scroll_top.clone(), viewport.clone());
        let scroller = scroller.clone();
        Callback::from(move |_: Event| {
            if let Some(element) = scroller.cast::<Element>() {
                scroll_top.set(f64::from(element.scroll_top()));
                viewport.set(f64::from(element.client_height()).max(ROW_HEIGHT));
            }
        })
    };
    let oninput = {
        let (filter, scroll_top) = (filter.clone(), scroll_top.clone());
        let scroller = scroller.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                filter.set(input.value());
                scroll_top.set(0.0);
                if let Some(element) = scroller.cast::<Element>() {
                    element.set_scroll_top(0);
                }
            }
        })
    };
    // The positions of the source rows, for keyboard moves and aria-posinset.
    let source_rows: Rc<Vec<usize>> = Rc::new(
        rows.iter().enumerate().filter(|(_, row)| matches!(row, SourceRow::Source { .. })).map(|(i, _)| i).collect(),
    );
    let shown_row = rows.iter().position(|row| {
        matches!(row, SourceRow::Source { source, .. } if props.shown.as_ref() == Some(&model.corpus.sources[*source].id))
    });
    // The row that Tab reaches: the source shown if it is rendered, else the first rendered one.
    let tab_row = shown_row
        .filter(|row| (first..last).contains(row))
        .or_else(|| source_rows.iter().copied().find(|row| (first..last).contains(row)));
    let filter_id = format!("crosscheck-filter-{widget_number}");
    let count = if n_listed == model.corpus.sources.len() {
        format!("{} sources", thousands(n_listed))
    } else {
        format!("Showing {} of {} sources", thousands(n_listed), thousands(model.corpus.sources.len()))
    };
    html! {
        <div class="crosscheck__source-list">
            <label class="crosscheck__filter-label" for={filter_id.clone()}>{ "Filter sources" }</label>
            <input class="crosscheck__filter" type="search" id={filter_id} placeholder="Name or id"
                value={(*filter).clone()} {oninput} />
            <p class="crosscheck__list-count" aria-live="polite">{ count }</p>
            <div class="crosscheck__list-scroll" ref={scroller.clone()} {onscroll}>
                <div ref={top_spacer}></div>
                <ul class="crosscheck__list" aria-label="Sources">
                    { for (first..last).map(|row| {
                        match rows[row] {
                            SourceRow::Group { kind, count } => html! {
                                <li class="crosscheck__list-row crosscheck__list-group" aria-hidden="true">
                                    { format!("{} · {}", kind_plural(kind), thousands(count)) }
                                </li>
                            },
                            SourceRow::Source { source, told } => {
                                let entry = &model.corpus.sources[source];
                                let position = source_rows.iter().position(|&r| r == row).unwrap_or(0);
                                let selected = props.shown.as_ref() == Some(&entry.id);
                                let id = entry.id.clone();
                                let onclick = {
                                    let ondispatch = props.ondispatch.clone();
                                    let id = id.clone();
                                    Callback::from(move |_: MouseEvent| ondispatch.emit(Action::ShowSource(id.clone())))
                                };
                                let onkeydown = {
                                    let ondispatch = props.ondispatch.clone();
                                    let (rows, source_rows, focus_row) = (rows.clone(), source_rows.clone(), focus_row.clone());
                                    let (scroller, scroll_top, viewport) = (scroller.clone(), scroll_top.clone(), *viewport);
                                    let model = model.clone();
                                    Callback::from(move |event: KeyboardEvent| {
                                        let target = match event.key().as_str() {
                                            "ArrowDown" => source_rows.get(position + 1),
                                            "ArrowUp" => position.checked_sub(1).and_then(|p| source_rows.get(p)),
                                            "Home" => source_rows.first(),
                                            "End" => source_rows.last(),
                                            _ => return,
                                        };
                                        let Some(&target) = target else { return };
                                        event.prevent_default();
                                        // Scroll the row into view, render it, then focus it.
                                        let top = target as f64 * ROW_HEIGHT;
                                        let current = *scroll_top;
                                        let wanted = if top < current {
                                            top
                                        } else if top + ROW_HEIGHT > current + viewport {
                                            top + ROW_HEIGHT - viewport
                                        } else {
                                            current
                                        };
                                        if let Some(element) = scroller.cast::<Element>() {
                                            element.set_scroll_top(wanted as i32);
                                        }
                                        scroll_top.set(wanted);
                                        focus_row.set(Some(target));
                                        if let SourceRow::Source { source, .. } = rows[target] {
                                            ondispatch.emit(Action::ShowSource(model.corpus.sources[source].id.clone()));
                                        }
                                    })
                                };
                                let label = if told == 1 { "1 shared claim".to_string() } else { format!("{} shared claims", thousands(told)) };
                                html! {
                                    <li class="crosscheck__list-row" aria-setsize={n_listed.to_string()} aria-posinset={(position + 1).to_string()}>
                                        <button type="button" class="crosscheck__list-item" data-row={row.to_string()}
                                            data-source={id.0.clone()} aria-current={selected.then_some("true")}
                                            aria-controls={props.panel_id.clone()}
                                            tabindex={if tab_row == Some(row) { "0" } else { "-1" }} {onclick} {onkeydown}>
                                            <span class="crosscheck__list-name">{ model.name(source) }</span>
                                            <span class="crosscheck__list-meta">
                                                { format!("{} · ", kind_label(entry.kind)) }
                                                { if model.pending { "…".to_string() } else { label } }
                                            </span>
                                        </button>
                                    </li>
                                }
                            }
                        }
                    }) }
                </ul>
                <div ref={bottom_spacer}></div>
            </div>
        </div>
    }
}

fn kind_plural(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Article => "Articles",
        SourceKind::Aggregator => "Aggregators",
        SourceKind::Social => "Social posts",
    }
}

fn kind_name(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Article => "article",
        SourceKind::Aggregator => "aggregator",
        SourceKind::Social => "social",
    }
}

fn kind_label(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Article => "Article",
        SourceKind::Aggregator => "Aggregator",
        SourceKind::Social => "Social post",
    }
}

/// "20 Aug 2025": unambiguous in every locale, unlike 08/20/2025.
pub fn human_date(date: Date) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    format!("{} {} {}", date.day, MONTHS[usize::from(date.month.clamp(1, 12)) - 1], date.year)
}

#[derive(Properties, PartialEq)]
struct SourceTextProps {
    source: usize,
    panel_id: AttrValue,
    selected: Option<SentenceKey>,
    ondispatch: Callback<Action>,
}

#[component]
fn SourceText(props: &SourceTextProps) -> Html {
    let model = use_model();
    let source = &model.corpus.sources[props.source];
    let layout = paragraphs(&source.text, &model.sentences[props.source]);
    // One tab stop for the whole text (the selected sentence, else the first); arrows move
    // between sentences, so Tab reaches the panel without crossing every sentence.
    let tab_stop = props
        .selected
        .as_ref()
        .filter(|key| key.source == source.id)
        .map(|key| key.start)
        .or_else(|| model.sentences[props.source].first().map(|span| span.start));
    let sentence = |index: usize, start: usize, text: &str| -> Html {
        let key = SentenceKey { source: source.id.clone(), start };
        let selected = props.selected.as_ref() == Some(&key);
        let status = model.status(props.source, index);
        let select = {
            let ondispatch = props.ondispatch.clone();
            let key = key.clone();
            move || ondispatch.emit(Action::SelectSentence(key.clone()))
        };
        let onclick = {
            let select = select.clone();
            Callback::from(move |_: MouseEvent| select())
        };
        let onkeydown = Callback::from(move |event: KeyboardEvent| {
            let key = event.key();
            if key == "Enter" || key == " " {
                event.prevent_default();
                select();
            } else if let Some(target) = event_element(&event)
                .and_then(|current| roving_target(&current, ".crosscheck__text", ".crosscheck__sentence", &key))
            {
                event.prevent_default();
                focus(&target);
            }
        });
        html! {
            <span class={classes!("crosscheck__sentence", selected.then_some("crosscheck__sentence--selected"))}
                role="button" tabindex={if tab_stop == Some(start) { "0" } else { "-1" }}
                aria-pressed={selected.to_string()} aria-label={sentence_label(status, text)}
                data-status={status.as_str()} data-start={start.to_string()}
                {onclick} {onkeydown}>
                { text.to_string() }
            </span>
        }
    };
    html! {
        <article class="crosscheck__text" id={props.panel_id.clone()} role="tabpanel"
            aria-label={format!("Text of {}", model.name(props.source))}>
            <header class="crosscheck__text-header">
                <h3 class="crosscheck__source-name">{ model.name(props.source) }</h3>
                <p class="crosscheck__source-meta">
                    { kind_label(source.kind) }
                    { source.published.map(|date| format!(" · {}", human_date(date))) }
                    { source.url.as_ref().map(|url| html! {
                        <>{ " · " }<a href={url.clone()} rel="noopener noreferrer" target="_blank">{ "original" }</a></>
                    }) }
                </p>
            </header>
            { for layout.iter().map(|paragraph| html! {
                <p class="crosscheck__paragraph" dir="auto">
                    { for paragraph.iter().map(|piece| match piece {
                        Piece::Plain(text) => html! { <span class="crosscheck__plain">{ format!("{text} ") }</span> },
                        Piece::Sentence { index, span, text } => html! {
                            <>{ sentence(*index, span.start, text) }{ " " }</>
                        },
                    }) }
                </p>
            }) }
        </article>
    }
}

/// A quote with some char ranges wrapped in `<mark>`, as text nodes only.
fn marked(text: &str, marks: &[crate::analysis::text::Span]) -> Html {
    let chars: Vec<char> = text.chars().collect();
    let mut pieces: Vec<Html> = Vec::new();
    let mut position = 0;
    for span in marks {
        let (start, end) = (span.start.min(chars.len()), span.end.min(chars.len()));
        if start < position || start >= end {
            continue;
        }
        pieces.push(html! { { chars[position..start].iter().collect::<String>() } });
        pieces.push(html! { <mark class="crosscheck__mark">{ chars[start..end].iter().collect::<String>() }</mark> });
        position = end;
    }
    pieces.push(html! { { chars[position..].iter().collect::<String>() } });
    html! { <>{ for pieces }</> }
}

/// What a screen reader announces for a sentence: its status, then its text.
fn sentence_label(status: SentenceStatus, text: &str) -> String {
    let status = match status {
        SentenceStatus::NotClaim => return text.to_string(),
        SentenceStatus::SingleSource => "One source only",
        SentenceStatus::Backed => "Backed",
        SentenceStatus::Contradicted => "Contradicted",
    };
    format!("{status}: {text}")
}

#[derive(Properties, PartialEq)]
struct ClaimPanelProps {
    selected: Option<SentenceKey>,
    ondispatch: Callback<Action>,
    /// The "Check a claim" box's state and the callback that starts a check.
    check: Check,
    oncheck: Callback<String>,
}

#[component]
fn ClaimPanel(props: &ClaimPanelProps) -> Html {
    let model = use_model();
    let located = props.selected.as_ref().and_then(|key| {
        let source = model.source_index(&key.source)?;
        Some((source, model.sentence_at(source, key.start)?))
    });
    let Some((source, sentence)) = located else {
        if model.pending {
            return html! {
                <aside class="crosscheck__panel crosscheck__panel--empty" aria-label="Story overview">
                    <p class="crosscheck__hint">
                        { "The story is being analysed. Read on: which sources back or contradict each sentence shows when it is done." }
                    </p>
                    <CheckClaim ondispatch={props.ondispatch.clone()} check={props.check.clone()}
                        oncheck={props.oncheck.clone()} />
                </aside>
            };
        }
        return html! {
            <aside class="crosscheck__panel crosscheck__panel--empty" aria-label="Story overview">
                <p class="crosscheck__hint">{ "Select a sentence to see which sources back it and which contradict it." }</p>
                <CheckClaim ondispatch={props.ondispatch.clone()} check={props.check.clone()}
                    oncheck={props.oncheck.clone()} />
                <Overview ondispatch={props.ondispatch.clone()} />
            </aside>
        };
    };
    let span = model.sentences[source][sentence];
    let text: String = model.corpus.sources[source].text.chars().skip(span.start).take(span.end - span.start).collect();
    let onclose = {
        let ondispatch = props.ondispatch.clone();
        Callback::from(move |_: MouseEvent| ondispatch.emit(Action::ClearSelection))
    };
    if model.pending {
        return html! {
            <aside class="crosscheck__panel" aria-label="Claim details" data-status="pending">
                <div class="crosscheck__panel-head">
                    <p class="crosscheck__status" data-status="pending">{ "Analysing…" }</p>
                    <button type="button" class="crosscheck__close" aria-label="Close claim details" onclick={onclose}>{ "×" }</button>
                </div>
                <blockquote class="crosscheck__selected-quote">
                    <p>{ text }</p>
                    <footer class="crosscheck__quote-source">{ model.name(source) }</footer>
                </blockquote>
                <p class="crosscheck__hint">{ "Which sources back or contradict this sentence shows when the analysis is done." }</p>
            </aside>
        };
    }
    let status = model.status(source, sentence);
    let verdict = model.verdict(source, sentence);
    // Independent sources that tell this fact, this one included: reprints of one text count once.
    let independent = model
        .claims_in(source, sentence)
        .iter()
        .map(|&position| model.analysis.claims[position].n_supporting_sources + 1)
        .max()
        .unwrap_or(1);
    let own_claims: Vec<ClaimId> =
        model.claims_in(source, sentence).iter().map(|&position| model.analysis.claims[position].id).collect();
    let status_text = match status {
        SentenceStatus::NotClaim => "Not a checkable claim",
        SentenceStatus::SingleSource => "Told by this source only",
        SentenceStatus::Backed => "Backed by other sources",
        SentenceStatus::Contradicted => "Contradicted by another source",
    };
    html! {
        <aside class="crosscheck__panel" aria-label="Claim details" data-status={status.as_str()}>
            <div class="crosscheck__panel-head">
                <p class="crosscheck__status" data-status={status.as_str()}>{ status_text }</p>
                <button type="button" class="crosscheck__close" aria-label="Close claim details" onclick={onclose}>{ "×" }</button>
            </div>
            <blockquote class="crosscheck__selected-quote">
                <p>{ text }</p>
                <footer class="crosscheck__quote-source">{ model.name(source) }</footer>
            </blockquote>
            if status != SentenceStatus::NotClaim {
                <p class="crosscheck__counts" aria-live="polite">
                    { counts_line(&verdict, Some(independent)) }
                </p>
            }
            if !verdict.contradicting.is_empty() {
                <section>
                    <h4 class="crosscheck__panel-title">{ "Contradicted by" }</h4>
                    <EvidenceList items={Rc::new(verdict.contradicting.clone())} relation="contradicts"
                        this_label="this report" ondispatch={props.ondispatch.clone()} />
                </section>
            }
            if !verdict.backing.is_empty() {
                <section>
                    <h4 class="crosscheck__panel-title">{ "Backed by" }</h4>
                    <EvidenceList items={Rc::new(verdict.backing.clone())} relation="supports"
                        this_label="this report" ondispatch={props.ondispatch.clone()} />
                </section>
            }
            if !verdict.related.is_empty() {
                <RelatedList items={Rc::new(verdict.related.clone())} ondispatch={props.ondispatch.clone()} />
            }
            if !verdict.contradicting.is_empty() {
                <ClaimReviewExport claims={Rc::new(own_claims)} />
            }
            if status == SentenceStatus::SingleSource {
                <p class="crosscheck__hint">{ "No other source in this story tells this." }</p>
            }
            if status == SentenceStatus::NotClaim {
                <p class="crosscheck__hint">{ "Headlines, navigation and boilerplate are not checked." }</p>
            }
        </aside>
    }
}

#[derive(Properties, PartialEq)]
struct ClaimReviewExportProps {
    /// The selected sentence's claims; the contradicted ones are reviewed.
    claims: Rc<Vec<ClaimId>>,
}

/// "ClaimReview JSON-LD" for a contradicted claim: a disclosure that shows the schema.org
/// markup a publisher can paste into a page, and a button that copies it. The text is shown as
/// well as copied because the clipboard is refused outside https and by some browsers' settings;
/// then the reader selects it by hand, and the status line says why.
#[component]
fn ClaimReviewExport(props: &ClaimReviewExportProps) -> Html {
    let model = use_model();
    let json = use_memo(props.claims.clone(), |claims| crate::embed::claim_review_text(&model, claims));
    let status = use_state(String::new);
    let Some(json) = (*json).clone() else { return Html::default() };
    let onclick = {
        let status = status.clone();
        let json = json.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let json = json.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match crate::embed::copy_text(json).await {
                    Ok(()) => status.set("Copied to the clipboard.".to_string()),
                    Err(message) => status.set(format!("{message} Select the text below and copy it instead.")),
                }
            });
        })
    };
    html! {
        <details class="crosscheck__jsonld">
            <summary>{ "ClaimReview JSON-LD" }</summary>
            <p class="crosscheck__hint">
                { "schema.org markup of this dispute, for a <script type=\"application/ld+json\"> in your page." }
            </p>
            <button type="button" class="crosscheck__copy" {onclick}>{ "Copy JSON-LD" }</button>
            <p class="crosscheck__copy-status" role="status">{ (*status).clone() }</p>
            <pre class="crosscheck__jsonld-text" tabindex="0" aria-label="ClaimReview JSON-LD">{ json }</pre>
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct EvidenceListProps {
    items: Rc<Vec<Evidence>>,
    /// `supports` or `contradicts`: the `data-relation` hook.
    relation: AttrValue,
    /// How the conflict line names the selection's side ("this report", "your sentence").
    this_label: AttrValue,
    ondispatch: Callback<Action>,
}

/// Backing or contradicting quotes; each quote is a button that opens that claim in its source.
#[component]
fn EvidenceList(props: &EvidenceListProps) -> Html {
    let model = use_model();
    html! {
        <ul class="crosscheck__evidence" data-relation={props.relation.clone()}>
            { for props.items.iter().map(|item| {
                // By the quote's position, not its claim id: a check's evidence can quote claims
                // the model has not got yet.
                let target = model.sentence_from(item.source, item.start).map(|sentence| SentenceKey {
                    source: model.corpus.sources[item.source].id.clone(),
                    start: model.sentences[item.source][sentence].start,
                });
                let onclick = {
                    let ondispatch = props.ondispatch.clone();
                    Callback::from(move |_: MouseEvent| {
                        if let Some(target) = target.clone() {
                            ondispatch.emit(Action::SelectSentence(target));
                        }
                    })
                };
                // Isolated, so a right-to-left name cannot reorder the sentence it stands in.
                let name = isolated(&model.name(item.source));
                html! {
                    <li class="crosscheck__evidence-item">
                        <p class="crosscheck__evidence-source">
                            { name.clone() }
                            if let Some(language) = item.language {
                                <span class="crosscheck__language">{ format!(" \u{b7} {}", language.name()) }</span>
                            }
                        </p>
                        <button type="button" class="crosscheck__quote" {onclick}
                            aria-label={format!("Go to this claim in {name}: {}", item.quote)}>
                            { marked(&item.quote, &item.marks) }
                        </button>
                        if item.side_detail {
                            <p class="crosscheck__side-detail">
                                {
                                    match &item.part {
                                        Some(part) => format!("Backs a detail: “{part}”"),
                                        None => "Backs a side detail, not the main point".to_string(),
                                    }
                                }
                            </p>
                        }
                        if !item.reason.is_empty() {
                            {
                                match &item.detail {
                                Some((theirs, ours)) => html! {
                                    <p class="crosscheck__reason">
                                        { format!("{name} says “{theirs}”; {} says “{ours}”.", props.this_label) }
                                        <span class="crosscheck__reason-kind">{ format!(" ({})", item.reason) }</span>
                                    </p>
                                },
                                    None => html! { <p class="crosscheck__reason">{ item.reason.clone() }</p> },
                                }
                            }
                        }
                    </li>
                }
            }) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
struct RelatedListProps {
    items: Rc<Vec<Evidence>>,
    ondispatch: Callback<Action>,
}

/// "Also mentions": claims of other sources about the same people or topic that tell another
/// fact. Collapsed, below the backing, and never counted as backing.
#[component]
fn RelatedList(props: &RelatedListProps) -> Html {
    let n = props.items.len();
    html! {
        <details class="crosscheck__related">
            <summary>{ format!("Also mentions ({n})") }</summary>
            <p class="crosscheck__hint">{ "Same people or topic, another fact: not counted as backing." }</p>
            <EvidenceList items={props.items.clone()} relation="related" this_label="this report"
                ondispatch={props.ondispatch.clone()} />
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct CheckClaimProps {
    ondispatch: Callback<Action>,
    check: Check,
    oncheck: Callback<String>,
}

/// "Check a claim": the reader types a sentence and sees which sources back or contradict it,
/// found by the same analysis as the corpus's own claims. The check runs in the widget's worker
/// where it has one, so the page stays usable meanwhile; the box says it is checking, with the
/// progress, and a new check replaces one that still runs. The reader's sentence is only ever
/// rendered as text.
#[component]
fn CheckClaim(props: &CheckClaimProps) -> Html {
    let model = use_model();
    let widget_number: usize = use_widget_number();
    let input_id = format!("crosscheck-check-{widget_number}");
    // The box starts with the sentence last checked, when the reader comes back to it.
    let draft = {
        let check = props.check.clone();
        use_state(move || match check {
            Check::Idle => String::new(),
            Check::Running { text, .. } | Check::Done { text, .. } => text.to_string(),
        })
    };
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                draft.set(input.value());
            }
        })
    };
    let onsubmit = {
        let draft = draft.clone();
        let oncheck = props.oncheck.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            oncheck.emit((*draft).clone());
        })
    };
    // The verdict is read from the check's analysis against the model shown now: a check that
    // ended while the story's own analysis ran points at the story's claims once that is in.
    let checked = match &props.check {
        Check::Done { number, analysis, .. } => Some((*number, analysis.clone())),
        _ => None,
    };
    let verdict = {
        let model = model.clone();
        use_memo((SharedModel(model.clone()), checked.as_ref().map(|(number, _)| *number)), move |_| {
            checked.map(|(_, analysis)| model.check_verdict(&analysis))
        })
    };
    let n_sources = model.corpus.sources.len();
    let (percent, running) = match &props.check {
        Check::Running { progress, .. } => (progress.map_or(0, |progress| progress.percent()), true),
        _ => (0, false),
    };
    html! {
        <section class="crosscheck__check" aria-label="Check a claim">
            <form class="crosscheck__check-form" {onsubmit}>
                <label class="crosscheck__panel-title" for={input_id.clone()}>{ "Check a claim" }</label>
                <div class="crosscheck__check-row">
                    <input class="crosscheck__check-input" type="text" id={input_id.clone()}
                        placeholder="Type a sentence to check" value={(*draft).clone()} {oninput} />
                    <button type="submit" class="crosscheck__check-button">{ "Check" }</button>
                </div>
            </form>
            <div class="crosscheck__check-result" aria-live="polite" data-state={if running { "checking" } else { "done" }}>
                {
                    match (&props.check, verdict.as_ref()) {
                        (Check::Running { .. }, _) => html! {
                            <p class="crosscheck__check-status">
                                { format!("Checking against {} {}…", thousands(n_sources), plural(n_sources, "source", "sources")) }
                            </p>
                        },
                        (Check::Done { text, .. }, Some(verdict))
                            if verdict.backing.is_empty() && verdict.contradicting.is_empty() => html! {
                            <p class="crosscheck__hint">{ format!("No source in this story tells “{text}”.") }</p>
                        },
                        (Check::Done { .. }, Some(verdict)) => html! {
                            <>
                                <p class="crosscheck__counts">{ counts_line(verdict, None) }</p>
                                if !verdict.contradicting.is_empty() {
                                    <h4 class="crosscheck__panel-title">{ "Contradicted by" }</h4>
                                    <EvidenceList items={Rc::new(verdict.contradicting.clone())} relation="contradicts"
                                        this_label="your sentence" ondispatch={props.ondispatch.clone()} />
                                }
                                if !verdict.backing.is_empty() {
                                    <h4 class="crosscheck__panel-title">{ "Backed by" }</h4>
                                    <EvidenceList items={Rc::new(verdict.backing.clone())} relation="supports"
                                        this_label="your sentence" ondispatch={props.ondispatch.clone()} />
                                }
                            </>
                        },
                        _ => html! {},
                    }
                }
            </div>
            // Outside the live region: its moving value is for the eye, not to be announced.
            if running {
                <div class="crosscheck__check-progress">
                    <ProgressBar percent={percent} label="Checking your sentence" />
                    <span class="crosscheck__check-percent" aria-hidden="true">{ format!("{percent} %") }</span>
                </div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct OverviewProps {
    ondispatch: Callback<Action>,
}

/// The story at a glance: its disputed points first, then how each source's claims fare.
#[component]
fn Overview(props: &OverviewProps) -> Html {
    let model = use_model();
    let disputes = model.disputes();
    let coverage = model.coverage();
    // A big story lists hundreds of disputes and sources: the first few show, the rest on demand.
    let show_all_disputes = use_state(|| false);
    let show_all_sources = use_state(|| false);
    let more = |shown: &UseStateHandle<bool>, n: usize, noun: &str| -> Html {
        if *shown.clone() || n <= OVERVIEW_ROWS {
            return html! {};
        }
        let shown = shown.clone();
        let onclick = Callback::from(move |_: MouseEvent| shown.set(true));
        html! {
            <button type="button" class="crosscheck__more" {onclick}>{ format!("Show all {} {noun}", thousands(n)) }</button>
        }
    };
    let n_disputes_shown = if *show_all_disputes { disputes.len() } else { disputes.len().min(OVERVIEW_ROWS) };
    let n_sources_shown = if *show_all_sources { coverage.len() } else { coverage.len().min(OVERVIEW_ROWS) };
    let select = |source: usize, sentence: usize| {
        let ondispatch = props.ondispatch.clone();
        let key = SentenceKey {
            source: model.corpus.sources[source].id.clone(),
            start: model.sentences[source][sentence].start,
        };
        Callback::from(move |_: MouseEvent| ondispatch.emit(Action::SelectSentence(key.clone())))
    };
    let max_claims = coverage.iter().map(|item| item.n_claims).max().unwrap_or(0).max(1);
    html! {
        <section class="crosscheck__overview" aria-label="Story overview">
            <h3 class="crosscheck__panel-title">{ format!("Disputed points ({})", disputes.len()) }</h3>
            if disputes.is_empty() {
                <p class="crosscheck__hint">{ "No source contradicts another." }</p>
            } else {
                <ul class="crosscheck__disputes">
                    { for disputes.iter().take(n_disputes_shown).map(|dispute| {
                        let [(a_source, a_sentence, a_text), (b_source, _, b_text)] = &dispute.sides;
                        html! {
                            <li class="crosscheck__dispute">
                                <button type="button" class="crosscheck__dispute-button" onclick={select(*a_source, *a_sentence)}>
                                    <span class="crosscheck__dispute-reason">{ dispute.reason.clone() }</span>
                                    <span class="crosscheck__dispute-sides">
                                        { format!("{} · {}", isolated(&model.name(*a_source)), isolated(&model.name(*b_source))) }
                                    </span>
                                    <span class="crosscheck__visually-hidden">{ format!("{a_text} / {b_text}") }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
                { more(&show_all_disputes, disputes.len(), "disputed points") }
            }
            <h3 class="crosscheck__panel-title">{ "Coverage by source" }</h3>
            <ul class="crosscheck__coverage">
                { for coverage.iter().enumerate().take(n_sources_shown).map(|(source, item)| {
                    let share = |n: usize| 100.0 * n as f64 / max_claims as f64;
                    let summary = format!("{} backed, {} contradicted, {} told by this source only",
                        item.n_backed, item.n_contradicted, item.n_single);
                    html! {
                        <li class="crosscheck__coverage-row">
                            <span class="crosscheck__coverage-name">{ model.name(source) }</span>
                            <span class="crosscheck__bar" role="img" aria-label={summary.clone()} title={summary}>
                                <BarPart status="backed" percent={share(item.n_backed)} />
                                <BarPart status="contradicted" percent={share(item.n_contradicted)} />
                                <BarPart status="single" percent={share(item.n_single)} />
                            </span>
                            <span class="crosscheck__coverage-counts" aria-hidden="true">
                                { format!("{} ✓ · {} ⚠ · {} ●", item.n_backed, item.n_contradicted, item.n_single) }
                            </span>
                        </li>
                    }
                }) }
            </ul>
            { more(&show_all_sources, coverage.len(), "sources") }
        </section>
    }
}

/// Rows of each overview list shown before "Show all".
const OVERVIEW_ROWS: usize = 20;

#[derive(Properties, PartialEq)]
struct BarPartProps {
    status: AttrValue,
    /// The part's width, in percent of the bar.
    percent: f64,
}

/// One coloured part of a coverage bar. Its width is set through the CSSOM, not a `style`
/// attribute: a page whose Content-Security-Policy has no `'unsafe-inline'` for styles refuses
/// style attributes, but not the CSSOM.
#[component]
fn BarPart(props: &BarPartProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.percent.to_bits(), move |bits| {
            if let Some(element) = node.cast::<HtmlElement>() {
                // Tenths of a percent, printed as integers: float formatting would add its
                // machinery (several KB) to the wasm for this one line.
                let tenths = (f64::from_bits(*bits) * 10.0).round() as u32;
                let _ = element.style().set_property("width", &format!("{}.{}%", tenths / 10, tenths % 10));
            }
        });
    }
    html! { <span class="crosscheck__bar-part" data-status={props.status.clone()} ref={node}></span> }
}

/// "2 sources backing · 1 source contradicting", and the independent sources that tell it.
fn counts_line(verdict: &super::model::Verdict, independent: Option<usize>) -> String {
    let backing = verdict.n_backing_sources();
    let contradicting = verdict.n_contradicting_sources();
    let mut line = format!(
        "{backing} {} backing · {contradicting} {} contradicting",
        plural(backing, "source", "sources"),
        plural(contradicting, "source", "sources"),
    );
    if let Some(independent) = independent {
        line.push_str(&format!(" · told by {independent} independent {}", plural(independent, "source", "sources")));
    }
    line
}

#[component]
fn Legend() -> Html {
    html! {
        <footer class="crosscheck__legend" aria-label="Legend">
            <span class="crosscheck__legend-item" data-status="backed">{ "Backed by other sources" }</span>
            <span class="crosscheck__legend-item" data-status="contradicted">{ "Contradicted somewhere" }</span>
            <span class="crosscheck__legend-item" data-status="single">{ "One source only" }</span>
        </footer>
    }
}
