//! What a post's ratings box shows: the inspections the post is about, as the ratings file has them.

use crate::format::RatingsFile;
use crate::inspection::Inspection;

/// One inspection named by a post: found in the ratings, or only its id when it is missing
/// (an older ratings file), which the box says rather than hiding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PostRating {
    Found(Box<Inspection>),
    Missing(String),
}

/// The post's inspections in the order the post lists them.
pub fn post_ratings(ids: &[String], ratings: &RatingsFile) -> Vec<PostRating> {
    ids.iter()
        .map(
            |id| match ratings.inspections.iter().find(|i| &i.id == id) {
                Some(inspection) => PostRating::Found(Box::new(inspection.clone())),
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
    fn inspections_keep_the_posts_order_and_missing_ones_are_named() {
        let ratings = RatingsFile {
            format: RATINGS_FORMAT.into(),
            version: FORMAT_VERSION,
            provenance: Provenance {
                summary: String::new(),
                sources: vec![],
            },
            standards: standards(),
            inspections: vec![
                inspection("pdu-b", Kind::Pdu),
                inspection("crc-a", Kind::Crc),
            ],
        };
        let ids = ["crc-a".to_string(), "gone".into(), "pdu-b".into()];
        let shown = post_ratings(&ids, &ratings);
        assert_eq!(
            shown,
            [
                PostRating::Found(Box::new(inspection("crc-a", Kind::Crc))),
                PostRating::Missing("gone".into()),
                PostRating::Found(Box::new(inspection("pdu-b", Kind::Pdu))),
            ]
        );
    }
}
