//! One visible part of the page per file.

mod nav;
mod notices;
mod number_field;
mod panel_intro;
mod region_select;
mod services_editor;

pub use nav::Nav;
pub use notices::Notices;
pub use number_field::{NumberField, NumberFieldProps};
pub use panel_intro::{PanelIntro, PanelIntroProps};
pub use region_select::RegionSelect;
pub use services_editor::ServicesEditor;
