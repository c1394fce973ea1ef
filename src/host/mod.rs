//! The browser shell: all JavaScript lives here. Depends on `core`, never on `ui`.

pub mod bindings;
pub mod cell;
pub mod driver;
#[cfg(feature = "test-trap")]
pub mod fault;
pub mod js;
pub mod location;
pub mod panic;
pub mod read;
pub mod settings;
pub mod storage;
pub mod tabs;
