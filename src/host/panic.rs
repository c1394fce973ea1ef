//! The panic report: a panic (a bug; `panic = "abort"` then traps the wasm, and the package's
//! guard hands the agent to the fallback dialer) is written to the console first, as
//! `panicked at <file>:<line>:<column>:\n<message>`, for the bug report.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/host/bindings.js")]
extern "C" {
    #[wasm_bindgen(js_name = reportPanic)]
    fn report_panic(file: &str, line: u32, column: u32, message: &str);
}

/// Installs the report (again on every mount: the same hook).
pub fn report_panics() {
    std::panic::set_hook(Box::new(|info| {
        let (file, line, column) = info
            .location()
            .map_or(("", 0, 0), |l| (l.file(), l.line(), l.column()));
        report_panic(file, line, column, info.payload_as_str().unwrap_or(""));
    }));
}
