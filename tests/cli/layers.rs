//! The shape the code keeps (CONTRIBUTING.md, "Layers"): the front ends (`cli`, `tui`, `serve`,
//! `notify`) and the renderers (`output`) ask `app`'s use cases and never open the cache
//! themselves, so a question has one answer wherever it is asked.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Lines of code (comments left out) under `src/<layer>` containing any of `needles`.
fn offending(layer: &str, needles: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(layer), &mut files);
    let mut hits = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if needles.iter().any(|needle| code.contains(needle)) {
                hits.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    hits
}

#[test]
fn front_ends_and_renderers_never_open_the_cache() {
    for layer in ["cli", "tui", "serve", "notify", "output"] {
        let hits = offending(layer, &["open_store", "crate::store"]);
        assert!(
            hits.is_empty(),
            "{layer} reaches into the cache; ask a use case in app/ instead:\n{}",
            hits.join("\n")
        );
    }
}

#[test]
fn the_application_layer_imports_no_front_end() {
    let hits = offending("app", &["crate::cli", "crate::tui", "crate::serve", "crate::notify", "crate::output"]);
    assert!(hits.is_empty(), "app/ must not depend on a front end or a renderer:\n{}", hits.join("\n"));
}

/// One HTTP path: requests are sent, retried and read in `net/` only (providers, token
/// requests, alerts and downloads all go through it).
#[test]
fn every_request_goes_through_the_one_http_path() {
    for layer in ["app", "cli", "notify", "providers", "serve", "tui", "fx", "import"] {
        let hits = offending(layer, &[".send().await", "client.execute(", "Client::builder(", ".chunk().await"]);
        assert!(hits.is_empty(), "{layer} sends requests itself; use crate::net::send:\n{}", hits.join("\n"));
    }
}

/// Front ends sit on the library, never on each other: the commands may start the exporter or
/// the dashboard, but those never reach into the commands (the exporter's API is handed the
/// command runner by `serve`'s caller).
#[test]
fn no_front_end_imports_the_commands() {
    for layer in ["tui", "serve", "notify", "output", "app"] {
        let hits = offending(layer, &["crate::cli"]);
        assert!(hits.is_empty(), "{layer} imports the commands:\n{}", hits.join("\n"));
    }
}
