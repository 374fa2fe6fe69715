//! The fictional demo region "Regio Duinkust", generated deterministically from a seed.
//!
//! The region is shaped like the one of seed 000 (Het Leerplein, Zuid-Kennemerland and IJmond): one
//! RMC-regio with two subregio's — "zuid" does leerplicht regionally, the three gemeenten of "noord"
//! do it locally, so the register holds only their 18-23 work — seven gemeenten (GM9901-GM9907, codes
//! CBS does not use), about 137 schools, the office's staff, about 54.000 youths aged 5-23 on
//! 1 October 2020 with addresses, parents and school careers, and five schooljaren of casework
//! (2016-2017 to 2020-2021) with per-year magnitudes close to the seed's tables.
//!
//! Everything is fictional: names are invented compounds, BSNs are sequential numbers from
//! 900000000 that pass the elfproef, BRINs start at "99AA", e-mail addresses end in `.example`.
//!
//! The same seed and scale give the same [`Dataset`]; the generator never reads the clock.
mod bevolking;
mod casework;
mod kalender;
pub mod leveringen;
mod loopbaan;
mod namen;
mod organisatie;
mod uitvoer;

use leerspoor_domain::model::Dataset;
use rand::RngExt;
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::SeedableRng;

/// First schooljaar with casework (2016 = 2016-2017).
pub const EERSTE_SCHOOLJAAR: i32 = kalender::EERSTE_JAAR;
/// Last schooljaar with casework (2020 = 2020-2021); nothing in the data happens after its last day.
pub const LAATSTE_SCHOOLJAAR: i32 = kalender::LAATSTE_JAAR;

/// How to generate the demo region.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoOpties {
    /// Seed of the random generator: the same seed gives the same region.
    pub seed: u64,
    /// Multiplies the population, the schools, the staff teams and all casework (65 ≈ national size,
    /// 3,5 million youths); gemeenten and the shape of the region stay.
    pub scale: f64,
}

impl Default for DemoOpties {
    fn default() -> DemoOpties {
        DemoOpties { seed: 2021, scale: 1.0 }
    }
}

/// Generates the demo region.
///
/// # Panics
/// When `scale` is not a positive finite number.
pub fn genereer(opties: &DemoOpties) -> Dataset {
    let scale = opties.scale;
    assert!(scale.is_finite() && scale > 0.0, "scale moet een positief getal zijn, niet {scale}");
    let mut hoofd = ChaCha8Rng::seed_from_u64(opties.seed);
    let mut rng_org = ChaCha8Rng::seed_from_u64(hoofd.random());
    let mut rng_bev = ChaCha8Rng::seed_from_u64(hoofd.random());
    let mut rng_werk = ChaCha8Rng::seed_from_u64(hoofd.random());
    let wereld = organisatie::Wereld::nieuw(&mut rng_org, scale);
    let mut bevolking = bevolking::genereer(&mut rng_bev, &wereld, scale);
    let werk = casework::genereer(&mut rng_werk, &wereld, &mut bevolking, scale);
    uitvoer::dataset(&wereld, bevolking, werk)
}
