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
            render=|post: PostFile| {
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
        />
        <p class="back"><A href="/posts">"All posts"</A></p>
    }
}
