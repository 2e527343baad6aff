//! How often a CronJob runs: runs per average month from its five-field
//! schedule (`*/15 * * * *`, `0 2 * * 1-5`, `@daily`), as Kubernetes reads
//! it (day of month and day of week, when both are given, are either-or).
//!
//! Counting runs needs only each field's set of values, not calendar
//! iteration, so no cron crate (they bring a date-time library).

use berth_core::units::DAYS_PER_MONTH;

/// Days in a year of twelve of Berth's months (730 h each): 365, a leap
/// day not counted, so `@daily` runs exactly once each day of the month.
const DAYS_PER_YEAR: f64 = 12.0 * DAYS_PER_MONTH;
const MONTHS_PER_YEAR: f64 = 12.0;
const DAYS_PER_WEEK: f64 = 7.0;
/// Days in each month of that year.
const MONTH_DAYS: [f64; 12] = [
    31.0, 28.0, 31.0, 30.0, 31.0, 30.0, 31.0, 31.0, 30.0, 31.0, 30.0, 31.0,
];
const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const WEEKDAYS: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/// Runs per average month, or why the schedule cannot be read.
pub fn runs_per_month(schedule: &str) -> Result<f64, String> {
    let mut s = schedule.trim();
    // A time zone prefix (`CRON_TZ=Europe/Paris 0 2 * * *`) moves the runs,
    // not their number.
    if s.starts_with("CRON_TZ=") || s.starts_with("TZ=") {
        s = s.split_once(' ').map_or("", |(_, rest)| rest).trim();
    }
    let expanded = match s {
        "@yearly" | "@annually" => "0 0 1 1 *",
        "@monthly" => "0 0 1 * *",
        "@weekly" => "0 0 * * 0",
        "@daily" | "@midnight" => "0 0 * * *",
        "@hourly" => "0 * * * *",
        other => other,
    };
    let fields: Vec<&str> = expanded.split_whitespace().collect();
    let [minute, hour, dom, month, dow] = fields.as_slice() else {
        return Err(format!(
            "schedule \"{schedule}\" is not five cron fields (minute hour day month weekday)"
        ));
    };
    let minutes = set(minute, 0, 59, &[])?;
    let hours = set(hour, 0, 23, &[])?;
    let days = set(dom, 1, 31, &[])?;
    let months = set(month, 1, 12, &MONTHS)?;
    let mut weekdays = set(dow, 0, 7, &WEEKDAYS)?;
    if weekdays.contains(&7) {
        weekdays.retain(|d| *d != 7);
        if !weekdays.contains(&0) {
            weekdays.push(0);
        }
    }
    let per_day = (minutes.len() * hours.len()) as f64;
    // Days a year on which it runs, over the months it runs in.
    let month_share: f64 = months
        .iter()
        .filter_map(|m| MONTH_DAYS.get((*m as usize).wrapping_sub(1)))
        .sum::<f64>()
        / DAYS_PER_YEAR;
    let dom_days: f64 = months
        .iter()
        .filter_map(|m| MONTH_DAYS.get((*m as usize).wrapping_sub(1)))
        .map(|len| days.iter().filter(|d| f64::from(**d) <= *len).count() as f64)
        .sum::<f64>();
    let dow_days = DAYS_PER_YEAR * month_share * weekdays.len() as f64 / DAYS_PER_WEEK;
    let days_a_year = match (is_star(dom), is_star(dow)) {
        (true, true) => DAYS_PER_YEAR * month_share,
        (false, true) => dom_days,
        (true, false) => dow_days,
        // Either matches: those of one, plus those of the other not
        // already counted.
        (false, false) => dom_days + dow_days * (1.0 - dom_days / (DAYS_PER_YEAR * month_share)),
    };
    Ok(per_day * days_a_year / MONTHS_PER_YEAR)
}

fn is_star(field: &str) -> bool {
    field == "*" || field == "?"
}

/// The values one field stands for: `*`, `?`, `5`, `1-5`, `*/15`,
/// `10-50/10`, names (`mon`, `jan`), and lists of these.
fn set(field: &str, lo: u32, hi: u32, names: &[&str]) -> Result<Vec<u32>, String> {
    let mut out: Vec<u32> = Vec::new();
    for part in field.split(',') {
        let (range, step) = match part.split_once('/') {
            Some((r, s)) => (r, value(s, 1, hi.max(1), &[])?),
            None => (part, 1),
        };
        let (from, to) = match range {
            "*" | "?" => (lo, hi),
            r => match r.split_once('-') {
                Some((a, b)) => (value(a, lo, hi, names)?, value(b, lo, hi, names)?),
                None => {
                    let v = value(r, lo, hi, names)?;
                    // `5/10` runs from 5 to the end in steps of 10.
                    (v, if part.contains('/') { hi } else { v })
                }
            },
        };
        if from > to || step == 0 {
            return Err(format!("cron field \"{field}\" runs backwards"));
        }
        out.extend((from..=to).step_by(step as usize));
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

fn value(text: &str, lo: u32, hi: u32, names: &[&str]) -> Result<u32, String> {
    let lower = text.to_ascii_lowercase();
    // Month names count from 1 (the field's lowest), weekday names from 0.
    let named = names
        .iter()
        .position(|n| *n == lower)
        .map(|i| i as u32 + lo);
    let v = named
        .or_else(|| text.parse().ok())
        .ok_or_else(|| format!("\"{text}\" is not a cron value"))?;
    if (lo..=hi).contains(&v) {
        Ok(v)
    } else {
        Err(format!("cron value {v} is outside {lo}–{hi}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(s: &str) -> f64 {
        runs_per_month(s).unwrap_or(f64::NAN)
    }

    #[test]
    fn common_schedules_count_their_runs() {
        let month = DAYS_PER_MONTH;
        assert!((runs("@daily") - month).abs() < 1e-9);
        assert!((runs("0 2 * * *") - month).abs() < 1e-9);
        assert!((runs("*/15 * * * *") - 96.0 * month).abs() < 1e-6);
        assert!((runs("@hourly") - 24.0 * month).abs() < 1e-9);
        assert!((runs("0 0 * * 1-5") - month * 5.0 / 7.0).abs() < 1e-9);
        assert!((runs("0 0 * * mon-fri") - month * 5.0 / 7.0).abs() < 1e-9);
        assert!((runs("@monthly") - 1.0).abs() < 1e-9);
        assert!((runs("@yearly") - 1.0 / 12.0).abs() < 1e-9);
        assert!((runs("0 9 1 jan *") - 1.0 / 12.0).abs() < 1e-9);
        assert!((runs("CRON_TZ=UTC 30 3 * * 0") - month / 7.0).abs() < 1e-9);
        assert!((runs("0 0 * * 7") - month / 7.0).abs() < 1e-9);
    }

    #[test]
    fn a_31st_runs_only_in_long_months() {
        assert!((runs("0 0 31 * *") - 7.0 / 12.0).abs() < 1e-9);
    }

    #[test]
    fn unreadable_schedules_say_why() {
        for bad in [
            "",
            "* * * *",
            "61 * * * *",
            "*/0 * * * *",
            "5-1 * * * *",
            "x * * * *",
        ] {
            assert!(runs_per_month(bad).is_err(), "{bad}");
        }
    }
}
