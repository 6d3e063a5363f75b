use crate::components::post_meta::PostMeta;
use leptos::prelude::*;
use leptos_router::components::A;
use model::post::PostSummary;

/// Posts as a list of headlines with their standfirst, date, reading time and tags.
/// `nested` makes the headlines h3, for a list that sits under its own h2.
#[component]
pub fn PostList(posts: Vec<PostSummary>, #[prop(optional)] nested: bool) -> impl IntoView {
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
                            {if nested {
                                view! { <h3 class="post-list-title"><A href=href>{title}</A></h3> }.into_any()
                            } else {
                                view! { <h2 class="post-list-title"><A href=href>{title}</A></h2> }.into_any()
                            }}
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
