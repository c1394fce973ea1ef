//! [`SettingsLink`] carries one settings editor's latest view from the shell to the form, and
//! the form's events back. The form itself (`settings_panel.rs`, cargo feature `admin`) is
//! shown on its own as the administrator's surface (`mountSettings`), or inside the agent's
//! pane when the host grants `permissions.editEmergencySettings`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::core::settings::{SettingsEvent, SettingsView};

type Watcher = (u32, Rc<dyn Fn(Option<Rc<SettingsView>>)>);

struct Inner {
    view: RefCell<Option<Rc<SettingsView>>>,
    onevent: Rc<dyn Fn(SettingsEvent)>,
    watchers: RefCell<Vec<Watcher>>,
    next: Cell<u32>,
}

/// One settings editor's latest view (set by the shell with [`SettingsLink::publish`]) and
/// where the form's events go. Two links are equal only when they are the same link.
#[derive(Clone)]
pub struct SettingsLink(Rc<Inner>);

impl PartialEq for SettingsLink {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl SettingsLink {
    /// A link whose form sends its events to `onevent`; it shows nothing until a view is
    /// published.
    pub fn new(onevent: impl Fn(SettingsEvent) + 'static) -> SettingsLink {
        SettingsLink(Rc::new(Inner {
            view: RefCell::new(None),
            onevent: Rc::new(onevent),
            watchers: RefCell::new(Vec::new()),
            next: Cell::new(0),
        }))
    }

    /// The view to show now (`None`: no form).
    pub fn publish(&self, view: Option<SettingsView>) {
        let view = view.map(Rc::new);
        *self.0.view.borrow_mut() = view.clone();
        // No borrow held while the watchers run: they may publish or unwatch.
        let watchers: Vec<_> = self
            .0
            .watchers
            .borrow()
            .iter()
            .map(|(_, w)| w.clone())
            .collect();
        for w in watchers {
            w(view.clone());
        }
    }

    /// The latest view, if any.
    pub fn view(&self) -> Option<Rc<SettingsView>> {
        self.0.view.borrow().clone()
    }

    /// Sends the form's event to the editor.
    pub fn emit(&self, event: SettingsEvent) {
        (self.0.onevent)(event)
    }

    /// Calls `watcher` with every published view until [`SettingsLink::unwatch`]ed.
    pub fn watch(&self, watcher: Rc<dyn Fn(Option<Rc<SettingsView>>)>) -> u32 {
        let id = self.0.next.get().wrapping_add(1);
        self.0.next.set(id);
        self.0.watchers.borrow_mut().push((id, watcher));
        id
    }

    /// Stops telling the watcher `id`.
    pub fn unwatch(&self, id: u32) {
        self.0.watchers.borrow_mut().retain(|(w, _)| *w != id);
    }
}
