//! The layers of DESIGN.md, kept by a test: `model` ← `scenario` ← `script` ← `tui` ←
//! `export` ← `cli`, each using only those below it (`files`, a leaf with no imports
//! from the crate, sits under all). Reads every `crate::` path under `src/` and fails on
//! any that runs up a layer.

use std::path::{Path, PathBuf};

const LAYERS: [&str; 7] = [
    "files", "model", "scenario", "script", "tui", "export", "cli",
];

fn layer(module: &str) -> Option<usize> {
    let module = match module {
        "main" => "cli",
        other => other,
    };
    LAYERS.iter().position(|&l| l == module)
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `crate::NAME` in `text`, with its line number.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.push((n + 1, name));
        }
    }
    found
}

#[test]
fn no_module_imports_from_a_higher_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut upward = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).expect("under src");
        let top = rel.components().next().expect("a component");
        let top = top.as_os_str().to_string_lossy();
        let top = top.trim_end_matches(".rs");
        if top == "lib" {
            continue;
        }
        let own = layer(top).unwrap_or_else(|| panic!("{top} is in no layer: add it to LAYERS"));
        let text = std::fs::read_to_string(file).expect("readable");
        for (line, name) in crate_paths(&text) {
            if layer(&name).is_some_and(|l| l > own) {
                upward.push(format!("src/{}:{line} uses crate::{name}", rel.display()));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports from a higher layer:\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_check_sees_an_upward_import() {
    let paths = crate_paths("use crate::tui::App;\nlet x = crate::model::World::new;");
    assert_eq!(paths, [(1, "tui".to_owned()), (2, "model".to_owned())]);
    assert!(layer("tui") > layer("script"));
}
