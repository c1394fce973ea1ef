//! Browser `localStorage`: the emergency episode (B5) and, through [`save_text`] /
//! [`load_text`], the administrator's unsaved settings draft (`host::settings`).
//!
//! When storage is unavailable or throws (private mode, quota, a sandboxed frame), the widget
//! keeps working from memory; the failure is reported (for the episode as a `storage` binding
//! error).

use serde::Serialize;

use super::js::{describe, to_js};
use crate::core::flow::Episode;

/// `localStorage`, or why it cannot be used.
fn local_storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err("localStorage is not available".into()),
        Err(e) => Err(format!("localStorage is not available: {}", describe(&e))),
    }
}

/// Writes `text` under `key`, or removes `key` for `None`.
pub fn save_text(key: &str, text: Option<&str>) -> Result<(), String> {
    let storage = local_storage()?;
    match text {
        Some(text) => storage.set_item(key, text),
        None => storage.remove_item(key),
    }
    .map_err(|e| describe(&e))
}

/// The text under `key`; `Ok(None)` when there is none.
pub fn load_text(key: &str) -> Result<Option<String>, String> {
    local_storage()?.get_item(key).map_err(|e| describe(&e))
}

/// Writes `value` as JSON under `key`, or removes `key` for `None`.
fn save_json<T: Serialize>(key: &str, value: Option<&T>) -> Result<(), String> {
    let json = match value {
        Some(v) => Some(String::from(
            js_sys::JSON::stringify(&to_js(v)?).map_err(|e| describe(&e))?,
        )),
        None => None,
    };
    save_text(key, json.as_deref())
}

/// Where one agent's episode is kept.
#[derive(Clone, Debug)]
pub struct EpisodeStore {
    key: String,
}

impl EpisodeStore {
    /// The store for `agent_id`.
    pub fn new(agent_id: &str) -> Self {
        EpisodeStore {
            key: format!("agent-dialer:episode:{agent_id}"),
        }
    }

    /// The storage key.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Removes what is saved under this key; failures are ignored (nothing depends on it).
    pub fn clear(&self) {
        if let Ok(storage) = local_storage() {
            let _ = storage.remove_item(&self.key);
        }
    }

    /// Saves the episode, or clears it for `None`.
    pub fn save(&self, episode: Option<&Episode>) -> Result<(), String> {
        save_json(&self.key, episode)
            .map_err(|e| format!("could not save the emergency state: {e}"))
    }

    /// Loads a saved episode; `Ok(None)` when there is none.
    pub fn load(&self) -> Result<Option<Episode>, String> {
        let Some(text) = load_text(&self.key)? else {
            return Ok(None);
        };
        let value = js_sys::JSON::parse(&text).map_err(|e| describe(&e))?;
        super::read::episode(&value)
            .map(Some)
            .map_err(|e| format!("saved emergency state is unreadable: {e}"))
    }
}
