//! The URL codec: a Scenario's public, versioned text form.
//!
//! Links are a contract: a key once published keeps its meaning. Encoding is
//! canonical (fixed key order, defaults omitted, `v=1` first). Decoding
//! accepts a bare query or a whole URL, never panics, keeps every field it
//! can use and names each one it cannot in a [`Notice`].

use crate::field;
use crate::notice::Notice;
use crate::options;
use crate::requirements;
use crate::scenario::{Scenario, Service};
use crate::sim;
use crate::text::{format_number, percent_decode, percent_encode};

/// The link format version this build writes.
pub const VERSION: &str = "1";

/// The keys of the scenario itself, in canonical order; the field tables'
/// keys follow them (see [`keys`]).
pub const SCENARIO_KEYS: [&str; 6] = ["v", "tab", "embed", "preset", "region", "svc"];

/// Every key a link may hold, in the order the encoder writes them: the
/// scenario's own, then the cost options, requirements and simulation
/// inputs (each table in its order), then `p.<rate key>` overrides.
/// `docs/url.md` lists exactly these, in this order (a test checks it).
pub fn keys() -> Vec<&'static str> {
    let mut out = SCENARIO_KEYS.to_vec();
    out.extend(options::FIELDS.iter().map(|f| f.key));
    out.extend(requirements::FIELDS.iter().map(|f| f.key));
    out.extend(sim::FIELDS.iter().map(|f| f.key));
    out.push("p.<rate key>");
    out
}

/// Separator between the fields of one `svc=` value.
const SVC_SEP: char = '~';

impl Scenario {
    /// Decodes a query string or whole URL into a Scenario plus notices,
    /// using no price book ([`Scenario::from_query`] adds the book's checks).
    pub fn decode(input: &str) -> (Scenario, Vec<Notice>) {
        let mut decoder = Decoder::default();
        let pairs: Vec<(String, &str)> = pairs(query_part(input)).collect();
        // The preset is the base every other key is read against, wherever
        // it stands in the link.
        if let Some((_, raw)) = pairs.iter().rev().find(|(k, _)| k == "preset") {
            decoder.preset(raw);
        }
        for (key, raw) in pairs {
            decoder.field(&key, raw);
        }
        decoder.finish()
    }

    /// Encodes this Scenario canonically; decoding the result gives it back.
    pub fn to_query(&self) -> String {
        let base = Scenario::base(self.preset);
        let mut out = vec![format!("v={VERSION}")];
        if self.tab != base.tab {
            out.push(format!("tab={}", self.tab.key()));
        }
        if let Some(embed) = self.embed {
            out.push(format!("embed={}", embed.key()));
        }
        if let Some(preset) = self.preset {
            out.push(format!("preset={}", preset.key()));
        }
        if self.region != base.region {
            out.push(format!("region={}", self.region.code()));
        }
        if self.services != base.services {
            if self.services.is_empty() {
                out.push("svc=".to_string());
            }
            out.extend(
                self.services
                    .iter()
                    .map(|s| format!("svc={}", encode_service(s))),
            );
        }
        field::encode(options::FIELDS, &self.options, &base.options, &mut out);
        field::encode(
            requirements::FIELDS,
            &self.requirements,
            &base.requirements,
            &mut out,
        );
        field::encode(sim::FIELDS, &self.sim, &base.sim, &mut out);
        // Overrides are never defaults: each one written, in key order.
        for o in &self.overrides {
            out.push(format!("p.{}={}", o.key, format_number(o.value)));
        }
        out.join("&")
    }
}

/// The part after `?` (or everything, for a bare query), without `#…`.
fn query_part(input: &str) -> &str {
    let input = input.trim();
    let after = match input.split_once('?') {
        Some((_, query)) => query,
        None if input.contains("://") => "",
        None => input,
    };
    after.split('#').next().unwrap_or_default()
}

/// `key=value` pairs; the key is decoded, the value left raw so that a
/// field separator inside an encoded name survives.
fn pairs(query: &str) -> impl Iterator<Item = (String, &str)> {
    query
        .split(['&', ';'])
        .filter(|p| !p.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) => (percent_decode(k).trim().to_ascii_lowercase(), v),
            None => (percent_decode(pair).trim().to_ascii_lowercase(), ""),
        })
}

fn encode_service(s: &Service) -> String {
    let d = Service::default();
    let mut parts = vec![
        percent_encode(&s.name),
        s.tasks.to_string(),
        format_number(s.vcpu),
        format_number(s.memory_gib),
    ];
    // Optional trailing fields: written only up to the last non-default one.
    let tail = [
        (s.arch != d.arch, s.arch.key().to_string()),
        (s.os != d.os, s.os.key().to_string()),
        (s.hours != d.hours, format_number(s.hours)),
        (s.copies != d.copies, s.copies.to_string()),
    ];
    if let Some(last) = tail.iter().rposition(|(differs, _)| *differs) {
        parts.extend(tail.iter().take(last + 1).map(|(_, text)| text.clone()));
    }
    parts.join(&SVC_SEP.to_string())
}

mod decode;
#[cfg(test)]
mod tests;

pub use decode::cap_notices;
use decode::Decoder;
