use leptos::prelude::*;
use model::band::{Band, UNKNOWN_BAND_LABEL};

/// A band as coloured text; an unknown band reads "Not published" and looks unlike every real band.
#[component]
pub fn BandBadge(band: Option<Band>) -> impl IntoView {
    let (slug, label) = match band {
        Some(band) => (band.slug(), band.name()),
        None => ("unknown", UNKNOWN_BAND_LABEL),
    };
    view! { <span class=format!("band band-{slug}")>{label}</span> }
}
