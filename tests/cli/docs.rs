//! The README's code blocks are what users copy: every YAML, TOML and JSON block parses, every
//! TOML block that is llmcost's config loads as one, and every workflow is complete (triggers,
//! jobs that run somewhere, steps that do something, the cache restored before anything is
//! built, one file name per workflow).

use std::collections::BTreeSet;
use std::path::Path;

use yaml_rust2::{Yaml, YamlLoader};

/// `(language, first line number, text)` of every fenced block.
fn blocks(markdown: &str) -> Vec<(String, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(String, usize, String)> = None;
    for (i, line) in markdown.lines().enumerate() {
        match (&mut open, line.strip_prefix("```")) {
            (None, Some(lang)) => open = Some((lang.trim().to_string(), i + 1, String::new())),
            (Some(_), Some(_)) => out.extend(open.take()),
            (Some((_, _, text)), None) => {
                text.push_str(line);
                text.push('\n');
            }
            (None, None) => {}
        }
    }
    out
}

fn documents() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs = vec![("README.md".to_string(), std::fs::read_to_string(root.join("README.md")).unwrap())];
    if let Ok(dir) = std::fs::read_dir(root.join("docs")) {
        for entry in dir.flatten().filter(|e| e.path().extension().is_some_and(|x| x == "md")) {
            docs.push((
                format!("docs/{}", entry.file_name().to_string_lossy()),
                std::fs::read_to_string(entry.path()).unwrap(),
            ));
        }
    }
    docs
}

fn check_workflow(at: &str, doc: &Yaml, names: &mut BTreeSet<String>, text: &str) {
    let jobs = &doc["jobs"];
    if jobs.is_badvalue() {
        return;
    }
    assert!(!doc["on"].is_badvalue(), "{at}: a workflow without triggers");
    if let Some(name) = text.lines().find_map(|l| l.trim().strip_prefix("# GitHub Actions: ")) {
        let file = name.split_whitespace().next().unwrap().to_string();
        assert!(names.insert(file.clone()), "{at}: {file} is the name of another workflow too");
    }
    for (job, body) in jobs.as_hash().unwrap() {
        let job = job.as_str().unwrap_or("?");
        assert!(body["runs-on"].as_str().is_some(), "{at}: job {job} has no runs-on");
        let steps = body["steps"].as_vec().unwrap_or_else(|| panic!("{at}: job {job} has no steps"));
        let mut cache_at = None;
        for (i, step) in steps.iter().enumerate() {
            let uses = step["uses"].as_str().unwrap_or("");
            let run = step["run"].as_str().unwrap_or("");
            assert!(!uses.is_empty() || !run.is_empty(), "{at}: job {job}, step {i} neither uses nor runs");
            if uses.starts_with("actions/cache") {
                cache_at = Some(i);
                assert!(
                    !step["with"]["path"].is_badvalue() && !step["with"]["key"].is_badvalue(),
                    "{at}: cache without path or key"
                );
            }
            if run.contains("cargo install") {
                assert!(cache_at.is_some_and(|c| c < i), "{at}: job {job} builds llmcost before restoring its cache");
                assert!(run.contains("command -v llmcost ||"), "{at}: job {job} rebuilds llmcost on every run");
            }
        }
    }
}

#[test]
fn every_code_block_parses_and_every_workflow_is_complete() {
    let mut checked = 0;
    let mut workflows = BTreeSet::new();
    for (file, text) in documents() {
        for (lang, line, block) in blocks(&text) {
            let at = format!("{file}:{line}");
            match lang.as_str() {
                "yaml" | "yml" => {
                    let docs = YamlLoader::load_from_str(&block).unwrap_or_else(|e| panic!("{at}: not YAML: {e}"));
                    for doc in &docs {
                        check_workflow(&at, doc, &mut workflows, &block);
                    }
                }
                "toml" => {
                    let table: toml::Table = toml::from_str(&block).unwrap_or_else(|e| panic!("{at}: not TOML: {e}"));
                    // Config examples load as llmcost's config (keys, values and names checked).
                    let is_config = [
                        "workspaces",
                        "budgets",
                        "notify",
                        "teams",
                        "shared_costs",
                        "cache",
                        "display",
                        "http",
                        "optimize",
                    ]
                    .iter()
                    .any(|k| table.contains_key(*k));
                    if is_config {
                        llmcost::config::Config::parse(&block, Path::new(&at)).unwrap_or_else(|e| panic!("{at}: {e}"));
                    }
                }
                "json" => {
                    serde_json::from_str::<serde_json::Value>(&block).unwrap_or_else(|e| panic!("{at}: not JSON: {e}"));
                }
                _ => continue,
            }
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} blocks found");
    assert!(workflows.contains(".github/workflows/llm-alerts.yml"), "{workflows:?}");
}

/// A heading as GitHub anchors it: lower case, spaces to `-`, punctuation but `-` and `_` gone.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// Every link from the README to docs/ (and between docs pages) names a file that exists and,
/// with `#anchor`, a heading in it.
#[test]
fn links_between_the_readme_and_docs_resolve() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let link = regex_lite::Regex::new(r"\]\(([^)#\s]+\.md)?(#[^)\s]+)?\)").unwrap();
    let mut checked = 0;
    for (file, text) in documents() {
        let base = root.join(&file).parent().unwrap().to_path_buf();
        for c in link.captures_iter(&text) {
            let target = c.get(1).map_or_else(|| root.join(&file), |m| base.join(m.as_str()));
            let body = std::fs::read_to_string(&target)
                .unwrap_or_else(|_| panic!("{file}: {} does not exist", target.display()));
            if let Some(anchor) = c.get(2) {
                let wanted = &anchor.as_str()[1..];
                let found =
                    body.lines().filter(|l| l.starts_with('#')).any(|l| slug(l.trim_start_matches('#')) == wanted);
                assert!(found, "{file}: no heading for #{wanted} in {}", target.display());
            }
            checked += 1;
        }
    }
    assert!(checked >= 20, "{checked} links");
}
