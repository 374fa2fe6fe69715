//! Text cells that a spreadsheet reads as text. Excel, LibreOffice and Google Sheets start a
//! formula at `=`, `+`, `-` or `@` (and some after a tab or carriage return), so a name such as
//! `=HYPERLINK("https://…")` in a CSV export would run when a colleague opens it (OWASP: CSV
//! injection). Such a cell gets a leading `'`, which spreadsheets show as text and do not display;
//! reading a bundle back removes it again, so the exchange bundle round-trips exactly.
use std::borrow::Cow;

/// Starts as a formula, also after any `'` already in front (so that [`uit_cel`] undoes exactly
/// one of them).
fn begint_als_formule(t: &str) -> bool {
    t.trim_start_matches('\'').starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// The text as a CSV cell: with a leading `'` where a spreadsheet would start a formula.
pub fn als_cel(t: &str) -> Cow<'_, str> {
    if begint_als_formule(t) { Cow::Owned(format!("'{t}")) } else { Cow::Borrowed(t) }
}

/// The text of a CSV cell written by [`als_cel`].
pub fn uit_cel(t: &str) -> &str {
    match t.strip_prefix('\'') {
        Some(rest) if begint_als_formule(rest) => rest,
        _ => t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_a_spreadsheet_would_run_is_written_as_text() {
        assert_eq!(als_cel("=HYPERLINK(\"https://elders.nl\")"), "'=HYPERLINK(\"https://elders.nl\")");
        for t in ["+31 6", "-gesprek", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(als_cel(t), format!("'{t}"), "{t:?}");
        }
        assert_eq!(als_cel("Duinlyceum"), "Duinlyceum");
        assert_eq!(als_cel("'s-Hertogenbosch"), "'s-Hertogenbosch", "a Dutch apostrophe stays as it is");
    }

    #[test]
    fn reading_the_cell_back_gives_the_text_that_was_written() {
        for t in ["=1+1", "-5 dagen", "'s-Gravenhage", "'=al met apostrof", "''=twee", "gewoon", ""] {
            assert_eq!(uit_cel(&als_cel(t)), t, "{t:?}");
        }
    }
}
