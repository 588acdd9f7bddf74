//! Debug aid: prints the slots and findings of two claims. `cargo run --example why -- "A" "B"`
fn main() {
    use crosscheck::analysis::{align, slots, stance};
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (a, b) = (&args[0], &args[1]);
    let vocabulary = slots::Vocabulary::from_texts([a.as_str(), b.as_str()]);
    let sa = slots::read(a, None, &vocabulary);
    let sb = slots::read(b, None, &vocabulary);
    let weights = align::Weights::new([&sa, &sb]);
    let sim = align::similarity(&sa, &sb, &weights);
    println!("A predicates: {:?}", sa.predicates.iter().map(|p| (p.class.clone(), p.negative)).collect::<Vec<_>>());
    println!("B predicates: {:?}", sb.predicates.iter().map(|p| (p.class.clone(), p.negative)).collect::<Vec<_>>());
    println!(
        "A names: {:?}\nB names: {:?}",
        sa.names.iter().map(|n| &n.key).collect::<Vec<_>>(),
        sb.names.iter().map(|n| &n.key).collect::<Vec<_>>()
    );
    println!("A quantities: {:?}", sa.quantities.iter().map(|q| (q.value, q.noun_class.clone())).collect::<Vec<_>>());
    println!("B quantities: {:?}", sb.quantities.iter().map(|q| (q.value, q.noun_class.clone())).collect::<Vec<_>>());
    println!("A dates: {:?}", sa.dates.iter().map(|d| (d.value.named, d.event.clone())).collect::<Vec<_>>());
    println!("B dates: {:?}", sb.dates.iter().map(|d| (d.value.named, d.event.clone())).collect::<Vec<_>>());
    println!("similarity {:.3} frame {:.3} shared {:?}", sim.score, sim.frame, sim.shared);
    let f = stance::examine(&sa, &sb, &sim);
    println!("{f:#?}");
    println!("verdict {:?}", stance::compare(&sa, &sb, &sim));
}
