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
    Command::new(env!("CARGO_BIN_EXE_datatool"))
        .args([mode, "--root"])
        .arg(root)
        .output()
        .expect("run the data tool")
}
