//! Actions: every edit a user can make, applied purely to a Scenario.
//!
//! The web app's reducer clones the Scenario, applies one Action and keeps
//! the result; the same code runs natively under test.

use crate::options;
use crate::preset::Preset;
use crate::region;
use crate::requirements;
use crate::scenario::{limits, Arch, Os, Scenario, Service, Tab};
use crate::text::format_number;

/// One field of one service, as typed in the editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServiceField {
    /// The label.
    Name,
    /// Task count.
    Tasks,
    /// vCPU per task.
    Vcpu,
    /// Memory per task, GiB.
    MemoryGib,
    /// Architecture key (`x86`, `arm`).
    Arch,
    /// Operating system key (`linux`, `windows`).
    Os,
    /// Hours per month.
    Hours,
}

/// An edit to the Scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Open a panel.
    SetTab(Tab),
    /// Change region (ignored unless the code is known).
    SetRegion(String),
    /// Append a default service.
    AddService,
    /// Remove the service at an index.
    RemoveService(usize),
    /// Copy the service at an index, inserting the copy after it.
    DuplicateService(usize),
    /// Set one field of one service from text typed by the user.
    EditService {
        /// Which service, by position.
        index: usize,
        /// Which field.
        field: ServiceField,
        /// The text as typed.
        text: String,
    },
    /// Set a cost option from text, by its URL key (see `options::FIELDS`).
    SetOption {
        /// The option's URL key, e.g. `spot`.
        key: String,
        /// The text as typed.
        text: String,
    },
    /// Set a requirement of the decision engine from text, by its URL key
    /// (see `requirements::FIELDS`).
    SetRequirement {
        /// The requirement's URL key, e.g. `gpu`.
        key: String,
        /// The text chosen (`0`/`1` for flags).
        text: String,
    },
    /// Set a simulation input from text, by its URL key (see `perf::FIELDS`).
    SetSim {
        /// The input's URL key, e.g. `rps`.
        key: String,
        /// The text as typed.
        text: String,
    },
    /// Override a price of the book by its rate key; empty text removes
    /// the override.
    SetOverride {
        /// The rate key, e.g. `ec2.m5.large`.
        key: String,
        /// The figure as typed.
        text: String,
    },
    /// Start from a preset (`None`: the defaults): its workload and
    /// options replace the current ones; the open panel stays.
    SetPreset(Option<Preset>),
}

impl Scenario {
    /// Applies an action. `Err` carries a message for the field concerned and
    /// leaves the Scenario as it was, so the last valid figures stay shown.
    pub fn apply(&mut self, action: Action) -> Result<(), String> {
        match action {
            Action::SetTab(tab) => self.tab = tab,
            Action::SetRegion(code) => match region::find(&code) {
                Some(r) => self.region = r.code.to_string(),
                None => return Err(format!("unknown region {code}")),
            },
            Action::AddService => {
                if self.services.len() >= limits::MAX_SERVICES {
                    return Err(format!("at most {} services", limits::MAX_SERVICES));
                }
                let name = format!("service-{}", self.services.len() + 1);
                self.services.push(Service {
                    name,
                    ..Service::default()
                });
            }
            Action::RemoveService(index) => {
                if index >= self.services.len() {
                    return Err(format!("no service {}", index + 1));
                }
                self.services.remove(index);
            }
            Action::DuplicateService(index) => {
                if self.services.len() >= limits::MAX_SERVICES {
                    return Err(format!("at most {} services", limits::MAX_SERVICES));
                }
                let copy = self
                    .services
                    .get(index)
                    .cloned()
                    .ok_or(format!("no service {}", index + 1))?;
                self.services.insert(index + 1, copy);
            }
            Action::EditService { index, field, text } => {
                let service = self
                    .services
                    .get_mut(index)
                    .ok_or(format!("no service {}", index + 1))?;
                edit_service(service, field, &text)?;
            }
            Action::SetOption { key, text } => {
                let field = options::field(&key).ok_or(format!("unknown option {key}"))?;
                let mut next = self.options.clone();
                (field.set)(&mut next, &text)?;
                self.options = next;
            }
            Action::SetRequirement { key, text } => {
                let field =
                    requirements::field(&key).ok_or(format!("unknown requirement {key}"))?;
                let mut next = self.requirements.clone();
                (field.set)(&mut next, &text)?;
                self.requirements = next;
            }
            Action::SetSim { key, text } => {
                let field =
                    crate::perf::field(&key).ok_or(format!("unknown simulation input {key}"))?;
                let mut next = self.sim.clone();
                (field.set)(&mut next, &text)?;
                self.sim = next;
            }
            Action::SetOverride { key, text } => {
                let value = if text.trim().is_empty() {
                    None
                } else {
                    Some(crate::overrides::parse(&key, &text)?)
                };
                crate::overrides::set(&mut self.overrides, &key, value);
            }
            Action::SetPreset(preset) => {
                let tab = self.tab;
                *self = Scenario {
                    tab,
                    ..Scenario::base(preset)
                };
            }
        }
        Ok(())
    }
}

impl Scenario {
    /// Brings inputs that depend on another input back into its valid
    /// range, and says what changed (shown next to the inputs), so every
    /// input displays the value the figures are computed from:
    /// Windows containers run on x86; an instance type not priced in the
    /// region falls back to auto.
    pub fn adjust(&mut self) -> Vec<String> {
        let mut notes = Vec::new();
        for s in &mut self.services {
            if s.os == Os::Windows && s.arch == Arch::Arm {
                s.arch = Arch::X86;
                notes.push(format!(
                    "{}: Windows containers run on x86, so its architecture is now x86",
                    s.name
                ));
            }
        }
        if let Some(name) = &self.options.instance_type {
            if crate::pricebook::ec2_on_demand(name, &self.region).is_none() {
                notes.push(format!(
                    "{name} has no price in {}, so the instance type is now auto",
                    self.region
                ));
                self.options.instance_type = None;
            }
        }
        notes
    }
}

impl Service {
    /// The canonical text of one field, as the editor displays it and as
    /// the same value would be typed back.
    pub fn field_text(&self, field: ServiceField) -> String {
        match field {
            ServiceField::Name => self.name.clone(),
            ServiceField::Tasks => self.tasks.to_string(),
            ServiceField::Vcpu => format_number(self.vcpu),
            ServiceField::MemoryGib => format_number(self.memory_gib),
            ServiceField::Hours => format_number(self.hours),
            ServiceField::Arch => self.arch.key().to_string(),
            ServiceField::Os => self.os.key().to_string(),
        }
    }
}

fn edit_service(service: &mut Service, field: ServiceField, text: &str) -> Result<(), String> {
    match field {
        ServiceField::Name => service.name = Service::clean_name(text).0,
        ServiceField::Tasks => service.tasks = Service::parse_tasks(text)?,
        ServiceField::Vcpu => service.vcpu = Service::parse_vcpu(text)?,
        ServiceField::MemoryGib => service.memory_gib = Service::parse_memory_gib(text)?,
        ServiceField::Hours => service.hours = Service::parse_hours(text)?,
        ServiceField::Arch => {
            service.arch = Arch::from_key(text).ok_or(format!("unknown architecture {text}"))?
        }
        ServiceField::Os => {
            service.os = Os::from_key(text).ok_or(format!("unknown operating system {text}"))?
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(index: usize, field: ServiceField, text: &str) -> Action {
        Action::EditService {
            index,
            field,
            text: text.into(),
        }
    }

    #[test]
    fn edits_change_only_their_field() {
        let mut s = Scenario::default();
        s.apply(edit(0, ServiceField::Tasks, "7")).unwrap();
        assert_eq!(s.services[0].tasks, 7);
        assert_eq!(s.services[0].vcpu, Service::default().vcpu);
    }

    #[test]
    fn invalid_text_is_refused_and_leaves_the_scenario_unchanged() {
        let mut s = Scenario::default();
        let before = s.clone();
        for (field, text) in [
            (ServiceField::Tasks, "1.5"),
            (ServiceField::Tasks, "-"),
            (ServiceField::Vcpu, ""),
            (ServiceField::Hours, "745"),
            (ServiceField::Arch, "sparc"),
        ] {
            assert!(s.apply(edit(0, field, text)).is_err(), "{field:?} {text}");
            assert_eq!(s.services, before.services);
        }
    }

    #[test]
    fn a_number_mid_typing_is_accepted() {
        // "1." is what a user has typed on the way to "1.5": it reads as 1.
        let mut s = Scenario::default();
        s.apply(edit(0, ServiceField::Vcpu, "1.")).unwrap();
        assert_eq!(s.services[0].vcpu, 1.0);
    }

    #[test]
    fn add_duplicate_remove() {
        let mut s = Scenario::default();
        s.apply(Action::AddService).unwrap();
        s.apply(Action::DuplicateService(1)).unwrap();
        assert_eq!(s.services.len(), 3);
        assert_eq!(s.services[1], s.services[2]);
        s.apply(Action::RemoveService(0)).unwrap();
        assert_eq!(s.services.len(), 2);
        assert!(s.apply(Action::RemoveService(9)).is_err());
        assert!(s.apply(edit(9, ServiceField::Name, "x")).is_err());
    }

    #[test]
    fn options_are_set_by_key_and_checked() {
        let mut s = Scenario::default();
        let set = |key: &str, text: &str| Action::SetOption {
            key: key.into(),
            text: text.into(),
        };
        s.apply(set("spot", "30")).unwrap();
        assert_eq!(s.options.spot_pct, 30.0);
        assert!(s.apply(set("spot", "130")).is_err());
        assert!(s.apply(set("nope", "1")).is_err());
        assert_eq!(s.options.spot_pct, 30.0);
    }

    #[test]
    fn a_preset_replaces_the_workload_but_keeps_the_panel() {
        let mut s = Scenario {
            tab: Tab::Cost,
            ..Scenario::default()
        };
        s.apply(Action::SetPreset(Some(Preset::GuideSmall)))
            .unwrap();
        assert_eq!(s.tab, Tab::Cost);
        assert_eq!(s.services[0].tasks, 1000);
        s.apply(Action::SetPreset(None)).unwrap();
        assert_eq!(
            s,
            Scenario {
                tab: Tab::Cost,
                ..Scenario::default()
            }
        );
    }

    #[test]
    fn requirements_are_set_by_key_and_checked() {
        let mut s = Scenario::default();
        s.apply(Action::SetRequirement {
            key: "gpu".into(),
            text: "1".into(),
        })
        .unwrap();
        assert!(s.requirements.gpu);
        assert!(s
            .apply(Action::SetRequirement {
                key: "gpu".into(),
                text: "yes".into()
            })
            .is_err());
        assert!(s.requirements.gpu);
    }

    #[test]
    fn dependent_inputs_are_adjusted_and_the_change_is_said() {
        let mut s = Scenario::default();
        s.apply(edit(0, ServiceField::Arch, "arm")).unwrap();
        s.apply(edit(0, ServiceField::Os, "windows")).unwrap();
        let notes = s.adjust();
        assert_eq!(s.services[0].arch, Arch::X86);
        assert!(notes[0].contains("x86"));
        s.apply(Action::SetOption {
            key: "it".into(),
            text: "m7a.large".into(),
        })
        .unwrap();
        s.apply(Action::SetRegion("ca-central-1".into())).unwrap();
        assert!(s.adjust()[0].contains("auto"));
        assert_eq!(s.options.instance_type, None);
        assert!(s.adjust().is_empty());
    }

    #[test]
    fn simulation_inputs_are_set_by_key_and_checked() {
        let mut s = Scenario::default();
        s.apply(Action::SetSim {
            key: "rps".into(),
            text: "250".into(),
        })
        .unwrap();
        assert!(s.to_query().contains("rps=250"));
        assert!(s
            .apply(Action::SetSim {
                key: "rps".into(),
                text: "-1".into()
            })
            .is_err());
        assert!(s
            .apply(Action::SetSim {
                key: "zz".into(),
                text: "1".into()
            })
            .is_err());
    }

    #[test]
    fn overrides_are_set_and_cleared() {
        let mut s = Scenario::default();
        let set = |t: &str| Action::SetOverride {
            key: "ec2.m5.large".into(),
            text: t.into(),
        };
        s.apply(set("0.05")).unwrap();
        assert_eq!(s.overrides.len(), 1);
        assert!(s.apply(set("abc")).is_err());
        s.apply(set("")).unwrap();
        assert!(s.overrides.is_empty());
    }

    #[test]
    fn unknown_region_is_refused() {
        let mut s = Scenario::default();
        assert!(s.apply(Action::SetRegion("mars-1".into())).is_err());
        s.apply(Action::SetRegion("eu-west-1".into())).unwrap();
        assert_eq!(s.region, "eu-west-1");
    }
}
