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
        deserialize_i64 deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32
        deserialize_u64 deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char
        deserialize_str deserialize_string deserialize_bytes deserialize_byte_buf
        deserialize_unit deserialize_seq deserialize_map
        deserialize_identifier deserialize_ignored_any
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

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_enum(name, variants, Strict(visitor))
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
        self.0.visit_enum(Strict(data))
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

impl<'de, A: de::EnumAccess<'de>> de::EnumAccess<'de> for Strict<A> {
    type Error = A::Error;
    type Variant = Strict<A::Variant>;
    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), Self::Error> {
        self.0.variant_seed(Strict(seed)).map(|(value, variant)| (value, Strict(variant)))
    }
}

impl<'de, A: de::VariantAccess<'de>> de::VariantAccess<'de> for Strict<A> {
    type Error = A::Error;
    /// A unit variant written as a string (`"visit"`), and only so: serde's
    /// code would also take `{"visit": null}` and write it back as
    /// `"visit"`, silently changing the text. The value is asked for as a
    /// newtype variant's: of a string there is none (the string form's
    /// error, which is expected), while the object form hands its value to
    /// the seed, which refuses it.
    fn unit_variant(self) -> Result<(), Self::Error> {
        let asked = std::cell::Cell::new(false);
        match self.0.newtype_variant_seed(NoValue(&asked)) {
            Err(_) if !asked.get() => Ok(()),
            Err(error) => Err(error),
            Ok(()) => Err(de::Error::custom(NO_VALUE)),
        }
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, Self::Error> {
        self.0.newtype_variant_seed(Strict(seed))
    }
    fn tuple_variant<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.tuple_variant(len, Strict(visitor))
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.struct_variant(fields, Strict(visitor))
    }
}

/// Why a unit variant's object form is refused.
const NO_VALUE: &str = "invalid type: an object; this value is written as a string alone, \
     not as an object with one key";

/// The seed of a unit variant's value, which has none: refuses whatever
/// is there, noting that it was asked.
struct NoValue<'a>(&'a std::cell::Cell<bool>);

impl<'de> DeserializeSeed<'de> for NoValue<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, _deserializer: D) -> Result<(), D::Error> {
        self.0.set(true);
        Err(de::Error::custom(NO_VALUE))
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
