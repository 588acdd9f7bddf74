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
    /// Put back a selection from the URL (a reload, or the back button): a key the corpus does
    /// not hold clears the selection instead.
    Restore(Option<SentenceKey>),
}

impl SentenceKey {
    /// The key as it appears in a URL fragment: `SOURCE:START`, the source id percent-encoded.
    pub fn to_fragment_value(&self) -> String {
        let mut out = String::new();
        for byte in self.source.0.bytes() {
            if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
                out.push(char::from(byte));
            } else {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
        format!("{out}:{}", self.start)
    }

    /// Reads `param=SOURCE:START` from a URL fragment such as `#cc=002:145&x=1`.
    /// Anything malformed reads as no key: a bad link never breaks the widget.
    pub fn from_fragment(fragment: &str, param: &str) -> Option<SentenceKey> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let value = fragment.split('&').find_map(|pair| pair.strip_prefix(param)?.strip_prefix('='))?;
        let (source, start) = value.rsplit_once(':')?;
        let start = start.parse().ok()?;
        let source = percent_decode(source)?;
        (!source.is_empty()).then_some(SentenceKey { source: SourceId(source), start })
    }
}

/// Replaces (or adds) `param=value` in a URL fragment, keeping the other parameters; `None` removes it.
pub fn set_fragment_param(fragment: &str, param: &str, value: Option<&str>) -> String {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut pairs: Vec<String> = fragment
        .split('&')
        .filter(|pair| !pair.is_empty() && pair.split('=').next() != Some(param))
        .map(str::to_string)
        .collect();
    if let Some(value) = value {
        pairs.push(format!("{param}={value}"));
    }
    if pairs.is_empty() {
        String::new()
    } else {
        format!("#{}", pairs.join("&"))
    }
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' {
            let hex = text.get(index + 1..index + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            index += 3;
        } else {
            out.push(bytes[index]);
            index += 1;
        }
    }
    String::from_utf8(out).ok()
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
        Action::ClearSelection | Action::Restore(None) => State { selected: None, ..state.clone() },
        Action::Restore(Some(key)) if known(&key.source) => {
            State { shown_source: Some(key.source.clone()), selected: Some(key) }
        }
        Action::Restore(Some(_)) => State { selected: None, ..state.clone() },
        _ => state.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::seeds;

    #[test]
    fn sentence_keys_round_trip_through_url_fragments() {
        let cases =
            [("002", 145, "002:145"), ("p1", 0, "p1:0"), ("a b/ü", 7, "a%20b%2F%C3%BC:7"), ("x:y", 3, "x%3Ay:3")];
        for (source, start, encoded) in cases {
            let key = SentenceKey { source: id(source), start };
            assert_eq!(key.to_fragment_value(), encoded);
            let fragment = set_fragment_param("#other=1", "cc", Some(encoded));
            assert_eq!(SentenceKey::from_fragment(&fragment, "cc"), Some(key), "via {fragment}");
        }
    }

    #[test]
    fn bad_fragments_read_as_no_selection() {
        for fragment in ["", "#", "#cc=", "#cc=002", "#cc=002:x", "#cc=:4", "#cc=%ZZ:1", "#cc1=002:4", "#ccx=002:4"] {
            assert_eq!(SentenceKey::from_fragment(fragment, "cc"), None, "{fragment:?}");
        }
    }

    #[test]
    fn fragment_params_are_replaced_not_duplicated() {
        assert_eq!(set_fragment_param("", "cc", Some("0:1")), "#cc=0:1");
        assert_eq!(set_fragment_param("#cc=0:1", "cc", Some("0:9")), "#cc=0:9");
        assert_eq!(set_fragment_param("#a=1&cc=0:1", "cc", None), "#a=1");
        assert_eq!(set_fragment_param("#cc=0:1", "cc", None), "");
        assert_eq!(set_fragment_param("#cc1=2:3", "cc", Some("0:1")), "#cc1=2:3&cc=0:1");
    }

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
            (
                start.clone(),
                Action::Restore(Some(key.clone())),
                State { shown_source: Some(id("002")), selected: Some(key.clone()) },
            ),
            (
                State { shown_source: Some(id("002")), selected: Some(key.clone()) },
                Action::Restore(Some(SentenceKey { source: id("gone"), start: 3 })),
                State { shown_source: Some(id("002")), selected: None },
            ),
        ];
        for (before, action, expected) in cases {
            assert_eq!(reduce(&before, &corpus, action.clone()), expected, "{action:?} from {before:?}");
        }
    }
}
