//! Where tests leave files for people to look at: `$E2E_OUTPUT`, or `<workspace>/test-output`.

use std::path::{Path, PathBuf};

pub fn output_dir(sub: &str) -> PathBuf {
    let base = match std::env::var_os("E2E_OUTPUT") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test-output"),
    };
    let dir = base.join(sub);
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    dir
}

/// Where screenshots of the current engine go: `screenshots/<engine>/`.
pub fn screenshots_dir() -> PathBuf {
    output_dir(&format!(
        "screenshots/{}",
        crate::engine::Engine::current().name()
    ))
}
