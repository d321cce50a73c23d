//! Helpers shared by the end-to-end tests: small review folders written with rust_xlsxwriter, the binary.
#![allow(dead_code)]

use assert_cmd::Command;
use rust_xlsxwriter::{Workbook, Worksheet};
use std::path::{Path, PathBuf};

pub fn bin() -> Command {
    Command::cargo_bin("csa-review").unwrap()
}

pub fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/kent-2018-19")
}

/// A copy of the bundled samples in a temporary folder (without their out/ folders): the 2018-19 review,
/// and beside it the 2017-18 one whose workbook it names as `previous`.
pub struct SampleCopy {
    _root: tempfile::TempDir,
    path: PathBuf,
}

impl SampleCopy {
    /// The copy of samples/kent-2018-19.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

pub fn sample_copy() -> SampleCopy {
    let root = tempfile::tempdir().unwrap();
    copy_dir(&sample(), &root.path().join("kent-2018-19"));
    copy_dir(
        &sample().parent().unwrap().join("kent-2017-18"),
        &root.path().join("kent-2017-18"),
    );
    let path = root.path().join("kent-2018-19");
    SampleCopy { _root: root, path }
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let name = e.file_name();
        if name == "out" {
            continue;
        }
        if e.path().is_dir() {
            copy_dir(&e.path(), &to.join(&name));
        } else {
            std::fs::copy(e.path(), to.join(&name)).unwrap();
        }
    }
}

/// Every file under a folder with its bytes, for checking that inputs are left untouched.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// Write cells into a sheet: each row is a list of strings ("" leaves the cell empty).
pub fn put_rows(ws: &mut Worksheet, first_row: u32, rows: &[Vec<&str>]) {
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(first_row + r as u32, c as u16, *v).unwrap();
            }
        }
    }
}

/// A district submission with the usual layout: Submission labels in A, values in B; Issues from A1.
pub fn submission(path: &Path, partnership: &str, issues: &[(&str, &str)]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Submission").unwrap();
    put_rows(
        ws,
        0,
        &[vec!["Partnership", partnership], vec!["Assessment year", "2024-25"]],
    );
    let ws = wb.add_worksheet().set_name("Issues").unwrap();
    let mut rows = vec![vec!["Issue", "Identified as"]];
    rows.extend(issues.iter().map(|(i, id)| vec![*i, *id]));
    put_rows(ws, 0, &rows);
    wb.save(path).unwrap();
}

/// A MoRiLE workbook from a header and rows.
pub fn morile(path: &Path, header: &[&str], rows: &[Vec<&str>]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("MoRiLE").unwrap();
    let mut all = vec![header.to_vec()];
    all.extend(rows.iter().cloned());
    put_rows(ws, 0, &all);
    wb.save(path).unwrap();
}

/// A horizon workbook from rows of (category, item, related, impact).
pub fn horizon(path: &Path, rows: &[Vec<&str>]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("PESTELO").unwrap();
    let mut all = vec![vec!["Category", "Item", "Related issues", "Impact"]];
    all.extend(rows.iter().cloned());
    put_rows(ws, 0, &all);
    wb.save(path).unwrap();
}

/// A small review folder: partnerships P1..Pn, the given review.toml extras, no MoRiLE or horizon unless
/// written by the caller.
pub struct Small {
    pub dir: tempfile::TempDir,
}

impl Small {
    pub fn new(partnerships: &[&str], extra_toml: &str) -> Small {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("submissions")).unwrap();
        let list = partnerships
            .iter()
            .map(|p| format!("\"{p}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let toml = format!("area = \"Testshire\"\nyear = \"2024-25\"\npartnerships = [{list}]\n{extra_toml}\n");
        std::fs::write(dir.path().join("review.toml"), toml).unwrap();
        Small { dir }
    }
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
    pub fn sub(&self, file: &str) -> PathBuf {
        self.dir.path().join("submissions").join(file)
    }
    pub fn json(&self) -> serde_json::Value {
        let out = bin()
            .args(["review", "--no-workbook", "--format", "json"])
            .arg(self.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "review failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }
    /// Run `review` expecting failure; returns stderr.
    pub fn fails(&self) -> String {
        let out = bin().args(["review"]).arg(self.path()).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "stdout: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(
            !self.path().join("out").exists(),
            "an output folder was written on error"
        );
        String::from_utf8_lossy(&out.stderr).to_string()
    }
}

pub fn row<'a>(j: &'a serde_json::Value, key: &str, issue: &str) -> &'a serde_json::Value {
    j[key]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["issue"] == issue)
        .unwrap_or_else(|| panic!("{issue} not in {key}"))
}
