//! The agent's other tabs (B5): the `BroadcastChannel("agent-dialer:<agentId>")` that carries
//! the core's tab messages. What this tab says, and what the others' messages mean, is decided
//! by `core::tabs`; this file only moves messages.

use wasm_bindgen::prelude::*;

use crate::core::tabs::TabMessage;

/// A random id for this tab (16 hex digits).
pub fn new_tab_id() -> String {
    let a = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let b = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    format!("{a:08x}{b:08x}")
}

/// The open channel; dropping it removes the listener and closes the channel.
pub struct TabChannel {
    channel: web_sys::BroadcastChannel,
    /// The closure type of every host and window listener (driver.rs `Listener`): one set of
    /// shims. It answers false (a `message` event cannot be cancelled anyway).
    _onmessage: Closure<dyn FnMut(JsValue) -> bool>,
}

/// The warm-up's channel (src/warm.rs): outside the dialers' `agent-dialer:<agentId>` names,
/// and closed as soon as it is open, so that what the rehearsal posts goes nowhere (a closed
/// channel's `postMessage` throws, and `post` ignores it) and it receives nothing. What it
/// is for: the code of a channel's set-up and posting, and the browser's channel service, are
/// compiled and connected before the first mount (issue 16).
const WARM_UP: &str = "agent-dialer-warm-up";

impl TabChannel {
    /// Joins the channel of `agent_id`, or the warm-up's with `None`; `receive` gets every
    /// readable message of another tab. `None` when the browser has no `BroadcastChannel` (the
    /// tab then works alone).
    pub fn open(
        agent_id: Option<&str>,
        receive: impl Fn(TabMessage) + 'static,
    ) -> Option<TabChannel> {
        let name = agent_id.map_or_else(|| WARM_UP.into(), |id| format!("agent-dialer:{id}"));
        let channel = web_sys::BroadcastChannel::new(&name).ok()?;
        if agent_id.is_none() {
            channel.close();
        }
        let onmessage = Closure::<dyn FnMut(JsValue) -> bool>::new(move |e: JsValue| {
            // Not a tab message (another version, another sender): ignored.
            let data = e.unchecked_into::<web_sys::MessageEvent>().data();
            if let Some(message) = super::read::tab_message(&data) {
                receive(message);
            }
            false
        });
        channel.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        Some(TabChannel {
            channel,
            _onmessage: onmessage,
        })
    }

    /// Sends `message` to the other tabs.
    pub fn post(&self, message: &TabMessage) {
        if let Ok(value) = super::js::to_js(message) {
            let _ = self.channel.post_message(&value);
        }
    }
}

impl Drop for TabChannel {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}
