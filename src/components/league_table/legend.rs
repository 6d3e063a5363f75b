//! What the colours, abbreviations and dashes in the table mean.

use crate::components::band_badge::abbreviation_class;
use leptos::prelude::*;
use model::band::{abbreviation_or_unknown, Band, UNKNOWN_BAND_LABEL};

/// A band's abbreviation as the key shows it: read out too, unlike in the table, because here
/// it is what the line explains ("O Outstanding"), and the name follows it.
#[component]
fn KeyAbbreviation(band: Option<Band>) -> impl IntoView {
    view! { <span class=abbreviation_class(band)>{abbreviation_or_unknown(band)}</span> }
}

#[component]
pub fn TableLegend() -> impl IntoView {
    view! {
        <div class="legend">
            <h2 class="legend-title">"Key"</h2>
            <ul class="legend-bands">
                {Band::ALL
                    .map(|band| {
                        view! {
                            <li>
                                <KeyAbbreviation band=Some(band) />
                                " " {band.name()}
                            </li>
                        }
                    })
                    .collect_view()}
                <li>
                    <KeyAbbreviation band=None />
                    " " {UNKNOWN_BAND_LABEL} ": no source we could read gives the band"
                </li>
            </ul>
            <p>
                "A dash means not known, or a standard that does not apply to that kind of organisation. "
                "Rank is by overall band, then score where known; \u{201c}=3\u{201d} is a shared place, and "
                "an inspection without a published overall band has no rank. Inspections whose score is not "
                "known share the place after their band's scored ones: not known, not lower. Scores appear "
                "only where a source states them, says how many standards had each band, or every standard's "
                "band is known."
            </p>
        </div>
    }
}
