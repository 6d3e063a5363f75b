//! `/posts/:slug`: the post from its own file, the ratings it is about, related posts and
//! the previous and next post.

use crate::api::{self, ApiError};
use crate::components::fetched::{Fetched, Place};
use crate::components::post_body::PostBody;
use crate::components::post_meta::PostMeta;
use crate::components::ratings_box::RatingsBox;
use crate::components::retry_panel::RetryPanel;
use crate::components::share_button::ShareButton;
use crate::components::try_again::TryAgain;
use crate::routes::page_title;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;
use model::format::{PostFile, RatingsFile};
use model::inspection::Inspection;
use model::page_link::post_href;
use model::post::PostSummary;
use model::related::{neighbours, related_posts};

#[component]
pub fn PostPage() -> impl IntoView {
    let params = use_params_map();
    let post =
        LocalResource::new(move || api::fetch_post(params.read().get("slug").unwrap_or_default()));
    let tries = RwSignal::new(0);
    // Trying again after "Post not found" asks the server afresh, past the caches.
    let try_again = Callback::new(move |()| {
        let slug = params.read_untracked().get("slug").unwrap_or_default();
        api::ask_afresh(api::post_url(&slug));
        post.refetch();
    });
    let render = move |found: Option<PostFile>| match found {
        Some(found) => view! { <Post post=found /> }.into_any(),
        None => view! { <PostNotFound tries try_again /> }.into_any(),
    };
    // The way back comes first, so the post arriving below it moves nothing on screen.
    view! {
        <Title text=page_title("Post") />
        <p class="back">
            <a href="/posts">"All posts"</a>
        </p>
        <Fetched
            resource=post
            what="this post"
            render
            place=Place::WholePage
        />
    }
}

#[component]
fn Post(post: PostFile) -> impl IntoView {
    let summary = post.summary;
    // Only a post about inspections fetches the ratings; the index gives related and
    // neighbouring posts. Neither holds up the post itself.
    let ratings = (!summary.inspections.is_empty()).then(|| LocalResource::new(api::fetch_ratings));
    let ratings_box = ratings.map(|ratings| {
        let ids = summary.inspections.clone();
        // Loading, the box, or the error with a retry; kept simpler than `Fetched` because
        // the box sits under a post that is already on screen.
        let state = move || match ratings.get() {
            None => {
                view! { <p class="loading" role="status">"Loading the ratings…"</p> }.into_any()
            }
            Some(Ok(file)) => view! { <RatingsBox ids=ids.clone() ratings=file /> }.into_any(),
            Some(Err(error)) => view! {
                <RetryPanel id="ratings-error" message=error.to_string() on_retry=move |_| ratings.refetch() />
            }
            .into_any(),
        };
        view! {
            <section class="ratings-box" aria-labelledby="ratings-heading">
                <h2 id="ratings-heading">"The ratings"</h2>
                {state}
            </section>
        }
    });
    let index = LocalResource::new(api::fetch_posts_index);
    let for_links = summary.clone();
    // Related and neighbouring posts come from the index: while it loads they are left out,
    // and if it cannot be read the page says so under the post.
    let links = move || match index.read().as_ref()? {
        Ok(file) => Some(
            view! { <PostLinks post=for_links.clone() posts=file.posts.clone() ratings /> }
                .into_any(),
        ),
        Err(error) => Some(
            view! {
                <RetryPanel
                    id="post-links-error"
                    message=format!("Related and neighbouring posts are missing. {error}")
                    on_retry=move |_| index.refetch()
                />
            }
            .into_any(),
        ),
    };
    view! {
        <Title text=page_title(&summary.title) />
        <Meta name="description" content=summary.standfirst.clone() />
        <article class="post">
            <header>
                <h1>{summary.title.clone()}</h1>
                <p class="standfirst">{summary.standfirst.clone()}</p>
                <PostMeta post=summary.clone() />
            </header>
            <PostBody blocks=post.body />
            <ShareButton title=summary.title.clone() />
        </article>
        {ratings_box}
        {links}
    }
}

/// Related posts, refined by organisation and owner once the ratings arrive, and the
/// previous and next post.
#[component]
fn PostLinks(
    post: PostSummary,
    posts: Vec<PostSummary>,
    ratings: Option<LocalResource<Result<RatingsFile, ApiError>>>,
) -> impl IntoView {
    let (older, newer) = neighbours(&post.slug, &posts);
    let (older, newer) = (older.cloned(), newer.cloned());
    let related = move || {
        let ratings = ratings.map(|r| r.read());
        let inspections: &[Inspection] = match ratings.as_deref() {
            Some(Some(Ok(file))) => &file.inspections,
            _ => &[],
        };
        related_posts(&post, &posts, inspections)
            .into_iter()
            .cloned()
            .collect::<Vec<_>>()
    };
    let link = |post: PostSummary, rel: &'static str, label: &'static str| {
        view! {
            <a href=post_href(&post.slug) rel=rel>
                <span class="post-nav-label">{label}</span>
                <span class="post-nav-title">{post.title}</span>
            </a>
        }
    };
    view! {
        {move || {
            let related = related();
            (!related.is_empty()).then(|| view! {
                <section class="related" aria-labelledby="related-heading">
                    <h2 id="related-heading">"Related posts"</h2>
                    <ul>
                        {related
                            .into_iter()
                            .map(|post| view! {
                                <li>
                                    <a href=post_href(&post.slug)>{post.title}</a>
                                    <p class="standfirst">{post.standfirst}</p>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </section>
            })
        }}
        <nav class="post-nav" aria-label="Previous and next posts">
            {older.map(|post| link(post, "prev", "Previous post"))}
            {newer.map(|post| link(post, "next", "Next post"))}
        </nav>
    }
}

/// Trying again helps with a post published after this page last looked.
#[component]
fn PostNotFound(tries: RwSignal<u32>, try_again: Callback<()>) -> impl IntoView {
    view! {
        <Title text=page_title("Post not found") />
        <Meta name="description" content="There is no post at this address." />
        <h1>"Post not found"</h1>
        <p>"There is no post at this address. It may have been renamed, or the link may be mistyped."</p>
        <TryAgain tries on_retry=try_again still="Looked again: there is still no post at this address." />
    }
}
