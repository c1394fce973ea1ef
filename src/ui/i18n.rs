//! Every string the agent (and the administrator) sees (SPEC B7): en-US built in, en-GB as a
//! few built-in differences, and da-DK, fr-CA, es-PR and de-DE as locale files
//! (`www/locales/<tag>.json`, shipped next to the widget's JS glue like the country boundaries)
//! fetched only when a widget is shown in that language.
//!
//! Until a locale file has arrived — or when it cannot be fetched — the widget is shown in
//! English: a missing translation never delays or blocks anything (E11). A locale file maps the
//! en-US text of every [`Key`] to its translation (`"strings"`) and region codes to names
//! (`"regions"`); a translation whose `{0}`, `{1}`… placeholders differ from the English ones
//! is not used. `tests/locales.rs` holds every file to the keys here. `{0}`, `{1}`… are filled
//! by [`tf`]. Times and other region names come from the browser's `Intl` (no locale data in
//! the wasm).

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::JsValue;
#[cfg(feature = "admin")]
use yew::prelude::*;

use crate::core::decimal::{fixed, push_digits};

/// A supported UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// English (United States).
    EnUs,
    /// English (United Kingdom).
    EnGb,
    /// Danish (Denmark).
    DaDk,
    /// French (Canada).
    FrCa,
    /// Spanish (Puerto Rico).
    EsPr,
    /// German (Germany).
    DeDe,
}

impl Lang {
    /// The language for a BCP 47 tag, if supported (`en-AU` reads as en-GB, `fr-FR` as fr-CA…).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let lang = tag.split('-').next().unwrap_or("");
        Some(match lang {
            "da" => Lang::DaDk,
            "fr" => Lang::FrCa,
            "es" => Lang::EsPr,
            "de" => Lang::DeDe,
            "en" => match tag.get(3..5) {
                Some("gb" | "ie" | "au" | "nz" | "za" | "in") => Lang::EnGb,
                _ => Lang::EnUs,
            },
            _ => return None,
        })
    }

    /// `config.locale`, else the browser's languages, else en-US.
    pub fn resolve(configured: Option<&str>) -> Lang {
        if let Some(lang) = configured.and_then(Lang::from_tag) {
            return lang;
        }
        // Read in locale.js under `try`: a page that replaced `navigator.languages` with a
        // getter that throws gets en-US, not an exception through the render.
        languages()
            .split(',')
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::EnUs)
    }

    /// The BCP 47 tag (for `lang=`, `Intl` and the locale file's name).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::EnUs => "en-US",
            Lang::EnGb => "en-GB",
            Lang::DaDk => "da-DK",
            Lang::FrCa => "fr-CA",
            Lang::EsPr => "es-PR",
            Lang::DeDe => "de-DE",
        }
    }

    /// True for the languages whose strings come from a locale file.
    pub fn fetched(self) -> bool {
        !matches!(self, Lang::EnUs | Lang::EnGb)
    }

    /// True when the decimal separator (for coordinates) is a comma, not a point.
    fn decimal_comma(self) -> bool {
        matches!(self, Lang::DaDk | Lang::FrCa | Lang::DeDe)
    }
}

macro_rules! keys {
    ($($key:ident => $en:literal,)* ; $($admin:ident => $admin_en:literal,)*) => {
        /// A translatable string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum Key {
            $($key,)*
            $(#[cfg(any(feature = "admin", not(target_arch = "wasm32")))] $admin,)*
        }

        /// The en-US text of every [`Key`], in order: the built-in strings, and what a locale
        /// file translates.
        pub const ENGLISH: &[&str] = &[
            $($en,)*
            $(#[cfg(any(feature = "admin", not(target_arch = "wasm32")))] $admin_en,)*
        ];
    };
}

keys! {
    Phone => "Phone",
    Number => "Number",
    Call => "Call",
    DeleteDigit => "Delete last digit",
    Keypad => "Keypad",
    Calling => "Calling…",
    Ringing => "Ringing…",
    Connecting => "Connecting…",
    Connected => "Connected",
    OnHold => "On hold",
    CallEnded => "Call ended",
    AnnounceCalling => "Calling {0}",
    CurrentCall => "Current call",
    CallDuration => "Call duration",
    IncomingCall => "Incoming call",
    IncomingFrom => "Incoming call from {0}",
    Answer => "Answer",
    Decline => "Decline",
    Mute => "Mute",
    Hold => "Hold",
    Resume => "Resume",
    EndCall => "End call",
    HeldCall => "On hold: {0}",
    EmergencyInProgress => "Emergency call in progress",
    EmergencyOtherTab => "Emergency call in progress in another tab ({0})",
    EmergencyCallback => "The emergency service is calling back",
    EmergencyStay => "Stay on the line and follow the dispatcher's instructions.",
    EmergencyUnconfirmed => "The phone system has not confirmed this call. Stay on the line if you hear the emergency service; if you don't, use another phone now.",
    EmergencyStillOn => "The page was reloaded during an emergency call. Is the emergency call still going on?",
    EmergencyStillOnYes => "Yes, I'm still on the call",
    EmergencyStillOnNo => "No, it has ended",
    EmergencyNumber => "Number",
    LocationSent => "Location sent",
    LocationUnknown => "Location unknown — tell the dispatcher where you are.",
    OutsideRegion => "You are in {0}, where this dialer does not support emergency calls — tell the dispatcher where you are.",
    NoLocation => "No position known",
    CallbackNumber => "Callback number",
    CallbackValid => "Valid for {0} (until {1})",
    CallbackWindow => "Keep this line free: the emergency service may call back on {0}.",
    Contacts => "Emergency contacts",
    NotifSending => "Sending email…",
    NotifSent => "Email sent",
    NotifFailed => "Email could not be sent",
    NotifSkipped => "None configured",
    Dismiss => "Dismiss",
    ErrEmpty => "Enter a number to dial.",
    ErrTooLong => "A number has at most {0} characters.",
    ErrNoDigits => "The number has no digits.",
    ErrChar => "“{0}” (character {1}) is not part of a phone number.",
    ErrPlus => "“+” (character {0}) can only come first.",
    ErrPause => "The pause “{0}” (character {1}) must come after the number.",
    ErrExtension => "The extension (character {0}) can't be dialed as letters: type a pause (“,” or “p”) before the extension digits.",
    EndCurrentFirst => "End the current call first.",
    Unsupported => "Emergency calls can't be placed from this dialer in {0}. Use another phone and dial {1}.",
    UnsupportedNoNumber => "Emergency calls can't be placed from this dialer in {0}. Use another phone and dial the local emergency number.",
    EmergencyFailed => "The emergency call could not be placed. Use another phone now.",
    EmergencyDropped => "The emergency call was disconnected. Stay available: the emergency service can call you back on {0}.",
    EmergencyDroppedNoNumber => "The emergency call was disconnected. Stay available for the emergency service's callback.",
    CallFailed => "The call failed: {0}",
    PresenceNotRestored => "Your status before the emergency call is not known. Set your presence again.",
    ProblemPresenceSet => "Presence could not be set.",
    ProblemPresenceGet => "Presence could not be read.",
    ProblemEmail => "The emergency email could not be sent.",
    ProblemStorage => "The browser could not save the emergency state.",
    ProblemLocation => "The browser location could not be read.",
    ProblemTranslations => "The translations could not be loaded: the phone is shown in English.",
    ProblemOther => "The workspace could not complete {0}.",
    Ready => "Emergency calling ready",
    OneIssue => "1 issue",
    Issues => "{0} issues",
    ReadinessTitle => "Emergency calling",
    CheckOk => "OK",
    CheckFail => "Action needed",
    LocationOk => "Browser location is on.",
    LocationFix => "Browser location is off: allow location for this site in the browser's settings.",
    RegionOk => "Your location is in a supported region.",
    RegionFix => "Your location is not in a supported region (or not known yet): use another phone for emergency calls.",
    ProfileOk => "Your profile allows outbound calls.",
    ProfileFix => "Ask your administrator to map your capacity profile to a voice outbound profile.",
    MailboxOk => "Your mailbox can send the notification.",
    MailboxFix => "Ask your administrator to enable your mailbox for emergency notifications.",
    RoutingOk => "Emergency calls can be routed.",
    RoutingFix => "No route for emergency calls: ask your administrator for a calling-plan number or a carrier emergency rule.",
    ContactsOk => "Emergency contacts are valid.",
    ContactsFix => "Emergency contacts are missing or not valid email addresses: ask your administrator to set them.",
    Settings => "Settings",
    ContactsReadOnly => "Emailed about your emergency calls: {0}",
    ContactsNone => "Nobody is emailed about your emergency calls.",
    AudioDevices => "Audio devices",
    Microphone => "Microphone",
    Speaker => "Speaker",
    SystemDefault => "System default",
    DevicesHint => "Device names appear once this site may use the microphone.",
    ;
    // The administrators' settings editor only (cargo feature `admin`): left out of the
    // agent's wasm (issue 16); native builds (tests, tools) hold them all.
    SettingsTitle => "Emergency notification",
    Recipients => "Emergency contacts (email)",
    RecipientsHelp => "Separate addresses with semicolons.",
    RecipientBad => "Entry {0} (“{1}”) is not an email address.",
    Subject => "Subject",
    Body => "Message",
    Placeholders => "Placeholders",
    Preview => "Preview (sample values)",
    Save => "Save",
    Saved => "Saved.",
    UnknownPlaceholder => "Unknown placeholder {0}.",
    UnknownPlaceholderHint => "Unknown placeholder {0}. Did you mean {1}?",
    RecipientInvalid => "Entry {0} (“{1}”) is not a valid email address.",
    SettingsFor => "Emergency settings: {0}",
    Discard => "Discard changes",
    Saving => "Saving…",
    Unsaved => "Unsaved changes",
    SaveFailed => "Not saved: {0}. Your changes are kept here; try again.",
    SaveTimedOut => "Not saved: the workspace did not answer within {0} seconds. Your changes are kept here; try again.",
    SaveInvalid => "Not saved: correct the marked fields first.",
    SaveUnchanged => "No changes to save.",
    DraftRestored => "Unsaved changes from your last visit were restored: save or discard them.",
    DraftStale => "The saved settings have changed since these edits were made: check them before saving.",
    DraftNotKept => "This browser cannot keep a copy of unsaved changes ({0}): save them before leaving.",
    NoRecipients => "Nobody will be emailed when this agent makes an emergency call.",
    PreviewTo => "To: {0}",
    Nobody => "nobody",
    TplAtSubject => "Subject, character {0}",
    TplAtBody => "Message, line {0}, character {1}",
    TplEmpty => "empty placeholder {}: put a placeholder name between the braces, or write {{}} for literal braces.",
    TplUnclosed => "“{” is not closed by “}” on the same line; write {{ for a literal brace.",
}

/// Where en-GB differs from en-US.
fn british(key: Key) -> Option<&'static str> {
    Some(match key {
        Key::EmergencyStay => "Stay on the line and follow the call handler's instructions.",
        Key::LocationUnknown => "Location unknown — tell the call handler where you are.",
        Key::OutsideRegion => "You are in {0}, where this dialer does not support emergency calls — tell the call handler where you are.",
        Key::ErrExtension => "The extension (character {0}) can't be dialled as letters: type a pause (“,” or “p”) before the extension digits.",
        _ => return None,
    })
}

/// The regions named in the UI's own words (in a sentence: "the United States"); others come
/// from `Intl.DisplayNames`.
const REGIONS: [(&str, &str); 6] = [
    ("US", "the United States"),
    ("CA", "Canada"),
    ("PR", "Puerto Rico"),
    ("GB", "the United Kingdom"),
    ("DK", "Denmark"),
    ("DE", "Germany"),
];

/// One language's translations, as read from its locale file (leaked: at most one per
/// language and page, so `t` can hand out `&'static str`).
struct Table {
    lang: Lang,
    strings: Vec<Option<&'static str>>,
    regions: Vec<Option<&'static str>>,
}

/// What became of a language's locale file in this page.
enum Load {
    /// Being fetched; these run when it is done.
    Pending(Lang, Vec<Box<dyn FnOnce(Result<(), String>)>>),
    /// Failed; fetched again by the next widget that needs it.
    Failed(Lang),
}

thread_local! {
    static TABLES: RefCell<Vec<Table>> = const { RefCell::new(Vec::new()) };
    static LOADS: RefCell<Vec<Load>> = const { RefCell::new(Vec::new()) };
    static WATCHERS: RefCell<Vec<Weak<dyn Fn()>>> = const { RefCell::new(Vec::new()) };
}

/// The string for `key` in `lang` (English until `lang`'s locale file has arrived).
pub fn t(lang: Lang, key: Key) -> &'static str {
    match (lang, british(key)) {
        (Lang::EnGb, Some(british)) => british,
        _ => t_index(lang, key as usize),
    }
}

/// [`t`] by the key's index in [`ENGLISH`] (en-GB's differences aside).
#[doc(hidden)]
pub fn t_index(lang: Lang, index: usize) -> &'static str {
    let english = ENGLISH.get(index).copied().unwrap_or_default();
    if !lang.fetched() {
        return english;
    }
    TABLES
        .with(|tables| {
            let tables = tables.borrow();
            let table = tables.iter().find(|t| t.lang == lang)?;
            table.strings.get(index).copied().flatten()
        })
        .unwrap_or(english)
}

/// True when `lang`'s strings are all here (built in, or its locale file has arrived).
pub fn ready(lang: Lang) -> bool {
    !lang.fetched() || TABLES.with(|t| t.borrow().iter().any(|t| t.lang == lang))
}

/// The language the UI is shown in for `lang` now: `lang` when its strings are here, else
/// en-US (what `lang=` says, so that screen readers read English text as English).
pub fn shown(lang: Lang) -> Lang {
    if ready(lang) {
        lang
    } else {
        Lang::EnUs
    }
}

/// Which of `{0}`…`{9}` `text` uses, as a bit mask.
fn placeholders(text: &str) -> u32 {
    text.as_bytes()
        .windows(3)
        .filter(|w| w[0] == b'{' && w[1].is_ascii_digit() && w[2] == b'}')
        .fold(0, |mask, w| mask | 1 << (w[1] - b'0'))
}

/// Takes up `lang`'s locale file, already parsed (`{ strings: { "<en-US text>": "…" },
/// regions: { "US": "…" } }`); see [`install_with`].
pub fn install(lang: Lang, file: &JsValue) -> Result<(), String> {
    install_with(lang, &|en| pick(file, "strings", en), &|code| {
        pick(file, "regions", code)
    })
}

/// Takes up `lang`'s translations: `string(en)` translates the en-US text `en`, `region(code)`
/// names a region. Translations whose placeholders differ from the English ones are left out
/// (those keys stay English). Fails, changing nothing, when none of the strings is
/// translated. A language taken up once stays for the page.
pub fn install_with(
    lang: Lang,
    string: &dyn Fn(&str) -> Option<String>,
    region: &dyn Fn(&str) -> Option<String>,
) -> Result<(), String> {
    if !lang.fetched() || ready(lang) {
        return Ok(());
    }
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let strings: Vec<Option<&'static str>> = ENGLISH
        .iter()
        .map(|en| {
            string(en)
                .filter(|tr| placeholders(tr) == placeholders(en))
                .map(leak)
        })
        .collect();
    if strings.iter().all(Option::is_none) {
        return Err(format!(
            "the {} locale file translates none of the strings",
            lang.tag()
        ));
    }
    let regions = REGIONS
        .iter()
        .map(|(code, _)| region(code).map(leak))
        .collect();
    TABLES.with(|t| {
        t.borrow_mut().push(Table {
            lang,
            strings,
            regions,
        })
    });
    // Every component showing text renders again (no borrow held while they are told).
    let watchers: Vec<_> = WATCHERS.with(|w| w.borrow().iter().filter_map(Weak::upgrade).collect());
    for watcher in watchers {
        watcher();
    }
    Ok(())
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/ui/locale.js")]
extern "C" {
    #[wasm_bindgen(js_name = fetchLocale)]
    fn fetch_locale(tag: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = regionName)]
    fn intl_region(tag: &str, code: &str) -> Option<String>;
    #[wasm_bindgen(js_name = clockTime)]
    fn clock_time(tag: &str, ms: f64) -> String;
    fn languages() -> String;
    fn pick(file: &JsValue, group: &str, key: &str) -> Option<String>;
    #[wasm_bindgen(js_name = settle)]
    fn settle_js(value: &JsValue, done: JsValue);
}

/// Runs `done` with what `value` (a promise, or anything) settles to, in a microtask at the
/// earliest (locale.js `settle`): the UI's promises without an async executor in the wasm.
pub(crate) fn settle(value: &JsValue, done: Box<dyn FnOnce(Result<JsValue, JsValue>)>) {
    let done = wasm_bindgen::closure::Closure::once_into_js(move |ok: bool, v: JsValue| {
        done(if ok { Ok(v) } else { Err(v) })
    });
    settle_js(value, done);
}

/// Fetches `lang`'s locale file once per page (a failed fetch is tried again by the next
/// caller); `done` runs when it has been taken up, or with why not.
pub fn load(lang: Lang, done: impl FnOnce(Result<(), String>) + 'static) {
    if ready(lang) {
        done(Ok(()));
        return;
    }
    let start = LOADS.with(|loads| {
        let mut loads = loads.borrow_mut();
        loads.retain(|l| !matches!(l, Load::Failed(failed) if *failed == lang));
        for l in loads.iter_mut() {
            if let Load::Pending(pending, waiters) = l {
                if *pending == lang {
                    waiters.push(Box::new(done));
                    return false;
                }
            }
        }
        loads.push(Load::Pending(lang, vec![Box::new(done)]));
        true
    });
    if !start {
        return;
    }
    settle(
        &fetch_locale(lang.tag()),
        Box::new(move |file| loaded(lang, file)),
    );
}

/// `lang`'s locale file arrived (or could not be fetched): taken up, and every waiter told.
fn loaded(lang: Lang, file: Result<JsValue, JsValue>) {
    let result = match file {
        Ok(file) => install(lang, &file),
        // Taken up meanwhile by other means (`install`): nothing is missing.
        Err(_) if ready(lang) => Ok(()),
        Err(e) => Err(format!(
            "the {} translations could not be loaded ({}); showing English",
            lang.tag(),
            super::dom::describe(&e)
        )),
    };
    let waiters = LOADS.with(|loads| {
        let mut loads = loads.borrow_mut();
        let at = loads
            .iter()
            .position(|l| matches!(l, Load::Pending(p, _) if *p == lang));
        let waiters = match at.map(|i| loads.remove(i)) {
            Some(Load::Pending(_, w)) => w,
            _ => Vec::new(),
        };
        if result.is_err() {
            loads.push(Load::Failed(lang));
        }
        waiters
    });
    for done in waiters {
        done(result.clone());
    }
}

/// Told whenever a locale file is taken up, until dropped (it holds the only strong
/// reference to what is told: the list of watchers holds them weakly).
pub struct Watch(#[allow(dead_code)] Rc<dyn Fn()>);

/// Calls `f` whenever a locale file is taken up, for as long as the returned [`Watch`] lives
/// (the pane shows its new strings then).
pub fn watch(f: Rc<dyn Fn()>) -> Watch {
    WATCHERS.with(|w| {
        let mut w = w.borrow_mut();
        // The watches dropped since are forgotten here.
        w.retain(|c| c.strong_count() > 0);
        w.push(Rc::downgrade(&f));
    });
    Watch(f)
}

/// For the settings surface (Yew, cargo feature `admin`): fetches `lang`'s locale file when
/// it is not here yet; `on_error` hears why it could not be fetched (the form stays in
/// English). What is shown follows through [`use_lang`].
#[cfg(feature = "admin")]
#[hook]
pub fn use_locale_file(lang: Lang, on_error: Option<Callback<String>>) {
    use_effect_with(lang, move |&lang| {
        let alive = Rc::new(std::cell::Cell::new(true));
        let still = alive.clone();
        load(lang, move |result| {
            if let (true, Err(message), Some(on_error)) = (still.get(), result, on_error) {
                on_error.emit(message);
            }
        });
        move || alive.set(false)
    });
}

/// `lang`, for a Yew component that shows text: it renders again whenever a locale file is
/// taken up, while mounted (its props may not change when its strings do).
#[cfg(feature = "admin")]
#[hook]
pub fn use_lang(lang: Lang) -> Lang {
    let update = use_force_update();
    use_effect_with((), move |_| {
        let watch = watch(Rc::new(move || update.force_update()));
        move || drop(watch)
    });
    lang
}

/// [`t`] with `{0}`, `{1}`… replaced by `args` (in one pass: what an argument holds is never
/// read as a placeholder; a placeholder without an argument stays as it is).
pub fn tf(lang: Lang, key: Key, args: &[&str]) -> String {
    let mut rest = t(lang, key);
    let mut out = String::with_capacity(rest.len() + 16);
    while let Some(at) = rest.find('{') {
        out.push_str(rest.get(..at).unwrap_or(""));
        let b = rest.as_bytes();
        let arg = match (b.get(at + 1), b.get(at + 2)) {
            (Some(d @ b'0'..=b'9'), Some(b'}')) => args.get(usize::from(d - b'0')),
            _ => None,
        };
        match arg {
            Some(a) => {
                out.push_str(a);
                rest = rest.get(at + 3..).unwrap_or("");
            }
            None => {
                out.push('{');
                rest = rest.get(at + 1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// The region's name in `lang` (the six the UI names in its own words, others from
/// `Intl.DisplayNames`), falling back to the code.
pub fn region_name(lang: Lang, code: &str) -> String {
    if let Some(at) = REGIONS.iter().position(|(c, _)| *c == code) {
        let translated = TABLES.with(|tables| {
            let tables = tables.borrow();
            let table = tables.iter().find(|t| t.lang == lang)?;
            table.regions.get(at).copied().flatten()
        });
        return translated.unwrap_or(REGIONS[at].1).to_string();
    }
    intl_region(lang.tag(), code).unwrap_or_else(|| code.to_string())
}

/// A wall-clock time (`Date.now()` milliseconds) as the locale writes it: 12 h or 24 h.
pub fn time(lang: Lang, ms: u64) -> String {
    clock_time(lang.tag(), ms as f64)
}

/// A duration as `m:ss` (or `h:mm:ss`).
pub fn duration(ms: u64) -> String {
    let s = ms / 1000;
    let mut out = String::new();
    match s / 3600 {
        0 => push_digits(&mut out, s / 60, 1),
        h => {
            push_digits(&mut out, h, 1);
            out.push(':');
            push_digits(&mut out, s / 60 % 60, 2);
        }
    }
    out.push(':');
    push_digits(&mut out, s % 60, 2);
    out
}

/// `n` in decimal (no `format!` or `Display`: issue 16).
pub fn number(n: u64) -> String {
    let mut out = String::new();
    push_digits(&mut out, n, 1);
    out
}

/// A decimal number with `places` decimals and the locale's separator.
pub fn decimal(lang: Lang, value: f64, places: u32) -> String {
    let s = fixed(value, places);
    if lang.decimal_comma() {
        s.replace('.', ",")
    } else {
        s
    }
}

/// The locale files as shipped, by language (for tests: `include_str!`ed, so a native test
/// can take them up without a browser).
#[doc(hidden)]
pub const LOCALE_FILES: [(Lang, &str); 4] = [
    (Lang::DaDk, include_str!("../../www/locales/da-DK.json")),
    (Lang::FrCa, include_str!("../../www/locales/fr-CA.json")),
    (Lang::EsPr, include_str!("../../www/locales/es-PR.json")),
    (Lang::DeDe, include_str!("../../www/locales/de-DE.json")),
];

/// Takes up every shipped locale file (native tests).
#[cfg(test)]
pub(crate) fn install_shipped() {
    for (lang, file) in LOCALE_FILES {
        let file: serde_json::Value = serde_json::from_str(file).expect("a locale file is JSON");
        let get = |group: &str, key: &str| file[group][key].as_str().map(String::from);
        install_with(lang, &|en| get("strings", en), &|code| get("regions", code))
            .expect("a shipped locale file is taken up");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_read_as_languages() {
        let cases = [
            ("da-DK", Some(Lang::DaDk)),
            ("da", Some(Lang::DaDk)),
            (" DE_at ", Some(Lang::DeDe)),
            ("fr-FR", Some(Lang::FrCa)),
            ("es-419", Some(Lang::EsPr)),
            ("en", Some(Lang::EnUs)),
            ("en-US", Some(Lang::EnUs)),
            ("en-g", Some(Lang::EnUs)),
            ("EN_GB", Some(Lang::EnGb)),
            ("en-AU", Some(Lang::EnGb)),
            ("en-in-x", Some(Lang::EnGb)),
            ("en-ZA", Some(Lang::EnGb)),
            ("dan", None),
            ("d", None),
            ("", None),
            ("nl-NL", None),
            ("dé", None),
        ];
        for (tag, lang) in cases {
            assert_eq!(Lang::from_tag(tag), lang, "{tag:?}");
        }
    }

    #[test]
    fn durations_read_as_clocks() {
        assert_eq!(duration(0), "0:00");
        assert_eq!(duration(59_999), "0:59");
        assert_eq!(duration(61_000), "1:01");
        assert_eq!(duration(3_599_000), "59:59");
        assert_eq!(duration(3_600_000), "1:00:00");
        assert_eq!(duration(36_062_000), "10:01:02");
        assert_eq!(duration(u64::MAX), "5124095576030:25:51");
    }

    #[test]
    fn coordinates_use_the_languages_decimal_separator() {
        assert_eq!(decimal(Lang::EnUs, 40.7484, 5), "40.74840");
        assert_eq!(decimal(Lang::EnGb, -73.9857, 5), "-73.98570");
        for lang in [Lang::DaDk, Lang::FrCa, Lang::DeDe] {
            assert_eq!(decimal(lang, -73.9857, 5), "-73,98570", "{lang:?}");
            assert_eq!(decimal(lang, 25.0, 0), "25", "{lang:?}");
        }
        assert_eq!(decimal(Lang::EsPr, 40.7484, 5), "40.74840");
    }

    #[test]
    fn placeholders_are_filled_once() {
        assert_eq!(
            tf(Lang::EnUs, Key::CallbackValid, &["1:00", "3:05 PM"]),
            "Valid for 1:00 (until 3:05 PM)"
        );
        // What an argument holds is shown as is, never filled in turn.
        assert_eq!(
            tf(Lang::EnUs, Key::ErrChar, &["{1}", "4"]),
            "“{1}” (character 4) is not part of a phone number."
        );
        // A placeholder without an argument stays; a lone brace is kept.
        assert_eq!(
            tf(Lang::EnUs, Key::ErrChar, &["{"]),
            "“{” (character {1}) is not part of a phone number."
        );
    }
}
