//! Element ids unique per widget: two widgets in one document never share an id, so every
//! label and ARIA reference points into its own widget. The root component provides the
//! prefix (`ad<instance>`); components build ids with [`use_ids`].

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

/// The widget's ids (the root's context; `ad0` outside one).
#[hook]
pub fn use_ids() -> Ids {
    use_context::<Ids>().unwrap_or_else(|| Ids::for_instance(0))
}
