//! `use_figures`: what the open view shows, computed by `berth-core` for
//! the current scenario and kept until the scenario (or the view) changes.
//!
//! The App holds it, and the panels are functions of it: a Yew component
//! type costs the page its own copy of Yew's lifecycle code, so views keep
//! their state in the App's hooks instead (README, "Size and speed").

use std::rc::Rc;

use berth_core::chart::{self, LineChart};
use berth_core::cost::{self, CostReport};
use berth_core::decide::{self, Decision};
use berth_core::perf::{self, MatrixRow, Simulation};
use berth_core::pricebook::{self, Rate};
use berth_core::Scenario;
use yew::prelude::*;

/// A view of the page that needs figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The Cost panel.
    Cost,
    /// The Decide panel.
    Decide,
    /// The Performance panel.
    Performance,
    /// The Data panel.
    Data,
    /// The break-even chart alone (an embed).
    Breakeven,
    /// The performance matrix alone (an embed).
    Matrix,
}

/// The figures of one view.
pub enum Figures {
    /// No view is open (figures not read yet).
    None,
    /// The cost report and the break-even chart.
    Cost(CostReport, LineChart),
    /// The decision.
    Decide(Decision),
    /// The matrix and the simulated day.
    Performance(Vec<MatrixRow>, Simulation),
    /// Every figure of the region.
    Data(Vec<Rate>),
    /// The break-even chart.
    Breakeven(LineChart),
    /// The matrix.
    Matrix(Vec<MatrixRow>),
}

/// The break-even chart of `scenario`, at the page's size.
pub fn breakeven_figures(scenario: &Scenario) -> LineChart {
    chart::breakeven_chart(
        scenario,
        chart::BREAKEVEN_PAIR,
        chart::default_max_tasks(scenario),
        chart::BREAKEVEN_SIZE,
    )
}

/// The figures of `view` (none when `None`) for `scenario`.
#[hook]
pub fn use_figures(scenario: &Scenario, view: Option<View>, words: bool) -> Rc<Figures> {
    // `words`: whether the sources' texts have come (the Decide panel's
    // reasons carry them), so their arrival recomputes.
    use_memo((scenario.clone(), view, words), |(s, view, _)| match view {
        None => Figures::None,
        Some(View::Cost) => Figures::Cost(cost::evaluate(s), breakeven_figures(s)),
        Some(View::Decide) => Figures::Decide(decide::decide(s)),
        Some(View::Performance) => {
            Figures::Performance(perf::matrix(s, &s.sim), perf::simulate(s, &s.sim))
        }
        Some(View::Data) => Figures::Data(pricebook::rates_for_region(s.region)),
        Some(View::Breakeven) => Figures::Breakeven(breakeven_figures(s)),
        Some(View::Matrix) => Figures::Matrix(perf::matrix(s, &s.sim)),
    })
}
