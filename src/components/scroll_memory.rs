//! Back and Forward return to where each page was scrolled, and focus to the link the reader
//! followed from it. The browser's own restoration runs as soon as the address changes, before
//! the page has fetched and drawn its data, so on a long list it found a short page and stayed
//! at the top; this waits for the page to be tall enough, then for the link to be drawn. Page
//! scroll only (not the table's own box), and only for the pages of this visit.

use crate::check_again::check_every;
use crate::focus::focus_in_view;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use model::query::path_and_query;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, MouseEvent, ScrollRestoration};

/// How long a page returned to may take to draw its data, in checks.
const RESTORE_CHECKS: u32 = 100;
const RESTORE_CHECK_EVERY: Duration = Duration::from_millis(50);
/// Checks in a row the place is watched once reached: the page left behind can still be on
/// screen at the first checks, tall enough, and then give way to one still loading.
const RESTORE_SETTLED: u32 = 10;

#[derive(Default)]
struct Memory {
    /// The address shown (path and query).
    address: RefCell<String>,
    /// Where each address was scrolled when the reader left it.
    places: RefCell<HashMap<String, f64>>,
    /// The link each address was left by.
    links: RefCell<HashMap<String, FollowedLink>>,
    /// The number of the latest restore, which runs while this holds it: a newer one
    /// supersedes it, and 0 stops it.
    restoring: Cell<u32>,
}

impl Memory {
    fn remember(&self) {
        let address = self.address.borrow().clone();
        self.places.borrow_mut().insert(address, scroll_y());
    }

    /// A click that opens a link in this tab is the way the page is left; one that opens it
    /// elsewhere (a modifier key, another button, a target, a download) leaves nothing to
    /// come back to and changes nothing.
    fn remember_link(&self, click: &Event) {
        let in_this_tab = click.dyn_ref::<MouseEvent>().is_none_or(|mouse| {
            mouse.button() == 0
                && !(mouse.ctrl_key() || mouse.meta_key() || mouse.shift_key() || mouse.alt_key())
        });
        let link = click
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten());
        let opens_elsewhere = link.as_ref().is_some_and(|link| {
            link.has_attribute("download")
                || link
                    .get_attribute("target")
                    .is_some_and(|target| !target.is_empty() && target != "_self")
        });
        if !in_this_tab || opens_elsewhere {
            return;
        }
        let address = self.address.borrow().clone();
        match link.and_then(|link| FollowedLink::of(&link)) {
            Some(link) => self.links.borrow_mut().insert(address, link),
            None => self.links.borrow_mut().remove(&address),
        };
    }
}

/// A link by its `href` and its place among the page's links to the same address (a title and
/// its "read more" may share one).
#[derive(Clone)]
struct FollowedLink {
    href: String,
    nth: usize,
}

impl FollowedLink {
    /// `None` for a link within the page (a skip link), which leaves no page to come back to.
    fn of(link: &Element) -> Option<FollowedLink> {
        let href = link
            .get_attribute("href")
            .filter(|href| !href.starts_with('#'))?;
        let nth = same_links(&href).iter().position(|other| other == link)?;
        Some(FollowedLink { href, nth })
    }

    fn find(&self) -> Option<Element> {
        same_links(&self.href).into_iter().nth(self.nth)
    }
}

fn same_links(href: &str) -> Vec<Element> {
    let Ok(links) = document().query_selector_all("a[href]") else {
        return Vec::new();
    };
    (0..links.length())
        .filter_map(|at| links.item(at)?.dyn_into::<Element>().ok())
        .filter(|link| link.get_attribute("href").as_deref() == Some(href))
        .collect()
}

/// Checks, once the place is reached, for the followed link to be drawn.
const FOCUS_CHECKS: u32 = 40;

/// Focus to give back to the followed link on a return to `address`.
struct ReturnFocus {
    link: FollowedLink,
    address: String,
    /// Focused as the reader went back: focus still there has not been moved by them.
    focused_then: Option<Element>,
    checks_left: u32,
}

impl ReturnFocus {
    fn new(link: FollowedLink, address: String) -> ReturnFocus {
        ReturnFocus {
            link,
            address,
            focused_then: document().active_element(),
            checks_left: FOCUS_CHECKS,
        }
    }

    /// Focuses the link if the page returned to is drawn and shows it; `self` back while it
    /// is still worth looking.
    fn try_now(mut self, memory: &Memory) -> Option<ReturnFocus> {
        self.checks_left = self.checks_left.checked_sub(1)?;
        // The router shows the entry returned to only after this check's first run, which can
        // still see the page being left (with the same path, nothing else tells them apart).
        if *memory.address.borrow() != self.address {
            return Some(self);
        }
        // The page returned to can be tall enough before its links are drawn: look again.
        let Some(element) = self.link.find() else {
            return Some(self);
        };
        if self.focus_untouched() {
            focus_in_view(&element);
        }
        None
    }

    /// Focus is where it was as the reader went back, where a new page puts it (its heading
    /// or `<main>`), or nowhere: the reader has not moved it.
    fn focus_untouched(&self) -> bool {
        let document = document();
        match document.active_element() {
            None => true,
            Some(active) => {
                Some(&active) == self.focused_then.as_ref()
                    || document.body().is_some_and(|body| *body == active)
                    || active.id() == "main"
                    || active.matches("main h1").unwrap_or(false)
            }
        }
    }
}

fn scroll_y() -> f64 {
    window().scroll_y().unwrap_or_default()
}

#[component]
pub fn ScrollMemory() -> impl IntoView {
    let _ = window()
        .history()
        .and_then(|h| h.set_scroll_restoration(ScrollRestoration::Manual));
    let memory = Rc::new(Memory::default());
    let location = use_location();

    // The place is taken as the reader leaves: by a click (a link; the router's own listener
    // comes later), or by Back or Forward. Both listen in the capture phase, before the router
    // has changed the page. Scroll events are not used: WebKit delivers them late, when the
    // address has already changed.
    let leaving = memory.clone();
    on_window_capture("click", move |click| {
        leaving.remember();
        leaving.remember_link(&click);
    });
    let popped = memory.clone();
    on_window_capture("popstate", move |_| {
        let location = window().location();
        let path = location.pathname().unwrap_or_default();
        let address = path_and_query(&path, &location.search().unwrap_or_default());
        // Unless the router was first after all, and the address shown is already the new one.
        if *popped.address.borrow() != address {
            popped.remember();
        }
        let Some(y) = popped.places.borrow().get(&address).copied() else {
            return;
        };
        // Another page: its first element is still the one being left, which the restore
        // waits to see replaced (until then, how tall the page is says nothing).
        let same_page = popped.address.borrow().split('?').next() == Some(path.as_str());
        let leaving = (!same_page).then(first_on_page).flatten();
        let attempt = popped.restoring.get() + 1;
        popped.restoring.set(attempt);
        let link = popped.links.borrow().get(&address).cloned();
        let focus = link.map(|link| ReturnFocus::new(link, address));
        restore(popped.clone(), attempt, y, leaving, focus);
    });
    // The reader taking over stops a restore still waiting for its page.
    let _ = window_event_listener(ev::wheel, stop_restoring(&memory));
    let _ = window_event_listener(ev::pointerdown, stop_restoring(&memory));
    let _ = window_event_listener(ev::keydown, stop_restoring(&memory));

    Effect::new(move || {
        *memory.address.borrow_mut() =
            path_and_query(&location.pathname.get(), &location.search.get());
    });
}

/// Listens on the window for the app's lifetime, in the capture phase.
fn on_window_capture(event: &str, handler: impl Fn(Event) + 'static) {
    let handler = Closure::<dyn Fn(Event)>::new(handler);
    let _ = window().add_event_listener_with_callback_and_bool(
        event,
        handler.as_ref().unchecked_ref(),
        true,
    );
    handler.forget();
}

fn stop_restoring<E>(memory: &Rc<Memory>) -> impl Fn(E) + 'static {
    let memory = memory.clone();
    move |_| memory.restoring.set(0)
}

/// Scrolls to `y` once the page is tall enough, then watches for [`RESTORE_SETTLED`] checks:
/// if the page shrinks below `y` again, or was replaced since the last check and is now above
/// `y` (the page left behind gave way to one still loading, which pulled the place up as it
/// went, and grew again between two checks), it waits for it once more; if anything else
/// moves the page (the reader, a script, a test driver bringing an element into view), the
/// restore ends there rather than fight it, even while the page's height still changes. Once
/// there, the followed link gets the focus as soon as it is drawn, unless the reader has moved
/// focus.
fn restore(
    memory: Rc<Memory>,
    attempt: u32,
    mut y: f64,
    mut leaving: Option<Element>,
    mut focus: Option<ReturnFocus>,
) {
    // Checks in a row at `y` since it was reached, or `None` while waiting for it.
    let mut held: Option<u32> = None;
    // The first element of the page the last check saw.
    let mut last_seen: Option<Option<Element>> = None;
    check_every(RESTORE_CHECK_EVERY, RESTORE_CHECKS, move || {
        if memory.restoring.get() != attempt {
            return false;
        }
        leaving = leaving.take().filter(|element| element.is_connected());
        let reachable = document()
            .document_element()
            .map(|root| f64::from(root.scroll_height()) - window_height())
            .unwrap_or_default();
        let page = first_on_page();
        let replaced = last_seen
            .replace(page.clone())
            .is_some_and(|seen| seen != page);
        let tall_enough = leaving.is_none() && reachable + 1.0 >= y;
        let at = scroll_y();
        let there = (at - y).abs() < 1.0;
        held = match held {
            Some(_) if !tall_enough || (replaced && at < y - 1.0) => None,
            Some(held) if there => Some(held + 1),
            Some(_) => return false,
            None if tall_enough => {
                window().scroll_to_with_x_and_y(0.0, y);
                Some(0)
            }
            None => None,
        };
        if held.is_some() {
            if let Some(looking) = focus.take() {
                focus = looking.try_now(&memory);
                // Focusing brings the link into view, which may move the page: that place is
                // the one to keep from now on.
                if focus.is_none() {
                    y = scroll_y();
                }
            }
        }
        focus.is_some() || held.is_none_or(|held| held < RESTORE_SETTLED)
    });
}

/// The first element of `<main>`, which a route's page replaces.
fn first_on_page() -> Option<Element> {
    document().get_element_by_id("main")?.first_element_child()
}

fn window_height() -> f64 {
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or_default()
}
