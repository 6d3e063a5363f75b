//! Download the current view as CSV or JSON. The file is made when the link is clicked (not on
//! every change of view) and handed to the browser as a Blob's object URL.

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use model::table::column::Column;
use model::table::data::TableData;
use model::table::export::{to_csv, to_json};
use wasm_bindgen::{JsCast, JsValue};

#[derive(Clone, Copy)]
enum Format {
    Csv,
    Json,
}

impl Format {
    fn mime(self) -> &'static str {
        match self {
            Format::Csv => "text/csv;charset=utf-8",
            Format::Json => "application/json;charset=utf-8",
        }
    }
}

fn object_url(text: &str, mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

#[component]
pub fn Downloads(
    data: StoredValue<TableData>,
    rows: Memo<Vec<usize>>,
    columns: Memo<Vec<Column>>,
) -> impl IntoView {
    // The previous file's URL, released when the next one is made.
    let previous = StoredValue::new(None::<String>);
    let prepare = move |ev: MouseEvent, format: Format| {
        let text = data.with_value(|d| {
            let (rows, columns) = (rows.read_untracked(), columns.read_untracked());
            match format {
                Format::Csv => to_csv(d, &rows, &columns),
                Format::Json => to_json(d, &rows, &columns),
            }
        });
        let link = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        // Setting href during the click is in time: the browser follows the link afterwards.
        if let (Some(link), Some(url)) = (link, object_url(&text, format.mime())) {
            link.set_href(&url);
            if let Some(old) = previous.try_update_value(|p| p.replace(url)).flatten() {
                let _ = web_sys::Url::revoke_object_url(&old);
            }
        }
    };
    view! {
        <div class="downloads">
            <a id="download-csv" class="button" href="#" download="league-table.csv" on:click=move |ev| prepare(ev, Format::Csv)>
                "Download CSV"
            </a>
            <a id="download-json" class="button" href="#" download="league-table.json" on:click=move |ev| prepare(ev, Format::Json)>
                "Download JSON"
            </a>
        </div>
    }
}
