//! One self-contained HTML page for a story: the widget's wasm, its JavaScript glue, its CSS and
//! the corpus all inlined, so the file works when opened from disk (file://) with no server.
//!
//! [`bundle_html`] is pure: it takes the embed build's files ([`EmbedFiles`], as
//! `scripts/build-pkg.sh` writes them into `pkg/`) and a corpus, and returns the page.
//! [`EmbedFiles::read`] is the only I/O here, a convenience for the CLI.
//!
//! How the page works: the corpus sits in a `<script type="application/json">` that the widget
//! reads as `data-corpus="#crosscheck-corpus"`; the glue runs in an inline module script and is
//! given the wasm bytes (base64 in the page) instead of fetching a file, which file:// forbids.
//! The page deliberately does not use the `crosscheck.js` loader (it would fetch its neighbours)
//! and sets no Content-Security-Policy: it is a document a reader opens, not a host for embeds.
//!
//! Native only (the CLI's): it is never compiled into the wasm.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::analysis::Analysis;
use crate::corpus::Corpus;
use crate::precomputed;

/// The wasm-bindgen glue `scripts/build-pkg.sh` writes (`--out-name crosscheck_core`).
pub const GLUE_FILE: &str = "crosscheck_core.js";
/// The optimised wasm next to the glue.
pub const WASM_FILE: &str = "crosscheck_core_bg.wasm";
/// The widget's stylesheet.
pub const CSS_FILE: &str = "crosscheck.css";

/// The id of the corpus element inside the page.
const CORPUS_ELEMENT_ID: &str = "crosscheck-corpus";

/// The embed build's files, as text and bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedFiles {
    pub glue_js: String,
    pub wasm: Vec<u8>,
    pub css: String,
}

#[derive(Debug)]
pub enum BundleError {
    /// A file of the embed build could not be read.
    Read { path: PathBuf, error: std::io::Error },
    /// The glue does not look like wasm-bindgen's `--target web` output.
    UnexpectedGlue(&'static str),
    /// The bytes are not a WebAssembly module.
    NotWasm,
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleError::Read { path, error } => write!(
                f,
                "cannot read {}: {error}. Build the embed first with scripts/build-pkg.sh (it writes pkg/).",
                path.display()
            ),
            BundleError::UnexpectedGlue(what) => write!(
                f,
                "{GLUE_FILE} is not the glue this crosscheck expects ({what}); rebuild pkg/ with scripts/build-pkg.sh."
            ),
            BundleError::NotWasm => {
                write!(f, "{WASM_FILE} is not a WebAssembly module; rebuild pkg/ with scripts/build-pkg.sh.")
            }
        }
    }
}

impl std::error::Error for BundleError {}

impl EmbedFiles {
    /// Reads the glue, wasm and CSS from an embed build directory (usually `pkg/`).
    pub fn read(pkg_dir: &Path) -> Result<EmbedFiles, BundleError> {
        let read = |name: &str| {
            let path = pkg_dir.join(name);
            std::fs::read(&path).map_err(|error| BundleError::Read { path, error })
        };
        let text = |name: &str| {
            read(name).and_then(|bytes| {
                String::from_utf8(bytes).map_err(|error| BundleError::Read {
                    path: pkg_dir.join(name),
                    error: std::io::Error::new(std::io::ErrorKind::InvalidData, error),
                })
            })
        };
        Ok(EmbedFiles { glue_js: text(GLUE_FILE)?, wasm: read(WASM_FILE)?, css: text(CSS_FILE)? })
    }
}

/// The self-contained page for `corpus`.
pub fn bundle_html(files: &EmbedFiles, corpus: &Corpus, analysis: Option<&Analysis>) -> Result<String, BundleError> {
    if !files.wasm.starts_with(b"\0asm") {
        return Err(BundleError::NotWasm);
    }
    let init = default_export(&files.glue_js)?;
    let title = if corpus.title.trim().is_empty() {
        "crosscheck".to_string()
    } else {
        format!("{} · crosscheck", corpus.title.trim())
    };
    let script = format!(
        "{glue}\n// The wasm travels inside the page: a page opened from disk may not fetch files.\n\
         const crosscheckWasm = Uint8Array.from(atob(\"{wasm}\"), (character) => character.charCodeAt(0));\n\
         await {init}({{ module_or_path: crosscheckWasm }});\n",
        glue = files.glue_js,
        wasm = base64(&files.wasm),
    );
    Ok(format!(
        r##"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="crosscheck bundle">
<title>{title}</title>
<link rel="icon" href="data:,">
<style>{page_css}</style>
<style>{widget_css}</style>
</head>
<body>
<main class="crosscheck-page">
<div data-crosscheck data-corpus="#{CORPUS_ELEMENT_ID}"></div>
<noscript>This story needs JavaScript and WebAssembly to show which sources back or contradict each claim.</noscript>
</main>
<script type="application/json" id="{CORPUS_ELEMENT_ID}">{corpus_json}</script>
<script type="module">{script}</script>
</body>
</html>
"##,
        title = escape_html(&title),
        page_css = PAGE_CSS,
        widget_css = escape_raw_text(&files.css, "</style"),
        corpus_json = json_for_script(&match analysis {
            Some(analysis) => precomputed::corpus_with_analysis(corpus, analysis),
            None => corpus.to_json(),
        }),
        script = escape_raw_text(&script, "</script"),
    ))
}

/// The page around the widget: a plain background that follows the reader's colour scheme.
const PAGE_CSS: &str = "html{color-scheme:light dark}\
body{margin:0;background:#eef0f3}\
@media (prefers-color-scheme:dark){body{background:#0d0f12}}\
.crosscheck-page{max-width:1240px;margin:0 auto;padding:24px 16px 48px}\
@media (max-width:640px){.crosscheck-page{padding:0}}";

/// The name of the glue's init function, its default export: `export default __wbg_init;` or
/// `export { initSync, __wbg_init as default };` as wasm-bindgen 0.2.130 writes it.
fn default_export(glue: &str) -> Result<&str, BundleError> {
    let name = glue
        .lines()
        .find_map(|line| {
            let line = line.trim();
            if let Some(name) = line.strip_prefix("export default ") {
                return name.strip_suffix(';');
            }
            let list = line.strip_prefix("export {")?.trim_end_matches(';').strip_suffix('}')?;
            list.split(',').find_map(|item| item.trim().strip_suffix(" as default"))
        })
        .map(str::trim)
        .ok_or(BundleError::UnexpectedGlue("no default export to initialise the wasm"))?;
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$') {
        return Err(BundleError::UnexpectedGlue("the default export is not a plain name"));
    }
    // An `import` would need a module the page cannot fetch from disk.
    if glue.lines().any(|line| line.trim_start().starts_with("import ")) {
        return Err(BundleError::UnexpectedGlue("it imports other modules"));
    }
    Ok(name)
}

/// JSON text that cannot end its `<script>` element: every `<` becomes `\u003c`. In JSON a `<`
/// can only stand inside a string, where the escape reads back as the same character.
fn json_for_script(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// The text of a `<script>` or `<style>` element with every case-insensitive `closing` (for
/// example `</script`) and `<!--` broken by a backslash, so the HTML parser cannot end the
/// element early. In JavaScript strings and CSS both `\/` and `\!` read as the plain character.
fn escape_raw_text(text: &str, closing: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let lower = text.to_ascii_lowercase();
    let mut index = 0;
    while index < text.len() {
        let rest = &lower[index..];
        if rest.starts_with(closing) {
            out.push_str("<\\/");
            index += 2;
        } else if rest.starts_with("<!--") {
            out.push_str("<\\!");
            index += 2;
        } else {
            let character = text[index..].chars().next().expect("index is on a char boundary");
            out.push(character);
            index += character.len_utf8();
        }
    }
    out
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Standard base64 with padding. Twenty lines here rather than a dependency for the one place
/// that needs it.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = (u32::from(chunk[0]) << 16)
            | (u32::from(chunk.get(1).copied().unwrap_or(0)) << 8)
            | u32::from(chunk.get(2).copied().unwrap_or(0));
        for position in 0..4 {
            if position <= chunk.len() {
                out.push(char::from(ALPHABET[(group >> (18 - 6 * position) & 0x3f) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Source, SourceId, SourceKind};

    /// The shape of wasm-bindgen 0.2.130's `--target web` glue, in brief.
    const GLUE: &str = "let wasm;\nasync function __wbg_init(module_or_path) { return 1; }\n\
                        export { initSync, __wbg_init as default };\n";

    fn files() -> EmbedFiles {
        EmbedFiles {
            glue_js: GLUE.to_string(),
            wasm: b"\0asm\x01\0\0\0".to_vec(),
            css: ".crosscheck{color:red}".to_string(),
        }
    }

    fn corpus(title: &str, text: &str) -> Corpus {
        Corpus {
            title: title.to_string(),
            sources: vec![Source {
                id: SourceId("a".to_string()),
                name: "A".to_string(),
                kind: SourceKind::Article,
                published: None,
                url: None,
                title: None,
                text: text.to_string(),
            }],
        }
    }

    /// The text between `open` and the next `</script>` or `</style>` as the HTML parser sees it.
    fn element_text<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
        let start = html.find(open).unwrap_or_else(|| panic!("no {open}")) + open.len();
        let end = html[start..].to_ascii_lowercase().find(close).unwrap() + start;
        &html[start..end]
    }

    #[test]
    fn base64_matches_the_rfc_4648_vectors() {
        let check = |input: &str, expected: &str| assert_eq!(base64(input.as_bytes()), expected, "{input:?}");
        check("", "");
        check("f", "Zg==");
        check("fo", "Zm8=");
        check("foo", "Zm9v");
        check("foob", "Zm9vYg==");
        check("fooba", "Zm9vYmE=");
        check("foobar", "Zm9vYmFy");
        assert_eq!(base64(&[0xff, 0xfe, 0x00]), "//4A");
    }

    #[test]
    fn the_page_inlines_everything_and_calls_init_with_the_bytes() {
        let html = bundle_html(&files(), &corpus("Chiefs meet", "28 chiefs met."), None).unwrap();
        assert!(html.contains("<title>Chiefs meet · crosscheck</title>"));
        assert!(html.contains("<div data-crosscheck data-corpus=\"#crosscheck-corpus\"></div>"));
        assert!(html.contains("<style>.crosscheck{color:red}</style>"));
        let script = element_text(&html, "<script type=\"module\">", "</script");
        assert!(script.starts_with(GLUE));
        assert!(script.contains(&format!("atob(\"{}\")", base64(b"\0asm\x01\0\0\0"))));
        assert!(script.contains("await __wbg_init({ module_or_path: crosscheckWasm });"));
        // Nothing is fetched: no src, no href other than the empty icon.
        assert!(!html.contains(" src="));
        assert_eq!(html.matches("href=").count(), 1);
        let json = element_text(&html, "<script type=\"application/json\" id=\"crosscheck-corpus\">", "</script");
        let read_back = crate::corpus::from_json(json).unwrap();
        assert_eq!(read_back.corpus, corpus("Chiefs meet", "28 chiefs met."));
    }

    #[test]
    fn the_page_can_carry_the_analysis_of_its_corpus() {
        let story = crate::corpus::seeds();
        let analysis = crate::analysis::analyse(&story);
        let html = bundle_html(&files(), &story, Some(&analysis)).unwrap();
        let json = element_text(&html, "<script type=\"application/json\" id=\"crosscheck-corpus\">", "</script");
        let read_back = crate::corpus::from_json(json).unwrap();
        assert_eq!(precomputed::read(json, &read_back.corpus), Some(precomputed::Verdict::Fresh(analysis)));
    }

    /// Corpus text, CSS or glue holding `</script>` or `<!--` cannot end their element early
    /// (which would let a corpus inject markup into the page), and the corpus still reads back.
    #[test]
    fn nothing_breaks_out_of_its_element() {
        let hostile = "Quote: </script><script>alert(1)</script> <!-- and </SCRIPT > too";
        let mut files = files();
        files.css.push_str("/* </STYLE><img src=x> */");
        files.glue_js = format!("const s = \"</Script><!--\";\n{GLUE}");
        let html = bundle_html(&files, &corpus("<b>Title</b> & \"co\"", hostile), None).unwrap();
        assert!(html.contains("<title>&lt;b&gt;Title&lt;/b&gt; &amp; &quot;co&quot; · crosscheck</title>"));
        assert_eq!(html.to_ascii_lowercase().matches("</script").count(), 2, "only the two real closing tags");
        assert_eq!(html.to_ascii_lowercase().matches("</style").count(), 2);
        assert!(!html.contains("<!--"));
        let json = element_text(&html, "id=\"crosscheck-corpus\">", "</script");
        assert!(!json.contains('<'));
        assert_eq!(crate::corpus::from_json(json).unwrap().corpus.sources[0].text, hostile);
        assert!(
            element_text(&html, "<script type=\"module\">", "</script").starts_with("const s = \"<\\/Script><\\!--\";")
        );
    }

    #[test]
    fn the_init_function_is_found_in_either_export_form() {
        assert_eq!(default_export(GLUE).unwrap(), "__wbg_init");
        assert_eq!(default_export("function go() {}\nexport default go;\n").unwrap(), "go");
        assert!(default_export("export { a as default, b };").is_ok_and(|name| name == "a"));
    }

    #[test]
    fn unexpected_files_are_refused_with_a_hint() {
        let mut not_wasm = files();
        not_wasm.wasm = b"<html>".to_vec();
        let mut no_init = files();
        no_init.glue_js = "export function mount() {}".to_string();
        let mut imports = files();
        imports.glue_js = format!("import * as snippet from './snippets/x.js';\n{GLUE}");
        let message = |files: &EmbedFiles| bundle_html(files, &corpus("t", "x"), None).unwrap_err().to_string();
        assert_eq!(
            message(&not_wasm),
            "crosscheck_core_bg.wasm is not a WebAssembly module; rebuild pkg/ with scripts/build-pkg.sh."
        );
        assert!(message(&no_init).contains("no default export to initialise the wasm"), "{}", message(&no_init));
        assert!(message(&imports).contains("it imports other modules"));
        let missing = EmbedFiles::read(Path::new("/nonexistent/pkg")).unwrap_err().to_string();
        assert!(missing.starts_with("cannot read /nonexistent/pkg/crosscheck_core.js:"), "{missing}");
        assert!(missing.ends_with("Build the embed first with scripts/build-pkg.sh (it writes pkg/)."));
    }
}
