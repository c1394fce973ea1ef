//! The pane: built once at mount from the core's view model, then updated in place on every
//! new view (only what changed is touched: what the agent typed, and the focus, stay). Routes
//! the agent's actions to the driver as [`Event`]s. No call logic here: what may be done comes
//! from `view.controls` (in emergency mode only End call and the audio devices, E5).
//!
//! The first render is synchronous: the dialer is in the document when [`Pane::mount`]
//! returns. Listeners live in the parts that own them and go with them; every one reaches
//! the pane through a weak [`Sender`], so nothing outlives [`Pane::unmount`].

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo_events::EventListener;
use gloo_timers::callback::Interval;
use web_sys::{Document, Element, Node};

use super::call_pane::CallPane;
use super::clock::wall_clock;
use super::devices::{store, Device, Devices, INPUT_KEY, OUTPUT_KEY};
use super::dialpad::Dialpad;
use super::dom::{
    add, add_icon, append, bool_str, focus, make, remove, set_attr, set_class, set_text, text,
    Part, Sender, Slot,
};
use super::emergency_banner::{callback_validity, EmergencyBanner};
use super::i18n::{self, shown, t, tf, Key, Lang};
use super::icons::Icon;
use super::ids::Ids;
use super::incoming::{self, Incoming};
use super::notices::{dial_error, Notices};
use super::readiness::Readiness;
use super::settings_link::SettingsLink;
use crate::core::flow::Notice;
use crate::core::wire::CallStatus;
use crate::core::{Binding, Event, ViewModel};

/// What a listener (or a timer, or a fetch) tells the pane.
pub enum Msg {
    /// An action for the core, as is.
    Emit(Event),
    /// Call pressed (or Enter): dial what is in the field.
    Dial,
    /// A dial-pad key: added to the field.
    Key(char),
    /// The last character of the field deleted.
    Backspace,
    /// A DTMF key.
    Dtmf(char),
    /// Mute toggled.
    Mute,
    /// Hold toggled.
    Hold,
    /// The settings form opened or closed.
    ToggleSettings,
    /// The readiness list opened or closed.
    ToggleReadiness,
    /// The DTMF keypad opened or closed.
    ToggleDtmf,
    /// The audio devices opened or closed.
    ToggleDevices,
    /// The browser's audio devices.
    Devices(Vec<Device>),
    /// The stored device choice, offered once after mount.
    Restore((Option<String>, Option<String>)),
    /// A device chosen (`None`: system default).
    Choose { input: bool, value: Option<String> },
    /// A second passed.
    Tick,
    /// A locale file was taken up.
    Strings,
}

/// What every part's update needs: the document, this widget's ids, where its listeners send,
/// the language, and how many locale files have arrived (parts showing text rebuild when it
/// changes).
#[derive(Clone, Copy)]
pub struct Cx<'a> {
    /// The document the pane is in.
    pub doc: &'a Document,
    /// This widget's element ids.
    pub ids: &'a Ids,
    /// Where listeners send.
    pub tx: &'a Sender<Msg>,
    /// The language.
    pub lang: Lang,
    /// Locale files taken up so far.
    pub strings: u32,
}

/// What the polite live region says about the call (announced when it changes).
fn call_announcement(lang: Lang, view: &ViewModel) -> Option<String> {
    let c = view.call.as_ref()?;
    Some(match c.status {
        CallStatus::Dialing => tf(lang, Key::AnnounceCalling, &[&c.number]),
        CallStatus::Ringing => t(lang, Key::Ringing).into(),
        CallStatus::Answering => t(lang, Key::Connecting).into(),
        CallStatus::Connected if c.on_hold => t(lang, Key::OnHold).into(),
        CallStatus::Connected => t(lang, Key::Connected).into(),
    })
}

/// Title, readiness and the settings toggle (not in emergency mode).
struct Header {
    el: Element,
    title: Element,
    readiness: Readiness,
    settings: Slot<Element>,
    listener: Option<EventListener>,
}

impl Header {
    fn new(doc: &Document, ids: &Ids, tx: &Sender<Msg>) -> Header {
        let el = make(doc, "header", "ad-header", &[]);
        let title = add(doc, &el, "h2", "ad-title", &[]);
        let readiness = Readiness::add(doc, &el, ids, tx);
        let settings = Slot::add(&el);
        Header {
            el,
            title,
            readiness,
            settings,
            listener: None,
        }
    }

    fn update(&mut self, cx: &Cx, view: &ViewModel, offer: bool, open: bool) {
        let (doc, ids, tx, lang) = (cx.doc, cx.ids, cx.tx, cx.lang);
        set_text(&self.title, t(lang, Key::Phone));
        self.readiness.update(cx, &view.readiness, &view.contacts);
        let listener = &mut self.listener;
        self.settings.set(
            offer,
            || {
                let b = make(
                    doc,
                    "button",
                    "ad-icon-button",
                    &[("type", "button"), ("data-test", "settings-toggle")],
                );
                ids.set(&b, "aria-controls", "settings-panel");
                add_icon(doc, &b, Icon::Settings);
                *listener = Some(tx.click(&b, || Msg::ToggleSettings));
                b
            },
            |b| {
                let label = t(lang, Key::Settings);
                set_attr(b, "aria-label", Some(label));
                set_attr(b, "title", Some(label));
                set_attr(b, "aria-expanded", Some(bool_str(open)));
            },
        );
    }
}

impl Part for Header {
    fn root(&self) -> &Element {
        &self.el
    }
}

/// The open callback window (outside emergency mode).
struct CallbackCard {
    el: Element,
    text: Node,
    remaining: Node,
}

impl Part for CallbackCard {
    fn root(&self) -> &Element {
        &self.el
    }
}

/// Everything shown, and what the pane remembers between views.
struct Parts {
    header: Slot<Header>,
    peer: Slot<Element>,
    banner: Slot<EmergencyBanner>,
    notices: Slot<Notices>,
    announcer: Element,
    incoming: Slot<Incoming>,
    call: Slot<CallPane>,
    callback: Slot<CallbackCard>,
    #[cfg(feature = "admin")]
    settings: Slot<super::settings_panel::Hosted>,
    dialpad: Slot<Dialpad>,
    devices: Slot<Devices>,
    settings_open: bool,
    /// What the announcer last said about the call (`None`: nothing rendered yet).
    said: Option<Option<String>>,
    /// Emergency mode in the last render (`None`: nothing rendered yet).
    was_emergency: Option<bool>,
    /// Ticks while a call or a callback window is shown.
    clock: Option<Interval>,
    /// The language whose locale file was asked for.
    lang: Option<Lang>,
}

/// What to do once a render is over (no borrow held: focus handlers and fetches may re-enter).
struct After {
    focus: Option<Element>,
    load: Option<Lang>,
}

struct Inner {
    me: Weak<Inner>,
    doc: Document,
    root: Element,
    ids: Ids,
    emit: Rc<dyn Fn(Event)>,
    settings: Option<SettingsLink>,
    view: RefCell<Rc<ViewModel>>,
    parts: RefCell<Option<Parts>>,
    tx: Sender<Msg>,
    /// Owns the function every [`Sender`] reaches (weakly).
    _handler: Rc<dyn Fn(Msg)>,
    /// Counts the locale files taken up.
    strings: Cell<u32>,
    /// Counts the locale files asked for: an error about an older one is not reported.
    asked: Cell<u32>,
    applying: Cell<bool>,
    dirty: Cell<bool>,
    gone: Cell<bool>,
    _watch: RefCell<Option<i18n::Watch>>,
}

/// The agent's pane, mounted in a host element.
pub struct Pane(Rc<Inner>);

impl Pane {
    /// Builds the pane for `view` in `container` (a `section` appended to it) and renders it
    /// before returning. `emit` hears the agent's actions; `instance` makes the element ids
    /// unique in the document; `settings` is the emergency settings editor, when the host lets
    /// this user edit them in the pane (without it the pane only shows who is told).
    pub fn mount(
        container: &Element,
        view: ViewModel,
        instance: u32,
        settings: Option<SettingsLink>,
        emit: impl Fn(Event) + 'static,
    ) -> Pane {
        Pane::mount_dyn(container, view, instance, settings, Rc::new(emit))
    }

    /// [`Pane::mount`] for any `emit`: one copy of the pane's building in the wasm, whichever
    /// closure the caller hands in (the widget's driver, the warm-up's).
    #[inline(never)]
    fn mount_dyn(
        container: &Element,
        view: ViewModel,
        instance: u32,
        settings: Option<SettingsLink>,
        emit: Rc<dyn Fn(Event)>,
    ) -> Pane {
        let doc = super::dom::document_of(container);
        let root = make(&doc, "section", "ad-root", &[("data-test", "dialer")]);
        let inner = Rc::new_cyclic(|me: &Weak<Inner>| {
            let weak = me.clone();
            let handler: Rc<dyn Fn(Msg)> = Rc::new(move |m| {
                if let Some(inner) = weak.upgrade() {
                    inner.handle(m);
                }
            });
            Inner {
                me: me.clone(),
                tx: Sender::new(&handler),
                _handler: handler,
                ids: Ids::for_instance(instance),
                emit,
                settings,
                view: RefCell::new(Rc::new(view)),
                parts: RefCell::new(None),
                strings: Cell::new(0),
                asked: Cell::new(0),
                applying: Cell::new(false),
                dirty: Cell::new(false),
                gone: Cell::new(false),
                _watch: RefCell::new(None),
                root,
                doc,
            }
        });
        let tx = inner.tx.clone();
        *inner._watch.borrow_mut() = Some(i18n::watch(Rc::new(move || tx.send(Msg::Strings))));
        *inner.parts.borrow_mut() = Some(inner.build());
        append(container, &inner.root);
        inner.apply();
        Pane(inner)
    }

    /// Shows `view`. Only what differs from the document is touched: every update compares
    /// and sets (as the clock's tick does with the same view), so a view equal to the last
    /// one changes nothing, without a comparison of whole views in the wasm (issue 16).
    pub fn update(&self, view: ViewModel) {
        *self.0.view.borrow_mut() = Rc::new(view);
        self.0.apply();
    }

    /// Removes the pane and releases every listener and timer. Idempotent.
    pub fn unmount(&self) {
        let inner = &self.0;
        if inner.gone.replace(true) {
            return;
        }
        remove(&inner.root);
        inner._watch.borrow_mut().take();
        // Mid-render (a focus handler that unmounts): the parts go with the pane.
        let parts = inner.parts.try_borrow_mut().ok().and_then(|mut p| p.take());
        drop(parts);
    }
}

impl Drop for Pane {
    fn drop(&mut self) {
        self.unmount();
    }
}

impl Inner {
    /// The parts, in the order they are shown.
    fn build(&self) -> Parts {
        let (doc, root): (&Document, &Node) = (&self.doc, &self.root);
        Parts {
            header: Slot::add(root),
            peer: Slot::add(root),
            banner: Slot::add(root),
            notices: Slot::add(root),
            announcer: add(
                doc,
                root,
                "div",
                "ad-visually-hidden",
                &[("aria-live", "polite"), ("data-test", "announcer")],
            ),
            incoming: Slot::add(root),
            call: Slot::add(root),
            callback: Slot::add(root),
            #[cfg(feature = "admin")]
            settings: Slot::add(root),
            dialpad: Slot::add(root),
            devices: Slot::add(root),
            settings_open: false,
            said: None,
            was_emergency: None,
            clock: None,
            lang: None,
        }
    }

    /// `f` on the parts, unless the pane is gone or they are in use (a render under way).
    fn with<R>(&self, f: impl FnOnce(&mut Parts) -> R) -> Option<R> {
        let mut parts = self.parts.try_borrow_mut().ok()?;
        parts.as_mut().map(f)
    }

    fn view(&self) -> Rc<ViewModel> {
        self.view.borrow().clone()
    }

    fn handle(&self, m: Msg) {
        if self.gone.get() {
            return;
        }
        let emit = |e: Event| (self.emit)(e);
        match m {
            Msg::Emit(e) => emit(e),
            Msg::Dial => {
                let dialed = self.with(|p| p.dialpad.get().map(|d| d.value()));
                emit(Event::Dial {
                    dialed: dialed.flatten().unwrap_or_default(),
                });
            }
            Msg::Key(k) => {
                self.with(|p| {
                    if let Some(d) = p.dialpad.get() {
                        let mut v = d.value();
                        v.push(k);
                        d.set_value(&v);
                    }
                });
            }
            Msg::Backspace => {
                self.with(|p| {
                    if let Some(d) = p.dialpad.get() {
                        let mut v = d.value();
                        v.pop();
                        d.set_value(&v);
                    }
                });
            }
            Msg::Dtmf(d) => {
                self.with(|p| p.call.get().map(|c| c.sent.push(d)));
                self.apply();
                emit(Event::SendDtmf(d.to_string()));
            }
            Msg::Mute => {
                let muted = self.view().call.as_ref().map(|c| c.muted);
                if let Some(muted) = muted {
                    emit(Event::SetMute(!muted));
                }
            }
            Msg::Hold => {
                let held = self.view().call.as_ref().map(|c| c.on_hold);
                if let Some(held) = held {
                    emit(Event::SetHold(!held));
                }
            }
            Msg::ToggleSettings => self.local(|p| p.settings_open = !p.settings_open),
            Msg::ToggleReadiness => self.local(|p| {
                if let Some(h) = p.header.get() {
                    h.readiness.open = !h.readiness.open;
                }
            }),
            Msg::ToggleDtmf => self.local(|p| {
                if let Some(c) = p.call.get() {
                    c.dtmf_open = !c.dtmf_open;
                }
            }),
            Msg::ToggleDevices => self.local(|p| {
                if let Some(d) = p.devices.get() {
                    d.open = !d.open;
                }
            }),
            Msg::Devices(list) => self.local(|p| {
                if let Some(d) = p.devices.get() {
                    d.list(list);
                }
            }),
            Msg::Restore(wanted) => {
                if wanted != self.view().audio_devices {
                    emit(Event::SelectAudioDevices {
                        input: wanted.0,
                        output: wanted.1,
                    });
                }
            }
            Msg::Choose { input, value } => {
                let (mut i, mut o) = self.view().audio_devices.clone();
                if input {
                    store(INPUT_KEY, value.as_deref());
                    i = value;
                } else {
                    store(OUTPUT_KEY, value.as_deref());
                    o = value;
                }
                emit(Event::SelectAudioDevices {
                    input: i,
                    output: o,
                });
            }
            Msg::Tick => self.apply(),
            Msg::Strings => {
                self.strings.set(self.strings.get().wrapping_add(1));
                self.apply();
            }
        }
    }

    /// Changes what the pane remembers, then shows it.
    fn local(&self, f: impl FnOnce(&mut Parts)) {
        self.with(f);
        self.apply();
    }

    /// Makes the document show the current view. Re-entered (from a focus handler), it is
    /// run again once the render under way is over.
    fn apply(&self) {
        if self.applying.replace(true) {
            self.dirty.set(true);
            return;
        }
        loop {
            self.dirty.set(false);
            let after = self.with(|p| self.render(p));
            if let Some(after) = after {
                if let Some(lang) = after.load {
                    self.load(lang);
                }
                if let Some(end) = after.focus {
                    focus(&end);
                }
            }
            if !self.dirty.get() || self.gone.get() {
                break;
            }
        }
        self.applying.set(false);
    }

    /// Fetches `lang`'s locale file when it is not here yet (English meanwhile, never waited
    /// for); why it could not be fetched is reported as a binding failure.
    fn load(&self, lang: Lang) {
        let asked = self.asked.get().wrapping_add(1);
        self.asked.set(asked);
        let me = self.me.clone();
        i18n::load(lang, move |result| {
            if let (Some(inner), Err(message)) = (me.upgrade(), result) {
                if inner.asked.get() == asked && !inner.gone.get() {
                    (inner.emit)(Event::BindingFailed {
                        binding: Binding::Translations,
                        message,
                    });
                }
            }
        });
    }

    fn render(&self, p: &mut Parts) -> After {
        let (doc, ids, tx, root) = (&self.doc, &self.ids, &self.tx, &self.root);
        let view = self.view();
        let lang = Lang::resolve(view.locale.as_deref());
        let strings = self.strings.get();
        let cx = &Cx {
            doc,
            ids,
            tx,
            lang,
            strings,
        };
        let load = (p.lang != Some(lang)).then_some(lang);
        p.lang = Some(lang);
        let c = view.controls;
        let emergency = view.emergency.is_some();
        if view.call.is_some() || view.callback.is_some() {
            if p.clock.is_none() {
                let tx = tx.clone();
                p.clock = Some(Interval::new(1_000, move || tx.send(Msg::Tick)));
            }
        } else {
            p.clock = None;
        }
        let now = wall_clock();
        // Emergency mode starts: End call gets focus, settings close.
        let focus_end = emergency && p.was_emergency != Some(true);
        if focus_end {
            p.settings_open = false;
        }
        p.was_emergency = Some(emergency);

        set_class(
            root,
            if emergency {
                "ad-root ad-root-emergency"
            } else {
                "ad-root"
            },
        );
        set_attr(root, "aria-label", Some(t(lang, Key::Phone)));
        set_attr(root, "lang", Some(shown(lang).tag()));
        // The form is reachable only when the host grants it (by keyboard, pointer or screen
        // reader alike: without the grant it is not in the document at all).
        let editable =
            view.edit_settings && self.settings.as_ref().is_some_and(|l| l.view().is_some());
        let show_settings = p.settings_open && c.dialpad && editable;
        p.header.set(
            !emergency,
            || Header::new(doc, ids, tx),
            |h| h.update(cx, &view, c.dialpad && editable, show_settings),
        );
        let peer = view.peer_emergency.as_ref().filter(|_| !emergency);
        p.peer.set(
            peer.is_some(),
            || {
                make(
                    doc,
                    "div",
                    "ad-emergency-alert ad-peer-emergency",
                    &[("role", "status"), ("data-test", "peer-emergency")],
                )
            },
            |el| {
                if let Some(p) = peer {
                    set_text(el, &tf(lang, Key::EmergencyOtherTab, &[&p.number]));
                }
            },
        );
        match &view.emergency {
            Some(e) => p.banner.show(|| EmergencyBanner::new(doc, ids)).update(
                cx,
                e,
                view.callback.as_ref(),
                now,
            ),
            None => p.banner.remove(),
        }
        p.notices.set(
            Notices::any(view.notice.as_ref(), &view.problems),
            || Notices::new(doc, tx),
            |n| n.update(cx, view.notice.as_ref(), &view.problems, emergency),
        );
        let says = call_announcement(lang, &view);
        if p.said.as_ref() != Some(&says) {
            match &says {
                Some(text) => set_text(&p.announcer, text),
                None if p.said.is_some() && !text(&p.announcer).is_empty() => {
                    set_text(&p.announcer, t(lang, Key::CallEnded))
                }
                None => {}
            }
            p.said = Some(says);
        }
        match (&view.incoming_from, c.answer) {
            (Some(from), true) => {
                let card = p.incoming.show(|| incoming::new(doc, ids, tx));
                incoming::update(card, cx, from);
            }
            _ => p.incoming.remove(),
        }
        match &view.call {
            Some(call) => p.call.show(|| CallPane::new(doc, ids)).update(
                cx,
                call,
                view.held.as_ref(),
                c,
                emergency,
                now,
            ),
            None => p.call.remove(),
        }
        let window = view.callback.as_ref().filter(|_| !emergency);
        p.callback.set(
            window.is_some(),
            || {
                let el = make(
                    doc,
                    "div",
                    "ad-callback",
                    &[("data-test", "callback-window")],
                );
                add_icon(doc, &el, Icon::Phone);
                let div = add(doc, &el, "div", "", &[]);
                let text = add(doc, &div, "p", "", &[]).into();
                let remaining = add(
                    doc,
                    &div,
                    "p",
                    "ad-small",
                    &[("data-test", "callback-remaining")],
                )
                .into();
                CallbackCard {
                    el,
                    text,
                    remaining,
                }
            },
            |card| {
                if let Some(w) = window {
                    set_text(&card.text, &tf(lang, Key::CallbackWindow, &[&w.number]));
                    set_text(&card.remaining, &callback_validity(lang, w, now));
                }
            },
        );
        #[cfg(feature = "admin")]
        match (show_settings, &self.settings) {
            (true, Some(link)) => p
                .settings
                .show(|| {
                    let el = make(doc, "div", "", &[]);
                    ids.set(&el, "id", "settings-panel");
                    super::settings_panel::Hosted::new(el, link.clone(), lang)
                })
                .set_lang(lang),
            _ => p.settings.remove(),
        }
        if c.dialpad && !show_settings {
            let error = match &view.notice {
                Some(Notice::InvalidNumber(e)) => Some(dial_error(lang, e)),
                _ => None,
            };
            p.dialpad
                .show(|| Dialpad::new(doc, ids, tx))
                .update(cx, error.as_deref());
        } else {
            // Kept, with what was typed, for when the pad is offered again.
            p.dialpad.hide();
        }
        p.devices.set(
            c.devices,
            || Devices::new(doc, ids, tx),
            |d| d.update(cx, &view.audio_devices),
        );
        let focus = if focus_end {
            p.call.get().and_then(|c| c.end_button())
        } else {
            None
        };
        After { focus, load }
    }
}
