//! `--book DIR` and `berth book-files`: reading a book directory, and
//! cutting a book into the files the web app fetches.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use berth_core::pricebook::{book, Book};
use berth_core::region::DEFAULT_REGION;

/// Files of a book directory that are not tables of the price book: its
/// sources in words, and the performance matrix (compiled into the
/// engine; kept beside the book so a book directory is `core/data/` whole).
const OTHER_FILES: [&str; 2] = ["SOURCES.md", "performance.csv"];

/// Reads the book directory `dir`: every table the book needs, plus the
/// other files when present.
pub(crate) fn read_dir(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let mut files = Vec::new();
    for name in book::book_files().chain(OTHER_FILES) {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(text) => files.push((name.to_string(), text)),
            Err(_) if OTHER_FILES.contains(&name) => {}
            Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
        }
    }
    Ok(files)
}

/// The `--book DIR` in use, if any.
static DIR: OnceLock<PathBuf> = OnceLock::new();

/// Puts the book in `dir` in use, or says which file and line is wrong.
pub(crate) fn install(dir: &Path) -> Result<(), String> {
    let files = read_dir(dir)?;
    book::install_dir(&files).map_err(|e| format!("book {}: {e}", dir.display()))?;
    let _ = DIR.set(dir.to_path_buf());
    Ok(())
}

/// The files of the book in use: `--book DIR` or the embedded one.
pub(crate) fn current_files() -> Result<Vec<(String, String)>, String> {
    match DIR.get() {
        Some(dir) => read_dir(dir),
        None => Ok(book::embedded()),
    }
}

/// The book in use as a [`Book`].
pub(crate) fn current() -> Result<Book, String> {
    Book::read(&current_files()?).map_err(|e| e.to_string())
}

/// `berth book-files DIR`: writes `DIR/book/shared.<hash>.csv` and one
/// `DIR/book/<region>.<hash>.csv` per region with figures, names after
/// their content (a long-cached name never holds two contents), and
/// fills in the page's manifest in `DIR/index.html` when there is one:
/// the `berth-book` meta tag the app reads the names from, and preload
/// links for the shared file and the default region (fetched while the
/// wasm downloads).
pub(crate) fn book_files(dir: &str) -> Result<String, String> {
    let book = current()?;
    let out = Path::new(dir).join("book");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let mut names = Vec::new();
    for (stem, text) in book.web_files() {
        names.push(write(&out, &stem, &text)?);
    }
    let manifest = names.join(" ");
    let index = Path::new(dir).join("index.html");
    if let Ok(html) = std::fs::read_to_string(&index) {
        let html = fill_manifest(&html, &names)?;
        std::fs::write(&index, html)
            .map_err(|e| format!("cannot write {}: {e}", index.display()))?;
    }
    Ok(format!("{manifest}\n"))
}

/// Writes one file under its content name; returns the name.
fn write(dir: &Path, stem: &str, text: &str) -> Result<String, String> {
    let name = book::file_name(stem, text);
    let path = dir.join(&name);
    std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(name)
}

/// The page with its manifest filled in (the meta tag must be there,
/// empty), and a small inline script that starts fetching the shared file
/// and the region the link names (the default region without one) while
/// the wasm downloads, leaving each text's promise in `window.berthBook`
/// for the wasm to take (a handled promise: a failure is the page's to
/// report, not an unhandled rejection). Only files the page will read, so
/// nothing is fetched twice or for nothing. `scripts/csp-hash` allows the
/// script by its hash.
fn fill_manifest(html: &str, names: &[String]) -> Result<String, String> {
    // The source page writes `<meta name="berth-book" content="" />`;
    // Trunk's minifier leaves `<meta name=berth-book>`.
    let tag = [
        "<meta name=\"berth-book\" content=\"\" />",
        "<meta name=berth-book>",
    ]
    .into_iter()
    .find(|t| html.contains(t))
    .ok_or("index.html has no empty berth-book meta tag to fill in")?;
    let manifest = names.join(" ");
    let script = format!(
        "<script>(function(){{var r=(/[?&]region=([a-z0-9-]+)/.exec(location.search)||[])[1]||'{DEFAULT_REGION}';\
var b=window.berthBook={{}};document.querySelector('meta[name=berth-book]').content.split(' ').forEach(function(n){{\
if(n.indexOf('shared.')===0||n.indexOf(r+'.')===0){{var p=fetch('book/'+n).then(function(s){{\
if(!s.ok)throw new Error(s.status);return s.text()}});p.catch(function(){{}});b[n]=p}}}})}})()</script>"
    );
    let meta = format!(r#"<meta name="berth-book" content="{manifest}" />{script}"#);
    Ok(html.replacen(tag, &meta, 1))
}
