use crate::components::highlight::Highlight;
use crate::components::post_meta::PostMeta;
use leptos::prelude::*;
use model::page_link::post_href;
use model::post::PostSummary;
use model::search::{Highlighted, Hit};

/// Posts as a list of headlines with their standfirst, date, reading time and tags.
/// `hits` (one per post, when the list shows search results) highlight the matches and add
/// a passage of the body. `nested` makes the headlines h3, for a list under its own h2.
#[component]
pub fn PostList(
    posts: Vec<PostSummary>,
    #[prop(optional)] hits: Vec<Hit>,
    #[prop(optional)] nested: bool,
) -> impl IntoView {
    if posts.is_empty() {
        return view! { <p class="empty">"No posts yet."</p> }.into_any();
    }
    let mut hits = hits.into_iter();
    view! {
        <ul class="post-list">
            {posts
                .into_iter()
                .map(|post| {
                    let hit = hits.next();
                    let href = post_href(&post.slug);
                    let (title, standfirst, snippet) = match hit {
                        Some(hit) => (hit.title, hit.standfirst, hit.snippet),
                        None => (plain(&post.title), plain(&post.standfirst), None),
                    };
                    let title = view! { <a href=href><Highlight text=title /></a> };
                    view! {
                        <li>
                            {if nested {
                                view! { <h3 class="post-list-title">{title}</h3> }.into_any()
                            } else {
                                view! { <h2 class="post-list-title">{title}</h2> }.into_any()
                            }}
                            <p class="standfirst"><Highlight text=standfirst /></p>
                            {snippet.map(|text| view! { <p class="snippet"><Highlight text /></p> })}
                            <PostMeta post />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

fn plain(text: &str) -> Highlighted {
    Highlighted {
        text: text.to_string(),
        ranges: Vec::new(),
    }
}
