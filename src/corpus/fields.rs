//! Field rules shared by the JSON and plain text readers: web addresses, kinds, fallback names,
//! unique ids and the final "was anything usable?" check.
//!
//! Keeping them here means a `.txt` file and a JSON entry are judged by the same rules. This module
//! does not parse JSON or text files itself.

use super::limits::{cut_chars, short_label, Limits};
use super::problem::{CorpusError, Issue, SourcePlace, SourceProblem};
use super::{Corpus, Loaded, Source, SourceId, SourceKind};
use std::collections::BTreeMap;

/// The corpus title when none is given.
pub(crate) const UNTITLED: &str = "Untitled story";

/// The display name of a source that has none: "Source 002".
pub(crate) fn fallback_name(id: &SourceId) -> String {
    // Trimmed like a name that is given, so that a corpus written out and read back (where the
    // name is then given) keeps it: an id "b1\n" once named its source "Source b1\n" (fuzzing).
    // And as short as any label: "Source " and an id of 200 characters were 207 (fuzzing).
    short_label(format!("Source {}", id.0.trim()))
}

/// Accepts only absolute `http://` or `https://` addresses with a host and returns them trimmed.
///
/// Anything else is refused rather than repaired: a `javascript:` or `data:` link would run or
/// show content in the reader's page, and a relative link would resolve against the host page.
pub fn web_url(raw: &str) -> Option<String> {
    let url = raw.trim();
    let (scheme, rest) = url.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    // A link with white space or control characters inside is broken or an attempt at injection.
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_and_port = authority.rsplit_once('@').map_or(authority, |(_user, host)| host);
    let host = if let Some(bracketed) = host_and_port.strip_prefix('[') {
        // An IPv6 literal: "[::1]:8080".
        let (inside, after) = bracketed.split_once(']')?;
        if inside.is_empty() || !inside.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.') {
            return None;
        }
        if !valid_port(after) {
            return None;
        }
        return Some(url.to_string());
    } else {
        match host_and_port.split_once(':') {
            Some((host, port)) if valid_port(&format!(":{port}")) => host,
            Some(_) => return None,
            None => host_and_port,
        }
    };
    let host_ok = !host.is_empty()
        && !host.starts_with('.')
        && host.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.' || c == '_');
    host_ok.then(|| url.to_string())
}

/// A name, id or title as a reader should see it: every bidirectional embedding, override and
/// isolate character (U+202A–U+202E, U+2066–U+2069) replaced by its code point in brackets.
///
/// These characters are invisible and reorder the letters around them, so a source named
/// "Forum\u{202E}gnp.exe" would show as "Forumexe.png". Written out ("Forum[U+202E]gnp.exe"), the
/// label cannot lie about what its author typed. Direction marks (U+200E, U+200F, U+061C) stay:
/// they only settle where digits and punctuation go in right-to-left names, and cannot flip
/// letters. Source texts never go through this: they are shown as written, in their own direction.
pub fn reveal_bidi_controls(label: &str) -> std::borrow::Cow<'_, str> {
    if !label.chars().any(is_bidi_control) {
        return std::borrow::Cow::Borrowed(label);
    }
    let mut shown = String::with_capacity(label.len() + 16);
    for c in label.chars() {
        if is_bidi_control(c) {
            shown.push_str(&format!("[U+{:04X}]", c as u32));
        } else {
            shown.push(c);
        }
    }
    std::borrow::Cow::Owned(shown)
}

/// The explicit bidirectional formatting characters: embeddings, overrides, isolates and their ends.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// An empty port part, or `:` followed by one to five digits.
fn valid_port(part: &str) -> bool {
    match part.strip_prefix(':') {
        None => part.is_empty(),
        Some(digits) => !digits.is_empty() && digits.len() <= 5 && digits.bytes().all(|b| b.is_ascii_digit()),
    }
}

/// Reads a `kind` name, ignoring case and surrounding white space.
pub(crate) fn parse_kind(name: &str) -> Option<SourceKind> {
    let name = name.trim();
    [SourceKind::Article, SourceKind::Aggregator, SourceKind::Social]
        .into_iter()
        .find(|kind| kind.as_str().eq_ignore_ascii_case(name))
}

/// Collects kept sources, refuses a second source with an id already taken, and applies the
/// [`Limits`]: a text too long is cut, and once the corpus is full the rest is left out.
pub(crate) struct Collector {
    limits: Limits,
    sources: Vec<Source>,
    first_place_of_id: BTreeMap<SourceId, SourcePlace>,
    problems: Vec<SourceProblem>,
    /// Characters of text of the kept sources.
    n_chars: usize,
    /// A source was refused because the texts would hold more than `max_total_chars`.
    refused_for_text: bool,
}

impl Collector {
    pub(crate) fn new(limits: Limits) -> Collector {
        Collector {
            limits,
            sources: Vec::new(),
            first_place_of_id: BTreeMap::new(),
            problems: Vec::new(),
            n_chars: 0,
            refused_for_text: false,
        }
    }

    /// True once the corpus holds as many sources or as much text as the limits allow: the
    /// caller offers no more sources and tells `finish` how many entries it read.
    pub(crate) fn is_full(&self) -> bool {
        self.refused_for_text || self.sources.len() >= self.limits.max_sources
    }

    /// Keeps `source` unless its id is taken, in which case the later source is the one skipped:
    /// the first keeps whatever links or references already point at it. A text longer than
    /// `max_source_chars` is cut; a source whose text would take the corpus over
    /// `max_total_chars` is refused, and the corpus is full.
    pub(crate) fn offer(&mut self, mut source: Source, place: SourcePlace, mut warnings: Vec<SourceProblem>) {
        if let Some(first) = self.first_place_of_id.get(&source.id) {
            let issue = Issue::DuplicateId { id: source.id.clone(), first: first.clone() };
            self.problems.push(SourceProblem::new(place, issue));
            return;
        }
        if let Some(cut) = cut_chars(&source.text, self.limits.max_source_chars) {
            let issue =
                Issue::TextCut { n_chars: source.text.chars().count(), max_chars: self.limits.max_source_chars };
            source.text = cut.to_string();
            warnings.push(SourceProblem::new(place.clone(), issue));
        }
        let n_chars = source.text.chars().count();
        if self.n_chars.saturating_add(n_chars) > self.limits.max_total_chars {
            self.refused_for_text = true;
            return;
        }
        self.n_chars += n_chars;
        self.first_place_of_id.insert(source.id.clone(), place);
        self.problems.extend(warnings);
        self.sources.push(source);
    }

    pub(crate) fn report(&mut self, problems: impl IntoIterator<Item = SourceProblem>) {
        self.problems.extend(problems);
    }

    /// The loaded corpus, or `NoUsableSource` (with every problem) when nothing was kept.
    /// `n_sources` entries were given and the first `n_read` of them offered or reported; when a
    /// limit left some out, one problem of the corpus says so.
    pub(crate) fn finish(mut self, title: String, n_sources: usize, n_read: usize) -> Result<Loaded, CorpusError> {
        let n_left_out = n_sources.saturating_sub(n_read) + usize::from(self.refused_for_text);
        if n_left_out > 0 {
            let issue = if self.refused_for_text {
                Issue::TooMuchText { max_chars: self.limits.max_total_chars, n_shown: self.sources.len(), n_left_out }
            } else {
                Issue::TooManySources { max_sources: self.limits.max_sources, n_left_out }
            };
            self.problems.push(SourceProblem::new(SourcePlace::Corpus, issue));
        }
        if self.sources.is_empty() {
            return Err(CorpusError::NoUsableSource { n_sources, problems: self.problems });
        }
        Ok(Loaded { corpus: Corpus { title, sources: self.sources }, problems: self.problems })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raw: &str, expected: Option<&str>) {
        assert_eq!(web_url(raw).as_deref(), expected, "web_url({raw:?})");
    }

    #[test]
    fn only_absolute_web_addresses_pass() {
        let cases: &[(&str, Option<&str>)] = &[
            ("https://example.org/a", Some("https://example.org/a")),
            ("  http://example.org  ", Some("http://example.org")),
            ("HTTPS://Example.org/path?q=1#x", Some("HTTPS://Example.org/path?q=1#x")),
            ("https://user@example.org:8080/", Some("https://user@example.org:8080/")),
            ("http://[::1]:8080/x", Some("http://[::1]:8080/x")),
            ("https://bücher.de", Some("https://bücher.de")),
            ("javascript:alert(1)", None),
            ("JavaScript://example.org/%0aalert(1)", None),
            ("data:text/html,<b>x</b>", None),
            ("ftp://example.org/file", None),
            ("/relative/path", None),
            ("example.org/a", None),
            ("//example.org/a", None),
            ("https://", None),
            ("https:///path", None),
            ("https://exa mple.org", None),
            ("https://example.org:port/", None),
            ("https://<script>/", None),
            ("", None),
        ];
        for (raw, expected) in cases {
            check(raw, *expected);
        }
    }

    #[test]
    fn bidi_controls_in_labels_are_written_out() {
        let cases: &[(&str, &str)] = &[
            ("Forum\u{202E}gnp.exe", "Forum[U+202E]gnp.exe"),
            ("\u{2067}x\u{2069} and \u{202A}y\u{202C}", "[U+2067]x[U+2069] and [U+202A]y[U+202C]"),
            // Ordinary names, right-to-left letters and direction marks are left alone.
            ("Brussels wire report", "Brussels wire report"),
            ("\u{5d4}\u{5d0}\u{5e8}\u{5e5} 24\u{200F}", "\u{5d4}\u{5d0}\u{5e8}\u{5e5} 24\u{200F}"),
        ];
        for (label, expected) in cases {
            assert_eq!(reveal_bidi_controls(label), *expected, "{label:?}");
        }
    }

    #[test]
    fn kinds_ignore_case_and_spaces() {
        assert_eq!(parse_kind(" Aggregator "), Some(SourceKind::Aggregator));
        assert_eq!(parse_kind("social"), Some(SourceKind::Social));
        assert_eq!(parse_kind("blog"), None);
    }
}
