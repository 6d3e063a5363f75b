//! Reads `standards.csv`: the standard codes and the kinds each applies to.

use crate::diagnostic::{csv_records, no_header, wrong_field_count, Diagnostic};
use model::inspection::{Kind, Standard};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Row {
    code: String,
    domain: String,
    name: String,
    applies_to: String,
}

pub fn parse(path: &Path, text: &str) -> Result<Vec<Standard>, Vec<Diagnostic>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut standards: Vec<Standard> = Vec::new();
    let mut errors = Vec::new();
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(e) => return Err(vec![Diagnostic::new(path, Some(1), None, e.to_string())]),
    };
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(no_header(path));
    }
    for (line, record) in csv_records(&mut reader, path, text, &mut errors) {
        if record.len() != headers.len() {
            errors.push(wrong_field_count(path, line, &headers, &record, |_, _| {
                true
            }));
            continue;
        }
        let line = Some(line);
        let row: Row = match record.deserialize(Some(&headers)) {
            Ok(row) => row,
            Err(e) => {
                let field = match e.kind() {
                    csv::ErrorKind::Deserialize { err, .. } => {
                        err.field().and_then(|i| headers.get(i as usize))
                    }
                    _ => None,
                };
                errors.push(Diagnostic::new(path, line, field, e.to_string()));
                continue;
            }
        };
        let mut applies_to = Vec::new();
        for name in row
            .applies_to
            .split(';')
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            match Kind::parse(name) {
                Some(kind) => applies_to.push(kind),
                None => errors.push(Diagnostic::new(
                    path,
                    line,
                    Some("applies_to"),
                    format!("unknown kind '{name}'; expected CRC, NPS division or PDU"),
                )),
            }
        }
        if applies_to.is_empty() && !errors.iter().any(|e| e.line == line) {
            errors.push(Diagnostic::new(
                path,
                line,
                Some("applies_to"),
                "names no kind; expected CRC, NPS division and/or PDU, separated by ';'",
            ));
        }
        if row.code.trim().is_empty() {
            errors.push(Diagnostic::new(
                path,
                line,
                Some("code"),
                "the code is empty",
            ));
        } else if standards.iter().any(|s| s.code == row.code.trim()) {
            errors.push(Diagnostic::new(
                path,
                line,
                Some("code"),
                format!("standard code '{}' is listed twice", row.code.trim()),
            ));
        }
        standards.push(Standard {
            code: row.code.trim().to_string(),
            domain: row.domain.trim().to_string(),
            name: row.name.trim().to_string(),
            applies_to,
        });
    }
    if standards.is_empty() && errors.is_empty() {
        // Otherwise every standard column in inspections.csv would be reported as unknown.
        errors.push(Diagnostic::new(
            path,
            Some(2),
            None,
            "lists no standards: expected one row per standard code",
        ));
    }
    if errors.is_empty() {
        Ok(standards)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "code,domain,name,applies_to,number_as_printed,notes\n";

    #[test]
    fn reads_codes_and_kinds() {
        let text = format!("{HEADER}1.1,Org,Leadership,CRC; NPS division; PDU,1.1,\nP2.1,Court,Court work,PDU,2.1,\n");
        let standards = parse(Path::new("standards.csv"), &text).unwrap();
        assert_eq!(standards.len(), 2);
        assert_eq!(
            standards[0].applies_to,
            vec![Kind::Crc, Kind::NpsDivision, Kind::Pdu]
        );
        assert_eq!(standards[1].applies_to, vec![Kind::Pdu]);
    }

    #[test]
    fn unknown_kind_names_the_line() {
        let text = format!("{HEADER}1.1,Org,Leadership,CRC; Prison,1.1,\n");
        let errors = parse(Path::new("standards.csv"), &text).unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "standards.csv:2: applies_to: unknown kind 'Prison'; expected CRC, NPS division or PDU"
        );
    }

    #[test]
    fn a_standard_must_apply_to_some_kind() {
        let text = format!("{HEADER}1.1,Org,Leadership,,1.1,\n");
        let errors = parse(Path::new("standards.csv"), &text).unwrap_err();
        assert_eq!(errors[0].field.as_deref(), Some("applies_to"));
    }

    #[test]
    fn a_row_with_the_wrong_number_of_fields_names_one() {
        let text = format!("{HEADER}1.1,Org,Leadership,CRC,1.1,,extra\n2.1,Case,Assessment\n");
        let errors = parse(Path::new("standards.csv"), &text).unwrap_err();
        let fields: Vec<_> = errors
            .iter()
            .map(|e| (e.line, e.field.as_deref()))
            .collect();
        assert_eq!(
            fields,
            [(Some(2), Some("field 7")), (Some(3), Some("applies_to"))]
        );
    }

    #[test]
    fn duplicate_code() {
        let text = format!("{HEADER}1.1,Org,A,CRC,1.1,\n1.1,Org,B,CRC,1.1,\n");
        let errors = parse(Path::new("standards.csv"), &text).unwrap_err();
        assert_eq!(errors[0].line, Some(3));
        assert!(errors[0].reason.contains("listed twice"));
    }
}
