//! The widget's state: what the reader is looking at, as ids, and the verbs that change it.
//!
//! `reduce` is a pure function, so every interaction can be tested natively. The state holds ids
//! (a source id, a sentence's start offset), never copies of text: the corpus and its analysis
//! are shared read-only and the UI never mutates them.

use crate::corpus::{Corpus, SourceId};

/// A sentence, named by its source and the char offset where it starts. Offsets are stable
/// for a given corpus, so a key can live in a URL and survive a reload.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SentenceKey {
    pub source: SourceId,
    pub start: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    /// The source whose text is on screen.
    pub shown_source: Option<SourceId>,
    /// The sentence the reader selected, in any source.
    pub selected: Option<SentenceKey>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Show another source's text; the selection stays so the panel does not vanish.
    ShowSource(SourceId),
    /// Select a sentence, and show its source.
    SelectSentence(SentenceKey),
    /// Close the panel.
    ClearSelection,
}

impl State {
    /// The opening state: the first source shown, nothing selected.
    pub fn new(corpus: &Corpus) -> State {
        State { shown_source: corpus.sources.first().map(|source| source.id.clone()), selected: None }
    }
}

/// Applies one action. Actions naming a source the corpus lacks leave the state as it was,
/// so a stale deep link or a bad option can never put the widget in an impossible state.
pub fn reduce(state: &State, corpus: &Corpus, action: Action) -> State {
    let known = |id: &SourceId| corpus.source(id).is_some();
    match action {
        Action::ShowSource(id) if known(&id) => State { shown_source: Some(id), ..state.clone() },
        Action::SelectSentence(key) if known(&key.source) => {
            State { shown_source: Some(key.source.clone()), selected: Some(key) }
        }
        Action::ClearSelection => State { selected: None, ..state.clone() },
        _ => state.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::seeds;

    fn id(text: &str) -> SourceId {
        SourceId(text.to_string())
    }

    #[test]
    fn opens_on_the_first_source_with_nothing_selected() {
        let corpus = seeds();
        let state = State::new(&corpus);
        assert_eq!(state.shown_source, Some(id("000")));
        assert_eq!(state.selected, None);
    }

    #[test]
    fn actions_change_only_what_they_name() {
        let corpus = seeds();
        let start = State::new(&corpus);
        let key = SentenceKey { source: id("002"), start: 87 };
        let cases: Vec<(State, Action, State)> = vec![
            (start.clone(), Action::ShowSource(id("003")), State { shown_source: Some(id("003")), selected: None }),
            (start.clone(), Action::ShowSource(id("nope")), start.clone()),
            (
                start.clone(),
                Action::SelectSentence(key.clone()),
                State { shown_source: Some(id("002")), selected: Some(key.clone()) },
            ),
            (
                State { shown_source: Some(id("002")), selected: Some(key.clone()) },
                Action::ShowSource(id("004")),
                State { shown_source: Some(id("004")), selected: Some(key.clone()) },
            ),
            (
                State { shown_source: Some(id("002")), selected: Some(key.clone()) },
                Action::ClearSelection,
                State { shown_source: Some(id("002")), selected: None },
            ),
            (start.clone(), Action::SelectSentence(SentenceKey { source: id("zzz"), start: 0 }), start.clone()),
        ];
        for (before, action, expected) in cases {
            assert_eq!(reduce(&before, &corpus, action.clone()), expected, "{action:?} from {before:?}");
        }
    }
}
