//! Reading a link: the decoder behind [`Scenario::decode`], which keeps
//! every field it can use and names the rest in notices.

use std::collections::BTreeSet;

use super::{SVC_SEP, VERSION};
use crate::field;
use crate::notice::Notice;
use crate::options;
use crate::preset::Preset;
use crate::region::{self, RegionId};
use crate::requirements;
use crate::scenario::{limits, Arch, Os, Scenario, Service, Tab};
use crate::sim;
use crate::text::{clip, format_number, percent_decode};

/// Most notices one link yields: more than any link a person wrote needs,
/// few enough for a page to list (a 1 MB link can hold 100,000 bad keys).
const MAX_NOTICES: usize = 100;

/// True for every key the decoder reads, `svc` aside. Keep it in step with
/// the `match` in `Decoder::field`: a key missing here reads as unknown,
/// which `every_key_the_encoder_writes_is_known` and any round trip catch.
pub(super) fn known(key: &str) -> bool {
    (key != "svc" && super::SCENARIO_KEYS.contains(&key))
        || key.starts_with("p.")
        || options::field(key).is_some()
        || requirements::field(key).is_some()
        || sim::field(key).is_some()
}

#[derive(Default)]
pub(super) struct Decoder {
    scenario: Option<Scenario>,
    notices: Vec<Notice>,
    services: Option<Vec<Service>>,
    service_count: usize,
    capped: bool,
    /// Keys read so far: a set, since a 1 MB link can hold 100,000 keys
    /// and a list made decoding it quadratic (29 s).
    seen: BTreeSet<String>,
    /// Keys already named as repeated: one notice per key, not per copy.
    repeated: BTreeSet<String>,
}

impl Decoder {
    fn scenario(&mut self) -> &mut Scenario {
        self.scenario.get_or_insert_with(Scenario::default)
    }

    fn note(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.notices.push(Notice::new(field, message));
    }

    pub(super) fn preset(&mut self, raw: &str) {
        let value = percent_decode(raw).trim().to_ascii_lowercase();
        match Preset::from_key(&value) {
            Some(preset) => self.scenario = Some(Scenario::base(Some(preset))),
            None => self.note(
                "preset",
                format!(
                    "unknown preset \"{}\"; starting from the defaults",
                    clip(&value)
                ),
            ),
        }
    }

    pub(super) fn field(&mut self, key: &str, raw: &str) {
        if key == "svc" {
            return self.service(raw);
        }
        let first = self.seen.insert(key.to_string());
        if !known(key) {
            // Named once, however often a link repeats it.
            if first {
                self.note(clip(key), "unknown field, ignored");
            }
            return;
        }
        if !first && self.repeated.insert(key.to_string()) {
            self.note(key, "given more than once; the last value is used");
        }
        let value = percent_decode(raw);
        let value = value.trim();
        match key {
            "v" => {
                if value != VERSION {
                    let msg = format!(
                        "link format version {} is not known; read as version {VERSION}",
                        clip(value)
                    );
                    self.note("v", msg);
                }
            }
            "tab" => match Tab::from_key(&value.to_ascii_lowercase()) {
                Some(tab) => self.scenario().tab = tab,
                None => self.note(
                    "tab",
                    format!("unknown panel \"{}\"; showing Decide", clip(value)),
                ),
            },
            "region" => match RegionId::from_code(&value.to_ascii_lowercase()) {
                Some(r) => self.scenario().region = r,
                None => {
                    let msg = format!(
                        "unknown region \"{}\"; using {}",
                        clip(value),
                        region::DEFAULT_REGION
                    );
                    self.scenario().region = RegionId::default();
                    self.note("region", msg);
                }
            },
            "preset" => {} // read first, in `preset`
            k if k.starts_with("p.") => {
                let rate = k.trim_start_matches("p.");
                let full = self.scenario().overrides.len() >= limits::MAX_OVERRIDES
                    && !self.scenario().overrides.iter().any(|o| o.key == rate);
                match crate::overrides::parse(rate, value) {
                    Ok(_) if full => self.note(
                        clip(k),
                        format!("at most {} price overrides; ignored", limits::MAX_OVERRIDES),
                    ),
                    Ok(o) => crate::overrides::set(&mut self.scenario().overrides, rate, Some(o)),
                    Err(message) => {
                        self.note(clip(k), format!("{message}; the book's figure is used"))
                    }
                }
            }
            "embed" => match crate::embed::Embed::from_key(&value.to_ascii_lowercase()) {
                Some(embed) => self.scenario().embed = Some(embed),
                None => self.note(
                    "embed",
                    format!(
                        "unknown embed view \"{}\"; showing the whole page",
                        clip(value)
                    ),
                ),
            },
            _ => {
                let scenario = self.scenario();
                let result = if let Some(f) = options::field(key) {
                    field::decode(f, &mut scenario.options, value)
                } else if let Some(f) = requirements::field(key) {
                    field::decode(f, &mut scenario.requirements, value)
                } else if let Some(f) = sim::field(key) {
                    field::decode(f, &mut scenario.sim, value)
                } else {
                    Ok(()) // unknown keys were named above
                };
                if let Err(message) = result {
                    self.note(key, message);
                }
            }
        }
    }

    fn service(&mut self, raw: &str) {
        self.service_count += 1;
        let index = self.service_count;
        let list = self.services.get_or_insert_with(Vec::new);
        if raw.trim().is_empty() {
            return; // `svc=` alone: an explicitly empty workload
        }
        let room = limits::MAX_SERVICES - list.iter().map(|s| s.copies as usize).sum::<usize>();
        if room == 0 {
            if !self.capped {
                self.capped = true;
                let msg = format!(
                    "more than {} services; the rest are ignored",
                    limits::MAX_SERVICES
                );
                self.notices.push(Notice::new("svc", msg));
            }
            return;
        }
        match decode_service(raw, index, &mut self.notices) {
            Some(mut service) => {
                if service.copies as usize > room {
                    service.copies = room as u32;
                    self.capped = true;
                    let msg = format!(
                        "more than {} services counting copies; this row keeps {room}, the rest are ignored",
                        limits::MAX_SERVICES
                    );
                    self.notices
                        .push(Notice::new(format!("svc[{index}].copies"), msg));
                }
                list.push(service)
            }
            None => self.note(
                format!("svc[{index}]"),
                "service could not be read and was left out",
            ),
        }
    }

    pub(super) fn finish(mut self) -> (Scenario, Vec<Notice>) {
        if let Some(services) = self.services.take() {
            self.scenario().services = services;
        }
        // What the app does after every edit, so a link shows what it prices:
        // e.g. a Windows service on arm becomes x86, with a notice.
        for note in self.scenario().normalize() {
            self.note("adjusted", note);
        }
        (self.scenario.unwrap_or_default(), self.notices)
    }
}

/// Keeps at most [`MAX_NOTICES`] notices, the last one saying how many
/// more there were, so a hostile link cannot flood the page.
pub fn cap_notices(notices: &mut Vec<Notice>) {
    if notices.len() > MAX_NOTICES {
        let more = notices.len() - (MAX_NOTICES - 1);
        notices.truncate(MAX_NOTICES - 1);
        notices.push(Notice::new(
            "notices",
            format!("{more} more notices not listed"),
        ));
    }
}

/// Reads `name~tasks~vcpu~memory[~arch[~os[~hours[~copies]]]]`. A bad optional field
/// falls back to its default with a notice; a bad required one drops the
/// service (returns `None`), since guessing a size would misprice it.
fn decode_service(raw: &str, index: usize, notices: &mut Vec<Notice>) -> Option<Service> {
    let mut parts: Vec<String> = raw.split(SVC_SEP).map(percent_decode).collect();
    if parts.len() == 1 {
        // A mail or chat tool encoded the separators themselves (`%7E`).
        parts = parts.concat().split(SVC_SEP).map(str::to_string).collect();
    }
    let field = |name: &str| format!("svc[{index}].{name}");
    let mut bad = |name: &str, message: String| notices.push(Notice::new(field(name), message));
    let d = Service::default();
    let get = |i: usize| parts.get(i).map(|s| s.trim());

    let (name, clipped) =
        Service::clean_name(parts.first().map(String::as_str).unwrap_or_default());
    if clipped {
        bad(
            "name",
            format!("name cut to {} characters", limits::MAX_NAME_CHARS),
        );
    }
    let mut required = |i: usize, what: &str| match get(i) {
        Some(text) => Some(text.to_string()),
        None => {
            bad(what, format!("{what} is missing"));
            None
        }
    };
    let (tasks, vcpu, memory) = (
        required(1, "tasks"),
        required(2, "vcpu"),
        required(3, "memory"),
    );
    let tasks = check(Service::parse_tasks(&tasks?), &mut bad, "tasks")?;
    let vcpu = check(Service::parse_vcpu(&vcpu?), &mut bad, "vcpu")?;
    let memory_gib = check(Service::parse_memory_gib(&memory?), &mut bad, "memory")?;

    let arch = match get(4).filter(|s| !s.is_empty()) {
        None => d.arch,
        Some(text) => Arch::from_key(&text.to_ascii_lowercase()).unwrap_or_else(|| {
            bad(
                "arch",
                format!("unknown architecture \"{}\"; using x86", clip(text)),
            );
            d.arch
        }),
    };
    let os = match get(5).filter(|s| !s.is_empty()) {
        None => d.os,
        Some(text) => Os::from_key(&text.to_ascii_lowercase()).unwrap_or_else(|| {
            bad(
                "os",
                format!("unknown operating system \"{}\"; using linux", clip(text)),
            );
            d.os
        }),
    };
    let hours = match get(6).filter(|s| !s.is_empty()) {
        None => d.hours,
        Some(text) => Service::parse_hours(text).unwrap_or_else(|e| {
            bad("hours", format!("{e}; using {}", format_number(d.hours)));
            d.hours
        }),
    };
    let copies = match get(7).filter(|s| !s.is_empty()) {
        None => d.copies,
        Some(text) => Service::parse_copies(text).unwrap_or_else(|e| {
            bad("copies", format!("{e}; using 1"));
            d.copies
        }),
    };
    if parts.len() > 8 {
        bad(
            "extra",
            format!("{} extra field(s) ignored", parts.len() - 8),
        );
    }
    Some(Service {
        name,
        tasks,
        vcpu,
        memory_gib,
        arch,
        os,
        hours,
        copies,
    })
}

fn check<T>(
    result: Result<T, String>,
    bad: &mut impl FnMut(&str, String),
    what: &str,
) -> Option<T> {
    result.map_err(|e| bad(what, e)).ok()
}
