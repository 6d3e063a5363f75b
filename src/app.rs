//! The shell: header, navigation, routes and footer.

use crate::check_again::check_every;
use crate::components::{
    last_table_view::{LastTableView, TrackTableView},
    offline_indicator::OfflineIndicator,
    saved_data_notice::SavedDataNotice,
    scroll_memory::ScrollMemory,
    update_prompt::UpdatePrompt,
};
use crate::routes::{
    about::About, compare::ComparePage, home::Home, inspection::InspectionPage,
    league_table::LeagueTable, not_found::NotFound, post::PostPage, posts_list::PostsList,
};
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;
use std::time::Duration;
use wasm_bindgen::JsCast;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    LastTableView::provide();
    view! {
        <Router>
            <FocusOnNavigate />
            <ScrollMemory />
            <TrackTableView />
            // rel="external" keeps the router out, so the browser moves focus to <main>.
            <a class="skip-link" href="#main" rel="external">"Skip to main content"</a>
            <header class="site-header">
                <A href="/" attr:class="brand">"On Probation"</A>
                <nav aria-label="Main">
                    <ul>
                        <li><A href="/league-table">"League table"</A></li>
                        <li><A href="/posts">"Posts"</A></li>
                        <li><A href="/about">"About the data"</A></li>
                    </ul>
                </nav>
            </header>
            <div class="app-notices">
                <OfflineIndicator />
                <SavedDataNotice />
                <UpdatePrompt />
            </div>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("") view=Home />
                    // A host's default document, often bookmarked as the site's address.
                    <Route path=path!("index.html") view=Home />
                    <Route path=path!("league-table") view=LeagueTable />
                    <Route path=path!("inspections/:id") view=InspectionPage />
                    <Route path=path!("compare") view=ComparePage />
                    <Route path=path!("posts") view=PostsList />
                    <Route path=path!("posts/:slug") view=PostPage />
                    <Route path=path!("about") view=About />
                </Routes>
            </main>
            <footer class="site-footer">
                <p>
                    "An unofficial reader of HM Inspectorate of Probation ratings. Bands are the Inspectorate's; "
                    "where no source gives one it is shown as not published."
                </p>
            </footer>
        </Router>
    }
}

/// After a client-side navigation, moves focus to the new page's `h1` so keyboard and
/// screen-reader users start at its heading rather than on the link they used. Not on the
/// first load.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let pathname = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let path = pathname.get();
        if previous.is_some_and(|previous| previous != path) {
            // After this turn, so the new route has replaced the old page's heading.
            set_timeout(focus_heading, Duration::ZERO);
        }
        path
    });
}

/// A page whose heading comes with its data (a post) shows a stand-in `h1.loading` until the
/// fetch ends: focus goes to it (or to `<main>` while there is no h1 at all) and follows to the
/// heading that replaces it, looked for again every [`HEADING_CHECK_EVERY`], up to
/// [`HEADING_CHECKS`] times: longer than a fetch may take before it gives up (15 s), so an
/// error panel's heading gets the focus too.
const HEADING_CHECKS: u32 = 200;
const HEADING_CHECK_EVERY: Duration = Duration::from_millis(100);

/// Focuses `main h1` (made focusable with `tabindex="-1"`), or `<main>` while there is none.
/// Gives up as soon as the user has moved focus somewhere else than where the last check left
/// it: `<main>`, the `stand_in` heading, or nowhere because that heading was replaced.
fn focus_heading() {
    let mut first = true;
    let mut stand_in: Option<web_sys::Element> = None;
    check_every(HEADING_CHECK_EVERY, HEADING_CHECKS, move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return false;
        };
        let Some(main) = document.get_element_by_id("main") else {
            return false;
        };
        let active = document.active_element();
        let on_body = active.is_none() || active.as_ref() == document.body().as_deref();
        let left_alone = active.as_ref() == Some(&main)
            || stand_in.as_ref().is_some_and(|stand_in| {
                active.as_ref() == Some(stand_in) || (!stand_in.is_connected() && on_body)
            });
        if !std::mem::take(&mut first) && !left_alone {
            return false;
        }
        let heading = main.query_selector("h1").ok().flatten();
        if let Some(h1) = &heading {
            if !h1.has_attribute("tabindex") {
                let _ = h1.set_attribute("tabindex", "-1");
            }
        }
        let target = heading.as_ref().unwrap_or(&main);
        if let Some(target) = target.dyn_ref::<web_sys::HtmlElement>() {
            // Without scrolling: a new page starts at its top anyway, and a page returned to
            // by Back is scrolled to where the reader left it (`ScrollMemory`).
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = target.focus_with_options(&options);
        }
        stand_in = match heading {
            Some(h1) if h1.matches(".loading").unwrap_or(false) => Some(h1),
            Some(_) => return false,
            None => None,
        };
        true
    });
}
