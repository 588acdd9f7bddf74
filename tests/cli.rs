//! End-to-end tests of the `crosscheck` binary: they run the built program on temporary files and
//! check what it prints and how it exits, as the evaluation scripts and a blogger see it.
//!
//! They check formats and failure handling only, never the quality of the analysis: an analysis
//! with no claims passes, an analysis whose claim text is not the slice of its source fails.

// The binary exists only with the `cli` feature and only natively (Cargo.toml); without it
// `CARGO_BIN_EXE_crosscheck` is not defined, so this whole file compiles away.
#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]

use serde_json::{json, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What one run of the binary did.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn crosscheck(arguments: &[&str], stdin: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(arguments)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the crosscheck binary starts");
    child.stdin.take().expect("piped stdin").write_all(stdin.as_bytes()).expect("stdin is written");
    let output = child.wait_with_output().expect("crosscheck finishes");
    Run {
        code: output.status.code().expect("crosscheck exits rather than being killed"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Writes `contents` to a fresh file named after the test, and returns its path.
fn temp_file(test_name: &str, file_name: &str, contents: &str) -> PathBuf {
    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-tests").join(test_name);
    std::fs::create_dir_all(&folder).expect("temp folder is created");
    let path = folder.join(file_name);
    std::fs::write(&path, contents).expect("temp file is written");
    path
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

/// Two short reports with accents, curly quotes and an emoji, so that byte offsets and char
/// offsets differ and a claim cut at byte offsets shows up as a wrong slice.
fn small_corpus() -> Value {
    json!({
        "version": 1,
        "title": "Zürich council vote",
        "sources": [
            {"id": "a", "name": "Wire", "kind": "article", "published": "2025-08-20",
             "text": "The Zürich council voted 28–4 on Monday to close the café. “It is final,” the mayor said. 🚧 Work starts in May. The café will not close before the 32 staff have new jobs."},
            {"id": "b", "name": "Blog", "kind": "social", "published": "2025-08-21",
             "text": "Zürich’s council voted 32–4 on Tuesday to close the café. The mayor called it final. Work starts in June. The café will not close before its 28 staff have new jobs."}
        ]
    })
}

/// Every way `analysis` can break the analysis format of ../shared/eval/README.md for `corpus`.
fn format_problems(corpus: &Value, analysis: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let (Some(claims), Some(links)) = (analysis["claims"].as_array(), analysis["links"].as_array()) else {
        return vec!["the analysis has no `claims` and `links` arrays".to_string()];
    };
    let mut claim_ids = Vec::new();
    for claim in claims {
        let id = claim["id"].as_str().unwrap_or("?").to_string();
        let source_text = corpus["sources"]
            .as_array()
            .expect("the corpus has sources")
            .iter()
            .find(|source| source["id"] == claim["source"])
            .and_then(|source| source["text"].as_str());
        let Some(source_text) = source_text else {
            problems.push(format!("claim {id}: unknown source {}", claim["source"]));
            continue;
        };
        let chars: Vec<char> = source_text.chars().collect();
        let (Some(start), Some(end)) = (claim["start"].as_u64(), claim["end"].as_u64()) else {
            problems.push(format!("claim {id}: `start` and `end` are not whole numbers"));
            continue;
        };
        let (start, end) = (start as usize, end as usize);
        if start > end || end > chars.len() {
            problems.push(format!("claim {id}: {start}..{end} is outside its source of {} chars", chars.len()));
            continue;
        }
        let slice: String = chars[start..end].iter().collect();
        if claim["text"].as_str() != Some(slice.as_str()) {
            problems.push(format!(
                "claim {id}: text {} is not the source's chars {start}..{end}, {slice:?}",
                claim["text"]
            ));
        }
        if claim_ids.contains(&id) {
            problems.push(format!("claim id {id} is used twice"));
        }
        claim_ids.push(id);
    }
    for link in links {
        for end in ["from", "to"] {
            if !link[end].as_str().is_some_and(|id| claim_ids.iter().any(|known| known == id)) {
                problems.push(format!("link {link}: `{end}` is not a claim id"));
            }
        }
        if !matches!(link["relation"].as_str(), Some("supports" | "contradicts")) {
            problems.push(format!("link {link}: relation is neither supports nor contradicts"));
        }
    }
    problems
}

#[test]
fn the_format_checker_catches_byte_offsets_and_dangling_links() {
    // Guards the guard: if format_problems accepted this, the analyze tests would prove nothing.
    let corpus = small_corpus();
    let text = corpus["sources"][0]["text"].as_str().unwrap();
    let byte_end = text.find(" on Monday").unwrap(); // a byte offset, past "ü" and "–"
    let wrong = json!({
        "claims": [{"id": "c0", "source": "a", "start": 0, "end": byte_end, "text": &text[..byte_end]}],
        "links": [{"from": "c0", "to": "c9", "relation": "supports", "reason": "x"}]
    });
    let problems = format_problems(&corpus, &wrong);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(problems[0].starts_with("claim c0: text"), "{problems:#?}");
    assert!(problems[1].contains("`to` is not a claim id"), "{problems:#?}");
    let right_end = text[..byte_end].chars().count();
    let right = json!({
        "claims": [{"id": "c0", "source": "a", "start": 0, "end": right_end, "text": &text[..byte_end]}],
        "links": []
    });
    assert_eq!(format_problems(&corpus, &right), Vec::<String>::new());
}

#[test]
fn analyze_prints_claims_that_are_slices_of_their_sources() {
    let corpus = small_corpus();
    let path = temp_file("analyze_ok", "corpus.json", &serde_json::to_string_pretty(&corpus).unwrap());
    let run = crosscheck(&["analyze", path_str(&path)], "");
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    let analysis: Value = serde_json::from_str(&run.stdout).expect("analyze prints one JSON document");
    assert!(analysis["claims"].is_array() && analysis["links"].is_array(), "{analysis}");
    assert_eq!(format_problems(&corpus, &analysis), Vec::<String>::new());
}

#[test]
fn analyze_reads_standard_input_and_compact_output_is_the_same_analysis() {
    let corpus_text = small_corpus().to_string();
    let path = temp_file("analyze_stdin", "corpus.json", &corpus_text);
    let from_file = crosscheck(&["analyze", path_str(&path)], "");
    let from_stdin = crosscheck(&["analyze", "--compact", "-"], &corpus_text);
    assert_eq!((from_file.code, from_stdin.code), (0, 0), "{}{}", from_file.stderr, from_stdin.stderr);
    assert_eq!(from_stdin.stdout.lines().count(), 1, "--compact prints one line");
    let parsed = |text: &str| serde_json::from_str::<Value>(text).expect("JSON");
    assert_eq!(parsed(&from_file.stdout), parsed(&from_stdin.stdout));
}

#[test]
fn analyze_warns_about_a_skipped_source_and_analyses_the_rest() {
    let mut corpus = small_corpus();
    corpus["sources"].as_array_mut().unwrap().push(json!({"id": "c", "kind": "article"}));
    let path = temp_file("analyze_skip", "corpus.json", &corpus.to_string());
    let run = crosscheck(&["analyze", path_str(&path)], "");
    assert_eq!(run.code, 0, "one bad source does not stop the others: {}", run.stderr);
    assert!(run.stderr.starts_with("crosscheck: warning: "), "{}", run.stderr);
    assert!(run.stderr.contains("no `text` field"), "says what is wrong: {}", run.stderr);
    let analysis: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(format_problems(&corpus, &analysis), Vec::<String>::new());
    assert!(analysis["claims"].as_array().unwrap().iter().all(|claim| claim["source"] != "c"));
}

#[test]
fn analyze_reads_a_folder_of_txt_files_and_single_txt_files() {
    let first = temp_file("analyze_txt", "000_wire.txt", "date 2025-08-20\nThe Zürich council voted 28–4 on Monday.\n");
    let second = temp_file("analyze_txt", "001_blog.txt", "Zürich’s council voted 32–4 on Tuesday. 🚧\n");
    temp_file("analyze_txt", "notes.md", "Not a source: only .txt files are read.");
    let folder = first.parent().unwrap().to_path_buf();
    // The text each source has once its file is read: the date line goes, trailing space too.
    let corpus = json!({"sources": [
        {"id": "000", "text": "The Zürich council voted 28–4 on Monday."},
        {"id": "001", "text": "Zürich’s council voted 32–4 on Tuesday. 🚧"},
    ]});
    for arguments in [vec!["analyze", path_str(&folder)], vec!["analyze", path_str(&first), path_str(&second)]] {
        let run = crosscheck(&arguments, "");
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{arguments:?}");
        let analysis: Value = serde_json::from_str(&run.stdout).expect("JSON");
        assert_eq!(format_problems(&corpus, &analysis), Vec::<String>::new(), "{arguments:?}");
    }
    let empty_folder = temp_file("analyze_txt_none", "notes.md", "nothing").parent().unwrap().to_path_buf();
    let run = crosscheck(&["analyze", path_str(&empty_folder)], "");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains(".txt"), "says what was expected: {}", run.stderr);
}

#[test]
fn analyze_on_malformed_json_names_line_and_column() {
    // The comma after "a" is missing on line 3.
    let path = temp_file(
        "analyze_malformed",
        "broken.json",
        "{\"version\": 1,\n \"sources\": [\n  {\"id\": \"a\" \"text\": \"x\"}\n]}\n",
    );
    let run = crosscheck(&["analyze", path_str(&path)], "");
    assert_eq!(run.code, 1, "stderr: {}", run.stderr);
    assert_eq!(run.stdout, "", "nothing on stdout when the corpus is unusable");
    assert!(run.stderr.contains("broken.json"), "names the file: {}", run.stderr);
    assert!(run.stderr.contains("line 3"), "names the line: {}", run.stderr);
    assert!(run.stderr.contains("column"), "names the column: {}", run.stderr);
}

/// At the limit the corpus is analysed; one source over it, and the CLI refuses with the
/// sentence the widget shows, rather than print an analysis of part of the story.
#[test]
fn analyze_refuses_a_corpus_over_the_limits_and_takes_one_at_them() {
    let max_sources = crosscheck::corpus::Limits::WIDGET.max_sources;
    let corpus = |n: usize| {
        let sources: Vec<Value> = (0..n).map(|i| json!({"id": format!("s{i}"), "text": "Short."})).collect();
        json!({"version": 1, "sources": sources}).to_string()
    };
    let at_limit = temp_file("analyze_limits", "at.json", &corpus(max_sources));
    let run = crosscheck(&["analyze", "--compact", path_str(&at_limit)], "");
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);

    let over = temp_file("analyze_limits", "over.json", &corpus(max_sources + 1));
    let run = crosscheck(&["analyze", path_str(&over)], "");
    assert_eq!(run.code, 1, "stderr: {}", run.stderr);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains("over.json: the corpus is over crosscheck's limits, so nothing was analysed"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("more sources than the 1,000"), "{}", run.stderr);
}

#[test]
fn a_missing_file_or_a_folder_cannot_be_read() {
    let folder = temp_file("missing", "placeholder", "").parent().unwrap().to_path_buf();
    let missing = folder.join("no-such-corpus.json");
    for (arguments, reason) in [
        (vec!["analyze", path_str(&missing)], "there is no such file"),
        (vec!["stance", path_str(&missing)], "there is no such file"),
        (vec!["stance", path_str(&folder)], "it is a folder, not a file"),
    ] {
        let run = crosscheck(&arguments, "");
        assert_eq!(run.code, 1, "{arguments:?}: {}", run.stderr);
        let target = arguments[1];
        assert_eq!(run.stderr.trim_end(), format!("crosscheck: cannot read {target}: {reason}"), "{arguments:?}");
    }
}

const STANCES: [&str; 4] = ["supports", "contradicts", "neutral", "unrelated"];

fn answer_lines(stdout: &str) -> Vec<Value> {
    stdout.lines().map(|line| serde_json::from_str(line).expect("each answer line is JSON")).collect()
}

#[test]
fn stance_answers_good_lines_in_order_and_names_the_bad_ones() {
    let pairs = [
        r#"{"id": 0, "claim": "The council voted 28-4.", "text": "The council voted 28-4 on Monday.", "gold": "supports"}"#,
        r#"{"id": "x-1", "claim": "Work starts in May.", "text": "Work starts in June."}"#,
        r#"this is not JSON"#,
        "",
        r#"{"id": 3, "claim": "no text here"}"#,
        r#"{"id": 4.5, "claim": "a", "text": "b"}"#,
        r#"{"id": 5, "claim": "a", "text": "b""#,
    ]
    .join("\n");
    let path = temp_file("stance_mixed", "pairs.jsonl", &pairs);
    let run = crosscheck(&["stance", path_str(&path)], "");
    assert_eq!(run.code, 3, "some lines were bad: {}", run.stderr);
    let answers = answer_lines(&run.stdout);
    let ids: Vec<&Value> = answers.iter().map(|answer| &answer["id"]).collect();
    assert_eq!(ids, [&json!(0), &json!("x-1"), &json!(4.5)], "ids echoed unchanged, in input order");
    for answer in &answers {
        assert!(STANCES.contains(&answer["stance"].as_str().unwrap_or("")), "{answer}");
        assert_eq!(answer.as_object().unwrap().len(), 2, "only id and stance: {answer}");
    }
    for bad in ["line 3 is not a JSON object", "line 5 has no `text` field", "line 7 is not valid JSON"] {
        assert!(run.stderr.contains(bad), "stderr should say {bad:?}: {}", run.stderr);
    }
    assert!(!run.stderr.contains("line 4"), "blank lines are not errors: {}", run.stderr);
    assert!(run.stderr.contains("answered 3 pairs, skipped 3 bad lines"), "{}", run.stderr);
}

#[test]
fn stance_on_clean_input_exits_0_quietly_with_any_number_of_threads() {
    let pairs: String = (0..300)
        .map(|i| json!({"id": i, "claim": format!("claim {i}"), "text": "some text ".repeat(i % 7)}).to_string() + "\n")
        .collect();
    for jobs in ["1", "2"] {
        let run = crosscheck(&["stance", "--jobs", jobs, "-"], &pairs);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "--jobs {jobs}");
        let ids: Vec<Value> = answer_lines(&run.stdout).iter().map(|answer| answer["id"].clone()).collect();
        assert_eq!(ids, (0..300).map(Value::from).collect::<Vec<_>>(), "--jobs {jobs}");
    }
}

#[test]
fn wrong_command_lines_print_usage_and_exit_2() {
    for arguments in
        [vec!["frobnicate"], vec![], vec!["help"], vec!["--help"], vec!["analyze"], vec!["stance", "--jobs", "0", "x"]]
    {
        let run = crosscheck(&arguments, "");
        assert_eq!(run.code, 2, "{arguments:?}");
        assert_eq!(run.stdout, "", "{arguments:?}: usage goes to stderr");
        assert!(run.stderr.contains("usage:\n  crosscheck analyze"), "{arguments:?}: {}", run.stderr);
    }
    let run = crosscheck(&["frobnicate"], "");
    assert!(run.stderr.starts_with("crosscheck: unknown command `frobnicate`"), "{}", run.stderr);
}

#[test]
fn claimreview_prints_one_review_per_contradicted_claim() {
    let corpus = temp_file("claimreview", "corpus.json", &small_corpus().to_string());
    let run = crosscheck(
        &[
            "claimreview",
            "--author",
            "Westport Notebook",
            "--date",
            "2025-08-22",
            "--url",
            "https://b.example/p",
            path_str(&corpus),
        ],
        "",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let reviews: Value = serde_json::from_str(&run.stdout).expect("the output is JSON");
    let reviews = reviews.as_array().expect("an array of reviews");
    // The small corpus disputes the staff (32 vs 28): both sides are reviewed.
    assert!(reviews.len() >= 2, "{reviews:#?}");
    let sources: Vec<&str> =
        reviews.iter().filter_map(|review| review["itemReviewed"]["author"]["name"].as_str()).collect();
    assert!(sources.contains(&"Wire") && sources.contains(&"Blog"), "{sources:?}");
    for review in reviews {
        assert_eq!(review["@type"], "ClaimReview");
        assert_eq!(review["author"]["name"], "Westport Notebook");
        assert_eq!(review["datePublished"], "2025-08-22");
        assert_eq!(review["url"], "https://b.example/p");
        assert!(review["reviewRating"]["alternateName"].as_str().is_some_and(|name| name.starts_with("Disputed: ")));
    }
    // With no date the review is dated today: a real ISO date, not a placeholder.
    let run = crosscheck(&["claimreview", "-"], &small_corpus().to_string());
    let reviews: Value = serde_json::from_str(&run.stdout).expect("the output is JSON");
    let date = reviews[0]["datePublished"].as_str().expect("a date");
    assert!(crosscheck::date::Date::parse_iso(date).is_some_and(|date| date.year >= 2025), "{date}");
}

#[test]
fn bundle_writes_one_page_or_says_to_build_the_embed_first() {
    let corpus = temp_file("bundle", "corpus.json", &small_corpus().to_string());
    let missing = crosscheck(&["bundle", "--pkg", "/nonexistent/pkg", path_str(&corpus)], "");
    assert_eq!(missing.code, 1);
    assert!(missing.stderr.contains("Build the embed first with scripts/build-pkg.sh"), "{}", missing.stderr);

    // A stand-in embed build with the shape of wasm-bindgen's glue: the page's contents are
    // checked here, that the page works in a browser from file:// in tests/e2e/embed.test.mjs.
    let pkg = corpus.parent().unwrap().join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(pkg.join("crosscheck.css"), ".crosscheck{color:red}").unwrap();
    std::fs::write(pkg.join("crosscheck_core.js"), "async function __wbg_init(m) {}\nexport default __wbg_init;\n")
        .unwrap();
    std::fs::write(pkg.join("crosscheck_core_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    let out = pkg.parent().unwrap().join("story.html");
    let run = crosscheck(&["bundle", "--pkg", path_str(&pkg), "-o", path_str(&out), path_str(&corpus)], "");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("wrote"), "{}", run.stderr);
    let html = std::fs::read_to_string(&out).expect("the page was written");
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("<title>Zürich council vote · crosscheck</title>"));
    assert!(html.contains("The Zürich council voted 28–4 on Monday"));
    // Without -o the page goes to standard output, the same page.
    let run = crosscheck(&["bundle", "--pkg", path_str(&pkg), path_str(&corpus)], "");
    assert_eq!(run.stdout, html);
}
