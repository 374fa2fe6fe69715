//! A refusal by a rule: which rule, and why, in Dutch — shown to the user as it is.
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Weigering {
    /// The rule, as a person would cite it ("Lpw art. 11 sub g", "MAS: alleen een BOA").
    pub regel: &'static str,
    /// Why this case is refused.
    pub reden: String,
}

impl Weigering {
    pub fn new(regel: &'static str, reden: impl Into<String>) -> Weigering {
        Weigering { regel, reden: reden.into() }
    }
}

impl fmt::Display for Weigering {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.reden, self.regel)
    }
}

impl std::error::Error for Weigering {}
