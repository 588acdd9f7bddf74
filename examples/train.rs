//! The trainer of the links model: `scripts/train.sh` (or `cargo run --release --example train`).
//!
//! It reads the hand-labelled pairs of `../shared/eval/` (the six real stories of `news/` and the
//! seed story's three gold files), computes the features of every labelled pair of claims with the
//! analysis's own code, and fits the multinomial logistic regression of `analysis::decide`
//! (`learn::fit`). Nothing is tested on what it was trained on:
//!
//! - **Cross-validation by story.** Each of the seven stories (six news stories and the seeds) is
//!   held out in turn: a model is fitted on the other six, its thresholds are chosen on those six
//!   alone (leave-one-story-out inside them), and the held-out story is analysed with it and
//!   scored against its gold exactly as `score.py` scores (`eval::score`). The held-out analyses
//!   are written to `target/cv/` so that `score.py` can check every figure.
//! - **The shipped model** is fitted on all seven stories, with thresholds chosen the same way
//!   (leave-one-story-out over all seven), and written to `src/analysis/data/links-model.json`.
//!
//! Options: `--shared DIR` (default ../shared beside the crate), `--out PATH`, `--cv-only`
//! (report the cross-validation, write no model), `--dump PATH` (every labelled pair's features
//! as JSON lines, for reading the misses).

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use crosscheck::analysis::decide::{self, Decision, CLASSES};
    use crosscheck::analysis::{analyse_with, features, Prepared};
    use crosscheck::corpus::{self, Corpus};
    use crosscheck::eval::{self, ClaimIndex, Gold, Score};
    use crosscheck::learn::{self, Example, Settings};
    use serde_json::json;
    use std::collections::{BTreeMap, BTreeSet};
    use std::io::Write;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    /// One corpus with the gold files that label it.
    struct Labelled {
        name: String,
        corpus: Corpus,
        golds: Vec<(String, Gold)>,
    }

    /// A story: the unit of cross-validation.
    struct Story {
        name: String,
        corpora: Vec<Labelled>,
    }

    /// A labelled pair of claims of one corpus, with what the decision needs to simulate it.
    #[derive(Clone)]
    struct Pair {
        gold_key: (String, String),
        relation: String,
        example: Example,
        /// A conflicting detail could be named for this pair.
        nameable: bool,
        /// The rules alone found a conflicting detail.
        rule_conflict: bool,
        /// Some detail is in conflict, whatever the rules' gates said.
        detail_conflict: bool,
        /// Each claim is about a person the other does not name (`decide::different_subjects`).
        different_subjects: bool,
        json: serde_json::Value,
    }

    struct Options {
        shared: PathBuf,
        out: PathBuf,
        cv_only: bool,
        dump: Option<PathBuf>,
    }

    fn parse_options() -> Result<Options, String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut options = Options {
            shared: root.join("../shared"),
            out: root.join("src/analysis/data/links-model.json"),
            cv_only: false,
            dump: None,
        };
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--shared" => options.shared = args.next().ok_or("--shared needs a folder")?.into(),
                "--out" => options.out = args.next().ok_or("--out needs a path")?.into(),
                "--dump" => options.dump = Some(args.next().ok_or("--dump needs a path")?.into()),
                "--cv-only" => options.cv_only = true,
                other => return Err(format!("unknown argument {other:?}")),
            }
        }
        Ok(options)
    }

    fn read(path: &Path) -> Result<String, String> {
        std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
    }

    fn labelled(corpus_path: &Path, gold_paths: &[PathBuf]) -> Result<Labelled, String> {
        let corpus =
            corpus::from_json(&read(corpus_path)?).map_err(|e| format!("{}: {e}", corpus_path.display()))?.corpus;
        let mut golds = Vec::new();
        for path in gold_paths {
            let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
            golds.push((name, Gold::from_json(&read(path)?)?));
        }
        let name = corpus_path.file_stem().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        Ok(Labelled { name, corpus, golds })
    }

    fn stories(shared: &Path) -> Result<Vec<Story>, String> {
        let eval = shared.join("eval");
        let mut out = vec![Story {
            name: "seeds".into(),
            corpora: vec![
                labelled(
                    &eval.join("corpora/seeds.json"),
                    &[eval.join("seeds-gold.json"), eval.join("seeds-links-gold.json")],
                )?,
                labelled(&eval.join("corpora/planted-public.json"), &[eval.join("planted-public-gold.json")])?,
            ],
        }];
        let mut news: Vec<PathBuf> = std::fs::read_dir(eval.join("news"))
            .map_err(|e| format!("{}: {e}", eval.join("news").display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json") && !p.to_string_lossy().ends_with("-gold.json"))
            .collect();
        news.sort();
        for path in news {
            let stem = path.file_stem().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
            let gold = path.with_file_name(format!("{stem}-gold.json"));
            if gold.exists() {
                out.push(Story { name: stem, corpora: vec![labelled(&path, &[gold])?] });
            }
        }
        Ok(out)
    }

    fn class_of(relation: &str) -> Option<usize> {
        match relation {
            "distinct" => Some(0),
            "partial" => Some(1),
            "supports" => Some(2),
            "contradicts" => Some(3),
            _ => None,
        }
    }

    /// The labelled pairs of a story, each claim pair once.
    fn pairs(story: &Story) -> Result<Vec<Pair>, String> {
        let mut out = Vec::new();
        for labelled in &story.corpora {
            let prepared = Prepared::new(&labelled.corpus);
            let index = ClaimIndex::new(
                &labelled.corpus,
                (0..prepared.n_claims()).map(|i| {
                    let (source, span) = prepared.claim_place(i);
                    (prepared.sources[source].id.0.clone(), (span.start, span.end))
                }),
            );
            let mut seen: BTreeSet<(usize, usize)> = BTreeSet::new();
            for (gold_name, gold) in &labelled.golds {
                for p in &gold.pairs {
                    let Some(label) = class_of(&p.relation) else { continue };
                    for x in index.covering(&p.a)? {
                        for y in index.covering(&p.b)? {
                            let (i, j) = (x.min(y), x.max(y));
                            if prepared.claim_place(i).0 == prepared.claim_place(j).0 || !seen.insert((i, j)) {
                                continue;
                            }
                            let c = prepared.compare(i, j);
                            let (a, b) = (&prepared.slots[i], &prepared.slots[j]);
                            let nameable = decide::named_conflict(a, b, c.verdict.clone(), &c.findings).is_some();
                            let json = json!({
                                "story": story.name, "corpus": labelled.name, "gold": gold_name, "pair": p.id,
                                "relation": p.relation, "i": i, "j": j, "nameable": nameable, "subjects": decide::different_subjects(a, b), "subject_a": a.subject, "subject_b": b.subject,
                                "features": features::NAMES.iter().zip(c.features).map(|(n, v)| (n.to_string(), json!(v))).collect::<serde_json::Map<_, _>>(),
                                "a": p.a.quote, "b": p.b.quote,
                            });
                            let rule_conflict =
                                matches!(c.verdict, crosscheck::analysis::stance::Verdict::Contradicts { .. });
                            let detail_conflict = decide::detail_conflict(&c.findings).is_some();
                            let different_subjects = decide::different_subjects(a, b);
                            out.push(Pair {
                                rule_conflict,
                                detail_conflict,
                                different_subjects,
                                gold_key: (format!("{}/{gold_name}", labelled.name), p.id.clone()),
                                relation: p.relation.clone(),
                                example: Example::dense(&c.features, label),
                                nameable,
                                json,
                            });
                        }
                    }
                }
            }
        }
        Ok(out)
    }

    /// The L2 penalty: chosen among 3e-4, 3e-3, 1e-2, 3e-2 and 1e-1 on the cross-validation.
    const L2: f32 = 3e-2;

    fn fit(pairs: &[&Pair]) -> crosscheck::analysis::model::Model {
        let examples: Vec<Example> = pairs.iter().map(|p| p.example.clone()).collect();
        learn::fit(&examples, &CLASSES, &features::NAMES, Settings { l2: L2, iterations: 1500, learning_rate: 0.05 })
    }

    /// Figures of a simulated decision on labelled pairs with out-of-fold probabilities.
    #[derive(Default)]
    struct Simulated {
        supports_ok: usize,
        supports_linked: usize,
        supports_found: usize,
        n_supports: usize,
        contradicts_ok: usize,
        contradicts_linked: usize,
        contradicts_found: usize,
        n_contradicts: usize,
    }

    fn simulate(pairs: &[&Pair], probabilities: &[Vec<f32>], t: [f32; 4]) -> Simulated {
        let mut by_gold: BTreeMap<&(String, String), (&str, BTreeSet<&str>)> = BTreeMap::new();
        for (pair, p) in pairs.iter().zip(probabilities) {
            let entry = by_gold.entry(&pair.gold_key).or_insert((pair.relation.as_str(), BTreeSet::new()));
            let (t_distinct, t_supports, t_contradicts) = (t[0], t[2], t[3]);
            let backing = p[1] + p[2] >= t_supports;
            if pair.rule_conflict {
                if p[0] <= t_distinct || backing {
                    entry.1.insert("contradicts");
                }
            } else if (backing && pair.detail_conflict) || (p[3] >= t_contradicts && pair.nameable) {
                entry.1.insert("contradicts");
            } else if backing && !pair.different_subjects {
                entry.1.insert("supports");
            }
        }
        let mut s = Simulated::default();
        for (relation, links) in by_gold.values() {
            s.n_supports += usize::from(*relation == "supports");
            s.n_contradicts += usize::from(*relation == "contradicts");
            if links.contains("supports") {
                s.supports_linked += 1;
                s.supports_ok += usize::from(matches!(*relation, "supports" | "partial"));
                s.supports_found += usize::from(*relation == "supports");
            }
            if links.contains("contradicts") {
                s.contradicts_linked += 1;
                s.contradicts_ok += usize::from(*relation == "contradicts");
                s.contradicts_found += usize::from(*relation == "contradicts");
            }
        }
        s
    }

    /// The highest probability of `distinct` at which a conflict the rules found stands.
    const T_DISTINCT: f32 = 0.5;

    /// F-beta with beta = 0.5: precision counts four times as much as recall.
    fn f_half(ok: usize, linked: usize, found: usize, of: usize) -> f64 {
        if linked == 0 || of == 0 || ok == 0 {
            return 0.0;
        }
        let (p, r) = (ok as f64 / linked as f64, found as f64 / of as f64);
        1.25 * p * r / (0.25 * p + r)
    }

    /// The share of the labelled backings the supports threshold must keep on the out-of-fold
    /// probabilities it is chosen on: issue 9 asks for a recall of 0.70 on stories never seen,
    /// and held-out recall runs a few points below the folds' own.
    const MIN_SUPPORTS_RECALL: f64 = 0.77;

    /// Thresholds chosen on out-of-fold probabilities, on a grid of 0.025: supports at the best
    /// precision that keeps `MIN_SUPPORTS_RECALL` (at its best F0.5 if none does), then the two
    /// ways to a contradiction together at their best F0.5.
    fn choose_thresholds(pairs: &[&Pair], probabilities: &[Vec<f32>]) -> [f32; 4] {
        let grid: Vec<f32> = (4..=40).map(|k| k as f32 * 0.025).collect();
        // (meets the recall, precision or F0.5, threshold): the first two compared in order.
        let mut best_s = (false, f64::MIN, 0.5);
        for &t in &grid {
            let s = simulate(pairs, probabilities, [-1.0, 1.0, t, 2.0]);
            let recall = s.supports_found as f64 / s.n_supports.max(1) as f64;
            let candidate = if recall >= MIN_SUPPORTS_RECALL {
                (true, s.supports_ok as f64 / s.supports_linked.max(1) as f64, t)
            } else {
                (false, f_half(s.supports_ok, s.supports_linked, s.supports_found, s.n_supports), t)
            };
            if (candidate.0, candidate.1) > (best_s.0, best_s.1) {
                best_s = candidate;
            }
        }
        let best_s = (best_s.1, best_s.2);
        let mut best_c = (f64::MIN, [0.0, 1.0, best_s.1, 2.0]);
        // A conflict the rules found stands when the model finds the pair more likely one fact
        // than two (P(distinct) <= 0.5): a fixed rule, as searching it too was unstable across
        // folds (0.1 to 1.0 for the same data).
        for &t_distinct in &[T_DISTINCT] {
            for &t_contradicts in grid.iter().chain([2.0].iter()) {
                let t = [t_distinct, 1.0, best_s.1, t_contradicts];
                let s = simulate(pairs, probabilities, t);
                let f = f_half(s.contradicts_ok, s.contradicts_linked, s.contradicts_found, s.n_contradicts);
                if f > best_c.0 {
                    best_c = (f, t);
                }
            }
        }
        best_c.1
    }

    /// A model fitted on `train` (stories by index) with thresholds chosen by leave-one-story-out
    /// inside `train`.
    fn fit_with_thresholds(all: &[Vec<Pair>], train: &[usize]) -> crosscheck::analysis::model::Model {
        let mut oof_pairs: Vec<&Pair> = Vec::new();
        let mut oof_probabilities: Vec<Vec<f32>> = Vec::new();
        for &held in train {
            let rest: Vec<&Pair> = train.iter().filter(|&&s| s != held).flat_map(|&s| all[s].iter()).collect();
            let model = fit(&rest);
            for pair in &all[held] {
                oof_probabilities.push(learn::predict(&model, &pair.example.x));
                oof_pairs.push(pair);
            }
        }
        let thresholds = choose_thresholds(&oof_pairs, &oof_probabilities);
        let everything: Vec<&Pair> = train.iter().flat_map(|&s| all[s].iter()).collect();
        let mut model = fit(&everything);
        model.thresholds = thresholds.to_vec();
        model
    }

    fn score_story(story: &Story, decision: &Decision, cv_dir: &Path) -> Result<Score, String> {
        let mut total = Score::default();
        for labelled in &story.corpora {
            let analysis = analyse_with(&labelled.corpus, decision);
            let _ = std::fs::create_dir_all(cv_dir);
            let path = cv_dir.join(format!("{}.json", labelled.name));
            std::fs::write(&path, serde_json::to_string(&analysis).map_err(|e| e.to_string())?)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            for (name, gold) in &labelled.golds {
                let others: Vec<&Gold> = labelled.golds.iter().filter(|(n, _)| n != name).map(|(_, g)| g).collect();
                // The seeds' own gold is scored on its own: its figures have bars of their own.
                if name == "seeds-links-gold.json" || name == "planted-public-gold.json" {
                    let score = eval::score(&labelled.corpus, &analysis, gold, &others)?;
                    println!("    {:<28} {}", name, score.summary());
                    continue;
                }
                let score = eval::score(&labelled.corpus, &analysis, gold, &others)?;
                println!("    {:<28} {}", name, score.summary());
                total.add(&score);
            }
        }
        Ok(total)
    }

    pub fn main() -> ExitCode {
        match run() {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("train: {message}");
                ExitCode::FAILURE
            }
        }
    }

    fn run() -> Result<(), String> {
        let options = parse_options()?;
        if !options.shared.join("eval").is_dir() {
            return Err(format!(
                "{} not found: the gold files are read from there (--shared DIR)",
                options.shared.join("eval").display()
            ));
        }
        let stories = stories(&options.shared)?;
        let all: Vec<Vec<Pair>> = stories.iter().map(pairs).collect::<Result<_, _>>()?;
        if let Some(path) = &options.dump {
            let mut out =
                std::io::BufWriter::new(std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?);
            for pair in all.iter().flatten() {
                writeln!(out, "{}", pair.json).map_err(|e| e.to_string())?;
            }
        }
        for (story, pairs) in stories.iter().zip(&all) {
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for p in pairs {
                *counts.entry(p.relation.as_str()).or_default() += 1;
            }
            println!("{:<20} {} labelled claim pairs {counts:?}", story.name, pairs.len());
        }
        println!("\ncross-validation by story (each held out in turn; its model and thresholds never saw it):");
        let cv_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/cv");
        let mut news = Score::default();
        for (held, story) in stories.iter().enumerate() {
            let train: Vec<usize> = (0..stories.len()).filter(|&s| s != held).collect();
            let model = fit_with_thresholds(&all, &train);
            println!("  {} held out (thresholds {:?}):", story.name, model.thresholds);
            let decision = Decision::from_json(&serde_json::to_string(&model).map_err(|e| e.to_string())?)?;
            let score = score_story(story, &decision, &cv_dir)?;
            if story.name != "seeds" {
                news.add(&score);
            }
        }
        println!("\nnews, six held-out stories summed: {}", news.summary());
        if options.cv_only {
            return Ok(());
        }
        let everything: Vec<usize> = (0..stories.len()).collect();
        let mut model = fit_with_thresholds(&all, &everything);
        model.note = format!(
            "Links model: multinomial logistic regression over analysis::features, fitted by examples/train.rs on {} labelled claim pairs of {} stories (../shared/eval: news/ and the seeds' gold); thresholds chosen by leave-one-story-out.",
            all.iter().map(Vec::len).sum::<usize>(),
            stories.len()
        );
        let text = serde_json::to_string_pretty(&model).map_err(|e| e.to_string())?;
        std::fs::write(&options.out, text + "\n").map_err(|e| format!("{}: {e}", options.out.display()))?;
        println!("\nwrote {} (thresholds {:?})", options.out.display(), model.thresholds);
        Ok(())
    }
}
