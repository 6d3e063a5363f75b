//! `/posts`: every post, newest first and paged, with instant search and tag and year
//! filters. The search, filters and page live in the URL, so back, forward and reload
//! restore them. Post bodies are searched from one text file fetched on the first search.

use crate::api;
use crate::components::fetched::Fetched;
use crate::components::pager::Pager;
use crate::components::post_list::PostList;
use crate::components::retry_panel::RetryPanel;
use crate::components::search_field::SearchField;
use crate::components::select_filter::SelectFilter;
use crate::focus::focus_by_id;
use crate::routes::page_title;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use model::format::PostsIndex;
use model::post::PostSummary;
use model::posts_query::{
    all_tags, all_years, hits, list_posts, page_count, page_of, result_summary, PostsQuery,
};
use model::search::SearchIndex;
use std::collections::BTreeMap;

const DESCRIPTION: &str = "Posts on what each HM Inspectorate of Probation inspection found, \
and explainers on how to read the ratings. Search them, or filter by tag and year.";

/// The search field, where focus goes when the filters are cleared.
const SEARCH_ID: &str = "posts-search";

#[component]
pub fn PostsList() -> impl IntoView {
    let posts = LocalResource::new(api::fetch_posts_index);
    view! {
        <Title text=page_title("Posts") />
        <Meta name="description" content=DESCRIPTION />
        <h1>"Posts"</h1>
        <p class="lede">"What each inspection found, and how to read the ratings. Newest first."</p>
        <Fetched resource=posts what="the list of posts" render=|index: PostsIndex| view! { <PostsBrowser posts=index.posts /> } />
    }
}

#[component]
fn PostsBrowser(posts: Vec<PostSummary>) -> impl IntoView {
    let tags = all_tags(&posts);
    let years = all_years(&posts);
    let posts = StoredValue::new(posts);
    let params = use_query_map();
    let known = StoredValue::new((tags.clone(), years.clone()));
    let query = Memo::new(move |_| {
        params.with(|p| {
            known.with_value(|(tags, years)| PostsQuery::from_params(|key| p.get(key), tags, years))
        })
    });
    let navigate = use_navigate();
    // The first keystroke of a search adds a history entry and the rest replace it, so back
    // leaves the search instead of undoing letters (as in the league table); choosing a filter
    // adds one.
    let go = move |next: PostsQuery, replace: bool| {
        navigate(
            &next.to_url(),
            NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            },
        )
    };

    // The posts' text is folded into a search index once, not on every keystroke. The bodies
    // are fetched once, when a search first needs them, and the index is then made again with
    // them; until then, and if the fetch fails (which the page says), titles, standfirsts and
    // tags are searched.
    let (index, set_index) = signal(posts.with_value(|all| SearchIndex::new(all, BTreeMap::new())));
    let (texts_error, set_texts_error) = signal(None::<String>);
    let load_texts = move || {
        spawn_local(async move {
            match api::fetch_posts_search().await {
                Ok(file) => {
                    set_texts_error.set(None);
                    set_index.set(posts.with_value(|all| SearchIndex::new(all, file.texts)));
                }
                Err(error) => set_texts_error.set(Some(error.to_string())),
            }
        })
    };
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) || query.read().text.trim().is_empty() {
            return started == Some(true);
        }
        load_texts();
        true
    });
    let texts_missing = move || {
        texts_error.get().map(|error| {
            view! {
                <RetryPanel
                    id="search-texts-error"
                    message=format!("Only titles, standfirsts and tags are searched. {error}")
                    on_retry=move |_| load_texts()
                />
            }
        })
    };

    let listed =
        Memo::new(move |_| posts.with_value(|all| list_posts(all, &index.read(), &query.read())));
    let pages = Signal::derive(move || page_count(listed.read().len()));
    let page = Signal::derive(move || query.read().page.clamp(1, pages.get()));
    // Highlights are worked out for the page shown only, and the list is drawn again only when
    // what it shows changes (not for a keystroke that leaves the page as it was).
    let page_posts = Memo::new(move |_| {
        let entries = page_of(&listed.read(), page.get());
        posts.with_value(|all| {
            let summaries: Vec<PostSummary> = entries.iter().map(|&i| all[i].clone()).collect();
            (summaries, hits(all, &index.read(), &entries, &query.read()))
        })
    });
    let shown = move || {
        let (posts, hits) = page_posts.get();
        view! { <PostList posts hits /> }
    };
    let summary = move || result_summary(listed.read().len(), &query.read().on_page(page.get()));
    let nothing_matches = move || listed.read().is_empty() && posts.with_value(|p| !p.is_empty());
    // Focus then goes to the search field: the button used turns disabled or goes away.
    let clear = {
        let go = go.clone();
        move |_| {
            go(PostsQuery::default(), false);
            focus_by_id(SEARCH_ID);
        }
    };

    view! {
        <form class="filters" role="search" aria-label="Search and filter posts" on:submit=|ev| ev.prevent_default()>
            <SearchField
                id=SEARCH_ID
                label="Search posts"
                placeholder="Name, owner, place or word"
                value=Signal::derive(move || query.read().text.clone())
                on_input=Callback::new({
                    let go = go.clone();
                    move |(text, refines): (String, bool)| {
                        go(query.get_untracked().with(|q| q.text = text), refines)
                    }
                })
            />
            <SelectFilter
                id="posts-tag"
                label="Tag"
                all_label="All tags"
                options=tags.into_iter().map(|tag| (tag.clone(), tag)).collect()
                value=Signal::derive(move || query.read().tag.clone().unwrap_or_default())
                on_change=Callback::new({
                    let go = go.clone();
                    move |tag: String| go(query.get_untracked().with(|q| q.tag = (!tag.is_empty()).then_some(tag)), false)
                })
            />
            <SelectFilter
                id="posts-year"
                label="Year"
                all_label="All years"
                options=years.into_iter().map(|year| (year.to_string(), year.to_string())).collect()
                value=Signal::derive(move || query.read().year.map(|y| y.to_string()).unwrap_or_default())
                on_change=Callback::new({
                    let go = go.clone();
                    move |year: String| go(query.get_untracked().with(|q| q.year = year.parse().ok()), false)
                })
            />
            <button type="button" class="clear" on:click=clear.clone() disabled=move || !query.read().is_filtered()>
                "Clear"
            </button>
        </form>
        <p id="posts-count" role="status" tabindex="-1">{summary}</p>
        {texts_missing}
        {move || {
            if nothing_matches() {
                view! {
                    <div class="empty">
                        <p>{format!("No posts {}.", query.read().describe())}</p>
                        <button type="button" on:click=clear.clone()>"Show all posts"</button>
                    </div>
                }
                .into_any()
            } else {
                shown().into_any()
            }
        }}
        <Pager
            page
            pages
            href=Callback::new(move |n: usize| query.read().on_page(n).to_url())
            focus_id="posts-count"
        />
    }
}
