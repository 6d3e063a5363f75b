//! The current view (filtered, sorted, visible columns) as CSV or JSON to download.
//!
//! CSV follows RFC 4180: CRLF line ends, and a field holding a comma, quote or line break is
//! quoted with its quotes doubled. It starts with a UTF-8 byte order mark, because Excel reads
//! a CSV without one in the machine's legacy code page and garbles "Ü" and "—"; LibreOffice and
//! Numbers accept the mark. Unknown values are empty cells (CSV) or `null` (JSON), never 0.

use super::column::Column;
use super::data::TableData;

/// Prefix of the CSV text; see the module comment.
pub const UTF8_BOM: char = '\u{feff}';

#[derive(Clone, Debug, PartialEq, Eq)]
enum Value {
    Text(String),
    Number(u64),
    Empty,
}

/// One exported field: the JSON key, the CSV heading and how to read it from a row.
struct Field {
    key: String,
    heading: String,
    column: Column,
    /// The score's maximum rather than its points.
    maximum: bool,
}

fn fields(data: &TableData, columns: &[Column]) -> Vec<Field> {
    let field = |column: &Column, key: String, heading: String, maximum| Field {
        key,
        heading,
        column: column.clone(),
        maximum,
    };
    let mut fields = Vec::new();
    for column in columns {
        fields.push(field(
            column,
            column.key(),
            column.title(&data.standards),
            false,
        ));
        match column {
            Column::Organisation => fields.push(field(column, "id".into(), "Id".into(), false)),
            Column::Score => fields.push(field(
                column,
                "score_max".into(),
                "Score maximum".into(),
                true,
            )),
            _ => {}
        }
    }
    fields
}

fn value(data: &TableData, row: usize, field: &Field) -> Value {
    let inspection = &data.inspections[row];
    let text = |t: Option<&str>| t.map_or(Value::Empty, |t| Value::Text(t.to_string()));
    match &field.column {
        Column::Organisation if field.key == "id" => Value::Text(inspection.id.clone()),
        Column::Rank => text(data.ranks[row].map(|r| r.display()).as_deref()),
        Column::Organisation => Value::Text(inspection.organisation.clone()),
        Column::Kind => Value::Text(inspection.kind.name().into()),
        Column::Owner => text(inspection.owner.as_deref()),
        Column::Region => text(inspection.region.as_deref()),
        Column::Published => text(inspection.published.map(|d| d.to_string()).as_deref()),
        Column::Round => inspection
            .round
            .map_or(Value::Empty, |r| Value::Number(r.into())),
        Column::Overall => text(inspection.overall.map(|b| b.name())),
        Column::Score => inspection.score.as_ref().map_or(Value::Empty, |s| {
            Value::Number(if field.maximum { s.max } else { s.points }.into())
        }),
        Column::Standard(code) => text(inspection.standards.get(code).map(|b| b.name())),
        Column::Caseload => inspection
            .caseload
            .as_ref()
            .map_or(Value::Empty, |c| Value::Number(c.count.into())),
        Column::Confidence => text(inspection.confidence.map(|c| c.name())),
        Column::Source => text(inspection.source_url.as_deref()),
    }
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The rows, in order, with the given columns; see the module comment for the format.
pub fn to_csv(data: &TableData, rows: &[usize], columns: &[Column]) -> String {
    let fields = fields(data, columns);
    let mut csv = String::from(UTF8_BOM);
    let line = |cells: Vec<String>| cells.join(",") + "\r\n";
    csv.push_str(&line(
        fields.iter().map(|f| csv_field(&f.heading)).collect(),
    ));
    for &row in rows {
        csv.push_str(&line(
            fields
                .iter()
                .map(|field| match value(data, row, field) {
                    Value::Text(text) => csv_field(&text),
                    Value::Number(n) => n.to_string(),
                    Value::Empty => String::new(),
                })
                .collect(),
        ));
    }
    csv
}

/// A JSON string literal, escaped by hand: the app then needs no JSON serialiser.
fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The rows as a JSON array of objects keyed by column (`std-2.1`, `score_max` …), one per line.
pub fn to_json(data: &TableData, rows: &[usize], columns: &[Column]) -> String {
    let fields = fields(data, columns);
    let quoted = json_string;
    let objects: Vec<String> = rows
        .iter()
        .map(|&row| {
            let members: Vec<String> = fields
                .iter()
                .map(|field| {
                    let value = match value(data, row, field) {
                        Value::Text(text) => quoted(&text),
                        Value::Number(n) => n.to_string(),
                        Value::Empty => "null".into(),
                    };
                    format!("{}:{value}", quoted(&field.key))
                })
                .collect();
            format!("{{{}}}", members.join(","))
        })
        .collect();
    if objects.is_empty() {
        "[]\n".into()
    } else {
        format!("[\n{}\n]\n", objects.join(",\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::data::tests::sample;
    use crate::table::filter::Filter;
    use crate::table::sort::Sort;
    use std::collections::BTreeSet;

    fn rows(data: &TableData) -> Vec<usize> {
        data.rows(&Filter::default(), &Sort::default())
    }

    #[test]
    fn csv_has_a_bom_crlf_lines_and_rfc_4180_quoting() {
        let mut data = sample();
        data.inspections[3].organisation = "Delta, \"the\" CRC".into();
        data.inspections[3].region = Some("Line one\nline two".into());
        let columns = [
            Column::Rank,
            Column::Organisation,
            Column::Region,
            Column::Score,
        ];
        let csv = to_csv(&data, &rows(&data), &columns);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv[3..].split_terminator("\r\n").collect();
        assert_eq!(lines[0], "Rank,Organisation,Id,Region,Score,Score maximum");
        assert_eq!(
            lines[1],
            "1,\"Delta, \"\"the\"\" CRC\",d,\"Line one\nline two\",,"
        );
        assert_eq!(lines[2], "2,Echo,e,\"Gwent, Dyfed-Powys\",18,27");
        // The unknown overall band has no rank: an empty cell, not 0.
        assert_eq!(lines[6], ",Charlie,c,,,");
        assert_eq!(lines.len(), 7);
        assert!(csv.ends_with("\r\n"));
    }

    #[test]
    fn csv_keeps_the_view_order_and_visible_standards_only() {
        let mut data = sample();
        // No commas in cells, so a plain split finds the columns.
        data.inspections[4].region = Some("Gwent".into());
        let hidden: BTreeSet<String> = ["shared".to_string(), "specific".to_string()].into();
        let columns = data.columns(&hidden);
        let csv = to_csv(&data, &rows(&data), &columns);
        let header = csv.lines().next().unwrap();
        assert!(header.contains(",2.1 Assessment,"), "{header}");
        assert!(!header.contains("1.1"), "{header}");
        let bands: Vec<&str> = csv
            .lines()
            .skip(1)
            .map(|l| l.split(',').nth(11).unwrap())
            .collect();
        assert_eq!(
            bands,
            ["Requires improvement", "Good", "", "", "Inadequate", ""]
        );
    }

    #[test]
    fn json_has_typed_values_and_nulls_for_unknowns() {
        let data = sample();
        let columns = [
            Column::Rank,
            Column::Organisation,
            Column::Overall,
            Column::Score,
        ];
        let json = to_json(&data, &rows(&data), &columns);
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        let rows = parsed.as_array().unwrap();
        assert_eq!(rows.len(), 6);
        assert_eq!(
            rows[1],
            serde_json::json!({"rank": "2", "organisation": "Echo", "id": "e",
                "overall": "Good", "score": 18, "score_max": 27})
        );
        assert_eq!(
            rows[5],
            serde_json::json!({"rank": null, "organisation": "Charlie", "id": "c",
                "overall": null, "score": null, "score_max": null})
        );
        assert!(json.starts_with("[\n{\"rank\":\"1\",\"organisation\":\"Delta\""));
        assert_eq!(to_json(&data, &[], &columns), "[]\n");
    }

    #[test]
    fn json_strings_are_escaped() {
        let text = "quote \" slash \\ line\nbreak \u{1} tab\t é";
        let parsed: String = serde_json::from_str(&json_string(text)).unwrap();
        assert_eq!(parsed, text);
    }
}
