//! The words and rules of the field: leerplicht, kwalificatieplicht, RMC, verzuim.
//!
//! Everything here is pure: no IO, no clock. Legal rules live in [`rules`], one function per rule,
//! each tested with cases from the article it implements. Record types ([`model`]) are plain data;
//! values that can only be valid in one shape ([`Bsn`], [`SchoolJaar`], [`Gemeentecode`]) are
//! types that cannot hold an invalid value.

pub mod adres;
pub mod bsn;
pub mod code_enum;
pub mod codes;
pub mod datum;
pub mod kalender;
pub mod model;
pub mod onderwijs;
pub mod rules;
pub mod schooljaar;
pub mod spreadsheet;

pub use bsn::Bsn;
pub use model::Gemeentecode;
pub use schooljaar::SchoolJaar;

/// Dates are calendar dates without time zone: the law counts in days.
pub type Datum = chrono::NaiveDate;
