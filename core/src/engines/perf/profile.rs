//! The day's demand, one value per minute, from the traffic inputs.

use crate::sim::{SimInputs, Traffic};

/// Minutes simulated: one day at one-minute steps.
pub const MINUTES: usize = 1440;

/// Seconds in the simulated day.
pub(crate) const DAY_S: f64 = MINUTES as f64 * 60.0;

/// Minute of the daily profile's trough (04:00); its peak is 12 h later.
const TROUGH_MIN: usize = 240;

/// cos(2π·k / MINUTES) for each k of the day, by the recurrence
/// c(k+1) = 2·cos δ·c(k) − c(k−1) with δ = 2π / MINUTES, and cos δ from
/// its Taylor series (δ ≈ 0.0044, so the terms to δ⁶ are exact in f64;
/// the test compares every value with `f64::cos`).
///
/// Written here rather than calling `f64::cos`: on wasm32 that pulls in
/// libm's argument reduction and kernels, which the page would carry for
/// this one curve.
fn day_cosines() -> Vec<f64> {
    let d = std::f64::consts::TAU / MINUTES as f64;
    let d2 = d * d;
    let cos_d = 1.0 - d2 / 2.0 * (1.0 - d2 / 12.0 * (1.0 - d2 / 30.0));
    let mut c = Vec::with_capacity(MINUTES);
    let (mut before, mut now) = (cos_d, 1.0); // cos(−δ), cos(0)
    for _ in 0..MINUTES {
        c.push(now);
        (before, now) = (now, 2.0 * cos_d * now - before);
    }
    c
}

/// Requests per second in each minute of the day (always finite, ≥ 0).
pub fn demand(inputs: &SimInputs) -> Vec<f64> {
    let base = if inputs.rps.is_finite() {
        inputs.rps.max(0.0)
    } else {
        0.0
    };
    let peak = if inputs.peak.is_finite() {
        inputs.peak.max(1.0)
    } else {
        1.0
    };
    let start = inputs.spike_start_min as usize;
    let end = start.saturating_add(inputs.spike_len_min as usize);
    let cosines = match inputs.traffic {
        Traffic::Daily => day_cosines(),
        _ => Vec::new(),
    };
    (0..MINUTES)
        .map(|m| match inputs.traffic {
            Traffic::Steady => base,
            Traffic::Daily => {
                let k = (m + MINUTES - TROUGH_MIN) % MINUTES;
                let phase_cos = cosines.get(k).copied().unwrap_or(1.0); // k < MINUTES
                base * (1.0 + (peak - 1.0) * (1.0 - phase_cos) / 2.0)
            }
            Traffic::Spike if (start..end).contains(&m) => base * peak,
            Traffic::Step if m >= start => base * peak,
            Traffic::Spike | Traffic::Step => base,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_days_cosines_are_the_cosines() {
        let c = day_cosines();
        assert_eq!(c.len(), MINUTES);
        for (k, v) in c.iter().enumerate() {
            let want = (k as f64 / MINUTES as f64 * std::f64::consts::TAU).cos();
            assert!((v - want).abs() < 1e-12, "k={k}: {v} vs {want}");
        }
    }

    #[test]
    fn each_profile_has_the_shape_it_names() {
        let mut i = SimInputs {
            rps: 10.0,
            peak: 4.0,
            spike_start_min: 600,
            spike_len_min: 60,
            ..SimInputs::default()
        };
        i.traffic = Traffic::Steady;
        assert!(demand(&i).iter().all(|&d| d == 10.0));
        i.traffic = Traffic::Daily;
        let d = demand(&i);
        assert_eq!(d.len(), MINUTES);
        assert!((d[240] - 10.0).abs() < 1e-9 && (d[960] - 40.0).abs() < 1e-9);
        i.traffic = Traffic::Spike;
        let d = demand(&i);
        assert_eq!((d[599], d[600], d[659], d[660]), (10.0, 40.0, 40.0, 10.0));
        i.traffic = Traffic::Step;
        let d = demand(&i);
        assert_eq!((d[599], d[600], d[1439]), (10.0, 40.0, 40.0));
    }

    #[test]
    fn a_spike_past_midnight_is_cut_at_the_day_end() {
        let i = SimInputs {
            traffic: Traffic::Spike,
            spike_start_min: 1430,
            spike_len_min: 1440,
            ..SimInputs::default()
        };
        let d = demand(&i);
        assert_eq!(d.len(), MINUTES);
        assert_eq!(d[0], i.rps);
        assert_eq!(d[1439], i.rps * i.peak);
    }
}
