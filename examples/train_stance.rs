//! The trainer of the stance model (`analysis::document`, `src/analysis/data/stance-model.json`):
//!
//! ```sh
//! cargo run --release --example train_stance -- [--shared DIR] [--out PATH] [--cv-only]
//! ```
//!
//! It makes the claim/text pairs of the three public stance data sets with `stance.py pairs`
//! (FNC-1: headline and article body; Emergent: claim and article headline; SNLI dev: hypothesis
//! and premise), reads every pair once with the analysis's own code (`document::read`), and fits
//! the multinomial logistic regression (`learn::fit`).
//!
//! - **Cross-validation.** Each data set is split into five folds by a stable hash (FNV-1a) of a
//!   group key, so that related pairs never straddle folds: FNC-1 by article body (every headline
//!   written against one body stays together; bodies with the same text are one group), Emergent
//!   by claim, SNLI by premise. Each fold of all three sets is answered by a model fitted on the
//!   other four folds of all three, its word list chosen on those four alone, and scored as
//!   `stance.py score` scores (FNC-1's relative score, accuracy, per-class and macro F1; on
//!   Emergent and SNLI a predicted `unrelated` counts as `neutral`). Per-fold figures, then mean
//!   ± sample standard deviation over the folds. The figures are printed twice: by the decision
//!   the CLI makes, and by the model alone (without the rules' conflicts in short texts), so
//!   that the rules' part is measured.
//! - **Files for the real CLI.** The fold models go to `EVAL/models/foldK.json` and each pair's fold
//!   to `EVAL/SET/folds.tsv` (`id<TAB>fold`), so that `scripts/eval-stance.sh` can answer every
//!   fold with `crosscheck stance --model` and score it with `stance.py`: the same figures,
//!   through the CLI.
//! - **The shipped model** is fitted on every pair of the three sets and written to `--out`
//!   (default `src/analysis/data/stance-model.json`); `--cv-only` skips it.
//!
//! Weights: each data set weighs the same in total (FNC-1 has 49,972 pairs, SNLI 9,842, Emergent
//! 2,071), so that the small sets matter. Words: a word becomes a feature only if at least
//! `MIN_CLAIMS` different claims (claim words) or `MIN_TEXTS` different texts (headline words) of
//! the training folds have it, so that no word stands for one story. Everything is deterministic:
//! the same model for the same data, whatever `--jobs`.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use crosscheck::analysis::document::{self, Decision, Reading, Rule, Space, WordIndex, CLASSES, RULES};
    use crosscheck::analysis::model::Model;
    use crosscheck::analysis::Stance;
    use crosscheck::learn::{self, Example, Settings};
    use serde_json::Value;
    use std::collections::{BTreeMap, BTreeSet};
    use std::fmt::Write as _;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use std::sync::atomic::{AtomicUsize, Ordering};

    const N_FOLDS: u64 = 5;
    /// A claim word is a feature when this many different training claims have it.
    const MIN_CLAIMS: usize = 10;
    /// A headline word is a feature when this many different training texts have it.
    const MIN_TEXTS: usize = 40;
    const L2: f32 = 1e-3;
    /// How far FNC-1's classes are balanced: each class's weight is multiplied by
    /// (share it would have if the four were equal / its share)^BALANCE. FNC-1 is judged by
    /// macro-F1 too, and its `disagree` class is 2% of the pairs; the other two sets are judged
    /// by accuracy and their classes are near equal, so they are left as they are.
    const BALANCE: f32 = 0.5;
    const ITERATIONS: usize = 1500;
    const LEARNING_RATE: f32 = 0.05;

    /// The data sets: name, the files `stance.py pairs` reads (under the data folder), and which
    /// side of a pair is its group key.
    const SETS: [(&str, &[&str], Side); 3] = [
        ("fnc", &["fnc-1/train_bodies.csv", "fnc-1/train_stances.csv"], Side::Text),
        ("emergent", &["emergent/train.csv"], Side::Claim),
        ("nli", &["nli/snli_dev.jsonl"], Side::Text),
    ];

    #[derive(Clone, Copy)]
    enum Side {
        Claim,
        Text,
    }

    struct Pair {
        set: usize,
        id: u64,
        claim: String,
        text: String,
        gold: Stance,
        fold: u64,
    }

    struct Options {
        shared: PathBuf,
        out: PathBuf,
        eval: PathBuf,
        cv_only: bool,
        dump: Option<PathBuf>,
        n_jobs: usize,
        l2: f32,
        balance: f32,
    }

    fn parse_options() -> Result<Options, String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut options = Options {
            shared: root.join("../shared"),
            out: root.join("src/analysis/data/stance-model.json"),
            eval: root.join("target/eval"),
            cv_only: false,
            dump: None,
            n_jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
            l2: L2,
            balance: BALANCE,
        };
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--shared" => options.shared = args.next().ok_or("--shared needs a folder")?.into(),
                "--out" => options.out = args.next().ok_or("--out needs a path")?.into(),
                "--eval-dir" => options.eval = args.next().ok_or("--eval-dir needs a folder")?.into(),
                "--cv-only" => options.cv_only = true,
                "--dump" => options.dump = Some(args.next().ok_or("--dump needs a path")?.into()),
                "--jobs" => {
                    let value = args.next().ok_or("--jobs needs a number")?;
                    options.n_jobs = value.parse().ok().filter(|&n| n >= 1).ok_or("--jobs wants 1 or more")?;
                }
                "--l2" => {
                    let value = args.next().ok_or("--l2 needs a number")?;
                    options.l2 = value.parse().map_err(|_| format!("--l2: not a number: {value}"))?;
                }
                "--probe" => {
                    // TEMPORARY: claim TAB text lines on stdin -> form, rule, probabilities, stance.
                    use std::io::BufRead;
                    for line in std::io::stdin().lock().lines() {
                        let line = line.map_err(|e| e.to_string())?;
                        let Some((claim, text)) = line.split_once('\t') else { continue };
                        let r = document::read(claim, text);
                        let d = Decision::shipped();
                        let p = d.probabilities(&r).unwrap_or_default();
                        let names = document::dense_names();
                        let nz: Vec<String> = r.dense.iter().enumerate().filter(|(_, v)| **v != 0.0).map(|(i, v)| format!("{}={v:.2}", names[i].split('/').nth(1).unwrap_or(""))).collect();
                        println!("{:?} rule={} p={:?} -> {:?}\n   {}\n   words {:?}\n   {}", r.form, r.rule_contradicts(), p.iter().map(|x| (x * 100.0).round() / 100.0).collect::<Vec<_>>(), d.decide(&r), claim, r.words, nz.join(" "));
                    }
                    std::process::exit(0);
                }
                "--balance" => {
                    let value = args.next().ok_or("--balance needs a number")?;
                    options.balance = value.parse().map_err(|_| format!("--balance: not a number: {value}"))?;
                }
                other => return Err(format!("unknown argument {other:?} (options: --shared DIR, --out PATH, --eval-dir DIR, --cv-only, --jobs N, --l2 X, --balance X)")),
            }
        }
        Ok(options)
    }

    /// FNV-1a: a hash that is the same on every run and platform, for folds.
    fn fnv1a(text: &str) -> u64 {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for &byte in text.as_bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        hash
    }

    fn stance_of(word: &str) -> Option<Stance> {
        match word {
            "supports" => Some(Stance::Supports),
            "contradicts" => Some(Stance::Contradicts),
            "neutral" => Some(Stance::Neutral),
            "unrelated" => Some(Stance::Unrelated),
            _ => None,
        }
    }

    fn class_of(stance: Stance) -> usize {
        match stance {
            Stance::Supports => 0,
            Stance::Contradicts => 1,
            Stance::Neutral => 2,
            Stance::Unrelated => 3,
        }
    }

    /// The pairs of one data set, as `stance.py pairs` makes them.
    fn load(shared: &Path, set: usize) -> Result<Vec<Pair>, String> {
        let (name, files, side) = SETS[set];
        let script = shared.join("eval/stance.py");
        let data = shared.join("data");
        let output = std::process::Command::new("python3")
            .arg(&script)
            .arg("pairs")
            .arg(name)
            .args(files.iter().map(|f| data.join(f)))
            .output()
            .map_err(|e| format!("python3 {}: {e}", script.display()))?;
        if !output.status.success() {
            return Err(format!("stance.py pairs {name} failed: {}", String::from_utf8_lossy(&output.stderr)));
        }
        let text = String::from_utf8(output.stdout).map_err(|e| format!("stance.py pairs {name}: {e}"))?;
        let mut out = Vec::new();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: Value = serde_json::from_str(line).map_err(|e| format!("stance.py pairs {name}: {e}"))?;
            let field = |key: &str| v[key].as_str().map(str::to_string).ok_or(format!("{name}: a pair without {key}"));
            let (claim, text) = (field("claim")?, field("text")?);
            let gold = stance_of(&field("gold")?).ok_or(format!("{name}: unknown gold label"))?;
            let key = match side {
                Side::Claim => &claim,
                Side::Text => &text,
            };
            let fold = fnv1a(key) % N_FOLDS;
            let id = v["id"].as_u64().ok_or(format!("{name}: a pair without a numeric id"))?;
            out.push(Pair { set, id, claim, text, gold, fold });
        }
        Ok(out)
    }

    /// Reads every pair, on `n_jobs` threads; the result is in pair order whatever the threads did.
    fn read_all(pairs: &[Pair], n_jobs: usize) -> Vec<Reading> {
        let next = AtomicUsize::new(0);
        let work = || {
            let mut done = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(pair) = pairs.get(i) else { break };
                done.push((i, document::read(&pair.claim, &pair.text)));
            }
            done
        };
        let mut all: Vec<Option<Reading>> = pairs.iter().map(|_| None).collect();
        std::thread::scope(|scope| {
            let helpers: Vec<_> = (1..n_jobs).map(|_| scope.spawn(work)).collect();
            let mut done = work();
            for helper in helpers {
                match helper.join() {
                    Ok(more) => done.extend(more),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            for (i, reading) in done {
                all[i] = Some(reading);
            }
        });
        all.into_iter().map(|r| r.expect("every pair was read")).collect()
    }

    /// The word features of the pairs `members`: words that enough different claims (or texts) have.
    fn choose_words(pairs: &[Pair], readings: &[Reading], members: &[usize]) -> WordIndex {
        let mut seen: BTreeMap<(Space, &str), BTreeSet<&str>> = BTreeMap::new();
        for &i in members {
            for (space, token) in &readings[i].words {
                let key = match space {
                    Space::ClaimNew => pairs[i].claim.as_str(),
                    Space::TextNew => pairs[i].text.as_str(),
                };
                seen.entry((*space, token.as_str())).or_default().insert(key);
            }
        }
        WordIndex::new(
            seen.into_iter()
                .filter(|((space, _), keys)| {
                    keys.len() >= if *space == Space::ClaimNew { MIN_CLAIMS } else { MIN_TEXTS }
                })
                .map(|((space, token), _)| (space, token.to_string())),
        )
    }

    /// The weight of each pair of `members`: each data set weighs the same in total, and inside
    /// FNC-1 (the first set) the classes are balanced by `balance`.
    fn pair_weights(pairs: &[Pair], members: &[usize], balance: f32) -> Vec<f32> {
        let mut per_set = [0usize; SETS.len()];
        let mut per_class = [[0usize; CLASSES.len()]; SETS.len()];
        for &i in members {
            per_set[pairs[i].set] += 1;
            per_class[pairs[i].set][class_of(pairs[i].gold)] += 1;
        }
        let class_factor = |set: usize, class: usize| -> f32 {
            if set != 0 || per_class[set][class] == 0 {
                return 1.0;
            }
            (per_set[set] as f32 / (CLASSES.len() * per_class[set][class]) as f32).powf(balance)
        };
        // The balanced weights of a set, rescaled to the set's equal share.
        let mut set_total = [0.0f32; SETS.len()];
        for &i in members {
            set_total[pairs[i].set] += class_factor(pairs[i].set, class_of(pairs[i].gold));
        }
        members
            .iter()
            .map(|&i| {
                let set = pairs[i].set;
                let share = members.len() as f32 / SETS.len() as f32;
                share * class_factor(set, class_of(pairs[i].gold)) / set_total[set].max(1e-9)
            })
            .collect()
    }

    /// Fits a model on the pairs `members`.
    fn fit(pairs: &[Pair], readings: &[Reading], members: &[usize], options: &Options) -> Model {
        let words = choose_words(pairs, readings, members);
        let weights = pair_weights(pairs, members, options.balance);
        let examples: Vec<Example> = members
            .iter()
            .zip(weights)
            .map(|(&i, weight)| Example { x: readings[i].features(&words), label: class_of(pairs[i].gold), weight })
            .collect();
        let names = words.names();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let settings = Settings { l2: options.l2, iterations: ITERATIONS, learning_rate: LEARNING_RATE };
        learn::fit(&examples, &CLASSES, &names, settings)
    }

    /// Scores as `stance.py score` does.
    #[derive(Clone, Debug, Default)]
    struct Score {
        n: usize,
        accuracy: f64,
        f1: BTreeMap<&'static str, f64>,
        macro_f1: f64,
        fnc_relative: Option<f64>,
    }

    fn label(stance: Stance) -> &'static str {
        CLASSES[class_of(stance)]
    }

    fn score(set: &str, gold: &[Stance], predicted: &[Stance]) -> Score {
        let predicted: Vec<Stance> = predicted
            .iter()
            .map(|&p| if set != "fnc" && p == Stance::Unrelated { Stance::Neutral } else { p })
            .collect();
        let labels: BTreeSet<&'static str> = gold.iter().map(|&g| label(g)).collect();
        let n = gold.len();
        let mut f1 = BTreeMap::new();
        for &l in &labels {
            let count = |f: &dyn Fn(&str, &str) -> bool| {
                gold.iter().zip(&predicted).filter(|(g, p)| f(label(**g), label(**p))).count()
            };
            let tp = count(&|g, p| g == l && p == l);
            let fp = count(&|g, p| g != l && p == l);
            let fn_ = count(&|g, p| g == l && p != l);
            f1.insert(l, if tp == 0 { 0.0 } else { 2.0 * tp as f64 / (2 * tp + fp + fn_) as f64 });
        }
        let correct = gold.iter().zip(&predicted).filter(|(g, p)| g == p).count();
        let fnc_relative = (set == "fnc").then(|| {
            let (mut got, mut best) = (0.0, 0.0);
            for (&g, &p) in gold.iter().zip(&predicted) {
                let unrelated = |s: Stance| s == Stance::Unrelated;
                best += if unrelated(g) { 0.25 } else { 1.0 };
                if unrelated(g) == unrelated(p) {
                    got += 0.25;
                    if !unrelated(g) && g == p {
                        got += 0.75;
                    }
                }
            }
            got / best
        });
        Score {
            n,
            accuracy: correct as f64 / n.max(1) as f64,
            macro_f1: f1.values().sum::<f64>() / labels.len().max(1) as f64,
            f1,
            fnc_relative,
        }
    }

    fn mean_sd(values: &[f64]) -> (f64, f64) {
        let n = values.len() as f64;
        let mean = values.iter().sum::<f64>() / n.max(1.0);
        let var =
            if values.len() > 1 { values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0) } else { 0.0 };
        (mean, var.sqrt())
    }

    /// Per-fold table and mean ± sd of one data set's scores.
    fn report(set: &str, scores: &[Score]) -> String {
        type Column = (String, Box<dyn Fn(&Score) -> f64>);
        let mut columns: Vec<Column> = vec![
            ("accuracy".into(), Box::new(|s: &Score| s.accuracy)),
            ("macro-F1".into(), Box::new(|s: &Score| s.macro_f1)),
        ];
        for l in scores.first().map(|s| s.f1.keys().copied().collect::<Vec<_>>()).unwrap_or_default() {
            columns.push((format!("F1 {l}"), Box::new(move |s: &Score| s.f1.get(l).copied().unwrap_or(0.0))));
        }
        if set == "fnc" {
            columns.push(("FNC rel".into(), Box::new(|s: &Score| s.fnc_relative.unwrap_or(0.0))));
        }
        let mut out = format!("   {:<8}{:>7}", "fold", "n");
        for (name, _) in &columns {
            let _ = write!(out, "{name:>15}");
        }
        out.push('\n');
        for (k, s) in scores.iter().enumerate() {
            let _ = write!(out, "   {:<8}{:>7}", k + 1, s.n);
            for (_, get) in &columns {
                let _ = write!(out, "{:>15.4}", get(s));
            }
            out.push('\n');
        }
        let _ = write!(out, "   {:<15}", "mean ± sd");
        for (_, get) in &columns {
            let (mean, sd) = mean_sd(&scores.iter().map(get).collect::<Vec<_>>());
            let _ = write!(out, "{:>15}", format!("{mean:.3}±{sd:.3}"));
        }
        out.push('\n');
        out
    }

    /// The model as JSON, one line per feature name and per class's weights: small, and a diff
    /// of two trainings stays readable.
    fn model_json(model: &Model) -> Result<String, String> {
        let mut out = String::from("{\n");
        let _ = writeln!(out, "  \"classes\": {},", json(&model.classes)?);
        out.push_str("  \"features\": [\n");
        for (i, name) in model.features.iter().enumerate() {
            let comma = if i + 1 < model.features.len() { "," } else { "" };
            let _ = writeln!(out, "    {}{comma}", json(name)?);
        }
        out.push_str("  ],\n  \"weights\": [\n");
        for (i, row) in model.weights.iter().enumerate() {
            let comma = if i + 1 < model.weights.len() { "," } else { "" };
            let _ = writeln!(out, "    {}{comma}", json(row)?);
        }
        out.push_str("  ],\n");
        let _ = writeln!(out, "  \"bias\": {},", json(&model.bias)?);
        let _ = writeln!(out, "  \"thresholds\": {},", json(&model.thresholds)?);
        let _ = writeln!(out, "  \"note\": {}", json(&model.note)?);
        out.push_str("}\n");
        Ok(out)
    }

    fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, String> {
        serde_json::to_string(value).map_err(|e| e.to_string())
    }

    fn write(path: &Path, text: &str) -> Result<(), String> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn main() -> ExitCode {
        match run() {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("train_stance: {message}");
                ExitCode::FAILURE
            }
        }
    }

    fn run() -> Result<(), String> {
        let options = parse_options()?;
        if !options.shared.join("data").is_dir() || !options.shared.join("eval/stance.py").is_file() {
            return Err(format!(
                "{} has no data/ or eval/stance.py: the pairs are made from there (--shared DIR)",
                options.shared.display()
            ));
        }
        let mut pairs = Vec::new();
        for set in 0..SETS.len() {
            pairs.extend(load(&options.shared, set)?);
        }
        let started = std::time::Instant::now();
        let readings = read_all(&pairs, options.n_jobs);
        println!(
            "read {} pairs in {:.0} s on {} threads",
            pairs.len(),
            started.elapsed().as_secs_f64(),
            options.n_jobs
        );
        for (set, (name, _, _)) in SETS.iter().enumerate() {
            let mut forms: BTreeMap<&str, usize> = BTreeMap::new();
            let mut folds = [0usize; N_FOLDS as usize];
            let mut tsv = String::new();
            for (pair, reading) in pairs.iter().zip(&readings).filter(|(p, _)| p.set == set) {
                *forms.entry(reading.form.name()).or_default() += 1;
                folds[pair.fold as usize] += 1;
                let _ = writeln!(tsv, "{}\t{}", pair.id, pair.fold + 1);
            }
            println!("  {name}: {} pairs, forms {forms:?}, per fold {folds:?}", folds.iter().sum::<usize>());
            write(&options.eval.join(name).join("folds.tsv"), &tsv)?;
        }

        // Cross-validation: every pair answered by the model of its fold, as the CLI answers it,
        // and by the model with each rule left out, to measure the rules.
        let variants: Vec<(String, Vec<Rule>)> =
            std::iter::once(("the CLI's decision (rules, then model)".to_string(), RULES.to_vec()))
                .chain(RULES.iter().skip(1).map(|left_out| {
                    (
                        format!("without the rule {left_out:?}"),
                        RULES.iter().copied().filter(|r| r != left_out).collect(),
                    )
                }))
                .chain(std::iter::once(("the model alone".to_string(), vec![Rule::Empty])))
                .collect();
        let mut answers: Vec<Vec<Stance>> = vec![vec![Stance::Unrelated; pairs.len()]; variants.len()];
        let mut held_out_probabilities: Vec<Vec<f32>> = vec![Vec::new(); pairs.len()];
        for fold in 0..N_FOLDS {
            let train: Vec<usize> = (0..pairs.len()).filter(|&i| pairs[i].fold != fold).collect();
            let started = std::time::Instant::now();
            let model = fit(&pairs, &readings, &train, &options);
            let n_words = model.features.len() - document::dense_names().len();
            write(&options.eval.join(format!("models/fold{}.json", fold + 1)), &model_json(&model)?)?;
            let decision = Decision::from_model(model)?;
            for i in (0..pairs.len()).filter(|&i| pairs[i].fold == fold) {
                let reading = &readings[i];
                held_out_probabilities[i] = decision.probabilities(reading).unwrap_or_default();
                for (v, (_, rules)) in variants.iter().enumerate() {
                    answers[v][i] = decision.decide_with(reading, rules);
                }
                assert_eq!(answers[0][i], decision.decide(reading), "the trainer decides as the CLI does");
            }
            println!(
                "fold {} held out: model fitted on {} pairs ({n_words} word features) in {:.0} s",
                fold + 1,
                train.len(),
                started.elapsed().as_secs_f64()
            );
        }
        let scores_of = |answers: &[Stance], set: usize| -> Vec<Score> {
            (0..N_FOLDS)
                .map(|fold| {
                    let members: Vec<usize> =
                        (0..pairs.len()).filter(|&i| pairs[i].set == set && pairs[i].fold == fold).collect();
                    let gold: Vec<Stance> = members.iter().map(|&i| pairs[i].gold).collect();
                    let predicted: Vec<Stance> = members.iter().map(|&i| answers[i]).collect();
                    score(SETS[set].0, &gold, &predicted)
                })
                .collect()
        };
        println!(
            "
cross-validated, {}:",
            variants[0].0
        );
        for (set, (name, _, _)) in SETS.iter().enumerate() {
            println!("== {name}\n{}", report(name, &scores_of(&answers[0], set)));
        }
        println!("the rules' part (mean over folds; FNC-1: relative score / macro-F1, the others: accuracy):");
        for ((title, _), answers) in variants.iter().zip(&answers) {
            let mut line = format!("   {title:<40}");
            for (set, (set_name, _, _)) in SETS.iter().enumerate() {
                let scores = scores_of(answers, set);
                let mean = |get: &dyn Fn(&Score) -> f64| mean_sd(&scores.iter().map(get).collect::<Vec<_>>()).0;
                let _ = if set == 0 {
                    write!(line, " fnc {:.3} / {:.3}", mean(&|s| s.fnc_relative.unwrap_or(0.0)), mean(&|s| s.macro_f1))
                } else {
                    write!(line, "   {} {:.3}", set_name, mean(&|s| s.accuracy))
                };
            }
            println!("{line}");
        }
        if let Some(path) = &options.dump {
            let names = document::dense_names();
            let mut out = String::new();
            for (i, (pair, reading)) in pairs.iter().zip(&readings).enumerate() {
                let dense: serde_json::Map<String, Value> = names
                    .iter()
                    .zip(&reading.dense)
                    .map(|(n, v)| (n.trim_start_matches("all/").to_string(), serde_json::json!(v)))
                    .collect();
                let line = serde_json::json!({
                    "set": SETS[pair.set].0, "id": pair.id, "fold": pair.fold + 1, "gold": label(pair.gold),
                    "answer": label(answers[0][i]), "p": held_out_probabilities[i], "form": reading.form.name(),
                    "n_words": reading.n_words, "dense": dense,
                });
                let _ = writeln!(out, "{line}");
            }
            write(path, &out)?;
        }
        if options.cv_only {
            return Ok(());
        }
        let everything: Vec<usize> = (0..pairs.len()).collect();
        let mut model = fit(&pairs, &readings, &everything, &options);
        let mut counts = [0usize; SETS.len()];
        for pair in &pairs {
            counts[pair.set] += 1;
        }
        model.note = format!(
            "Stance model: multinomial logistic regression over analysis::document's features, one block per form of text, fitted by examples/train_stance.rs on FNC-1 train ({} pairs), Emergent train ({}) and SNLI dev ({}), each set weighing the same; l2 {}, {} Adam steps; words seen with at least {MIN_CLAIMS} claims or {MIN_TEXTS} texts.",
            counts[0], counts[1], counts[2], options.l2, ITERATIONS
        );
        Decision::from_model(model.clone())?;
        let text = model_json(&model)?;
        write(&options.out, &text)?;
        println!("\nwrote {} ({} features, {} bytes)", options.out.display(), model.features.len(), text.len());
        Ok(())
    }
}
