//! Times the stages of the analysis of a corpus file: `cargo run --release --example stages -- CORPUS.json`.
fn main() {
    use crosscheck::analysis::{decide::Decision, Comparing, Reading};
    let path = std::env::args().nth(1).expect("a corpus file");
    let corpus =
        crosscheck::corpus::from_json(&std::fs::read_to_string(path).expect("readable")).expect("a corpus").corpus;
    let t = std::time::Instant::now();
    let mut reading = Reading::new(&corpus);
    let vocabulary = t.elapsed();
    reading.read_next(usize::MAX);
    let read = t.elapsed();
    let prepared = reading.index();
    let indexed = t.elapsed();
    let mut comparing = Comparing::new(prepared);
    let n = comparing.n_pairs();
    comparing.compare_next(usize::MAX, Decision::shipped());
    let compared = t.elapsed();
    let analysis = comparing.finish(Decision::shipped());
    let finished = t.elapsed();
    println!(
        "vocabulary {:?}, reading {:?}, indexing {:?}, comparing {:?} ({n} pairs), finishing {:?}; {} claims, {} links, {} related",
        vocabulary, read - vocabulary, indexed - read, compared - indexed, finished - compared,
        analysis.claims.len(), analysis.links.len(), analysis.related.len()
    );
}
