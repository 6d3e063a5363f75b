//! What a post's ratings box shows: the inspections the post is about, as the ratings file has them.

use crate::band::Band;
use crate::format::RatingsFile;
use crate::inspection::{standards_for, Inspection, Standard};

/// One inspection named by a post: found in the ratings, or only its id when it is missing
/// (an older ratings file), which the box says rather than hiding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PostRating {
    Found {
        inspection: Inspection,
        /// The standards with a published band, in the data's order.
        standards: Vec<(Standard, Band)>,
    },
    Missing(String),
}

/// The post's inspections in the order the post lists them.
pub fn post_ratings(ids: &[String], ratings: &RatingsFile) -> Vec<PostRating> {
    ids.iter()
        .map(
            |id| match ratings.inspections.iter().find(|i| &i.id == id) {
                Some(inspection) => PostRating::Found {
                    standards: standards_for(&ratings.standards, inspection.kind)
                        .filter_map(|s| inspection.standards.get(&s.code).map(|b| (s.clone(), *b)))
                        .collect(),
                    inspection: inspection.clone(),
                },
                None => PostRating::Missing(id.clone()),
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{Provenance, FORMAT_VERSION, RATINGS_FORMAT};
    use crate::inspection::tests::{inspection, standards};
    use crate::inspection::Kind;

    #[test]
    fn found_inspections_keep_the_posts_order_with_their_known_standards() {
        let mut crc = inspection("crc-a", Kind::Crc);
        crc.standards.insert("3.2".into(), Band::Good);
        crc.standards.insert("1.1".into(), Band::Inadequate);
        let ratings = RatingsFile {
            format: RATINGS_FORMAT.into(),
            version: FORMAT_VERSION,
            provenance: Provenance {
                summary: String::new(),
                sources: vec![],
            },
            standards: standards(),
            inspections: vec![inspection("pdu-b", Kind::Pdu), crc],
        };
        let ids = ["crc-a".to_string(), "gone".into(), "pdu-b".into()];
        let shown = post_ratings(&ids, &ratings);
        let PostRating::Found {
            inspection,
            standards,
        } = &shown[0]
        else {
            panic!("{shown:?}")
        };
        assert_eq!(inspection.id, "crc-a");
        let codes: Vec<(&str, Band)> = standards
            .iter()
            .map(|(s, b)| (s.code.as_str(), *b))
            .collect();
        assert_eq!(codes, [("1.1", Band::Inadequate), ("3.2", Band::Good)]);
        assert_eq!(shown[1], PostRating::Missing("gone".into()));
        assert!(
            matches!(&shown[2], PostRating::Found { inspection, standards } if inspection.id == "pdu-b" && standards.is_empty())
        );
    }
}
