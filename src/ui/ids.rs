//! Element ids unique per widget: two widgets in one document never share an id, so every
//! label and ARIA reference points into its own widget. The root component provides the
//! prefix (`ad<instance>`) and hands it to the components that build ids as a prop (a yew
//! context would cost a `ContextProvider` instantiation, ~6 KB of wasm; issue 16).

use yew::prelude::*;

/// This widget's id prefix.
#[derive(Clone, Debug, PartialEq)]
pub struct Ids(pub AttrValue);

impl Ids {
    /// The prefix for widget number `instance` in the document.
    pub fn for_instance(instance: u32) -> Ids {
        Ids(AttrValue::from(format!("ad{instance}")))
    }

    /// The id of `name` in this widget, e.g. `ad3-number`.
    pub fn of(&self, name: &str) -> AttrValue {
        AttrValue::from(format!("{}-{name}", self.0))
    }

    /// Several ids, space-separated (for `aria-describedby`).
    pub fn list(&self, names: &[&str]) -> AttrValue {
        let ids: Vec<String> = names.iter().map(|n| format!("{}-{n}", self.0)).collect();
        AttrValue::from(ids.join(" "))
    }
}

/// `ad0`: the ids of a component rendered outside a widget's root (component tests).
impl Default for Ids {
    fn default() -> Self {
        Ids::for_instance(0)
    }
}
