use leptos::prelude::*;
use model::band::{Band, UNKNOWN_BAND_ABBREVIATION, UNKNOWN_BAND_LABEL};

/// A band as coloured text; an unknown band reads "Not published" and looks unlike every real band.
#[component]
pub fn BandBadge(band: Option<Band>) -> impl IntoView {
    let (slug, label) = match band {
        Some(band) => (band.slug(), band.name()),
        None => ("unknown", UNKNOWN_BAND_LABEL),
    };
    view! { <span class=format!("band band-{slug}")>{label}</span> }
}

/// A band in a narrow heatmap cell: its abbreviation on the band's colour, and the full name
/// for screen readers. The caller gives the name as a tooltip too, on the cell it sits in.
#[component]
pub fn BandAbbreviation(band: Option<Band>) -> impl IntoView {
    let (slug, short) = match band {
        Some(band) => (band.slug(), band.abbreviation()),
        None => ("unknown", UNKNOWN_BAND_ABBREVIATION),
    };
    view! {
        <span class=format!("band band-short band-{slug}") aria-hidden="true">{short}</span>
        <span class="visually-hidden">{band_label(band)}</span>
    }
}

/// "Good", or "Not published" for an unknown band.
pub fn band_label(band: Option<Band>) -> &'static str {
    band.map_or(UNKNOWN_BAND_LABEL, Band::name)
}
