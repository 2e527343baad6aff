//! Layer 5, the engines: [`cost`] first (every later engine prices through
//! it), then [`perf`] (start times and the simulated day), [`decide`] (which
//! platform fits) and [`audit`] (the guide's arithmetic checked).

pub mod audit;
pub mod cost;
pub mod decide;
pub mod perf;
