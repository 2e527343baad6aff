//! Field tables: one row per URL key of a settings struct (cost options,
//! requirements, simulation inputs), with its reader and writer. The codec,
//! the web forms and the CLI all go through these rows, so a key cannot be
//! read one way and written another.

use crate::text::{clip, percent_encode};

/// One URL key of a settings struct `T`.
pub struct Field<T: 'static> {
    /// URL key.
    pub key: &'static str,
    /// What it means, for docs and forms.
    pub label: &'static str,
    /// Reads text into the settings; `Err` is a message naming the problem.
    pub set: fn(&mut T, &str) -> Result<(), String>,
    /// Canonical text of the current value ("" for none).
    pub get: fn(&T) -> String,
}

// A field is its row: two handles are equal when they name the same key
// (the tables are static, so a handle is as good as its key).
impl<T> PartialEq for Field<T> {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl<T> std::fmt::Debug for Field<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Field({})", self.key)
    }
}

/// The row of `fields` for a URL key.
pub fn find<T>(fields: &'static [Field<T>], key: &str) -> Option<&'static Field<T>> {
    fields.iter().find(|f| f.key == key)
}

/// Writes `key=value` for every field whose value differs from `base`'s.
pub fn encode<T>(fields: &[Field<T>], value: &T, base: &T, out: &mut Vec<String>) {
    for f in fields {
        let text = (f.get)(value);
        if text != (f.get)(base) {
            // `~` separates parts of a value (e.g. `ds=150~200`): keep it readable.
            out.push(format!(
                "{}={}",
                f.key,
                percent_encode(&text).replace("%7E", "~")
            ));
        }
    }
}

/// `label: value` for every field whose value differs from `base`'s, in
/// table order (a label's trailing unit, `, %`, goes after the value); a
/// value is shown in the words `words` has for it (a listed choice's), and
/// a field `words` gives no words (`""`) is not listed.
pub fn differences<T>(
    fields: &[Field<T>],
    value: &T,
    base: &T,
    words: fn(&str, &str) -> Option<&'static str>,
) -> Vec<String> {
    fields
        .iter()
        .filter_map(|f| {
            let text = (f.get)(value);
            if text == (f.get)(base) {
                return None;
            }
            let shown = match words(f.key, &text) {
                Some("") => return None,
                Some(w) => w,
                None if text.is_empty() => "none",
                None => &text,
            };
            Some(match f.label.rsplit_once(", ") {
                Some((name, "%")) => format!("{name} {shown}%"),
                Some((name, unit)) if !unit.contains(' ') => format!("{name} {shown} {unit}"),
                _ => format!("{}: {shown}", f.label),
            })
        })
        .collect()
}

/// Reads text into one field; on failure the value is kept and the message
/// says which value is in force.
pub fn decode<T>(field: &Field<T>, target: &mut T, text: &str) -> Result<(), String> {
    (field.set)(target, text).map_err(|message| format!("{message}; using {}", (field.get)(target)))
}

/// Stores a checked value, or passes the message on.
pub fn assign<T>(slot: &mut T, value: Result<T, String>) -> Result<(), String> {
    *slot = value?;
    Ok(())
}

/// Reads one of `all` by its key, case-insensitively.
pub fn choose<T: Copy>(
    all: &[T],
    key: fn(T) -> &'static str,
    text: &str,
    what: &str,
) -> Result<T, String> {
    let keys: Vec<&str> = all.iter().map(|v| key(*v)).collect();
    let i = position(&keys, text, what)?;
    all.get(i).copied().ok_or_else(String::new)
}

/// Where `text` is among `keys`, case-insensitively (one body for every
/// type [`choose`] reads: measured, a few hundred bytes of the page each).
#[inline(never)]
fn position(keys: &[&str], text: &str, what: &str) -> Result<usize, String> {
    let text = text.trim().to_ascii_lowercase();
    keys.iter().position(|k| *k == text).ok_or_else(|| {
        format!(
            "{what} must be one of {}, not \"{}\"",
            keys.join(", "),
            clip(&text)
        )
    })
}
