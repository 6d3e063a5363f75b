use crate::components::post_meta::PostMeta;
use leptos::prelude::*;
use leptos_router::components::A;
use model::post::PostSummary;

/// Posts as a list of headlines with their standfirst, date, reading time and tags.
#[component]
pub fn PostList(posts: Vec<PostSummary>) -> impl IntoView {
    if posts.is_empty() {
        return view! { <p class="empty">"No posts yet."</p> }.into_any();
    }
    view! {
        <ul class="post-list">
            {posts
                .into_iter()
                .map(|post| {
                    let href = format!("/posts/{}", post.slug);
                    let title = post.title.clone();
                    view! {
                        <li>
                            <h2 class="post-list-title">
                                <A href=href>{title}</A>
                            </h2>
                            <p class="standfirst">{post.standfirst.clone()}</p>
                            <PostMeta post />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
