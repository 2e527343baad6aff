//! The markup the page shows for an import, every region and a
//! comparison: tables with captions and header cells, lists, and every
//! text escaped.

use std::fmt::Write;

use berth_core::compare::{self, Diff, RegionCosts};
use berth_core::cost::{usd, Platform};
use berth_import::{Imported, Said};

/// Text made safe inside markup and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn money(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), usd)
}

fn list(out: &mut String, heading: &str, class: &str, lines: &[Said]) {
    if lines.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<h4>{} ({})</h4><ul class=\"{class}\">",
        esc(heading),
        lines.len()
    );
    for l in lines {
        let _ = write!(
            out,
            "<li><span class=\"import-at\">{}</span> {}</li>",
            esc(&l.at.to_string()),
            esc(&l.text)
        );
    }
    out.push_str("</ul>");
}

/// What an import made: the services, what the reader decided, and what
/// it skipped, each with its file and line; `problem` heads it when
/// nothing could be imported.
pub fn import_report(i: &Imported, problem: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(p) = problem {
        let _ = write!(
            out,
            "<p class=\"import-error\" role=\"alert\">{}</p>",
            esc(p)
        );
    }
    list(&mut out, "Imported", "import-services", &i.services);
    list(&mut out, "Notes", "import-notes", &i.notes);
    list(&mut out, "Skipped", "import-skipped", &i.skipped);
    out
}

/// A file that could not be read: nothing was imported.
pub fn import_error(message: &str) -> String {
    format!(
        "<p class=\"import-error\" role=\"alert\">Nothing was imported: {}</p>",
        esc(message)
    )
}

/// Every region as a table: a row per region, cheapest first (or by the
/// platform sorted on), its cheapest platform, then each platform.
pub fn regions(rows: &[RegionCosts], sorted_by: Option<Platform>) -> String {
    let by = sorted_by.map_or("its cheapest platform".to_string(), |p| {
        p.name().to_string()
    });
    let mut out = format!(
        "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Every region\"><table class=\"compare-table\"><caption>{} regions, by {}</caption><thead><tr><th scope=\"col\">Region</th><th scope=\"col\">Cheapest</th>",
        rows.len(),
        esc(&by)
    );
    for p in Platform::ALL {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(p.name()));
    }
    out.push_str("</tr></thead><tbody>");
    for r in rows {
        let cheapest = r.cheapest().map_or("—".to_string(), |(p, v)| {
            format!(
                "{} <span class=\"compare-platform\">{}</span>",
                usd(v),
                esc(p.name())
            )
        });
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{} <span class=\"compare-code\">{}</span></th><td>{cheapest}</td>",
            esc(r.region.name()),
            esc(r.region.code())
        );
        let best = r.cheapest().map(|c| c.0);
        for p in Platform::ALL {
            let cell = money(r.of(p));
            if best == Some(p) {
                let _ = write!(out, "<td><strong>{cell}</strong></td>");
            } else {
                let _ = write!(out, "<td>{cell}</td>");
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
    out.push_str(COPY_MARKDOWN);
    out
}

/// The button under a comparison that copies it as Markdown (for a
/// pull-request comment or a document).
const COPY_MARKDOWN: &str = "<p><button type=\"button\" class=\"button\" data-act=\"copy-md\">Copy as Markdown</button> <span class=\"tools-busy\" data-out=\"copied\" aria-live=\"polite\"></span></p>";

/// Two links compared: what changed, the platforms' table, then each
/// platform's changed lines.
pub fn diff(d: &Diff) -> String {
    let mut out = String::new();
    if d.settings.is_empty() {
        out.push_str("<p>The two links set the same workload and options.</p>");
    } else {
        out.push_str("<p class=\"compare-settings\">Changed: ");
        let parts: Vec<String> = d
            .settings
            .iter()
            .map(|(k, b, a)| {
                let shown = |v: &str| {
                    if v.is_empty() {
                        "(not set)".to_string()
                    } else {
                        format!("<code>{}</code>", esc(v))
                    }
                };
                format!("<code>{}</code> {} → {}", esc(k), shown(b), shown(a))
            })
            .collect();
        out.push_str(&parts.join("; "));
        out.push_str("</p>");
    }
    out.push_str("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Comparison\"><table class=\"compare-table\"><caption>This page's link (before) and the other (after), USD a month</caption><thead><tr><th scope=\"col\">Platform</th><th scope=\"col\">Before</th><th scope=\"col\">After</th><th scope=\"col\">Change</th></tr></thead><tbody>");
    for c in &d.platforms {
        let [name, before, after, change] = c.cells();
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{before}</td><td>{after}</td><td>{change}</td></tr>",
            esc(&name)
        );
    }
    out.push_str("</tbody></table></div>");
    for c in d.platforms.iter().filter(|c| !c.lines.is_empty()) {
        let _ = write!(
            out,
            "<details class=\"compare-lines\"><summary>{}: {} lines changed</summary><ul>",
            esc(c.id.name()),
            c.lines.len()
        );
        for l in &c.lines {
            let was = l
                .was
                .as_ref()
                .map_or(String::new(), |w| format!(" (was {})", esc(w)));
            let _ = write!(
                out,
                "<li>{}{was}: {} → {} ({})</li>",
                esc(&l.label),
                usd(l.before_usd),
                usd(l.after_usd),
                compare::signed_usd(l.after_usd - l.before_usd)
            );
        }
        out.push_str("</ul></details>");
    }
    out.push_str(COPY_MARKDOWN);
    out
}

/// The import box's controls: the drop zone over the file picker (the
/// browser reads a drop on it as a pick), the text area, the button, and
/// the report's place.
pub fn import_controls() -> String {
    "<label class=\"import-drop\">Drop files here, or pick them\
<input type=\"file\" multiple accept=\".yaml,.yml,.json\" data-act=\"pick\"></label>\
<label class=\"import-paste\"><span class=\"field-label\">Or paste them</span>\
<textarea rows=\"6\" spellcheck=\"false\" data-field=\"text\"></textarea></label>\
<button type=\"button\" class=\"button\" data-act=\"paste\">Import pasted text</button>\
<div class=\"import-report\" aria-live=\"polite\" data-out=\"report\"></div>"
        .to_string()
}

/// The compare box's controls: every region (sorted by `by`, a platform
/// id or "" for each region's cheapest) and another link, each with the
/// place of its answer.
pub fn compare_controls(by: &str) -> String {
    let mut out = String::from(
        "<h3>Every region</h3><div class=\"compare-link\">\
<button type=\"button\" class=\"button\" data-act=\"regions\">Price this workload in every region</button>\
<label class=\"compare-sort\"><span class=\"field-label\">Sort by</span><select data-act=\"sort\">\
<option value=\"\">each region's cheapest</option>",
    );
    for p in Platform::ALL {
        let selected = if p.id() == by { " selected" } else { "" };
        let _ = write!(
            out,
            "<option value=\"{}\"{selected}>{}</option>",
            p.id(),
            esc(p.name())
        );
    }
    out.push_str(
        "</select></label></div><div class=\"compare-out\" aria-live=\"polite\" data-out=\"regions\"></div>\
<h3>With another link</h3><div class=\"compare-link\"><label>\
<span class=\"field-label\">Berth link to compare this page with</span>\
<input type=\"url\" placeholder=\"https://…/?svc=…\" data-field=\"other\"></label>\
<button type=\"button\" class=\"button\" data-act=\"compare\">Compare</button></div>\
<div class=\"compare-out\" aria-live=\"polite\" data-out=\"compared\"></div>",
    );
    out
}

/// A line saying the module is at work.
pub const BUSY: &str = "<p class=\"tools-busy\">Working…</p>";

/// A line saying why there is no answer.
pub fn failed(why: &str) -> String {
    format!("<p class=\"import-error\" role=\"alert\">{}</p>", esc(why))
}
