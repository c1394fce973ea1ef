//! The emergency settings form (E7): one agent's recipients, validated as typed, and the
//! notification template with its placeholders and a live preview; Save, Discard and what
//! became of the last save. A view only: every decision — what is invalid, what is unsaved,
//! whether Save goes ahead, what the save came to — is the core's `SettingsEditor`; the form
//! renders its [`SettingsView`] and emits [`SettingsEvent`]s. Everything is text: Yew escapes
//! it, nothing is ever injected as HTML.

use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::i18n::{t, tf, use_lang, Key, Lang};
use crate::core::notify::{RecipientError, TemplateError, TemplateField, TemplatePosition};
use crate::core::settings::{Field, SaveStatus, SettingsEvent, SettingsView, SAVE_TIMEOUT};

/// Where in the template a problem is, as the administrator reads it.
fn position(lang: Lang, at: &TemplatePosition) -> String {
    match at.field {
        TemplateField::Subject => tf(lang, Key::TplAtSubject, &[&at.position.to_string()]),
        TemplateField::Body => tf(
            lang,
            Key::TplAtBody,
            &[&at.line.to_string(), &at.column.to_string()],
        ),
    }
}

/// A template problem in the administrator's language.
fn template_error(lang: Lang, e: &TemplateError) -> String {
    let what = match e {
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
        TemplateError::EmptyPlaceholder { .. } => t(lang, Key::TplEmpty).to_string(),
        TemplateError::UnclosedBrace { .. } => t(lang, Key::TplUnclosed).to_string(),
        #[allow(unreachable_patterns)] // TemplateError is `#[non_exhaustive]`.
        other => return other.to_string(),
    };
    format!("{}: {what}", position(lang, &e.at()))
}

/// What the form says about the last save: `(polite status, alert)`.
fn status_text(lang: Lang, status: &SaveStatus) -> (String, String) {
    let seconds = (SAVE_TIMEOUT / 1000).to_string();
    match status {
        SaveStatus::Idle => (String::new(), String::new()),
        SaveStatus::Saving => (t(lang, Key::Saving).into(), String::new()),
        SaveStatus::Saved => (t(lang, Key::Saved).into(), String::new()),
        SaveStatus::Unchanged => (t(lang, Key::SaveUnchanged).into(), String::new()),
        SaveStatus::Invalid => (String::new(), t(lang, Key::SaveInvalid).into()),
        SaveStatus::Failed(message) => (String::new(), tf(lang, Key::SaveFailed, &[message])),
        SaveStatus::TimedOut => (String::new(), tf(lang, Key::SaveTimedOut, &[&seconds])),
    }
}

static NEXT_FORM: AtomicU32 = AtomicU32::new(1);

/// Props of [`SettingsForm`].
#[derive(Properties, Clone, PartialEq)]
pub struct SettingsFormProps {
    /// What to show (the core's `SettingsEditor::view`).
    pub view: Rc<SettingsView>,
    /// Where the administrator's actions go.
    pub onevent: Callback<SettingsEvent>,
    /// The language.
    pub lang: Lang,
    /// The form's heading.
    pub title: AttrValue,
}

/// The settings form.
#[component]
pub fn SettingsForm(props: &SettingsFormProps) -> Html {
    let (lang, view) = (use_lang(props.lang), &props.view);
    // Ids unique in the document: an admin page may show several forms, or sit beside a pane.
    let form = *use_memo((), |_| NEXT_FORM.fetch_add(1, Ordering::Relaxed));
    let id = |part: &str| format!("ad-s{form}-{part}");
    let recipients_ref = use_node_ref();
    let subject_ref = use_node_ref();
    let body_ref = use_node_ref();
    let save_ref = use_node_ref();

    // Effect: Save pressed while a field is invalid → the first invalid field gets focus.
    {
        let refs = [
            (!view.recipient_problems.is_empty(), recipients_ref.clone()),
            (
                view.template_errors
                    .iter()
                    .any(|e| e.at().field == TemplateField::Subject),
                subject_ref.clone(),
            ),
            (!view.template_errors.is_empty(), body_ref.clone()),
        ];
        let invalid = view.status == SaveStatus::Invalid;
        use_effect_with(view.save_presses, move |_| {
            if invalid {
                if let Some(el) = refs
                    .iter()
                    .find(|(bad, _)| *bad)
                    .and_then(|(_, r)| r.cast::<HtmlElement>())
                {
                    let _ = el.focus();
                }
            }
        });
    }

    // Callbacks
    let edit = |field: Field| {
        let onevent = props.onevent.clone();
        move |e: InputEvent| {
            let value = match field {
                Field::Body => e.target_unchecked_into::<HtmlTextAreaElement>().value(),
                _ => e.target_unchecked_into::<HtmlInputElement>().value(),
            };
            onevent.emit(SettingsEvent::Edited { field, value });
        }
    };
    let onsubmit = {
        let onevent = props.onevent.clone();
        move |e: SubmitEvent| {
            e.prevent_default();
            onevent.emit(SettingsEvent::Save);
        }
    };
    let ondiscard = {
        let (onevent, save_ref) = (props.onevent.clone(), save_ref.clone());
        move |_: MouseEvent| {
            onevent.emit(SettingsEvent::Discard);
            // Discard goes away with the changes: focus stays in the form, on Save.
            if let Some(save) = save_ref.cast::<HtmlElement>() {
                let _ = save.focus();
            }
        }
    };

    let bad_recipients = !view.recipient_problems.is_empty();
    let bad_subject = view
        .template_errors
        .iter()
        .any(|e| e.at().field == TemplateField::Subject);
    let bad_body = view
        .template_errors
        .iter()
        .any(|e| e.at().field == TemplateField::Body);
    let (status, alert) = status_text(lang, &view.status);
    let to = if view.recipients.is_empty() {
        t(lang, Key::Nobody).to_string()
    } else {
        view.recipients.join(", ")
    };
    html! {
        <form class="ad-settings" data-test="settings" onsubmit={onsubmit} aria-labelledby={id("title")} novalidate=true>
            <h2 class="ad-section-title" id={id("title")}>{ props.title.clone() }</h2>
            if view.restored {
                <p class="ad-notice" data-test="settings-restored">{ t(lang, Key::DraftRestored) }</p>
            }
            if view.stale {
                <p class="ad-notice" data-test="settings-stale">{ t(lang, Key::DraftStale) }</p>
            }
            if let Some(problem) = &view.storage_problem {
                <p class="ad-notice" data-test="settings-storage-problem">{ tf(lang, Key::DraftNotKept, &[problem]) }</p>
            }
            <div class="ad-field">
                <label class="ad-label" for={id("recipients")}>{ t(lang, Key::Recipients) }</label>
                <input id={id("recipients")} ref={recipients_ref} data-test="recipients" type="text" autocomplete="off" spellcheck="false"
                    value={view.draft.recipients.clone()} oninput={edit(Field::Recipients)}
                    aria-invalid={bad_recipients.to_string()}
                    aria-describedby={format!("{} {}", id("recipients-help"), id("recipients-errors"))} />
                <p id={id("recipients-help")} class="ad-help">{ t(lang, Key::RecipientsHelp) }</p>
                <ul id={id("recipients-errors")} class="ad-field-errors" data-test="recipient-errors">
                    { for view.recipient_problems.iter().map(|p| html! {
                        <li data-test="recipient-error" title={p.error.to_string()}>
                            { tf(lang, if p.error == RecipientError::NotAnAddress { Key::RecipientBad } else { Key::RecipientInvalid },
                                &[&p.position.to_string(), &p.entry]) }
                        </li>
                    }) }
                    if view.recipients.is_empty() && !bad_recipients {
                        <li class="ad-warning" data-test="no-recipients">{ t(lang, Key::NoRecipients) }</li>
                    }
                </ul>
            </div>
            <div class="ad-field">
                <label class="ad-label" for={id("subject")}>{ t(lang, Key::Subject) }</label>
                <input id={id("subject")} ref={subject_ref} data-test="template-subject" type="text" autocomplete="off"
                    value={view.draft.template.subject.clone()} oninput={edit(Field::Subject)}
                    aria-invalid={bad_subject.to_string()} aria-describedby={id("template-errors")} />
            </div>
            <div class="ad-field">
                <label class="ad-label" for={id("body")}>{ t(lang, Key::Body) }</label>
                <textarea id={id("body")} ref={body_ref} data-test="template-body" rows="6"
                    value={view.draft.template.body.clone()} oninput={edit(Field::Body)}
                    aria-invalid={bad_body.to_string()}
                    aria-describedby={format!("{} {}", id("template-errors"), id("placeholders"))} />
                <ul id={id("template-errors")} class="ad-field-errors" data-test="template-errors">
                    { for view.template_errors.iter().map(|e| html! { <li data-test="template-error">{ template_error(lang, e) }</li> }) }
                </ul>
            </div>
            <div class="ad-field" id={id("placeholders")}>
                <span class="ad-label">{ t(lang, Key::Placeholders) }</span>
                <ul class="ad-chips" data-test="placeholders">
                    { for crate::core::notify::PLACEHOLDERS.iter().map(|p| html! { <li title={p.description}><code>{ format!("{{{}}}", p.name) }</code></li> }) }
                </ul>
            </div>
            if let Some(mail) = &view.preview {
                <figure class="ad-preview" data-test="preview">
                    <figcaption class="ad-label">{ t(lang, Key::Preview) }</figcaption>
                    <p class="ad-small" data-test="preview-to">{ tf(lang, Key::PreviewTo, &[&to]) }</p>
                    <p class="ad-preview-subject" data-test="preview-subject">{ mail.subject.clone() }</p>
                    <p class="ad-preview-body" data-test="preview-body">{ mail.text.clone() }</p>
                </figure>
            }
            <div class="ad-settings-actions">
                <button type="submit" ref={save_ref} class="ad-button ad-primary" data-test="settings-save"
                    aria-disabled={view.busy.to_string()}>{ t(lang, Key::Save) }</button>
                if view.dirty {
                    <button type="button" class="ad-button" data-test="settings-discard" onclick={ondiscard}
                        aria-disabled={view.busy.to_string()}>{ t(lang, Key::Discard) }</button>
                    if !view.busy {
                        <span class="ad-help" data-test="settings-dirty">{ t(lang, Key::Unsaved) }</span>
                    }
                }
            </div>
            <p role="status" class="ad-help" data-test="settings-status">{ status }</p>
            <p role="alert" class="ad-field-error" data-test="settings-error">{ alert }</p>
        </form>
    }
}
