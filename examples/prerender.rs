//! Prerenders the page's first screen into `dist/index.html` (run by
//! `make dist` after `berth book-files`): the header, the tabs and the
//! answer of the default link, rendered by the App itself (Yew's server
//! renderer) from the very book files the page will read, so the first
//! paint holds the answer before the wasm has loaded.
//!
//! The page shows this only for the default link: an inline script right
//! after it removes it when the address has a query (any other link's
//! answer differs), and the wasm removes it when it renders the live page
//! in its place. Native only.
//!
//! Usage: `cargo run -p berth --example prerender -- dist`

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main()
}

/// Nothing to prerender in a browser (the wasm lint builds every target).
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::Path;

    use berth::{App, AppProps};
    use berth_core::pricebook::book;
    use berth_core::region::RegionId;

    /// Where the prerendered part stops: the answer's end. What follows (the
    /// workload editor, the panel) needs the wasm to be of use.
    const ANSWER: &str = "aria-labelledby=\"answer-title\"";

    pub fn main() {
        if let Err(why) = run() {
            eprintln!("prerender: {why}");
            std::process::exit(1);
        }
    }

    fn run() -> Result<(), String> {
        let dist = std::env::args().nth(1).ok_or("usage: prerender DIST")?;
        let dist = Path::new(&dist);
        let index = dist.join("index.html");
        let html =
            std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
        install_book(&dist.join("book"))?;
        let page = render()?;
        let shell = first_screen(&page)?;
        // An id the wasm looks for (src/lib.rs), and the script that drops it
        // for any link but the default one before it is painted.
        let block = format!(
            "<div id=\"prerender\">{shell}</div><script>var q=location.search;if(q.length>1&&q!='?v=1')document.getElementById('prerender').remove()</script>"
        );
        let marker = "<body>";
        if !html.contains(marker) || html.contains("id=\"prerender\"") {
            return Err("index.html has no <body> or is prerendered already".into());
        }
        let html = html.replacen(marker, &format!("{marker}{block}"), 1);
        std::fs::write(&index, html).map_err(|e| format!("{}: {e}", index.display()))?;
        println!("prerender: {} bytes of first screen", block.len());
        Ok(())
    }

    /// Reads the shared file and the default region's file from `dir`, as the
    /// page does.
    fn install_book(dir: &Path) -> Result<(), String> {
        let region = RegionId::default();
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect();
        names.sort();
        let file = |stem: &str| -> Result<(String, String), String> {
            let name = names
                .iter()
                .find(|n| n.starts_with(&format!("{stem}.")))
                .ok_or(format!("no book file for {stem} in {}", dir.display()))?;
            let text =
                std::fs::read_to_string(dir.join(name)).map_err(|e| format!("{name}: {e}"))?;
            Ok((name.clone(), text))
        };
        let (name, text) = file("shared")?;
        book::install_shared(&name, &text)?;
        let (name, text) = file(region.code())?;
        book::install_region(region, &name, &text)
    }

    fn render() -> Result<String, String> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .map_err(|e| e.to_string())?;
        Ok(runtime.block_on(
            yew::ServerRenderer::<App>::with_props(|| AppProps {
                query: "".into(),
                book_failed: None,
            })
            .hydratable(false)
            .render(),
        ))
    }

    /// The page up to the end of the answer, with the elements still open
    /// there (the main landmark and the page's box) closed.
    fn first_screen(page: &str) -> Result<String, String> {
        let at = page.find(ANSWER).ok_or("the page has no answer")?;
        let start = page[..at]
            .rfind("<section")
            .ok_or("the page has no answer")?;
        let end = page[start..]
            .find("</section>")
            .map(|i| start + i + "</section>".len())
            .ok_or("the answer does not end")?;
        let head = &page[..end];
        if head.matches("<main").count() != 1 || !head.starts_with("<div class=\"app\">") {
            return Err(format!(
                "the page's layout changed: expected <div class=\"app\">…<main>…answer, got {}",
                &head[..head.len().min(80)]
            ));
        }
        // The Embed dialog is closed at first and needs the wasm: left out.
        let head = without_div(head, "<div id=\"embed-dialog\"")?;
        Ok(format!("{head}</main></div>"))
    }

    /// `html` without the `<div>` that starts with `open` (its nested divs
    /// counted; its text is escaped, so holds no tag).
    fn without_div(html: &str, open: &str) -> Result<String, String> {
        let start = html.find(open).ok_or(format!("no {open}"))?;
        let mut depth = 0usize;
        let mut at = start;
        while let Some(i) = html[at..]
            .find("<div")
            .into_iter()
            .chain(html[at..].find("</div>"))
            .min()
        {
            let pos = at + i;
            if html[pos..].starts_with("</div>") {
                depth -= 1;
                at = pos + "</div>".len();
                if depth == 0 {
                    return Ok(format!("{}{}", &html[..start], &html[at..]));
                }
            } else {
                depth += 1;
                at = pos + "<div".len();
            }
        }
        Err(format!("{open} does not end"))
    }
}
