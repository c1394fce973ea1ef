//! Element ids unique per widget: two widgets in one document never share an id, so every
//! label and ARIA reference points into its own widget (prefix `ad<instance>`).

/// The instance number of a pane that is never in the document (the warm-up, src/warm.rs):
/// its ids cannot clash with a real widget's, and it reads no stored device choice and asks
/// the browser for no devices (ui::devices).
pub const OFF_DOCUMENT: u32 = u32::MAX;

/// This widget's ids: `ad<instance>-<name>`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ids(pub u32);

impl Ids {
    /// True for the pane of [`OFF_DOCUMENT`].
    pub fn off_document(&self) -> bool {
        self.0 == OFF_DOCUMENT
    }

    /// The ids of widget number `instance` in the document.
    pub fn for_instance(instance: u32) -> Ids {
        Ids(instance)
    }

    /// Sets the attribute `attr` of `e` to the id of `name` in this widget (`for`, `id`,
    /// `aria-controls`…), when it differs: joined in locale.js, no string made here.
    pub fn set(&self, e: &web_sys::Element, attr: &str, name: &str) {
        super::dom::set_id_attr(e, attr, self.0, name);
    }
}
