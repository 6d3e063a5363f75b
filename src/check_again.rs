//! Looking again for something the page shows only later (a fetched heading, a panel's
//! replacement, a page tall enough to scroll to), without watching every change to it.

use leptos::prelude::set_timeout;
use std::time::Duration;

/// Runs `check` now and then once every `every`, until it returns `false` or has run `times`
/// times.
pub fn check_every(every: Duration, times: u32, mut check: impl FnMut() -> bool + 'static) {
    if check() && times > 1 {
        set_timeout(move || check_every(every, times - 1, check), every);
    }
}
