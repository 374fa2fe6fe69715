//! Koppelingen (docs/koppelingen.md): deliveries from DUO and other sources read into Leerspoor's
//! dated facts. This crate reads a delivery file whatever its dialect ([`levering`]); each source's
//! adapter maps the rows it reads.

pub mod brp;
pub mod doorsturen;
pub mod duo_c;
pub mod duo_p;
pub mod duo_terugmelding;
pub mod duo_verzuim;
pub mod duo_vrijstellingen;
pub mod duo_vsv_effect;
pub mod levering;
pub mod logboek;
pub mod persoon;
pub mod records;
pub mod rio;
pub mod uitgaand;
pub mod verhuizing;
