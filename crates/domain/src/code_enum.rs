//! Fixed vocabularies (those the law fixes, not DUO's changing code lists, see [`crate::codes`]):
//! each value has a stable snake_case code for files and URLs and a Dutch label for people.

/// A closed set of values with a stable code and a Dutch label.
pub trait CodeEnum: Sized + Copy + 'static {
    /// Every value, in display order.
    const ALL: &'static [Self];
    /// What the set is called in Dutch, for error messages ("onderwijssoort").
    const NAAM: &'static str;
    fn code(self) -> &'static str;
    fn label(self) -> &'static str;

    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.code() == code)
    }

    /// Parses a code, with a Dutch message listing the allowed codes.
    fn parse_code(code: &str) -> Result<Self, String> {
        Self::from_code(code.trim()).ok_or_else(|| {
            let allowed: Vec<&str> = Self::ALL.iter().map(|v| v.code()).collect();
            format!("{} '{}' bestaat niet; toegestaan: {}", Self::NAAM, code.trim(), allowed.join(", "))
        })
    }
}

/// Declares an enum with codes and labels: `code_enum!(Name, "naam" { Variant = ("code", "Label"), … })`.
#[macro_export]
macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident, $naam:literal { $($(#[$vmeta:meta])* $variant:ident = ($code:literal, $label:literal)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $crate::code_enum::CodeEnum for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            const NAAM: &'static str = $naam;
            fn code(self) -> &'static str { match self { $($name::$variant => $code),+ } }
            fn label(self) -> &'static str { match self { $($name::$variant => $label),+ } }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::code_enum::CodeEnum::code(*self))
            }
        }
    };
}
