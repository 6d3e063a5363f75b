//! Every route names itself: a title of its own and exactly one description, for tabs,
//! bookmarks, history and link previews.

use e2e::app;
use e2e::script::wait_for_value;
use e2e::E2e;
use std::collections::BTreeSet;

#[tokio::test]
async fn every_route_has_its_own_title_and_one_description() {
    let inspections = app::inspections();
    let post = app::posts().into_iter().next().expect("a post");
    let routes = [
        "/".to_owned(),
        "/league-table".to_owned(),
        "/posts".to_owned(),
        format!("/posts/{}", post.slug),
        "/posts/no-such-post".to_owned(),
        format!("/inspections/{}", inspections[0].id),
        "/inspections/no-such-inspection".to_owned(),
        format!("/compare?ids={},{}", inspections[0].id, inspections[1].id),
        "/about".to_owned(),
        "/no-such-page".to_owned(),
    ];
    let e2e = E2e::start().await;
    let client = e2e.client();
    let mut titles = BTreeSet::new();
    for route in &routes {
        e2e.goto(route).await;
        // Loading states have a title but no description yet: wait for the page itself.
        let meta = wait_for_value(
            client,
            &format!("a description on {route}"),
            "const descriptions = Array.from(document.querySelectorAll('meta[name=description]'))\
               .map(m => m.content.trim());\
             if (descriptions.length === 0 || document.querySelector('[aria-busy=true]')) return null;\
             return [document.title, descriptions];",
            vec![],
        )
        .await;
        let title = meta[0].as_str().unwrap_or_default().to_owned();
        let descriptions = meta[1].as_array().expect("descriptions");
        assert_eq!(
            descriptions.len(),
            1,
            "{route}: one description, not {meta}"
        );
        assert!(
            descriptions[0].as_str().is_some_and(|d| d.len() > 20),
            "{route}: a description that says something: {meta}"
        );
        assert!(
            titles.insert(title.clone()),
            "{route}: the title {title:?} is another route's"
        );
    }
    e2e.stop().await;
}
