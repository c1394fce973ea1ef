//! The host's JavaScript bindings (HOST_CONTRACT "Bindings the host provides"), called by
//! their [`Binding`] name from the core.
//!
//! Every call goes through `bindings.js`, which turns a throw, a rejection or a promise that
//! does not settle within the timeout into a failure of that binding only.

use wasm_bindgen::prelude::*;

use super::js::describe;
use crate::core::Binding;

#[wasm_bindgen(module = "/src/host/bindings.js")]
extern "C" {
    #[wasm_bindgen(js_name = invokeBinding)]
    fn invoke_binding(
        host: &JsValue,
        group: &str,
        method: &str,
        args: &js_sys::Array,
        timeout_ms: u32,
        done: &JsValue,
    ) -> bool;

    #[wasm_bindgen(js_name = subscribeBinding, catch)]
    fn subscribe_binding(
        host: &JsValue,
        group: &str,
        listener: &JsValue,
    ) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_name = checkHost)]
    fn check_host_against(host: &JsValue, bindings: &js_sys::Array) -> String;

    /// Structural check of the configuration's shape: `""` when fine, else what is wrong.
    #[wasm_bindgen(js_name = checkConfigShape)]
    pub fn check_config_shape(config: &JsValue) -> String;

    /// Deep-merges a partial configuration into a copy of the current one.
    #[wasm_bindgen(js_name = mergeConfig)]
    pub fn merge_config(current: &JsValue, partial: &JsValue) -> JsValue;

    /// Dispatches a bubbling `CustomEvent` on the mount element.
    #[wasm_bindgen(js_name = dispatchDialerEvent)]
    pub fn dispatch_dialer_event(element: &web_sys::Element, name: &str, detail: &JsValue);
}

/// How long a binding may take before it counts as failed, in milliseconds.
pub const BINDING_TIMEOUT_MS: u32 = 10_000;

/// Structural check of a host object against [`Binding::HOST`]: `""` when fine, else what is
/// wrong (`"host.calling.dial must be a function"`).
pub fn check_host(host: &JsValue) -> String {
    let bindings = Binding::HOST
        .iter()
        .filter_map(|b| {
            let (group, method) = b.path()?;
            let entry = [
                JsValue::from_str(group),
                JsValue::from_str(method),
                JsValue::from_bool(b.required()),
            ];
            Some(entry.iter().collect::<js_sys::Array>())
        })
        .collect::<js_sys::Array>();
    check_host_against(host, &bindings)
}

/// The host object given to `mount`.
#[derive(Clone, Debug)]
pub struct HostBindings {
    host: JsValue,
}

/// The outcome of one binding call: its value, or the error message.
pub type Outcome = Result<JsValue, String>;

impl HostBindings {
    /// Wraps a host object (already checked with [`check_host`]).
    pub fn new(host: JsValue) -> Self {
        HostBindings { host }
    }

    /// True when the host provides `binding`.
    pub fn has(&self, binding: Binding) -> bool {
        let Some((group, method)) = binding.path() else {
            return false;
        };
        let target = js_sys::Reflect::get(&self.host, &JsValue::from_str(group))
            .unwrap_or(JsValue::UNDEFINED);
        !target.is_undefined()
            && !target.is_null()
            && js_sys::Reflect::get(&target, &JsValue::from_str(method))
                .is_ok_and(|f| f.is_function())
    }

    /// Calls the host's `binding(...args)` now, in this task. `done` runs exactly once: at once
    /// when the binding answers synchronously or throws, later when its promise settles or times
    /// out. Returns false (and never calls `done`) when the binding is not provided.
    pub fn call(
        &self,
        binding: Binding,
        args: &[JsValue],
        done: impl FnOnce(Outcome) + 'static,
    ) -> bool {
        let Some((group, method)) = binding.path().filter(|_| self.has(binding)) else {
            return false;
        };
        let array = args.iter().collect::<js_sys::Array>();
        let done = Closure::once_into_js(move |ok: bool, value: JsValue| {
            done(if ok {
                Ok(value)
            } else {
                Err(value.as_string().unwrap_or_else(|| "failed".into()))
            })
        });
        invoke_binding(&self.host, group, method, &array, BINDING_TIMEOUT_MS, &done)
    }

    /// `host.calling.subscribe(listener)` or `host.presence.subscribe(listener)`: the
    /// unsubscribe function, if any.
    pub fn subscribe(
        &self,
        binding: Binding,
        listener: &JsValue,
    ) -> Result<Option<js_sys::Function>, String> {
        let (group, _) = binding.path().unwrap_or(("", ""));
        match subscribe_binding(&self.host, group, listener) {
            Ok(off) => Ok(off.dyn_into::<js_sys::Function>().ok()),
            Err(e) => Err(format!("{} threw: {}", binding.as_str(), describe(&e))),
        }
    }
}
