//! A scenario read against the price book: the checks that need prices.
//!
//! The model decodes a link and applies edits without a book
//! ([`Scenario::decode`], [`Scenario::normalize`]); this layer adds the
//! rules that need the book — an instance type not priced in the region
//! falls back to auto, an override of a price the book does not hold is
//! dropped — so reading a link never depends on which book is loaded.

use crate::codec::cap_notices;
use crate::notice::Notice;
use crate::scenario::Scenario;

impl Scenario {
    /// Decodes a query string or whole URL into a Scenario plus notices,
    /// adjusted to the book as [`Scenario::adjust`] adjusts an edit.
    pub fn from_query(input: &str) -> (Scenario, Vec<Notice>) {
        let (mut scenario, mut notices) = Scenario::decode(input);
        notices.extend(scenario.fit_to_book());
        cap_notices(&mut notices);
        (scenario, notices)
    }

    /// Brings inputs that depend on another input back into their valid
    /// range and says what changed (shown next to the inputs), so every
    /// input displays the value the figures are computed from: Windows
    /// containers run on x86; an instance type not priced in the region
    /// falls back to auto.
    pub fn adjust(&mut self) -> Vec<String> {
        let mut notes = self.normalize();
        notes.extend(self.fit_to_book().into_iter().map(|n| n.message));
        notes
    }

    /// The book's part of [`Scenario::adjust`], as notices (the field is
    /// `adjusted`, or the override's `p.` key).
    fn fit_to_book(&mut self) -> Vec<Notice> {
        let mut notes = Vec::new();
        self.overrides.retain(|o| {
            let known = super::price_key(&o.key).is_some();
            if !known {
                notes.push(Notice::new(
                    crate::text::clip(&format!("p.{}", o.key)),
                    format!(
                        "{}; the book's figure is used",
                        crate::overrides::not_a_price(&o.key)
                    ),
                ));
            }
            known
        });
        // Until the region's figures are read (the web app fetches them),
        // nothing is known to be unpriced: the choice stands.
        if let Some(it) = self
            .options
            .instance_type
            .filter(|_| super::region_ready(self.region))
        {
            if super::ec2_on_demand(it, self.region).is_none() {
                notes.push(Notice::new(
                    "adjusted",
                    format!(
                        "{it} has no price in {}, so the instance type is now auto",
                        self.region
                    ),
                ));
                self.options.instance_type = None;
            }
        }
        notes
    }
}
