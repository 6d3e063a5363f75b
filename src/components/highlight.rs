use leptos::prelude::*;
use model::search::Highlighted;

/// Text with its search matches in `<mark>`: every piece is a text node, never markup.
#[component]
pub fn Highlight(text: Highlighted) -> impl IntoView {
    text.parts()
        .into_iter()
        .map(|(piece, is_match)| {
            let piece = piece.to_string();
            if is_match {
                view! { <mark>{piece}</mark> }.into_any()
            } else {
                piece.into_any()
            }
        })
        .collect_view()
}
