use crate::components::band_badge::BandBadge;
use leptos::prelude::*;
use model::compare::StandardRating;

/// A standard's band for one inspection; a standard outside the inspection's framework reads
/// "Does not apply", unlike one that applies but is not published.
#[component]
pub fn StandardRatingView(rating: StandardRating) -> impl IntoView {
    match rating {
        StandardRating::DoesNotApply => {
            view! { <span class="does-not-apply">"Does not apply"</span> }.into_any()
        }
        StandardRating::NotPublished => view! { <BandBadge band=None /> }.into_any(),
        StandardRating::Rated(band) => view! { <BandBadge band=Some(band) /> }.into_any(),
    }
}
