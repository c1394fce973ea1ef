//! One source for names: the host bindings and the `dialer:*` events are enums in the core
//! (`src/core/names.rs`). The JavaScript and TypeScript files that must list them too — the
//! npm package's iframe bridge and type definitions — are read here and must agree; the shell's
//! `bindings.js` takes its list from the core and must not hold one of its own.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use agent_dialer::core::{Binding, EventName};

fn read(path: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path} should be readable: {e}"))
}

/// The text between `start` (which must occur once) and the next `end` after it.
fn block<'a>(text: &'a str, start: &str, end: &str, file: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{file} should contain `{start}`"))
        + start.len();
    let to = text[from..]
        .find(end)
        .unwrap_or_else(|| panic!("{file}: `{start}` should end with `{end}`"));
    &text[from..from + to]
}

/// Every double-quoted string in `text`.
fn quoted(text: &str) -> Vec<&str> {
    text.split('"').skip(1).step_by(2).collect()
}

fn core_events() -> BTreeSet<&'static str> {
    EventName::ALL.iter().map(|e| e.as_str()).collect()
}

fn core_groups() -> BTreeSet<&'static str> {
    Binding::HOST
        .iter()
        .filter_map(|b| b.path())
        .map(|(group, _)| group)
        .collect()
}

#[test]
fn the_iframe_bridge_forwards_exactly_the_cores_events_and_binding_groups() {
    let file = "www/pkg/frame.js";
    let js = read(file);
    let events: BTreeSet<&str> = quoted(block(&js, "EVENT_NAMES = Object.freeze([", "]);", file))
        .into_iter()
        .collect();
    assert_eq!(events, core_events(), "{file} EVENT_NAMES");
    let groups: BTreeSet<&str> = quoted(block(&js, "const GROUPS = [", "];", file))
        .into_iter()
        .collect();
    assert_eq!(groups, core_groups(), "{file} GROUPS");
    let pattern: BTreeSet<&str> = block(&js, "const BINDING = /^(", ")\\.", file)
        .split('|')
        .collect();
    assert_eq!(pattern, core_groups(), "{file} BINDING");
}

#[test]
fn the_type_definitions_list_exactly_the_cores_events() {
    let file = "www/pkg/index.d.ts";
    let ts = read(file);
    let map = block(&ts, "export interface DialerEventMap {", "\n}", file);
    let events: BTreeSet<&str> = map
        .lines()
        .filter_map(|l| l.trim().strip_prefix('"')?.split('"').next())
        .collect();
    assert_eq!(events, core_events(), "{file} DialerEventMap");
}

#[test]
fn the_type_definitions_list_exactly_the_cores_host_bindings_and_which_are_optional() {
    let file = "www/pkg/index.d.ts";
    let ts = read(file);
    let host = block(&ts, "export interface DialerHost {", "\n}", file);
    // `  group?: {` opens a group; `    method?(…` is a member of the open group.
    let mut listed = BTreeSet::new();
    let mut group: Option<(&str, bool)> = None;
    for line in host.lines() {
        let indent = line.len() - line.trim_start().len();
        let name: String = line
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let rest = &line.trim_start()[name.len()..];
        if name.is_empty() {
            continue;
        }
        if indent == 2 && rest.trim_start_matches('?').starts_with(": {") {
            group = Some((
                line.trim_start().split(['?', ':']).next().unwrap(),
                rest.starts_with('?'),
            ));
        } else if indent == 4 && rest.trim_start_matches('?').starts_with('(') {
            let (g, g_optional) = group.expect("methods are inside a group");
            let required = !g_optional && !rest.starts_with('?');
            listed.insert((g.to_string(), name, required));
        }
    }
    let core: BTreeSet<(String, String, bool)> = Binding::HOST
        .iter()
        .map(|b| {
            let (g, m) = b.path().expect("a host binding has a path");
            (g.to_string(), m.to_string(), b.required())
        })
        .collect();
    assert_eq!(listed, core, "{file} DialerHost: (group, method, required)");
}

#[test]
fn every_dialer_event_named_in_the_package_is_the_cores_or_an_embedding_event() {
    let embedding = [
        "dialer:frame-error",
        "dialer:mount-error",
        "dialer:fallback",
    ];
    let events = core_events();
    for file in [
        "www/pkg/frame.js",
        "www/pkg/element.js",
        "www/pkg/index.js",
        "www/pkg/index.d.ts",
        "www/pkg/element.d.ts",
        "www/pkg/frame.d.ts",
        "www/pkg/settings-element.js",
        "www/pkg/settings-element.d.ts",
        "www/pkg/settings-frame.js",
        "www/pkg/settings-frame.d.ts",
    ] {
        let text = read(file);
        let is_event = |s: &&str| {
            s.strip_prefix("dialer:").is_some_and(|rest| {
                !rest.is_empty() && rest.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            })
        };
        for name in quoted(&text).into_iter().filter(is_event) {
            assert!(
                events.contains(name) || embedding.contains(&name),
                "{file} names an event the core does not have: {name}"
            );
        }
    }
}

#[test]
fn the_shells_javascript_takes_binding_names_from_the_core() {
    let file = "src/host/bindings.js";
    let js = read(file);
    for b in Binding::HOST {
        let (_, method) = b.path().expect("a host binding has a path");
        assert!(
            !quoted(&js).contains(&method),
            "{file} spells the binding {} itself; pass it from the core (Binding::HOST)",
            b.as_str()
        );
    }
}
