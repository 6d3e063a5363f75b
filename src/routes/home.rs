use crate::api;
use crate::components::fetched::{Fetched, Place};
use crate::components::post_list::PostList;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use model::format::PostsIndex;

const LATEST: usize = 3;

#[component]
pub fn Home() -> impl IntoView {
    let posts = LocalResource::new(api::fetch_posts_index);
    view! {
        <Title text="On Probation: probation inspection ratings and what they found" />
        <Meta name="description" content="An unofficial league table of HM Inspectorate of Probation ratings, with posts on what each inspection found." />
        <section class="hero">
            <h1>"How was your probation service rated?"</h1>
            <p class="lede">
                "Since 2018 HM Inspectorate of Probation has rated probation organisations in England and Wales "
                "on a four-band scale. On Probation gathers the ratings that public sources give into one "
                "unofficial league table, and writes about what each inspection found."
            </p>
            <p class="actions">
                <a href="/league-table" class="button">"Open the league table"</a>
                <a href="/about">"How the data was collected"</a>
            </p>
        </section>
        <section aria-labelledby="latest-heading">
            <h2 id="latest-heading">"Latest posts"</h2>
            <Fetched
                resource=posts
                what="the latest posts"
                place=Place::InSection
                render=|index: PostsIndex| view! { <PostList posts=index.posts.into_iter().take(LATEST).collect() nested=true /> }
            />
            <p><a href="/posts">"All posts"</a></p>
        </section>
    }
}
