//! Workbooks into plain records. This layer knows spreadsheets and nothing about scoring.
//!
//! Every reader finds its sheet by name (ignoring case and spaces), its header row by the column names
//! (anywhere in the first 20 rows), accepts columns in any order, ignores blank rows and extra columns, and
//! reads numbers stored as text (SPEC §4). Problems carry file, sheet and cell.

pub mod cell;
pub mod guard;
pub mod header;
pub mod horizon;
pub mod morile;
pub mod previous;
pub mod sheet;
pub mod submission;
pub mod workbook;

pub use sheet::{Header, Sheet, Value, Workbook, a1};
