use leptos::prelude::*;
use model::band::{name_or_unknown, slug_or_unknown, Band};

/// A band as coloured text; an unknown band reads "Not published" and looks unlike every real band.
#[component]
pub fn BandBadge(band: Option<Band>) -> impl IntoView {
    view! { <span class=badge_class(band)>{name_or_unknown(band)}</span> }
}

/// The classes of a band badge.
pub fn badge_class(band: Option<Band>) -> String {
    format!("band band-{}", slug_or_unknown(band))
}

/// The classes of a band's abbreviation.
pub fn abbreviation_class(band: Option<Band>) -> String {
    format!("band band-short band-{}", slug_or_unknown(band))
}

/// The classes of a heatmap cell holding a band's abbreviation.
pub fn heatmap_cell_class(band: Option<Band>) -> String {
    format!("band-cell band-cell-{}", slug_or_unknown(band))
}
