//! `crosscheck stance`: answers a stream of `{"id", "claim", "text"}` lines with `{"id", "stance"}` lines.
//!
//! The input is read in bounded batches, so a 100 MB pairs file never sits in memory whole, and
//! the lines of a batch are answered by several threads that take the next unanswered line as
//! they finish one (article bodies differ in length a hundredfold, so fixed slices would leave
//! a thread idle). Answers are written in input order whatever thread computed them.
//!
//! A bad line is described and skipped; it never stops the stream. What counts as bad: not
//! UTF-8, not a JSON object, no `id` / `claim` / `text`, an `id` that is neither a number nor a
//! string. Fields the program does not use (`gold`, anything else) are ignored.
//! This module does not judge stance itself: that is `crosscheck::analysis::stance`, through the
//! decision it is given (the built-in model, or one loaded with `--model` for evaluation).

use crosscheck::analysis::document::Decision;
use crosscheck::analysis::Stance;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::io::{self, BufRead, Write};
use std::sync::atomic::{AtomicUsize, Ordering};

/// What happened to the stream, for the closing message and the exit code.
#[derive(Debug, Default, PartialEq)]
pub struct Summary {
    pub n_answered: usize,
    pub n_bad_lines: usize,
    /// Bad lines are described one by one only up to a limit, so a file of the wrong kind
    /// does not bury the terminal; the caller says how many more there were.
    pub n_bad_lines_shown: usize,
}

#[derive(Debug)]
pub enum StreamError {
    Read(io::Error),
    Write(io::Error),
}

/// Reads pairs from `reader` and writes one answer line per good pair to `output`, in input order.
/// `report_bad_line` receives a sentence naming each bad line (up to `MAX_BAD_LINES_SHOWN` of them).
pub fn answer_pairs(
    mut reader: impl BufRead,
    mut output: impl Write,
    n_jobs: usize,
    decision: &Decision,
    report_bad_line: &mut dyn FnMut(&str),
) -> Result<Summary, StreamError> {
    let mut summary = Summary::default();
    let mut n_lines_read = 0;
    let mut batch = Vec::new();
    loop {
        let input_ended = read_batch(&mut reader, &mut batch, &mut n_lines_read).map_err(StreamError::Read)?;
        for answer in answer_batch(&batch, n_jobs, decision) {
            match answer {
                Answer::Blank => {}
                Answer::Stance(line) => {
                    output.write_all(line.as_bytes()).map_err(StreamError::Write)?;
                    summary.n_answered += 1;
                }
                Answer::Bad(message) => {
                    summary.n_bad_lines += 1;
                    if summary.n_bad_lines_shown < MAX_BAD_LINES_SHOWN {
                        summary.n_bad_lines_shown += 1;
                        report_bad_line(&message);
                    }
                }
            }
        }
        batch.clear();
        if input_ended {
            break;
        }
    }
    output.flush().map_err(StreamError::Write)?;
    Ok(summary)
}

pub const MAX_BAD_LINES_SHOWN: usize = 20;

/// A batch ends at whichever limit comes first: enough lines to keep two threads busy for a while
/// between hand-offs, few enough bytes that memory stays small on files of long articles.
const BATCH_MAX_LINES: usize = 1024;
const BATCH_MAX_BYTES: usize = 8 << 20;

/// One input line as read, with its 1-based number in the file (blank lines are counted, so the
/// number is the one an editor shows).
struct RawLine {
    number: usize,
    bytes: Vec<u8>,
}

enum Answer {
    Blank,
    /// The JSON answer line, newline included.
    Stance(String),
    /// A sentence naming the line and what is wrong with it.
    Bad(String),
}

/// Fills `batch`; returns true when the input has ended.
fn read_batch(reader: &mut impl BufRead, batch: &mut Vec<RawLine>, n_lines_read: &mut usize) -> io::Result<bool> {
    let mut n_bytes = 0;
    while batch.len() < BATCH_MAX_LINES && n_bytes < BATCH_MAX_BYTES {
        let mut bytes = Vec::new();
        if reader.read_until(b'\n', &mut bytes)? == 0 {
            return Ok(true);
        }
        *n_lines_read += 1;
        n_bytes += bytes.len();
        batch.push(RawLine { number: *n_lines_read, bytes });
    }
    Ok(false)
}

fn answer_batch(batch: &[RawLine], n_jobs: usize, decision: &Decision) -> Vec<Answer> {
    let n_workers = n_jobs.min(batch.len());
    if n_workers <= 1 {
        return batch.iter().map(|line| answer_line(line, decision)).collect();
    }
    let next_unanswered = AtomicUsize::new(0);
    let take_lines = || {
        let mut answered = Vec::new();
        loop {
            let index = next_unanswered.fetch_add(1, Ordering::Relaxed);
            let Some(line) = batch.get(index) else { break };
            answered.push((index, answer_line(line, decision)));
        }
        answered
    };
    let mut answers: Vec<Option<Answer>> = batch.iter().map(|_| None).collect();
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..n_workers).map(|_| scope.spawn(take_lines)).collect();
        // This thread works too rather than waiting idle for the helpers.
        let mut answered = take_lines();
        for helper in helpers {
            match helper.join() {
                Ok(more) => answered.extend(more),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        for (index, answer) in answered {
            answers[index] = Some(answer);
        }
    });
    answers.into_iter().map(|answer| answer.expect("every line of the batch was taken by a thread")).collect()
}

/// The fields of a pairs line this command uses. Every field is optional here so that a
/// missing one gets our own message ("has no `claim`") rather than serde's.
#[derive(Deserialize)]
struct PairLine {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    claim: Option<String>,
    #[serde(default)]
    text: Option<String>,
}

#[derive(Serialize)]
struct StanceLine<'a> {
    id: &'a Value,
    stance: Stance,
}

fn answer_line(line: &RawLine, decision: &Decision) -> Answer {
    let number = line.number;
    let Ok(text) = std::str::from_utf8(&line.bytes) else {
        return Answer::Bad(format!("line {number} is not UTF-8 text; skipped"));
    };
    // A byte-order mark before the first line is invisible in an editor; forgive it.
    let text = if number == 1 { text.strip_prefix('\u{feff}').unwrap_or(text) } else { text };
    let text = text.trim();
    if text.is_empty() {
        return Answer::Blank;
    }
    if !text.starts_with('{') {
        return Answer::Bad(format!(
            "line {number} is not a JSON object like {{\"id\": 1, \"claim\": \"...\", \"text\": \"...\"}}; skipped"
        ));
    }
    let pair: PairLine = match serde_json::from_str(text) {
        Ok(pair) => pair,
        Err(error) => return Answer::Bad(format!("line {number} is not valid JSON: {}; skipped", json_reason(&error))),
    };
    let id = match pair.id {
        Some(id @ (Value::Number(_) | Value::String(_))) => id,
        Some(_) => return Answer::Bad(format!("line {number}: `id` must be a number or a string; skipped")),
        None => return Answer::Bad(format!("line {number} has no `id` field; skipped")),
    };
    let Some(claim) = pair.claim else {
        return Answer::Bad(format!("line {number} has no `claim` field; skipped"));
    };
    let Some(text) = pair.text else {
        return Answer::Bad(format!("line {number} has no `text` field; skipped"));
    };
    let stance = decision.stance(&claim, &text);
    let mut answer =
        serde_json::to_string(&StanceLine { id: &id, stance }).expect("a JSON value and a stance serialise");
    answer.push('\n');
    Answer::Stance(answer)
}

/// serde_json's message without its "at line 1 column 17" tail: within one line only the column
/// means anything, and "line 1" would contradict the line number we report.
fn json_reason(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let tail = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&tail) {
        Some(reason) => format!("{reason} (column {})", error.column()),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the stream on `input` with `n_jobs` threads: (stdout, messages, summary).
    fn run(input: &str, n_jobs: usize) -> (String, Vec<String>, Summary) {
        let mut output = Vec::new();
        let mut messages = Vec::new();
        let summary = answer_pairs(input.as_bytes(), &mut output, n_jobs, Decision::shipped(), &mut |message| {
            messages.push(message.to_string())
        })
        .expect("in-memory streams do not fail");
        (String::from_utf8(output).expect("UTF-8 output"), messages, summary)
    }

    fn check_bad(line: &str, expected_message: &str) {
        let (output, messages, summary) = run(line, 1);
        assert_eq!(output, "", "{line}");
        assert_eq!(messages, vec![expected_message.to_string()], "{line}");
        assert_eq!(summary.n_bad_lines, 1);
    }

    #[test]
    fn bad_lines_are_named() {
        check_bad(
            "not json",
            "line 1 is not a JSON object like {\"id\": 1, \"claim\": \"...\", \"text\": \"...\"}; skipped",
        );
        check_bad(
            "{\"id\": 1, \"claim\": \"a\"",
            "line 1 is not valid JSON: EOF while parsing an object (column 22); skipped",
        );
        check_bad(
            "{\"id\": 1, \"claim\": 5, \"text\": \"b\"}",
            "line 1 is not valid JSON: invalid type: integer `5`, expected a string (column 20); skipped",
        );
        check_bad("{\"claim\": \"a\", \"text\": \"b\"}", "line 1 has no `id` field; skipped");
        check_bad(
            "{\"id\": [1], \"claim\": \"a\", \"text\": \"b\"}",
            "line 1: `id` must be a number or a string; skipped",
        );
        check_bad("{\"id\": 1, \"text\": \"b\"}", "line 1 has no `claim` field; skipped");
        check_bad("{\"id\": 1, \"claim\": \"a\"}", "line 1 has no `text` field; skipped");
    }

    #[test]
    fn ids_come_back_unchanged_in_order_and_blank_lines_count() {
        let input = "\u{feff}{\"id\": 7, \"claim\": \"a\", \"text\": \"b\", \"gold\": \"x\"}\r\n\n  \n{\"id\": \"p-2\", \"claim\": \"a\", \"text\": \"b\"}\nbad\n";
        let (output, messages, summary) = run(input, 2);
        let ids: Vec<Value> = output
            .lines()
            .map(|line| serde_json::from_str::<Value>(line).expect("answer is JSON")["id"].clone())
            .collect();
        assert_eq!(ids, vec![Value::from(7), Value::from("p-2")]);
        assert_eq!(messages.len(), 1);
        assert!(messages[0].starts_with("line 5 "), "{messages:?}");
        assert_eq!(summary, Summary { n_answered: 2, n_bad_lines: 1, n_bad_lines_shown: 1 });
    }

    #[test]
    fn threads_keep_input_order_across_batches() {
        let n_pairs = BATCH_MAX_LINES * 2 + 17;
        let input: String = (0..n_pairs)
            .map(|i| format!("{{\"id\": {i}, \"claim\": \"claim {i}\", \"text\": \"{}\"}}\n", "word ".repeat(i % 50)))
            .collect();
        for n_jobs in [1, 2, 5] {
            let (output, _, summary) = run(&input, n_jobs);
            let ids: Vec<u64> = output
                .lines()
                .map(|line| serde_json::from_str::<Value>(line).expect("JSON")["id"].as_u64().expect("numeric id"))
                .collect();
            assert_eq!(ids, (0..n_pairs as u64).collect::<Vec<_>>(), "{n_jobs} jobs");
            assert_eq!(summary.n_answered, n_pairs);
        }
    }

    #[test]
    fn only_the_first_bad_lines_are_described() {
        let input = "oops\n".repeat(MAX_BAD_LINES_SHOWN + 5);
        let (_, messages, summary) = run(&input, 2);
        assert_eq!(messages.len(), MAX_BAD_LINES_SHOWN);
        assert_eq!(summary.n_bad_lines, MAX_BAD_LINES_SHOWN + 5);
    }
}
