//! One declaration per record struct.
//!
//! [`record_struct!`] takes a struct written as plain Rust, with doc comments
//! and derives, and from its field list alone writes everything else the
//! crate needs of it:
//!
//! - the struct itself, with the serde attributes the format asks for
//!   (unknown fields refused; optional values and empty lists left out);
//! - the fast reader's [`ReadValue`](crate::json::reader::ReadValue), with
//!   the same fields, required where serde requires them;
//! - the [`Collect`](crate::json::collect::Collect) that reads a broken
//!   struct for every problem in it, with the same fields again;
//! - a `with_*` helper for every field that is not required, named after the
//!   field (a list's helper appends);
//! - `blank`, which builds the struct from its required fields with the rest
//!   empty, for the hand-written constructors;
//! - for the crate's tests, the field list, held to the generated schema.
//!
//! A field's kind comes from how it is written:
//!
//! | written | on the wire | helper |
//! | --- | --- | --- |
//! | `pub name: T` | required | none: the constructors take it |
//! | `pub name: Option<T> => with_name` | optional, left out when `None` | `with_name(T)` |
//! | `pub name: Option<Box<T>> => with_name` | the same, for a large value that is rarely there (it keeps the struct small) | `with_name(T)` |
//! | `pub name: Vec<T> => with_name` | optional, empty by default and left out when empty | `with_name(impl IntoIterator<Item = T>)`, appending |
//! | `#[default] pub name: T => with_name` | optional, `T::default()` and left out when empty ([`IsEmpty`]) | `with_name(T)` |
//!
//! The helper is named in the declaration, so that a search for it finds
//! where it comes from; a test holds every name to `with_` and the field's.
//!
//! So adding a field is one edit, and the fast reader cannot disagree with
//! serde about it: neither takes serde attributes from anywhere else. A
//! field takes no attribute but its doc comment and `#[default]` (any other
//! is a compile error here), and the struct none of serde's: its fields'
//! names are the wire names, which the schema test checks.

/// A value that is left out of the output when empty.
pub(crate) trait IsEmpty {
    /// Whether there is nothing to write.
    fn is_empty(&self) -> bool;
}

/// For `skip_serializing_if` on `#[default]` fields.
pub(crate) fn is_empty<T: IsEmpty>(value: &T) -> bool {
    value.is_empty()
}

/// Declares a record struct; see the [module docs](self).
macro_rules! record_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident { $($body:tt)* }
    ) => {
        $crate::json::declare::record_struct!(@field
            [$(#[$meta])*] $name
            [] [] [] []
            $($body)*
        );
    };

    // Munch one field at a time, sorting it by kind. The brackets hold,
    // in order: every field as declared (kind, docs, name, type), the
    // required fields, the optional ones, and the defaulted ones.
    (@field [$($meta:tt)*] $name:ident
        [$($all:tt)*] [$($req:tt)*] [$($opt:tt)*] [$($def:tt)*]
        $(#[doc = $doc:literal])* pub $field:ident : Option<Box<$type:ty>> => $helper:ident $(, $($rest:tt)*)?
    ) => {
        $crate::json::declare::record_struct!(@field [$($meta)*] $name
            [$($all)* (optional [$($doc)*]
                [#[serde(default, skip_serializing_if = "Option::is_none")]]
                $field (Option<Box<$type>>))]
            [$($req)*] [$($opt)* ($field $helper boxed $type)] [$($def)*]
            $($($rest)*)?
        );
    };
    (@field [$($meta:tt)*] $name:ident
        [$($all:tt)*] [$($req:tt)*] [$($opt:tt)*] [$($def:tt)*]
        $(#[doc = $doc:literal])* pub $field:ident : Option<$type:ty> => $helper:ident $(, $($rest:tt)*)?
    ) => {
        $crate::json::declare::record_struct!(@field [$($meta)*] $name
            [$($all)* (optional [$($doc)*]
                [#[serde(default, skip_serializing_if = "Option::is_none")]]
                $field (Option<$type>))]
            [$($req)*] [$($opt)* ($field $helper inline $type)] [$($def)*]
            $($($rest)*)?
        );
    };
    (@field [$($meta:tt)*] $name:ident
        [$($all:tt)*] [$($req:tt)*] [$($opt:tt)*] [$($def:tt)*]
        $(#[doc = $doc:literal])* pub $field:ident : Vec<$type:ty> => $helper:ident $(, $($rest:tt)*)?
    ) => {
        $crate::json::declare::record_struct!(@field [$($meta)*] $name
            [$($all)* (list [$($doc)*]
                [#[serde(default, skip_serializing_if = "Vec::is_empty")]]
                $field (Vec<$type>))]
            [$($req)*] [$($opt)*] [$($def)* ($field $helper (Vec<$type>) list $type)]
            $($($rest)*)?
        );
    };
    (@field [$($meta:tt)*] $name:ident
        [$($all:tt)*] [$($req:tt)*] [$($opt:tt)*] [$($def:tt)*]
        $(#[doc = $doc:literal])* #[default] pub $field:ident : $type:ty => $helper:ident $(, $($rest:tt)*)?
    ) => {
        $crate::json::declare::record_struct!(@field [$($meta)*] $name
            [$($all)* (default [$($doc)*]
                [#[serde(default, skip_serializing_if = "crate::json::declare::is_empty")]]
                $field ($type))]
            [$($req)*] [$($opt)*] [$($def)* ($field $helper ($type) value $type)]
            $($($rest)*)?
        );
    };
    (@field [$($meta:tt)*] $name:ident
        [$($all:tt)*] [$($req:tt)*] [$($opt:tt)*] [$($def:tt)*]
        $(#[doc = $doc:literal])* pub $field:ident : $type:ty $(, $($rest:tt)*)?
    ) => {
        $crate::json::declare::record_struct!(@field [$($meta)*] $name
            [$($all)* (required [$($doc)*] [] $field ($type))]
            [$($req)* ($field $type)] [$($opt)*] [$($def)*]
            $($($rest)*)?
        );
    };

    // Every field sorted: write it all out.
    (@field [$($meta:tt)*] $name:ident
        [$(($kind:ident [$($doc:literal)*] [$($attr:tt)*] $field:ident ($($type:tt)*)))*]
        [$(($req:ident $req_type:ty))*]
        [$(($opt:ident $opt_helper:ident $opt_how:ident $opt_type:ty))*]
        [$(($def:ident $def_helper:ident ($($def_type:tt)*) $def_how:ident $def_item:ty))*]
    ) => {
        $($meta)*
        #[derive(::serde::Serialize, ::serde::Deserialize)]
        #[cfg_attr(feature = "schema", derive(::schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        #[non_exhaustive]
        pub struct $name {
            $(
                $(#[doc = $doc])*
                $($attr)*
                pub $field: $($type)*,
            )*
        }

        impl $name {
            /// The struct from its required fields, everything else empty.
            #[allow(dead_code, reason = "not every struct's constructors use it")]
            fn blank($($req: $req_type),*) -> Self {
                $name {
                    $($req,)*
                    $($opt: None,)*
                    $($def: ::core::default::Default::default(),)*
                }
            }

            $(
                #[doc = concat!("Sets [`", stringify!($opt), "`](Self::", stringify!($opt), ").")]
                #[must_use]
                pub fn $opt_helper(mut self, $opt: $opt_type) -> Self {
                    self.$opt = Some($crate::json::declare::record_struct!(@wrap $opt_how $opt));
                    self
                }
            )*
            $(
                $crate::json::declare::record_struct!(@helper $def $def_helper ($($def_type)*) $def_how $def_item);
            )*
        }

        impl $crate::json::reader::ReadValue for $name {
            fn read(
                reader: &mut $crate::json::reader::Reader<'_>,
            ) -> $crate::json::reader::Read<Self> {
                use $crate::json::reader::{Bail, ReadValue, once};
                const NAMES: &[$crate::json::reader::FieldName] =
                    &$crate::json::reader::FieldName::all([$(stringify!($field)),*]);
                $(let mut $field = None;)*
                reader.fields(NAMES, |reader, index| {
                    let mut at = 0;
                    $(
                        if index == at {
                            return once(&mut $field, ReadValue::read(reader));
                        }
                        at += 1;
                    )*
                    let _ = at;
                    Err(Bail)
                })?;
                Ok($name {
                    $($field: $crate::json::declare::record_struct!(@finish $kind $field),)*
                })
            }
        }

        impl $crate::json::collect::Collect for $name {
            fn collect(
                node: &$crate::json::collect::Node<'_>,
                cx: &mut $crate::json::collect::Collector,
            ) -> Option<Self> {
                $crate::json::collect::collect_members!(
                    node, cx, [$(stringify!($field) => $field: $($type)*),*]
                );
                $(let $field = $crate::json::declare::record_struct!(@collected $kind cx node $field);)*
                Some($name { $($field: $field?,)* })
            }
        }

        #[cfg(all(test, feature = "schema"))]
        impl $crate::json::declare::FieldList for $name {
            const NAME: &'static str = stringify!($name);
            const FIELDS: &'static [(&'static str, bool)] = &[
                $((stringify!($field), $crate::json::declare::record_struct!(@required $kind)),)*
            ];
            const HELPERS: &'static [(&'static str, &'static str)] = &[
                $((stringify!($opt), stringify!($opt_helper)),)*
                $((stringify!($def), stringify!($def_helper)),)*
            ];
        }
    };

    (@helper $field:ident $helper:ident ($($type:tt)*) list $item:ty) => {
        #[doc = concat!(
            "Adds `", stringify!($field), "` to [`", stringify!($field), "`](Self::",
            stringify!($field), ")."
        )]
        #[must_use]
        pub fn $helper(
            mut self,
            $field: impl ::core::iter::IntoIterator<Item = $item>,
        ) -> Self {
            self.$field.extend($field);
            self
        }
    };
    (@helper $field:ident $helper:ident ($($type:tt)*) value $item:ty) => {
        #[doc = concat!("Sets [`", stringify!($field), "`](Self::", stringify!($field), ").")]
        #[must_use]
        pub fn $helper(mut self, $field: $($type)*) -> Self {
            self.$field = $field;
            self
        }
    };

    (@wrap inline $value:ident) => { $value };
    (@wrap boxed $value:ident) => { ::std::boxed::Box::new($value) };

    (@finish required $field:ident) => { $field.ok_or($crate::json::reader::Bail)? };
    (@finish optional $field:ident) => { $field };
    (@finish list $field:ident) => { $field.unwrap_or_default() };
    (@finish default $field:ident) => { $field.unwrap_or_default() };

    (@collected required $cx:ident $node:ident $field:ident) => {
        $cx.required($node, stringify!($field), $field)
    };
    (@collected optional $cx:ident $node:ident $field:ident) => {
        Some($field.read().flatten())
    };
    (@collected $kind:ident $cx:ident $node:ident $field:ident) => {
        Some($field.read().unwrap_or_default())
    };

    (@required required) => { true };
    (@required $kind:ident) => { false };
}

pub(crate) use record_struct;

/// A record struct's fields as the fast reader knows them: each name, and
/// whether it is required. Held to the schema by a test.
#[cfg(all(test, feature = "schema"))]
pub(crate) trait FieldList {
    /// The struct's name, as in the schema's `$defs`.
    const NAME: &'static str;
    /// Each field's name, and whether it is required.
    const FIELDS: &'static [(&'static str, bool)];
    /// Each field that is not required, with the name of its helper.
    const HELPERS: &'static [(&'static str, &'static str)];
}

impl IsEmpty for crate::Extensions {
    fn is_empty(&self) -> bool {
        crate::Extensions::is_empty(self)
    }
}

impl IsEmpty for crate::ExternalIds {
    fn is_empty(&self) -> bool {
        crate::ExternalIds::is_empty(self)
    }
}
