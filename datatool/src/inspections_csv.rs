//! Reads `inspections.csv` into inspections, checking every rule and naming the line and column of each mistake.

use crate::diagnostic::{csv_records, no_header, wrong_field_count, Diagnostic};
use model::band::Band;
use model::date::{PartialDate, Precision};
use model::inspection::{Caseload, Confidence, Inspection, Kind, Standard};
use model::link::is_web_link;
use model::score::derive_score;
use model::slug::is_slug;
use model::validate::check_inspection;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Columns every file must have, besides one column per standard.
const COLUMNS: [&str; 17] = [
    "id",
    "organisation",
    "kind",
    "owner",
    "region",
    "published",
    "published_precision",
    "round",
    "overall",
    "score",
    "score_basis",
    "caseload",
    "caseload_qualifier",
    "source_url",
    "other_sources",
    "confidence",
    "notes",
];

/// One data row with its header, for reading fields by name.
struct Row<'a> {
    headers: &'a [String],
    record: &'a csv::StringRecord,
    line: usize,
    path: &'a Path,
    errors: &'a mut Vec<Diagnostic>,
}

/// The largest value of a number column's type, named when a value is too large for it.
trait Largest {
    const LARGEST: Self;
}

impl Largest for u8 {
    const LARGEST: u8 = u8::MAX;
}

impl Largest for u32 {
    const LARGEST: u32 = u32::MAX;
}

impl Row<'_> {
    fn get(&self, column: &str) -> Option<&str> {
        let index = self.headers.iter().position(|h| h == column)?;
        let value = self.record.get(index)?.trim();
        (!value.is_empty()).then_some(value)
    }

    fn error(&mut self, column: &str, reason: String) {
        self.errors.push(Diagnostic::new(
            self.path,
            Some(self.line),
            Some(column),
            reason,
        ));
    }

    fn required(&mut self, column: &str) -> Option<String> {
        let value = self.get(column).map(str::to_string);
        if value.is_none() {
            self.error(column, "required but empty".into());
        }
        value
    }

    /// A whole number of plain digits; `thousands` also allows separators, as in "6,500".
    fn number<T>(&mut self, column: &str, thousands: bool) -> Option<T>
    where
        T: std::str::FromStr + std::fmt::Display + Largest,
    {
        let text = self.get(column)?.to_string();
        let digits: String = text.chars().filter(|&c| !(thousands && c == ',')).collect();
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            self.error(column, format!("'{text}' is not a whole number"));
            return None;
        }
        let parsed = digits.parse().ok();
        if parsed.is_none() {
            self.error(
                column,
                format!(
                    "'{text}' is too large: the most this column holds is {}",
                    T::LARGEST
                ),
            );
        }
        parsed
    }

    fn band(&mut self, column: &str) -> Option<Band> {
        let text = self.get(column)?.to_string();
        let band = Band::parse(&text);
        if band.is_none() {
            self.error(
                column,
                format!("unknown band '{text}'; expected Outstanding, Good, Requires improvement or Inadequate, or an empty cell where no source gives the band"),
            );
        }
        band
    }
}

pub fn parse(
    path: &Path,
    text: &str,
    standards: &[Standard],
) -> Result<Vec<Inspection>, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header_record = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return Err(vec![Diagnostic::new(path, Some(1), None, e.to_string())]),
    };
    let headers: Vec<String> = header_record.iter().map(|h| h.trim().to_string()).collect();
    if headers.iter().all(|h| h.is_empty()) {
        return Err(no_header(path));
    }
    // One column holding separators of another kind: a spreadsheet saved with semicolons or
    // tabs. Said once, instead of one "missing" per column.
    if let [only] = &headers[..] {
        if let Some(separator) = [';', '\t'].into_iter().find(|c| only.contains(*c)) {
            let name = if separator == ';' {
                "semicolons"
            } else {
                "tabs"
            };
            return Err(vec![Diagnostic::new(
                path,
                Some(1),
                Some("header"),
                format!("the header is one column with {name} in it: fields must be separated by commas (save as \"CSV UTF-8 (comma delimited)\")"),
            )]);
        }
    }
    for column in COLUMNS {
        if !headers.iter().any(|h| h == column) {
            errors.push(Diagnostic::new(
                path,
                Some(1),
                Some(column),
                "required column is missing",
            ));
        }
    }
    for (index, header) in headers.iter().enumerate() {
        if headers[..index].contains(header) {
            errors.push(Diagnostic::new(
                path,
                Some(1),
                Some(header),
                format!("column '{header}' appears twice"),
            ));
        }
        if !COLUMNS.contains(&header.as_str()) && !standards.iter().any(|s| &s.code == header) {
            errors.push(Diagnostic::new(
                path,
                Some(1),
                Some(header),
                format!("unknown column '{header}': neither a column of inspections.csv (see data/README.md) nor a standard code listed in standards.csv"),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let mut inspections = Vec::new();
    let mut first_line_of: HashMap<String, usize> = HashMap::new();
    for (line, record) in csv_records(&mut reader, path, text, &mut errors) {
        // A spreadsheet's empty row, saved as commas alone: nothing to read, nothing lost.
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        if record.len() != headers.len() {
            errors.push(wrong_field_count(
                path,
                line,
                &header_record,
                &record,
                |column, value| fits_column(column, value, standards),
            ));
            continue;
        }
        let mut row = Row {
            headers: &headers,
            record: &record,
            line,
            path,
            errors: &mut errors,
        };
        // Checked on the raw id, so a duplicate is reported even beside other mistakes.
        if let Some(id) = row.get("id").map(str::to_string) {
            match first_line_of.get(&id) {
                Some(first) => row.error(
                    "id",
                    format!("duplicate id '{id}': already used on line {first}"),
                ),
                None => {
                    first_line_of.insert(id, line);
                }
            }
        }
        if let Some(inspection) = parse_row(&mut row, standards) {
            for problem in check_inspection(&inspection, standards) {
                errors.push(Diagnostic::new(
                    path,
                    Some(line),
                    Some(&problem.field),
                    problem.reason,
                ));
            }
            inspections.push(inspection);
        }
    }
    if errors.is_empty() {
        Ok(inspections)
    } else {
        Err(errors)
    }
}

/// Whether `value` has the shape column `column` asks for (empty fits any): used only to find
/// where a row with a wrong number of fields went out of step.
fn fits_column(column: &str, value: &str, standards: &[Standard]) -> bool {
    let number = |v: &str| v.chars().all(|c| c.is_ascii_digit());
    value.is_empty()
        || match column {
            "kind" => Kind::parse(value).is_some(),
            "published" => PartialDate::parse(value).is_ok(),
            "published_precision" => Precision::parse(value).is_some(),
            "round" | "score" => number(value),
            "caseload" => number(&value.replace(',', "")),
            "overall" => Band::parse(value).is_some(),
            "source_url" => is_web_link(value),
            "confidence" => Confidence::parse(value).is_some(),
            code if standards.iter().any(|s| s.code == code) => Band::parse(value).is_some(),
            _ => true,
        }
}

/// Reads one row, reporting each bad field; `None` when a field the rest depends on is unusable.
fn parse_row(row: &mut Row, standards: &[Standard]) -> Option<Inspection> {
    let errors_before = row.errors.len();
    let id = row.required("id");
    if let Some(id) = &id {
        if !is_slug(id) {
            row.error("id", format!("'{id}' must use only a-z, 0-9 and '-'"));
        }
    }
    let organisation = row.required("organisation");
    let kind = row.required("kind").and_then(|text| {
        let kind = Kind::parse(&text);
        if kind.is_none() {
            row.error(
                "kind",
                format!("unknown kind '{text}'; expected CRC, NPS division or PDU"),
            );
        }
        kind
    });
    let published = parse_published(row);
    let round = row.number::<u8>("round", false);
    let overall = row.band("overall");
    let stated_points = row.number::<u32>("score", false);
    if stated_points.is_none() && row.get("score").is_none() && row.get("score_basis").is_some() {
        row.error("score_basis", "given, but score is empty".into());
    }
    let basis = row
        .get("score_basis")
        .unwrap_or("stated by a source")
        .to_string();
    let mut bands = BTreeMap::new();
    for standard in standards {
        if let Some(band) = row.band(&standard.code) {
            bands.insert(standard.code.clone(), band);
        }
    }
    let caseload = row.number::<u32>("caseload", true).map(|count| Caseload {
        count,
        qualifier: row.get("caseload_qualifier").map(str::to_string),
    });
    let confidence = row.get("confidence").map(str::to_string).and_then(|text| {
        let confidence = Confidence::parse(&text);
        if confidence.is_none() {
            row.error(
                "confidence",
                format!("unknown confidence '{text}'; expected high, medium or low"),
            );
        }
        confidence
    });
    check_claims(row, standards, kind, round, overall, &bands, confidence);
    if row.errors.len() > errors_before {
        return None;
    }
    let kind = kind?;
    Some(Inspection {
        id: id?,
        organisation: organisation?,
        kind,
        owner: row.get("owner").map(str::to_string),
        region: row.get("region").map(str::to_string),
        published,
        round,
        overall,
        score: derive_score(standards, kind, &bands, stated_points.map(|p| (p, basis))),
        standards: bands,
        caseload,
        source_url: row.get("source_url").map(str::to_string),
        other_sources: row
            .get("other_sources")
            .map(|list| {
                list.split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
        confidence,
        notes: row.get("notes").map(str::to_string),
    })
}

/// What the row says of itself must agree with its figures, by data/README.md's definitions:
/// rounds belong to the CRC and NPS programmes, `high` confidence means the overall band and
/// every applicable standard are confirmed, and `medium` that the overall band is.
fn check_claims(
    row: &mut Row,
    standards: &[Standard],
    kind: Option<Kind>,
    round: Option<u8>,
    overall: Option<Band>,
    bands: &BTreeMap<String, Band>,
    confidence: Option<Confidence>,
) {
    if kind == Some(Kind::Pdu) && round.is_some() {
        row.error(
            "round",
            "a PDU has no round (rounds are the CRC and NPS programmes of 2018 to 2020): leave it empty".into(),
        );
    } else if let Some(round @ (0 | 3..)) = round {
        row.error(
            "round",
            format!("there is no round {round}: 1 is the 2018-19 programme, 2 the 2019-20 one, and an inspection outside them has none"),
        );
    }
    let Some(claim @ (Confidence::High | Confidence::Medium)) = confidence else {
        return;
    };
    // An overall band that could not be read is reported already.
    if overall.is_none() && row.get("overall").is_none() {
        row.error(
            "confidence",
            format!("'{}' says the overall band is confirmed, but overall is empty: give the band, or say 'low' or nothing", claim.name()),
        );
    } else if let (Confidence::High, Some(kind)) = (claim, kind) {
        let missing: Vec<&str> = standards
            .iter()
            // Empty in the file: a band that could not be read is reported already.
            .filter(|s| {
                s.applies_to(kind) && !bands.contains_key(&s.code) && row.get(&s.code).is_none()
            })
            .map(|s| s.code.as_str())
            .collect();
        if !missing.is_empty() {
            row.error(
                "confidence",
                format!("'high' says every standard is confirmed, but {} empty: give the bands, or say 'medium'", match missing.as_slice() {
                    [one] => format!("{one} is"),
                    many => format!("{} are", many.join(", ")),
                }),
            );
        }
    }
}

/// A date, which must agree with its stated precision.
fn parse_published(row: &mut Row) -> Option<PartialDate> {
    let text = row.get("published").map(str::to_string);
    let precision_text = row.get("published_precision").map(str::to_string);
    let precision = precision_text.as_deref().map(|p| {
        let precision = Precision::parse(p);
        if precision.is_none() {
            row.error(
                "published_precision",
                format!("unknown precision '{p}'; expected day, month or year"),
            );
        }
        precision
    });
    let text = match text {
        Some(text) => text,
        None => {
            if precision_text.is_some() {
                row.error(
                    "published",
                    "empty, but published_precision is given".into(),
                );
            }
            return None;
        }
    };
    match PartialDate::parse(&text) {
        Ok(date) => {
            if let Some(Some(precision)) = precision {
                if date.precision() != precision {
                    row.error(
                        "published",
                        format!(
                            "'{text}' is given to the {}, but published_precision says {}",
                            date.precision().name(),
                            precision.name()
                        ),
                    );
                }
            }
            Some(date)
        }
        Err(e) => {
            row.error("published", e.to_string());
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STANDARDS: &str = "code,domain,name,applies_to,number_as_printed,notes\n\
        1.1,Org,Leadership,CRC; NPS division; PDU,,\n\
        3.2,CRC,Through the Gate,CRC,,\n\
        P2.1,Court,Court work,PDU,,\n";
    const HEADER: &str = "id,organisation,kind,owner,region,published,published_precision,round,overall,score,score_basis,1.1,3.2,P2.1,caseload,caseload_qualifier,source_url,other_sources,confidence,notes\n";
    const GOOD: &str = "crc-a-r1,A CRC,CRC,Owner,Area,2019-07,month,1,Good,,,Good,Good,,3000,nearly,https://example.org/a,https://example.org/b ; https://example.org/c,medium,Note\n";

    fn run(rows: &str) -> Result<Vec<Inspection>, Vec<Diagnostic>> {
        let standards = standards_csv::parse(Path::new("standards.csv"), STANDARDS).unwrap();
        parse(
            Path::new("inspections.csv"),
            &format!("{HEADER}{rows}"),
            &standards,
        )
    }

    fn only_error(rows: &str) -> String {
        let errors = run(rows).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        errors[0].to_string()
    }

    use crate::standards_csv;

    #[test]
    fn reads_a_good_row_with_unknowns_left_unknown() {
        let rows = run(GOOD).unwrap();
        let a = &rows[0];
        assert_eq!(a.overall, Some(Band::Good));
        assert_eq!(a.published.unwrap().to_string(), "2019-07");
        assert_eq!(a.standards.len(), 2);
        assert_eq!(a.standards.get("1.1"), Some(&Band::Good));
        // 1.1 and 3.2 known, but this test's CRC framework has only those two: score computable.
        assert_eq!(a.score.as_ref().map(|s| (s.points, s.max)), Some((4, 6)));
        assert_eq!(a.other_sources.len(), 2);
        assert_eq!(a.caseload.as_ref().unwrap().count, 3000);
    }

    #[test]
    fn a_spreadsheets_empty_rows_are_passed_over() {
        let empty = ",".repeat(HEADER.matches(',').count());
        let rows = run(&format!("{GOOD}{empty}\n{empty}\n")).unwrap();
        assert_eq!(rows.len(), 1);
    }

    #[test]
    fn a_row_out_of_step_is_named_where_it_went_out_of_step() {
        // An unquoted comma in the owner: the date's place holds the region.
        let comma = GOOD.replace(",Owner,", ",Owner, with Partner,");
        assert_eq!(
            only_error(&comma),
            "inspections.csv:2: published: 'Area' does not fit this column, so the values are out of step before it: a value with a comma in it needs double quotes around it, and an empty value still needs its comma (the row has 21 fields but the header has 20)"
        );
        // The caseload's qualifier left out with its comma: the source lands in its place.
        let short = GOOD.replace(",3000,nearly,", ",3000,");
        assert!(
            only_error(&short).starts_with("inspections.csv:2: source_url: 'https://example.org/b ; https://example.org/c' does not fit this column"),
            "{}",
            only_error(&short)
        );
    }

    #[test]
    fn a_mistake_in_a_row_in_step_is_not_blamed_for_its_length() {
        // A misspelt band and a stray comma at the end: the row is in step up to its end.
        let row = GOOD
            .replace(",1,Good,", ",1,Excellent,")
            .replace("\n", ",\n");
        let message = only_error(&row);
        assert!(
            message.contains("field 21: the row has 21 fields"),
            "{message}"
        );
    }

    #[test]
    fn a_band_that_cannot_be_read_is_not_also_called_empty() {
        let row = GOOD
            .replace(",medium,", ",high,")
            .replace(",Good,Good,,", ",Good,Goood,,");
        assert!(only_error(&row).contains("3.2: unknown band 'Goood'"));
    }

    #[test]
    fn a_pdu_has_no_round() {
        let row = GOOD
            .replace(",CRC,", ",PDU,")
            .replace(",Good,Good,,", ",Good,,Good,");
        assert_eq!(
            only_error(&row),
            "inspections.csv:2: round: a PDU has no round (rounds are the CRC and NPS programmes of 2018 to 2020): leave it empty"
        );
    }

    #[test]
    fn a_round_is_one_of_the_two_programmes() {
        let with_round = |round: &str| GOOD.replace(",month,1,", &format!(",month,{round},"));
        for round in ["0", "3", "12"] {
            assert_eq!(
                only_error(&with_round(round)),
                format!("inspections.csv:2: round: there is no round {round}: 1 is the 2018-19 programme, 2 the 2019-20 one, and an inspection outside them has none")
            );
        }
        for round in ["1", "2", ""] {
            assert!(run(&with_round(round)).is_ok(), "round {round:?}");
        }
    }

    #[test]
    fn confidence_agrees_with_what_is_known() {
        let no_overall = GOOD.replace(",1,Good,", ",1,,");
        assert_eq!(
            only_error(&no_overall),
            "inspections.csv:2: confidence: 'medium' says the overall band is confirmed, but overall is empty: give the band, or say 'low' or nothing"
        );
        assert!(run(&no_overall.replace(",medium,", ",low,")).is_ok());
        // This test's CRC framework is 1.1 and 3.2.
        let high = GOOD.replace(",medium,", ",high,");
        assert!(run(&high).is_ok());
        assert_eq!(
            only_error(&high.replace(",Good,Good,,", ",Good,,,")),
            "inspections.csv:2: confidence: 'high' says every standard is confirmed, but 3.2 is empty: give the bands, or say 'medium'"
        );
    }

    #[test]
    fn blank_overall_and_standards_stay_unknown() {
        let row = GOOD
            .replace(",Good,,,Good,Good,", ",,,,,,")
            .replace(",medium,", ",low,");
        let a = &run(&row).unwrap()[0];
        assert_eq!(a.overall, None);
        assert!(a.standards.is_empty());
        assert_eq!(a.score, None);
    }

    #[test]
    fn unknown_band() {
        let row = GOOD.replace(",1,Good,", ",1,Excellent,");
        assert_eq!(
            only_error(&row),
            "inspections.csv:2: overall: unknown band 'Excellent'; expected Outstanding, Good, Requires improvement or Inadequate, or an empty cell where no source gives the band"
        );
    }

    #[test]
    fn band_for_a_standard_that_does_not_apply() {
        let row = GOOD.replace("Good,Good,,3000", "Good,Good,Good,3000");
        assert!(only_error(&row).starts_with(
            "inspections.csv:2: P2.1: standard P2.1 (Court work) does not apply to a CRC"
        ));
    }

    #[test]
    fn duplicate_id() {
        let errors = run(&format!("{GOOD}{GOOD}")).unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "inspections.csv:3: id: duplicate id 'crc-a-r1': already used on line 2"
        );
    }

    #[test]
    fn bad_date() {
        let row = GOOD.replace("2019-07,month", "2019-02-30,day");
        assert!(only_error(&row).starts_with("inspections.csv:2: published: day 30"));
    }

    #[test]
    fn partial_date_that_claims_more_precision() {
        let row = GOOD.replace("2019-07,month", "2019-07,day");
        assert_eq!(only_error(&row), "inspections.csv:2: published: '2019-07' is given to the month, but published_precision says day");
    }

    #[test]
    fn score_inconsistent_with_fully_known_standards() {
        let row = GOOD.replace(",Good,,,Good,Good,", ",Good,5,stated,Good,Good,");
        assert!(only_error(&row)
            .contains("score: 5 contradicts the known standard bands, which allow exactly 4"));
    }

    #[test]
    fn non_http_source_url() {
        let row = GOOD.replace("https://example.org/a", "javascript:alert(1)");
        assert_eq!(
            only_error(&row),
            "inspections.csv:2: source_url: 'javascript:alert(1)' is not an http(s) address"
        );
    }

    #[test]
    fn a_file_separated_by_semicolons_or_tabs_is_named_once() {
        for (separator, name) in [(";", "semicolons"), ("\t", "tabs")] {
            let standards = standards_csv::parse(Path::new("standards.csv"), STANDARDS).unwrap();
            let text = format!("{HEADER}{GOOD}").replace(',', separator);
            let errors = parse(Path::new("inspections.csv"), &text, &standards).unwrap_err();
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert!(
                errors[0].to_string().starts_with(&format!(
                    "inspections.csv:1: header: the header is one column with {name} in it: fields must be separated by commas"
                )),
                "{}",
                errors[0]
            );
        }
    }

    #[test]
    fn unknown_standard_code_column() {
        let standards = standards_csv::parse(Path::new("standards.csv"), STANDARDS).unwrap();
        let text = format!("{}{}", HEADER.replace("P2.1", "P9.9"), GOOD);
        let errors = parse(Path::new("inspections.csv"), &text, &standards).unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "inspections.csv:1: P9.9: unknown column 'P9.9': neither a column of inspections.csv (see data/README.md) nor a standard code listed in standards.csv"
        );
    }

    #[test]
    fn wrong_number_of_fields() {
        let row = GOOD.replace(",Note\n", "\n");
        assert_eq!(
            only_error(&row),
            "inspections.csv:2: notes: the row ends before this column: it has 19 fields but the header has 20"
        );
    }

    #[test]
    fn a_quote_left_open_is_named() {
        let row = GOOD.replace(",A CRC,", ",\"A CRC,");
        let errors = run(&format!("{row}{GOOD}")).unwrap_err();
        assert!(
            errors[0].to_string().starts_with(
                "inspections.csv:2: organisation: this field runs over several lines, so a quote opened in it is probably not closed"
            ),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn missing_required_field_and_unknown_kind() {
        let errors = run(&GOOD.replace("A CRC,CRC", ",Prison")).unwrap_err();
        let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            text,
            [
                "inspections.csv:2: organisation: required but empty",
                "inspections.csv:2: kind: unknown kind 'Prison'; expected CRC, NPS division or PDU"
            ]
        );
    }

    #[test]
    fn lines_are_right_in_files_with_crlf_endings() {
        let standards = standards_csv::parse(Path::new("standards.csv"), STANDARDS).unwrap();
        let bad = GOOD
            .replace(",1,Good,", ",1,Excellent,")
            .replace("crc-a-r1", "crc-b-r1");
        let text = format!("{HEADER}{GOOD}{bad}").replace('\n', "\r\n");
        let errors = parse(Path::new("inspections.csv"), &text, &standards).unwrap_err();
        assert_eq!(errors[0].line, Some(3), "{errors:?}");
    }

    #[test]
    fn numbers_are_plain_digits_with_separators_only_in_caseload() {
        let quoted = GOOD.replace(",month,1,", ",month,\"1,0\",");
        assert_eq!(
            only_error(&quoted),
            "inspections.csv:2: round: '1,0' is not a whole number"
        );
        let round = GOOD.replace(",month,1,", ",month,+1,");
        assert_eq!(
            only_error(&round),
            "inspections.csv:2: round: '+1' is not a whole number"
        );
        let large = GOOD.replace(",month,1,", ",month,300,");
        assert_eq!(
            only_error(&large),
            "inspections.csv:2: round: '300' is too large: the most this column holds is 255"
        );
        let caseload = GOOD.replace(",3000,", ",\"3,000\",");
        assert_eq!(
            run(&caseload).unwrap()[0].caseload.as_ref().unwrap().count,
            3000
        );
    }

    #[test]
    fn score_basis_without_a_score() {
        let row = GOOD.replace(",Good,,,Good,Good,", ",Good,,stated,Good,Good,");
        assert_eq!(
            only_error(&row),
            "inspections.csv:2: score_basis: given, but score is empty"
        );
    }

    #[test]
    fn duplicate_column() {
        let standards = standards_csv::parse(Path::new("standards.csv"), STANDARDS).unwrap();
        let text = format!("{}{GOOD}", HEADER.replace(",notes", ",notes,notes"));
        let errors = parse(Path::new("inspections.csv"), &text, &standards).unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "inspections.csv:1: notes: column 'notes' appears twice"
        );
    }

    #[test]
    fn duplicate_id_is_reported_beside_other_mistakes() {
        let bad = GOOD.replace(",1,Good,", ",1,Excellent,");
        let errors = run(&format!("{bad}{GOOD}")).unwrap_err();
        assert!(
            errors.iter().any(|e| e.to_string()
                == "inspections.csv:3: id: duplicate id 'crc-a-r1': already used on line 2"),
            "{errors:?}"
        );
    }

    #[test]
    fn empty_file() {
        let standards = standards_csv::parse(Path::new("standards.csv"), STANDARDS).unwrap();
        let errors = parse(Path::new("inspections.csv"), "", &standards).unwrap_err();
        assert!(errors[0].reason.contains("empty"));
    }
}
