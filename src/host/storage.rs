//! Persistence of the emergency episode (B5) in `localStorage`.
//!
//! When storage is unavailable or throws (private mode, quota, a sandboxed frame), the widget
//! keeps working from memory; the failure is reported as a `storage` binding error.

use super::js::{describe, to_js};
use crate::core::flow::Episode;

/// Where one agent's episode is kept.
#[derive(Clone, Debug)]
pub struct EpisodeStore {
    key: String,
}

fn local_storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err("localStorage is not available".into()),
        Err(e) => Err(format!("localStorage is not available: {}", describe(&e))),
    }
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

    /// Saves the episode, or clears it for `None`.
    pub fn save(&self, episode: Option<&Episode>) -> Result<(), String> {
        let storage = local_storage()?;
        let result = match episode {
            Some(e) => {
                let json = js_sys::JSON::stringify(&to_js(e)?).map_err(|e| describe(&e))?;
                storage.set_item(&self.key, &String::from(json))
            }
            None => storage.remove_item(&self.key),
        };
        result.map_err(|e| format!("could not save the emergency state: {}", describe(&e)))
    }

    /// Loads a saved episode; `Ok(None)` when there is none.
    pub fn load(&self) -> Result<Option<Episode>, String> {
        let storage = local_storage()?;
        let Some(text) = storage.get_item(&self.key).map_err(|e| describe(&e))? else {
            return Ok(None);
        };
        let value = js_sys::JSON::parse(&text).map_err(|e| describe(&e))?;
        serde_wasm_bindgen::from_value(value)
            .map(Some)
            .map_err(|e| format!("saved emergency state is unreadable: {e}"))
    }
}
