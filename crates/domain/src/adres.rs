//! Dutch addresses as registers write them.

/// A postcode in the register's form `1234AB`: four digits not starting with 0 and two capitals;
/// a space, lower case or a spreadsheet's spacing are accepted and removed. PostNL does not issue
/// the letter pairs SA, SD and SS.
pub fn postcode(s: &str) -> Result<String, String> {
    let p: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
    let b = p.as_bytes();
    let vorm = b.len() == 6
        && (b'1'..=b'9').contains(&b[0])
        && b[1..4].iter().all(u8::is_ascii_digit)
        && b[4..].iter().all(u8::is_ascii_uppercase);
    if vorm && !matches!(&p[4..], "SA" | "SD" | "SS") {
        Ok(p)
    } else {
        Err(format!("'{s}' is geen postcode; verwacht 4 cijfers (niet beginnend met 0) en 2 letters, bijv. 1234AB"))
    }
}

#[cfg(test)]
mod tests {
    use super::postcode;

    #[test]
    fn a_postcode_is_four_digits_and_two_letters_written_together_in_capitals() {
        assert_eq!(postcode("1234AB").unwrap(), "1234AB");
        assert_eq!(postcode("1234 ab").unwrap(), "1234AB");
        assert_eq!(postcode(" 9999 zz ").unwrap(), "9999ZZ");
        assert!(postcode("0123AB").is_err(), "no postcode starts with 0");
        assert!(postcode("1234SS").is_err(), "SA, SD and SS are not issued");
        assert!(postcode("1234A").is_err());
        assert!(postcode("12345B").is_err());
        assert!(postcode("1234ÀB").is_err());
        assert!(postcode("").is_err());
    }
}
