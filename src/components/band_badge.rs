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

/// A band in a narrow heatmap cell: its abbreviation on the band's colour, the full name for
/// screen readers and as a tooltip.
#[component]
pub fn BandAbbreviation(band: Option<Band>) -> impl IntoView {
    let (slug, short, label) = match band {
        Some(band) => (band.slug(), band.abbreviation(), band.name()),
        None => ("unknown", UNKNOWN_BAND_ABBREVIATION, UNKNOWN_BAND_LABEL),
    };
    view! {
        <span class=format!("band band-short band-{slug}") title=label>
            <span aria-hidden="true">{short}</span>
            <span class="visually-hidden">{label}</span>
        </span>
    }
}
