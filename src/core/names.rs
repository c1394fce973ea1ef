//! The names the host sees, written once: the host bindings the widget calls (and the
//! `binding` of `dialer:error`) and the `dialer:*` events it dispatches.
//! Deterministic; no clock, no IO.
//!
//! Everything else takes its names from here: the driver calls bindings by [`Binding`], the
//! mount check of the host object is built from [`Binding::HOST`], and `tests/names.rs` fails
//! when the npm package's `frame.js` or `.d.ts` files list other names.

use serde::{Serialize, Serializer};

/// A host binding the widget calls, or another source of a `dialer:error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Binding {
    /// `presence.get`
    PresenceGet,
    /// `presence.set`
    PresenceSet,
    /// `presence.subscribe` (optional)
    PresenceSubscribe,
    /// `calling.dial`
    Dial,
    /// `calling.hangUp`
    HangUp,
    /// `calling.answer`
    Answer,
    /// `calling.hold` (optional)
    Hold,
    /// `calling.mute` (optional)
    Mute,
    /// `calling.sendDtmf` (optional)
    SendDtmf,
    /// `calling.activeCalls` (optional, added member)
    ActiveCalls,
    /// `calling.setAudioDevices` (optional, added member)
    SetAudioDevices,
    /// `calling.subscribe`
    CallingSubscribe,
    /// `notification.sendEmail` (optional)
    SendEmail,
    /// `conversation.setEmergencyMode` (optional)
    SetEmergencyMode,
    /// `activity.record` (optional)
    Activity,
    /// `settings.save` (optional for the dialer, required by `mountSettings`; added member)
    SettingsSave,
    /// Browser storage (B5).
    Storage,
    /// Browser geolocation.
    Geolocation,
    /// The UI's locale file (fetched next to the widget; the UI stays in English without it).
    Translations,
    /// `calling.subscribe` / `presence.subscribe` failed or delivered something unreadable.
    Subscribe,
}

impl Binding {
    /// Every binding of the host object (HOST_CONTRACT "Bindings the host provides" and the
    /// optional members added in v1), in the order the mount check reports them.
    pub const HOST: [Binding; 16] = [
        Binding::PresenceGet,
        Binding::PresenceSet,
        Binding::Dial,
        Binding::HangUp,
        Binding::Answer,
        Binding::CallingSubscribe,
        Binding::PresenceSubscribe,
        Binding::Hold,
        Binding::Mute,
        Binding::SendDtmf,
        Binding::SetAudioDevices,
        Binding::ActiveCalls,
        Binding::SendEmail,
        Binding::SetEmergencyMode,
        Binding::Activity,
        Binding::SettingsSave,
    ];

    /// The name used in `dialer:error` and in HOST_CONTRACT (`"presence.set"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Binding::PresenceGet => "presence.get",
            Binding::PresenceSet => "presence.set",
            Binding::PresenceSubscribe => "presence.subscribe",
            Binding::Dial => "calling.dial",
            Binding::HangUp => "calling.hangUp",
            Binding::Answer => "calling.answer",
            Binding::Hold => "calling.hold",
            Binding::Mute => "calling.mute",
            Binding::SendDtmf => "calling.sendDtmf",
            Binding::ActiveCalls => "calling.activeCalls",
            Binding::SetAudioDevices => "calling.setAudioDevices",
            Binding::CallingSubscribe => "calling.subscribe",
            Binding::SendEmail => "notification.sendEmail",
            Binding::SetEmergencyMode => "conversation.setEmergencyMode",
            Binding::Activity => "activity.record",
            Binding::SettingsSave => "settings.save",
            Binding::Storage => "storage",
            Binding::Geolocation => "geolocation",
            Binding::Translations => "translations",
            Binding::Subscribe => "subscribe",
        }
    }

    /// `(group, method)` of a host binding (`("calling", "dial")`); `None` for the others.
    pub fn path(self) -> Option<(&'static str, &'static str)> {
        self.as_str().split_once('.')
    }

    /// True for the bindings every host must provide (`mount` throws without them).
    pub fn required(self) -> bool {
        matches!(
            self,
            Binding::PresenceGet
                | Binding::PresenceSet
                | Binding::Dial
                | Binding::HangUp
                | Binding::Answer
                | Binding::CallingSubscribe
        )
    }
}

impl Serialize for Binding {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A `dialer:*` event (B4), dispatched on the mount element and forwarded across the iframe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventName {
    /// `dialer:emergency-started`
    EmergencyStarted,
    /// `dialer:emergency-connected` (added member)
    EmergencyConnected,
    /// `dialer:emergency-ended`
    EmergencyEnded,
    /// `dialer:callback-window`
    CallbackWindow,
    /// `dialer:notification`
    Notification,
    /// `dialer:readiness`
    Readiness,
    /// `dialer:error`
    Error,
}

impl EventName {
    /// Every event, in the order HOST_CONTRACT lists them.
    pub const ALL: [EventName; 7] = [
        EventName::EmergencyStarted,
        EventName::EmergencyConnected,
        EventName::EmergencyEnded,
        EventName::CallbackWindow,
        EventName::Notification,
        EventName::Readiness,
        EventName::Error,
    ];

    /// The DOM event name, e.g. `"dialer:emergency-started"`.
    pub fn as_str(self) -> &'static str {
        match self {
            EventName::EmergencyStarted => "dialer:emergency-started",
            EventName::EmergencyConnected => "dialer:emergency-connected",
            EventName::EmergencyEnded => "dialer:emergency-ended",
            EventName::CallbackWindow => "dialer:callback-window",
            EventName::Notification => "dialer:notification",
            EventName::Readiness => "dialer:readiness",
            EventName::Error => "dialer:error",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_bindings_have_a_group_and_a_method_and_the_others_do_not() {
        for b in Binding::HOST {
            let (group, method) = b.path().expect("a host binding is group.method");
            assert!(!group.is_empty() && !method.is_empty(), "{b:?}");
        }
        for b in [Binding::Storage, Binding::Geolocation, Binding::Subscribe] {
            assert_eq!(b.path(), None);
            assert!(!b.required());
        }
        assert_eq!(Binding::Dial.path(), Some(("calling", "dial")));
    }

    #[test]
    fn names_are_unique() {
        let mut names: Vec<&str> = Binding::HOST.iter().map(|b| b.as_str()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Binding::HOST.len());
        let mut events: Vec<&str> = EventName::ALL.iter().map(|e| e.as_str()).collect();
        events.sort();
        events.dedup();
        assert_eq!(events.len(), EventName::ALL.len());
    }
}
