//! `RefCell` access for the shell, without a panic location per call site.
//!
//! `RefCell::borrow`/`borrow_mut` are `#[track_caller]`: every call site keeps a 16-byte
//! `Location` (file, line, column) in the wasm's data for the panic that a conflicting borrow
//! would raise, and the shell has dozens of them (issue 16). These out-of-line forms panic at
//! one place instead: the same panic, the same abort, one location. No borrow is ever held
//! while JavaScript runs (driver.rs), so none of them ever panics.

use std::cell::{Ref, RefCell, RefMut};

/// [`RefCell::borrow`] and [`RefCell::borrow_mut`] with one panic location for all callers.
pub trait Shared<T> {
    /// The value, shared.
    fn read(&self) -> Ref<'_, T>;
    /// The value, exclusively.
    fn write(&self) -> RefMut<'_, T>;
}

impl<T> Shared<T> for RefCell<T> {
    fn read(&self) -> Ref<'_, T> {
        self.borrow()
    }

    fn write(&self) -> RefMut<'_, T> {
        self.borrow_mut()
    }
}
