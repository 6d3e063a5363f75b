use leptos::prelude::*;
use model::post::PostSummary;
use model::posts_query::PostsQuery;

/// Date, reading time and tags of a post, as in the list and on the post itself. Each tag
/// links to the posts list filtered by it, and says so to a screen reader's list of links,
/// where "good" or "league table" alone would read as something else.
#[component]
pub fn PostMeta(post: PostSummary) -> impl IntoView {
    view! {
        <p class="post-meta">
            <time datetime=post.published.to_string()>{post.published.display()}</time>
            " · "
            {format!("{} min read", post.reading_minutes)}
        </p>
        <ul class="tags" aria-label="Tags">
            {post
                .tags
                .into_iter()
                .map(|tag| {
                    let href = PostsQuery {
                        tag: Some(tag.clone()),
                        ..PostsQuery::default()
                    }
                    .to_url();
                    let name = format!("Posts tagged {tag}");
                    view! { <li class="tag"><a href=href aria-label=name>{tag}</a></li> }
                })
                .collect_view()}
        </ul>
    }
}
