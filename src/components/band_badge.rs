use leptos::prelude::*;
use model::band::{abbreviation_or_unknown, name_or_unknown, slug_or_unknown, Band};

/// A band as coloured text; an unknown band reads "Not published" and looks unlike every real band.
#[component]
pub fn BandBadge(band: Option<Band>) -> impl IntoView {
    view! { <span class=badge_class(band)>{name_or_unknown(band)}</span> }
}

/// A band's abbreviation on the band's colour, with the full name for screen readers, as the
/// table's heatmap cells show it (`league_table::body` draws the same markup there).
#[component]
pub fn BandAbbreviation(band: Option<Band>) -> impl IntoView {
    view! {
        <span class=abbreviation_class(band) aria-hidden="true">{abbreviation_or_unknown(band)}</span>
        <span class="visually-hidden">{name_or_unknown(band)}</span>
    }
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
