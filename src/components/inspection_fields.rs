//! An inspection's facts as label and value views, shared by its own page (a description
//! list) and the compare page (one row each), so both always show the same fields alike.

use crate::components::band_badge::BandBadge;
use crate::components::movement::MovementNote;
use leptos::prelude::*;
use model::band::UNKNOWN_BAND_LABEL;
use model::details::{caseload_text, confidence_text, round_text, score_text};
use model::inspection::Inspection;
use model::movement::{movement, no_movement_text};

/// One fact: a stable key for hooks, its label, and its value as a view.
pub struct Field {
    pub key: &'static str,
    pub label: &'static str,
    pub value: AnyView,
}

/// Visible words for a value no source gives.
fn not_known(text: &'static str) -> AnyView {
    view! { <span class="unknown">{text}</span> }.into_any()
}

fn text_or_not_known(value: Option<String>) -> AnyView {
    match value {
        Some(value) => value.into_any(),
        None => not_known("Not known"),
    }
}

/// The facts of `inspection`, in reading order; `all` is needed for its movement.
pub fn inspection_fields(inspection: &Inspection, all: &[Inspection]) -> Vec<Field> {
    let kind = inspection.kind;
    let published = match inspection.published {
        Some(date) => view! { <time datetime=date.to_string()>{date.display()}</time> }.into_any(),
        None => not_known("Not known"),
    };
    let score = match &inspection.score {
        Some(score) => view! {
            {score_text(score)}
            <span class="basis">{format!(" ({})", score.basis)}</span>
        }
        .into_any(),
        None => not_known(UNKNOWN_BAND_LABEL),
    };
    let change = match movement(inspection, all) {
        Some(movement) => view! { <MovementNote movement /> }.into_any(),
        None => not_known(no_movement_text(inspection, all)),
    };
    vec![
        Field {
            key: "kind",
            label: "Kind",
            value: format!("{} ({})", kind.name(), kind.long_name()).into_any(),
        },
        Field {
            key: "owner",
            label: "Owner",
            value: text_or_not_known(inspection.owner.clone()),
        },
        Field {
            key: "region",
            label: "Region",
            value: text_or_not_known(inspection.region.clone()),
        },
        Field {
            key: "published",
            label: "Published",
            value: published,
        },
        Field {
            key: "round",
            label: "Round",
            value: round_text(inspection.round).into_any(),
        },
        Field {
            key: "overall",
            label: "Overall band",
            value: view! { <BandBadge band=inspection.overall /> }.into_any(),
        },
        Field {
            key: "score",
            label: "Score",
            value: score,
        },
        Field {
            key: "movement",
            label: "Change between rounds",
            value: change,
        },
        Field {
            key: "caseload",
            label: "Caseload",
            value: text_or_not_known(inspection.caseload.as_ref().map(caseload_text)),
        },
        Field {
            key: "confidence",
            label: "Confidence",
            value: text_or_not_known(
                inspection
                    .confidence
                    .map(|c| confidence_text(c, inspection.overall).to_string()),
            ),
        },
    ]
}
