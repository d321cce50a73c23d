//! The sheet helpers every reader uses, gathered under one path: cell values ([`super::cell`]), sheets and
//! header rows ([`super::header`]), opening workbooks ([`super::workbook`]) and the guards against hostile
//! input ([`super::guard`]).

pub use super::cell::{Value, a1, format_number};
pub use super::guard::{caught_panics, in_guarded_read};
pub use super::header::{HEADER_SEARCH_ROWS, Header, Sheet};
pub use super::workbook::{Workbook, sha256_hex};
