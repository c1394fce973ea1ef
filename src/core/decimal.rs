//! Decimal numbers as text without Rust's float formatting: `format!("{:.6}", x)` links
//! `core::fmt::float` (Grisu/Dragon and their tables, ~25 KB of wasm), while coordinates and
//! accuracies only need a fixed number of decimals. Deterministic; no clock, no IO; total.

/// `value` with `places` decimals (at most 9), rounded to nearest (halves away from zero),
/// `.` as the separator and never `-0`: `fixed(55.67614, 2)` is `"55.68"`. Not-a-number
/// and infinities are written `NaN`, `inf`, `-inf` (as Rust writes them). Agrees with
/// `format!("{value:.places$}")` except on exact ties, which that rounds to even, and beyond
/// 17 significant digits (where f64 holds nothing more).
pub fn fixed(value: f64, places: u32) -> String {
    if value.is_nan() {
        return "NaN".into();
    }
    let negative = value.is_sign_negative();
    if value.is_infinite() {
        return if negative { "-inf" } else { "inf" }.into();
    }
    let places = places.min(9);
    let scale = 10u64.pow(places);
    let scaled = value.abs() * scale as f64;
    // u64 arithmetic (no 128-bit formatting code); f64 holds 17 significant digits, so what
    // does not fit is a whole number already: its leading digits, then zeros.
    let (int, frac, zeros) = if scaled < 1e19 {
        let n = scaled.round() as u64;
        (n / scale, n % scale, 0)
    } else {
        let (mut whole, mut zeros) = (value.abs().round(), 0usize);
        while whole >= 1e19 {
            whole /= 10.0;
            zeros += 1;
        }
        (whole as u64, 0, zeros)
    };
    // Written digit by digit (no `format!`: its argument handling and padding).
    let mut out = String::new();
    if negative && (int != 0 || frac != 0) {
        out.push('-');
    }
    push_digits(&mut out, int, 1);
    for _ in 0..zeros {
        out.push('0');
    }
    if places > 0 {
        out.push('.');
        push_digits(&mut out, frac, places as usize);
    }
    out
}

/// Appends `n` in decimal, with leading zeros up to `width` digits (no `format!`: issue 16;
/// also the pane's durations and counts, src/ui/i18n.rs).
pub fn push_digits(out: &mut String, mut n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut len = 0;
    while n > 0 || len < width {
        if let Some(d) = digits.get_mut(len) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        len += 1;
    }
    for &d in digits.iter().take(len).rev() {
        out.push(char::from(d));
    }
}

#[cfg(test)]
mod tests {
    use super::fixed;

    #[test]
    fn agrees_with_float_formatting() {
        let values = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            1.5,
            2.5,
            55.676_1,
            -122.419_415_5,
            89.999_999_9,
            -0.000_000_4,
            -0.000_000_6,
            12.345_678_9,
            1e-9,
            3.0e7,
            40_075_016.686,
            180.0,
            -90.0,
        ];
        for v in values {
            for p in 0..=6 {
                let expected = format!("{v:.p$}", p = p as usize);
                let expected =
                    if expected.starts_with('-') && expected.bytes().all(|b| b"-0.".contains(&b)) {
                        expected[1..].to_string()
                    } else {
                        expected
                    };
                let got = fixed(v, p);
                // Exact ties (0.5, 2.5 …) round to even in Rust, away from zero here.
                let tie = (v * 10f64.powi(p as i32)).fract().abs() == 0.5;
                if !tie {
                    assert_eq!(got, expected, "{v} with {p} decimals");
                }
            }
        }
    }

    #[test]
    fn rounds_halves_away_from_zero_and_never_writes_minus_zero() {
        assert_eq!(fixed(0.5, 0), "1");
        assert_eq!(fixed(2.5, 0), "3");
        assert_eq!(fixed(-2.5, 0), "-3");
        assert_eq!(fixed(-0.000_000_4, 6), "0.000000");
        assert_eq!(fixed(-0.0, 2), "0.00");
    }

    #[test]
    fn huge_and_odd_values() {
        assert_eq!(fixed(f64::NAN, 2), "NaN");
        assert_eq!(fixed(f64::INFINITY, 0), "inf");
        assert_eq!(fixed(f64::NEG_INFINITY, 1), "-inf");
        assert_eq!(fixed(1e20, 0), "100000000000000000000");
        for (v, digits) in [(1e300, 301), (f64::MAX, 309)] {
            let s = fixed(v, 2);
            let (int, frac) = s.split_once('.').unwrap();
            assert!((digits - 1..=digits + 1).contains(&int.len()), "{v}: {s}");
            assert!(
                int.bytes().all(|b| b.is_ascii_digit()) && frac == "00",
                "{v}: {s}"
            );
        }
        assert_eq!(fixed(1.0, 40), "1.000000000", "at most 9 decimals");
    }
}
