//! Links between posts: related posts, and the previous and next post by publication date.

use crate::inspection::Inspection;
use crate::post::{newest_first, PostSummary};
use std::cmp::Ordering;

/// How many related posts a post shows.
pub const RELATED_LIMIT: usize = 3;

/// Weights of what two posts share. An organisation is the strongest link (the same body's
/// other inspections), then an owner (the same company's other areas), then each tag.
const SAME_ORGANISATION: u32 = 8;
const SAME_OWNER: u32 = 4;
const SAME_TAG: u32 = 1;

/// What the posts' inspections have in common, by organisation and owner.
fn inspection_links(a: &PostSummary, b: &PostSummary, inspections: &[Inspection]) -> u32 {
    let find = |ids: &[String]| -> Vec<&Inspection> {
        ids.iter()
            .filter_map(|id| inspections.iter().find(|i| &i.id == id))
            .collect()
    };
    let (ours, theirs) = (find(&a.inspections), find(&b.inspections));
    let shared = |field: fn(&Inspection) -> Option<&str>| {
        ours.iter()
            .filter_map(|i| field(i))
            .any(|value| theirs.iter().any(|j| field(j) == Some(value)))
    };
    let mut score = 0;
    if shared(|i| Some(i.organisation.as_str())) {
        score += SAME_ORGANISATION;
    }
    if shared(|i| i.owner.as_deref()) {
        score += SAME_OWNER;
    }
    score
}

fn relatedness(a: &PostSummary, b: &PostSummary, inspections: &[Inspection]) -> u32 {
    let tags = a.tags.iter().filter(|t| b.tags.contains(t)).count() as u32;
    inspection_links(a, b, inspections) + tags * SAME_TAG
}

/// Up to `RELATED_LIMIT` posts sharing an organisation, owner or tag with `post`, strongest
/// link first, then newest; never the post itself.
pub fn related_posts<'a>(
    post: &PostSummary,
    posts: &'a [PostSummary],
    inspections: &[Inspection],
) -> Vec<&'a PostSummary> {
    let mut scored: Vec<(u32, &PostSummary)> = posts
        .iter()
        .filter(|other| other.slug != post.slug)
        .map(|other| (relatedness(post, other, inspections), other))
        .filter(|(score, _)| *score > 0)
        .collect();
    // Picks the best few one at a time: no sort for a handful of posts keeps the wasm smaller.
    let mut related = Vec::new();
    while related.len() < RELATED_LIMIT {
        let best = scored
            .iter()
            .enumerate()
            .min_by(|(_, (a, post_a)), (_, (b, post_b))| {
                b.cmp(a).then_with(|| newest_first(post_a, post_b))
            })
            .map(|(i, _)| i);
        match best {
            Some(i) => related.push(scored.swap_remove(i).1),
            None => break,
        }
    }
    related
}

/// The posts published just before and just after `slug`: `(older, newer)`.
pub fn neighbours<'a>(
    slug: &str,
    posts: &'a [PostSummary],
) -> (Option<&'a PostSummary>, Option<&'a PostSummary>) {
    let Some(post) = posts.iter().find(|p| p.slug == slug) else {
        return (None, None);
    };
    let older = posts
        .iter()
        .filter(|p| newest_first(post, p) == Ordering::Less)
        .min_by(|a, b| newest_first(a, b));
    let newer = posts
        .iter()
        .filter(|p| newest_first(p, post) == Ordering::Less)
        .max_by(|a, b| newest_first(a, b));
    (older, newer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::PartialDate;
    use crate::inspection::tests::inspection;
    use crate::inspection::Kind;

    fn post(slug: &str, date: &str, tags: &[&str], inspections: &[&str]) -> PostSummary {
        PostSummary {
            slug: slug.into(),
            title: slug.to_uppercase(),
            standfirst: String::new(),
            published: PartialDate::parse(date).unwrap(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            inspections: inspections.iter().map(|i| i.to_string()).collect(),
            excerpt: String::new(),
            reading_minutes: 1,
        }
    }

    fn rated(id: &str, organisation: &str, owner: Option<&str>) -> Inspection {
        Inspection {
            organisation: organisation.into(),
            owner: owner.map(str::to_string),
            ..inspection(id, Kind::Crc)
        }
    }

    fn inspections() -> Vec<Inspection> {
        vec![
            rated("essex-r1", "Essex CRC", Some("Sodexo")),
            rated("essex-r2", "Essex CRC", Some("Sodexo")),
            rated("norfolk-r1", "Norfolk CRC", Some("Sodexo")),
            rated("durham-r1", "Durham CRC", Some("Arch")),
            rated("kent-r1", "Kent CRC", None),
            rated("surrey-r1", "Surrey CRC", None),
        ]
    }

    fn posts() -> Vec<PostSummary> {
        vec![
            post(
                "essex-2018",
                "2026-01-01",
                &["crc", "round 1"],
                &["essex-r1"],
            ),
            post(
                "essex-2020",
                "2026-01-05",
                &["crc", "round 2"],
                &["essex-r2"],
            ),
            post(
                "norfolk",
                "2026-01-02",
                &["crc", "round 1"],
                &["norfolk-r1"],
            ),
            post("durham", "2026-01-03", &["crc", "round 1"], &["durham-r1"]),
            post("kent", "2026-01-04", &["crc"], &["kent-r1"]),
            post("surrey", "2026-01-06", &["crc"], &["surrey-r1"]),
            post("method", "2026-01-07", &["explainer"], &[]),
        ]
    }

    fn slugs(related: &[&PostSummary]) -> Vec<String> {
        related.iter().map(|p| p.slug.clone()).collect()
    }

    #[test]
    fn same_organisation_then_owner_then_shared_tags() {
        let posts = posts();
        let related = related_posts(&posts[0], &posts, &inspections());
        assert_eq!(slugs(&related), ["essex-2020", "norfolk", "durham"]);
    }

    #[test]
    fn unknown_owners_are_not_a_shared_owner() {
        let posts = posts();
        // Kent and Surrey both have no known owner: only their one shared tag links them,
        // so the newest posts sharing "crc" come first.
        let related = related_posts(&posts[4], &posts, &inspections());
        assert_eq!(slugs(&related), ["surrey", "essex-2020", "durham"]);
    }

    #[test]
    fn never_itself_and_nothing_unrelated() {
        let posts = posts();
        assert!(related_posts(&posts[6], &posts, &inspections()).is_empty());
        for post in &posts {
            assert!(related_posts(post, &posts, &inspections())
                .iter()
                .all(|p| p.slug != post.slug));
        }
    }

    #[test]
    fn neighbours_follow_publication_order() {
        let posts = posts();
        let names = |slug| {
            let (older, newer) = neighbours(slug, &posts);
            (
                older.map(|p| p.slug.as_str()),
                newer.map(|p| p.slug.as_str()),
            )
        };
        assert_eq!(names("durham"), (Some("norfolk"), Some("kent")));
        assert_eq!(names("essex-2018"), (None, Some("norfolk")));
        assert_eq!(names("method"), (Some("surrey"), None));
        assert_eq!(names("missing"), (None, None));
    }
}
