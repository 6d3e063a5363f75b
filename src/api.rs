//! Fetching the bundled JSON: one function per file, each returning a typed error the page can explain.

use model::format::{
    parse_post, parse_posts_index, parse_posts_search, parse_ratings, FormatError, PostFile,
    PostsIndex, PostsSearch, RatingsFile,
};
use model::saved_copy::SAVED_AT_HEADER;
use model::server_answer::is_server_answer;
use model::slug::is_post_slug;
use std::fmt;
use web_sys::RequestCache;

pub const RATINGS_URL: &str = "/data/ratings.json";
pub const POSTS_INDEX_URL: &str = "/data/posts/index.json";
/// How long one file may take, answer and body together. The largest is tens of kilobytes, so
/// anything this slow is a stalled connection that would otherwise leave "Loading…" forever.
pub const FETCH_TIMEOUT_SECONDS: u32 = 15;
pub const POSTS_SEARCH_URL: &str = "/data/posts/search.json";

#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// The request never got an answer: offline, or the server is down. (The browser's own
    /// words for it, such as "TypeError: Failed to fetch", differ by engine and say no more.)
    Network { what: &'static str },
    /// No complete answer within [`FETCH_TIMEOUT_SECONDS`].
    Timeout { what: &'static str },
    /// The file is not there (404, or the server answered with a web page instead of data).
    NotFound { what: &'static str },
    /// Any other failing HTTP status.
    Status { what: &'static str, status: u16 },
    /// The answer could not be read as the expected file.
    Format {
        what: &'static str,
        error: FormatError,
    },
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Network { what } => write!(
                f,
                "Could not load {what}: the server could not be reached. Check your connection and try again."
            ),
            ApiError::Timeout { what } => write!(
                f,
                "Could not load {what}: the server took longer than {FETCH_TIMEOUT_SECONDS} seconds to answer, so the request timed out. Check your connection and try again."
            ),
            ApiError::NotFound { what } => write!(f, "Could not find {what}."),
            ApiError::Status { what, status } => {
                write!(f, "Could not load {what}: the server answered with error {status}.")
            }
            ApiError::Format { what, error } => write!(f, "Could not read {what}: {error}."),
        }
    }
}

impl std::error::Error for ApiError {}

thread_local! {
    static ASKED_AFRESH: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The next request for `url` skips the browser's HTTP cache, conditional requests included,
/// and the service worker then asks the server before its saved copy: a reader trying again
/// wants what the server has now, and a server may call a cached answer (its HTML page for a
/// file it did not have) still current. A mark rather than an argument, so each page keeps
/// its one fetch function (each closure around one would be more wasm).
pub fn ask_afresh(url: String) {
    ASKED_AFRESH.with(|asked| asked.borrow_mut().push(url));
}

fn take_afresh(url: &str) -> bool {
    ASKED_AFRESH.with(|asked| {
        let mut asked = asked.borrow_mut();
        let before = asked.len();
        asked.retain(|u| u != url);
        asked.len() != before
    })
}

/// A signal the browser fires [`FETCH_TIMEOUT_SECONDS`] from now: it aborts the request it is
/// given, body included, when the time is up.
fn deadline() -> web_sys::AbortSignal {
    web_sys::AbortSignal::timeout_with_u32(FETCH_TIMEOUT_SECONDS * 1000)
}

async fn fetch_text(url: &str, what: &'static str) -> Result<String, ApiError> {
    let deadline = deadline();
    let failed = |_: gloo_net::Error| {
        if deadline.aborted() {
            ApiError::Timeout { what }
        } else {
            ApiError::Network { what }
        }
    };
    let cache = if take_afresh(url) {
        RequestCache::Reload
    } else {
        RequestCache::Default
    };
    let response = gloo_net::http::Request::get(url)
        .abort_signal(Some(&deadline))
        .cache(cache)
        .send()
        .await
        .map_err(failed)?;
    let is_page = response
        .headers()
        .get("content-type")
        .is_some_and(|t| t.contains("text/html"));
    if response.status() == 404 || (response.ok() && is_page) {
        return Err(ApiError::NotFound { what });
    }
    if !response.ok() {
        return Err(ApiError::Status {
            what,
            status: response.status(),
        });
    }
    crate::saved_data::record(response.headers().get(SAVED_AT_HEADER).as_deref());
    response.text().await.map_err(failed)
}

/// Whether the server answers at all: a HEAD request, which no cache and no route of the service
/// worker answers.
pub async fn server_answers() -> bool {
    let answer = gloo_net::http::RequestBuilder::new(RATINGS_URL)
        .method(gloo_net::http::Method::HEAD)
        .cache(RequestCache::NoStore)
        .abort_signal(Some(&deadline()))
        .send()
        .await;
    answer.is_ok_and(|response| is_server_answer(response.status()))
}

pub async fn fetch_ratings() -> Result<RatingsFile, ApiError> {
    let what = "the ratings";
    let text = fetch_text(RATINGS_URL, what).await?;
    parse_ratings(&text).map_err(|error| ApiError::Format { what, error })
}

pub async fn fetch_posts_index() -> Result<PostsIndex, ApiError> {
    let what = "the list of posts";
    let text = fetch_text(POSTS_INDEX_URL, what).await?;
    parse_posts_index(&text).map_err(|error| ApiError::Format { what, error })
}

/// Every post's text, for searching bodies; fetched only once a search starts.
pub async fn fetch_posts_search() -> Result<PostsSearch, ApiError> {
    let what = "the text of the posts";
    let text = fetch_text(POSTS_SEARCH_URL, what).await?;
    parse_posts_search(&text).map_err(|error| ApiError::Format { what, error })
}

/// The address of a post's own file.
pub fn post_url(slug: &str) -> String {
    format!("/data/posts/{slug}.json")
}

/// `None` when there is no post of that name, so the page can say so instead of showing an error.
pub async fn fetch_post(slug: String) -> Result<Option<PostFile>, ApiError> {
    let what = "this post";
    // Checked before it becomes part of a URL: `/posts/..%2Fratings` fetches nothing.
    if !is_post_slug(&slug) {
        return Ok(None);
    }
    let text = match fetch_text(&post_url(&slug), what).await {
        Err(ApiError::NotFound { .. }) => return Ok(None),
        other => other?,
    };
    parse_post(&text)
        .map(Some)
        .map_err(|error| ApiError::Format { what, error })
}
