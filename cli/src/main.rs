//! The `berth` command: Berth's engine natively, for scripts and documentation.

use std::process::ExitCode;

use berth_core::Scenario;

const USAGE: &str = "usage: berth url '<query or URL>'";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            print!("{out}");
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
    match args {
        [cmd, input] if cmd == "url" => url(input),
        [cmd, ..] if cmd == "url" => Err(format!("url takes one argument\n{USAGE}")),
        [] => Err(USAGE.to_string()),
        [cmd, ..] => Err(format!("unknown command {cmd}\n{USAGE}")),
    }
}

/// `berth url`: the normalised query, then one line per notice.
fn url(input: &str) -> Result<String, String> {
    if input.len() > 1 << 20 {
        return Err("input longer than 1 MiB".to_string());
    }
    let (scenario, notices) = Scenario::from_query(input);
    let mut out = format!("{}\n", scenario.to_query());
    for n in notices {
        out.push_str(&format!("notice: {n}\n"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn url_normalises_and_lists_notices() {
        let out = run(&args(&[
            "url",
            "https://h/?svc=api~3~1~2&region=eu-west-1&zz=1",
        ]))
        .unwrap();
        assert_eq!(
            out,
            "v=1&region=eu-west-1&svc=api~3~1~2\nnotice: zz: unknown field, ignored\n"
        );
    }

    #[test]
    fn misuse_is_an_error() {
        assert!(run(&args(&[])).is_err());
        assert!(run(&args(&["url"])).is_err());
        assert!(run(&args(&["frobnicate"])).is_err());
    }
}
