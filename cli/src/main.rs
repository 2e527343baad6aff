//! The `berth` command: Berth's engine natively, for scripts and documentation.
//!
//! `berth url`, `berth estimate`, `berth breakeven`, `berth decide`,
//! `berth simulate` and `berth prices` print what the web app shows, from
//! the same `berth-core` code; `berth sources-file` writes the file of
//! source texts the web app fetches; `berth pricebook import` writes a
//! book directory from AWS Price List files.

mod decide;
mod estimate;
mod import;
mod simulate;

use std::process::ExitCode;

use berth_core::{Notice, Scenario};

const USAGE: &str = "usage:
  berth url '<query or URL>'
  berth estimate '<query or URL>' [--format json|table|markdown|csv]
  berth breakeven '<query or URL>' <platform-a> <platform-b> [--max N]
  berth decide '<query or URL>' [--format json|markdown]
  berth simulate '<query or URL>' [--format json|csv] [--series]
  berth prices [region]
  berth sources-file DIR   (writes the web app's source texts into DIR)
  berth pricebook import --out DIR [--book DIR] FILE...
                           (AWS Price List offer CSVs and describe-instance-types
                           JSON into a complete book directory)";

/// Longest input accepted (a link is far shorter; this stops accidents).
const MAX_INPUT_BYTES: usize = 1 << 20;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            // `print!` panics when the reader goes away (`berth … | head`);
            // a closed pipe just ends the output.
            let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("berth: {message}");
            ExitCode::from(2)
        }
    }
}

/// Runs one command; `Err` is a one-line reason for exit code 2.
fn run(args: &[String]) -> Result<String, String> {
    let Some((cmd, rest)) = args.split_first() else {
        return Err(USAGE.to_string());
    };
    match cmd.as_str() {
        "url" => match rest {
            [input] => url(input),
            _ => Err(format!("url takes one argument\n{USAGE}")),
        },
        "estimate" => estimate::estimate(rest),
        "breakeven" => estimate::breakeven(rest),
        "prices" => estimate::prices(rest),
        "decide" => decide::decide(rest),
        "simulate" => simulate::simulate(rest),
        "pricebook" => import::pricebook(rest),
        "sources-file" => match rest {
            [dir] => sources_file(dir),
            _ => Err(format!("sources-file takes one directory\n{USAGE}")),
        },
        "help" | "--help" | "-h" => Ok(format!("{USAGE}\n")),
        other => Err(format!("unknown command {other}\n{USAGE}")),
    }
}

/// `berth sources-file DIR`: writes the source texts of the price book as
/// the web build fetches them (`make dist` puts them beside the app).
fn sources_file(dir: &str) -> Result<String, String> {
    use berth_core::pricebook::sources;
    let path = std::path::Path::new(dir).join(sources::SOURCES_FILE);
    std::fs::write(&path, sources::file_text())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(format!("{}\n", path.display()))
}

/// Decodes a link, refusing only input that cannot be a link at all.
pub(crate) fn decode(input: &str) -> Result<(Scenario, Vec<Notice>), String> {
    if input.len() > MAX_INPUT_BYTES {
        return Err("input longer than 1 MiB".to_string());
    }
    Ok(Scenario::from_query(input))
}

/// Splits `--format <name>` from the other arguments. `formats` lists the
/// names a command accepts, the default first; the chosen one is returned.
pub(crate) fn split_format<'a>(
    rest: &'a [String],
    formats: &[&'static str],
) -> Result<(Vec<&'a String>, &'static str), String> {
    let mut positional = Vec::new();
    let mut format = formats.first().copied().unwrap_or("json");
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        if arg != "--format" {
            positional.push(arg);
            continue;
        }
        let given = it.next().map_or("nothing", String::as_str);
        format = formats
            .iter()
            .copied()
            .find(|f| *f == given)
            .ok_or_else(|| format!("--format must be {}, not {given}", formats.join(", ")))?;
    }
    Ok((positional, format))
}

/// `berth url`: the normalised query, then one line per notice.
fn url(input: &str) -> Result<String, String> {
    let (scenario, notices) = decode(input)?;
    let mut out = format!("{}\n", scenario.to_query());
    for n in notices {
        out.push_str(&format!("notice: {n}\n"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
