//! Whether the server itself answered a request, from the answer's HTTP status. The offline
//! indicator goes by it, for the service worker's background refreshes and the page's own
//! checks alike.

/// `status` 0 means no answer at all. A gateway's 502, 503 or 504 comes from in front of a
/// server that did not answer.
pub fn is_server_answer(status: u16) -> bool {
    status != 0 && !(502..=504).contains(&status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_status_of_the_server_itself_counts_but_none_or_a_gateways_does_not() {
        for status in [200, 304, 404, 500, 501, 505] {
            assert!(is_server_answer(status), "{status}");
        }
        for status in [0, 502, 503, 504] {
            assert!(!is_server_answer(status), "{status}");
        }
    }
}
