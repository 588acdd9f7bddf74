//! Native benchmark of the analysis: `cargo run --release --example bench` (or `scripts/bench.sh`).
//!
//! It reports, it does not judge: no figure here passes or fails. For each case it prints the
//! time of `analyse` (first run, then median, min and max of repeated runs), the peak memory and
//! the number of claims and links, as a table on stdout and as JSON (`--json PATH`, by default
//! target/bench/native.json). The cases:
//! - `seeds`: ../shared/eval/corpora/seeds.json, the five seed reports;
//! - `fnc-100`, `fnc-1000`: the first 100 / 1,000 FNC-1 training bodies in Body ID order, each a
//!   source (id = Body ID, kind article, published 2025-08-20), from ../shared/data/fnc-1;
//! - `stance`: `stance()` over the first 2,000 FNC-1 headline/body pairs, one thread;
//! - `growth`: fnc-100 and fnc-1000 analysed in turns in one process, round after round (two runs
//!   of the small case, then one of the big), each round's ratio time(1000) / time(100) (the
//!   small case's mean of the round), and their median: a ratio of two cases timed apart moves
//!   with the machine's load between them, one of runs side by side much less;
//!
//! and the growth ratio time(1000) / time(100) of the two cases' medians, whose goal is at most 12×.
//!
//! Each case runs in a fresh child process (this program, re-run with `--child CASE`), so that
//! one case's peak memory is not another's. Inside the child, the kernel's high-water mark is
//! reset just before the timed runs (/proc/self/clear_refs), so "analyse peak" is the memory the
//! analysis itself adds over the loaded corpus. Missing data files make a case "skipped".
//!
//! Options: `--runs N` (most timed runs per case; each case stops early after ~20 s),
//! `--json PATH`, `--shared DIR` (default: ../shared beside the crate), `--analysis-only` (the
//! analysis cases without `stance`).

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use crosscheck::analysis;
    use crosscheck::corpus;
    use serde_json::{json, Value};
    use std::path::{Path, PathBuf};
    use std::process::{Command, ExitCode};
    use std::time::{Duration, Instant};

    const CASES: [&str; 5] = ["seeds", "fnc-100", "fnc-1000", "growth", "stance"];
    /// A case stops repeating after this much timed work (but runs at least MIN_RUNS times),
    /// so a slow analysis makes the benchmark shorter rather than an hour long.
    const TIME_BUDGET: Duration = Duration::from_secs(20);
    const MIN_RUNS: usize = 3;
    const GROWTH_GOAL: f64 = 12.0;
    const N_STANCE_PAIRS: usize = 2000;

    struct Options {
        max_runs: usize,
        json_path: PathBuf,
        shared: PathBuf,
        child_case: Option<String>,
        analysis_only: bool,
    }

    pub fn main() -> ExitCode {
        let options = match parse_options() {
            Ok(options) => options,
            Err(message) => {
                eprintln!("bench: {message}\nusage: bench [--runs N] [--json PATH] [--shared DIR] [--analysis-only]");
                return ExitCode::from(2);
            }
        };
        if let Some(case) = &options.child_case {
            // The child prints one JSON line for the parent and nothing else on stdout.
            println!("{}", run_case(case, &options));
            return ExitCode::SUCCESS;
        }
        let mut results = Vec::new();
        for case in CASES.into_iter().filter(|&case| !(options.analysis_only && case == "stance")) {
            match run_child(case, &options) {
                Ok(result) => results.push(result),
                Err(message) => {
                    eprintln!("bench: case {case} failed: {message}");
                    results.push(json!({"case": case, "failed": message}));
                }
            }
        }
        let report = report(&results);
        print_table(&report);
        match write_json(&options.json_path, &report) {
            Ok(()) => {
                println!("\nJSON copy: {}", options.json_path.display());
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("bench: cannot write {}: {error}", options.json_path.display());
                ExitCode::from(1)
            }
        }
    }

    fn parse_options() -> Result<Options, String> {
        let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut options = Options {
            max_runs: 15,
            json_path: manifest_dir.join("target/bench/native.json"),
            shared: manifest_dir.join("../shared"),
            child_case: None,
            analysis_only: false,
        };
        let mut arguments = std::env::args().skip(1);
        while let Some(argument) = arguments.next() {
            let mut value = || arguments.next().ok_or(format!("{argument} needs a value"));
            match argument.as_str() {
                "--runs" => {
                    let text = value()?;
                    options.max_runs = text
                        .parse()
                        .ok()
                        .filter(|&n| n >= 1)
                        .ok_or(format!("--runs wants a number ≥ 1, not `{text}`"))?
                }
                "--json" => options.json_path = PathBuf::from(value()?),
                "--shared" => options.shared = PathBuf::from(value()?),
                "--child" => options.child_case = Some(value()?),
                "--analysis-only" => options.analysis_only = true,
                // cargo bench / cargo test pass these to every target; they mean nothing here.
                "--bench" | "--nocapture" => {}
                _ => return Err(format!("unknown option `{argument}`")),
            }
        }
        Ok(options)
    }

    fn run_child(case: &str, options: &Options) -> Result<Value, String> {
        let exe = std::env::current_exe().map_err(|error| error.to_string())?;
        let output = Command::new(exe)
            .args(["--child", case, "--runs", &options.max_runs.to_string(), "--shared"])
            .arg(&options.shared)
            .output()
            .map_err(|error| error.to_string())?;
        if !output.status.success() {
            return Err(format!("{} ({})", String::from_utf8_lossy(&output.stderr).trim(), output.status));
        }
        serde_json::from_slice(&output.stdout).map_err(|error| format!("unreadable child output: {error}"))
    }

    /// Runs one case in this process and describes it as JSON.
    fn run_case(case: &str, options: &Options) -> Value {
        let data = &options.shared;
        let loaded = match case {
            "seeds" => read(&data.join("eval/corpora/seeds.json")).and_then(|text| load_corpus(&text)),
            "fnc-100" => fnc_corpus(data, 100),
            "fnc-1000" => fnc_corpus(data, 1000),
            "stance" => return stance_case(case, data, options),
            "growth" => return growth_case(case, data, options),
            _ => return json!({"case": case, "skipped": "unknown case"}),
        };
        let corpus = match loaded {
            Ok(corpus) => corpus,
            Err(reason) => return json!({"case": case, "skipped": reason}),
        };
        let rss_before_kib = proc_status_kib("VmRSS");
        let high_water_mark_reset = reset_high_water_mark();
        // black_box keeps the optimiser from proving a run's result unused and skipping the work.
        let (times, analysis) =
            time_runs(options.max_runs, || std::hint::black_box(analysis::analyse(std::hint::black_box(&corpus))));
        let peak_kib = proc_status_kib("VmHWM");
        json!({
            "case": case,
            "n_sources": corpus.sources.len(),
            "n_chars": corpus.sources.iter().map(|source| source.text.chars().count()).sum::<usize>(),
            "n_claims": analysis.claims.len(),
            "n_links": analysis.links.len(),
            "time_ms": time_summary(&times),
            "peak_rss_kib": peak_kib,
            "rss_before_analyse_kib": rss_before_kib,
            // Only meaningful when the mark was reset: otherwise the peak includes loading.
            "analyse_peak_extra_kib": match (high_water_mark_reset, peak_kib, rss_before_kib) {
                (true, Some(peak), Some(before)) => Some(peak.saturating_sub(before)),
                _ => None,
            },
        })
    }

    /// Times fnc-100 and fnc-1000 in turns (see the module's doc): after one run of each to warm
    /// up, rounds of two runs of the small case and one of the big, for at least MIN_RUNS
    /// rounds and at most `--runs`, stopping after TIME_BUDGET.
    fn growth_case(case: &str, data: &Path, options: &Options) -> Value {
        let (small, big) = match (fnc_corpus(data, 100), fnc_corpus(data, 1000)) {
            (Ok(small), Ok(big)) => (small, big),
            (Err(reason), _) | (_, Err(reason)) => return json!({"case": case, "skipped": reason}),
        };
        // One run of `time_runs`: its analysis is dropped after the clock stops.
        let time = |corpus: &corpus::Corpus| {
            let (times, _) = time_runs(1, || std::hint::black_box(analysis::analyse(std::hint::black_box(corpus))));
            times[0].as_secs_f64() * 1000.0
        };
        time(&small);
        time(&big);
        let (mut small_ms, mut big_ms, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
        let started = Instant::now();
        while ratios.len() < options.max_runs && (ratios.len() < MIN_RUNS || started.elapsed() < TIME_BUDGET) {
            let small_mean = (time(&small) + time(&small)) / 2.0;
            let big_time = time(&big);
            small_ms.push(small_mean);
            big_ms.push(big_time);
            ratios.push(big_time / small_mean);
        }
        json!({
            "case": case,
            "rounds": ratios.len(),
            "ratios": ratios,
            "median_ratio": median(&ratios),
            "small_median_ms": median(&small_ms),
            "big_median_ms": median(&big_ms),
        })
    }

    fn median(values: &[f64]) -> f64 {
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        let middle = sorted.len() / 2;
        if sorted.len() % 2 == 1 {
            sorted[middle]
        } else {
            (sorted[middle - 1] + sorted[middle]) / 2.0
        }
    }

    fn stance_case(case: &str, data: &Path, options: &Options) -> Value {
        let pairs = match fnc_pairs(data, N_STANCE_PAIRS) {
            Ok(pairs) => pairs,
            Err(reason) => return json!({"case": case, "skipped": reason}),
        };
        let mut counts = [0usize; 4];
        let (times, ()) = time_runs(options.max_runs, || {
            counts = [0; 4];
            for (claim, text) in &pairs {
                let slot = match std::hint::black_box(analysis::stance(
                    std::hint::black_box(claim),
                    std::hint::black_box(text),
                )) {
                    analysis::Stance::Supports => 0,
                    analysis::Stance::Contradicts => 1,
                    analysis::Stance::Neutral => 2,
                    analysis::Stance::Unrelated => 3,
                };
                counts[slot] += 1;
            }
        });
        let summary = time_summary(&times);
        let median_s = summary["median"].as_f64().unwrap_or(0.0) / 1000.0;
        json!({
            "case": case,
            "n_pairs": pairs.len(),
            "n_chars": pairs.iter().map(|(claim, text)| claim.chars().count() + text.chars().count()).sum::<usize>(),
            "time_ms": summary,
            "pairs_per_second": if median_s > 0.0 { pairs.len() as f64 / median_s } else { f64::INFINITY },
            "stances": {"supports": counts[0], "contradicts": counts[1], "neutral": counts[2], "unrelated": counts[3]},
            "peak_rss_kib": proc_status_kib("VmHWM"),
        })
    }

    /// Times `work` up to `max_runs` times, stopping early once TIME_BUDGET is spent; returns the
    /// times and the last run's result. Each run's result is dropped before the next run starts,
    /// and outside the timing: a run is timed as the one analysis a user waits for, not with the
    /// previous analysis still in memory and freed at its end (which made the big case's repeated
    /// runs about a fifth slower than its first).
    fn time_runs<R>(max_runs: usize, mut work: impl FnMut() -> R) -> (Vec<Duration>, R) {
        let mut times = Vec::new();
        let mut last = None;
        let started = Instant::now();
        while times.len() < max_runs.max(1) && (times.len() < MIN_RUNS || started.elapsed() < TIME_BUDGET) {
            drop(last.take());
            let run_started = Instant::now();
            let result = work();
            times.push(run_started.elapsed());
            last = Some(result);
        }
        (times, last.expect("at least one run"))
    }

    /// The first run is reported apart: it pays for lazily built tables, as the widget does once.
    fn time_summary(times: &[Duration]) -> Value {
        let mut ms: Vec<f64> = times.iter().map(|time| time.as_secs_f64() * 1000.0).collect();
        let first = ms[0];
        ms.sort_by(f64::total_cmp);
        json!({"runs": ms.len(), "first": first, "median": median(&ms), "min": ms[0], "max": ms[ms.len() - 1]})
    }

    fn read(path: &Path) -> Result<String, String> {
        std::fs::read_to_string(path).map_err(|error| format!("cannot read {}: {error}", path.display()))
    }

    fn load_corpus(text: &str) -> Result<corpus::Corpus, String> {
        let loaded = corpus::from_json(text).map_err(|error| error.to_string())?;
        for problem in &loaded.problems {
            eprintln!("bench: warning: {problem}");
        }
        Ok(loaded.corpus)
    }

    /// The FNC-1 training bodies as (Body ID, text), in Body ID order.
    fn fnc_bodies(data: &Path) -> Result<Vec<(u64, String)>, String> {
        let path = data.join("data/fnc-1/train_bodies.csv");
        let records = parse_csv(&read(&path)?).map_err(|error| format!("{}: {error}", path.display()))?;
        let mut bodies = Vec::new();
        for (index, record) in records.into_iter().enumerate().skip(1) {
            let [id, text]: [String; 2] = record
                .try_into()
                .map_err(|_| format!("{}: record {index} does not have two fields", path.display()))?;
            let id = id.parse().map_err(|_| format!("{}: record {index} has Body ID `{id}`", path.display()))?;
            bodies.push((id, text));
        }
        bodies.sort_by_key(|(id, _)| *id);
        Ok(bodies)
    }

    /// A corpus of the first `n_bodies` FNC-1 bodies, built in memory in the corpus format and
    /// loaded the way `crosscheck analyze` loads a file (so the bench follows the loader's rules).
    fn fnc_corpus(data: &Path, n_bodies: usize) -> Result<corpus::Corpus, String> {
        let bodies = fnc_bodies(data)?;
        if bodies.len() < n_bodies {
            return Err(format!("only {} FNC-1 bodies, {n_bodies} wanted", bodies.len()));
        }
        let sources: Vec<Value> = bodies[..n_bodies]
            .iter()
            .map(|(id, text)| {
                json!({"id": id.to_string(), "name": format!("FNC-1 body {id}"), "kind": "article",
                       "published": "2025-08-20", "text": text})
            })
            .collect();
        let document =
            json!({"version": 1, "title": format!("First {n_bodies} FNC-1 training bodies"), "sources": sources});
        load_corpus(&document.to_string())
    }

    /// The first `n_pairs` (headline, body) pairs of train_stances.csv, in file order.
    fn fnc_pairs(data: &Path, n_pairs: usize) -> Result<Vec<(String, String)>, String> {
        let bodies: std::collections::HashMap<u64, String> = fnc_bodies(data)?.into_iter().collect();
        let path = data.join("data/fnc-1/train_stances.csv");
        let records = parse_csv(&read(&path)?).map_err(|error| format!("{}: {error}", path.display()))?;
        let mut pairs = Vec::new();
        for record in records.into_iter().skip(1).take(n_pairs) {
            let (Some(headline), Some(body)) =
                (record.first(), record.get(1).and_then(|id| id.parse().ok()).and_then(|id: u64| bodies.get(&id)))
            else {
                return Err(format!("{}: a record without headline or known Body ID", path.display()));
            };
            pairs.push((headline.clone(), body.clone()));
        }
        Ok(pairs)
    }

    /// Reads CSV as RFC 4180 writes it: comma-separated fields, records ending in LF or CRLF,
    /// fields in double quotes may hold commas, newlines and doubled quotes (`""` for `"`).
    /// A quote inside an unquoted field is kept as text, as Python's csv module does.
    pub(crate) fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, String> {
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut in_quotes = false;
        let mut field_was_quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if in_quotes {
                if c != '"' {
                    field.push(c);
                } else if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    in_quotes = false;
                }
                continue;
            }
            match c {
                '"' if field.is_empty() && !field_was_quoted => {
                    in_quotes = true;
                    field_was_quoted = true;
                }
                ',' => {
                    record.push(std::mem::take(&mut field));
                    field_was_quoted = false;
                }
                '\r' if chars.peek() == Some(&'\n') => {}
                '\n' => {
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                    field_was_quoted = false;
                }
                _ => field.push(c),
            }
        }
        if in_quotes {
            return Err(format!("a quoted field of record {} is never closed", records.len() + 1));
        }
        if !field.is_empty() || field_was_quoted || !record.is_empty() {
            record.push(field);
            records.push(record);
        }
        Ok(records)
    }

    /// A `Vm…` line of /proc/self/status in KiB; None off Linux.
    fn proc_status_kib(key: &str) -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|line| line.starts_with(key) && line[key.len()..].starts_with(':'))?;
        line[key.len() + 1..].trim().trim_end_matches("kB").trim().parse().ok()
    }

    /// Resets VmHWM to the current RSS (Linux ≥ 4.0), so the next reading is the analysis's peak.
    fn reset_high_water_mark() -> bool {
        std::fs::write("/proc/self/clear_refs", "5").is_ok()
    }

    fn report(results: &[Value]) -> Value {
        let median_of = |case: &str| {
            results.iter().find(|result| result["case"] == case).and_then(|result| result["time_ms"]["median"].as_f64())
        };
        let growth = match (median_of("fnc-100"), median_of("fnc-1000")) {
            (Some(small), Some(large)) if small > 0.0 => Some(large / small),
            _ => None,
        };
        let paired = results.iter().find(|result| result["case"] == "growth").and_then(|r| r["median_ratio"].as_f64());
        json!({
            "benchmark": "crosscheck native analysis",
            "growth_paired_median": paired,
            "build": if cfg!(debug_assertions) { "debug (figures not representative)" } else { "release" },
            "cases": results,
            "growth_time_1000_over_100": growth,
            "growth_goal_max": GROWTH_GOAL,
        })
    }

    fn print_table(report: &Value) {
        println!("crosscheck native benchmark ({} build)\n", report["build"].as_str().unwrap_or("?"));
        println!(
            "{:<9} {:>7} {:>9} {:>7} {:>7} {:>5} {:>10} {:>10} {:>10} {:>10} {:>9} {:>11}",
            "case",
            "sources",
            "chars",
            "claims",
            "links",
            "runs",
            "first ms",
            "median ms",
            "min ms",
            "max ms",
            "peak MiB",
            "analyse MiB"
        );
        let mib = |kib: &Value| kib.as_f64().map_or("-".to_string(), |kib| format!("{:.1}", kib / 1024.0));
        let ms = |value: &Value| {
            value.as_f64().map_or("-".to_string(), |ms| if ms < 10.0 { format!("{ms:.3}") } else { format!("{ms:.1}") })
        };
        let count = |value: &Value| value.as_u64().map_or("-".to_string(), |n| n.to_string());
        for case in report["cases"].as_array().into_iter().flatten() {
            let name = case["case"].as_str().unwrap_or("?");
            if let Some(reason) = case["skipped"].as_str().or(case["failed"].as_str()) {
                println!("{name:<9} skipped: {reason}");
                continue;
            }
            if name == "stance" || name == "growth" {
                continue;
            }
            let time = &case["time_ms"];
            println!(
                "{name:<9} {:>7} {:>9} {:>7} {:>7} {:>5} {:>10} {:>10} {:>10} {:>10} {:>9} {:>11}",
                count(&case["n_sources"]),
                count(&case["n_chars"]),
                count(&case["n_claims"]),
                count(&case["n_links"]),
                count(&time["runs"]),
                ms(&time["first"]),
                ms(&time["median"]),
                ms(&time["min"]),
                ms(&time["max"]),
                mib(&case["peak_rss_kib"]),
                mib(&case["analyse_peak_extra_kib"]),
            );
        }
        println!(
            "\n(peak MiB: the child process's high-water mark; analyse MiB: what analyse adds over the loaded corpus)"
        );
        match report["growth_time_1000_over_100"].as_f64() {
            Some(growth) => println!(
                "growth time(fnc-1000) / time(fnc-100): {growth:.1}× (goal ≤ {GROWTH_GOAL}×: {})",
                if growth <= GROWTH_GOAL { "met" } else { "NOT met" }
            ),
            None => println!("growth time(fnc-1000) / time(fnc-100): skipped"),
        }
        if let Some(growth) = report["cases"].as_array().into_iter().flatten().find(|case| case["case"] == "growth") {
            if let Some(ratio) = growth["median_ratio"].as_f64() {
                let rounds: Vec<String> =
                    growth["ratios"].as_array().into_iter().flatten().filter_map(Value::as_f64).map(|r| format!("{r:.1}")).collect();
                println!(
                    "growth, side by side: {ratio:.1}× (goal ≤ {GROWTH_GOAL}×: {}), median of {} rounds ({}); fnc-100 {} ms, fnc-1000 {} ms",
                    if ratio <= GROWTH_GOAL { "met" } else { "NOT met" },
                    rounds.len(),
                    rounds.join(", "),
                    ms(&growth["small_median_ms"]),
                    ms(&growth["big_median_ms"]),
                );
            }
        }
        if let Some(stance) = report["cases"].as_array().into_iter().flatten().find(|case| case["case"] == "stance") {
            if stance["skipped"].is_null() && stance["failed"].is_null() {
                println!(
                    "stance(): {} FNC-1 pairs in {} ms median of {} runs, {:.0} pairs/s on one thread; peak {} MiB; answers {}",
                    count(&stance["n_pairs"]),
                    ms(&stance["time_ms"]["median"]),
                    count(&stance["time_ms"]["runs"]),
                    stance["pairs_per_second"].as_f64().unwrap_or(f64::NAN),
                    mib(&stance["peak_rss_kib"]),
                    stance["stances"],
                );
            }
        }
    }

    fn write_json(path: &Path, report: &Value) -> std::io::Result<()> {
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        std::fs::write(path, serde_json::to_string_pretty(report)? + "\n")
    }

    #[cfg(test)]
    mod tests {
        use super::{median, parse_csv, time_runs};

        #[test]
        fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
            assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
            assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
            assert_eq!(median(&[7.0]), 7.0);
        }

        #[test]
        fn a_timed_run_starts_with_the_previous_result_dropped_and_the_last_is_returned() {
            use std::cell::Cell;
            use std::rc::Rc;
            let alive = Rc::new(Cell::new(0));
            struct Result(Rc<Cell<i32>>, usize);
            impl Drop for Result {
                fn drop(&mut self) {
                    self.0.set(self.0.get() - 1);
                }
            }
            let mut runs = 0;
            let (times, last) = time_runs(4, || {
                assert_eq!(alive.get(), 0, "the previous run's result is still alive");
                alive.set(alive.get() + 1);
                runs += 1;
                Result(Rc::clone(&alive), runs)
            });
            assert_eq!(times.len(), 4);
            assert_eq!(last.1, 4);
            assert_eq!(alive.get(), 1);
        }

        #[test]
        fn csv_quotes_newlines_and_doubled_quotes() {
            let text = "Body ID,articleBody\r\n0,\"one, \"\"two\"\"\nthree\"\n1,plain\n2,\"\"\n";
            let expected = vec![
                vec!["Body ID", "articleBody"],
                vec!["0", "one, \"two\"\nthree"],
                vec!["1", "plain"],
                vec!["2", ""],
            ];
            assert_eq!(parse_csv(text).unwrap(), expected);
            assert_eq!(parse_csv("a,b").unwrap(), vec![vec!["a", "b"]]);
            assert!(parse_csv("a,\"b\n").is_err());
        }
    }
}
