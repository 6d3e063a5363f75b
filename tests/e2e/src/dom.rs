//! Reading and driving the page: element text, `<select>` options, and a consistent
//! snapshot of the league table taken in a single script call.

use std::cell::RefCell;
use std::collections::BTreeMap;

use fantoccini::{Client, Locator};
use serde_json::{json, Value};

use crate::wait::wait_for;

/// Runs a script and returns its value, panicking with the script on a WebDriver error.
pub async fn run_js(client: &Client, script: &str, args: Vec<Value>) -> Value {
    try_js(client, script, args)
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\nscript: {script}"))
}

/// Runs a script and returns its value or the WebDriver error as text. For probes that may
/// run while the page navigates: WebKit then fails the script ("Callback was not called
/// before the unload event"), which only means "not yet".
pub async fn try_js(client: &Client, script: &str, args: Vec<Value>) -> Result<Value, String> {
    client
        .execute(script, args)
        .await
        .map_err(|e| format!("script failed: {e}"))
}

/// Text content (whitespace collapsed and trimmed) of the first element matching `css`,
/// or `None` when there is none.
pub async fn text_of(client: &Client, css: &str) -> Option<String> {
    try_text_of(client, css)
        .await
        .unwrap_or_else(|e| panic!("{e}\nreading the text of `{css}`"))
}

/// Like [`text_of`], but a failed script is an `Err`, for waits that may span a navigation
/// (see [`try_js`]).
pub async fn try_text_of(client: &Client, css: &str) -> Result<Option<String>, String> {
    let value = try_js(
        client,
        "const el = document.querySelector(arguments[0]);\
         return el ? el.textContent.replace(/\\s+/g, ' ').trim() : null;",
        vec![json!(css)],
    )
    .await?;
    Ok(value.as_str().map(str::to_owned))
}

/// `document.title`.
pub async fn title(client: &Client) -> String {
    client
        .title()
        .await
        .unwrap_or_else(|e| panic!("cannot read document.title: {e}"))
}

/// The current `value` of the form control matching `css`.
pub async fn value_of(client: &Client, css: &str) -> Option<String> {
    let value = run_js(
        client,
        "const el = document.querySelector(arguments[0]); return el ? el.value : null;",
        vec![json!(css)],
    )
    .await;
    value.as_str().map(str::to_owned)
}

/// Values of all `<option>`s of the `<select>` matching `css`.
pub async fn option_values(client: &Client, css: &str) -> Vec<String> {
    let value = run_js(
        client,
        "const el = document.querySelector(arguments[0]);\
         return el ? Array.from(el.options).map(o => o.value) : null;",
        vec![json!(css)],
    )
    .await;
    value
        .as_array()
        .unwrap_or_else(|| panic!("no <select> matching `{css}`"))
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_owned())
        .collect()
}

/// Chooses an option the way a user does: a click on the `<select>` matching `select_css`
/// (real pointer events), then a WebDriver click on its `<option>` whose value is `value`
/// (the browser fires `input` and `change`). Waits until the select reports the new value.
///
/// The first click matters in WebKit: WebKitWebDriver selects an option by calling WebKit's
/// `optionSelectedByUser` directly, with no pointer event, so a history entry the page adds
/// in its `change` handler counts as "created by script without user interaction", and a
/// Back or Forward from the browser (WebDriver's included) skips it, the entry before it and
/// any page left without interaction. A person always presses the select first.
pub async fn choose_option(client: &Client, select_css: &str, value: &str) {
    let select = client
        .find(Locator::Css(select_css))
        .await
        .unwrap_or_else(|e| panic!("no `{select_css}`: {e}"));
    select
        .click()
        .await
        .unwrap_or_else(|e| panic!("cannot click `{select_css}`: {e}"));
    let options = select
        .find_all(Locator::Css("option"))
        .await
        .unwrap_or_else(|e| panic!("cannot list options of `{select_css}`: {e}"));
    let mut target = None;
    for option in options {
        let v = option
            .prop("value")
            .await
            .ok()
            .flatten()
            .unwrap_or_default();
        if v == value {
            target = Some(option);
            break;
        }
    }
    let option =
        target.unwrap_or_else(|| panic!("`{select_css}` has no option with value {value:?}"));
    option
        .click()
        .await
        .unwrap_or_else(|e| panic!("cannot click option {value:?} of `{select_css}`: {e}"));
    wait_for(
        &format!("`{select_css}` to have value {value:?}"),
        || async move {
            match value_of(client, select_css).await {
                Some(v) if v == value => Ok(()),
                other => Err(format!("value {other:?}")),
            }
        },
    )
    .await;
}

/// One `<tbody>` row of the league table.
#[derive(Debug, Clone)]
pub struct Row {
    /// The row's `data-id` attribute.
    pub id: Option<String>,
    /// Cell texts (whitespace collapsed) keyed by the cells' `data-col` attribute; a cell
    /// may be a `<td>` or a row-header `<th>`.
    pub cells: BTreeMap<String, String>,
}

impl Row {
    /// Text of the `data-col=key` cell; panics naming the row when it has none.
    pub fn cell(&self, key: &str) -> &str {
        self.cells.get(key).unwrap_or_else(|| {
            panic!(
                "row {:?} has no cell with data-col={key}; cells: {:?}",
                self.id, self.cells
            )
        })
    }
}

/// The league table and its surroundings at one instant.
#[derive(Debug, Clone)]
pub struct TableSnapshot {
    pub rows: Vec<Row>,
    /// `aria-sort` of each header cell (None when absent), keyed by its button's `data-sort`.
    pub sort: BTreeMap<String, Option<String>>,
    /// Text of `#shown-count`, if present.
    pub shown: Option<String>,
}

impl TableSnapshot {
    /// The columns whose header says the table is sorted by them (ascending/descending).
    pub fn sorted_columns(&self) -> Vec<(String, String)> {
        self.sort
            .iter()
            .filter_map(|(k, v)| match v.as_deref() {
                Some(s @ ("ascending" | "descending")) => Some((k.clone(), s.to_owned())),
                _ => None,
            })
            .collect()
    }

    /// The rows' `data-id`s, top to bottom (empty for a row without one).
    pub fn ids(&self) -> Vec<String> {
        self.rows
            .iter()
            .map(|r| r.id.clone().unwrap_or_default())
            .collect()
    }

    /// Texts of the `key` column, top to bottom.
    pub fn column(&self, key: &str) -> Vec<String> {
        self.rows.iter().map(|r| r.cell(key).to_owned()).collect()
    }

    /// Compact description for failure messages.
    pub fn summary(&self) -> String {
        format!(
            "{} rows, shown-count {:?}, sorted by {:?}",
            self.rows.len(),
            self.shown,
            self.sorted_columns()
        )
    }
}

const SNAPSHOT_JS: &str = r#"
const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
const table = document.querySelector('table.league-table');
if (!table) { return null; }
const rows = Array.from(table.querySelectorAll('tbody tr')).map((tr) => {
  const cells = {};
  // Cells are <td data-col>, or a row header <th scope="row" data-col>.
  tr.querySelectorAll(':scope > [data-col]').forEach((cell) => { cells[cell.getAttribute('data-col')] = norm(cell.textContent); });
  return { id: tr.getAttribute('data-id'), cells };
});
const sort = {};
table.querySelectorAll('th').forEach((th) => {
  const button = th.querySelector('button[data-sort]');
  if (button) { sort[button.getAttribute('data-sort')] = th.getAttribute('aria-sort'); }
});
const shown = document.getElementById('shown-count');
return { rows, sort, shown: shown ? norm(shown.textContent) : null };
"#;

/// Reads the whole league table in one script call (so rows, headers and count are
/// consistent with each other), or `None` when there is no `table.league-table` yet.
pub async fn table_snapshot(client: &Client) -> Option<TableSnapshot> {
    let value = run_js(client, SNAPSHOT_JS, vec![]).await;
    if value.is_null() {
        return None;
    }
    let rows = value["rows"]
        .as_array()
        .expect("snapshot rows")
        .iter()
        .map(|r| Row {
            id: r["id"].as_str().map(str::to_owned),
            cells: r["cells"]
                .as_object()
                .expect("snapshot cells")
                .iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
                .collect(),
        })
        .collect();
    let sort = value["sort"]
        .as_object()
        .expect("snapshot sort")
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().map(str::to_owned)))
        .collect();
    Some(TableSnapshot {
        rows,
        sort,
        shown: value["shown"].as_str().map(str::to_owned),
    })
}

/// Polls the league table until `ready` holds for a snapshot and returns that snapshot;
/// on timeout returns the last snapshot seen, so the caller's assertions report what is
/// wrong. Panics only if the table never appeared at all.
pub async fn settle_table(
    client: &Client,
    ready: impl Fn(&TableSnapshot) -> bool,
) -> TableSnapshot {
    let last: RefCell<Option<TableSnapshot>> = RefCell::new(None);
    let (last_ref, ready) = (&last, &ready);
    let outcome = crate::wait::poll(|| async move {
        match table_snapshot(client).await {
            Some(snap) if ready(&snap) => Ok(snap),
            Some(snap) => {
                let summary = snap.summary();
                *last_ref.borrow_mut() = Some(snap);
                Err(summary)
            }
            None => Err("no table.league-table".to_owned()),
        }
    })
    .await;
    match outcome {
        Ok(snap) => snap,
        Err(why) => last.into_inner().unwrap_or_else(|| {
            panic!(
                "timed out after {:?} waiting for the league table: {why}",
                crate::wait::timeout()
            )
        }),
    }
}

/// Loads /league-table and waits until it shows `total` rows and its count (or times out, in
/// which case the returned snapshot is whatever was shown last, for the assertions to report).
pub async fn open_table(e2e: &crate::E2e, total: usize) -> TableSnapshot {
    e2e.goto("/league-table").await;
    settle_table(e2e.client(), |s| s.rows.len() == total && s.shown.is_some()).await
}

/// Waits for the first element matching `css` and clicks it the way a user does (a WebDriver
/// click).
pub async fn click(client: &Client, css: &str) {
    crate::wait::wait_for_css(client, css)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("cannot click `{css}`: {e}"));
}

/// Clicks the sort button of column `key`.
pub async fn click_sort(client: &Client, key: &str) {
    click(
        client,
        &format!("table.league-table th button[data-sort=\"{key}\"]"),
    )
    .await;
}

/// "N of M shown", the exact text of `#shown-count`.
pub fn shown_text(n: usize, m: usize) -> String {
    format!("{n} of {m} shown")
}

/// The `checked` state of the checkbox matching `css`, `None` when there is none.
pub async fn is_checked(client: &Client, css: &str) -> Option<bool> {
    run_js(
        client,
        "const el = document.querySelector(arguments[0]); return el ? el.checked : null;",
        vec![json!(css)],
    )
    .await
    .as_bool()
}

/// An attribute of the first element matching `css`.
pub async fn attribute(client: &Client, css: &str, name: &str) -> Option<String> {
    run_js(
        client,
        "const el = document.querySelector(arguments[0]); return el ? el.getAttribute(arguments[1]) : null;",
        vec![json!(css), json!(name)],
    )
    .await
    .as_str()
    .map(str::to_owned)
}

/// `location.search` of the page.
pub async fn location_search(client: &Client) -> String {
    run_js(client, "return location.search;", vec![])
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// The checkbox of one facet choice, as the page names it (`name` = facet, `value` = token).
pub fn facet_css(facet: &str, value: &str) -> String {
    format!("input[type=checkbox][name=\"{facet}\"][value=\"{value}\"]")
}

/// The count shown beside a facet choice, as a number.
pub async fn facet_count(client: &Client, facet: &str, value: &str) -> Option<usize> {
    let text = run_js(
        client,
        "const el = document.querySelector(arguments[0]);\
         const count = el && el.closest('label').querySelector('.count');\
         return count ? count.textContent : null;",
        vec![json!(facet_css(facet, value))],
    )
    .await;
    text.as_str()?
        .trim_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .ok()
}
