//! Two-factor sign-in: a time-based code (TOTP, RFC 6238: HMAC-SHA1, 6 digits, 30 seconds, one
//! step of clock skew either way) from an authenticator app, or one of ten recovery codes. The
//! Dutch government baseline (BIO) asks this of every account that opens personal records.
//!
//! A code is accepted once: the account keeps the last step used, and a code of that step or an
//! earlier one is refused (RFC 6238 §5.2), so a code seen over someone's shoulder is worthless.
use qrcode::QrCode;
use qrcode::render::svg;
use sha2::{Digest, Sha256};
use totp_rs::{Builder, Secret, Totp};

/// The name apps show above the codes.
const UITGEVER: &str = "Leerspoor";
/// Recovery codes made at enrolment.
pub const HERSTELCODES: usize = 10;

/// A new random secret (160 bits, as RFC 4226 recommends), base32 as apps take it.
pub fn nieuw_geheim() -> String {
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).expect("willekeurige bytes van het besturingssysteem");
    Secret::from(bytes).to_base32()
}

fn totp(geheim: &str, account: &str) -> Option<Totp> {
    let secret = Secret::try_from_base32(geheim).ok()?;
    // An otpauth label must not hold a colon.
    Builder::new()
        .with_secret(secret)
        .with_account_name(account.replace(':', "_"))
        .with_issuer(Some(UITGEVER))
        .build()
        .ok()
}

/// The step (Unix time / 30) of a right code for `nu`, if it is right; a step at or before
/// `laatste` was used before and does not count.
pub fn klopt(geheim: &str, code: &str, nu: u64, laatste: i64) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let stap = i64::try_from(totp(geheim, "")?.check(&code, nu)?).ok()?;
    (stap > laatste).then_some(stap)
}

/// The enrolment QR code as an inline SVG (no image request, nothing for the CSP to allow).
pub fn qr_svg(geheim: &str, account: &str) -> Option<String> {
    let url = totp(geheim, account)?.to_url().ok()?;
    let svg = QrCode::new(url.as_bytes())
        .ok()?
        .render::<svg::Color>()
        .min_dimensions(220, 220)
        .quiet_zone(true)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    // Inline in HTML: without the XML declaration, with a text alternative.
    let svg = svg.trim_start_matches(|c| c != '<').to_string();
    let svg = match svg.strip_prefix("<?xml") {
        Some(rest) => rest[rest.find("?>").map_or(0, |i| i + 2)..].to_string(),
        None => svg,
    };
    Some(svg.replacen("<svg", "<svg role=\"img\" aria-label=\"QR-code voor de authenticator-app\"", 1))
}

/// Ten recovery codes of 12 characters (60 bits each), grouped for reading: `ABCD-EFGH-JKLM`.
pub fn herstelcodes() -> Vec<String> {
    // Without 0/O and 1/I/L, which people misread. (`b % 31` favours 8 of the 31 a little: each
    // code keeps over 59 bits.)
    const TEKENS: &[u8; 31] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    (0..HERSTELCODES)
        .map(|_| {
            let mut bytes = [0u8; 12];
            getrandom::fill(&mut bytes).expect("willekeurige bytes van het besturingssysteem");
            let tekens: Vec<char> = bytes.iter().map(|b| TEKENS[usize::from(b % 31)] as char).collect();
            tekens.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
        })
        .collect()
}

/// How a recovery code is kept: SHA-256 of the code without dashes and in capitals. The codes are
/// random and long, so a fast hash suffices (unlike a password).
pub fn herstelcode_hash(code: &str) -> String {
    let schoon: String = code.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect();
    Sha256::digest(schoon.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890" gives 94287082 (8 digits) at
    /// T = 59 s; with 6 digits that is 287082.
    #[test]
    fn the_code_of_the_rfc_test_vector_is_accepted_once() {
        let geheim = Secret::from(b"12345678901234567890".to_vec()).to_base32();
        assert_eq!(klopt(&geheim, "287082", 59, 0), Some(1));
        assert_eq!(klopt(&geheim, "287 082", 59, 0), Some(1), "spaces as apps show them");
        assert_eq!(klopt(&geheim, "287082", 59, 1), None, "the step was used already");
        assert_eq!(klopt(&geheim, "287082", 59 + 30, 0), Some(1), "one step late still counts");
        assert_eq!(klopt(&geheim, "287082", 59 + 90, 0), None, "three steps late does not");
        assert_eq!(klopt(&geheim, "000000", 59, 0), None);
        assert_eq!(klopt("geen base32!", "287082", 59, 0), None);
    }

    #[test]
    fn the_qr_code_is_an_inline_svg_for_the_app() {
        let svg = qr_svg(&nieuw_geheim(), "lpa").unwrap();
        assert!(svg.starts_with("<svg role=\"img\""), "{}", &svg[..60]);
        assert!(!svg.contains("<?xml") && !svg.contains("style="));
    }

    #[test]
    fn recovery_codes_are_unique_readable_and_kept_as_hashes() {
        let codes = herstelcodes();
        assert_eq!(codes.len(), 10);
        assert!(codes.iter().all(|c| c.len() == 14 && !c.contains(['0', 'O', '1', 'I', 'L'])));
        assert_eq!(codes.iter().collect::<std::collections::HashSet<_>>().len(), 10);
        let c = &codes[0];
        assert_eq!(herstelcode_hash(c), herstelcode_hash(&c.replace('-', "").to_lowercase()));
        assert_ne!(herstelcode_hash(c), herstelcode_hash(&codes[1]));
    }
}
