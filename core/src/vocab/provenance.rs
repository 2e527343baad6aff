//! Where a figure of the price book comes from, and how far it can be
//! trusted: the five columns every book file ends with.

use std::sync::{Mutex, OnceLock};

use crate::table::{ensure, valid_date, Row, TableError};

/// The provenance columns every book file ends with, in order.
pub const COLUMNS: [&str; 5] = ["source", "as_of", "confidence", "derived", "note"];

/// How far a figure can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Confidence {
    /// Machine-generated from an AWS API, or an AWS page, and cross-checked.
    High,
    /// One reliable source, or a rule verified on a sample.
    Medium,
    /// A secondary source, a stale snapshot, or an inference.
    Low,
}

impl Confidence {
    /// The lower-case word used in the data files (`high`, `medium`, `low`).
    pub fn key(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }
}

/// [`Provenance::words`] of a provenance that holds its texts itself.
pub const INLINE: u32 = u32::MAX;

/// Where one figure comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Provenance {
    /// The source: repository and commit, page, or document.
    pub source: &'static str,
    /// When the figure was known to hold: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`,
    /// or `undated` when the source carries no date.
    pub as_of: &'static str,
    /// How far the figure can be trusted.
    pub confidence: Confidence,
    /// True when the figure was derived or inferred rather than read
    /// (e.g. `derived_0.8x_linux_x86`); `note` says how.
    pub derived: bool,
    /// Anything a reader needs to use the figure correctly.
    pub note: &'static str,
    /// [`INLINE`]: `source` and `note` are the texts. Otherwise the line
    /// of the book's words file that holds them (the web app's files
    /// carry only this number; the page fetches the words after its first
    /// render): read them with [`Provenance::source`] and
    /// [`Provenance::note`].
    pub words: u32,
}

impl Provenance {
    /// The source text ("" while the words file is not read).
    pub fn source(&self) -> &'static str {
        self.texts().0
    }

    /// The note text ("" while the words file is not read).
    pub fn note(&self) -> &'static str {
        self.texts().1
    }

    fn texts(&self) -> (&'static str, &'static str) {
        if self.words == INLINE {
            return (self.source, self.note);
        }
        WORDS
            .get()
            .and_then(|w| w.get(self.words as usize))
            .copied()
            .unwrap_or(("", ""))
    }
}

/// The book's words (source, note) by line, once read.
static WORDS: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();

/// Reads the words file (`source<TAB>note` per line) and puts it in use;
/// a second file is refused.
pub fn install_words(text: &str) -> Result<(), String> {
    let mut words = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let (source, note) = line
            .split_once('\t')
            .ok_or_else(|| format!("words line {}: not a source and a note", n + 1))?;
        words.push((keep(source), keep(note)));
    }
    WORDS
        .set(words)
        .map_err(|_| "the words are already read".to_string())
}

/// Whether the words file is read (the provenances of a book read with
/// texts in place have them anyway).
pub fn words_ready() -> bool {
    WORDS.get().is_some()
}

/// The provenance of a row, checked, kept once for the life of the
/// program (a book's figures are `'static`: the engines hold them by
/// reference, and a book is read once).
pub fn read(row: &Row<'_>) -> Result<&'static Provenance, TableError> {
    let confidence = match row.get("confidence") {
        "high" => Confidence::High,
        "medium" => Confidence::Medium,
        "low" => Confidence::Low,
        other => return Err(row.error(format!("confidence \"{other}\" is not high|medium|low"))),
    };
    let derived = row.boolean("derived")?;
    let note = row.get("note");
    ensure!(
        !derived || !note.trim().is_empty(),
        row,
        "a derived figure needs a note saying how it was derived"
    );
    let as_of = row.get("as_of");
    ensure!(
        valid_date(as_of),
        row,
        "as_of must be YYYY-MM-DD, YYYY-MM, YYYY or undated"
    );
    let source = row.get("source");
    ensure!(!source.trim().is_empty(), row, "source is empty");
    Ok(kept(as_of, confidence, derived, source, note))
}

/// The kept provenance with these parts, made the first time (a book has
/// a few dozen distinct provenances; each row names one of them).
pub fn kept(
    as_of: &str,
    confidence: Confidence,
    derived: bool,
    source: &str,
    note: &str,
) -> &'static Provenance {
    kept_with(as_of, confidence, derived, (source, note), INLINE)
}

/// The kept provenance whose texts are line `words` of the words file.
pub fn kept_words(
    as_of: &str,
    confidence: Confidence,
    derived: bool,
    words: u32,
) -> &'static Provenance {
    kept_with(as_of, confidence, derived, ("", ""), words)
}

fn kept_with(
    as_of: &str,
    confidence: Confidence,
    derived: bool,
    (source, note): (&str, &str),
    words: u32,
) -> &'static Provenance {
    let same = |k: &&&'static Provenance| {
        k.as_of == as_of
            && k.confidence == confidence
            && k.derived == derived
            && k.source == source
            && k.note == note
            && k.words == words
    };
    // Rows come grouped by source, so the newest entries match most often:
    // search from the end.
    if let Ok(kept) = KEPT.lock() {
        if let Some(k) = kept.provenances.iter().rev().find(same) {
            return k;
        }
    }
    let k: &'static Provenance = Box::leak(Box::new(Provenance {
        source: keep(source),
        as_of: keep(as_of),
        confidence,
        derived,
        note: keep(note),
        words,
    }));
    if let Ok(mut kept) = KEPT.lock() {
        kept.provenances.push(k);
    }
    k
}

/// Each distinct text and provenance of the books read, once. Plain lists:
/// a few hundred entries, searched only while a book is read (an ordered
/// map would cost the page more code than it saves time).
struct Kept {
    texts: Vec<&'static str>,
    provenances: Vec<&'static Provenance>,
}

static KEPT: Mutex<Kept> = Mutex::new(Kept {
    texts: Vec::new(),
    provenances: Vec::new(),
});

/// The kept copy of `text` (units, keys, sources: a few hundred).
pub fn keep(text: &str) -> &'static str {
    let leak = |t: &str| -> &'static str { Box::leak(t.to_string().into_boxed_str()) };
    let Ok(mut kept) = KEPT.lock() else {
        return leak(text);
    };
    if let Some(k) = kept.texts.iter().rev().find(|k| **k == text) {
        return k;
    }
    let k = leak(text);
    kept.texts.push(k);
    k
}
