//! Field rules shared by the JSON and plain text readers: web addresses, kinds, fallback names,
//! unique ids and the final "was anything usable?" check.
//!
//! Keeping them here means a `.txt` file and a JSON entry are judged by the same rules. This module
//! does not parse JSON or text files itself.

use super::problem::{CorpusError, Issue, SourcePlace, SourceProblem};
use super::{Corpus, Loaded, Source, SourceId, SourceKind};
use std::collections::BTreeMap;

/// The corpus title when none is given.
pub(crate) const UNTITLED: &str = "Untitled story";

/// The display name of a source that has none: "Source 002".
pub(crate) fn fallback_name(id: &SourceId) -> String {
    format!("Source {}", id.0)
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

/// Collects kept sources and refuses a second source with an id already taken.
#[derive(Default)]
pub(crate) struct Collector {
    sources: Vec<Source>,
    first_place_of_id: BTreeMap<SourceId, SourcePlace>,
    problems: Vec<SourceProblem>,
}

impl Collector {
    /// Keeps `source` unless its id is taken, in which case the later source is the one skipped:
    /// the first keeps whatever links or references already point at it.
    pub(crate) fn offer(&mut self, source: Source, place: SourcePlace, warnings: Vec<SourceProblem>) {
        if let Some(first) = self.first_place_of_id.get(&source.id) {
            let issue = Issue::DuplicateId { id: source.id.clone(), first: first.clone() };
            self.problems.push(SourceProblem::new(place, issue));
            return;
        }
        self.first_place_of_id.insert(source.id.clone(), place);
        self.problems.extend(warnings);
        self.sources.push(source);
    }

    pub(crate) fn report(&mut self, problems: impl IntoIterator<Item = SourceProblem>) {
        self.problems.extend(problems);
    }

    /// The loaded corpus, or `NoUsableSource` (with every problem) when nothing was kept.
    pub(crate) fn finish(self, title: String, n_sources: usize) -> Result<Loaded, CorpusError> {
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
