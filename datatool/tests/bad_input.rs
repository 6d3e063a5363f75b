//! The corpus of bad inputs in the repository's `tests/bad-input/`: each case is a folder holding files that
//! replace or join the project's sources, and `expected.txt` with the message fragments the
//! data tool must print (file, line and field). Every case runs the real binary over a copy of
//! the project that has already been built once, and must fail without touching that output.

mod common;

use common::{project_copy, run};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/bad-input")
}

/// Every file under `dir`, by path relative to it, with its bytes.
fn files_under(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap().to_path_buf();
                out.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Builds a copy of the project, applies `spoil` to its sources, builds again, and checks the
/// second build fails with every fragment of `expected` and leaves the first build's output as
/// it was, byte for byte. Returns a description of what went wrong, if anything.
fn fails_cleanly(name: &str, spoil: impl FnOnce(&Path), expected: &[String]) -> Option<String> {
    let dir = project_copy();
    let root = dir.path();
    assert!(
        run(root, "build").status.success(),
        "{name}: the clean copy must build"
    );
    let before = files_under(&root.join("public/data"));
    spoil(root);
    let output = run(root, "build");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let mut problems = Vec::new();
    if output.status.code() != Some(1) {
        problems.push(format!(
            "exit status {:?}, expected 1",
            output.status.code()
        ));
    }
    for fragment in expected {
        if !stderr.contains(fragment.as_str()) {
            problems.push(format!("no {fragment:?} in the messages"));
        }
    }
    if files_under(&root.join("public/data")) != before {
        problems.push("the previous JSON was changed".into());
    }
    (!problems.is_empty()).then(|| format!("{name}: {}\n{stderr}", problems.join("; ")))
}

#[test]
fn every_bad_input_is_refused_with_its_message_and_leaves_the_previous_json() {
    let mut cases: Vec<PathBuf> = fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 20,
        "the corpus has only {} cases",
        cases.len()
    );
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let name = case.file_name().unwrap().to_string_lossy().into_owned();
            let mut files = files_under(case);
            let expected = files
                .remove(Path::new("expected.txt"))
                .unwrap_or_else(|| panic!("{name}: no expected.txt"));
            let expected: Vec<String> = String::from_utf8(expected)
                .unwrap()
                .lines()
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect();
            assert!(!expected.is_empty(), "{name}: expected.txt is empty");
            assert!(!files.is_empty(), "{name}: no input files");
            let spoil = |root: &Path| {
                for (rel, bytes) in &files {
                    let path = root.join(rel);
                    fs::create_dir_all(path.parent().unwrap()).unwrap();
                    fs::write(path, bytes).unwrap();
                }
            };
            fails_cleanly(&name, spoil, &expected)
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The project's inspections with its first row repeated until the file is 10 MB.
fn ten_megabytes() -> String {
    let mut text =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/inspections.csv"))
            .unwrap();
    let row = text.lines().nth(1).unwrap().to_string() + "\n";
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(&row);
    }
    text
}

#[test]
fn a_ten_megabyte_source_is_refused_by_its_size() {
    let text = ten_megabytes();
    // The line and column of the first byte past the 8 MiB limit.
    let before = &text[..8 * 1024 * 1024];
    let line = before.matches('\n').count() + 1;
    let fields = |line: &str| {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(line.as_bytes())
            .records()
            .next()
            .unwrap()
            .unwrap()
    };
    let header = fields(text.lines().next().unwrap());
    let column = &header[fields(before.rsplit('\n').next().unwrap()).len() - 1];
    let expected = [format!(
        "data/inspections.csv:{line}: {column}: too large: the file passes 8 MiB on this line"
    )];
    let spoil = |root: &Path| fs::write(root.join("data/inspections.csv"), &text).unwrap();
    if let Some(failure) = fails_cleanly("ten-megabytes", spoil, &expected) {
        panic!("{failure}");
    }
}

/// Size alone refuses only files far past any real ratings: 10,000 inspections build.
#[test]
fn ten_thousand_inspections_build() {
    let dir = project_copy();
    let path = dir.path().join("data/inspections.csv");
    let text = fs::read_to_string(&path).unwrap();
    let mut lines = text.lines();
    let mut csv = format!("{}\n", lines.next().unwrap());
    let row = lines.next().unwrap();
    let (id, rest) = row.split_once(',').unwrap();
    for n in 0..10_000 {
        csv.push_str(&format!("{id}-{n},{rest}\n"));
    }
    assert!(csv.len() > 2 * 1024 * 1024, "{} bytes", csv.len());
    fs::write(&path, csv).unwrap();
    // Posts name inspections of the real file, which this one does not have.
    fs::remove_dir_all(dir.path().join("content/posts")).unwrap();
    fs::create_dir(dir.path().join("content/posts")).unwrap();
    let output = run(dir.path(), "build");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let ratings = fs::read_to_string(dir.path().join("public/data/ratings.json")).unwrap();
    assert!(ratings.contains(&format!("\"{id}-9999\"")));
}
