//! The report for the Working Group (SPEC §8.2).
