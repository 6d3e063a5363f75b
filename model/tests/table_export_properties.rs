//! Property tests of the league table's exports: the CSV of any view, read back by an RFC 4180
//! reader (the `csv` crate), holds exactly the view's rows and the JSON export's values, whatever
//! commas, quotes, line breaks, accents or leading `=` the names hold, except that a text cell
//! starting like a formula (`=`, `+`, `-`, `@`, tab, carriage return) has a `'` before it.

mod table_support;

use model::table::column::Column;
use model::table::export::{to_csv, to_json, FORMULA_STARTS, UTF8_BOM};
use proptest::prelude::*;
use table_support::table_and_view;

/// The exported fields' JSON keys in CSV column order: each column's key, with the id after
/// the organisation and the score's maximum after the score.
fn keys(columns: &[Column]) -> Vec<String> {
    let mut keys = Vec::new();
    for column in columns {
        keys.push(column.key());
        match column {
            Column::Organisation => keys.push("id".into()),
            Column::Score => keys.push("score_max".into()),
            Column::Caseload => keys.push("caseload_qualifier".into()),
            _ => {}
        }
    }
    keys
}

proptest! {
    #[test]
    fn csv_reparses_to_the_views_rows_and_the_json_values((data, view) in table_and_view()) {
        let rows = data.rows(&view.filter, &view.sort);
        let columns = data.columns(&view.hidden);
        let csv = to_csv(&data, &rows, &columns);
        let body = csv.strip_prefix(UTF8_BOM);
        prop_assert!(body.is_some(), "no byte order mark");
        let records: Vec<Vec<String>> = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(body.unwrap_or_default().as_bytes())
            .records()
            .map(|record| record.map(|r| r.iter().map(str::to_string).collect()))
            .collect::<Result<_, _>>()
            .map_err(|e| TestCaseError::fail(format!("CSV does not parse: {e}\n{csv}")))?;

        let keys = keys(&columns);
        let headings: Vec<String> = columns
            .iter()
            .flat_map(|c| {
                let extra = match c {
                    Column::Organisation => Some("Id".to_string()),
                    Column::Score => Some("Score maximum".to_string()),
                    Column::Caseload => Some("Caseload qualifier".to_string()),
                    _ => None,
                };
                std::iter::once(c.title(&data.standards)).chain(extra)
            })
            .collect();
        prop_assert_eq!(records.first(), Some(&headings));
        prop_assert_eq!(records.len(), rows.len() + 1);

        let json: Vec<serde_json::Map<String, serde_json::Value>> =
            serde_json::from_str(&to_json(&data, &rows, &columns))
                .map_err(|e| TestCaseError::fail(format!("JSON does not parse: {e}")))?;
        prop_assert_eq!(json.len(), rows.len());
        for ((record, object), &row) in records[1..].iter().zip(&json).zip(&rows) {
            prop_assert_eq!(record.len(), keys.len());
            prop_assert_eq!(object.len(), keys.len());
            let inspection = &data.inspections[row];
            for (cell, key) in record.iter().zip(&keys) {
                let expected = match &object[key] {
                    serde_json::Value::Null => String::new(),
                    serde_json::Value::String(text) if text.starts_with(FORMULA_STARTS) => {
                        format!("'{text}")
                    }
                    serde_json::Value::String(text) => text.clone(),
                    serde_json::Value::Number(n) => n.to_string(),
                    other => return Err(TestCaseError::fail(format!("{key}: {other}"))),
                };
                prop_assert_eq!(cell, &expected, "{}", key);
                prop_assert!(!cell.starts_with(FORMULA_STARTS), "{}: {:?}", key, cell);
            }
            // The names are the model's, byte for byte, after the quote a formula start gets.
            let cell = |key: &str| keys.iter().position(|k| k == key).map(|i| record[i].as_str());
            let inert = |name: &str| match name.chars().next() {
                Some(c) if FORMULA_STARTS.contains(&c) => format!("'{name}"),
                _ => name.to_string(),
            };
            let (id, organisation) = (inert(&inspection.id), inert(&inspection.organisation));
            prop_assert_eq!(cell("id"), Some(id.as_str()));
            prop_assert_eq!(cell("organisation"), Some(organisation.as_str()));
            let owner = inert(inspection.owner.as_deref().unwrap_or_default());
            prop_assert_eq!(cell("owner"), Some(owner.as_str()));
            let region = inert(inspection.region.as_deref().unwrap_or_default());
            prop_assert_eq!(cell("region"), Some(region.as_str()));
        }
    }
}
