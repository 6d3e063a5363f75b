use leptos::prelude::*;
use model::movement::Movement;

/// An organisation's change between rounds: an arrow for the eye and the same in words
/// ("↑ Improved: Requires improvement → Good"), then the score change where one is known.
/// Small enough for a table cell.
#[component]
pub fn MovementNote(movement: Movement) -> impl IntoView {
    let trend = movement.trend;
    view! {
        <span class=format!("movement movement-{}", trend.slug()) data-trend=trend.slug()>
            <span class="movement-arrow" aria-hidden="true">{trend.arrow()}</span>
            " "
            {movement.summary()}
            {movement.score_change().map(|change| view! { <span class="movement-score">{change}</span> })}
        </span>
    }
}
