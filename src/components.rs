//! One visible part of the page per file.

mod breakeven_chart;
mod cost_bars;
mod cost_options;
mod cost_panel;
mod cost_table;
mod data_panel;
mod decide_panel;
mod guide_audit;
mod nav;
mod notices;
mod number_field;
mod panel_intro;
mod preset_picker;
mod region_select;
mod requirements_form;
mod services_editor;
mod toolbar;
mod update_banner;

pub use breakeven_chart::{BreakevenChart, BreakevenChartProps};
pub use cost_bars::{CostBars, CostBarsProps};
pub use cost_options::CostOptions;
pub use cost_panel::CostPanel;
pub use cost_table::{CostTable, CostTableProps};
pub use data_panel::DataPanel;
pub use decide_panel::DecidePanel;
pub use guide_audit::{GuideAudit, GuideAuditProps};
pub use nav::Nav;
pub use notices::Notices;
pub use number_field::{NumberField, NumberFieldProps};
pub use panel_intro::{PanelIntro, PanelIntroProps};
pub use preset_picker::PresetPicker;
pub use region_select::RegionSelect;
pub use requirements_form::RequirementsForm;
pub use services_editor::ServicesEditor;
pub use toolbar::Toolbar;
pub use update_banner::UpdateBanner;
