//! Renders a post's blocks as elements. Every string becomes a text node, never markup, and only
//! http(s) addresses or paths inside the app become links.

use leptos::prelude::*;
use model::link::{is_internal_path, is_web_link};
use model::post::{Block, Inline};

#[component]
pub fn PostBody(blocks: Vec<Block>) -> impl IntoView {
    blocks_view(blocks)
}

fn blocks_view(blocks: Vec<Block>) -> impl IntoView {
    blocks.into_iter().map(block_view).collect_view()
}

fn block_view(block: Block) -> AnyView {
    match block {
        Block::Paragraph(content) => view! { <p>{inlines(content)}</p> }.into_any(),
        // The page title is the h1, so post headings start at h2 and stop at h4.
        Block::Heading { level, content } => match level {
            0..=2 => view! { <h2>{inlines(content)}</h2> }.into_any(),
            3 => view! { <h3>{inlines(content)}</h3> }.into_any(),
            _ => view! { <h4>{inlines(content)}</h4> }.into_any(),
        },
        Block::List { ordered, items } => {
            let items = items
                .into_iter()
                .map(|item| view! { <li>{blocks_view(item)}</li> })
                .collect_view();
            if ordered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
        Block::Quote(blocks) => view! { <blockquote>{blocks_view(blocks)}</blockquote> }.into_any(),
    }
}

fn inlines(content: Vec<Inline>) -> impl IntoView {
    content.into_iter().map(inline_view).collect_view()
}

fn inline_view(inline: Inline) -> AnyView {
    match inline {
        Inline::Text(text) => text.into_any(),
        Inline::Emphasis(content) => view! { <em>{inlines(content)}</em> }.into_any(),
        Inline::Strong(content) => view! { <strong>{inlines(content)}</strong> }.into_any(),
        Inline::Code(text) => view! { <code>{text}</code> }.into_any(),
        Inline::Link { href, content } if is_internal_path(&href) => {
            view! { <a href=href>{inlines(content)}</a> }.into_any()
        }
        Inline::Link { href, content } if is_web_link(&href) => view! {
            <a href=href rel="noopener noreferrer" class="external">
                {inlines(content)}
            </a>
        }
        .into_any(),
        // Anything else is shown as its words, not as a link.
        Inline::Link { content, .. } => view! { <span>{inlines(content)}</span> }.into_any(),
    }
}
