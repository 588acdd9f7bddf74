//! Sentences (stub).

/// A half-open range of char (Unicode scalar value) offsets into a source's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Splits text into sentences; each span is trimmed of surrounding white space.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c == '\n' || (*c == '.' && chars.get(i + 1).map_or(true, |n| n.is_whitespace())) {
            let end = if *c == '\n' { i } else { i + 1 };
            if chars[start..end].iter().any(|c| !c.is_whitespace()) {
                spans.push(Span { start, end });
            }
            start = i + 1;
        }
    }
    if chars[start..].iter().any(|c| !c.is_whitespace()) {
        spans.push(Span { start, end: chars.len() });
    }
    spans
}
