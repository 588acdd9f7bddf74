//! `crosscheck`, the native command line: `analyze` prints the claims and links of a corpus as JSON,
//! `stance` answers a stream of claim/text pairs (the tool the evaluation scripts drive),
//! `bundle` writes one self-contained HTML page for a story, and `claimreview` prints the
//! schema.org ClaimReview JSON-LD of its contradicted claims.
//!
//! This file parses the arguments (plain std: four subcommands do not need a parser crate), reads
//! the input and turns every failure into a message a blogger can act on and an exit code.
//! It does no analysis of its own: what it prints comes from `crosscheck::analysis`,
//! `crosscheck::bundle` and `crosscheck::claimreview`.
//! It is native only (Cargo.toml gives it `required-features = ["cli"]`), never part of the wasm.
//!
//! Exit codes, the same for every command:
//! - 0: done, every input answered.
//! - 1: nothing useful could be done: the input cannot be read, the corpus is unusable,
//!   or the output cannot be written.
//! - 2: the command line is wrong (also for `help`, so a script that calls us wrongly never
//!   mistakes the usage text for a result).
//! - 3: `stance` only: some lines were bad and were skipped, every good line was answered.
//!   It is not 2, so a script can tell "you called me wrongly" from "your data has bad lines".

// A bin's modules resolve beside it in src/bin/, where Cargo would take a file for another binary.
#[path = "crosscheck/stance.rs"]
mod stance;

use crosscheck::analysis;
use crosscheck::bundle;
use crosscheck::claimreview::{self, ReviewOptions};
use crosscheck::corpus;
use crosscheck::date::Date;
use crosscheck::precomputed;
use std::ffi::OsString;
use std::fmt;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage:
  crosscheck analyze [--compact] [--embed] [-o OUT.json] CORPUS.json | FOLDER | FILE.txt...
      Finds the claims of every source in the corpus and the links between them, and prints
      them as JSON (see ../shared/eval/README.md for both formats). The corpus is a JSON file,
      a folder of .txt files or some .txt files, one source per file: the id is the file name
      up to its first _, and a first line `date YYYY-MM-DD` gives the publication date.
      Sources that cannot be used are skipped with a warning on stderr. --embed writes the
      corpus itself with its analysis inside (and a hash of the texts it was made from): a
      widget given that file shows the marks at once, without analysing. -o writes to OUT.
      A corpus over the widget's limits (16,000,000 bytes, 1,000 sources, 200,000 characters
      in one source's text, 4,000,000 in all) is refused with exit code 1.
  crosscheck stance [--jobs N] [--model MODEL.json] PAIRS.jsonl
      Reads one JSON object per line, {\"id\": ..., \"claim\": \"...\", \"text\": \"...\"}, and prints
      {\"id\": ..., \"stance\": \"supports|contradicts|neutral|unrelated\"} for each, in input order.
      Bad lines are named on stderr and skipped; blank lines are ignored. --jobs sets how many
      threads answer (default: one per core). --model answers with a stance model written by
      examples/train_stance.rs (a cross-validation fold's, say) instead of the built-in one.
  crosscheck bundle [--pkg DIR] [--no-analysis] [-o STORY.html] CORPUS
      Writes one self-contained HTML page with the widget and the corpus inlined (wasm, JS, CSS
      and JSON), which works when opened from disk with no server. It reads the embed build
      from DIR (default: pkg, written by scripts/build-pkg.sh) and writes to standard output
      without -o. The corpus goes in with its analysis, so the page shows the marks at once;
      --no-analysis leaves it out (a smaller page that analyses when opened).
  crosscheck claimreview [--author NAME] [--author-url URL] [--url PAGE] [--date YYYY-MM-DD] CORPUS
      Prints the schema.org ClaimReview JSON-LD (a JSON array) of every claim another source
      contradicts, ready for a <script type=\"application/ld+json\">. The review's author is
      NAME (default: crosscheck), its date DATE (default: today), its address PAGE.
  crosscheck help | --help      this text
  crosscheck --version          the version

  CORPUS is one JSON file, one folder of .txt files or some .txt files, as for analyze.
  Give - as the file name to read standard input.

exit codes:
  0  done
  1  the input could not be read, the corpus is unusable, or the output could not be written
  2  wrong command line (and help)
  3  stance: some lines were bad and skipped; all the others were answered";

fn main() -> ExitCode {
    let arguments: Vec<OsString> = std::env::args_os().skip(1).collect();
    let command = match parse_command_line(arguments) {
        Ok(command) => command,
        Err(UsageError::HelpRequested) => {
            eprintln!("{USAGE}");
            return ExitCode::from(EXIT_USAGE);
        }
        Err(UsageError::Wrong(message)) => {
            eprintln!("crosscheck: {message}\n\n{USAGE}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let outcome = match command {
        Command::Version => {
            println!("crosscheck {}", env!("CARGO_PKG_VERSION"));
            Ok(EXIT_OK)
        }
        Command::Analyze { corpus, compact, embed, output } => run_analyze(&corpus, compact, embed, output.as_deref()),
        Command::Stance { input, n_jobs, model } => run_stance(&input, n_jobs, model.as_deref()),
        Command::Bundle { corpus, pkg_dir, output, with_analysis } => {
            run_bundle(&corpus, &pkg_dir, output.as_deref(), with_analysis)
        }
        Command::ClaimReview { corpus, review } => run_claim_review(&corpus, review),
    };
    match outcome {
        Ok(code) => ExitCode::from(code),
        // Someone stopped reading our output (`crosscheck stance big.jsonl | head`): they have
        // what they wanted, so stop quietly rather than report an error nobody asked about.
        Err(Failure::Output(error)) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(EXIT_OK),
        Err(failure) => {
            eprintln!("crosscheck: {failure}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

const EXIT_OK: u8 = 0;
const EXIT_FAILURE: u8 = 1;
const EXIT_USAGE: u8 = 2;
const EXIT_SOME_LINES_SKIPPED: u8 = 3;

/// What the command line asks for.
#[derive(Debug, PartialEq)]
enum Command {
    /// `embed`: write the corpus with its analysis inside (`precomputed`), not the analysis alone.
    Analyze {
        corpus: CorpusInput,
        compact: bool,
        embed: bool,
        output: Option<PathBuf>,
    },
    /// `model`: a stance model file to use instead of the built-in one (for evaluation).
    Stance {
        input: Input,
        n_jobs: usize,
        model: Option<PathBuf>,
    },
    Bundle {
        corpus: CorpusInput,
        pkg_dir: PathBuf,
        output: Option<PathBuf>,
        with_analysis: bool,
    },
    ClaimReview {
        corpus: CorpusInput,
        review: ReviewArguments,
    },
    Version,
}

/// The options of `claimreview`; the date is today's when not given.
#[derive(Debug, Default, PartialEq)]
struct ReviewArguments {
    author: Option<String>,
    author_url: Option<String>,
    url: Option<String>,
    date: Option<Date>,
}

/// Where a command reads from: a file, or standard input when the user wrote `-`.
#[derive(Debug, PartialEq)]
enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    fn from_argument(argument: OsString) -> Input {
        if argument == "-" {
            Input::Stdin
        } else {
            Input::File(PathBuf::from(argument))
        }
    }
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::Stdin => f.write_str("standard input"),
            Input::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// What `analyze` reads: a corpus in JSON, or plain text files, one source each.
#[derive(Debug, PartialEq)]
enum CorpusInput {
    /// A JSON corpus, or a folder of .txt files: which one is known only once the path is looked at.
    JsonOrFolder(Input),
    TxtFiles(Vec<PathBuf>),
}

fn is_txt_file_name(path: &Path) -> bool {
    path.extension().is_some_and(|extension| extension.eq_ignore_ascii_case("txt"))
}

#[derive(Debug)]
enum UsageError {
    HelpRequested,
    Wrong(String),
}

/// A failure that ends the command with exit code 1.
#[derive(Debug)]
enum Failure {
    CannotRead {
        input: String,
        error: io::Error,
    },
    Corpus {
        input: String,
        message: String,
    },
    Bundle(crosscheck::bundle::BundleError),
    CannotWrite {
        output: String,
        error: io::Error,
    },
    /// A `--model` file that is no stance model this version reads.
    Model {
        path: String,
        message: String,
    },
    Output(io::Error),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::CannotRead { input, error } => write!(f, "cannot read {input}: {}", plain_io_reason(error)),
            Failure::Corpus { input, message } => write!(f, "{input}: {message}"),
            Failure::Bundle(error) => write!(f, "{error}"),
            Failure::CannotWrite { output, error } => write!(f, "cannot write {output}: {}", plain_io_reason(error)),
            Failure::Model { path, message } => write!(f, "{path}: {message}"),
            Failure::Output(error) => write!(f, "cannot write the output: {}", plain_io_reason(error)),
        }
    }
}

/// The OS error text ("No such file or directory (os error 2)") said the way a blogger would.
fn plain_io_reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "there is no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "it is a folder, not a file".to_string(),
        // `read_to_string` reports bytes that are not UTF-8 as InvalidData.
        io::ErrorKind::InvalidData => "it is not UTF-8 text (save it as UTF-8 and try again)".to_string(),
        _ => error.to_string(),
    }
}

fn parse_command_line(arguments: Vec<OsString>) -> Result<Command, UsageError> {
    let mut arguments = arguments.into_iter();
    let Some(command) = arguments.next() else {
        return Err(UsageError::Wrong("no command given".to_string()));
    };
    let rest: Vec<OsString> = arguments.collect();
    match command.to_str() {
        Some("help" | "--help" | "-h") => Err(UsageError::HelpRequested),
        Some("--version" | "-V") => Ok(Command::Version),
        // Both spellings: the library says `analyse`, the README and scripts say `analyze`.
        Some("analyze" | "analyse") => {
            let (mut compact, mut embed, mut output) = (false, false, None);
            let inputs = parse_options_and_inputs(rest, |option, value| {
                match option {
                    "--compact" => compact = true,
                    "--embed" => embed = true,
                    "-o" | "--output" => output = Some(PathBuf::from(value.next_value(option)?)),
                    _ => return Err(format!("analyze has no option `{option}`")),
                }
                Ok(())
            })?;
            Ok(Command::Analyze { corpus: corpus_argument("analyze", inputs)?, compact, embed, output })
        }
        Some("bundle") => {
            let mut pkg_dir = PathBuf::from("pkg");
            let mut output = None;
            let mut with_analysis = true;
            let inputs = parse_options_and_inputs(rest, |option, value| {
                match option {
                    "--pkg" => pkg_dir = PathBuf::from(value.next_value(option)?),
                    "--no-analysis" => with_analysis = false,
                    "-o" | "--output" => output = Some(PathBuf::from(value.next_value(option)?)),
                    _ => return Err(format!("bundle has no option `{option}`")),
                }
                Ok(())
            })?;
            Ok(Command::Bundle { corpus: corpus_argument("bundle", inputs)?, pkg_dir, output, with_analysis })
        }
        Some("claimreview") => {
            let mut review = ReviewArguments::default();
            let inputs = parse_options_and_inputs(rest, |option, value| {
                match option {
                    "--author" => review.author = Some(value.next_value(option)?),
                    "--author-url" => review.author_url = Some(http_url(option, value.next_value(option)?)?),
                    "--url" => review.url = Some(http_url(option, value.next_value(option)?)?),
                    "--date" => {
                        let text = value.next_value(option)?;
                        let date = Date::parse_iso(&text)
                            .ok_or_else(|| format!("--date wants a date like 2025-08-21, not `{text}`"))?;
                        review.date = Some(date);
                    }
                    _ => return Err(format!("claimreview has no option `{option}`")),
                }
                Ok(())
            })?;
            Ok(Command::ClaimReview { corpus: corpus_argument("claimreview", inputs)?, review })
        }
        Some("stance") => {
            let mut n_jobs = default_n_jobs();
            let mut model = None;
            let mut inputs = parse_options_and_inputs(rest, |option, value| {
                if option == "--model" {
                    model = Some(PathBuf::from(value.next_value(option)?));
                    return Ok(());
                }
                let jobs_value = match option {
                    "--jobs" | "-j" => value.next_value(option)?,
                    _ => match option.strip_prefix("--jobs=") {
                        Some(inline_value) => inline_value.to_string(),
                        None => return Err(format!("stance has no option `{option}`")),
                    },
                };
                n_jobs = match jobs_value.parse::<usize>() {
                    Ok(n) if n >= 1 => n,
                    _ => return Err(format!("--jobs wants a whole number of threads, 1 or more, not `{jobs_value}`")),
                };
                Ok(())
            })?;
            let input = match inputs.len() {
                1 => Input::from_argument(inputs.remove(0)),
                0 => {
                    return Err(UsageError::Wrong("stance needs a file to read (or - for standard input)".to_string()))
                }
                n => return Err(UsageError::Wrong(format!("stance reads one file, not {n}"))),
            };
            Ok(Command::Stance { input, n_jobs, model })
        }
        _ => Err(UsageError::Wrong(format!(
            "unknown command `{}` (the commands are analyze, stance, bundle and claimreview)",
            command.to_string_lossy()
        ))),
    }
}

/// The one corpus a command reads: a JSON file or folder (or - for standard input), or .txt files.
fn corpus_argument(command: &str, mut inputs: Vec<OsString>) -> Result<CorpusInput, UsageError> {
    match inputs.len() {
        0 => Err(UsageError::Wrong(format!("{command} needs {NEEDS_CORPUS}"))),
        1 if !is_txt_file_name(Path::new(&inputs[0])) => {
            Ok(CorpusInput::JsonOrFolder(Input::from_argument(inputs.remove(0))))
        }
        _ if inputs.iter().all(|input| is_txt_file_name(Path::new(input))) => {
            Ok(CorpusInput::TxtFiles(inputs.into_iter().map(PathBuf::from).collect()))
        }
        n => Err(UsageError::Wrong(format!("{command} reads one corpus, not {n} files: give {NEEDS_CORPUS}"))),
    }
}

/// An option value that must be an http(s) address (it ends up as a link in published JSON-LD),
/// checked as the corpus checks a source's `url`.
fn http_url(option: &str, value: String) -> Result<String, String> {
    corpus::web_url(&value).ok_or_else(|| format!("{option} wants an http(s) address, not `{value}`"))
}

/// The option values that follow an option on the command line (`--jobs 2`).
struct OptionValues<'a> {
    rest: &'a mut std::vec::IntoIter<OsString>,
}

impl OptionValues<'_> {
    fn next_value(&mut self, option: &str) -> Result<String, String> {
        match self.rest.next() {
            Some(value) => Ok(value.to_string_lossy().into_owned()),
            None => Err(format!("{option} needs a value")),
        }
    }
}

const NEEDS_CORPUS: &str = "one JSON file, one folder of .txt files, or .txt files (- reads JSON from standard input)";

/// Shared by both subcommands: options (handled by `on_option`), `--`, and the inputs.
fn parse_options_and_inputs(
    arguments: Vec<OsString>,
    mut on_option: impl FnMut(&str, &mut OptionValues) -> Result<(), String>,
) -> Result<Vec<OsString>, UsageError> {
    let mut inputs = Vec::new();
    let mut rest = arguments.into_iter();
    let mut options_ended = false;
    while let Some(argument) = rest.next() {
        let text = argument.to_string_lossy().into_owned();
        if options_ended || text == "-" || !text.starts_with('-') {
            inputs.push(argument);
        } else if text == "--" {
            options_ended = true;
        } else if text == "--help" || text == "-h" {
            return Err(UsageError::HelpRequested);
        } else {
            on_option(&text, &mut OptionValues { rest: &mut rest }).map_err(UsageError::Wrong)?;
        }
    }
    Ok(inputs)
}

/// One thread per core: the stance of a long article is the costly part, and it is independent per line.
fn default_n_jobs() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}

fn run_analyze(corpus_input: &CorpusInput, compact: bool, embed: bool, output: Option<&Path>) -> Result<u8, Failure> {
    let corpus = load_corpus(corpus_input)?;
    let analysis = analysis::analyse(&corpus);
    // Serialising our own types cannot fail on data.
    let mut json = if embed {
        precomputed::corpus_with_analysis(&corpus, &analysis)
    } else if compact {
        serde_json::to_string(&analysis).expect("an analysis serialises")
    } else {
        serde_json::to_string_pretty(&analysis).expect("an analysis serialises")
    };
    json.push('\n');
    match output {
        Some(path) => std::fs::write(path, json.as_bytes())
            .map_err(|error| Failure::CannotWrite { output: path.display().to_string(), error })?,
        None => write_stdout(json.as_bytes())?,
    }
    Ok(EXIT_OK)
}

fn run_bundle(
    corpus_input: &CorpusInput,
    pkg_dir: &Path,
    output: Option<&Path>,
    with_analysis: bool,
) -> Result<u8, Failure> {
    let corpus = load_corpus(corpus_input)?;
    let files = bundle::EmbedFiles::read(pkg_dir).map_err(Failure::Bundle)?;
    let analysis = with_analysis.then(|| analysis::analyse(&corpus));
    let html = bundle::bundle_html(&files, &corpus, analysis.as_ref()).map_err(Failure::Bundle)?;
    match output {
        Some(path) => {
            std::fs::write(path, &html)
                .map_err(|error| Failure::CannotWrite { output: path.display().to_string(), error })?;
            eprintln!(
                "crosscheck: wrote {} ({} KiB); open it in a browser, no server needed",
                path.display(),
                html.len() / 1024
            );
        }
        None => write_stdout(html.as_bytes())?,
    }
    Ok(EXIT_OK)
}

fn run_claim_review(corpus_input: &CorpusInput, review: ReviewArguments) -> Result<u8, Failure> {
    let corpus = load_corpus(corpus_input)?;
    let analysis = analysis::analyse(&corpus);
    let mut options = ReviewOptions::new(review.date.unwrap_or_else(today));
    if let Some(author) = review.author {
        options.author_name = author;
    }
    options.author_url = review.author_url;
    options.url = review.url;
    let reviews = claimreview::claim_reviews(&corpus, &analysis, &options);
    let mut json = claimreview::to_json(&reviews);
    json.push('\n');
    write_stdout(json.as_bytes()).map(|()| EXIT_OK)
}

/// Today in UTC, from the system clock.
fn today() -> Date {
    let seconds =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |elapsed| elapsed.as_secs());
    Date::from_days((seconds / 86_400) as i64)
}

fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut output = io::stdout().lock();
    output.write_all(bytes).and_then(|()| output.flush()).map_err(Failure::Output)
}

/// Loads the corpus a command was given; the sources it skipped or repaired are warned about on
/// stderr, and the rest is used.
fn load_corpus(corpus_input: &CorpusInput) -> Result<corpus::Corpus, Failure> {
    let (label, loaded) = match corpus_input {
        CorpusInput::JsonOrFolder(Input::File(path)) if path.is_dir() => {
            let label = path.display().to_string();
            let files = read_txt_folder(path).map_err(|error| Failure::CannotRead { input: label.clone(), error })?;
            let borrowed: Vec<(&str, &str)> = files.iter().map(|(name, text)| (name.as_str(), text.as_str())).collect();
            // The folder's name is the best title a folder of reports has.
            let title = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
            (label, corpus::from_txt_files(&title, &borrowed))
        }
        CorpusInput::JsonOrFolder(input) => {
            let text = read_whole_input(input)?;
            // A byte-order mark is invisible in most editors; do not let it become a JSON error at 1:1.
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            (input.to_string(), corpus::from_json(text))
        }
        CorpusInput::TxtFiles(paths) => {
            let mut files = Vec::new();
            for path in paths {
                let input = Input::File(path.clone());
                files.push((path.display().to_string(), read_whole_input(&input)?));
            }
            let borrowed: Vec<(&str, &str)> = files.iter().map(|(name, text)| (name.as_str(), text.as_str())).collect();
            let label = if paths.len() == 1 { paths[0].display().to_string() } else { "the text files".to_string() };
            (label, corpus::from_txt_files("", &borrowed))
        }
    };
    let loaded = loaded.map_err(|error| Failure::Corpus { input: label.clone(), message: error.to_string() })?;
    // Above the widget's limits the analysis would not be of the whole story: refused, with the
    // same sentence the widget shows, rather than printed as if it were complete.
    if let Some(limit) = loaded.problems.iter().find(|problem| problem.is_limit()) {
        let message = format!(
            "the corpus is over crosscheck's limits, so nothing was analysed (split the story or shorten its \
             sources). In the widget: {limit}"
        );
        return Err(Failure::Corpus { input: label, message });
    }
    for problem in &loaded.problems {
        eprintln!("crosscheck: warning: {label}: {problem}");
    }
    Ok(loaded.corpus)
}

/// The .txt files directly inside `folder` as (file name, text), sorted by name so that the
/// corpus, and with it every claim id, does not depend on the order the file system lists them in.
fn read_txt_folder(folder: &Path) -> io::Result<Vec<(String, String)>> {
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        if path.is_file() && is_txt_file_name(&path) {
            paths.push(path);
        }
    }
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
        let text = std::fs::read_to_string(&path)
            .map_err(|error| io::Error::new(error.kind(), format!("{name}: {}", plain_io_reason(&error))))?;
        files.push((name, text));
    }
    Ok(files)
}

fn run_stance(input: &Input, n_jobs: usize, model: Option<&Path>) -> Result<u8, Failure> {
    let loaded;
    let decision = match model {
        None => analysis::document::Decision::shipped(),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|error| Failure::CannotRead { input: path.display().to_string(), error })?;
            loaded = analysis::document::Decision::from_json(&text)
                .map_err(|message| Failure::Model { path: path.display().to_string(), message })?;
            &loaded
        }
    };
    let reader = open_input(input)?;
    let stdout = io::stdout();
    let output = io::BufWriter::new(stdout.lock());
    let input_name = input.to_string();
    let summary = stance::answer_pairs(reader, output, n_jobs, decision, &mut |bad_line| {
        eprintln!("crosscheck: {input_name}: {bad_line}");
    })
    .map_err(|error| match error {
        stance::StreamError::Read(error) => Failure::CannotRead { input: input_name.clone(), error },
        stance::StreamError::Write(error) => Failure::Output(error),
    })?;
    if summary.n_bad_lines == 0 {
        return Ok(EXIT_OK);
    }
    let n_hidden = summary.n_bad_lines.saturating_sub(summary.n_bad_lines_shown);
    if n_hidden > 0 {
        eprintln!("crosscheck: {input_name}: … and {n_hidden} more bad lines not shown");
    }
    let plural = |n: usize, word: &str| if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") };
    eprintln!(
        "crosscheck: {input_name}: answered {}, skipped {}",
        plural(summary.n_answered, "pair"),
        plural(summary.n_bad_lines, "bad line"),
    );
    Ok(EXIT_SOME_LINES_SKIPPED)
}

fn read_whole_input(input: &Input) -> Result<String, Failure> {
    let result = match input {
        Input::Stdin => {
            let mut text = String::new();
            io::stdin().lock().read_to_string(&mut text).map(|_| text)
        }
        Input::File(path) => std::fs::read_to_string(path),
    };
    result.map_err(|error| Failure::CannotRead { input: input.to_string(), error })
}

fn open_input(input: &Input) -> Result<Box<dyn BufRead>, Failure> {
    match input {
        Input::Stdin => Ok(Box::new(BufReader::with_capacity(1 << 16, io::stdin()))),
        Input::File(path) => {
            let file = open_file(path).map_err(|error| Failure::CannotRead { input: input.to_string(), error })?;
            Ok(Box::new(BufReader::with_capacity(1 << 16, file)))
        }
    }
}

/// Opens a file for reading, refusing a folder up front: on Linux `open` succeeds on a folder
/// and only the first read fails, which would be reported as a bad line rather than a bad file.
fn open_file(path: &Path) -> io::Result<std::fs::File> {
    let file = std::fs::File::open(path)?;
    if file.metadata()?.is_dir() {
        return Err(io::Error::from(io::ErrorKind::IsADirectory));
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<Command, String> {
        parse_command_line(line.split_whitespace().map(OsString::from).collect()).map_err(|error| match error {
            UsageError::HelpRequested => "help".to_string(),
            UsageError::Wrong(message) => message,
        })
    }

    fn file(name: &str) -> Input {
        Input::File(PathBuf::from(name))
    }

    fn json(name: &str) -> CorpusInput {
        CorpusInput::JsonOrFolder(file(name))
    }

    fn txt(names: &[&str]) -> CorpusInput {
        CorpusInput::TxtFiles(names.iter().map(PathBuf::from).collect())
    }

    #[test]
    fn command_lines() {
        let table: Vec<(&str, Result<Command, &str>)> = vec![
            ("analyze a.json", Ok(Command::Analyze { corpus: json("a.json"), compact: false, embed: false, output: None })),
            ("analyse --compact a.json", Ok(Command::Analyze { corpus: json("a.json"), compact: true, embed: false, output: None })),
            ("analyze -", Ok(Command::Analyze { corpus: CorpusInput::JsonOrFolder(Input::Stdin), compact: false, embed: false, output: None })),
            ("analyze -- --odd-name.json", Ok(Command::Analyze { corpus: json("--odd-name.json"), compact: false, embed: false, output: None })),
            ("analyze seeds/", Ok(Command::Analyze { corpus: json("seeds/"), compact: false, embed: false, output: None })),
            ("analyze a.txt", Ok(Command::Analyze { corpus: txt(&["a.txt"]), compact: false, embed: false, output: None })),
            ("analyze a.txt b.TXT", Ok(Command::Analyze { corpus: txt(&["a.txt", "b.TXT"]), compact: false, embed: false, output: None })),
            ("stance -j 3 p.jsonl", Ok(Command::Stance { input: file("p.jsonl"), n_jobs: 3, model: None })),
            ("stance p.jsonl --jobs=1", Ok(Command::Stance { input: file("p.jsonl"), n_jobs: 1, model: None })),
            (
                "stance --model fold1.json -j 2 p.jsonl",
                Ok(Command::Stance { input: file("p.jsonl"), n_jobs: 2, model: Some("fold1.json".into()) }),
            ),
            ("stance p.jsonl --model", Err("--model needs a value")),
            ("--version", Ok(Command::Version)),
            ("", Err("no command given")),
            ("help", Err("help")),
            ("--help", Err("help")),
            ("stance --help", Err("help")),
            (
                "bundle s.json",
                Ok(Command::Bundle { corpus: json("s.json"), pkg_dir: "pkg".into(), output: None, with_analysis: true }),
            ),
            (
                "bundle --no-analysis s.json",
                Ok(Command::Bundle { corpus: json("s.json"), pkg_dir: "pkg".into(), output: None, with_analysis: false }),
            ),
            (
                "analyze --embed s.json -o story.json",
                Ok(Command::Analyze { corpus: json("s.json"), compact: false, embed: true, output: Some("story.json".into()) }),
            ),
            (
                "bundle --pkg out/pkg -o story.html a.txt b.txt",
                Ok(Command::Bundle { corpus: txt(&["a.txt", "b.txt"]), pkg_dir: "out/pkg".into(), output: Some("story.html".into()), with_analysis: true }),
            ),
            ("claimreview s.json", Ok(Command::ClaimReview { corpus: json("s.json"), review: ReviewArguments::default() })),
            (
                "claimreview --author Blog --url https://b.example/p --date 2025-08-21 s.json",
                Ok(Command::ClaimReview {
                    corpus: json("s.json"),
                    review: ReviewArguments {
                        author: Some("Blog".into()),
                        author_url: None,
                        url: Some("https://b.example/p".into()),
                        date: Date::new(2025, 8, 21),
                    },
                }),
            ),
            ("bundle", Err("bundle needs one JSON file, one folder of .txt files, or .txt files (- reads JSON from standard input)")),
            ("bundle -o", Err("-o needs a value")),
            ("claimreview --date 21/08/2025 s.json", Err("--date wants a date like 2025-08-21, not `21/08/2025`")),
            ("claimreview --url javascript:x s.json", Err("--url wants an http(s) address, not `javascript:x`")),
            ("claimreview --author-url https:// s.json", Err("--author-url wants an http(s) address, not `https://`")),
            ("frobnicate x", Err("unknown command `frobnicate` (the commands are analyze, stance, bundle and claimreview)")),
            ("analyze", Err("analyze needs one JSON file, one folder of .txt files, or .txt files (- reads JSON from standard input)")),
            ("analyze a.json b.txt", Err("analyze reads one corpus, not 2 files: give one JSON file, one folder of .txt files, or .txt files (- reads JSON from standard input)")),
            ("stance a b", Err("stance reads one file, not 2")),
            ("analyze --pretty a", Err("analyze has no option `--pretty`")),
            ("stance -j 0 p", Err("--jobs wants a whole number of threads, 1 or more, not `0`")),
            ("stance p -j", Err("-j needs a value")),
        ];
        for (line, expected) in table {
            let expected = expected.map_err(str::to_string);
            assert_eq!(parse(line), expected, "command line `{line}`");
        }
    }
}
