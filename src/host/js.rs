//! The small helpers every shell file uses: the clock, Rust data as JavaScript values, and a
//! readable message for a JavaScript error.

use serde::ser::{self, Serialize};
use wasm_bindgen::JsValue;

use crate::core::Millis;

/// The current time for the core, from `Date.now()`.
pub fn now() -> Millis {
    js_sys::Date::now().max(0.0) as Millis
}

/// `value` as plain JavaScript values, JSON-compatible: structs and maps as plain objects,
/// sequences as arrays, `None` and `()` as `null`, unit variants as their name, other variants
/// as `{ name: value }`, 64-bit integers as numbers when exact. Or why it cannot be.
///
/// Hand-written rather than serde-wasm-bindgen's `Serializer::json_compatible()` (the same
/// output for what the widget hands over: dial requests, event details, snapshots, the saved
/// episode, tab messages): ~1.5 KB brotli less wasm (issue 16, BENCHMARKS.md).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, String> {
    value.serialize(JsSer).map_err(unhandable)
}

/// [`to_js`]'s message, out of line: one copy, not one per type handed over.
#[inline(never)]
fn unhandable(e: SerError) -> String {
    let mut message = String::from("cannot be handed to JavaScript: ");
    message.push_str(&e.0);
    message
}

/// Why a value cannot become a JavaScript value.
#[derive(Debug)]
pub struct SerError(String);

impl std::fmt::Display for SerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SerError {}

impl ser::Error for SerError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        SerError(msg.to_string())
    }
}

/// The serializer of [`to_js`].
struct JsSer;

/// Numbers beyond ±(2^53 − 1) would not arrive exact.
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

#[inline(never)]
fn set(object: &js_sys::Object, key: &JsValue, value: &JsValue) -> Result<(), SerError> {
    js_sys::Reflect::set(object, key, value)
        .map(drop)
        .map_err(|e| SerError(describe(&e)))
}

#[inline(never)]
fn too_large(v: &dyn std::fmt::Display) -> SerError {
    SerError(format!("{v} can't be represented as a JavaScript number"))
}

/// An array being filled.
struct Arr(js_sys::Array);
/// An object being filled (`key`: a map's key waiting for its value).
struct Obj {
    object: js_sys::Object,
    key: Option<JsValue>,
}
/// A tuple or struct variant: `{ variant: inner }`.
struct Variant<T> {
    name: &'static str,
    inner: T,
}

fn obj() -> Obj {
    Obj {
        object: js_sys::Object::new(),
        key: None,
    }
}

fn tagged(name: &'static str, inner: JsValue) -> Result<JsValue, SerError> {
    let object = js_sys::Object::new();
    set(&object, &JsValue::from_str(name), &inner)?;
    Ok(object.into())
}

/// Numbers that every JavaScript number holds exactly.
macro_rules! small_numbers {
    ($($method:ident : $t:ty),*) => {$(
        fn $method(self, v: $t) -> Result<JsValue, SerError> {
            self.serialize_f64(v.into())
        }
    )*};
}

impl ser::Serializer for JsSer {
    type Ok = JsValue;
    type Error = SerError;
    type SerializeSeq = Arr;
    type SerializeTuple = Arr;
    type SerializeTupleStruct = Arr;
    type SerializeTupleVariant = Variant<Arr>;
    type SerializeMap = Obj;
    type SerializeStruct = Obj;
    type SerializeStructVariant = Variant<Obj>;

    fn serialize_bool(self, v: bool) -> Result<JsValue, SerError> {
        Ok(JsValue::from_bool(v))
    }
    small_numbers!(
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_f32: f32
    );
    fn serialize_i64(self, v: i64) -> Result<JsValue, SerError> {
        if v.unsigned_abs() <= MAX_SAFE_INTEGER {
            self.serialize_f64(v as f64)
        } else {
            Err(too_large(&v))
        }
    }
    fn serialize_u64(self, v: u64) -> Result<JsValue, SerError> {
        if v <= MAX_SAFE_INTEGER {
            self.serialize_f64(v as f64)
        } else {
            Err(too_large(&v))
        }
    }
    fn serialize_f64(self, v: f64) -> Result<JsValue, SerError> {
        Ok(JsValue::from_f64(v))
    }
    fn serialize_char(self, v: char) -> Result<JsValue, SerError> {
        Ok(JsValue::from_str(v.encode_utf8(&mut [0; 4])))
    }
    fn serialize_str(self, v: &str) -> Result<JsValue, SerError> {
        Ok(JsValue::from_str(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<JsValue, SerError> {
        Ok(js_sys::Uint8Array::from(v).into())
    }
    fn serialize_none(self) -> Result<JsValue, SerError> {
        Ok(JsValue::NULL)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<JsValue, SerError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<JsValue, SerError> {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<JsValue, SerError> {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<JsValue, SerError> {
        Ok(JsValue::from_str(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<JsValue, SerError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<JsValue, SerError> {
        tagged(variant, value.serialize(JsSer)?)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Arr, SerError> {
        Ok(Arr(js_sys::Array::new()))
    }
    fn serialize_tuple(self, _: usize) -> Result<Arr, SerError> {
        Ok(Arr(js_sys::Array::new()))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Arr, SerError> {
        Ok(Arr(js_sys::Array::new()))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        name: &'static str,
        _: usize,
    ) -> Result<Variant<Arr>, SerError> {
        Ok(Variant {
            name,
            inner: Arr(js_sys::Array::new()),
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Obj, SerError> {
        Ok(obj())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Obj, SerError> {
        Ok(obj())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        name: &'static str,
        _: usize,
    ) -> Result<Variant<Obj>, SerError> {
        Ok(Variant { name, inner: obj() })
    }
}

impl Arr {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        self.0.push(&value.serialize(JsSer)?);
        Ok(())
    }
}

/// serde's three sequence traits, one behaviour: elements appended to the array.
macro_rules! array_serializer {
    ($($name:ident :: $method:ident),*) => {$(
        impl ser::$name for Arr {
            type Ok = JsValue;
            type Error = SerError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
                self.push(value)
            }
            fn end(self) -> Result<JsValue, SerError> {
                Ok(self.0.into())
            }
        }
    )*};
}

array_serializer!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

impl ser::SerializeTupleVariant for Variant<Arr> {
    type Ok = JsValue;
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        self.inner.push(value)
    }
    fn end(self) -> Result<JsValue, SerError> {
        tagged(self.name, self.inner.0.into())
    }
}

impl Obj {
    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), SerError> {
        self.put(key, value.serialize(JsSer)?)
    }

    /// The non-generic half of [`Obj::field`]: one copy instead of one per field type
    /// (bundle size, issue 16).
    #[inline(never)]
    fn put(&self, key: &str, value: JsValue) -> Result<(), SerError> {
        set(&self.object, &JsValue::from_str(key), &value)
    }
}

impl ser::SerializeMap for Obj {
    type Ok = JsValue;
    type Error = SerError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), SerError> {
        let key = key.serialize(JsSer)?;
        if !key.is_string() {
            return Err(SerError(
                "Map key is not a string and cannot be an object key".into(),
            ));
        }
        self.key = Some(key);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        let key = self.key.take().unwrap_or(JsValue::UNDEFINED);
        set(&self.object, &key, &value.serialize(JsSer)?)
    }
    fn end(self) -> Result<JsValue, SerError> {
        Ok(self.object.into())
    }
}

impl ser::SerializeStruct for Obj {
    type Ok = JsValue;
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), SerError> {
        self.field(key, value)
    }
    fn end(self) -> Result<JsValue, SerError> {
        Ok(self.object.into())
    }
}

impl ser::SerializeStructVariant for Variant<Obj> {
    type Ok = JsValue;
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), SerError> {
        self.inner.field(key, value)
    }
    fn end(self) -> Result<JsValue, SerError> {
        tagged(self.name, self.inner.object.into())
    }
}

/// A readable message for a JavaScript error value (never throws, whatever it is).
pub fn describe(error: &JsValue) -> String {
    super::bindings::describe_js(error)
}
