//! Where the settings form lives: [`SettingsLink`] carries one settings editor's latest view
//! from the shell to the form, and the form's events back; [`SettingsPanel`] renders the form
//! from it — on its own as the administrator's surface (`mountSettings`), or inside the
//! agent's pane when the host grants `permissions.editEmergencySettings`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use super::i18n::{shown, t, tf, use_lang, use_locale_file, Key, Lang};
use super::settings::SettingsForm;
use crate::core::settings::{SettingsEvent, SettingsView};

type Watcher = (u32, Callback<Option<Rc<SettingsView>>>);

struct Inner {
    view: RefCell<Option<Rc<SettingsView>>>,
    onevent: Callback<SettingsEvent>,
    watchers: RefCell<Vec<Watcher>>,
    next: Cell<u32>,
}

/// One settings editor's latest view (set by the shell with [`SettingsLink::publish`]) and
/// where the form's events go. Two links are equal only when they are the same link.
#[derive(Clone)]
pub struct SettingsLink(Rc<Inner>);

impl PartialEq for SettingsLink {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl SettingsLink {
    /// A link whose form sends its events to `onevent`; it shows nothing until a view is
    /// published.
    pub fn new(onevent: Callback<SettingsEvent>) -> SettingsLink {
        SettingsLink(Rc::new(Inner {
            view: RefCell::new(None),
            onevent,
            watchers: RefCell::new(Vec::new()),
            next: Cell::new(0),
        }))
    }

    /// The view to show now (`None`: no form).
    pub fn publish(&self, view: Option<SettingsView>) {
        let view = view.map(Rc::new);
        *self.0.view.borrow_mut() = view.clone();
        // No borrow held while the watchers run: they may publish or unwatch.
        let watchers: Vec<_> = self
            .0
            .watchers
            .borrow()
            .iter()
            .map(|(_, w)| w.clone())
            .collect();
        for w in watchers {
            w.emit(view.clone());
        }
    }

    /// The latest view, if any.
    pub fn view(&self) -> Option<Rc<SettingsView>> {
        self.0.view.borrow().clone()
    }

    fn watch(&self, watcher: Callback<Option<Rc<SettingsView>>>) -> u32 {
        let id = self.0.next.get().wrapping_add(1);
        self.0.next.set(id);
        self.0.watchers.borrow_mut().push((id, watcher));
        id
    }

    fn unwatch(&self, id: u32) {
        self.0.watchers.borrow_mut().retain(|(w, _)| *w != id);
    }
}

/// Props of [`SettingsPanel`].
#[derive(Properties, Clone, PartialEq)]
pub struct SettingsPanelProps {
    /// The editor's view and events.
    pub link: SettingsLink,
    /// The language; `None`: the view's configured locale, else the browser's.
    #[prop_or_default]
    pub lang: Option<Lang>,
    /// True for the administrator's own surface (a root of its own, titled with the agent's
    /// name); false inside the agent's pane.
    #[prop_or_default]
    pub surface: bool,
}

/// The settings form, kept up to date from its link.
#[component]
pub fn SettingsPanel(props: &SettingsPanelProps) -> Html {
    // Set by the link to re-render; what is shown is always the link's latest view.
    let view = use_state(|| props.link.view());
    // Effect: follow the link while mounted; stop following when unmounted.
    {
        let view = view.clone();
        use_effect_with(props.link.clone(), move |link| {
            let id = link.watch(Callback::from(move |v| view.set(v)));
            let link = link.clone();
            move || link.unwatch(id)
        });
    }
    let current = props.link.view();
    let lang = props
        .lang
        .unwrap_or_else(|| Lang::resolve(current.as_ref().and_then(|v| v.locale.as_deref())));
    // The language's strings: English until its locale file arrives (never waited for).
    use_locale_file(lang, None);
    let lang = use_lang(lang);
    let Some(v) = current else {
        return html! {};
    };
    let onevent = props.link.0.onevent.clone();
    if props.surface {
        let title = tf(lang, Key::SettingsFor, &[&v.agent_name]);
        html! {
            <section class="ad-root ad-settings-surface" data-test="settings-surface" lang={shown(lang).tag()}>
                <SettingsForm view={v} {onevent} {lang} title={title} />
            </section>
        }
    } else {
        let title = t(lang, Key::SettingsTitle);
        html! { <SettingsForm view={v} {onevent} {lang} title={title} /> }
    }
}
