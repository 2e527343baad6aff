//! The fit criterion: how well a platform suits the use case. The
//! document's matrix decides where it has a cell; where that cell no longer
//! holds, or the document has none (Lambda, `use=event`), Berth's own cell
//! applies and the reason says so.

use crate::cost::Platform;
use crate::requirements::{Complexity, Requirements, UseCase};

use super::guide::{self, Cell};

use Platform::*;

/// Fit points per matrix cell: ✅ full, ⚠️ half, ❌ none.
const FIT_YES: f64 = 10.0;
const FIT_CAUTION: f64 = 5.0;
const FIT_NO: f64 = 0.0;
/// Opinionated single-service platforms (Express Mode, App Runner, Lambda)
/// lose this much fit for a complex application: the document itself sends
/// complex minimal-ops apps to Fargate rather than App Runner.
const HIGH_COMPLEXITY_PENALTY: f64 = 3.0;

fn points(cell: Cell) -> f64 {
    match cell {
        Cell::Yes => FIT_YES,
        Cell::Caution => FIT_CAUTION,
        Cell::No => FIT_NO,
    }
}

/// Where the document's cell no longer holds, Berth's cell and why.
fn modern_fit(platform: Platform, use_case: UseCase) -> Option<(Cell, &'static str)> {
    match (platform, use_case) {
        (EcsFargate | EcsExpress | EksFargate, UseCase::Ml) => Some((Cell::Caution, "the document marks Fargate ✅ for machine learning, but Fargate has no GPUs: CPU inference only")),
        (EcsExpress, UseCase::Batch) => Some((Cell::No, "Express Mode creates HTTP services behind a load balancer; batch jobs need plain ECS tasks")),
        (EcsManaged, UseCase::Minops) => Some((Cell::Caution, "AWS patches and scales Managed Instances, so the overhead is far below the document's ECS on EC2")),
        (EksAuto, UseCase::Minops) => Some((Cell::Caution, "AWS runs Auto Mode's nodes and add-ons, though the team still runs Kubernetes")),
        _ => None,
    }
}

/// Berth's cell where the document has none: Lambda (either kind), and the
/// `event` row.
fn own_fit(platform: Platform, use_case: UseCase) -> Cell {
    match (platform, use_case) {
        (Lambda | LambdaManaged | EcsFargate, UseCase::Event) | (Lambda, UseCase::Minops) => {
            Cell::Yes
        }
        (_, UseCase::Event) => Cell::Caution,
        (Lambda | LambdaManaged, UseCase::Ml | UseCase::Legacy | UseCase::K8s) => Cell::No,
        _ => Cell::Caution,
    }
}

/// Fit score and the sentence explaining it.
pub(crate) fn fit(platform: Platform, req: &Requirements) -> (f64, String) {
    let u = req.use_case;
    let (cell, why) = match (
        modern_fit(platform, u),
        guide::cell(platform, u),
        guide::row(u),
    ) {
        (Some((cell, why)), _, _) => (cell, why.to_string()),
        (None, Some(cell), Some(row)) => {
            let column = guide::column(platform)
                .and_then(|i| guide::COLUMNS.get(i))
                .copied()
                .unwrap_or("");
            (
                cell,
                format!(
                    "the document marks {column} \"{}\" for {}",
                    cell.key(),
                    // The matrix labels are ASCII: the ASCII form keeps Unicode's
                    // case tables (~26 KB) out of the page.
                    row.label.to_ascii_lowercase()
                ),
            )
        }
        _ => {
            let cell = own_fit(platform, u);
            (
                cell,
                format!(
                    "not in the document's matrix; Berth rates it \"{}\" for use={}",
                    cell.key(),
                    u.key()
                ),
            )
        }
    };
    let simple = matches!(platform, EcsExpress | AppRunner | Lambda | LambdaManaged);
    if simple && req.cx == Complexity::High {
        let score = (points(cell) - HIGH_COMPLEXITY_PENALTY).max(0.0);
        return (score, format!("{why}; less so for a complex application"));
    }
    (points(cell), why)
}
