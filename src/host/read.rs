//! Reading what JavaScript hands the widget, defensively: configurations, `setConfig`
//! patches, the host's call events, other tabs' messages and the saved episode.
//!
//! Everything goes through `Reflect.get` (which turns a throwing getter or a revoked Proxy
//! into an error here, not an exception through Rust) and `kindOf` (which never throws);
//! strings are measured before they are copied into wasm memory. A value that cannot be read
//! is an error naming its path, never a panic (E11).

use wasm_bindgen::{JsCast, JsValue};

use super::bindings::{describe_js, kind_of};
use crate::core::flow::{CallbackWindow, Episode, PersistedCall, MAX_CALL_ID};
use crate::core::tabs::TabMessage;
use crate::core::value::{dotted, quoted, Val};
use crate::core::wire::{CallEvent, CallKind, EndReason, PeerEmergency};

/// What is read of a host object: only the members named, so a host's other members (and
/// their getters) are never touched.
#[derive(Clone, Copy, Debug)]
pub enum Shape {
    /// A boolean, number or string.
    Leaf,
    /// An array of leaves.
    List,
    /// An object with these members.
    Obj(&'static [(&'static str, Shape)]),
}

/// `DialerConfig` (HOST_CONTRACT), plus the shell's own members: `emergency.boundariesUrl`,
/// `emergency.geocoderUrl` and the test-only `testing.bindingTimeoutMs`.
pub const CONFIG_SHAPE: Shape = Shape::Obj(&[
    (
        "agent",
        Shape::Obj(&[("id", Shape::Leaf), ("name", Shape::Leaf)]),
    ),
    ("locale", Shape::Leaf),
    (
        "emergency",
        Shape::Obj(&[
            ("recipients", Shape::Leaf),
            (
                "template",
                Shape::Obj(&[("subject", Shape::Leaf), ("body", Shape::Leaf)]),
            ),
            ("outsideLinePrefix", Shape::Leaf),
            ("supportedRegions", Shape::List),
            ("unsupportedRegionPolicy", Shape::Leaf),
            ("civicAddress", Shape::Leaf),
            (
                "locationOverride",
                Shape::Obj(&[
                    ("latitude", Shape::Leaf),
                    ("longitude", Shape::Leaf),
                    ("accuracyMeters", Shape::Leaf),
                    ("region", Shape::Leaf),
                ]),
            ),
            ("boundariesUrl", Shape::Leaf),
            ("geocoderUrl", Shape::Leaf),
        ]),
    ),
    (
        "readiness",
        Shape::Obj(&[
            ("voiceOutboundProfile", Shape::Leaf),
            ("mailboxEnabled", Shape::Leaf),
            ("numberType", Shape::Leaf),
            ("directRoutingEmergencyRule", Shape::Leaf),
            ("directOfferNumber", Shape::Leaf),
        ]),
    ),
    (
        "permissions",
        Shape::Obj(&[("editEmergencySettings", Shape::Leaf)]),
    ),
    ("testing", Shape::Obj(&[("bindingTimeoutMs", Shape::Leaf)])),
]);

/// Members replaced whole by `setConfig` rather than merged.
pub const REPLACED_WHOLE: [&str; 1] = ["emergency.locationOverride"];

/// Longest string copied from JavaScript into a [`Val`].
const MAX_STRING: u32 = 1 << 20;
/// Most array entries read.
const MAX_LIST: u32 = 1_000;

/// `obj[key]`, or an error naming `path.key` when reading it throws.
pub fn member(obj: &JsValue, key: &str, path: &str) -> Result<JsValue, String> {
    if !(obj.is_object() || obj.is_function()) {
        return Ok(JsValue::UNDEFINED);
    }
    js_sys::Reflect::get(obj, &JsValue::from_str(key))
        .map_err(|e| problem(path, key, " cannot be read: ", &describe_js(&e)))
}

/// A message about the member `key` of `path`: `path.key` + `tail` + `given`, built in one
/// place (no `format!` per reader).
#[inline(never)]
fn problem(path: &str, key: &str, tail: &str, given: &str) -> String {
    let mut message = dotted(path, key);
    message.push_str(tail);
    message.push_str(given);
    message
}

/// A string no longer than `max` characters (UTF-16 units), without copying a longer one.
pub fn short_string(v: &JsValue, max: u32) -> Result<Option<String>, String> {
    match v.dyn_ref::<js_sys::JsString>() {
        None => Ok(None),
        Some(s) if s.length() > max => Err(format!("is longer than {max} characters")),
        Some(_) => Ok(v.as_string()),
    }
}

/// Reads `value` as `shape`; `path` names it in messages (`config`).
pub fn read(value: &JsValue, shape: Shape, path: &str) -> Result<Val, String> {
    read_in(value, shape, path, "", &mut Vec::new())
}

/// Reads a `setConfig` patch as `shape`, and the members it sets to `undefined` on purpose
/// (own members whose value is `undefined`, e.g. what the custom element's `el.config = …`
/// leaves out): by path without the leading `config.`, for the merge to remove.
pub fn read_patch(value: &JsValue, shape: Shape, path: &str) -> Result<(Val, Vec<String>), String> {
    let mut unset = Vec::new();
    let patch = read_in(value, shape, path, "", &mut unset)?;
    Ok((patch, unset))
}

/// `list[i]`, through the same `Reflect.get` import as a member (no second import for a
/// numeric key: `Reflect.get(list, 1)` reads `list["1"]`).
fn item(list: &JsValue, i: u32) -> Result<JsValue, JsValue> {
    js_sys::Reflect::get(list, &JsValue::from_f64(i.into()))
}

/// True when `obj` has `key` as an own member (a Proxy whose trap throws: no).
fn own(obj: &JsValue, key: &str) -> bool {
    js_sys::Reflect::get_own_property_descriptor(
        obj.unchecked_ref::<js_sys::Object>(),
        &JsValue::from_str(key),
    )
    .is_ok_and(|d| !d.is_undefined())
}

fn read_in(
    value: &JsValue,
    shape: Shape,
    path: &str,
    rel: &str,
    unset: &mut Vec<String>,
) -> Result<Val, String> {
    if value.is_undefined() {
        return Ok(Val::Absent);
    }
    if value.is_null() {
        return Ok(Val::Null);
    }
    match shape {
        Shape::Leaf => leaf(value, path),
        Shape::List => {
            if kind_of(value) != "array" {
                return leaf(value, path);
            }
            let length = member(value, "length", path)?.as_f64().unwrap_or(0.0);
            if length > MAX_LIST as f64 {
                return Err(format!("{path} has more than {MAX_LIST} entries"));
            }
            let mut items = Vec::new();
            for i in 0..length as u32 {
                let at = format!("{path}[{i}]");
                let item = item(value, i)
                    .map_err(|e| format!("{at} cannot be read: {}", describe_js(&e)))?;
                items.push(leaf(&item, &at)?);
            }
            Ok(Val::List(items))
        }
        Shape::Obj(members) => {
            if kind_of(value) != "object" {
                return leaf(value, path);
            }
            let mut out = Vec::with_capacity(members.len());
            for (key, shape) in members {
                let v = member(value, key, path)?;
                let sub = dotted(rel, key);
                if v.is_undefined() && own(value, key) {
                    unset.push(sub.clone());
                }
                let read = read_in(&v, *shape, &dotted(path, key), &sub, unset)?;
                out.push((*key, read));
            }
            Ok(Val::Obj(out))
        }
    }
}

fn leaf(value: &JsValue, path: &str) -> Result<Val, String> {
    if let Some(b) = value.as_bool() {
        return Ok(Val::Bool(b));
    }
    if let Some(n) = value.as_f64() {
        return Ok(Val::Num(n));
    }
    match short_string(value, MAX_STRING) {
        Ok(Some(s)) => return Ok(Val::Str(s)),
        Err(e) => return Err(format!("{path} {e}")),
        Ok(None) => {}
    }
    Ok(match kind_of(value).as_str() {
        "array" => Val::Other("an array"),
        "object" => Val::Other("an object"),
        "function" => Val::Other("a function"),
        "unreadable" => return Err(format!("{path} cannot be read (a revoked Proxy?)")),
        "bigint" => Val::Other("a bigint"),
        "symbol" => Val::Other("a symbol"),
        _ => Val::Other("an unknown value"),
    })
}

/// A string member no longer than `max`; `None` when absent or `null`.
fn text(obj: &JsValue, key: &str, max: usize, path: &str) -> Result<Option<String>, String> {
    let v = member(obj, key, path)?;
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    match short_string(&v, max as u32) {
        Ok(Some(s)) => Ok(Some(s)),
        Ok(None) => Err(problem(path, key, " must be a string", "")),
        Err(e) => Err(problem(path, key, " ", &e)),
    }
}

fn required(obj: &JsValue, key: &str, max: usize, path: &str) -> Result<String, String> {
    text(obj, key, max, path)?
        .filter(|s| !s.is_empty())
        .ok_or_else(|| problem(path, key, " must be a non-empty string", ""))
}

/// A `calling.subscribe` event (HOST_CONTRACT `CallEvent`). An `ended` whose reason is
/// missing or unknown still ends the call (as `dropped`): a call is never left running
/// because of a malformed event.
pub fn call_event(v: &JsValue) -> Result<CallEvent, String> {
    let path = "event";
    if kind_of(v) != "object" {
        return Err(format!("the event must be an object, not {}", kind_of(v)));
    }
    let kind = required(v, "type", 40, path)?;
    const KINDS: [&str; 5] = [
        "ringing",
        "connected",
        "ended",
        "incoming",
        "callback-number",
    ];
    let Some(which) = KINDS.iter().position(|k| *k == kind) else {
        return Err(format!("unknown event type {}", quoted(&kind)));
    };
    // Every kind names its call: read once, after the type and before the kind's own members.
    let call_id = required(v, "callId", MAX_CALL_ID, path)?;
    Ok(match which {
        0 => CallEvent::Ringing { call_id },
        1 => CallEvent::Connected { call_id },
        2 => CallEvent::Ended {
            call_id,
            reason: match text(v, "reason", 40, path).ok().flatten().as_deref() {
                Some("local") => EndReason::Local,
                Some("remote") => EndReason::Remote,
                Some("failed") => EndReason::Failed,
                _ => EndReason::Dropped,
            },
        },
        3 => CallEvent::Incoming {
            call_id,
            from: text(v, "from", 256, path)?.unwrap_or_default(),
            to: required(v, "to", 256, path)?,
        },
        _ => CallEvent::CallbackNumber {
            call_id,
            number: required(v, "number", 64, path)?,
            valid_for_seconds: member(v, "validForSeconds", path)?
                .as_f64()
                .unwrap_or(f64::NAN),
        },
    })
}

fn number(obj: &JsValue, key: &str, path: &str) -> Result<Option<f64>, String> {
    Ok(member(obj, key, path)?.as_f64())
}

/// A message from another tab of the same agent; `None` for anything that is not one.
pub fn tab_message(v: &JsValue) -> Option<TabMessage> {
    let path = "message";
    if kind_of(v) != "object" {
        return None;
    }
    let mut d = Data::default();
    let started_at = d.keep(number(v, "startedAt", path))?;
    let emergency = d.keep(member(v, "emergency", path));
    let emergency = if kind_of(&emergency) == "object" {
        Some(PeerEmergency {
            call_id: d.keep(text(&emergency, "callId", MAX_CALL_ID, path)),
            number: d.keep(required(&emergency, "number", 64, path)),
        })
    } else {
        None
    };
    let message = TabMessage {
        protocol: d.keep(required(v, "protocol", 64, path)),
        tab_id: d.keep(required(v, "tabId", 64, path)),
        started_at,
        emergency,
        last_call: d.keep(number(v, "lastCall", path)),
        bye: d.keep(member(v, "bye", path)).as_bool().unwrap_or(false),
        callback_offer: d.keep(text(v, "callbackOffer", MAX_CALL_ID, path)),
    };
    d.problem.is_none().then_some(message)
}

fn millis(obj: &JsValue, key: &str, path: &str) -> Result<u64, String> {
    match number(obj, key, path)? {
        Some(n) if n.is_finite() && n >= 0.0 => Ok(n as u64),
        _ => Err(problem(path, key, " must be a time", "")),
    }
}

/// Reads plain data (parsed JSON, a structured clone: no getters to run) keeping the first
/// problem instead of returning at each member: one exit, not one per member, each with the
/// members read so far to drop.
#[derive(Default)]
struct Data {
    problem: Option<String>,
}

impl Data {
    /// `read`'s value, or the type's default once a problem was kept.
    fn keep<T: Default>(&mut self, read: Result<T, String>) -> T {
        read.unwrap_or_else(|e| {
            self.problem.get_or_insert(e);
            T::default()
        })
    }
}

/// The episode saved in storage (parsed JSON).
pub fn episode(v: &JsValue) -> Result<Episode, String> {
    let path = "episode";
    if kind_of(v) != "object" {
        return Err("the saved episode is not an object".into());
    }
    let mut d = Data::default();
    let flag = |d: &mut Data, key| d.keep(member(v, key, path)).as_bool() == Some(true);
    let call = d.keep(member(v, "call", path));
    let call = match kind_of(&call).as_str() {
        "object" => Some(PersistedCall {
            call_id: d.keep(text(&call, "callId", MAX_CALL_ID, path)),
            number: d.keep(required(&call, "number", 64, path)),
            kind: match d.keep(text(&call, "kind", 40, path)).as_deref() {
                Some("emergency-callback") => CallKind::EmergencyCallback,
                _ => CallKind::Emergency,
            },
            started_at: d.keep(millis(&call, "startedAt", path)),
        }),
        _ => None,
    };
    let callback = d.keep(member(v, "callback", path));
    let callback = match kind_of(&callback).as_str() {
        "object" => Some(CallbackWindow {
            number: d.keep(required(&callback, "number", 64, path)),
            expires_at: d.keep(millis(&callback, "expiresAt", path)),
            call_id: d.keep(required(&callback, "callId", MAX_CALL_ID, path)),
        }),
        _ => None,
    };
    let last = d.keep(member(v, "lastEmergency", path));
    let last_emergency = match kind_of(&last).as_str() {
        "array" => {
            let id = d.keep(item(&last, 0).map_err(|e| describe_js(&e)));
            let at = d.keep(item(&last, 1).map_err(|e| describe_js(&e)));
            match (d.keep(short_string(&id, MAX_CALL_ID as u32)), at.as_f64()) {
                (Some(id), Some(at)) if at.is_finite() && at >= 0.0 => Some((id, at as u64)),
                _ => None,
            }
        }
        _ => None,
    };
    let episode = Episode {
        saved_presence: d.keep(text(v, "savedPresence", 256, path)),
        restoring: flag(&mut d, "restoring"),
        presence_unknown: flag(&mut d, "presenceUnknown"),
        call,
        callback,
        last_emergency,
    };
    match d.problem {
        Some(problem) => Err(problem),
        None => Ok(episode),
    }
}

/// A list of call ids (`calling.activeCalls()`); entries that are not ids are left out.
pub fn id_list(v: &JsValue, max: usize) -> Result<Vec<String>, String> {
    if kind_of(v) != "array" {
        return Err(format!(
            "the answer must be an array of call ids, not {}",
            kind_of(v)
        ));
    }
    let length = member(v, "length", "the answer")?.as_f64().unwrap_or(0.0);
    let length = length.clamp(0.0, MAX_LIST as f64) as u32;
    let mut ids = Vec::new();
    for i in 0..length {
        let item = item(v, i).map_err(|e| describe_js(&e))?;
        if let Ok(Some(id)) = short_string(&item, max as u32) {
            ids.push(id);
        }
    }
    Ok(ids)
}
