//! The wire name of a code-list value, taken from its serde code, so that
//! each name is written once: in the enum's `rename_all`.
//!
//! [`code_list!`] gives an enum `as_str`, `Display` and `FromStr`; the
//! names come from [`unit_variant_name`], a serializer that accepts only a
//! unit variant and returns its name.

use serde::Serialize;
use serde::ser::{Impossible, Serializer};

/// The name serde writes for `value`, when `value` serializes as a unit
/// variant (every listed value of a code list); `None` otherwise (the
/// `Other` variant, which holds its own text).
pub(crate) fn unit_variant_name<T: Serialize + ?Sized>(value: &T) -> Option<&'static str> {
    value.serialize(VariantName).ok()
}

/// The names of an enum's variants, as its serde code lists them (every
/// name it reads, the `other` of an open code list's variant included):
/// asked of a deserializer that gives the list back as its error.
pub(crate) fn variant_names<T: serde::de::DeserializeOwned>() -> &'static [&'static str] {
    match T::deserialize(VariantNames) {
        Err(NotUnitVariant(Some(names))) => names,
        _ => &[],
    }
}

/// A deserializer that takes an enum's list of variant names and stops.
struct VariantNames;

impl<'de> serde::Deserializer<'de> for VariantNames {
    type Error = NotUnitVariant;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(NotUnitVariant(None))
    }

    fn deserialize_enum<V: serde::de::Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        Err(NotUnitVariant(Some(variants)))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

/// A serializer that returns a unit variant's name and refuses the rest.
struct VariantName;

/// The refusal of [`VariantName`] and [`VariantNames`]: anything but a unit
/// variant, or the list of an enum's variant names.
#[derive(Debug)]
struct NotUnitVariant(Option<&'static [&'static str]>);

impl std::fmt::Display for NotUnitVariant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a unit variant")
    }
}

impl std::error::Error for NotUnitVariant {}

impl serde::ser::Error for NotUnitVariant {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        NotUnitVariant(None)
    }
}

impl serde::de::Error for NotUnitVariant {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        NotUnitVariant(None)
    }
}

/// Refuses each listed kind of value.
macro_rules! refuse {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $method(self, $(_: $arg),*) -> Result<Self::Ok, Self::Error> {
            Err(NotUnitVariant(None))
        })*
    };
}

impl Serializer for VariantName {
    type Ok = &'static str;
    type Error = NotUnitVariant;
    type SerializeSeq = Impossible<&'static str, NotUnitVariant>;
    type SerializeTuple = Impossible<&'static str, NotUnitVariant>;
    type SerializeTupleStruct = Impossible<&'static str, NotUnitVariant>;
    type SerializeTupleVariant = Impossible<&'static str, NotUnitVariant>;
    type SerializeMap = Impossible<&'static str, NotUnitVariant>;
    type SerializeStruct = Impossible<&'static str, NotUnitVariant>;
    type SerializeStructVariant = Impossible<&'static str, NotUnitVariant>;

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<&'static str, NotUnitVariant> {
        Ok(variant)
    }

    refuse!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
    );

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<&'static str, NotUnitVariant> {
        Err(NotUnitVariant(None))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<&'static str, NotUnitVariant> {
        Err(NotUnitVariant(None))
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<&'static str, NotUnitVariant> {
        Err(NotUnitVariant(None))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotUnitVariant> {
        Err(NotUnitVariant(None))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotUnitVariant> {
        Err(NotUnitVariant(None))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotUnitVariant> {
        Err(NotUnitVariant(None))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotUnitVariant> {
        Err(NotUnitVariant(None))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotUnitVariant> {
        Err(NotUnitVariant(None))
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, NotUnitVariant> {
        Err(NotUnitVariant(None))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotUnitVariant> {
        Err(NotUnitVariant(None))
    }
}

/// Gives a code list `as_str` (its wire name), `Display` (the same) and
/// `FromStr` (a listed value by its wire name). For an open list, name its
/// variant that holds other values: `code_list!(EventKind, Other)`; its
/// text is what `as_str` gives and what `FromStr` never returns (a listed
/// spelling is the listed value). Wire names that are also common words
/// with another meaning can be kept out of `other-is-listed`'s advice:
/// `code_list!(Role, Other, not_advised: ["member"])`.
macro_rules! code_list {
    ($type:ident, $other:ident, not_advised: [$($word:literal),*]) => {
        $crate::json::wire_name::code_list!(@list $type, $other, [$($word),*]);
    };
    ($type:ident, $other:ident) => {
        $crate::json::wire_name::code_list!(@list $type, $other, []);
    };
    ($type:ident) => {
        $crate::json::wire_name::code_list!(@list $type);
    };
    (@list $type:ident $(, $other:ident, [$($word:literal),*])?) => {
        impl $type {
            /// The value as written in records: `"official_visit"` for a
            /// listed value, and for an `{"other": ...}` value its text.
            pub fn as_str(&self) -> &str {
                $(if let $type::$other(text) = self {
                    return text.as_str();
                })?
                $crate::json::wire_name::unit_variant_name(self).unwrap_or_default()
            }

            /// The listed value whose wire name is `name`, if any.
            pub fn listed(name: &str) -> Option<Self> {
                use ::serde::Deserialize as _;
                // Only a name on the list is read, so that a name off it
                // costs no error message.
                if !$crate::json::wire_name::variant_names::<Self>().contains(&name) {
                    return None;
                }
                let deserializer =
                    ::serde::de::value::StrDeserializer::<::serde::de::value::Error>::new(name);
                let value = $type::deserialize(deserializer).ok();
                $crate::json::errors::clear_code();
                value
            }
        }

        $(impl $crate::json::wire_name::OpenCodeList for $type {
            fn other_text(&self) -> Option<&$crate::Text> {
                match self {
                    $type::$other(text) => Some(text),
                    _ => None,
                }
            }

            fn other(text: $crate::Text) -> Self {
                $type::$other(text)
            }

            fn advised_value(name: &str) -> bool {
                name != "other"
                    $(&& name != $word)*
                    && $crate::json::wire_name::variant_names::<Self>().contains(&name)
            }
        })?

        impl ::core::fmt::Display for $type {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use code_list;

/// An open code list: listed values, and an `Other` variant with its text.
pub(crate) trait OpenCodeList {
    /// The text of an `{"other": ...}` value; `None` for a listed value.
    fn other_text(&self) -> Option<&crate::Text>;
    /// The `{"other": ...}` value of `text`.
    fn other(text: crate::Text) -> Self;
    /// Whether `name` is the wire name of a listed value that an
    /// `{"other": ...}` value spelling it surely means.
    fn advised_value(name: &str) -> bool;
}
