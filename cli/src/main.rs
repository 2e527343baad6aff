//! The `berth` command: Berth's engine natively, for scripts and documentation.
//!
//! `berth url`, `berth estimate`, `berth breakeven`, `berth decide`,
//! `berth simulate` and `berth prices` print what the web app shows, from
//! the same `berth-core` code; `berth book-files` cuts the price book into
//! the files the web app fetches; `berth pricebook import` writes a book
//! directory from AWS Price List files. Every command takes `--book DIR`
//! to use another book than the one the binary embeds.

mod book;
mod compare;
mod decide;
mod estimate;
mod pricebook;
mod simulate;
mod workload;

use std::process::ExitCode;

use berth_core::{Notice, Scenario};

const USAGE: &str = "usage:
  berth url '<query or URL>'
  berth estimate '<query or URL>' [--format json|table|markdown|csv]
  berth breakeven '<query or URL>' <platform-a> <platform-b> [--max N]
  berth decide '<query or URL>' [--format json|markdown]
  berth simulate '<query or URL>' [--format json|csv] [--series]
  berth prices [region]
  berth regions '<query or URL>' [--platform ID] [--format table|json|markdown]
  berth diff '<before>' '<after>' [--format table|json|markdown]
  berth import FILE... [--tasks N] [--base '<query or URL>']
                         (Kubernetes manifests, ECS task definitions, compose
                         files, - for stdin: the link on stdout, the report on stderr)
  berth book-files DIR   (writes the web app's price-book files into DIR/book/)
  berth pricebook import --out DIR FILE...
                         (AWS Price List offer CSVs and describe-instance-types
                         JSON, over the book in use, into a complete book directory)
every command takes --book DIR: the price book in DIR instead of the embedded one";

/// Longest input accepted (a link is far shorter; this stops accidents).
pub(crate) const MAX_INPUT_BYTES: usize = 1 << 20;

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
    let args = take_book(args)?;
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
        "book-files" => match rest {
            [dir] => book::book_files(dir),
            _ => Err(format!("book-files takes one directory\n{USAGE}")),
        },
        "pricebook" => pricebook::pricebook(rest),
        "regions" => compare::regions(rest),
        "diff" => compare::diff(rest),
        "import" => workload::import(rest).map(|p| {
            eprint!("{}", p.report);
            p.link
        }),
        "help" | "--help" | "-h" => Ok(format!("{USAGE}\n")),
        other => Err(format!("unknown command {other}\n{USAGE}")),
    }
}

/// Takes `--book DIR` out of the arguments and puts that book in use.
fn take_book(args: &[String]) -> Result<Vec<String>, String> {
    let Some(i) = args.iter().position(|a| a == "--book") else {
        return Ok(args.to_vec());
    };
    let dir = args
        .get(i + 1)
        .ok_or_else(|| format!("--book takes a directory\n{USAGE}"))?;
    book::install(std::path::Path::new(dir))?;
    let mut rest = args.to_vec();
    rest.drain(i..=i + 1);
    Ok(rest)
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
