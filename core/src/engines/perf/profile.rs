//! The day's demand, one value per minute, from the traffic inputs.

use crate::sim::{SimInputs, Traffic};

/// Minutes simulated: one day at one-minute steps.
pub const MINUTES: usize = 1440;

/// Seconds in the simulated day.
pub(crate) const DAY_S: f64 = MINUTES as f64 * 60.0;

/// Minute of the daily profile's trough (04:00); its peak is 12 h later.
const TROUGH_MIN: f64 = 240.0;

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
    (0..MINUTES)
        .map(|m| match inputs.traffic {
            Traffic::Steady => base,
            Traffic::Daily => {
                let phase = (m as f64 - TROUGH_MIN) / MINUTES as f64 * std::f64::consts::TAU;
                base * (1.0 + (peak - 1.0) * (1.0 - phase.cos()) / 2.0)
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
