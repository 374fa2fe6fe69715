//! The legal rules, one pure function per rule.
