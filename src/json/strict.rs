//! A deserializer adapter that holds serde to the published schema.
//!
//! - serde's derived structs also accept a JSON array of their fields in
//!   order (`"time": ["2024-04-02", "2024-04-03"]`), which the schema does not
//!   allow and no user means. Every struct request becomes a map request, all
//!   the way down, so such input is an `invalid-type` error.
//! - Lists and maps hold at most [`MAX_ITEMS`] entries, so that one record
//!   stays of a size its reader can hold.
//! - serde reads `null` as an absent optional value. An optional field is
//!   left out instead; `null` is an `invalid-type` error, so that one record
//!   has one spelling and generated code need not allow `null` everywhere.
//! - A one-key object (`{"person": "putin"}`, `{"other": "talks"}`) has
//!   exactly one key: a second one is a `duplicate-key` error when it repeats
//!   the first and an `unknown-field` error otherwise, and a unit value's
//!   object form (`{"visit": null}`) is refused, never rewritten as `"visit"`.
//! - Whole numbers are written in plain digits: `1e2`, `100.0` and `-0`
//!   are `invalid-value` errors that say so, as is a number above the
//!   largest accepted.

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

/// The most items a list (or entries a map) of a record may have.
pub const MAX_ITEMS: usize = 10_000;

fn too_many<E: de::Error>() -> E {
    crate::json::errors::note_code(crate::Code::TooManyItems);
    E::custom(format_args!("more than {MAX_ITEMS} items in one list or map"))
}

/// Wraps a deserializer (or an access, a visitor, a seed) so that structs
/// are read from maps only.
pub(crate) struct Strict<T>(pub(crate) T);

macro_rules! forward {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
                self.0.$method(Strict(visitor))
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    forward! {
        deserialize_any deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32
        deserialize_i64 deserialize_i128 deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char
        deserialize_str deserialize_string deserialize_bytes deserialize_byte_buf
        deserialize_unit deserialize_seq deserialize_map
        deserialize_identifier deserialize_ignored_any
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_u8(Whole(Strict(visitor)))
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_u16(Whole(Strict(visitor)))
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_u32(Whole(Strict(visitor)))
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_u64(Whole(Strict(visitor)))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_option(NotNull(Strict(visitor)))
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_unit_struct(name, Strict(visitor))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_newtype_struct(name, Strict(visitor))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_tuple(len, Strict(visitor))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_tuple_struct(name, len, Strict(visitor))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_map(Strict(visitor))
    }

    /// Read as any value, so that the one-key object form is read here,
    /// as a map whose second key can be refused (serde_json's own enum
    /// access would report it as a syntax error).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_any(OneOf(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Strict<S> {
    type Value = S::Value;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(Strict(deserializer))
    }
}

macro_rules! visit_forward {
    ($($method:ident: $ty:ty),*) => {
        $(
            fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
                self.0.$method(v)
            }
        )*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Strict<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.expecting(f)
    }

    visit_forward! {
        visit_bool: bool, visit_i8: i8, visit_i16: i16, visit_i32: i32, visit_i64: i64,
        visit_i128: i128, visit_u8: u8, visit_u16: u16, visit_u32: u32, visit_u64: u64,
        visit_u128: u128, visit_f32: f32, visit_f64: f64, visit_char: char,
        visit_str: &str, visit_borrowed_str: &'de str, visit_string: String,
        visit_bytes: &[u8], visit_borrowed_bytes: &'de [u8], visit_byte_buf: Vec<u8>
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.0.visit_some(Strict(deserializer))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_unit()
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        self.0.visit_newtype_struct(Strict(deserializer))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.0.visit_seq(Strict(Counted { inner: seq, count: 0 }))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.visit_map(Strict(Counted { inner: map, count: 0 }))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        // serde_json calls this only from `deserialize_enum`, which
        // [`OneOf`] replaces.
        self.0.visit_enum(data)
    }
}

/// A list or map access that counts its entries against [`MAX_ITEMS`].
struct Counted<A> {
    inner: A,
    count: usize,
}

impl<A> Counted<A> {
    fn tick<E: de::Error>(&mut self) -> Result<(), E> {
        self.count += 1;
        if self.count > MAX_ITEMS { Err(too_many()) } else { Ok(()) }
    }
}

impl<'de, A: de::SeqAccess<'de>> de::SeqAccess<'de> for Strict<Counted<A>> {
    type Error = A::Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Self::Error> {
        let element = self.0.inner.next_element_seed(Strict(seed))?;
        if element.is_some() {
            self.0.tick()?;
        }
        Ok(element)
    }
    fn size_hint(&self) -> Option<usize> {
        self.0.inner.size_hint()
    }
}

impl<'de, A: de::MapAccess<'de>> de::MapAccess<'de> for Strict<Counted<A>> {
    type Error = A::Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        let key = self.0.inner.next_key_seed(Strict(seed))?;
        if key.is_some() {
            self.0.tick()?;
        }
        Ok(key)
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.inner.next_value_seed(Strict(seed))
    }
    fn size_hint(&self) -> Option<usize> {
        self.0.inner.size_hint()
    }
}

/// The visitor of an enum's value: its string form (`"visit"`) or its
/// one-key object form (`{"other": "talks"}`).
struct OneOf<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for OneOf<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.expecting(f)
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Self::Value, E> {
        self.0.visit_enum(Named::<E>(name.to_owned(), std::marker::PhantomData))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let Some(name) = map.next_key::<String>()? else {
            return Err(de::Error::custom(
                "invalid value: an empty object; it has exactly one key",
            ));
        };
        let value = self.0.visit_enum(Keyed { map: &mut map, name: name.clone() })?;
        match map.next_key::<String>()? {
            None => Ok(value),
            Some(second) if second == name => {
                crate::json::errors::note_code(crate::Code::DuplicateKey);
                Err(de::Error::custom(format_args!("duplicate key {second:?}")))
            }
            Some(second) => {
                crate::json::errors::note_code(crate::Code::UnknownField);
                Err(de::Error::custom(format_args!(
                    "unknown field `{second}` beside `{name}`: this object has exactly one key"
                )))
            }
        }
    }
}

/// The string form of an enum value: a unit variant's name.
struct Named<E>(String, std::marker::PhantomData<E>);

impl<'de, E: de::Error> de::EnumAccess<'de> for Named<E> {
    type Error = E;
    type Variant = Self;
    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), E> {
        use de::IntoDeserializer;
        let name: de::value::StrDeserializer<'_, E> = self.0.as_str().into_deserializer();
        Ok((seed.deserialize(name)?, self))
    }
}

impl<'de, E: de::Error> de::VariantAccess<'de> for Named<E> {
    type Error = E;
    fn unit_variant(self) -> Result<(), E> {
        Ok(())
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value, E> {
        Err(self.needs_a_value())
    }
    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value, E> {
        Err(self.needs_a_value())
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, E> {
        Err(self.needs_a_value())
    }
}

impl<E: de::Error> Named<E> {
    fn needs_a_value(&self) -> E {
        let name = &self.0;
        E::custom(format_args!(
            "{STRING_FORM}{name:?} is written as an object with one key, {{{name:?}: ...}}"
        ))
    }
}

/// The one-key object form of an enum value, read from its map.
struct Keyed<'m, A> {
    map: &'m mut A,
    name: String,
}

impl<'de, A: de::MapAccess<'de>> de::EnumAccess<'de> for Keyed<'_, A> {
    type Error = A::Error;
    type Variant = Self;
    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), A::Error> {
        use de::IntoDeserializer;
        let name: de::value::StrDeserializer<'_, A::Error> = self.name.as_str().into_deserializer();
        Ok((seed.deserialize(name)?, self))
    }
}

impl<'de, A: de::MapAccess<'de>> de::VariantAccess<'de> for Keyed<'_, A> {
    type Error = A::Error;
    /// serde's own access would take `{"visit": null}` for `"visit"` and
    /// write it back as `"visit"`, silently changing the text.
    fn unit_variant(self) -> Result<(), A::Error> {
        Err(de::Error::custom(NO_VALUE))
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.map.next_value_seed(Strict(seed))
    }
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(Strict(Tuple(len, visitor)))
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(Strict(Struct(visitor)))
    }
}

/// How the error about a newtype value's string form starts: the error's
/// path then ends at the string, not at the variant serde names.
pub(crate) const STRING_FORM: &str = "invalid type: a string; ";

/// Why a unit variant's object form is refused.
const NO_VALUE: &str = "invalid type: an object; this value is written as a string alone, \
     not as an object with one key";

/// The value of a tuple variant, as a seed.
struct Tuple<V>(usize, V);

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for Tuple<V> {
    type Value = V::Value;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        deserializer.deserialize_tuple(self.0, self.1)
    }
}

/// The value of a struct variant, as a seed: a map, as every struct.
struct Struct<V>(V);

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for Struct<V> {
    type Value = V::Value;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        deserializer.deserialize_map(self.0)
    }
}

/// The visitor of a whole number (an unsigned integer of the model), which
/// says what is wrong with a number serde_json could only read as a float.
struct Whole<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for Whole<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.expecting(f)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.0.visit_u64(v)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.0.visit_i64(v)
    }

    /// serde_json reads a number as a float when it has a fraction, an
    /// exponent or a minus sign before zero, or when it is above
    /// `u64::MAX`. A JSON Schema validator sees `1e2` as the integer 100;
    /// the crate asks for one spelling of a number, as of every value.
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        crate::json::errors::note_code(crate::Code::InvalidValue);
        #[allow(clippy::cast_precision_loss, reason = "2^64 is exact as a float")]
        let message = if v >= u64::MAX as f64 {
            format!("invalid value: a number above the largest accepted, {}", u64::MAX)
        } else if v.fract() == 0.0 && v >= 0.0 {
            format!(
                "invalid value: the whole number {v} must be written in plain digits, \
                 without a fraction, an exponent or a minus sign"
            )
        } else {
            format!("invalid value: {v} is not a whole number of 0 or more")
        };
        Err(E::custom(message))
    }
}
/// The visitor of an optional value that refuses `null`.
struct NotNull<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for NotNull<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.expecting(f)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Err(E::custom("invalid type: null; leave an optional field out instead of writing null"))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.0.visit_some(deserializer)
    }
}
