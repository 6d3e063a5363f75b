//! The four bands the Inspectorate gives to each standard and overall.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A rating band. Ordered worst to best, so `Ord` follows meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Band {
    Inadequate,
    #[serde(rename = "Requires improvement")]
    RequiresImprovement,
    Good,
    Outstanding,
}

impl Band {
    /// Best first, the order readers expect in legends and menus.
    pub const ALL: [Band; 4] = [
        Band::Outstanding,
        Band::Good,
        Band::RequiresImprovement,
        Band::Inadequate,
    ];

    /// Points used in the published totals: 3, 2, 1, 0.
    pub fn points(self) -> u32 {
        match self {
            Band::Outstanding => 3,
            Band::Good => 2,
            Band::RequiresImprovement => 1,
            Band::Inadequate => 0,
        }
    }

    /// The Inspectorate's own name for the band.
    pub fn name(self) -> &'static str {
        match self {
            Band::Outstanding => "Outstanding",
            Band::Good => "Good",
            Band::RequiresImprovement => "Requires improvement",
            Band::Inadequate => "Inadequate",
        }
    }

    /// The short form the table's standard columns show, explained in its legend.
    pub fn abbreviation(self) -> &'static str {
        match self {
            Band::Outstanding => "O",
            Band::Good => "G",
            Band::RequiresImprovement => "RI",
            Band::Inadequate => "I",
        }
    }

    /// A stable lower-case token for CSS classes and form values.
    pub fn slug(self) -> &'static str {
        match self {
            Band::Outstanding => "outstanding",
            Band::Good => "good",
            Band::RequiresImprovement => "requires-improvement",
            Band::Inadequate => "inadequate",
        }
    }

    /// Parses the Inspectorate's name, case-insensitively; `None` for anything else.
    pub fn parse(text: &str) -> Option<Band> {
        let text = text.trim();
        Band::ALL
            .into_iter()
            .find(|band| band.name().eq_ignore_ascii_case(text))
    }

    pub fn from_slug(slug: &str) -> Option<Band> {
        Band::ALL.into_iter().find(|band| band.slug() == slug)
    }
}

impl fmt::Display for Band {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What the table shows for a band nobody has published.
pub const UNKNOWN_BAND_LABEL: &str = "Not published";
/// Its short form in the standard columns: unlike every band's, so never read as Inadequate.
pub const UNKNOWN_BAND_ABBREVIATION: &str = "NP";

/// A band's name, or "Not published" for an unknown one.
pub fn name_or_unknown(band: Option<Band>) -> &'static str {
    band.map_or(UNKNOWN_BAND_LABEL, Band::name)
}

/// A band's short form, or "NP" for an unknown one.
pub fn abbreviation_or_unknown(band: Option<Band>) -> &'static str {
    band.map_or(UNKNOWN_BAND_ABBREVIATION, Band::abbreviation)
}

/// A band's CSS token, or "unknown" (styled unlike every real band).
pub fn slug_or_unknown(band: Option<Band>) -> &'static str {
    band.map_or("unknown", Band::slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_follow_the_published_scale() {
        let points: Vec<u32> = Band::ALL.iter().map(|b| b.points()).collect();
        assert_eq!(points, vec![3, 2, 1, 0]);
    }

    #[test]
    fn order_follows_meaning() {
        assert!(Band::Outstanding > Band::Good);
        assert!(Band::Good > Band::RequiresImprovement);
        assert!(Band::RequiresImprovement > Band::Inadequate);
    }

    #[test]
    fn parses_names_and_rejects_others() {
        assert_eq!(
            Band::parse("requires improvement"),
            Some(Band::RequiresImprovement)
        );
        assert_eq!(Band::parse(" Good "), Some(Band::Good));
        assert_eq!(Band::parse("Satisfactory"), None);
        assert_eq!(Band::parse(""), None);
    }

    #[test]
    fn serialises_with_the_inspectorate_names() {
        let json = serde_json::to_string(&Band::RequiresImprovement).unwrap();
        assert_eq!(json, "\"Requires improvement\"");
        let back: Band = serde_json::from_str(&json).unwrap();
        assert_eq!(back, Band::RequiresImprovement);
    }

    #[test]
    fn abbreviations_are_distinct_and_unlike_not_published() {
        let mut all: Vec<&str> = Band::ALL.iter().map(|b| b.abbreviation()).collect();
        all.push(UNKNOWN_BAND_ABBREVIATION);
        let count = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), count);
    }

    #[test]
    fn slugs_round_trip() {
        for band in Band::ALL {
            assert_eq!(Band::from_slug(band.slug()), Some(band));
        }
    }

    #[test]
    fn an_unknown_band_reads_not_published() {
        assert_eq!(name_or_unknown(None), "Not published");
        assert_eq!(abbreviation_or_unknown(None), "NP");
        assert_eq!(slug_or_unknown(None), "unknown");
        assert_eq!(name_or_unknown(Some(Band::Good)), "Good");
        assert_eq!(
            abbreviation_or_unknown(Some(Band::RequiresImprovement)),
            "RI"
        );
        assert_eq!(slug_or_unknown(Some(Band::Inadequate)), "inadequate");
    }
}
