//! Small monochrome line icons (inline SVG in `currentColor`, so they follow the theme and
//! forced-colors mode), built with `createElementNS`: no markup is ever parsed. Always
//! decorative: `aria-hidden`, the button's text names it.

use web_sys::{Document, Element};

use super::dom::{append, set_attrs, svg};

/// Which icon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Icon {
    Phone,
    PhoneEnd,
    Mic,
    MicOff,
    Pause,
    Play,
    Keypad,
    Backspace,
    Settings,
    Alert,
    Headphones,
    Check,
    Chevron,
    Pin,
    Close,
}

const PHONE: &str = "M6.62 10.79c1.44 2.83 3.76 5.14 6.59 6.59l2.2-2.2c.27-.27.67-.36 1.02-.24 1.12.37 2.33.57 3.57.57.55 0 1 .45 1 1V20c0 .55-.45 1-1 1-9.39 0-17-7.61-17-17 0-.55.45-1 1-1h3.5c.55 0 1 .45 1 1 0 1.25.2 2.45.57 3.57.11.35.03.74-.25 1.02l-2.2 2.2z";

/// The paths of an icon.
fn paths(which: Icon) -> &'static [&'static str] {
    match which {
        Icon::Phone | Icon::PhoneEnd => &[PHONE],
        Icon::Mic => &[
            "M12 1a3 3 0 0 0-3 3v8a3 3 0 0 0 6 0V4a3 3 0 0 0-3-3z",
            "M19 10v2a7 7 0 0 1-14 0v-2M12 19v4M8 23h8",
        ],
        Icon::MicOff => &[
            "M12 1a3 3 0 0 0-3 3v8a3 3 0 0 0 6 0V4a3 3 0 0 0-3-3z",
            "M19 10v2a7 7 0 0 1-14 0v-2M12 19v4M8 23h8",
            "M2 2l20 20",
        ],
        Icon::Pause => &["M8 4v16M16 4v16"],
        Icon::Play => &["M6 3l14 9-14 9z"],
        Icon::Keypad => &["M5 5h.01M12 5h.01M19 5h.01M5 12h.01M12 12h.01M19 12h.01M5 19h.01M12 19h.01M19 19h.01"],
        Icon::Backspace => &["M21 4H8l-7 8 7 8h13a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2zM18 9l-6 6M12 9l6 6"],
        Icon::Settings => &["M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0M14 4v4M8 10v4M16 16v4"],
        Icon::Alert => &["M10.29 3.86L1.82 18a2 2 0 0 0 1.71 3h16.94a2 2 0 0 0 1.71-3L13.71 3.86a2 2 0 0 0-3.42 0zM12 9v4M12 17h.01"],
        Icon::Headphones => &["M3 18v-6a9 9 0 0 1 18 0v6M21 19a2 2 0 0 1-2 2h-1a2 2 0 0 1-2-2v-3a2 2 0 0 1 2-2h3zM3 19a2 2 0 0 0 2 2h1a2 2 0 0 0 2-2v-3a2 2 0 0 0-2-2H3z"],
        Icon::Check => &["M20 6L9 17l-5-5"],
        Icon::Chevron => &["M6 9l6 6 6-6"],
        Icon::Pin => &["M21 10c0 7-9 13-9 13s-9-6-9-13a9 9 0 0 1 18 0zM12 13a3 3 0 1 0 0-6 3 3 0 0 0 0 6z"],
        Icon::Close => &["M18 6L6 18M6 6l12 12"],
    }
}

/// The icon as an SVG element (an empty `span` in the unlikely case the document cannot
/// make SVG elements: an icon never stops the pane).
pub fn icon(doc: &Document, which: Icon) -> Element {
    let Some(root) = svg(doc, "svg") else {
        return super::dom::el(doc, "span", "ad-icon");
    };
    set_attrs(
        &root,
        &[
            ("class", "ad-icon"),
            ("viewBox", "0 0 24 24"),
            ("width", "18"),
            ("height", "18"),
            ("aria-hidden", "true"),
            ("focusable", "false"),
            ("fill", "none"),
            ("stroke", "currentColor"),
            ("stroke-width", "2"),
            ("stroke-linecap", "round"),
            ("stroke-linejoin", "round"),
        ],
    );
    for d in paths(which) {
        if let Some(path) = svg(doc, "path") {
            set_attrs(&path, &[("d", d)]);
            match which {
                Icon::Phone | Icon::PhoneEnd => {
                    set_attrs(&path, &[("fill", "currentColor"), ("stroke", "none")]);
                    if which == Icon::PhoneEnd {
                        set_attrs(&path, &[("transform", "rotate(135 12 12)")]);
                    }
                }
                Icon::Keypad => {
                    set_attrs(&path, &[("stroke-width", "3.5")]);
                }
                _ => {}
            }
            append(&root, &path);
        }
    }
    root
}
