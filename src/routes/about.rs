//! `/about`: how the figures were gathered, how scores work, and what is missing.

use crate::api;
use crate::components::fetched::{Fetched, Place};
use crate::routes::page_title;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use model::coverage::{coverage, Coverage};
use model::format::RatingsFile;

#[component]
pub fn About() -> impl IntoView {
    let ratings = LocalResource::new(api::fetch_ratings);
    view! {
        <Title text=page_title("About the data") />
        <Meta name="description" content="How the unofficial league table of probation inspection ratings was gathered, how scores work, and what is missing." />
        <article class="prose">
            <h1>"About the data"</h1>
            <p class="lede">
                "This league table is unofficial. It brings together the ratings HM Inspectorate of Probation "
                "has published, as far as public sources let us confirm them. The figures below are counted "
                "from the ratings file the site serves."
            </p>

            <h2>"What is covered"</h2>
            <p>
                "Each row is one published, rated inspection of a Community Rehabilitation Company (CRC), "
                "a National Probation Service (NPS) division or, after probation was reunified in 2021, "
                "a Probation Delivery Unit (PDU)."
            </p>
            <Fetched resource=ratings what="the coverage figures" render=|file: RatingsFile| view! { <CoverageFigures coverage=coverage(&file) /> } place=Place::InSection />
            <p>
                "Left out: the unrated inspections that came before the 2018 method, thematic and regional "
                "reports, and approved premises."
            </p>

            <h2>"How the ratings work"</h2>
            <p>
                "The Inspectorate rates each standard, and the organisation overall, as Outstanding, Good, "
                "Requires improvement or Inadequate. CRCs and NPS divisions were rated on ten standards; PDUs "
                "on nine. Standards are worth 3, 2, 1 or 0 points, so totals run to 30 or to 27."
            </p>
            <p>
                "Sources confirm that the top band scores 3 and Inadequate 0. The values of 2 for Good and 1 "
                "for Requires improvement are the ones usually quoted, and nothing we found contradicts them, "
                "but we did not see them stated. The thresholds that turn a total into an overall band could not "
                "be checked, so the table always shows the overall band the Inspectorate published and never "
                "works it out from points."
            </p>
            <p>
                "A score appears only where a source states it, says how many standards had each band, or "
                "every standard's band is known (in the last two cases the points are added up with the values "
                "above; the inspection page gives the basis). "
                "Everywhere else it is left blank rather than estimated. In the league table's ranks, an "
                "inspection without a score comes after the scored ones of its band: that says its score is "
                "not known, not that it is lower."
            </p>

            <h2>"How the figures were gathered"</h2>
            <p>
                "The notes from here on describe the ratings this site was first published with, covering "
                "2018 to 2023. Those ratings were collected by hand from public web pages: the Inspectorate's press releases, "
                "news reports, Russell Webster's blog and written parliamentary answers. Only the opening part of "
                "each page could be read. Overall bands, dates, owners and caseloads are usually stated early, so "
                "they are well covered. Bands for single standards mostly sit deep inside the report PDFs, so they "
                "were filled in only where a source names the band outright. Praise or criticism in general terms "
                "was never turned into a band; the one exception, NPS South West and South Central in 2018, "
                "records two standards from the Chief Inspector's own description of them, as its notes say."
            </p>
            <p>
                "Their totals for the 2018-19 round match the Inspectorate's own count: among CRCs, one Good, "
                "nineteen Requires improvement and one Inadequate; among NPS divisions, five Good and two "
                "Requires improvement."
            </p>

            <h2>"Known gaps"</h2>
            <ul>
                <li>"Standard-level bands are missing for most rows (see the figures above)."</li>
                <li>
                    "The 2019-20 round is incomplete: one CRC rated Good could not be identified, and one inspection "
                    "was stopped by the Covid-19 suspension and never rated."
                </li>
                <li>"Thames Valley CRC's Good rating in 2019-20 is inferred, not confirmed by a press release."</li>
                <li>
                    "Some dates are known only to the month or the year, and are shown that way. They sort as the "
                    "start of their month or year."
                </li>
                <li>
                    "PDU reports from September to December 2023 may be missing, and inspections published "
                    "after 2023 are left out, so a unit inspected again since may have a newer rating."
                </li>
                <li>"Caseloads are as quoted at different dates, often rounded, and are not strictly comparable."</li>
                <li>"Some owners, and the numbering of the NPS and PDU standards, could not be verified."</li>
            </ul>
            <p>
                "Every row carries its sources and a confidence level. The full notes are kept with the data in "
                "the project's repository, in " <code>"data/README.md"</code> "."
            </p>
            <p><a href="/league-table">"Go to the league table"</a></p>
        </article>
    }
}

/// The figures counted from the ratings file itself.
#[component]
fn CoverageFigures(coverage: Coverage) -> impl IntoView {
    view! {
        <ul class="coverage">
            {coverage.summary_lines().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
        </ul>
    }
}
