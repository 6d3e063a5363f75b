use leptos::prelude::*;
use model::post::PostSummary;

/// Date, reading time and tags of a post, as in the list and on the post itself.
#[component]
pub fn PostMeta(post: PostSummary) -> impl IntoView {
    view! {
        <p class="post-meta">
            <time datetime=post.published.to_string()>{post.published.display()}</time>
            " · "
            {format!("{} min read", post.reading_minutes)}
        </p>
        <ul class="tags" aria-label="Tags">
            {post.tags.into_iter().map(|tag| view! { <li class="tag">{tag}</li> }).collect_view()}
        </ul>
    }
}
