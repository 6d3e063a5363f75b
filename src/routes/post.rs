use crate::api;
use crate::components::fetched::Fetched;
use crate::components::post_body::PostBody;
use crate::components::post_meta::PostMeta;
use crate::routes::page_title;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use model::format::PostFile;

/// `/posts/:slug`: fetches only this post's own file.
#[component]
pub fn PostPage() -> impl IntoView {
    let params = use_params_map();
    let post =
        LocalResource::new(move || api::fetch_post(params.read().get("slug").unwrap_or_default()));
    view! {
        <Title text=page_title("Post") />
        <Fetched
            resource=post
            what="this post"
            render=post_or_not_found
            whole_page=true
        />
        <p class="back">
            <A href="/posts">"All posts"</A>
        </p>
    }
}

fn post_or_not_found(post: Option<PostFile>) -> AnyView {
    match post {
        Some(post) => view! { <Post post /> }.into_any(),
        None => view! { <PostNotFound /> }.into_any(),
    }
}

#[component]
fn Post(post: PostFile) -> impl IntoView {
    let summary = post.summary;
    view! {
        <Title text=page_title(&summary.title) />
        <article class="post">
            <header>
                <h1>{summary.title.clone()}</h1>
                <p class="standfirst">{summary.standfirst.clone()}</p>
                <PostMeta post=summary />
            </header>
            <PostBody blocks=post.body />
        </article>
    }
}

#[component]
fn PostNotFound() -> impl IntoView {
    view! {
        <Title text=page_title("Post not found") />
        <h1>"Post not found"</h1>
        <p>"There is no post at this address. It may have been renamed, or the link may be mistyped."</p>
    }
}
