//! Links out of the table: an inspection's own page and the comparison of up to four.

use crate::query::encode;

/// The most inspections the compare page shows side by side.
pub const MAX_COMPARE: usize = 4;

/// `/inspections/<id>`.
pub fn inspection_href(id: &str) -> String {
    format!("/inspections/{}", encode(id))
}

/// `/compare?ids=a,b` in the order they were picked.
pub fn compare_href(ids: &[String]) -> String {
    let ids: Vec<String> = ids.iter().map(|id| encode(id)).collect();
    format!("/compare?ids={}", ids.join(","))
}

/// Picks or unpicks an inspection for comparison; a fifth pick is refused.
pub fn toggle_pick(picked: &mut Vec<String>, id: &str) {
    if let Some(at) = picked.iter().position(|p| p == id) {
        picked.remove(at);
    } else if picked.len() < MAX_COMPARE {
        picked.push(id.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_inspection_and_compare_links() {
        assert_eq!(inspection_href("crc-essex-r1"), "/inspections/crc-essex-r1");
        assert_eq!(inspection_href("a/b c"), "/inspections/a%2Fb%20c");
        let ids = vec!["a".to_string(), "b-2".to_string()];
        assert_eq!(compare_href(&ids), "/compare?ids=a,b-2");
    }

    #[test]
    fn picks_at_most_four_and_unpicks() {
        let mut picked = Vec::new();
        for id in ["a", "b", "c", "d", "e"] {
            toggle_pick(&mut picked, id);
        }
        assert_eq!(picked, ["a", "b", "c", "d"]);
        toggle_pick(&mut picked, "b");
        toggle_pick(&mut picked, "e");
        assert_eq!(picked, ["a", "c", "d", "e"]);
    }
}
