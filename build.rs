//! Copies the analysis's data tables (`src/analysis/data/*.tsv`, `*.txt`) into `OUT_DIR` without
//! their comment and blank lines, for `include_str!`: the comments document each table's format
//! for whoever edits it, and the wasm need not carry them (about 4 KB).

use std::fs;
use std::path::Path;

fn main() {
    let source = Path::new("src/analysis/data");
    println!("cargo::rerun-if-changed={}", source.display());
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("data");
    fs::create_dir_all(&out).expect("OUT_DIR is writable");
    for entry in fs::read_dir(source).expect("src/analysis/data exists") {
        let path = entry.expect("a readable directory entry").path();
        let is_table = path.extension().is_some_and(|e| e == "tsv" || e == "txt");
        if !is_table {
            continue;
        }
        let text = fs::read_to_string(&path).expect("a data table is UTF-8");
        let kept: String = text
            .lines()
            .filter(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
            .flat_map(|line| [line, "\n"])
            .collect();
        let name = path.file_name().expect("a file name");
        fs::write(out.join(name), kept).expect("OUT_DIR is writable");
    }
}
