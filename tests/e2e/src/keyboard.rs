//! Driving the page with the keyboard alone, through WebDriver key actions (real key
//! events, as a person's keyboard sends them), and reading where focus is and whether it shows.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Client;
use serde_json::json;

use crate::dom::run_js;

/// Presses and releases `key` (a character, or a [`Key`] such as `Key::Tab`), holding Shift
/// when `shift` is set.
pub async fn press_key(client: &Client, key: Key, shift: bool) {
    let key: char = key.into();
    let shift_key: char = Key::Shift.into();
    let mut actions = KeyActions::new("keyboard".to_owned());
    if shift {
        actions = actions.then(KeyAction::Down { value: shift_key });
    }
    actions = actions
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    if shift {
        actions = actions.then(KeyAction::Up { value: shift_key });
    }
    client
        .perform_actions(actions)
        .await
        .unwrap_or_else(|e| panic!("cannot press {key:?}: {e}"));
}

pub async fn press(client: &Client, key: Key) {
    press_key(client, key, false).await;
}

/// Types text into whatever has focus, one key at a time.
pub async fn type_text(client: &Client, text: &str) {
    let mut actions = KeyActions::new("keyboard".to_owned());
    for c in text.chars() {
        actions = actions
            .then(KeyAction::Down { value: c })
            .then(KeyAction::Up { value: c });
    }
    client
        .perform_actions(actions)
        .await
        .unwrap_or_else(|e| panic!("cannot type {text:?}: {e}"));
}

/// The focused element, described for assertions and messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Focused {
    /// Lower-case tag name, e.g. `button`.
    pub tag: String,
    pub id: String,
    /// Text content, whitespace collapsed.
    pub text: String,
    /// `href` attribute for links, `data-sort` for sort buttons, else empty.
    pub key: String,
    /// Whether a focus indicator is drawn: an outline at least 2 px wide or a box shadow.
    pub indicated: bool,
}

const FOCUSED_JS: &str = r#"
const el = document.activeElement;
if (!el || el === document.body) { return null; }
const style = getComputedStyle(el);
const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
const shadow = style.boxShadow && style.boxShadow !== 'none';
return {
  tag: el.tagName.toLowerCase(),
  id: el.id || '',
  text: (el.textContent || '').replace(/\s+/g, ' ').trim(),
  key: el.getAttribute('href') || el.getAttribute('data-sort') || '',
  indicated: outline || !!shadow,
};
"#;

/// The focused element, or `None` when focus is on the document body.
pub async fn focused(client: &Client) -> Option<Focused> {
    let v = run_js(client, FOCUSED_JS, vec![]).await;
    if v.is_null() {
        return None;
    }
    let s = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
    Some(Focused {
        tag: s("tag"),
        id: s("id"),
        text: s("text"),
        key: s("key"),
        indicated: v["indicated"] == json!(true),
    })
}

/// Presses Tab (Shift+Tab when `backwards`) until the focused element matches the CSS
/// selector, at most `limit` times; panics listing the path focus took otherwise.
/// Asserts that every control passed on the way shows its focus.
pub async fn tab_to(client: &Client, css: &str, backwards: bool, limit: usize) -> Focused {
    let mut path = Vec::new();
    for _ in 0..limit {
        press_key(client, Key::Tab, backwards).await;
        let here = focused(client).await;
        if let Some(f) = &here {
            assert!(
                f.indicated,
                "focus on {f:?} is not visible (no outline of 2 px or more, no box shadow)"
            );
        }
        let matches = run_js(
            client,
            "return !!document.activeElement && document.activeElement.matches(arguments[0]);",
            vec![json!(css)],
        )
        .await;
        path.push(here.clone());
        if matches == json!(true) {
            return here.expect("a matching element has focus");
        }
    }
    panic!("{limit} presses of Tab did not reach `{css}`; focus went: {path:#?}");
}
