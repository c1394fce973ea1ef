//! Calendar arithmetic for the core's timestamps: ISO 8601 for the host (`expiresAt`,
//! `ActivityEntry`) and readable UTC and local times for the emergency email.
//! Deterministic; no clock (the instant is always an argument), no IO; total for every input.
//! No chrono: this is all the calendar the widget needs, and it costs a few hundred bytes of wasm.

use super::model::Millis;

/// The largest UTC offset accepted for local time, in minutes (±18:00, as ISO 8601 / ECMAScript).
pub const MAX_UTC_OFFSET_MINUTES: i32 = 18 * 60;

/// Formats [`Millis`] as ISO 8601 UTC with milliseconds, e.g. `2026-11-24T14:05:09.000Z`.
pub fn iso8601(ms: Millis) -> String {
    format!("{}.{:03}Z", date_time(epoch_secs(ms), 'T'), ms % 1000)
}

/// `2026-11-24 14:05:09 UTC`: an instant in UTC, to the second.
pub fn format_utc(ms: Millis) -> String {
    format!("{} UTC", date_time(epoch_secs(ms), ' '))
}

/// `2026-11-24 09:05:09 (UTC−05:00)`: an instant in local time with its offset (minutes east
/// of UTC; the sign is U+2212 MINUS SIGN, `+` for zero and east). `None` when the offset is
/// beyond ±[`MAX_UTC_OFFSET_MINUTES`].
pub fn format_local(ms: Millis, utc_offset_minutes: i32) -> Option<String> {
    // `unsigned_abs`, not `abs`: `i32::MIN.abs()` overflows.
    if utc_offset_minutes.unsigned_abs() > MAX_UTC_OFFSET_MINUTES.unsigned_abs() {
        return None;
    }
    let local = epoch_secs(ms).saturating_add(i64::from(utc_offset_minutes) * 60);
    let sign = if utc_offset_minutes < 0 { '−' } else { '+' };
    let off = utc_offset_minutes.unsigned_abs();
    Some(format!(
        "{} (UTC{sign}{:02}:{:02})",
        date_time(local, ' '),
        off / 60,
        off % 60
    ))
}

fn epoch_secs(ms: Millis) -> i64 {
    // u64::MAX / 1000 < i64::MAX, so this never saturates in practice.
    i64::try_from(ms / 1000).unwrap_or(i64::MAX)
}

/// `YYYY-MM-DD{sep}HH:MM:SS` for seconds since the epoch (may be negative).
fn date_time(secs: i64, sep: char) -> String {
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}{sep}{:02}:{:02}:{:02}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Days since 1970-01-01 (may be negative) to (year, month, day), proleptic Gregorian
/// (H. Hinnant's `civil_from_days`).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m as u32, d as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso8601_formats_known_instants() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso8601(951_782_400_000), "2000-02-29T00:00:00.000Z");
        assert_eq!(iso8601(1_795_961_109_123), "2026-11-29T14:05:09.123Z");
    }

    #[test]
    fn civil_dates_around_the_epoch_and_leap_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(-719_468), (0, 3, 1));
        assert_eq!(date_time(-1, ' '), "1969-12-31 23:59:59");
    }

    #[test]
    fn the_host_format_and_the_email_format_name_the_same_instant() {
        for ms in [
            0u64,
            951_782_400_000,
            1_795_961_109_123,
            4_102_444_800_000,
            253_402_300_799_000,
        ] {
            let (iso, mine) = (iso8601(ms), format_utc(ms));
            assert_eq!(&iso[..10], &mine[..10], "{ms}");
            assert_eq!(&iso[11..19], &mine[11..19], "{ms}");
        }
    }

    #[test]
    fn extreme_instants_and_offsets_do_not_panic() {
        assert!(iso8601(u64::MAX).ends_with('Z'));
        assert!(format_utc(u64::MAX).ends_with(" UTC"));
        assert!(format_local(u64::MAX, MAX_UTC_OFFSET_MINUTES).is_some());
        assert_eq!(
            format_local(0, -60).as_deref(),
            Some("1969-12-31 23:00:00 (UTC−01:00)")
        );
        assert_eq!(format_local(0, i32::MIN), None);
        assert_eq!(format_local(0, MAX_UTC_OFFSET_MINUTES + 1), None);
    }
}
