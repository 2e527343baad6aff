//! Notices: what the decoder or an edit could not use, named by field.

use serde::{Deserialize, Serialize};

/// One thing Berth could not use as given, and what it did instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// The URL key or form field concerned, e.g. `region` or `svc[2].vcpu`.
    pub field: String,
    /// A plain sentence: what was wrong and what Berth used instead.
    pub message: String,
}

impl Notice {
    /// A notice about `field`.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}
