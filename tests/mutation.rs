//! Mutation test: thousands of damaged copies of real workbooks (bit flips, truncations, deleted or swapped
//! zip entries, edited XML), made with a fixed seed. Every one must give a result or a clean error: never a
//! panic that escapes, never a hang. The number tried is printed (run with --nocapture to see it).
//! Each format's bytes are also read under every other format's extension, and things that are not regular
//! files (pipes, devices, folders) under every extension.

use csa_review::config::Limits;
use csa_review::error::Diagnostics;
use std::io::{Cursor, Read, Write};
use std::path::Path;

/// The names a workbook may be given: every format's, others, and none.
const EXTENSIONS: [&str; 8] = [".xlsx", ".xlsm", ".xls", ".ods", ".xlsb", ".csv", ".txt", ""];

/// xorshift64*: a small deterministic generator, so the same copies are made on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn entries(bytes: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut out = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).ok()?;
        let mut data = Vec::new();
        f.read_to_end(&mut data).ok()?;
        out.push((f.name().ok()?.to_string(), data));
    }
    Some(out)
}

fn rezip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut z = zip::ZipWriter::new(Cursor::new(&mut out));
        for (name, data) in entries {
            z.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
                .unwrap();
            z.write_all(data).unwrap();
        }
        z.finish().unwrap();
    }
    out
}

/// One damaged copy of `original`.
fn mutate(original: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut bytes = original.to_vec();
    match rng.below(6) {
        0 => {
            for _ in 0..1 + rng.below(8) {
                let i = rng.below(bytes.len());
                bytes[i] ^= 1 << rng.below(8);
            }
        }
        1 => bytes.truncate(rng.below(bytes.len())),
        kind => {
            let Some(mut files) = entries(original) else {
                let i = rng.below(bytes.len());
                bytes[i] = bytes[i].wrapping_add(1);
                return bytes;
            };
            match kind {
                2 => {
                    files.remove(rng.below(files.len()));
                }
                3 => {
                    let (a, b) = (rng.below(files.len()), rng.below(files.len()));
                    let tmp = files[a].1.clone();
                    files[a].1 = files[b].1.clone();
                    files[b].1 = tmp;
                }
                _ => {
                    // Edit the XML of one entry: cut it, corrupt a tag, or make numbers huge.
                    let xml: Vec<usize> = (0..files.len()).filter(|&i| files[i].0.ends_with(".xml")).collect();
                    if let Some(&i) = xml.get(rng.below(xml.len())) {
                        let data = &mut files[i].1;
                        match rng.below(4) {
                            0 => data.truncate(rng.below(data.len())),
                            1 => {
                                let text = String::from_utf8_lossy(data)
                                    .replace("r=\"B", "r=\"XFD1048576B")
                                    .replace("<v>", "<v>9e999");
                                *data = text.into_bytes();
                            }
                            2 => {
                                let text = String::from_utf8_lossy(data)
                                    .replace("</row>", "")
                                    .replace("<c ", "<c t=\"s\" ");
                                *data = text.into_bytes();
                            }
                            _ => {
                                let at = rng.below(data.len());
                                data.splice(at..at, b"<x a=\"&#0;\"><".iter().copied());
                            }
                        }
                    }
                }
            }
            bytes = rezip(&files);
        }
    }
    bytes
}

#[test]
fn thousands_of_damaged_workbooks_give_a_result_or_a_clean_error() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let originals = [
        root.join("samples/kent-2018-19/submissions/01-ashford.xlsx"),
        root.join("samples/kent-2018-19/submissions/08-swale.xlsx"),
        root.join("samples/kent-2018-19/morile.xlsx"),
        root.join("samples/kent-2018-19/horizon.xlsx"),
        root.join("tests/fixtures/swale.ods"),
        root.join("tests/fixtures/dover.xls"),
    ];
    let dir = tempfile::tempdir().unwrap();
    let scheme = csa_review::config::Scheme::builtin();
    let factors: Vec<String> = scheme.all_factors().cloned().collect();
    let taxonomy = csa_review::taxonomy::Taxonomy::builtin();
    let mut rng = Rng(0x5EED_CAFE_F00D_0001);
    let (mut tried, mut clean_errors, mut read_fine) = (0usize, 0usize, 0usize);
    for original in &originals {
        let bytes = std::fs::read(original).unwrap();
        for _ in 0..400 {
            // Each damaged copy also goes under another format's name in turn: content decides the format.
            let ext = EXTENSIONS[tried % EXTENSIONS.len()];
            let path = dir.path().join(format!("damaged{ext}"));
            std::fs::write(&path, mutate(&bytes, &mut rng)).unwrap();
            // To find the copy behind a hang: MUTATION_TRACE=1 prints each copy's number and keeps the
            // current one as /tmp/mutation-current.EXT.
            if std::env::var("MUTATION_TRACE").is_ok() {
                eprintln!("{} {}", original.display(), tried);
                std::fs::copy(&path, format!("/tmp/mutation-current{ext}")).unwrap();
            }
            let mut d = Diagnostics::default();
            let name = original.file_name().unwrap().to_str().unwrap();
            // Any panic that escapes the readers fails this test.
            let ok = if name.starts_with("morile") {
                csa_review::read::morile::read(&path, "damaged", &factors, Limits::default(), &mut d)
                    .map(|s| csa_review::assess::morile::assess(&s, &scheme, &taxonomy, &mut d))
                    .is_some()
            } else if name.starts_with("horizon") {
                csa_review::read::horizon::read(&path, "damaged", Limits::default(), &mut d).is_some()
            } else {
                csa_review::read::submission::read(&path, "damaged", Limits::default(), &mut d).is_some()
            };
            tried += 1;
            if ok && !d.has_errors() {
                read_fine += 1;
            } else {
                assert!(d.has_errors(), "a failed read always says why");
                assert!(
                    d.errors().all(|p| p.location.file.as_deref() == Some("damaged")),
                    "every error names the file"
                );
                clean_errors += 1;
            }
        }
    }
    println!(
        "mutation test: {tried} damaged copies tried; {clean_errors} clean errors, {read_fine} still readable; \
         0 panics escaped, {} caught inside the workbook reader and reported as damaged files",
        csa_review::read::sheet::caught_panics()
    );
    assert_eq!(tried, 2400);
}

/// Read a submission, failing the test if the read takes more than a few seconds (a pipe would block).
fn read_submission(path: &Path) -> (Option<csa_review::read::submission::Submission>, Diagnostics) {
    let path = path.to_path_buf();
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut d = Diagnostics::default();
        let s = csa_review::read::submission::read(&path, "named", Limits::default(), &mut d);
        let _ = send.send((s, d));
    });
    receive
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("the read finished (no wait on a pipe, no endless read of a device)")
}

/// What a submission says, for comparing two reads.
fn summary(s: &csa_review::read::submission::Submission) -> (String, Vec<(String, String)>) {
    (
        s.partnership.clone(),
        s.rows
            .iter()
            .map(|r| (r.name.clone(), format!("{:?}", r.identified)))
            .collect(),
    )
}

#[test]
fn each_format_under_each_extension_is_read_as_what_it_is() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let mut tried = 0;
    for original in [
        root.join("samples/kent-2018-19/submissions/01-ashford.xlsx"),
        root.join("tests/fixtures/swale.ods"),
        root.join("tests/fixtures/dover.xls"),
    ] {
        let (own, d) = read_submission(&original);
        assert!(!d.has_errors(), "{:?}", d.problems);
        let own = summary(&own.unwrap());
        let bytes = std::fs::read(&original).unwrap();
        for ext in EXTENSIONS {
            let path = dir.path().join(format!("swapped{ext}"));
            std::fs::write(&path, &bytes).unwrap();
            let (read, d) = read_submission(&path);
            assert!(!d.has_errors(), "{} as {ext:?}: {:?}", original.display(), d.problems);
            assert_eq!(summary(&read.unwrap()), own, "{} as {ext:?}", original.display());
            tried += 1;
        }
    }
    // What is not a workbook the tool reads, under every name: a clean error naming the file.
    let xlsb = rezip(&[
        ("[Content_Types].xml".into(), b"<Types/>".to_vec()),
        ("xl/workbook.bin".into(), vec![0x83, 0x01, 0x00]),
    ]);
    let docx = rezip(&[("word/document.xml".into(), b"<w:document/>".to_vec())]);
    let others: [(&str, Vec<u8>, &str); 5] = [
        ("xlsb", xlsb, ".xlsb"),
        ("docx", docx, "zip file holding no workbook"),
        ("csv", b"Partnership,Dover\nIssue,Identified as\n".to_vec(), "not a"),
        (
            "html",
            b"<html><body><table><tr><td>1</td></tr></table></body></html>".to_vec(),
            "not a",
        ),
        ("empty", Vec::new(), "empty"),
    ];
    for (what, bytes, says) in &others {
        for ext in EXTENSIONS {
            let path = dir.path().join(format!("other{ext}"));
            std::fs::write(&path, bytes).unwrap();
            let (read, d) = read_submission(&path);
            assert!(read.is_none() && d.has_errors(), "{what} as {ext:?}");
            let e = d.errors().next().unwrap();
            assert_eq!(e.location.file.as_deref(), Some("named"));
            assert!(e.message.contains(says), "{what} as {ext:?}: {}", e.message);
            tried += 1;
        }
    }
    println!("format swaps: {tried} reads");
}

#[cfg(unix)]
#[test]
fn things_that_are_not_regular_files_are_refused_under_every_extension() {
    let dir = tempfile::tempdir().unwrap();
    for ext in EXTENSIONS {
        let fifo = dir.path().join(format!("pipe{ext}"));
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo with a valid C string.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        let folder = dir.path().join(format!("folder{ext}"));
        std::fs::create_dir(&folder).unwrap();
        for (path, says) in [(&fifo, "a pipe (FIFO)"), (&folder, "a folder")] {
            let (read, d) = read_submission(path);
            assert!(read.is_none());
            let e = d.errors().next().expect("an error");
            assert!(e.message.contains(says), "{}: {}", path.display(), e.message);
        }
    }
    for device in ["/dev/zero", "/dev/null", "/dev/urandom"] {
        let (read, d) = read_submission(Path::new(device));
        assert!(read.is_none());
        assert!(d.errors().next().unwrap().message.contains("a device"), "{device}");
    }
}
