//! `csa-review`: the annual review of a county's community safety priorities.
//!
//! Each year every district Community Safety Partnership (CSP) sends a strategic-assessment return; the county
//! scores about twenty issues with MoRiLE and scans the horizon (PESTELO). This crate counts the returns
//! (Appendix A), scores and ranks the MoRiLE items (Appendix B), lists the horizon scan (Appendix C), combines
//! the three into a ranked recommendation, compares it with the priorities in force and writes a refreshed
//! workbook. The `csa-review` binary is a thin command line over it.
//!
//! Data flows one way, in three stages:
//! - [`config`] reads `review.toml` into a typed [`Review`](config::Review), resolved against the
//!   [`taxonomy`];
//! - [`read`] turns workbooks into plain records, and [`intake`] gathers the submissions;
//! - [`assess`] counts, scores, ranks and recommends without touching files;
//! - [`report`] lays the results out: terminal tables, JSON, CSV, markdown and the workbook.
//!
//! [`review_folder`] runs the whole pipeline ([`review`]) on a review folder and returns an [`Assessment`].
//!
//! # Example
//!
//! Run the bundled Kent 2018-19 review and print its Appendix A counts and the proposed priorities:
//!
//! ```
//! let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/kent-2018-19");
//! let a = csa_review::review_folder(&folder)?;
//! for row in &a.appendix_a.rows {
//!     println!("{:<40} {}", a.review.taxonomy.name(row.issue), row.csp_count);
//! }
//! assert_eq!(a.appendix_a.expected, 11);
//! assert!(a.outcome.priorities.iter().any(|p| p == "Road Safety"));
//! # Ok::<(), csa_review::error::Error>(())
//! ```

pub mod assess;
pub mod config;
pub mod error;
pub mod intake;
pub mod io;
pub mod monitor;
pub mod read;
pub mod report;
pub mod review;
pub mod schema;
pub mod taxonomy;
pub mod vocab;

pub use intake::{PROGRESS_FROM, ReturnStatus, SUBMISSION_TYPES, Status, status, submission_files};
pub use review::{Assessment, InputFile, review_folder, review_folder_with, sha256_file, validate};

/// The tool's version, as recorded in the Provenance sheet.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
/// The bundled example review, run by `csa-review review` from the project's own checkout.
pub const SAMPLE: &str = "samples/kent-2018-19";
