//! Whether the data on screen is a copy saved on an earlier visit (rules in
//! `model::saved_copy`): the latest data answer decides.

use leptos::prelude::*;
use model::saved_copy::{is_from_earlier_visit, parse_saved_at};
use wasm_bindgen::JsValue;

thread_local! {
    // Reference-counted rather than owned by a component: it lives as long as the page.
    static EARLIER_VISIT_COPY: ArcRwSignal<Option<f64>> = ArcRwSignal::new(None);
}

/// When the data on screen was saved, if that was on an earlier visit (ms since the epoch).
pub fn earlier_visit_copy() -> ArcRwSignal<Option<f64>> {
    EARLIER_VISIT_COPY.with(Clone::clone)
}

/// Records a data answer's saved-at header (absent for answers from the network).
pub fn record(saved_at_header: Option<&str>) {
    let page_start = web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.time_origin());
    let earlier = saved_at_header
        .and_then(parse_saved_at)
        .filter(|saved| page_start.is_some_and(|start| is_from_earlier_visit(*saved, start)));
    earlier_visit_copy().set(earlier);
}

/// Minutes the reader's clock adds to UTC at that moment (JavaScript counts the other way).
pub fn local_offset_minutes(epoch_ms: f64) -> i64 {
    -(js_sys::Date::new(&JsValue::from_f64(epoch_ms)).get_timezone_offset() as i64)
}
