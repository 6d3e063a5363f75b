//! Compiles every source into the files the app fetches, and writes them without leaving half a file.

use crate::diagnostic::Diagnostic;
use crate::markdown::plain_text;
use crate::site_paths::missing_page;
use crate::{feed, inspections_csv, posts, read_source, standards_csv};
use model::format::{
    PostFile, PostsIndex, PostsSearch, Provenance, RatingsFile, FORMAT_VERSION, POSTS_INDEX_FORMAT,
    POSTS_SEARCH_FORMAT, RATINGS_FORMAT,
};
use model::post::newest_first;
use serde::Serialize;
use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

/// Everything the app needs, validated.
pub struct Site {
    pub ratings: RatingsFile,
    pub posts: Vec<PostFile>,
    /// Where the site is served, if set, for the feed's absolute links.
    pub origin: Option<String>,
    /// Worth the editor's attention, but no reason to refuse the build.
    pub warnings: Vec<Diagnostic>,
}

const PROVENANCE: &str =
    "Collected by hand from public pages (HM Inspectorate of Probation press releases, \
news reports and blog posts). Unconfirmed bands are left blank, never guessed. \
See data/README.md in the project for the method and the known gaps.";

pub fn compile(root: &Path) -> Result<Site, Vec<Diagnostic>> {
    let origin = feed::origin(std::env::var("SITE_ORIGIN").ok().as_deref()).map_err(|e| vec![e])?;
    let data = root.join("data");
    let standards_path = data.join("standards.csv");
    let standards = standards_csv::parse(&standards_path, &read_source(&standards_path)?)?;
    let inspections_path = data.join("inspections.csv");
    let mut errors = Vec::new();
    // The posts are read even when the inspections are not, so that one run reports both.
    let inspections = inspections_csv::parse(
        &inspections_path,
        &read_source(&inspections_path)?,
        &standards,
    )
    .map_err(|mut e| errors.append(&mut e))
    .ok();
    let known_ids: Option<HashSet<&str>> = inspections
        .as_ref()
        .map(|all| all.iter().map(|i| i.id.as_str()).collect());

    let mut posts = Vec::new();
    let mut warnings = Vec::new();
    let mut site_links = Vec::new();
    let mut titles = std::collections::HashMap::new();
    let paths = post_paths(&root.join("content/posts"), &mut errors);
    // Every post file, read or not: a post with an error of its own is still there to link to.
    let slugs: HashSet<String> = paths.iter().map(|p| posts::slug_of(p)).collect();
    for path in paths {
        match read_source(&path).and_then(|text| posts::parse(&path, &text, known_ids.as_ref())) {
            Ok(mut read) => {
                // A copied post whose title was not changed: two posts a reader cannot tell apart.
                let title = read.file.summary.title.clone();
                if let Some(first) = titles.insert(title.clone(), path.clone()) {
                    warnings.push(Diagnostic::new(
                        &path,
                        None,
                        Some("title"),
                        format!("'{title}' is also the title of {}", first.display()),
                    ));
                }
                posts.push(read.file);
                warnings.append(&mut read.warnings);
                site_links.extend(
                    read.site_links
                        .into_iter()
                        .map(|(line, url)| (path.clone(), line, url)),
                );
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    if let Some(known_ids) = &known_ids {
        let slugs: HashSet<&str> = slugs.iter().map(String::as_str).collect();
        errors.extend(site_links.iter().filter_map(|(path, line, url)| {
            missing_page(url, known_ids, &slugs).map(|why| {
                Diagnostic::new(
                    path,
                    Some(*line),
                    Some("body"),
                    format!("the link to '{url}' leads nowhere: {why}"),
                )
            })
        }));
    }
    let Some(inspections) = inspections.filter(|_| errors.is_empty()) else {
        return Err(errors);
    };
    posts.sort_by(|a, b| newest_first(&a.summary, &b.summary));

    let sources = inspections
        .iter()
        .filter_map(|i| i.source_url.clone())
        .collect::<HashSet<_>>()
        .len();
    Ok(Site {
        ratings: RatingsFile {
            format: RATINGS_FORMAT.into(),
            version: FORMAT_VERSION,
            provenance: Provenance {
                summary: format!(
                    "{PROVENANCE} {} inspections from {sources} main sources.",
                    inspections.len()
                ),
                sources: vec![
                    "data/inspections.csv".into(),
                    "data/standards.csv".into(),
                    "data/README.md".into(),
                ],
            },
            standards,
            inspections,
        },
        posts,
        origin,
        warnings,
    })
}

/// Every post in `dir`, in name order. Anything else there (a `.MD`, `.markdown` or `.txt`
/// file, a folder) is an error rather than a post silently left out; editors' own files are
/// passed over.
fn post_paths(dir: &Path, errors: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(Diagnostic::new(
                dir,
                None,
                None,
                format!("cannot read: {e}"),
            ));
            return Vec::new();
        }
    };
    let mut paths = Vec::new();
    for path in entries.filter_map(|entry| entry.ok().map(|e| e.path())) {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        // Editors' own files: hidden ones, `~` backups, Emacs' `#…#` auto-saves.
        if name.starts_with('.') || name.ends_with('~') || name.starts_with('#') {
            continue;
        }
        if path.is_file() && path.extension().is_some_and(|e| e == "md") {
            paths.push(path);
        } else {
            errors.push(Diagnostic::new(
                &path,
                None,
                None,
                "not read as a post: a post is a file named like 'my-post.md' directly in content/posts (rename it, or move it out of the folder)",
            ));
        }
    }
    paths.sort();
    paths
}

impl Site {
    /// Writes every file into a fresh folder beside `out`, then swaps it in, so the app never
    /// sees a mix of old and new files and a failure leaves the previous output as it was.
    pub fn write(&self, out: &Path) -> io::Result<()> {
        let staging = out.with_extension("staging");
        let previous = out.with_extension("previous");
        // A run stopped between its two renames left the last good output in `previous`.
        if !out.exists() && previous.exists() {
            std::fs::rename(&previous, out).map_err(in_path("restore", &previous))?;
        }
        remove_if_present(&staging).map_err(in_path("clear", &staging))?;
        if let Err(e) = self.write_into(&staging) {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(in_path("write", &staging)(e));
        }
        remove_if_present(&previous).map_err(in_path("clear", &previous))?;
        if out.exists() {
            std::fs::rename(out, &previous).map_err(in_path("move aside", out))?;
        }
        if let Err(e) = std::fs::rename(&staging, out) {
            let _ = std::fs::rename(&previous, out);
            return Err(in_path("move into place", &staging)(e));
        }
        // The new output is in place; a leftover old copy is untidy, not a failure.
        if let Err(e) = remove_if_present(&previous) {
            eprintln!("warning: could not remove {}: {e}", previous.display());
        }
        Ok(())
    }

    fn write_into(&self, dir: &Path) -> io::Result<()> {
        let posts_dir = dir.join("posts");
        std::fs::create_dir_all(&posts_dir)?;
        write_json(&dir.join("ratings.json"), &self.ratings)?;
        for post in &self.posts {
            write_json(&posts_dir.join(format!("{}.json", post.summary.slug)), post)?;
        }
        let index = PostsIndex {
            format: POSTS_INDEX_FORMAT.into(),
            version: FORMAT_VERSION,
            posts: self.posts.iter().map(|p| p.summary.clone()).collect(),
        };
        write_json(&posts_dir.join("index.json"), &index)?;
        write_json(&posts_dir.join("search.json"), &self.search())?;
        // Trunk copies this one file to the site's root as /feed.xml (see index.html).
        std::fs::write(
            dir.join("feed.xml"),
            feed::atom(&self.posts, self.origin.as_deref()),
        )
    }

    /// Each post's words on one line, for searching bodies without fetching every post.
    fn search(&self) -> PostsSearch {
        PostsSearch {
            format: POSTS_SEARCH_FORMAT.into(),
            version: FORMAT_VERSION,
            texts: self
                .posts
                .iter()
                .map(|post| {
                    let text = plain_text(&post.body);
                    let words: Vec<&str> = text.split_whitespace().collect();
                    (post.summary.slug.clone(), words.join(" "))
                })
                .collect(),
        }
    }
}

/// Names the path and the step in an I/O error, so the editor knows what failed where.
fn in_path<'a>(step: &'a str, path: &'a Path) -> impl Fn(io::Error) -> io::Error + 'a {
    move |e| {
        io::Error::new(
            e.kind(),
            format!("could not {step} {}: {e}", path.display()),
        )
    }
}

fn remove_if_present(dir: &Path) -> io::Result<()> {
    match std::fs::remove_dir_all(dir) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

fn write_json<T: Serialize>(path: &Path, value: &T) -> io::Result<()> {
    std::fs::write(path, serde_json::to_vec(value)?)
}
