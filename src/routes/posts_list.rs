use crate::api;
use crate::components::fetched::Fetched;
use crate::components::post_list::PostList;
use crate::routes::page_title;
use leptos::prelude::*;
use leptos_meta::Title;
use model::format::PostsIndex;

#[component]
pub fn PostsList() -> impl IntoView {
    let posts = LocalResource::new(api::fetch_posts_index);
    view! {
        <Title text=page_title("Posts") />
        <h1>"Posts"</h1>
        <p class="lede">"What each inspection found, and how to read the ratings. Newest first."</p>
        <Fetched resource=posts what="the list of posts" render=|index: PostsIndex| view! { <PostList posts=index.posts /> } />
    }
}
