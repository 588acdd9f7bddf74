//! The Yew components: the story header, the source tabs, the source text with its sentences,
//! and the claim panel. Browser only.
//!
//! Components hold no analysis logic: they read the shared [`Model`] from a context and send
//! [`Action`]s to the one reducer at the root. Corpus text is only ever rendered as text nodes,
//! never as HTML, and only http(s) URLs (already checked by the corpus loader) become links.

use std::rc::Rc;

use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::layout::{paragraphs, Piece};
use super::model::{Evidence, Model, SentenceStatus};
use super::state::{reduce, Action, SentenceKey, State};
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
    let store = {
        let model = model.clone();
        use_reducer(move || Store { state: State::new(&model.0.corpus), model })
    };
    let dispatch = |store: &UseReducerHandle<Store>| {
        let store = store.clone();
        Callback::from(move |action: Action| store.dispatch(action))
    };
    let ondispatch = dispatch(&store);
    let corpus = &model.0.corpus;
    let shown = store.state.shown_source.as_ref().and_then(|id| model.0.source_index(id));
    let n_claims = model.0.analysis.claims.len();
    let n_disputed = (0..corpus.sources.len())
        .flat_map(|source| (0..model.0.sentences[source].len()).map(move |sentence| (source, sentence)))
        .filter(|&(source, sentence)| model.0.status(source, sentence) == SentenceStatus::Contradicted)
        .count();

    html! {
        <ContextProvider<SharedModel> context={model.clone()}>
            <div class="crosscheck__frame">
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
                        <SourceTabs shown={store.state.shown_source.clone()} ondispatch={ondispatch.clone()} />
                    </nav>
                    <section class="crosscheck__reader" aria-label="Source text">
                        {
                            match shown {
                                Some(source) => html! {
                                    <SourceText source={source} selected={store.state.selected.clone()}
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
    ondispatch: Callback<Action>,
}

#[component]
fn SourceTabs(props: &SourceTabsProps) -> Html {
    let model = use_model();
    html! {
        <ul class="crosscheck__tabs" role="tablist" aria-label="Sources">
            { for model.corpus.sources.iter().map(|source| {
                let selected = props.shown.as_ref() == Some(&source.id);
                let onclick = {
                    let ondispatch = props.ondispatch.clone();
                    let id = source.id.clone();
                    Callback::from(move |_: MouseEvent| ondispatch.emit(Action::ShowSource(id.clone())))
                };
                html! {
                    <li role="presentation">
                        <button type="button" role="tab" class="crosscheck__tab" aria-selected={selected.to_string()}
                            data-source={source.id.0.clone()} {onclick}>
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
    selected: Option<SentenceKey>,
    ondispatch: Callback<Action>,
}

#[component]
fn SourceText(props: &SourceTextProps) -> Html {
    let model = use_model();
    let source = &model.corpus.sources[props.source];
    let layout = paragraphs(&source.text, &model.sentences[props.source]);
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
            if event.key() == "Enter" || event.key() == " " {
                event.prevent_default();
                select();
            }
        });
        html! {
            <span class={classes!("crosscheck__sentence", selected.then_some("crosscheck__sentence--selected"))}
                role="button" tabindex="0" aria-pressed={selected.to_string()}
                data-status={status.as_str()} data-start={start.to_string()}
                {onclick} {onkeydown}>
                { text.to_string() }
            </span>
        }
    };
    html! {
        <article class="crosscheck__text" aria-label={format!("Text of {}", source.name)}>
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
