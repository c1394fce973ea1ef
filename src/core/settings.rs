//! The emergency settings an administrator edits (SPEC E7): one agent's recipients and the
//! tenant's notification template, as a small sans-IO machine. Deterministic; no clock, no IO.
//!
//! The shell hands it every [`SettingsEvent`] with the time ([`SettingsEditor::handle`]) and
//! runs every [`SettingsEffect`] it hands out ([`SettingsEditor::poll_effect`]), in order. It
//! decides everything the settings form shows and does; the view only renders
//! [`SettingsEditor::view`]:
//! - validation as typed, with the core's parsers (`notify`), and whether Save may go ahead:
//!   nothing invalid is ever sent to the host;
//! - what is unsaved (the draft against the saved settings) and what to keep of it: every
//!   change of the draft is stored for a reload ([`SettingsEffect::StoreDraft`]) until it is
//!   saved or discarded, and a stored draft is taken up again after a reload;
//! - the save, `editing → saving → saved | failed`: the host's error or no answer within
//!   [`SAVE_TIMEOUT`] leaves the draft as it is. A late answer to the latest attempt still
//!   counts (the host may have saved after all), an answer to an older attempt never does.
//! - When the saved settings change under an unsaved draft (another administrator saved),
//!   the draft is kept and the view says so ([`SettingsView::stale`]).

use std::collections::VecDeque;

use serde::Serialize;

use super::model::Millis;
use super::notify::{
    parse_recipients, render_email, sample_facts, validate_template, EmailKind, EmailMessage,
    RecipientProblem, Template, TemplateError,
};

/// How long the host may take to answer a save before the form says it did not.
pub const SAVE_TIMEOUT: Millis = 10_000;

/// What the settings edit: one agent's recipients and the (tenant's) template.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct EmergencySettings {
    /// `"a@example.com; b@example.com"`, as typed.
    pub recipients: String,
    /// The notification template.
    pub template: Template,
}

/// An unsaved draft as it is kept across a reload: what was typed and what was saved when
/// the typing started (to tell whether someone else has saved since).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// The draft.
    pub edited: EmergencySettings,
    /// The saved settings it was made from.
    pub base: EmergencySettings,
}

/// HOST_CONTRACT `settings.save(request)`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SaveRequest {
    /// Whose recipients.
    pub agent_id: String,
    /// The recipients string, as typed (every entry valid).
    pub recipients: String,
    /// The template (valid).
    pub template: Template,
}

/// A field of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The recipients string.
    Recipients,
    /// The template's subject.
    Subject,
    /// The template's body.
    Body,
}

/// Inputs: the administrator's actions, the host's answers, the browser's storage, timers.
#[derive(Clone, Debug, PartialEq)]
pub enum SettingsEvent {
    /// The form was mounted: look for a draft kept from an earlier visit.
    Started,
    /// The shell read the kept draft, as [`SettingsEffect::LoadDraft`] asked.
    DraftLoaded(Result<Option<Draft>, String>),
    /// The administrator changed a field.
    Edited {
        /// Which.
        field: Field,
        /// Its whole new value.
        value: String,
    },
    /// The administrator pressed Save.
    Save,
    /// The administrator discarded the unsaved changes.
    Discard,
    /// `settings.save` answered attempt `attempt`.
    SaveAnswered {
        /// The attempt ([`SettingsEffect::Save`]).
        attempt: u32,
        /// Saved, or the host's error.
        result: Result<(), String>,
    },
    /// The timer armed by [`SettingsEffect::ArmTimeout`] fired.
    SaveTimedOut {
        /// The attempt.
        attempt: u32,
    },
    /// A [`SettingsEffect::StoreDraft`] or [`SettingsEffect::ClearDraft`] completed.
    DraftStored(Result<(), String>),
    /// The host changed the configuration (`setConfig`): the saved settings, the agent's
    /// name, the locale.
    Configured {
        /// The settings as saved now.
        saved: EmergencySettings,
        /// The agent's display name.
        agent_name: String,
        /// BCP 47 locale, if configured.
        locale: Option<String>,
    },
}

/// What the shell must do, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum SettingsEffect {
    /// Read the kept draft; report with [`SettingsEvent::DraftLoaded`].
    LoadDraft,
    /// Keep the draft for a reload; report with [`SettingsEvent::DraftStored`].
    StoreDraft(Draft),
    /// Forget the kept draft; report with [`SettingsEvent::DraftStored`].
    ClearDraft,
    /// Call `settings.save(request)`; report with [`SettingsEvent::SaveAnswered`].
    Save {
        /// Which attempt this is.
        attempt: u32,
        /// What to save.
        request: SaveRequest,
    },
    /// Arm (or re-arm) the save timer; report with [`SettingsEvent::SaveTimedOut`].
    ArmTimeout {
        /// The attempt.
        attempt: u32,
        /// When.
        at: Millis,
    },
    /// Cancel the save timer.
    CancelTimeout,
    /// The host saved these settings: whoever uses them (the agent's dialer) takes them up.
    Applied(EmergencySettings),
}

/// What the form says about the last Save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing to report.
    Idle,
    /// Save was pressed while a field is invalid: nothing was sent.
    Invalid,
    /// Save was pressed with nothing changed.
    Unchanged,
    /// The host is saving.
    Saving,
    /// The host saved.
    Saved,
    /// The host did not save: its message. The draft is kept.
    Failed(String),
    /// The host did not answer within [`SAVE_TIMEOUT`]. The draft is kept.
    TimedOut,
}

impl SaveStatus {
    /// `"idle"`, `"invalid"`, `"unchanged"`, `"saving"`, `"saved"`, `"failed"`, `"timed-out"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            SaveStatus::Idle => "idle",
            SaveStatus::Invalid => "invalid",
            SaveStatus::Unchanged => "unchanged",
            SaveStatus::Saving => "saving",
            SaveStatus::Saved => "saved",
            SaveStatus::Failed(_) => "failed",
            SaveStatus::TimedOut => "timed-out",
        }
    }
}

/// A save the host has not answered yet.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Pending {
    attempt: u32,
    sent: EmergencySettings,
    timed_out: bool,
}

/// Everything the form renders.
#[derive(Clone, Debug, PartialEq)]
pub struct SettingsView {
    /// The agent whose recipients these are.
    pub agent_name: String,
    /// The configured BCP 47 locale, if any.
    pub locale: Option<String>,
    /// The fields as typed.
    pub draft: EmergencySettings,
    /// Each recipient entry that is not a usable address.
    pub recipient_problems: Vec<RecipientProblem>,
    /// The addresses that would be emailed.
    pub recipients: Vec<String>,
    /// Each problem of the template.
    pub template_errors: Vec<TemplateError>,
    /// The email the template makes with sample facts (and this agent's name and id);
    /// `None` while the template has problems.
    pub preview: Option<EmailMessage>,
    /// The draft differs from the saved settings.
    pub dirty: bool,
    /// What to say about the last Save.
    pub status: SaveStatus,
    /// A save is in flight (and has not timed out): Save and Discard wait.
    pub busy: bool,
    /// How often Save was pressed (changes with every press, so the view can react to each).
    pub save_presses: u32,
    /// The draft was taken up from an earlier visit.
    pub restored: bool,
    /// The saved settings changed since the draft was started (someone else saved).
    pub stale: bool,
    /// Why the browser cannot keep the draft for a reload, if it cannot.
    pub storage_problem: Option<String>,
}

/// `settings.state()` for the host (HOST_CONTRACT `SettingsSnapshot`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SettingsSnapshot {
    /// Whose settings.
    pub agent_id: String,
    /// Unsaved changes exist.
    pub dirty: bool,
    /// [`SaveStatus::as_str`].
    pub status: &'static str,
    /// The host's error of a failed save.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The settings as saved.
    pub saved: EmergencySettings,
    /// The settings as typed.
    pub draft: EmergencySettings,
}

/// The settings form's decisions as one machine.
#[derive(Clone, Debug, PartialEq)]
pub struct SettingsEditor {
    agent_id: String,
    agent_name: String,
    locale: Option<String>,
    saved: EmergencySettings,
    draft: EmergencySettings,
    draft_base: EmergencySettings,
    status: SaveStatus,
    pending: Option<Pending>,
    attempts: u32,
    save_presses: u32,
    restored: bool,
    storage_problem: Option<String>,
    out: VecDeque<SettingsEffect>,
}

impl SettingsEditor {
    /// An editor for `agent_id`'s settings, saved as `saved`.
    pub fn new(
        agent_id: impl Into<String>,
        agent_name: impl Into<String>,
        locale: Option<String>,
        saved: EmergencySettings,
    ) -> SettingsEditor {
        SettingsEditor {
            agent_id: agent_id.into(),
            agent_name: agent_name.into(),
            locale,
            draft: saved.clone(),
            draft_base: saved.clone(),
            saved,
            status: SaveStatus::Idle,
            pending: None,
            attempts: 0,
            save_presses: 0,
            restored: false,
            storage_problem: None,
            out: VecDeque::new(),
        }
    }

    /// The agent whose settings these are.
    pub fn agent_id(&self) -> &str {
        &self.agent_id
    }

    /// True when the draft differs from the saved settings.
    pub fn dirty(&self) -> bool {
        self.draft != self.saved
    }

    /// True while leaving the page would lose something: unsaved changes, or a save the host
    /// has not confirmed.
    pub fn unsaved(&self) -> bool {
        self.dirty() || self.pending.as_ref().is_some_and(|p| !p.timed_out)
    }

    /// Takes an event that happened at `now`; its effects wait in [`Self::poll_effect`].
    /// Never panics; an event that does not apply changes nothing.
    pub fn handle(&mut self, event: SettingsEvent, now: Millis) {
        match event {
            SettingsEvent::Started => self.out.push_back(SettingsEffect::LoadDraft),
            SettingsEvent::DraftLoaded(loaded) => self.draft_loaded(loaded),
            SettingsEvent::Edited { field, value } => self.edited(field, value),
            SettingsEvent::Save => self.save(now),
            SettingsEvent::Discard => self.discard(),
            SettingsEvent::SaveAnswered { attempt, result } => self.answered(attempt, result),
            SettingsEvent::SaveTimedOut { attempt } => {
                if let Some(p) = self.pending.as_mut().filter(|p| p.attempt == attempt) {
                    if !p.timed_out {
                        p.timed_out = true;
                        self.status = SaveStatus::TimedOut;
                    }
                }
            }
            SettingsEvent::DraftStored(result) => self.storage_problem = result.err(),
            SettingsEvent::Configured {
                saved,
                agent_name,
                locale,
            } => {
                self.agent_name = agent_name;
                self.locale = locale;
                self.set_saved(saved);
                self.keep_draft();
            }
        }
    }

    /// The next effect to run, or `None`.
    pub fn poll_effect(&mut self) -> Option<SettingsEffect> {
        self.out.pop_front()
    }

    fn draft_loaded(&mut self, loaded: Result<Option<Draft>, String>) {
        match loaded {
            Err(message) => self.storage_problem = Some(message),
            Ok(None) => {}
            // Something was typed or sent already: that wins over an old draft.
            Ok(Some(_)) if self.dirty() || self.pending.is_some() => {}
            Ok(Some(kept)) if kept.edited == self.saved => {
                self.out.push_back(SettingsEffect::ClearDraft)
            }
            Ok(Some(kept)) => {
                self.draft = kept.edited;
                self.draft_base = kept.base;
                self.restored = true;
            }
        }
    }

    fn edited(&mut self, field: Field, value: String) {
        if !self.dirty() {
            self.draft_base = self.saved.clone();
        }
        let slot = match field {
            Field::Recipients => &mut self.draft.recipients,
            Field::Subject => &mut self.draft.template.subject,
            Field::Body => &mut self.draft.template.body,
        };
        if *slot == value {
            return;
        }
        *slot = value;
        if !self.busy() {
            self.status = SaveStatus::Idle;
        }
        self.keep_draft();
    }

    fn save(&mut self, now: Millis) {
        self.save_presses = self.save_presses.wrapping_add(1);
        if self.busy() {
            return;
        }
        if !self.valid() {
            self.status = SaveStatus::Invalid;
            return;
        }
        if !self.dirty() {
            self.status = SaveStatus::Unchanged;
            return;
        }
        self.attempts = self.attempts.wrapping_add(1);
        let attempt = self.attempts;
        self.pending = Some(Pending {
            attempt,
            sent: self.draft.clone(),
            timed_out: false,
        });
        self.status = SaveStatus::Saving;
        self.out.push_back(SettingsEffect::Save {
            attempt,
            request: SaveRequest {
                agent_id: self.agent_id.clone(),
                recipients: self.draft.recipients.clone(),
                template: self.draft.template.clone(),
            },
        });
        self.out.push_back(SettingsEffect::ArmTimeout {
            attempt,
            at: now.saturating_add(SAVE_TIMEOUT),
        });
    }

    fn discard(&mut self) {
        if self.busy() {
            return;
        }
        self.draft = self.saved.clone();
        self.draft_base = self.saved.clone();
        self.restored = false;
        self.status = SaveStatus::Idle;
        self.out.push_back(SettingsEffect::ClearDraft);
    }

    fn answered(&mut self, attempt: u32, result: Result<(), String>) {
        let Some(pending) = self.pending.take_if(|p| p.attempt == attempt) else {
            return; // an older attempt: the latest one decides
        };
        if !pending.timed_out {
            self.out.push_back(SettingsEffect::CancelTimeout);
        }
        match result {
            Ok(()) => {
                self.set_saved(pending.sent.clone());
                self.draft_base = pending.sent.clone();
                self.restored = false;
                self.status = SaveStatus::Saved;
                self.out.push_back(SettingsEffect::Applied(pending.sent));
                self.keep_draft();
            }
            Err(message) => self.status = SaveStatus::Failed(message),
        }
    }

    /// The saved settings are now `saved`; a clean draft follows them, an unsaved one stays.
    fn set_saved(&mut self, saved: EmergencySettings) {
        if !self.dirty() {
            self.draft = saved.clone();
            self.draft_base = saved.clone();
        }
        self.saved = saved;
    }

    /// Keeps the draft for a reload while it is unsaved, forgets it once it is not.
    fn keep_draft(&mut self) {
        self.out.push_back(if self.dirty() {
            SettingsEffect::StoreDraft(Draft {
                edited: self.draft.clone(),
                base: self.draft_base.clone(),
            })
        } else {
            SettingsEffect::ClearDraft
        });
    }

    fn busy(&self) -> bool {
        self.pending.as_ref().is_some_and(|p| !p.timed_out)
    }

    fn valid(&self) -> bool {
        parse_recipients(&self.draft.recipients).problems.is_empty()
            && validate_template(&self.draft.template).is_empty()
    }

    /// What the form shows.
    pub fn view(&self) -> SettingsView {
        let parsed = parse_recipients(&self.draft.recipients);
        let facts = super::notify::EmergencyFacts {
            agent_name: self.agent_name.clone(),
            agent_id: self.agent_id.clone(),
            ..sample_facts()
        };
        let rendered = render_email(
            &self.draft.template,
            &facts,
            &parsed.valid,
            EmailKind::Initial,
        );
        let (preview, template_errors) = match rendered {
            Ok(mail) => (Some(mail), Vec::new()),
            Err(errors) => (None, errors),
        };
        SettingsView {
            agent_name: self.agent_name.clone(),
            locale: self.locale.clone(),
            draft: self.draft.clone(),
            recipient_problems: parsed.problems,
            recipients: parsed.valid,
            template_errors,
            preview,
            dirty: self.dirty(),
            status: self.status.clone(),
            busy: self.busy(),
            save_presses: self.save_presses,
            restored: self.restored && self.dirty(),
            stale: self.dirty() && self.draft_base != self.saved,
            storage_problem: self.storage_problem.clone(),
        }
    }

    /// `settings.state()`.
    pub fn snapshot(&self) -> SettingsSnapshot {
        SettingsSnapshot {
            agent_id: self.agent_id.clone(),
            dirty: self.dirty(),
            status: self.status.as_str(),
            error: match &self.status {
                SaveStatus::Failed(message) => Some(message.clone()),
                _ => None,
            },
            saved: self.saved.clone(),
            draft: self.draft.clone(),
        }
    }
}
