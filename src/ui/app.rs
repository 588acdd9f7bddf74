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
use super::model::{Evidence, Model, SentenceStatus};
use super::state::{reduce, set_fragment_param, Action, SentenceKey, State};
use crate::analysis::ClaimId;
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

#[derive(Properties, PartialEq)]
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
    let dispatch = |store: &UseReducerHandle<Store>| {
        let store = store.clone();
        Callback::from(move |action: Action| store.dispatch(action))
    };
    let ondispatch = dispatch(&store);
    let corpus = &model.0.corpus;
    let shown = store.state.shown_source.as_ref().and_then(|id| model.0.source_index(id));
    // Ids must be unique on a page that holds several widgets.
    let panel_id: AttrValue = format!("crosscheck-text-{widget_number}").into();
    let n_claims = model.0.analysis.claims.len();
    let n_disputed = (0..corpus.sources.len())
        .flat_map(|source| (0..model.0.sentences[source].len()).map(move |sentence| (source, sentence)))
        .filter(|&(source, sentence)| model.0.status(source, sentence) == SentenceStatus::Contradicted)
        .count();

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
                    <h2 class="crosscheck__title">{ corpus.title.clone() }</h2>
                    <p class="crosscheck__summary">
                        { format!("{} {} · {} {} · {} disputed", corpus.sources.len(),
                            plural(corpus.sources.len(), "source", "sources"), n_claims,
                            plural(n_claims, "claim", "claims"), n_disputed) }
                    </p>
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
                    <ClaimPanel selected={store.state.selected.clone()} ondispatch={ondispatch} />
                </div>
                <Legend />
            </div>
        </ContextProvider<SharedModel>>
    }
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
    let panel_id = props.panel_id.clone();
    html! {
        <ul class="crosscheck__tabs" role="tablist" aria-label="Sources">
            { for model.corpus.sources.iter().map(|source| {
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
                            <span class="crosscheck__tab-name">{ source.name.clone() }</span>
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
            aria-label={format!("Text of {}", source.name)}>
            <header class="crosscheck__text-header">
                <h3 class="crosscheck__source-name">{ source.name.clone() }</h3>
                <p class="crosscheck__source-meta">
                    { kind_label(source.kind) }
                    { source.published.map(|date| format!(" · {}", human_date(date))) }
                    { source.url.as_ref().map(|url| html! {
                        <>{ " · " }<a href={url.clone()} rel="noopener noreferrer" target="_blank">{ "original" }</a></>
                    }) }
                </p>
            </header>
            { for layout.iter().map(|paragraph| html! {
                <p class="crosscheck__paragraph">
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
}

#[component]
fn ClaimPanel(props: &ClaimPanelProps) -> Html {
    let model = use_model();
    let located = props.selected.as_ref().and_then(|key| {
        let source = model.source_index(&key.source)?;
        Some((source, model.sentence_at(source, key.start)?))
    });
    let Some((source, sentence)) = located else {
        return html! {
            <aside class="crosscheck__panel crosscheck__panel--empty" aria-label="Claim details">
                <p class="crosscheck__hint">{ "Select a sentence to see which sources back it and which contradict it." }</p>
            </aside>
        };
    };
    let span = model.sentences[source][sentence];
    let text: String = model.corpus.sources[source].text.chars().skip(span.start).take(span.end - span.start).collect();
    let status = model.status(source, sentence);
    let verdict = model.verdict(source, sentence);
    let onclose = {
        let ondispatch = props.ondispatch.clone();
        Callback::from(move |_: MouseEvent| ondispatch.emit(Action::ClearSelection))
    };
    let evidence_list = |items: &[Evidence], relation: &'static str| -> Html {
        html! {
            <ul class="crosscheck__evidence" data-relation={relation}>
                { for items.iter().map(|item| {
                    let target = model.sentence_of_claim(item.claim).map(|(source, sentence)| SentenceKey {
                        source: model.corpus.sources[source].id.clone(),
                        start: model.sentences[source][sentence].start,
                    });
                    let onclick = {
                        let ondispatch = props.ondispatch.clone();
                        Callback::from(move |_: MouseEvent| {
                            if let Some(target) = target.clone() {
                                ondispatch.emit(Action::SelectSentence(target));
                            }
                        })
                    };
                    html! {
                        <li class="crosscheck__evidence-item">
                            <p class="crosscheck__evidence-source">{ model.corpus.sources[item.source].name.clone() }</p>
                            <button type="button" class="crosscheck__quote" {onclick}>{ item.quote.clone() }</button>
                            <p class="crosscheck__reason">{ item.reason.clone() }</p>
                        </li>
                    }
                }) }
            </ul>
        }
    };
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
                <footer>{ model.corpus.sources[source].name.clone() }</footer>
            </blockquote>
            if status != SentenceStatus::NotClaim {
                <p class="crosscheck__counts">
                    { format!("{} backing · {} contradicting", verdict.n_backing_sources(), verdict.n_contradicting_sources()) }
                </p>
            }
            if !verdict.contradicting.is_empty() {
                <section>
                    <h4 class="crosscheck__panel-title">{ "Contradicted by" }</h4>
                    { evidence_list(&verdict.contradicting, "contradicts") }
                </section>
            }
            if !verdict.backing.is_empty() {
                <section>
                    <h4 class="crosscheck__panel-title">{ "Backed by" }</h4>
                    { evidence_list(&verdict.backing, "supports") }
                </section>
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
