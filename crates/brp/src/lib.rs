//! The BRP koppeling (docs/koppelingen.md, "BRP"): who lives where, was born and died when, and who
//! the parents are, from the Basisregistratie Personen through the Haal Centraal API *BRP Personen
//! bevragen* v2 ([`client`]), read into Leerspoor's terms ([`persoon`]). For tests and the demo a
//! local server ([`proefserver`]) answers the same requests and checks each request and answer
//! against the published OpenAPI document (`openapi/`).
pub mod client;
pub mod contract;
pub mod persoon;
pub mod proefserver;
