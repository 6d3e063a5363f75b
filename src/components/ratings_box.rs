//! The ratings a post is about, read live from the ratings file: the overall band, the score
//! and every standard's band as the table shows them, with links to each inspection and to the
//! table filtered to its organisation.

use crate::components::band_badge::BandBadge;
use crate::components::standard_rating::StandardRatingView;
use crate::components::unknown::or_unknown;
use leptos::prelude::*;
use model::compare::standard_rating;
use model::details::score_text;
use model::format::RatingsFile;
use model::inspection::{distinct_names, standards_for, Standard};
use model::page_link::{inspection_href, league_table_href};
use model::post_ratings::{post_ratings, PostRating};

#[component]
pub fn RatingsBox(ids: Vec<String>, ratings: RatingsFile) -> impl IntoView {
    // Two rounds of one organisation get their round, so their links read apart out of context.
    let names = distinct_names(&ratings.inspections);
    let name_of = |id: &str| {
        ratings
            .inspections
            .iter()
            .position(|i| i.id == id)
            .map(|at| names[at].clone())
    };
    view! {
        <ul class="ratings-list">
            {post_ratings(&ids, &ratings)
                .into_iter()
                .map(|rating| rating_view(rating, &ratings.standards, name_of))
                .collect_view()}
        </ul>
    }
}

fn rating_view(
    rating: PostRating,
    standards: &[Standard],
    name_of: impl Fn(&str) -> Option<String>,
) -> AnyView {
    let inspection = match rating {
        PostRating::Found(inspection) => *inspection,
        PostRating::Missing(id) => {
            return view! {
                <li class="rating" data-inspection=id.clone()>
                    <p>{format!("The ratings file has no inspection '{id}'.")}</p>
                </li>
            }
            .into_any()
        }
    };
    let published = inspection.published.map(|date| {
        view! { <time datetime=date.to_string()>{date.display()}</time> }
    });
    let score = inspection.score.as_ref().map(score_text);
    // Every standard of the inspection's framework, an unknown band shown as not published.
    let standards = standards_for(standards, inspection.kind)
        .map(|standard| {
            let rating = standard_rating(&inspection, standard);
            view! {
                <li data-standard=standard.code.clone()>
                    <span>{format!("{} {}", standard.code, standard.name)}</span>
                    " "
                    <StandardRatingView rating />
                </li>
            }
        })
        .collect_view();
    let name = name_of(&inspection.id).unwrap_or_else(|| inspection.organisation.clone());
    let table_href = league_table_href(&inspection.organisation);
    let details_href = inspection_href(&inspection.id);
    view! {
        <li class="rating" data-inspection=inspection.id.clone()>
            <h3>{inspection.organisation.clone()}</h3>
            <dl>
                <dt>"Overall"</dt>
                <dd data-col="overall"><BandBadge band=inspection.overall /></dd>
                <dt>"Score"</dt>
                <dd data-col="score">{or_unknown(score, "score not known")}</dd>
                <dt>"Published"</dt>
                <dd data-col="published">{or_unknown(published, "date not known")}</dd>
                <dt>"Kind"</dt>
                <dd data-col="kind">{inspection.kind.long_name()}</dd>
                <dt>"Standards"</dt>
                <dd data-col="standards"><ul class="rating-standards">{standards}</ul></dd>
            </dl>
            <ul class="rating-links">
                // Named in full for lists of links: a post about two inspections has two boxes.
                <li><a href=details_href>"Inspection details"<span class="visually-hidden">{format!(" for {name}")}</span></a></li>
                <li><a href=table_href class="table-link">{format!("{} in the league table", inspection.organisation)}</a></li>
            </ul>
        </li>
    }
    .into_any()
}
