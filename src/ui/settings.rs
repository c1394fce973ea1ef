//! The administrator's settings (E7): emergency-contact recipients, validated as typed, and
//! the notification template with its placeholders and a live preview from sample values.
//! Everything is text: Yew escapes it, nothing is ever injected as HTML.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::i18n::{t, tf, Key, Lang};
use crate::core::notify::{
    parse_recipients, render_email, sample_facts, validate_template, EmailKind, RecipientError,
    Template, TemplateError, PLACEHOLDERS,
};
use crate::core::Event;

fn template_error(lang: Lang, e: &TemplateError) -> String {
    #[allow(unreachable_patterns)] // TemplateError is `#[non_exhaustive]`.
    match e {
        TemplateError::UnknownPlaceholder {
            name,
            suggestion: Some(s),
            ..
        } => tf(
            lang,
            Key::UnknownPlaceholderHint,
            &[&format!("{{{name}}}"), &format!("{{{s}}}")],
        ),
        TemplateError::UnknownPlaceholder { name, .. } => {
            tf(lang, Key::UnknownPlaceholder, &[&format!("{{{name}}}")])
        }
        other => other.to_string(),
    }
}

/// Props of [`Settings`].
#[derive(Properties, Clone, PartialEq)]
pub struct SettingsProps {
    /// The configured recipients string.
    pub recipients: AttrValue,
    /// The configured template.
    pub template: Template,
    /// The agent's actions.
    pub onevent: Callback<Event>,
    /// The language.
    pub lang: Lang,
}

/// The settings form.
#[component]
pub fn Settings(props: &SettingsProps) -> Html {
    let lang = props.lang;
    let recipients = use_state(|| props.recipients.to_string());
    let subject = use_state(|| props.template.subject.clone());
    let body = use_state(|| props.template.body.clone());
    let saved = use_state(|| false);

    // Callbacks
    let on_recipients = {
        let (recipients, saved) = (recipients.clone(), saved.clone());
        move |e: InputEvent| {
            recipients.set(e.target_unchecked_into::<HtmlInputElement>().value());
            saved.set(false);
        }
    };
    let on_subject = {
        let (subject, saved) = (subject.clone(), saved.clone());
        move |e: InputEvent| {
            subject.set(e.target_unchecked_into::<HtmlInputElement>().value());
            saved.set(false);
        }
    };
    let on_body = {
        let (body, saved) = (body.clone(), saved.clone());
        move |e: InputEvent| {
            body.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
            saved.set(false);
        }
    };
    let template = Template {
        subject: (*subject).clone(),
        body: (*body).clone(),
    };
    let onsubmit = {
        let (onevent, recipients, template, saved) = (
            props.onevent.clone(),
            recipients.clone(),
            template.clone(),
            saved.clone(),
        );
        move |e: SubmitEvent| {
            e.prevent_default();
            onevent.emit(Event::EditSettings {
                recipients: (*recipients).clone(),
                template: template.clone(),
            });
            saved.set(true);
        }
    };

    let parsed = parse_recipients(&recipients);
    let bad_recipients = !parsed.problems.is_empty();
    let errors = validate_template(&template);
    let preview = render_email(
        &template,
        &sample_facts(),
        &parsed.valid,
        EmailKind::Initial,
    );
    html! {
        <form class="ad-settings" data-test="settings" onsubmit={onsubmit} aria-labelledby="ad-settings-title" novalidate=true>
            <h2 class="ad-section-title" id="ad-settings-title">{ t(lang, Key::SettingsTitle) }</h2>
            <div class="ad-field">
                <label class="ad-label" for="ad-recipients">{ t(lang, Key::Recipients) }</label>
                <input id="ad-recipients" data-test="recipients" type="text" autocomplete="off" spellcheck="false"
                    value={(*recipients).clone()} oninput={on_recipients}
                    aria-invalid={bad_recipients.to_string()}
                    aria-describedby="ad-recipients-help ad-recipients-errors" />
                <p id="ad-recipients-help" class="ad-help">{ t(lang, Key::RecipientsHelp) }</p>
                <ul id="ad-recipients-errors" class="ad-field-errors" data-test="recipient-errors">
                    { for parsed.problems.iter().map(|p| html! {
                        <li data-test="recipient-error" title={p.error.to_string()}>
                            { tf(lang, if p.error == RecipientError::NotAnAddress { Key::RecipientBad } else { Key::RecipientInvalid },
                                &[&p.position.to_string(), &p.entry]) }
                        </li>
                    }) }
                </ul>
            </div>
            <div class="ad-field">
                <label class="ad-label" for="ad-subject">{ t(lang, Key::Subject) }</label>
                <input id="ad-subject" data-test="template-subject" type="text" autocomplete="off"
                    value={(*subject).clone()} oninput={on_subject}
                    aria-invalid={(!errors.is_empty()).to_string()} aria-describedby="ad-template-errors" />
            </div>
            <div class="ad-field">
                <label class="ad-label" for="ad-body">{ t(lang, Key::Body) }</label>
                <textarea id="ad-body" data-test="template-body" rows="5"
                    value={(*body).clone()} oninput={on_body}
                    aria-invalid={(!errors.is_empty()).to_string()} aria-describedby="ad-template-errors ad-placeholders" />
                <ul id="ad-template-errors" class="ad-field-errors" data-test="template-errors">
                    { for errors.iter().map(|e| html! { <li>{ template_error(lang, e) }</li> }) }
                </ul>
            </div>
            <div class="ad-field" id="ad-placeholders">
                <span class="ad-label">{ t(lang, Key::Placeholders) }</span>
                <ul class="ad-chips" data-test="placeholders">
                    { for PLACEHOLDERS.iter().map(|p| html! { <li title={p.description}><code>{ format!("{{{}}}", p.name) }</code></li> }) }
                </ul>
            </div>
            if let Ok(mail) = preview {
                <figure class="ad-preview" data-test="preview">
                    <figcaption class="ad-label">{ t(lang, Key::Preview) }</figcaption>
                    <p class="ad-preview-subject" data-test="preview-subject">{ mail.subject }</p>
                    <p class="ad-preview-body" data-test="preview-body">{ mail.text }</p>
                </figure>
            }
            <div class="ad-settings-actions">
                <button type="submit" class="ad-button ad-primary" data-test="settings-save">{ t(lang, Key::Save) }</button>
                <span role="status" class="ad-help" data-test="settings-status">
                    if *saved { { t(lang, Key::Saved) } }
                </span>
            </div>
        </form>
    }
}
