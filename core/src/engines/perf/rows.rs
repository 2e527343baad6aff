//! The compiled performance table that `build.rs` generates from
//! `core/data/performance.csv`.

use super::{Metric, Origin, PerfRow};
use crate::cost::Platform;
use crate::pricebook::{Confidence, Provenance};

include!(concat!(env!("OUT_DIR"), "/perf_data.rs"));
