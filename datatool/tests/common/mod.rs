//! Running the real data tool binary over a copy of the project, shared by the CLI tests.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// A copy of the project's sources in a fresh temporary folder.
pub fn project_copy() -> tempfile::TempDir {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = tempfile::tempdir().expect("a temporary folder");
    for sub in ["data", "content/posts"] {
        fs::create_dir_all(dir.path().join(sub)).unwrap();
        for entry in fs::read_dir(repo.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                fs::copy(&path, dir.path().join(sub).join(path.file_name().unwrap())).unwrap();
            }
        }
    }
    dir
}

pub fn run(root: &Path, mode: &str) -> Output {
    run_with_origin(root, mode, None)
}

/// Runs the tool with `SITE_ORIGIN` set, or unset (the feed's links are then paths) whatever
/// the machine's environment says.
pub fn run_with_origin(root: &Path, mode: &str, origin: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_datatool"));
    command.args([mode, "--root"]).arg(root);
    match origin {
        Some(origin) => command.env("SITE_ORIGIN", origin),
        None => command.env_remove("SITE_ORIGIN"),
    };
    command.output().expect("run the data tool")
}
