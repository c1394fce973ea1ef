//! The host's JavaScript bindings (HOST_CONTRACT "Bindings the host provides"), called by
//! their [`Binding`] name from the core.
//!
//! Every call goes through `bindings.js`, which turns a throw, a rejection, an unreadable
//! answer or a promise that does not settle within the timeout into a failure of that binding
//! only, and never lets an exception through into Rust (E11).

use wasm_bindgen::prelude::*;

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
        late: &JsValue,
    ) -> bool;

    #[wasm_bindgen(js_name = settleValue)]
    fn settle_value(value: &JsValue, done: &JsValue);

    #[wasm_bindgen(js_name = subscribeBinding)]
    fn subscribe_binding(host: &JsValue, group: &str, listener: &JsValue) -> js_sys::Array;

    #[wasm_bindgen(js_name = checkHost)]
    fn check_host_against(host: &JsValue, bindings: &js_sys::Array) -> String;

    /// Dispatches a bubbling `CustomEvent` on the mount element (never throws).
    #[wasm_bindgen(js_name = dispatchDialerEvent)]
    pub fn dispatch_dialer_event(element: &web_sys::Element, name: &str, detail: &JsValue);

    /// `"array"`, `"object"`, `"string"` … or `"unreadable"` (never throws).
    #[wasm_bindgen(js_name = kindOf)]
    pub fn kind_of(value: &JsValue) -> String;

    /// A readable message for anything thrown (never throws).
    #[wasm_bindgen(js_name = describe)]
    pub fn describe_js(error: &JsValue) -> String;

    /// The widget's root `<div class="agent-dialer">` appended to `element`, or (a string) why
    /// it cannot be (never throws).
    #[wasm_bindgen(js_name = attachRoot)]
    pub fn attach_root(element: &web_sys::Element) -> JsValue;

    /// The warm-up's pane laid out once in a hidden box and taken out again in the same task
    /// (never painted; never throws): the document's first layout of the widget is paid then.
    #[wasm_bindgen(js_name = layOutOnce)]
    pub fn lay_out_once(element: &JsValue);

    /// A new `<div>` of the page's document that is not in it (the warm-up's), when there is one.
    #[wasm_bindgen(js_name = detachedElement)]
    pub fn detached_element() -> Option<web_sys::Element>;

    /// The local time's offset from UTC now, in minutes (`-getTimezoneOffset()`).
    #[wasm_bindgen(js_name = utcOffsetMinutes)]
    pub fn utc_offset_minutes() -> i32;

    /// Listens to a window event; returns the function that stops listening (never throws).
    #[wasm_bindgen(js_name = listenWindow)]
    pub fn listen_window(kind: &str, listener: &JsValue) -> js_sys::Function;
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

/// How one binding call went (the codes of `bindings.js`).
#[derive(Debug)]
pub enum Outcome {
    /// Its answer (a plain value, or what its promise resolved to).
    Value(JsValue),
    /// It threw or rejected.
    Failed(String),
    /// It answered with something that cannot be read (a revoked Proxy, a `then` getter that
    /// throws, thenables nested too deeply).
    Unreadable(String),
    /// No answer within the binding timeout.
    TimedOut(String),
}

impl Outcome {
    fn from_code(code: u32, value: JsValue) -> Outcome {
        let message = || value.as_string().unwrap_or_else(|| "failed".into());
        match code {
            0 => Outcome::Value(value),
            2 => Outcome::Unreadable(message()),
            3 => Outcome::TimedOut(message()),
            _ => Outcome::Failed(message()),
        }
    }

    /// The answer, or the message of any failure.
    pub fn value(self) -> Result<JsValue, String> {
        match self {
            Outcome::Value(v) => Ok(v),
            Outcome::Failed(m) | Outcome::Unreadable(m) | Outcome::TimedOut(m) => Err(m),
        }
    }
}

/// The host object given to `mount`.
#[derive(Clone, Debug)]
pub struct HostBindings {
    host: JsValue,
    timeout_ms: u32,
}

/// A continuation for one binding's answer. Boxed, so that every call site shares one closure
/// type (and one set of wasm-bindgen shims) instead of one each (bundle size, issue 16).
type Done = Box<dyn FnOnce(Outcome)>;

fn callback(done: Done) -> JsValue {
    Closure::once_into_js(move |code: u32, value: JsValue| done(Outcome::from_code(code, value)))
}

/// Runs `done` once `value` (a promise, or a plain value: then at once) has settled, through
/// the same follower and continuation as a binding's answer (bindings.js `settleValue`).
pub fn when_settled(value: &JsValue, done: impl FnOnce(Outcome) + 'static) {
    settle_value(value, &callback(Box::new(done)));
}

impl HostBindings {
    /// Wraps a host object (already checked with [`check_host`]); bindings time out after
    /// `timeout_ms`.
    pub fn new(host: JsValue, timeout_ms: u32) -> Self {
        HostBindings { host, timeout_ms }
    }

    /// The host object.
    pub fn object(&self) -> &JsValue {
        &self.host
    }

    /// True when the host provides `binding` now (a host may change itself after `mount`).
    pub fn has(&self, binding: Binding) -> bool {
        let Some((group, method)) = binding.path() else {
            return false;
        };
        js_sys::Reflect::get(&self.host, &JsValue::from_str(group))
            .ok()
            .filter(|g| g.is_object() || g.is_function())
            .and_then(|g| js_sys::Reflect::get(&g, &JsValue::from_str(method)).ok())
            .is_some_and(|f| f.is_function())
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
        self.call_with_late(binding, args, done, None::<fn(Outcome)>)
    }

    /// [`HostBindings::call`]; after a timeout, `late` runs once if the binding answers after all.
    pub fn call_with_late(
        &self,
        binding: Binding,
        args: &[JsValue],
        done: impl FnOnce(Outcome) + 'static,
        late: Option<impl FnOnce(Outcome) + 'static>,
    ) -> bool {
        let late = late.map(|l| Box::new(l) as Done);
        self.invoke(binding, args, Box::new(done), late)
    }

    /// [`HostBindings::call_with_late`] without generics: one copy for every call site.
    #[inline(never)]
    fn invoke(&self, binding: Binding, args: &[JsValue], done: Done, late: Option<Done>) -> bool {
        let Some((group, method)) = binding.path() else {
            return false;
        };
        let array = args.iter().collect::<js_sys::Array>();
        let late = late.map_or(JsValue::UNDEFINED, callback);
        invoke_binding(
            &self.host,
            group,
            method,
            &array,
            self.timeout_ms,
            &callback(done),
            &late,
        )
    }

    /// `host.calling.subscribe(listener)` or `host.presence.subscribe(listener)`: the function
    /// that stops forwarding to `listener` and unsubscribes (never throws), or why it failed.
    pub fn subscribe(
        &self,
        binding: Binding,
        listener: &JsValue,
    ) -> Result<js_sys::Function, String> {
        let (group, _) = binding.path().unwrap_or(("", ""));
        let answer = subscribe_binding(&self.host, group, listener);
        match answer.get(0).dyn_into::<js_sys::Function>() {
            Ok(off) => Ok(off),
            Err(_) => Err(format!(
                "{} threw: {}",
                binding.as_str(),
                answer.get(1).as_string().unwrap_or_default()
            )),
        }
    }
}
