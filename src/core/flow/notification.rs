//! The email to the emergency contacts (E7, B8): rendered and sent right after the emergency
//! dial (deferred, so that rendering never comes between the click and `calling.dial`, E11),
//! followed up when the callback number arrives, and its outcome reported to the host and the
//! agent. Deterministic; no clock, no IO.

use super::{Out, State};
use crate::core::event::Effect;
use crate::core::model::Millis;
use crate::core::names::Binding;
use crate::core::notify::{self, EmailKind, EmergencyFacts};
use crate::core::wire::{HostEvent, NotificationStatus};

/// The notification state of the current episode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotificationState {
    /// Where it is.
    pub status: NotificationStatus,
    /// To whom.
    pub recipients: Vec<String>,
    /// What went wrong.
    pub error: Option<String>,
}

/// Renders and sends the first email of an emergency call placed at `at` (deferred work).
pub(super) fn notify_contacts(
    state: &mut State,
    dialed: &str,
    number: &str,
    region: Option<String>,
    at: Millis,
    out: &mut Out,
) {
    let recipients = state.config.recipients.valid.clone();
    if recipients.is_empty() {
        state.facts = None;
        state.notification = Some(NotificationState {
            status: NotificationStatus::Skipped,
            recipients: Vec::new(),
            error: None,
        });
        out.push(Effect::Emit(HostEvent::Notification {
            status: NotificationStatus::Skipped,
            recipients,
            error: None,
        }));
        return;
    }
    let facts = EmergencyFacts {
        agent_name: state.config.agent_name.clone(),
        agent_id: state.config.agent_id.clone(),
        dialed: dialed.to_string(),
        number: number.to_string(),
        started_at: at,
        utc_offset_minutes: state.utc_offset_minutes,
        region,
        coords: state.location.coords,
        civic_address: state.config.civic_address.clone(),
        callback_number: state.callback_window(at).map(|w| w.number.clone()),
        callback_expires_at: state.callback_window(at).map(|w| w.expires_at),
    };
    // A broken admin template must not leave the contacts uninformed (Kari's Law): the
    // built-in template is used instead and the template's problems are reported with it.
    let (message, errors) = notify::render_email_or_default(
        &state.config.template,
        &facts,
        &recipients,
        EmailKind::Initial,
    );
    let error = (!errors.is_empty()).then(|| {
        let mut text = String::from(
            "the notification template has errors, so the built-in template was used: ",
        );
        for (i, e) in errors.iter().enumerate() {
            if i > 0 {
                text.push_str("; ");
            }
            text.push_str(&e.to_string());
        }
        text
    });
    state.notification = Some(NotificationState {
        status: NotificationStatus::Sending,
        recipients,
        error,
    });
    out.push(Effect::SendEmail {
        kind: EmailKind::Initial,
        message,
    });
    state.facts = Some(facts);
}

/// Kari's Law wants the callback number in the notification: the follow-up email gives it.
pub(super) fn follow_up(state: &mut State, number: String, expires_at: Millis, out: &mut Out) {
    let Some(facts) = state.facts.as_mut() else {
        return; // Nobody was notified, so there is nothing to follow up.
    };
    facts.callback_number = Some(number);
    facts.callback_expires_at = Some(expires_at);
    let to = state
        .notification
        .as_ref()
        .map(|n| n.recipients.clone())
        .unwrap_or_default();
    let (message, _) = notify::render_email_or_default(
        &state.config.template,
        facts,
        &to,
        EmailKind::CallbackUpdate,
    );
    out.push(Effect::SendEmail {
        kind: EmailKind::CallbackUpdate,
        message,
    });
}

/// A `notification.sendEmail` completed: the host and the agent are told how it went.
pub(super) fn email_sent(
    state: &mut State,
    kind: EmailKind,
    result: Result<(), String>,
    out: &mut Out,
) {
    let Some(n) = state.notification.as_mut() else {
        return;
    };
    let error = result.err();
    let status = if error.is_some() {
        NotificationStatus::Failed
    } else {
        NotificationStatus::Sent
    };
    // A failed follow-up does not undo a sent first message, but is reported.
    if kind == EmailKind::Initial || error.is_some() {
        n.status = status;
        // A sent email keeps the template warning, if any.
        n.error = error.clone().or(n.error.take());
    }
    // The error reported is the one kept: this one, else the template warning (a failed
    // follow-up always updates it, so `n.error` is that, whatever the kind).
    out.push(Effect::Emit(HostEvent::Notification {
        status,
        recipients: n.recipients.clone(),
        error: n.error.clone(),
    }));
    if let Some(message) = error {
        state.problem(Binding::SendEmail, message, out);
    }
}
