//! The host's JavaScript bindings (HOST_CONTRACT "Bindings the host provides").
//!
//! Every call goes through `bindings.js`, which turns a throw, a rejection or a promise that
//! does not settle within the timeout into a failure of that binding only.

use wasm_bindgen::prelude::*;

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

    /// Structural check of a host object: `""` when fine, else what is wrong.
    #[wasm_bindgen(js_name = checkHost)]
    pub fn check_host(host: &JsValue) -> String;

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

    /// True when the host provides `host[group][method]`.
    pub fn has(&self, group: &str, method: &str) -> bool {
        let target = js_sys::Reflect::get(&self.host, &JsValue::from_str(group))
            .unwrap_or(JsValue::UNDEFINED);
        !target.is_undefined()
            && !target.is_null()
            && js_sys::Reflect::get(&target, &JsValue::from_str(method))
                .is_ok_and(|f| f.is_function())
    }

    /// Calls `host[group][method](...args)` now, in this task. `done` runs exactly once: at once
    /// when the binding answers synchronously or throws, later when its promise settles or times
    /// out. Returns false (and never calls `done`) when the binding is not provided.
    pub fn call(
        &self,
        group: &str,
        method: &str,
        args: &[JsValue],
        done: impl FnOnce(Outcome) + 'static,
    ) -> bool {
        if !self.has(group, method) {
            return false;
        }
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

    /// `host[group].subscribe(listener)`: the unsubscribe function, if any.
    pub fn subscribe(
        &self,
        group: &str,
        listener: &JsValue,
    ) -> Result<Option<js_sys::Function>, String> {
        match subscribe_binding(&self.host, group, listener) {
            Ok(off) => Ok(off.dyn_into::<js_sys::Function>().ok()),
            Err(e) => Err(format!("{group}.subscribe threw: {}", describe(&e))),
        }
    }
}

/// A readable message for a JavaScript error value.
pub fn describe(error: &JsValue) -> String {
    if let Some(e) = error.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}
