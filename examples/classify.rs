//! Classifies dial strings from stdin with the emergency engine, for comparison with
//! libphonenumber (`bench/classify-vs-libphonenumber.mjs`) and for ad-hoc checks.
//!
//! Input: lines `REGION<TAB>DIAL_STRING`. The dial string is everything after the first tab,
//! untrimmed (only the line's `\n` or `\r\n` is removed); a line without a tab is a region
//! with an empty dial string. Output, one line per input line:
//! `IS_EMERGENCY<TAB>CONNECTS_TO_EMERGENCY` as `true`/`false` (no outside-line prefix).
//!
//! ```sh
//! printf 'US\t9-1-1\nDK\t1122\n' | cargo run --release --example classify
//! ```

use std::io::{self, BufRead, BufWriter, Write};

use agent_dialer::core::emergency::{connects_to_emergency_number, is_emergency_number};

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut raw = Vec::new();
    loop {
        raw.clear();
        if input.read_until(b'\n', &mut raw)? == 0 {
            break;
        }
        let line = String::from_utf8_lossy(&raw);
        let line = line
            .strip_suffix("\r\n")
            .or_else(|| line.strip_suffix('\n'))
            .unwrap_or(&line);
        let (region, dialed) = line.split_once('\t').unwrap_or((line, ""));
        writeln!(
            out,
            "{}\t{}",
            is_emergency_number(dialed, region),
            connects_to_emergency_number(dialed, region)
        )?;
    }
    out.flush()
}
