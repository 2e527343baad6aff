//! The reference document's own framework, transcribed: its
//! `choose_container_platform` rule and its "Service Selection Decision
//! Matrix". Nothing here is Berth's judgment; that lives in `score`.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::cost::Platform;
use crate::requirements::{Complexity, CostPriority, Ops, UseCase};

/// An answer of the document's rule, in its own words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GuideAnswer {
    /// "Amazon EKS".
    Eks,
    /// "AWS Fargate".
    Fargate,
    /// "App Runner".
    AppRunner,
    /// "ECS with EC2".
    EcsEc2,
    /// "ECS with Fargate".
    EcsFargate,
}

impl GuideAnswer {
    /// The string the document's function returns.
    pub fn text(self) -> &'static str {
        match self {
            Self::Eks => "Amazon EKS",
            Self::Fargate => "AWS Fargate",
            Self::AppRunner => "App Runner",
            Self::EcsEc2 => "ECS with EC2",
            Self::EcsFargate => "ECS with Fargate",
        }
    }

    /// The platform Berth reads it as: the document's EKS column is EKS with
    /// managed node groups, and its "AWS Fargate" is ECS on Fargate (the
    /// document's Fargate column is "ECS Fargate").
    pub fn platform(self) -> Platform {
        match self {
            Self::Eks => Platform::EksEc2,
            Self::Fargate | Self::EcsFargate => Platform::EcsFargate,
            Self::AppRunner => Platform::AppRunner,
            Self::EcsEc2 => Platform::EcsEc2,
        }
    }
}

/// The document's `choose_container_platform`, with the path taken: one
/// line per condition it tested, in its own terms.
pub fn choose(
    k8s: bool,
    ops: Ops,
    cost: CostPriority,
    cx: Complexity,
) -> (GuideAnswer, Vec<String>) {
    let mut path = vec![format!("kubernetes_required is {k8s}")];
    if k8s {
        return (GuideAnswer::Eks, path);
    }
    let minimal = ops == Ops::Minimal;
    path.push(format!(
        "operational_overhead == \"minimal\" is {minimal} (ops={})",
        ops.key()
    ));
    if minimal {
        let high = cx == Complexity::High;
        path.push(format!(
            "complexity == \"high\" is {high} (cx={})",
            cx.key()
        ));
        let answer = if high {
            GuideAnswer::Fargate
        } else {
            GuideAnswer::AppRunner
        };
        return (answer, path);
    }
    let critical = cost == CostPriority::Critical;
    path.push(format!(
        "cost_optimization == \"critical\" is {critical} (cost={})",
        cost.key()
    ));
    let answer = if critical {
        GuideAnswer::EcsEc2
    } else {
        GuideAnswer::EcsFargate
    };
    (answer, path)
}

/// One cell of the document's matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Cell {
    /// ✅
    Yes,
    /// ❌
    No,
    /// ⚠️
    Caution,
}

impl Cell {
    /// `yes`, `no` or `caution`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::No => "no",
            Self::Caution => "caution",
        }
    }
}

/// The document's matrix columns, in its order.
pub const COLUMNS: [&str; 4] = ["ECS EC2", "ECS Fargate", "EKS", "App Runner"];

/// One row of the matrix: its label and its cells in [`COLUMNS`] order.
pub struct Row {
    /// The use case it is for.
    pub use_case: UseCase,
    /// The row's label, as the document writes it.
    pub label: &'static str,
    /// Cells in [`COLUMNS`] order.
    pub cells: [Cell; 4],
}

use Cell::{Caution as C, No as N, Yes as Y};

/// The matrix, transcribed row by row ("Service Selection Decision Matrix").
pub const MATRIX: [Row; 8] = [
    Row {
        use_case: UseCase::Web,
        label: "Simple web apps",
        cells: [N, Y, N, Y],
    },
    Row {
        use_case: UseCase::Micro,
        label: "Microservices",
        cells: [Y, Y, Y, N],
    },
    Row {
        use_case: UseCase::Batch,
        label: "Batch processing",
        cells: [Y, Y, Y, N],
    },
    Row {
        use_case: UseCase::Ml,
        label: "Machine learning",
        cells: [Y, Y, Y, N],
    },
    Row {
        use_case: UseCase::Legacy,
        label: "Legacy applications",
        cells: [Y, N, N, N],
    },
    Row {
        use_case: UseCase::K8s,
        label: "Kubernetes required",
        cells: [N, N, Y, N],
    },
    Row {
        use_case: UseCase::Minops,
        label: "Minimal ops overhead",
        cells: [N, Y, N, Y],
    },
    Row {
        use_case: UseCase::Cost,
        label: "Cost optimization",
        cells: [Y, C, Y, C],
    },
];

/// The row for a use case; `event` has none.
pub fn row(use_case: UseCase) -> Option<&'static Row> {
    MATRIX.iter().find(|r| r.use_case == use_case)
}

/// The document column a platform descends from: Managed Instances run ECS
/// tasks on EC2, Express Mode is ECS on Fargate, every EKS flavour is EKS.
/// Lambda (either kind) has no column.
pub fn column(platform: Platform) -> Option<usize> {
    match platform {
        Platform::EcsEc2 | Platform::EcsManaged => Some(0),
        Platform::EcsFargate | Platform::EcsExpress => Some(1),
        Platform::EksEc2 | Platform::EksAuto | Platform::EksFargate => Some(2),
        Platform::AppRunner => Some(3),
        Platform::Lambda | Platform::LambdaManaged => None,
    }
}

/// The document's cell for a platform and use case, if it has one.
pub fn cell(platform: Platform, use_case: UseCase) -> Option<Cell> {
    let row = row(use_case)?;
    row.cells.get(column(platform)?).copied()
}

/// A matrix row's cells as an ordered JSON object (`{"ECS EC2": "no", …}`).
#[derive(Clone, Debug, PartialEq)]
pub struct Cells(pub Vec<(&'static str, Cell)>);

impl Serialize for Cells {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (column, cell) in &self.0 {
            map.serialize_entry(column, cell)?;
        }
        map.end()
    }
}

/// The selected row of the matrix, as the document states it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GuideMatrix {
    /// The use case asked about (`use=`).
    #[serde(rename = "use")]
    pub use_case: &'static str,
    /// The row's label; `None` when the document has no row for it.
    pub row: Option<&'static str>,
    /// The row's cells by column.
    pub cells: Cells,
    /// Said when there is no row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'static str>,
}

/// The matrix row for a use case.
pub fn matrix(use_case: UseCase) -> GuideMatrix {
    match row(use_case) {
        Some(r) => GuideMatrix {
            use_case: use_case.key(),
            row: Some(r.label),
            cells: Cells(COLUMNS.iter().copied().zip(r.cells).collect()),
            note: None,
        },
        None => GuideMatrix {
            use_case: use_case.key(),
            row: None,
            cells: Cells(Vec::new()),
            note: Some("the document's matrix has no row for event-driven workloads; Berth's own fit scores apply"),
        },
    }
}
