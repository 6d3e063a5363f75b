//! The shell: header, navigation, routes and footer.

use crate::components::{
    offline_indicator::OfflineIndicator, saved_data_notice::SavedDataNotice,
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
use wasm_bindgen::JsCast;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <FocusOnNavigate />
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

/// After a client-side navigation, moves focus to `<main>` so keyboard and screen-reader users
/// start at the new page rather than on the link they used. Not on the first load.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let pathname = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let path = pathname.get();
        if previous.is_some_and(|previous| previous != path) {
            let main = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("main"))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(main) = main {
                let _ = main.focus();
            }
        }
        path
    });
}
