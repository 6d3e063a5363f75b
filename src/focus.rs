//! Moving keyboard focus on purpose, so a control that goes away or turns disabled under the
//! reader's hand does not drop focus back to the start of the page.

use crate::check_again::check_every;
use leptos::ev;
use leptos::prelude::{on_cleanup, window_event_listener, GetValue, SetValue, StoredValue};
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};

/// Focuses the element with this id, if the page has it, and brings it into view.
pub fn focus_by_id(id: &str) {
    let target = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    if let Some(target) = target {
        focus_in_view(&target);
    }
}

/// Focuses `target` and brings it into view: WebKit's `focus()` from a script leaves the page
/// where it was, however far away the element is.
pub fn focus_in_view(target: &Element) {
    if let Some(target) = target.dyn_ref::<HtmlElement>() {
        let _ = target.focus();
        let nearest = ScrollIntoViewOptions::new();
        nearest.set_block(ScrollLogicalPosition::Nearest);
        target.scroll_into_view_with_scroll_into_view_options(&nearest);
    }
}

/// Keeps what the keyboard focuses inside a table box beside its pinned first column, not under
/// it: browsers scroll only for an element wholly out of view, and one under the pinned column
/// is in view to them. Wire `focus_in` to the box's `focusin`.
#[derive(Clone, Copy)]
pub struct KeyboardReveal {
    /// A press of a mouse, pen or finger is what moves focus: then the box must not scroll, or
    /// the click would land on what scrolled under it. (`:focus-visible` cannot tell: WebKit
    /// does not match it for buttons reached with Tab.)
    pressed: StoredValue<bool>,
}

impl KeyboardReveal {
    /// Follows presses and keys anywhere in the window (a press outside the box, then Tab back
    /// into it, is the keyboard's), for as long as the calling component lives.
    pub fn listen() -> KeyboardReveal {
        let pressed = StoredValue::new(false);
        let press = window_event_listener(ev::pointerdown, move |_| pressed.set_value(true));
        let key = window_event_listener(ev::keydown, move |_| pressed.set_value(false));
        on_cleanup(move || {
            press.remove();
            key.remove();
        });
        KeyboardReveal { pressed }
    }

    pub fn focus_in(&self, event: &web_sys::Event) {
        if !self.pressed.get_value() {
            reveal_beside_pinned_column(event);
        }
    }
}

/// The cells pinned at a table box's left: the league table's organisation column (its header
/// and row headers) and the compare table's fact names.
const PINNED: &str = "thead th[data-col=organisation], tbody th";

/// Scrolls the box sideways so the event's target shows beside the pinned first column,
/// starting in view. Sideways only: going up and down, the browser's own scrolling and the
/// box's scroll padding do it. Not for the pinned cells, nor for the box itself.
fn reveal_beside_pinned_column(event: &web_sys::Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let closest = |selector: &str| target.closest(selector).ok().flatten();
    let Some(scroller) = closest(".table-scroll") else {
        return;
    };
    if scroller == target || closest(PINNED).is_some() {
        return;
    }
    // The pinned column's right edge once stuck at the box's left, as it will be after a scroll.
    let edges = scroller.get_bounding_client_rect();
    let box_left = edges.left() + f64::from(scroller.client_left());
    let box_right = box_left + f64::from(scroller.client_width());
    let pin_right = scroller
        .query_selector(PINNED)
        .ok()
        .flatten()
        .map_or(box_left, |pin| {
            box_left + pin.get_bounding_client_rect().width()
        });
    let place = target.get_bounding_client_rect();
    let hidden_before = pin_right - place.left();
    let hidden_after = place.right() - box_right;
    let by = if hidden_before > 0.0 {
        -hidden_before
    } else if hidden_after > 0.0 {
        // Never so far that its start goes under the pinned column.
        hidden_after.min(-hidden_before)
    } else {
        return;
    };
    scroller.set_scroll_left(scroller.scroll_left() + by.ceil() as i32);
}

/// How long, in checks, a retried panel is watched: the fetch gives up after 15 s.
const RETRY_CHECKS: u32 = 160;
const RETRY_CHECK_EVERY: Duration = Duration::from_millis(100);

/// After a "Try again" click: once the clicked button has gone (its error panel replaced by
/// what loaded, or by a new panel) and focus went with it, focus moves to what replaced it,
/// in the panel's old container: a new panel's button, else the first heading, else the
/// container itself. Focus the reader moved elsewhere meanwhile is left alone.
pub fn follow_retry(click: &web_sys::Event) {
    let Some(button) = click
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|e| e.closest("button").ok().flatten())
    else {
        return;
    };
    let Some(container) = button
        .closest(".error-panel")
        .ok()
        .flatten()
        .and_then(|panel| panel.parent_element())
    else {
        return;
    };
    check_every(RETRY_CHECK_EVERY, RETRY_CHECKS, move || {
        let gone = !button.is_connected();
        if gone {
            focus_replacement(&container);
        }
        !gone
    });
}

fn focus_replacement(container: &Element) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let active = document.active_element();
    if active.is_some() && active != document.body().map(Into::into) {
        return;
    }
    let first = |selector: &str| container.query_selector(selector).ok().flatten();
    let target = first(":scope > .error-panel button")
        .or_else(|| first("h1, h2, h3, h4"))
        .unwrap_or_else(|| container.clone());
    if !target.has_attribute("tabindex") && !target.matches("button, a[href]").unwrap_or(false) {
        let _ = target.set_attribute("tabindex", "-1");
    }
    if let Some(target) = target.dyn_ref::<HtmlElement>() {
        let _ = target.focus();
    }
}
