//! The fuzz harness over the committed corpus (`fuzz/seeds/parse/`), so the
//! harness cannot rot and every input that once crashed stays a test.

#![allow(unreachable_pub, dead_code)]

include!("../../fuzz/harness.rs");

#[test]
fn fuzz_harness_over_the_committed_corpus() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/parse");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("fuzz/seeds/parse") {
        let path = entry.expect("entry").path();
        harness(&std::fs::read(&path).expect("read"));
        count += 1;
    }
    assert!(count >= 40, "{count} corpus files");
}
