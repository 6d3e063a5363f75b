//! The editor's data tool: validates `data/*.csv` and `content/posts/*.md`, then writes the JSON
//! the app fetches under `public/data/`. Nothing is written unless every input is valid.
//!
//! Usage: `datatool [build|check] [--root DIR]` (default: `build` in the current folder).
//! The `SITE_ORIGIN` environment variable sets the origin of the feed's links.

mod diagnostic;
mod feed;
mod inspections_csv;
mod markdown;
mod posts;
#[cfg(test)]
mod properties;
#[cfg(test)]
mod published_totals;
mod site;
mod site_paths;
mod standards_csv;

use diagnostic::Diagnostic;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut write = true;
    let mut root = PathBuf::from(".");
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "build" => write = true,
            "check" => write = false,
            "--root" => match args.next() {
                Some(dir) => root = PathBuf::from(dir),
                None => return usage("--root needs a folder"),
            },
            other => return usage(&format!("unknown argument '{other}'")),
        }
    }
    let site = match site::compile(&root) {
        Ok(site) => site,
        Err(errors) => {
            for error in &errors {
                eprintln!("error: {error}");
            }
            eprintln!("{} error(s); nothing was written", errors.len());
            return ExitCode::FAILURE;
        }
    };
    for warning in &site.warnings {
        eprintln!("warning: {warning}");
    }
    if write {
        if let Err(e) = site.write(&root.join("public/data")) {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    }
    println!(
        "{} {} inspections and {} posts",
        if write { "wrote" } else { "checked" },
        site.ratings.inspections.len(),
        site.posts.len()
    );
    ExitCode::SUCCESS
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("datatool: {problem}\nusage: datatool [build|check] [--root DIR]");
    ExitCode::from(2)
}

/// The largest source file read. The real ones are tens of kilobytes; this still takes a
/// ratings file of more than 10,000 inspections, and anything larger is the wrong file (an
/// export, a binary), which reading whole would only stall the build.
const MAX_SOURCE_BYTES: u64 = 8 * 1024 * 1024;

/// Reads a source file as UTF-8, reporting a missing file, a file too large or bad bytes
/// against its path.
fn read_source(path: &Path) -> Result<String, Vec<Diagnostic>> {
    let cannot_read = |e: std::io::Error| {
        vec![Diagnostic::new(
            path,
            None,
            None,
            format!("cannot read: {e}"),
        )]
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_SOURCE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(cannot_read)?;
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        // The line and field the first byte past the limit is in.
        let before = String::from_utf8_lossy(&bytes[..MAX_SOURCE_BYTES as usize]);
        return Err(vec![Diagnostic::new(
            path,
            Some(diagnostic::line_of(&before, before.len())),
            field_at(path, &before).as_deref(),
            format!(
                "too large: the file passes {} MiB on this line; a source file should be a few hundred kilobytes. Is it the right file?",
                MAX_SOURCE_BYTES / (1024 * 1024)
            ),
        )]);
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or_default();
        vec![Diagnostic::new(
            path,
            Some(diagnostic::line_of(valid, offset)),
            field_at(path, valid).as_deref(),
            format!(
                "not UTF-8: invalid byte at offset {offset}; save the file as UTF-8 (from a spreadsheet: \"CSV UTF-8\")"
            ),
        )]
    })
}

/// The field of a source file that the end of `before` falls in, by the file's kind.
fn field_at(path: &Path, before: &str) -> Option<String> {
    match path.extension()?.to_str()? {
        "csv" => Some(diagnostic::csv_field_at(before)),
        "md" => Some(posts::field_at(before)),
        _ => None,
    }
}
