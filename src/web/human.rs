//! Times as people read them (issue 20 "human data"): a relative phrase written on the server
//! ("3 hours ago", "in 12 days"), the exact time for the hover title, and the ISO value for
//! `<time datetime>`, which `assets/admin.js` turns into the viewer's own zone.

use serde::Serialize;

use crate::clock::{UnixTime, rfc3339};
use crate::i18n::{arg, num, tr, tr_args};

/// One moment for a page: `<time datetime="{iso}" title="{exact}">{relative}</time>`.
#[derive(Debug, Clone, Serialize)]
pub struct When {
    /// RFC 3339, for `datetime` and the script.
    pub iso: String,
    /// "25 Nov 2026, 02:27 UTC".
    pub exact: String,
    /// "3 hours ago", "in 12 days".
    pub relative: String,
    /// "25 Nov 2026".
    pub date: String,
}

impl When {
    /// `t` as seen at `now`.
    pub fn at(t: UnixTime, now: UnixTime) -> Self {
        let iso = rfc3339(t);
        let (date, clock) = split(&iso);
        Self {
            exact: tr_args(
                "date-time",
                &[("date", arg(date.as_str())), ("time", arg(clock))],
            ),
            relative: relative(t, now),
            date,
            iso,
        }
    }
}

/// "25 Nov 2026" (in the page's language) and "02:27" from an RFC 3339 string.
fn split(iso: &str) -> (String, String) {
    let year = iso.get(..4).unwrap_or("");
    let month = iso
        .get(5..7)
        .and_then(|m| m.parse::<u8>().ok())
        .filter(|m| (1..=12).contains(m))
        .map(|m| tr(&format!("month-{m}")))
        .unwrap_or_default();
    let day = iso
        .get(8..10)
        .map(|d| d.trim_start_matches('0'))
        .unwrap_or("");
    let clock = iso.get(11..16).unwrap_or("").to_owned();
    let date = tr_args(
        "date",
        &[
            ("day", arg(day)),
            ("month", arg(month)),
            ("year", arg(year)),
        ],
    );
    (date, clock)
}

/// "just now", "5 minutes ago", "in 12 days", "2 years ago" (in the page's language).
pub fn relative(t: UnixTime, now: UnixTime) -> String {
    let diff = t.saturating_sub(now);
    let secs = diff.unsigned_abs();
    if secs < 60 {
        return tr("rel-now");
    }
    let (n, unit) = match secs {
        s if s < 3_600 => (s / 60, "minutes"),
        s if s < 86_400 => (s / 3_600, "hours"),
        s if s < 86_400 * 45 => (s / 86_400, "days"),
        s if s < 86_400 * 365 => (s / (86_400 * 30), "months"),
        s => (s / (86_400 * 365), "years"),
    };
    let id = if diff > 0 {
        format!("rel-in-{unit}")
    } else {
        format!("rel-{unit}-ago")
    };
    tr_args(&id, &[("n", num(n))])
}

/// "Movies", "Movies and TV Shows", "Movies, TV Shows and Music" (in the page's language).
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => tr_args(
            "list-and",
            &[("rest", arg(rest.join(", "))), ("last", arg(last.as_str()))],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_phrases() {
        let now = 1_800_000_000;
        assert_eq!(relative(now - 10, now), "just now");
        assert_eq!(relative(now - 3 * 3600, now), "3 hours ago");
        assert_eq!(relative(now + 12 * 86_400, now), "in 12 days");
        assert_eq!(relative(now - 60, now), "1 minute ago");
        assert_eq!(relative(now - 400 * 86_400, now), "1 year ago");
    }

    #[test]
    fn exact_and_date() {
        let w = When::at(1_790_000_000, 1_790_000_000);
        assert_eq!(w.date, "21 Sep 2026");
        assert!(w.exact.ends_with("UTC"), "{}", w.exact);
        assert_eq!(w.iso, "2026-09-21T14:13:20Z");
    }

    #[test]
    fn lists_read_as_english() {
        let l = |v: &[&str]| and_list(&v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>());
        assert_eq!(l(&["Movies"]), "Movies");
        assert_eq!(l(&["Movies", "TV"]), "Movies and TV");
        assert_eq!(l(&["A", "B", "C"]), "A, B and C");
    }
}
