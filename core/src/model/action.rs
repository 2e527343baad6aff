//! Actions: every edit a user can make, applied purely to a Scenario.
//!
//! The web app's reducer clones the Scenario, applies one Action and keeps
//! the result; the same code runs natively under test.

use crate::catalog::PriceKey;
use crate::options;
use crate::preset::Preset;
use crate::region::RegionId;
use crate::requirements;
use crate::scenario::{limits, Arch, Os, Scenario, Service, Tab};
use crate::sim;
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
    /// Identical services the row stands for.
    Copies,
}

/// An edit to the Scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Open a panel.
    SetTab(Tab),
    /// Change region (ignored unless the code is known).
    SetRegion(RegionId),
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
    /// Set a cost option from text (a row of `options::FIELDS`).
    SetOption {
        /// The option, e.g. the row of `spot`.
        field: &'static options::Field,
        /// The text as typed.
        text: String,
    },
    /// Set a requirement of the decision engine from text (a row of
    /// `requirements::FIELDS`).
    SetRequirement {
        /// The requirement, e.g. the row of `gpu`.
        field: &'static requirements::Field,
        /// The text chosen (`0`/`1` for flags).
        text: String,
    },
    /// Set a simulation input from text (a row of `sim::FIELDS`).
    SetSim {
        /// The input, e.g. the row of `rps`.
        field: &'static sim::Field,
        /// The text as typed.
        text: String,
    },
    /// Override a price of the book by its rate key; empty text removes
    /// the override.
    SetOverride {
        /// The price, e.g. `ec2.m5.large`.
        key: PriceKey,
        /// The figure as typed.
        text: String,
    },
    /// Start from a preset (`None`: the defaults): its workload and
    /// options replace the current ones; the open panel, the region, the
    /// requirements and the simulation inputs stay.
    SetPreset(Option<Preset>),
}

impl Scenario {
    /// Applies an action. `Err` carries a message for the field concerned and
    /// leaves the Scenario as it was, so the last valid figures stay shown.
    pub fn apply(&mut self, action: Action) -> Result<(), String> {
        match action {
            Action::SetTab(tab) => self.tab = tab,
            Action::SetRegion(region) => self.region = region,
            Action::AddService => {
                if self.service_count() >= limits::MAX_SERVICES {
                    return Err(too_many());
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
                let copy = self
                    .services
                    .get(index)
                    .cloned()
                    .ok_or(format!("no service {}", index + 1))?;
                if self.service_count() + copy.copies as usize > limits::MAX_SERVICES {
                    return Err(too_many());
                }
                self.services.insert(index + 1, copy);
            }
            Action::EditService { index, field, text } => {
                let total = self.service_count();
                let service = self
                    .services
                    .get_mut(index)
                    .ok_or(format!("no service {}", index + 1))?;
                let mut next = service.clone();
                edit_service(&mut next, field, &text)?;
                if total - service.copies as usize + next.copies as usize > limits::MAX_SERVICES {
                    return Err(too_many());
                }
                *service = next;
            }
            Action::SetOption { field, text } => {
                let mut next = self.options.clone();
                (field.set)(&mut next, &text)?;
                self.options = next;
            }
            Action::SetRequirement { field, text } => {
                let mut next = self.requirements.clone();
                (field.set)(&mut next, &text)?;
                self.requirements = next;
            }
            Action::SetSim { field, text } => {
                let mut next = self.sim.clone();
                (field.set)(&mut next, &text)?;
                self.sim = next;
            }
            Action::SetOverride { key, text } => {
                let value = if text.trim().is_empty() {
                    None
                } else {
                    Some(crate::overrides::parse(key.as_str(), &text)?)
                };
                crate::overrides::set(&mut self.overrides, key.as_str(), value);
            }
            Action::SetPreset(preset) => {
                // A preset replaces the workload and its options; what the
                // user chose about where and why (panel, region,
                // requirements, simulation) stays.
                let kept = (
                    self.tab,
                    self.region,
                    self.requirements.clone(),
                    self.sim.clone(),
                );
                *self = Scenario::base(preset);
                (self.tab, self.region, self.requirements, self.sim) = kept;
            }
        }
        Ok(())
    }
}

impl Scenario {
    /// Brings inputs that depend on another input back into its valid
    /// range, and says what changed, using no price book: Windows
    /// containers run on x86. The price book's own rule is added by
    /// [`Scenario::adjust`](crate::pricebook).
    pub fn normalize(&mut self) -> Vec<String> {
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
            ServiceField::Copies => self.copies.to_string(),
        }
    }
}

/// Why a workload cannot grow: the services, counted with their copies,
/// are at the limit.
fn too_many() -> String {
    format!(
        "at most {} services in all, counting copies",
        limits::MAX_SERVICES
    )
}

fn edit_service(service: &mut Service, field: ServiceField, text: &str) -> Result<(), String> {
    match field {
        ServiceField::Name => service.name = Service::clean_name(text).0,
        ServiceField::Tasks => service.tasks = Service::parse_tasks(text)?,
        ServiceField::Vcpu => service.vcpu = Service::parse_vcpu(text)?,
        ServiceField::MemoryGib => service.memory_gib = Service::parse_memory_gib(text)?,
        ServiceField::Hours => service.hours = Service::parse_hours(text)?,
        ServiceField::Copies => service.copies = Service::parse_copies(text)?,
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
mod tests;
