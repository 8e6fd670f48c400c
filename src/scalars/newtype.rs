//! Plumbing shared by the string newtypes: conversions and serde through the
//! one checked constructor, so that no value enters a type without its check.

/// Implements `FromStr`, `TryFrom<String>`, `TryFrom<&str>`, `From<T> for
/// String`, `Display`, `AsRef<str>` and serde (through `TryFrom<String>`) for a
/// newtype whose checked constructor is `fn parse(&str) -> Result<Self, E>` and
/// whose wire form is `fn as_str(&self) -> &str`.
macro_rules! string_newtype {
    ($type:ident, $error:ty $(, stand_in = $stand_in:expr)?) => {
        impl ::core::str::FromStr for $type {
            type Err = $error;
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Self::parse(text)
            }
        }

        impl ::core::convert::TryFrom<String> for $type {
            type Error = $error;
            fn try_from(text: String) -> Result<Self, Self::Error> {
                Self::parse(&text)
            }
        }

        impl ::core::convert::TryFrom<&str> for $type {
            type Error = $error;
            fn try_from(text: &str) -> Result<Self, Self::Error> {
                Self::parse(text)
            }
        }

        impl ::core::convert::From<$type> for String {
            fn from(value: $type) -> String {
                value.as_str().to_owned()
            }
        }

        impl ::core::convert::AsRef<str> for $type {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::core::fmt::Display for $type {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $type {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        $crate::json::collect::collect_with_serde!($type $(=> $stand_in)?);

        impl<'de> ::serde::Deserialize<'de> for $type {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                struct Visitor;
                impl ::serde::de::Visitor<'_> for Visitor {
                    type Value = $type;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(concat!("a string (", stringify!($type), ")"))
                    }
                    fn visit_str<E: ::serde::de::Error>(self, text: &str) -> Result<$type, E> {
                        $type::parse(text).map_err(|error| {
                            crate::json::errors::note_code(error.code());
                            E::custom(error)
                        })
                    }
                }
                deserializer.deserialize_str(Visitor)
            }
        }
    };
}

/// Implements `schemars::JsonSchema` for a string newtype from a JSON object
/// literal (the `json_schema!` body), under the `schema` feature.
macro_rules! string_schema {
    ($type:ident, $($schema:tt)+) => {
        #[cfg(feature = "schema")]
        impl ::schemars::JsonSchema for $type {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                stringify!($type).into()
            }
            fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                ::schemars::json_schema!($($schema)+)
            }
        }
    };
}

pub(crate) use string_newtype;
pub(crate) use string_schema;

/// Deserializes a JSON object into a `BTreeMap`, rejecting a key that appears
/// twice instead of silently keeping the last value.
pub(crate) fn unique_map<'de, D, K, V>(
    deserializer: D,
) -> Result<std::collections::BTreeMap<K, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    K: serde::Deserialize<'de> + Ord + std::fmt::Display,
    V: serde::Deserialize<'de>,
{
    struct MapVisitor<K, V>(std::marker::PhantomData<(K, V)>);
    impl<'de, K, V> serde::de::Visitor<'de> for MapVisitor<K, V>
    where
        K: serde::Deserialize<'de> + Ord + std::fmt::Display,
        V: serde::Deserialize<'de>,
    {
        type Value = std::collections::BTreeMap<K, V>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut entries = std::collections::BTreeMap::new();
            while let Some(key) = map.next_key::<K>()? {
                if entries.contains_key(&key) {
                    crate::json::errors::note_code(crate::Code::DuplicateKey);
                    return Err(<A::Error as serde::de::Error>::custom(format_args!(
                        "duplicate key \"{key}\""
                    )));
                }
                let value = map.next_value::<V>()?;
                entries.insert(key, value);
            }
            Ok(entries)
        }
    }
    deserializer.deserialize_map(MapVisitor(std::marker::PhantomData))
}
