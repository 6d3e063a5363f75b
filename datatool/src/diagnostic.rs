//! Error reports that name the file, line and field, so the editor can go straight to the mistake.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub field: Option<String>,
    pub reason: String,
}

impl Diagnostic {
    pub fn new(
        file: &Path,
        line: Option<usize>,
        field: Option<&str>,
        reason: impl Into<String>,
    ) -> Self {
        Diagnostic {
            file: file.to_path_buf(),
            line,
            field: field.map(str::to_string),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": {field}")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// Line number (1-based) of a byte offset in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Line number of a CSV record. Computed from its byte offset, skipping any line ending the
/// offset still points at: csv's own line count, and its offsets, drift on CRLF files, which
/// spreadsheets write.
pub fn csv_line(text: &str, position: &csv::Position) -> usize {
    let start = (position.byte() as usize).min(text.len());
    let skipped = text[start..]
        .bytes()
        .take_while(|b| matches!(b, b'\r' | b'\n'))
        .count();
    line_of(text, start + skipped)
}

/// The error for a CSV file with no header row (an empty file, or only blank lines).
pub fn no_header(path: &Path) -> Vec<Diagnostic> {
    vec![Diagnostic::new(
        path,
        Some(1),
        Some("header"),
        "the file is empty: expected a header row",
    )]
}

/// The column of a CSV file that the end of `before` (the file's text up to some byte) falls
/// in, named by the header row: for a message about a byte rather than a value (a bad byte, a
/// size limit). "header" on the header row, "field N" past its last column. Read by the same
/// CSV reader as the file itself, so quotes, line endings and a byte order mark count alike.
pub fn csv_field_at(before: &str) -> String {
    // A character after the end, so a field or row just begun counts as one.
    let text = format!("{before}x");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map_while(Result::ok).collect();
    match (records.first(), records.last()) {
        (Some(header), Some(last)) if records.len() > 1 => {
            field_name(header, last.len() - 1).unwrap_or_else(|| format!("field {}", last.len()))
        }
        _ => "header".into(),
    }
}

/// The header's name for field `index`, if it has one.
fn field_name(header: &csv::StringRecord, index: usize) -> Option<String> {
    header
        .get(index)
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_string)
}

/// The error for a row whose number of fields differs from the header's, named by the field
/// that runs over several lines (most likely a quote left open, which swallows the lines after
/// it), else by the first column whose value does not fit it (`fits`: a comma left unquoted or
/// a value left out shifts every value after it), else by the first column a short row has no
/// field for, or by the first field past the last column.
pub fn wrong_field_count(
    path: &Path,
    line: usize,
    header: &csv::StringRecord,
    record: &csv::StringRecord,
    fits: impl Fn(&str, &str) -> bool,
) -> Diagnostic {
    let counts = format!(
        "{} fields but the header has {}",
        record.len(),
        header.len()
    );
    // Blamed only if, shifted by the fields too many or too few, the values from there on fit
    // their columns: otherwise the misfit is a mistake of its own in a row that is in step.
    let shift = record.len() as isize - header.len() as isize;
    let in_step_after = |at: usize| {
        (at..header.len()).all(|column| {
            let value = usize::try_from(column as isize + shift)
                .ok()
                .and_then(|i| record.get(i));
            value.is_none_or(|value| fits(header[column].trim(), value.trim()))
        })
    };
    let misfit = header
        .iter()
        .zip(record.iter())
        .position(|(column, value)| !fits(column.trim(), value.trim()))
        .filter(|&at| in_step_after(at));
    let (field, reason) = match (record.iter().position(|field| field.contains('\n')), misfit) {
        (Some(open), _) => (
            field_name(header, open),
            format!("this field runs over several lines, so a quote opened in it is probably not closed and the lines after it were read as part of it (the row has {counts})"),
        ),
        (None, Some(at)) => (
            field_name(header, at),
            format!(
                "'{}' does not fit this column, so the values are out of step before it: a value with a comma in it needs double quotes around it, and an empty value still needs its comma (the row has {counts})",
                &record[at]
            ),
        ),
        (None, None) if record.len() < header.len() => (
            field_name(header, record.len()),
            format!("the row ends before this column: it has {counts}"),
        ),
        (None, None) => (
            Some(format!("field {}", header.len() + 1)),
            format!("the row has {counts}: a value with a comma in it needs double quotes around it"),
        ),
    };
    Diagnostic::new(path, Some(line), field.as_deref(), reason)
}

/// Every record the reader can read, with its line; a record it cannot read becomes a diagnostic.
pub fn csv_records<R: std::io::Read>(
    reader: &mut csv::Reader<R>,
    path: &Path,
    text: &str,
    errors: &mut Vec<Diagnostic>,
) -> Vec<(usize, csv::StringRecord)> {
    let mut records = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| csv_line(text, p));
                records.push((line, record));
            }
            Err(e) => {
                let line = e.position().map(|p| csv_line(text, p));
                errors.push(Diagnostic::new(path, line, None, e.to_string()));
            }
        }
    }
    records
}

#[cfg(test)]
mod tests {
    use super::csv_field_at;

    #[test]
    fn a_byte_in_a_csv_file_is_named_by_its_column() {
        let head = "id,organisation,notes\n";
        assert_eq!(csv_field_at("id,organ"), "header");
        assert_eq!(csv_field_at(&format!("{head}crc-1,Caf")), "organisation");
        // A quoted comma and a quoted line break stay inside their field.
        assert_eq!(csv_field_at(&format!("{head}crc-1,\"A, B\nC\",x")), "notes");
        assert_eq!(csv_field_at(&format!("{head}crc-1,A,B,extra")), "field 4");
        assert_eq!(csv_field_at(&format!("{head}crc-1,A,B\r\n")), "id");
        assert_eq!(csv_field_at(&format!("{head}crc-1,")), "organisation");
        // A byte order mark, a quote inside a value, and old Mac line endings.
        assert_eq!(csv_field_at(&format!("\u{feff}{head}cr")), "id");
        assert_eq!(
            csv_field_at(&format!("{head}crc-1,A 12\" report,x")),
            "notes"
        );
        assert_eq!(csv_field_at("id,organisation\rcrc-1,Caf"), "organisation");
    }
}
