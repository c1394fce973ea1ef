//! The few DOM operations the pane is made of (issue 16: no framework in the agent's wasm).
//! Elements are built once; an update compares and sets only what changed (text, attributes,
//! classes), so nothing the agent typed, selected or focused is disturbed. Everything is text
//! or attributes: no markup is ever parsed (strict CSP, nothing injected as HTML).

use std::rc::{Rc, Weak};

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Node};

use super::icons::{icon, Icon};

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/ui/locale.js")]
extern "C" {
    /// locale.js `dom`: every DOM operation below through one import (never throws).
    #[wasm_bindgen(js_name = dom)]
    fn dom_js(op: u8, node: &JsValue, other: Option<&Node>, a: &str, b: &str, n: u32) -> JsValue;
}

/// What [`dom_js`] does (the numbers in locale.js).
#[derive(Clone, Copy)]
enum Op {
    Make = 0,
    Svg = 1,
    Text = 2,
    SetAttr = 3,
    RemoveAttr = 4,
    Class = 5,
    Append = 6,
    AddText = 7,
    AddComment = 8,
    Before = 9,
    Replace = 10,
    Remove = 11,
    Clear = 12,
    GetText = 13,
    Value = 14,
    SetValue = 15,
    Focus = 16,
    DialKey = 17,
    Media = 18,
    PreventDefault = 19,
    Target = 20,
    Describe = 21,
    SetIdAttr = 22,
    Capitalized = 23,
    Document = 24,
    Keys = 25,
    PressedKey = 26,
}

/// `op` on `node` (not generic: one call site for every operation).
#[inline(never)]
fn op(op: Op, node: &JsValue, other: Option<&Node>, a: &str, b: &str) -> JsValue {
    dom_js(op as u8, node, other, a, b, 0)
}

/// Sets the attribute `attr` of `e` to `ad<instance>-<name>` (an element id), when it differs.
#[inline(never)]
pub fn set_id_attr(e: &Element, attr: &str, instance: u32, name: &str) {
    dom_js(Op::SetIdAttr as u8, e, None, attr, name, instance);
}

/// A new `<tag class=…>` (an empty class is left out).
#[inline(never)]
pub fn el(doc: &Document, tag: &str, class: &str) -> Element {
    // Falls back to a div for an invalid tag name (every name here is a constant).
    op(Op::Make, doc, None, tag, class).unchecked_into()
}

/// A new SVG `<tag>`, when the document can make one.
pub fn svg(doc: &Document, tag: &str) -> Option<Element> {
    let e = op(Op::Svg, doc, None, tag, "");
    (!e.is_null()).then(|| e.unchecked_into())
}

/// Sets several attributes.
#[inline(never)]
pub fn set_attrs(e: &Element, attrs: &[(&str, &str)]) {
    for (k, v) in attrs {
        op(Op::SetAttr, e, None, k, v);
    }
}

/// `el` with attributes.
#[inline(never)]
pub fn make(doc: &Document, tag: &str, class: &str, attrs: &[(&str, &str)]) -> Element {
    let e = el(doc, tag, class);
    set_attrs(&e, attrs);
    e
}

/// Appends `child` to `parent`.
#[inline(never)]
pub fn append(parent: &Node, child: &Node) {
    op(Op::Append, parent, Some(child), "", "");
}

/// `el` with attributes, appended to `parent`.
#[inline(never)]
pub fn add(
    doc: &Document,
    parent: &Node,
    tag: &str,
    class: &str,
    attrs: &[(&str, &str)],
) -> Element {
    let e = make(doc, tag, class, attrs);
    append(parent, &e);
    e
}

/// `el` with attributes and the text `text`, appended to `parent` (not returned: one drop
/// here rather than at every call).
#[inline(never)]
pub fn add_text_el(
    doc: &Document,
    parent: &Node,
    tag: &str,
    class: &str,
    attrs: &[(&str, &str)],
    text: &str,
) {
    set_text(&add(doc, parent, tag, class, attrs), text);
}

/// A text node appended to `parent`.
#[inline(never)]
pub fn add_text(parent: &Node, text: &str) -> Node {
    op(Op::AddText, parent, None, text, "").unchecked_into()
}

/// An icon appended to `parent`.
#[inline(never)]
pub fn add_icon(doc: &Document, parent: &Node, which: Icon) {
    append(parent, &icon(doc, which));
}

/// A `<button type=button class=… data-test=…>`, appended to `parent`.
#[inline(never)]
pub fn button(doc: &Document, parent: &Node, class: &str, test: &str) -> Element {
    add(
        doc,
        parent,
        "button",
        class,
        &[("type", "button"), ("data-test", test)],
    )
}

/// Sets the text of `node` when it differs.
#[inline(never)]
pub fn set_text(node: &Node, text: &str) {
    op(Op::Text, node, None, text, "");
}

/// Sets the text of `node` to `text` followed by `suffix` when it differs (joined in
/// locale.js: no `format!`).
#[inline(never)]
pub fn set_text_with(node: &Node, text: &str, suffix: &str) {
    op(Op::Text, node, None, text, suffix);
}

/// The text of `node` (empty when it has none).
pub fn text(node: &Node) -> String {
    op(Op::GetText, node, None, "", "")
        .as_string()
        .unwrap_or_default()
}

/// Sets (or, with `None`, removes) an attribute when it differs.
#[inline(never)]
pub fn set_attr(e: &Element, name: &str, value: Option<&str>) {
    match value {
        Some(v) => op(Op::SetAttr, e, None, name, v),
        None => op(Op::RemoveAttr, e, None, name, ""),
    };
}

/// `"true"` / `"false"`.
pub fn bool_str(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// Sets the class list when it differs.
#[inline(never)]
pub fn set_class(e: &Element, class: &str) {
    op(Op::Class, e, None, class, "");
}

/// Empties `e`.
#[inline(never)]
pub fn clear(e: &Node) {
    op(Op::Clear, e, None, "", "");
}

/// The value of the field (input or select) `e`.
pub fn value(e: &Element) -> String {
    op(Op::Value, e, None, "", "")
        .as_string()
        .unwrap_or_default()
}

/// Sets the value of the field `e`.
pub fn set_value(e: &Element, value: &str) {
    op(Op::SetValue, e, None, value, "");
}

/// Moves the focus to `e`.
pub fn focus(e: &Element) {
    op(Op::Focus, e, None, "", "");
}

/// The twelve keys of a keypad (digit and letters; `data-test` `<prefix>-<key>`), appended to
/// the group `e` in one call (locale.js).
pub fn add_keys(e: &Element, prefix: &str) {
    op(Op::Keys, e, None, prefix, "");
}

/// The key of the keypad button a click `e` landed in, if it did (locale.js).
pub fn pressed_key(e: &web_sys::Event) -> Option<String> {
    op(Op::PressedKey, e, None, "", "").as_string()
}

/// The key of a keydown `e` pressed without Ctrl, Meta or Alt.
pub fn plain_key(e: &web_sys::Event) -> Option<String> {
    op(Op::DialKey, e, None, "", "").as_string()
}

/// The browser's media devices (for their `devicechange`), if it has them.
pub fn media_devices() -> Option<web_sys::EventTarget> {
    let media = op(Op::Media, &JsValue::UNDEFINED, None, "", "");
    (!media.is_null()).then(|| media.unchecked_into())
}

/// Prevents the default of the event `e`.
pub fn prevent_default(e: &web_sys::Event) {
    op(Op::PreventDefault, e, None, "", "");
}

/// The target of the event `e`.
pub fn target(e: &web_sys::Event) -> JsValue {
    op(Op::Target, e, None, "", "")
}

/// Why `error` (what a promise rejected with) happened, in words.
pub fn describe(error: &JsValue) -> String {
    op(Op::Describe, error, None, "", "")
        .as_string()
        .unwrap_or_default()
}

/// `text` with its first character upper-cased as the language `tag` writes it (the
/// browser's `toLocaleUpperCase`: no Unicode case tables in the wasm); as it is when that
/// fails.
pub fn capitalized(text: &str, tag: &str) -> String {
    op(Op::Capitalized, &JsValue::UNDEFINED, None, text, tag)
        .as_string()
        .unwrap_or_else(|| text.to_string())
}

/// The document `e` belongs to (an element always has one: no panicking path).
pub fn document_of(e: &Element) -> Document {
    op(Op::Document, e, None, "", "").unchecked_into()
}

/// Takes `e` out of the document.
#[inline(never)]
pub fn remove(e: &Node) {
    op(Op::Remove, e, None, "", "");
}

/// An icon that changes: replaced in place when it does.
pub struct IconSlot {
    el: Element,
    which: Icon,
}

impl IconSlot {
    /// `which`, appended to `parent`.
    pub fn add(doc: &Document, parent: &Node, which: Icon) -> IconSlot {
        IconSlot {
            el: {
                let i = icon(doc, which);
                append(parent, &i);
                i
            },
            which,
        }
    }

    /// Shows `which`.
    pub fn set(&mut self, doc: &Document, which: Icon) {
        if which != self.which {
            let new = icon(doc, which);
            op(Op::Replace, &self.el, Some(&new), "", "");
            self.el = new;
            self.which = which;
        }
    }
}

/// Puts `e` before `anchor` (not generic: one copy for every kind of [`Slot`]).
#[inline(never)]
fn put(anchor: &Node, e: &Element) {
    op(Op::Before, anchor, Some(e), "", "");
}

/// An empty comment appended to `parent` (not generic: one copy for every kind of [`Slot`]).
#[inline(never)]
fn anchor(parent: &Node) -> Node {
    op(Op::AddComment, parent, None, "", "").unchecked_into()
}

/// Something shown in a [`Slot`]: its root element.
pub trait Part {
    /// The element put in and taken out of the document.
    fn root(&self) -> &Element;
}

/// A place in a parent for a part that comes and goes: an empty comment marks where, so parts
/// keep their order whatever else is shown. A removed part is dropped (its listeners with it)
/// unless it is [`Slot::hide`]den, which keeps it (and what was typed in it) for later.
pub struct Slot<T> {
    anchor: Node,
    part: Option<T>,
    shown: bool,
}

impl<T: Part> Slot<T> {
    /// A slot at the end of `parent`.
    pub fn add(parent: &Node) -> Slot<T> {
        Slot {
            anchor: anchor(parent),
            part: None,
            shown: false,
        }
    }

    /// The part, made with `make` when there is none, and shown.
    pub fn show(&mut self, make: impl FnOnce() -> T) -> &mut T {
        let part = self.part.get_or_insert_with(make);
        if !self.shown {
            put(&self.anchor, part.root());
            self.shown = true;
        }
        part
    }

    /// Takes the part out of the document and drops it.
    pub fn remove(&mut self) {
        self.hide();
        self.part = None;
    }

    /// Takes the part out of the document, keeping it.
    pub fn hide(&mut self) {
        if let (true, Some(p)) = (self.shown, &self.part) {
            remove(p.root());
        }
        self.shown = false;
    }

    /// The part, when shown.
    pub fn get(&mut self) -> Option<&mut T> {
        self.part.as_mut().filter(|_| self.shown)
    }

    /// Shows the part made by `make` and updated by `update` when `when` holds; else removes it.
    pub fn set(&mut self, when: bool, make: impl FnOnce() -> T, update: impl FnOnce(&mut T)) {
        if when {
            update(self.show(make));
        } else {
            self.remove();
        }
    }
}

impl Part for Element {
    fn root(&self) -> &Element {
        self
    }
}

/// A part whose content is rebuilt whenever its key changes (for small parts: nothing in them
/// is typed or clicked, and what they show changes seldom: a part with listeners is built once
/// and sets its texts in place).
pub struct Keyed<K> {
    /// The element.
    pub el: Element,
    key: Option<K>,
}

impl<K: PartialEq> Keyed<K> {
    /// A keyed part rooted at `el`.
    pub fn new(el: Element) -> Keyed<K> {
        Keyed { el, key: None }
    }

    /// Rebuilds the content with `build` when `key` differs from the last one.
    pub fn set(&mut self, key: K, build: impl FnOnce(&Element, &K)) {
        if self.key.as_ref() != Some(&key) {
            clear(&self.el);
            build(&self.el, &key);
            self.key = Some(key);
        }
    }
}

impl<K> Part for Keyed<K> {
    fn root(&self) -> &Element {
        &self.el
    }
}

/// Where the pane's listeners send what happened: a message to the pane that owns them,
/// as long as it is alive.
pub struct Sender<M> {
    to: Weak<dyn Fn(M)>,
}

impl<M> Clone for Sender<M> {
    fn clone(&self) -> Self {
        Sender {
            to: self.to.clone(),
        }
    }
}

impl<M: 'static> Sender<M> {
    /// A sender to `to` (held weakly: a dropped pane hears nothing).
    pub fn new(to: &Rc<dyn Fn(M)>) -> Sender<M> {
        Sender {
            to: Rc::downgrade(to),
        }
    }

    /// Sends `m`.
    pub fn send(&self, m: M) {
        if let Some(to) = self.to.upgrade() {
            to(m);
        }
    }

    /// A listener for `event` on `target` sending what `f` makes of it (nothing for `None`).
    pub fn on(
        &self,
        target: &web_sys::EventTarget,
        event: &'static str,
        f: impl Fn(&web_sys::Event) -> Option<M> + 'static,
    ) -> EventListener {
        self.listen(target, event, Box::new(f))
    }

    /// [`Sender::on`] with the function boxed: one listener shim for all of them (issue 16).
    #[inline(never)]
    fn listen(
        &self,
        target: &web_sys::EventTarget,
        event: &'static str,
        f: Box<dyn Fn(&web_sys::Event) -> Option<M>>,
    ) -> EventListener {
        let me = self.clone();
        // Not passive: a listener may prevent the default (a form's submit).
        let options = EventListenerOptions::enable_prevent_default();
        EventListener::new_with_options(target, event, options, move |e| {
            if let Some(m) = f(e) {
                me.send(m);
            }
        })
    }

    /// A click listener sending what `m` makes (a function, not a message to clone: one
    /// instantiation for every click, no `Clone` of the message type in the wasm, issue 16).
    pub fn click(&self, target: &web_sys::EventTarget, m: fn() -> M) -> EventListener {
        self.on(target, "click", move |_| Some(m()))
    }
}
