//! `/inspections/:id`: one inspection with every fact, standard, source and post about it.

use crate::api::{self, ApiError};
use crate::components::fetched::{Fetched, Place};
use crate::components::inspection_fields::inspection_fields;
use crate::components::last_table_view::LastTableView;
use crate::components::post_list::PostList;
use crate::components::retry_panel::RetryPanel;
use crate::components::standard_label::StandardLabel;
use crate::components::standard_rating::StandardRatingView;
use crate::components::try_again::TryAgain;
use crate::routes::page_title;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;
use model::compare::standard_rating;
use model::details::round_text;
use model::format::{PostsIndex, RatingsFile};
use model::inspection::{standards_for, Inspection};
use model::link::is_web_link;
use model::movement::other_round;
use model::page_link::{compare_href, inspection_href, league_table_href};
use model::post::posts_about;

#[component]
pub fn InspectionPage() -> impl IntoView {
    let ratings = LocalResource::new(api::fetch_ratings);
    let tries = RwSignal::new(0);
    // Trying again after "Inspection not found" asks the server afresh, past the caches.
    let try_again = Callback::new(move |()| {
        api::ask_afresh(api::RATINGS_URL.to_string());
        ratings.refetch();
    });
    // The way back comes first, so the page arriving below it moves nothing on screen.
    view! {
        <Title text=page_title("Inspection") />
        <p class="back">
            <a href=LastTableView::href()>"Back to the league table"</a>
        </p>
        <Fetched resource=ratings what="the ratings" render=move |file: RatingsFile| view! { <InspectionOrNotFound file tries try_again /> } place=Place::WholePage />
    }
}

/// Following a link to another inspection keeps this page: the view follows the id.
#[component]
fn InspectionOrNotFound(
    file: RatingsFile,
    tries: RwSignal<u32>,
    try_again: Callback<()>,
) -> impl IntoView {
    let params = use_params_map();
    let posts = LocalResource::new(api::fetch_posts_index);
    let file = StoredValue::new(file);
    move || {
        let id = params.read().get("id").unwrap_or_default();
        file.with_value(|file| match file.inspections.iter().find(|i| i.id == id) {
            Some(inspection) => {
                view! { <Details inspection=inspection.clone() file=file.clone() posts /> }
                    .into_any()
            }
            None => view! { <InspectionNotFound id tries try_again /> }.into_any(),
        })
    }
}

#[component]
fn Details(
    inspection: Inspection,
    file: RatingsFile,
    posts: LocalResource<Result<PostsIndex, ApiError>>,
) -> impl IntoView {
    let fields = inspection_fields(&inspection, &file.inspections);
    let standards = standards_for(&file.standards, inspection.kind)
        .map(|standard| {
            let rating = standard_rating(&inspection, standard);
            view! {
                <tr data-standard=standard.code.clone()>
                    <td>{standard.code.clone()}</td>
                    // The domain under the name, as on the compare page: a column of its own put
                    // the band off a phone's screen.
                    <th scope="row">
                        <StandardLabel name=standard.name.clone() domain=standard.domain.clone() />
                    </th>
                    <td data-col="band"><StandardRatingView rating /></td>
                </tr>
            }
        })
        .collect_view();
    let other = other_round(&inspection, &file.inspections).map(|other| {
        let label = format!(
            "{} inspection of {}",
            round_text(other.round),
            other.organisation
        );
        let published = other
            .published
            .map(|d| format!(" (published {})", d.display()));
        let compare = compare_href(&[inspection.id.as_str(), other.id.as_str()]);
        view! {
            <li><a href=inspection_href(&other.id) class="other-round">{label}</a>{published}</li>
            <li><a href=compare>"Compare the two rounds side by side"</a></li>
        }
    });
    let in_table = format!("{} in the league table", inspection.organisation);
    let description = format!(
        "How HM Inspectorate of Probation rated {}: overall band, score, every standard, sources and posts.",
        inspection.organisation
    );
    view! {
        <Title text=page_title(&inspection.organisation) />
        <Meta name="description" content=description />
        <article class="inspection">
            <h1>{inspection.organisation.clone()}</h1>
            <dl class="facts">
                {fields
                    .into_iter()
                    .map(|field| view! {
                        <div class="fact" data-field=field.key>
                            <dt>{field.label}</dt>
                            <dd>{field.value}</dd>
                        </div>
                    })
                    .collect_view()}
            </dl>

            <h2 id="standards-heading">"Standards"</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="standards-heading">
                <table class="standards-table">
                    <caption><span>{format!("The standards {} is rated on", inspection.kind.with_article())}</span></caption>
                    <thead>
                        <tr>
                            // "No." for the eye, a narrow column on a phone; the word for screen readers.
                            <th scope="col"><span aria-hidden="true">"No."</span><span class="visually-hidden">"Number"</span></th>
                            <th scope="col">"Standard and domain"</th>
                            <th scope="col">"Band"</th>
                        </tr>
                    </thead>
                    <tbody>{standards}</tbody>
                </table>
            </div>

            <h2>"Notes"</h2>
            <p class="notes">{inspection.notes.clone().unwrap_or_else(|| "No notes.".to_string())}</p>

            <h2>"Sources"</h2>
            <Sources inspection=inspection.clone() />

            <h2>"Posts about this inspection"</h2>
            <PostsAbout id=inspection.id.clone() posts />

            <h2>"See also"</h2>
            <ul class="see-also">
                <li>
                    <a href=league_table_href(&inspection.organisation) class="in-table">
                        {in_table}
                    </a>
                </li>
                {other}
            </ul>
        </article>
    }
}

/// The posts that name this inspection. A plain view rather than `Fetched`: a failure here
/// is a panel on a page that has already loaded, not a page of its own.
#[component]
fn PostsAbout(id: String, posts: LocalResource<Result<PostsIndex, ApiError>>) -> impl IntoView {
    move || match posts.read().as_ref() {
        None => view! { <p class="loading">"Loading the posts about it…"</p> }.into_any(),
        Some(Err(error)) => view! {
            <RetryPanel
                id="posts-about-error"
                message=error.to_string()
                on_retry=move |_| posts.refetch()
            />
        }
        .into_any(),
        Some(Ok(index)) => {
            let about: Vec<_> = posts_about(&index.posts, &id)
                .into_iter()
                .cloned()
                .collect();
            if about.is_empty() {
                view! {
                    <p class="empty">"No posts about this inspection yet. " <a href="/posts">"All posts"</a></p>
                }
                .into_any()
            } else {
                view! { <PostList posts=about nested=true /> }.into_any()
            }
        }
    }
}

/// The main source, then the others; only http(s) addresses become links.
#[component]
fn Sources(inspection: Inspection) -> impl IntoView {
    let addresses: Vec<String> = inspection
        .source_url
        .into_iter()
        .chain(inspection.other_sources)
        .collect();
    if addresses.is_empty() {
        return view! { <p class="unknown">"No source is recorded."</p> }.into_any();
    }
    view! {
        <ul class="sources">
            {addresses
                .into_iter()
                .map(|address| {
                    if is_web_link(&address) {
                        view! {
                            <li><a href=address.clone() rel="noopener noreferrer" class="external">{address.clone()}</a></li>
                        }
                        .into_any()
                    } else {
                        // bdi: right-to-left characters in the text cannot reorder the note after it.
                        view! { <li><bdi>{address}</bdi> " (not a web address, so not linked)"</li> }.into_any()
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// Trying again helps with an inspection added after this page last read the ratings.
#[component]
fn InspectionNotFound(id: String, tries: RwSignal<u32>, try_again: Callback<()>) -> impl IntoView {
    view! {
        <Title text=page_title("Inspection not found") />
        <Meta name="description" content="There is no inspection at this address." />
        <h1>"Inspection not found"</h1>
        <p>
            "There is no inspection with the id “" {id} "”. It may have been renamed, or the link may be mistyped."
        </p>
        <TryAgain tries on_retry=try_again still="Looked again: there is still no inspection with this id." />
        <p>
            <a href="/league-table">"Find it in the league table"</a>
        </p>
    }
}
