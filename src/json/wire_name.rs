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

/// A serializer that returns a unit variant's name and refuses the rest.
struct VariantName;

/// The refusal: anything but a unit variant.
#[derive(Debug)]
struct NotUnitVariant;

impl std::fmt::Display for NotUnitVariant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a unit variant")
    }
}

impl std::error::Error for NotUnitVariant {}

impl serde::ser::Error for NotUnitVariant {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        NotUnitVariant
    }
}

/// Refuses each listed kind of value.
macro_rules! refuse {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $method(self, $(_: $arg),*) -> Result<Self::Ok, Self::Error> {
            Err(NotUnitVariant)
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
        Err(NotUnitVariant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<&'static str, NotUnitVariant> {
        Err(NotUnitVariant)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<&'static str, NotUnitVariant> {
        Err(NotUnitVariant)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotUnitVariant> {
        Err(NotUnitVariant)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotUnitVariant> {
        Err(NotUnitVariant)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotUnitVariant> {
        Err(NotUnitVariant)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotUnitVariant> {
        Err(NotUnitVariant)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotUnitVariant> {
        Err(NotUnitVariant)
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, NotUnitVariant> {
        Err(NotUnitVariant)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotUnitVariant> {
        Err(NotUnitVariant)
    }
}

/// Gives a code list `as_str` (its wire name), `Display` (the same) and
/// `FromStr` (a listed value by its wire name). For an open list, name its
/// variant that holds other values: `code_list!(EventKind, Other)`; its
/// text is what `as_str` gives and what `FromStr` never returns (a listed
/// spelling is the listed value).
macro_rules! code_list {
    ($type:ident $(, $other:ident)?) => {
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

            fn listed_value(name: &str) -> bool {
                $type::listed(name).is_some()
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
    /// Whether `name` is the wire name of a listed value.
    fn listed_value(name: &str) -> bool;
}
