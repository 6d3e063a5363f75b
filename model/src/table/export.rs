//! The current view (filtered, sorted, visible columns) as CSV or JSON to download.
//!
//! CSV follows RFC 4180: CRLF line ends, and a field holding a comma, quote or line break is
//! quoted with its quotes doubled. It starts with a UTF-8 byte order mark, because Excel reads
//! a CSV without one in the machine's legacy code page and garbles "Ü" and "—"; LibreOffice and
//! Numbers accept the mark. Unknown values are empty cells (CSV) or `null` (JSON), never 0. A
//! standard outside an inspection's framework says "does not apply", as the table does, so a
//! file tells it from a band that applies but was not published.
//!
//! Spreadsheets run a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as
//! a formula ("CSV injection"), so such a text cell gets a leading `'`, which they read as
//! "this is text" and do not show (OWASP's advice). The rule is applied to text cells only:
//! numbers (round, score, maximum, caseload) are written as unsigned digits and never start
//! with one of those characters, and no text the table exports legitimately starts with `-` or
//! `+` (dates are `YYYY[-MM[-DD]]`, unknowns are empty cells, not the URL's `-`). The one text
//! value made here that starts with `=` is a shared rank, "=3", which spreadsheets would
//! otherwise turn into the number 3: quoted, it keeps its meaning. JSON is data, not formulas,
//! so the JSON export keeps every value as it is.

use super::column::Column;
use super::data::TableData;
use crate::compare::{StandardRating, DOES_NOT_APPLY};

/// Prefix of the CSV text; see the module comment.
pub const UTF8_BOM: char = '\u{feff}';

#[derive(Clone, Debug, PartialEq, Eq)]
enum Value {
    Text(String),
    Number(u64),
    Empty,
}

/// Which of a column's values a field holds: most columns export one, and a few carry a
/// second value the table shows with them, so nothing on screen is lost in the file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Main,
    /// The organisation's inspection id, which links the row to its page and to the data.
    Id,
    /// The score's maximum, as the table shows "18 / 27".
    ScoreMaximum,
    /// "more than", "nearly (BBC)" and the like, as quoted; the table shows it with the number.
    CaseloadQualifier,
}

/// One exported field: the JSON key, the CSV heading and how to read it from a row.
struct Field {
    key: String,
    heading: String,
    column: Column,
    part: Part,
}

fn fields(data: &TableData, columns: &[Column]) -> Vec<Field> {
    let field = |column: &Column, key: &str, heading: &str, part| Field {
        key: key.into(),
        heading: heading.into(),
        column: column.clone(),
        part,
    };
    let mut fields = Vec::new();
    for column in columns {
        fields.push(field(
            column,
            &column.key(),
            &column.title(&data.standards),
            Part::Main,
        ));
        match column {
            Column::Organisation => fields.push(field(column, "id", "Id", Part::Id)),
            Column::Score => fields.push(field(
                column,
                "score_max",
                "Score maximum",
                Part::ScoreMaximum,
            )),
            Column::Caseload => fields.push(field(
                column,
                "caseload_qualifier",
                "Caseload qualifier",
                Part::CaseloadQualifier,
            )),
            _ => {}
        }
    }
    fields
}

fn value(data: &TableData, row: usize, field: &Field) -> Value {
    let inspection = &data.inspections[row];
    let text = |t: Option<&str>| t.map_or(Value::Empty, |t| Value::Text(t.to_string()));
    match (&field.column, field.part) {
        (_, Part::Id) => Value::Text(inspection.id.clone()),
        (_, Part::ScoreMaximum) => inspection
            .score
            .as_ref()
            .map_or(Value::Empty, |s| Value::Number(s.max.into())),
        (_, Part::CaseloadQualifier) => text(
            inspection
                .caseload
                .as_ref()
                .and_then(|c| c.qualifier.as_deref()),
        ),
        (Column::Rank, _) => text(data.ranks[row].map(|r| r.display()).as_deref()),
        (Column::Organisation, _) => Value::Text(inspection.organisation.clone()),
        (Column::Kind, _) => Value::Text(inspection.kind.name().into()),
        (Column::Owner, _) => text(inspection.owner.as_deref()),
        (Column::Region, _) => text(inspection.region.as_deref()),
        (Column::Published, _) => text(inspection.published.map(|d| d.to_string()).as_deref()),
        (Column::Round, _) => inspection
            .round
            .map_or(Value::Empty, |r| Value::Number(r.into())),
        (Column::Overall, _) => text(inspection.overall.map(|b| b.name())),
        (Column::Score, _) => inspection
            .score
            .as_ref()
            .map_or(Value::Empty, |s| Value::Number(s.points.into())),
        (Column::Standard(code), _) => match data.standard_rating(row, code) {
            StandardRating::Rated(band) => Value::Text(band.name().into()),
            StandardRating::NotPublished => Value::Empty,
            StandardRating::DoesNotApply => Value::Text(DOES_NOT_APPLY.into()),
        },
        (Column::Caseload, _) => inspection
            .caseload
            .as_ref()
            .map_or(Value::Empty, |c| Value::Number(c.count.into())),
        (Column::Confidence, _) => text(inspection.confidence.map(|c| c.name())),
        (Column::Source, _) => text(inspection.source_url.as_deref()),
    }
}

/// The characters that make a spreadsheet read a cell as a formula; see the module comment.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell as spreadsheets should read it: with a `'` before a formula-starting character.
fn inert(text: &str) -> String {
    if text
        .chars()
        .next()
        .is_some_and(|c| FORMULA_STARTS.contains(&c))
    {
        format!("'{text}")
    } else {
        text.to_string()
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
        // Headings name standards from the data, so they are guarded too.
        fields
            .iter()
            .map(|f| csv_field(&inert(&f.heading)))
            .collect(),
    ));
    for &row in rows {
        csv.push_str(&line(
            fields
                .iter()
                .map(|field| match value(data, row, field) {
                    Value::Text(text) => csv_field(&inert(&text)),
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

    /// Delta's cells in a CSV of the organisation, region and published columns.
    fn delta_cells(data: &TableData) -> Vec<String> {
        let columns = [Column::Organisation, Column::Region, Column::Published];
        let csv = to_csv(data, &[3], &columns);
        let body = csv.strip_prefix(UTF8_BOM).unwrap();
        let mut records = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(body.as_bytes())
            .into_records();
        records.next();
        let record = records.next().unwrap().unwrap();
        record.iter().map(str::to_string).collect()
    }

    #[test]
    fn cells_starting_like_a_formula_get_a_leading_quote_each() {
        for start in FORMULA_STARTS {
            let mut data = sample();
            let name = format!("{start}HYPERLINK(\"https://evil.example\")");
            data.inspections[3].organisation = name.clone();
            data.inspections[3].region = Some(format!("{start}1+1"));
            let cells = delta_cells(&data);
            assert_eq!(cells[0], format!("'{name}"), "{start:?}");
            assert_eq!(cells[2], format!("'{start}1+1"), "{start:?}");
            // JSON is data: the same values, untouched.
            let json = to_json(&data, &[3], &[Column::Organisation]);
            let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(parsed[0]["organisation"], serde_json::json!(name));
        }
    }

    #[test]
    fn a_heading_starting_like_a_formula_gets_a_leading_quote() {
        let mut data = sample();
        let code = data.standards[0].code.clone();
        data.standards[0].name = "x".into();
        data.standards[0].code = "-2+3".into();
        for inspection in &mut data.inspections {
            if let Some(band) = inspection.standards.remove(&code) {
                inspection.standards.insert("-2+3".into(), band);
            }
        }
        let csv = to_csv(&data, &[0], &[Column::Standard("-2+3".into())]);
        let heading = csv
            .trim_start_matches(UTF8_BOM)
            .split("\r\n")
            .next()
            .unwrap();
        assert!(heading.starts_with("'-2+3"), "{heading}");
    }

    #[test]
    fn the_quote_goes_inside_rfc_4180_quoting() {
        let mut data = sample();
        data.inspections[3].organisation = "=1+1, \"x\"".into();
        data.inspections[3].region = Some("\rYork".into());
        let csv = to_csv(&data, &[3], &[Column::Organisation, Column::Region]);
        let line = csv.split("\r\n").nth(1).unwrap();
        // The line ends at the first CRLF, which the region's lone CR is not.
        assert_eq!(line, "\"'=1+1, \"\"x\"\"\",d,\"'\rYork\"");
    }

    #[test]
    fn formula_characters_later_in_a_cell_and_plain_values_are_left_alone() {
        let mut data = sample();
        data.inspections[3].organisation = "Delta = Echo + 1 @home".into();
        data.inspections[3].region = Some("Gwent, Dyfed-Powys".into());
        let cells = delta_cells(&data);
        assert_eq!(
            cells,
            [
                "Delta = Echo + 1 @home",
                "d",
                "Gwent, Dyfed-Powys",
                "2019-07-16"
            ]
        );
        // Scores and counts are numbers: written as they are.
        let csv = to_csv(&data, &[4], &[Column::Score, Column::Round]);
        assert_eq!(csv.lines().nth(1), Some("18,27,2"));
    }

    #[test]
    fn a_shared_rank_keeps_its_equals_sign_as_text() {
        let mut data = sample();
        // Alpha and Foxtrot: both "Requires improvement", neither score known, so they tie.
        data.inspections[5].score = None;
        data = TableData::new(data.inspections, data.standards);
        let shared = data.ranks[0].unwrap().display();
        assert!(shared.starts_with('='), "{shared}");
        let csv = to_csv(&data, &[0, 5], &[Column::Rank]);
        let lines: Vec<&str> = csv.lines().skip(1).collect();
        assert_eq!(lines, [format!("'{shared}"), format!("'{shared}")]);
        let json = to_json(&data, &[0], &[Column::Rank]);
        assert!(json.contains(&format!("\"rank\":\"{shared}\"")), "{json}");
    }

    #[test]
    fn a_caseload_keeps_its_qualifier_beside_the_number() {
        let mut data = sample();
        data.inspections[3].caseload = Some(crate::inspection::Caseload {
            count: 6500,
            qualifier: Some("more than".into()),
        });
        data.inspections[4].caseload = Some(crate::inspection::Caseload {
            count: 812,
            qualifier: None,
        });
        let columns = [Column::Organisation, Column::Caseload];
        let csv = to_csv(&data, &[3, 4, 2], &columns);
        let lines: Vec<&str> = csv[3..].split_terminator("\r\n").collect();
        assert_eq!(
            lines,
            [
                "Organisation,Id,Caseload,Caseload qualifier",
                "Delta,d,6500,more than",
                "Echo,e,812,",
                "Charlie,c,,",
            ]
        );
        let json: serde_json::Value =
            serde_json::from_str(&to_json(&data, &[3, 4], &columns)).unwrap();
        assert_eq!(json[0]["caseload"], 6500);
        assert_eq!(json[0]["caseload_qualifier"], "more than");
        assert_eq!(json[1]["caseload_qualifier"], serde_json::Value::Null);
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
    fn a_standard_outside_the_framework_is_told_from_one_not_published() {
        let data = sample();
        // P2.1 is a PDU standard: Echo (a PDU) has it as Good, bravo (a PDU) has no band for
        // it, and Delta (a CRC) is never rated on it.
        let columns = [Column::Organisation, Column::Standard("P2.1".into())];
        let csv = to_csv(&data, &[4, 1, 3], &columns);
        let lines: Vec<&str> = csv[3..].split_terminator("\r\n").collect();
        assert_eq!(
            lines,
            [
                "Organisation,Id,P2.1 P2.1",
                "Echo,e,Good",
                "bravo,b,",
                "Delta,d,does not apply"
            ]
        );
        let json: serde_json::Value =
            serde_json::from_str(&to_json(&data, &[4, 1, 3], &columns)).unwrap();
        assert_eq!(json[0]["std-P2.1"], "Good");
        assert_eq!(json[1]["std-P2.1"], serde_json::Value::Null);
        assert_eq!(json[2]["std-P2.1"], "does not apply");
    }

    #[test]
    fn json_strings_are_escaped() {
        let text = "quote \" slash \\ line\nbreak \u{1} tab\t é";
        let parsed: String = serde_json::from_str(&json_string(text)).unwrap();
        assert_eq!(parsed, text);
    }
}
