//! The layer rule (docs/ARCHITECTURE.md): `core` imports no browser crate; `ui` and `host` never import
//! each other. Checked on the source text so a violation fails `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).expect("source folder should exist") {
        let path = entry.expect("readable entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((
                path.display().to_string(),
                fs::read_to_string(&path).expect("readable file"),
            ));
        }
    }
}

fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.starts_with("//"))
}

fn offenders(dir: &str, forbidden: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut files);
    assert!(!files.is_empty(), "{dir} should contain sources");
    let mut found = Vec::new();
    for (path, text) in &files {
        for line in code_lines(text) {
            for f in forbidden {
                if line.contains(f) {
                    found.push(format!("{path}: {line}"));
                }
            }
        }
    }
    found
}

#[test]
fn core_imports_no_browser_crate() {
    let bad = offenders(
        "src/core",
        &[
            "web_sys",
            "js_sys",
            "yew",
            "wasm_bindgen",
            "gloo",
            "crate::host",
            "crate::ui",
        ],
    );
    assert!(
        bad.is_empty(),
        "src/core must stay pure:\n{}",
        bad.join("\n")
    );
}

#[test]
fn ui_and_host_do_not_import_each_other() {
    let bad = offenders(
        "src/ui",
        &[
            "crate::host",
            "super::host",
            "crate::mount",
            "crate::settings_mount",
        ],
    );
    assert!(
        bad.is_empty(),
        "src/ui must not depend on host:\n{}",
        bad.join("\n")
    );
    let bad = offenders(
        "src/host",
        &[
            "crate::ui",
            "super::ui",
            "yew::",
            "crate::mount",
            "crate::settings_mount",
        ],
    );
    assert!(
        bad.is_empty(),
        "src/host must not depend on ui:\n{}",
        bad.join("\n")
    );
}

#[test]
fn every_core_file_is_small_enough_to_read_in_one_sitting() {
    const MAX_LINES: usize = 600;
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core"),
        &mut files,
    );
    let big: Vec<String> = files
        .iter()
        .map(|(path, text)| (path, text.lines().count()))
        .filter(|(_, lines)| *lines > MAX_LINES)
        .map(|(path, lines)| format!("{path}: {lines} lines"))
        .collect();
    assert!(
        big.is_empty(),
        "split these into machines with one job each (at most {MAX_LINES} lines):\n{}",
        big.join("\n")
    );
}

#[test]
fn the_agents_build_has_no_yew() {
    // Yew is optional and only the cargo feature `admin` turns it on: the agent's default
    // build cannot link it (issue 16). Its pane is plain DOM.
    let manifest = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
        .expect("Cargo.toml");
    let web = manifest
        .split("\nweb = [")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .expect("the `web` feature");
    assert!(
        !web.contains("yew"),
        "the `web` feature must not turn on yew: {web}"
    );
    assert!(
        manifest.contains("yew = { version = \"0.23\", features = [\"csr\"], optional = true }"),
        "yew stays an optional dependency"
    );
    // Only the administrator's settings form (and the i18n hooks it uses, behind `admin`).
    let allowed = ["settings.rs", "settings_panel.rs", "i18n.rs"];
    let bad: Vec<String> = offenders("src/ui", &["yew"])
        .into_iter()
        .filter(|line| !allowed.iter().any(|f| line.contains(&format!("/{f}:"))))
        .collect();
    assert!(
        bad.is_empty(),
        "the agent's pane must not use yew:\n{}",
        bad.join("\n")
    );
}
