//! How a source's text is laid out on screen: paragraphs of plain text and sentence pieces.
//!
//! Pure and native, so the layout is tested without a browser. It decides nothing about
//! claims or styling; the components map sentence pieces to interactive elements.

use crate::analysis::text::Span;

/// A run of a paragraph: text between sentences (list markers, stray punctuation) or a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Plain(String),
    Sentence { index: usize, span: Span, text: String },
}

/// Splits `text` into paragraphs at line breaks and places each sentence in the paragraph where
/// it starts. A sentence that runs across a line break stays whole in its first paragraph.
/// Blank paragraphs are dropped; white space between sentences becomes a single space.
pub fn paragraphs(text: &str, sentences: &[Span]) -> Vec<Vec<Piece>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<Vec<Piece>> = Vec::new();
    let mut current: Vec<Piece> = Vec::new();
    let mut plain = String::new();
    let mut next_sentence = 0;
    let mut position = 0;
    let flush_plain = |plain: &mut String, current: &mut Vec<Piece>| {
        let trimmed = plain.split_whitespace().collect::<Vec<_>>().join(" ");
        if !trimmed.is_empty() {
            current.push(Piece::Plain(trimmed));
        }
        plain.clear();
    };
    while position < chars.len() {
        // Skip spans that lie behind us (overlapping or unordered input must not loop or panic).
        while sentences.get(next_sentence).is_some_and(|span| span.start < position || span.end <= span.start) {
            next_sentence += 1;
        }
        let starts_sentence = sentences
            .get(next_sentence)
            .filter(|span| span.start == position && span.end > span.start && span.end <= chars.len());
        if let Some(span) = starts_sentence {
            flush_plain(&mut plain, &mut current);
            current.push(Piece::Sentence {
                index: next_sentence,
                span: *span,
                text: chars[span.start..span.end].iter().collect(),
            });
            position = span.end;
            next_sentence += 1;
            continue;
        }
        let c = chars[position];
        if c == '\n' {
            flush_plain(&mut plain, &mut current);
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            plain.push(c);
        }
        position += 1;
    }
    flush_plain(&mut plain, &mut current);
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Renders the layout compactly: paragraphs separated by " | ", sentences in brackets.
    fn render(layout: &[Vec<Piece>]) -> String {
        layout
            .iter()
            .map(|paragraph| {
                paragraph
                    .iter()
                    .map(|piece| match piece {
                        Piece::Plain(text) => text.clone(),
                        Piece::Sentence { text, .. } => format!("[{text}]"),
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join(" | ")
    }

    fn check(text: &str, spans: &[Span], expected: &str) {
        assert_eq!(render(&paragraphs(text, spans)), expected, "laying out {text:?}");
    }

    #[test]
    fn lays_out_paragraphs_and_sentences() {
        check("One. Two.", &[span(0, 4), span(5, 9)], "[One.] [Two.]");
        check("One.\n\nTwo.", &[span(0, 4), span(6, 10)], "[One.] | [Two.]");
        check("- Item one\n- Item two", &[span(2, 10), span(13, 21)], "- [Item one] | - [Item two]");
        check("Héllo wörld 🇺🇦. Next", &[span(0, 15), span(16, 20)], "[Héllo wörld 🇺🇦.] [Next]");
        check("Run\non. Then", &[span(0, 7), span(8, 12)], "[Run\non.] [Then]");
        check("", &[], "");
        check("  \n \n", &[], "");
        check("No sentences here", &[], "No sentences here");
    }

    #[test]
    fn tolerates_bad_spans() {
        check("abc", &[span(1, 9)], "abc");
        check("abcdef", &[span(0, 3), span(1, 2), span(3, 6)], "[abc] [def]");
        check("abc", &[span(2, 2)], "abc");
    }
}
