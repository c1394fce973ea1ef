//! [`SettingsPanel`] renders the settings form from a [`SettingsLink`] (Yew, cargo feature
//! `admin`) — on its own as the administrator's surface (`mountSettings`), or inside the
//! agent's pane when the host grants `permissions.editEmergencySettings`.

use std::rc::Rc;

use yew::prelude::*;

use super::i18n::{shown, t, tf, use_lang, use_locale_file, Key, Lang};
use super::settings::SettingsForm;
pub use super::settings_link::SettingsLink;

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
            let id = link.watch(Rc::new(move |v| view.set(v)));
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
    let link = props.link.clone();
    let onevent = Callback::from(move |e| link.emit(e));
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

/// The form inside the agent's pane (`id` = the pane's `settings-panel` id): a container of
/// its own with a Yew renderer, dropped (and so destroyed) when the pane closes it.
pub struct Hosted {
    el: web_sys::Element,
    link: SettingsLink,
    lang: Lang,
    app: Option<AppHandle<SettingsPanel>>,
}

impl Hosted {
    /// The form for `link` in `lang`, rendered into `el`.
    pub fn new(el: web_sys::Element, link: SettingsLink, lang: Lang) -> Hosted {
        let props = SettingsPanelProps {
            link: link.clone(),
            lang: Some(lang),
            surface: false,
        };
        let app = yew::Renderer::<SettingsPanel>::with_root_and_props(el.clone(), props).render();
        Hosted {
            el,
            link,
            lang,
            app: Some(app),
        }
    }

    /// Shows the form in `lang`.
    pub fn set_lang(&mut self, lang: Lang) {
        if lang == self.lang {
            return;
        }
        self.lang = lang;
        if let Some(app) = self.app.as_mut() {
            app.update(SettingsPanelProps {
                link: self.link.clone(),
                lang: Some(lang),
                surface: false,
            });
        }
    }
}

impl super::dom::Part for Hosted {
    fn root(&self) -> &web_sys::Element {
        &self.el
    }
}

impl Drop for Hosted {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}
