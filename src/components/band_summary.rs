//! Counts of inspections by overall band, per kind and round: a bar chart that carries its
//! numbers and band names as text, and the same figures as a table.

use crate::api::ApiError;
use leptos::prelude::*;
use model::band::{Band, UNKNOWN_BAND_LABEL};
use model::format::RatingsFile;
use model::summary::{band_counts, describe, BandCounts};

/// Shows the summary once the ratings have loaded; while they load or fail it shows nothing,
/// because the table below already says so.
#[component]
pub fn BandSummary(ratings: LocalResource<Result<RatingsFile, ApiError>>) -> impl IntoView {
    move || {
        ratings
            .read()
            .as_ref()
            .and_then(|r| r.as_ref().ok())
            .map(|file| {
                view! { <BandSummaryView groups=band_counts(&file.inspections) /> }
            })
    }
}

/// Layout of the chart, in SVG user units. Whole numbers: formatting floats would add
/// kilobytes of code to the wasm. As narrow as the labels allow, so on a phone the chart is
/// scaled down little and its 14-unit text stays readable; it is drawn no wider (`main.css`).
const WIDTH: usize = 360;
const LABEL_END: usize = 172;
const BAR_START: usize = 178;
const BAR_SPACE: usize = 150;
const ROW: usize = 22;
const BAR: usize = 15;
const HEADING: usize = 26;

/// One bar: a band (or unknown) in a group, with its count.
struct Bar {
    label: &'static str,
    slug: &'static str,
    count: usize,
}

fn bars(group: &BandCounts) -> Vec<Bar> {
    let mut bars: Vec<Bar> = Band::ALL
        .into_iter()
        .map(|band| Bar {
            label: band.name(),
            slug: band.slug(),
            count: group.count(band),
        })
        .collect();
    bars.push(Bar {
        label: UNKNOWN_BAND_LABEL,
        slug: "unknown",
        count: group.unknown,
    });
    // Empty bars would be noise in the chart; the table lists the zeros.
    bars.retain(|bar| bar.count > 0);
    bars
}

#[component]
pub fn BandSummaryView(groups: Vec<BandCounts>) -> impl IntoView {
    if groups.is_empty() {
        return ().into_any();
    }
    let description = describe(&groups);
    let largest = groups
        .iter()
        .flat_map(|g| g.bands.iter().copied().chain([g.unknown]))
        .max()
        .unwrap_or(1)
        .max(1);
    let mut y = 0;
    let mut shapes = Vec::new();
    for group in &groups {
        y += HEADING;
        shapes.push(
            view! { <text class="chart-group" x="0" y={(y - 8).to_string()}>{group.label()}</text> }
                .into_any(),
        );
        for bar in bars(group) {
            let length = (bar.count * BAR_SPACE / largest).max(2);
            shapes.push(
                view! {
                    <g class=format!("chart-bar bar-{}", bar.slug)>
                        <text class="chart-label" x={LABEL_END.to_string()} y={(y + BAR - 3).to_string()} text-anchor="end">
                            {bar.label}
                        </text>
                        <rect x={BAR_START.to_string()} y={y.to_string()} width={length.to_string()} height={BAR.to_string()} rx="2" />
                        <text class="chart-count" x={(BAR_START + length + 6).to_string()} y={(y + BAR - 3).to_string()}>
                            {bar.count}
                        </text>
                    </g>
                }
                .into_any(),
            );
            y += ROW;
        }
    }
    let height = y + 4;
    view! {
        <section class="band-summary" aria-labelledby="band-summary-heading">
            <h2 id="band-summary-heading">"Overall bands at a glance"</h2>
            // Plain text, not a link, which would be one more Tab stop before the filters.
            <p class="band-summary-note">
                "Counts of the inspections in this data. Where public sources leave gaps, they can be lower than the Inspectorate's own totals; the About page lists what is missing."
            </p>
            <svg
                class="band-chart"
                role="img"
                aria-label=format!("Bar chart of inspections by overall band. {description}")
                viewBox=format!("0 0 {WIDTH} {height}")
                width="100%"
                preserveAspectRatio="xMinYMin meet"
            >
                {shapes}
            </svg>
            <details class="band-summary-figures" open>
                <summary>"The figures as a table"</summary>
                <BandSummaryTable groups />
            </details>
        </section>
    }
    .into_any()
}

#[component]
fn BandSummaryTable(groups: Vec<BandCounts>) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="band-summary-caption">
            <table class="band-summary-table">
                <caption id="band-summary-caption"><span>"Inspections by overall band, per kind and round"</span></caption>
                <thead>
                    <tr>
                        <th scope="col">"Kind and round"</th>
                        {Band::ALL.map(|band| view! { <th scope="col">{band.name()}</th> }).collect_view()}
                        <th scope="col">{UNKNOWN_BAND_LABEL}</th>
                        <th scope="col">"Total"</th>
                    </tr>
                </thead>
                <tbody>
                    {groups
                        .into_iter()
                        .map(|group| {
                            view! {
                                <tr data-kind=group.kind.name() data-round=group.round.map(|r| r.to_string())>
                                    <th scope="row">{group.label()}</th>
                                    {Band::ALL
                                        .map(|band| view! { <td data-band=band.slug()>{group.count(band)}</td> })
                                        .collect_view()}
                                    <td data-band="unknown">{group.unknown}</td>
                                    <td data-col="total">{group.total()}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
