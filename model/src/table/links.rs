//! Picking inspections in the table for the comparison of up to four.

use crate::compare::MAX_COMPARED;

/// Picks or unpicks an inspection for comparison; a fifth pick is refused.
pub fn toggle_pick(picked: &mut Vec<String>, id: &str) {
    if let Some(at) = picked.iter().position(|p| p == id) {
        picked.remove(at);
    } else if picked.len() < MAX_COMPARED {
        picked.push(id.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
