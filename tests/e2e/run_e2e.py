#!/usr/bin/env python3
"""End-to-end tests: run the built newsdedup binary on the fixtures shipped in the repo.

Usage: run_e2e.py --binary build/newsdedup --fixtures tests/fixtures [--sample examples/sample]
Each check prints one line; the last line is 'N passed, N failed'. Exit status 1 on any failure.
Standard library only.
"""
import argparse
import gzip
import json
import random
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SEED_000 = "000_f93b8b3ccaf1c5a3"
SEED_003 = "003_f14518781b17d4c3"
results = {"passed": 0, "failed": 0}


def check(name, condition, detail=""):
    if condition:
        results["passed"] += 1
        print(f"ok      {name}")
    else:
        results["failed"] += 1
        print(f"FAILED  {name} {detail}")


def run(binary, *args, expect=None):
    proc = subprocess.run([binary, *args], capture_output=True, text=True)
    if expect is not None and proc.returncode != expect:
        print(proc.stdout, proc.stderr, file=sys.stderr)
    return proc


def read_jsonl(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def by_id(rows):
    return {row["id"]: row for row in rows}


def test_seeds(binary, fixtures, work):
    out = os.path.join(work, "seeds")
    proc = run(binary, "run", fixtures, "-o", out, expect=0)
    check("seeds: run exits 0", proc.returncode == 0, proc.stderr)
    audit = by_id(read_jsonl(os.path.join(out, "audit.jsonl")))
    corpus = by_id(read_jsonl(os.path.join(out, "corpus.jsonl")))
    check("seeds: both kept", audit[SEED_000]["status"] == "kept" and audit[SEED_003]["status"] == "kept")
    check("seeds: different clusters", audit[SEED_000]["cluster"] != audit[SEED_003]["cluster"])

    raw000 = open(os.path.join(fixtures, SEED_000 + ".txt"), encoding="utf-8").read().split("\n")
    sentences = [line for line in raw000[1:17] if line.strip()]
    body000 = corpus[SEED_000]["text"]
    check("000: every paragraph of the story is kept", all(s in body000 for s in sentences))
    check("000: the body comes out exactly once", all(body000.count(s) == 1 for s in sentences),
          str([body000.count(s) for s in sentences]))
    repeated = [r for r in audit[SEED_000]["removed"] if r["reason"] == "repeated"]
    check("000: the second copy is reported as repeated", len(repeated) == len(sentences), str(len(repeated)))

    raw003 = open(os.path.join(fixtures, SEED_003 + ".txt"), encoding="utf-8").read()
    doc = corpus[SEED_003]
    check("003: title kept", doc.get("title") == raw003.split("\n")[0].strip(), str(doc.get("title")))
    start = raw003.index("MOSCOW (Reuters) -")
    end = raw003.index("to be a joint attack.") + len("to be a joint attack.")
    paragraphs = [p.strip() for p in raw003[start:end].split("\n\n") if p.strip()]
    check("003: every body paragraph kept", all(p in doc["text"] for p in paragraphs))
    check("003: body runs from the dateline to the last sentence",
          doc["text"].startswith("MOSCOW (Reuters) -") and doc["text"].endswith("to be a joint attack."))
    removed = {r["text"].strip(): r["reason"] for r in audit[SEED_003]["removed"]}
    furniture = {"\u2022 World": "navigation", "\u2022 Saturday, 09 Nov 2024": "date",
                 "Follow us on our official WhatsApp channel for breaking news alerts and key updates!": "social",
                 "Next In World": "related", "Others Also Read": "related",
                 "Tonga PM Sovaleni resigns ahead of no confidence vote, local media reports": "related"}
    for line, reason in furniture.items():
        check(f"003: removes {line[:40]!r} as {reason}", removed.get(line) == reason and line not in doc["text"],
              str(removed.get(line)))
    caption = [t for t in removed if t.startswith("FILE PHOTO:")]
    check("003: removes the photo caption", caption and removed[caption[0]] == "caption" and "FILE PHOTO" not in doc["text"])
    report = json.load(open(os.path.join(out, "report.json")))
    check("seeds: report complete with counts", report["complete"] is True and report["documents"] == 2 and
          report["status"]["kept"] == 2)


def test_sample(binary, sample, work):
    out = os.path.join(work, "sample")
    proc = run(binary, "run", sample, "-o", out, expect=0)
    check("sample: run exits 0", proc.returncode == 0, proc.stderr)
    audit = by_id(read_jsonl(os.path.join(out, "audit.jsonl")))
    corpus = by_id(read_jsonl(os.path.join(out, "corpus.jsonl")))
    check("sample: every input document is in the audit", len(audit) == 6, str(len(audit)))
    reprint = audit["ledger_ryabkov_reprint"]
    check("sample: truncated, re-wrapped reprint is a duplicate of the full story",
          reprint["status"] == "duplicate" and reprint["duplicate_of"] == SEED_003 and reprint["containment"] >= 0.9,
          json.dumps({k: reprint.get(k) for k in ("status", "duplicate_of", "containment")}))
    wire = audit["wire-kremlin"]
    check("sample: dateline and quote style do not hide a copy",
          wire["status"] == "duplicate" and wire["cluster"] == SEED_000 and wire["similarity"] >= 0.9)
    check("sample: exact copy found by hash", audit["harbour-2"]["status"] == "exact_duplicate" and
          audit["harbour-2"]["duplicate_of"] == "harbour-1")
    check("sample: different stories on one topic stay apart", audit[SEED_000]["cluster"] != audit[SEED_003]["cluster"])
    check("sample: kept documents in input order", list(corpus) == [SEED_000, SEED_003, "harbour-1"], str(list(corpus)))
    check("sample: other input fields carried through", corpus["harbour-1"].get("url") == "https://islandpost.example/ferry")

    proc = run(binary, "explain", "ledger_ryabkov_reprint", "--run", out, expect=0)
    check("explain: names status, representative and evidence", proc.returncode == 0 and "duplicate" in proc.stdout and
          SEED_003 in proc.stdout and "containment" in proc.stdout, proc.stdout + proc.stderr)
    check("explain: quotes the passages the copies share",
          "passages" in proc.stdout and "foreign ministry sees no grounds" in proc.stdout, proc.stdout)
    proc = run(binary, "explain", "no-such-id", "--run", out)
    check("explain: unknown id fails", proc.returncode == 1 and "no-such-id" in proc.stderr)


def test_determinism(binary, sample, work):
    outputs = []
    for threads in ("1", "2", "4"):
        out = os.path.join(work, "threads" + threads)
        run(binary, "run", sample, "-o", out, "--threads", threads, expect=0)
        outputs.append(tuple(open(os.path.join(out, f), "rb").read() for f in ("corpus.jsonl", "audit.jsonl")))
    check("same output for 1, 2 and 4 threads", outputs[0] == outputs[1] == outputs[2])


def generated_corpus(path, stories, copies):
    """Stories of random words, each printed `copies` times with a different last sentence."""
    rng = random.Random(5)
    vocabulary = [f"w{i}" for i in range(5000)]
    with open(path, "w") as out:
        for s in range(stories):
            body = ". ".join(" ".join(rng.choice(vocabulary) for _ in range(12)) for _ in range(8))
            for c in range(copies):
                text = f"{body}. Copy {c} ends here with {rng.choice(vocabulary)}."
                out.write(json.dumps({"id": f"s{s}-c{c}", "text": text}) + "\n")


def test_memory_limit(binary, work):
    corpus = os.path.join(work, "generated.jsonl")
    generated_corpus(corpus, stories=600, copies=3)
    outputs = []
    for memory in ("1G", "1M"):
        out = os.path.join(work, "memory" + memory)
        run(binary, "run", corpus, "-o", out, "--memory", memory, expect=0)
        outputs.append(tuple(open(os.path.join(out, f), "rb").read() for f in ("corpus.jsonl", "audit.jsonl")))
        report = json.load(open(os.path.join(out, "report.json")))
        if memory == "1M":
            check("--memory 1M spills sorted runs to disk", report["spilled"]["runs"] > 1, str(report["spilled"]))
            check("no temporary files are left behind", sorted(os.listdir(out)) == ["audit.jsonl", "corpus.jsonl", "report.json"],
                  str(os.listdir(out)))
    check("spilling to disk changes no output", outputs[0] == outputs[1])
    check("generated copies cluster by story", outputs[0][0].count(b"\n") == 600, str(outputs[0][0].count(b"\n")))


WORK_FILES = ["assignments.bin", "band_keys.bin", "candidates.bin", "candidates.json", "cluster.json",
              "documents.bin", "exact_keys.bin", "sketch.json", "sketches.bin", "spool.bin"]


def outputs_of(out):
    return tuple(open(os.path.join(out, f), "rb").read() for f in ("corpus.jsonl", "audit.jsonl"))


def run_stages(binary, inputs, stage_work, out, memory="1G"):
    """sketch, candidates, cluster, write; returns the first failed process, or None."""
    for args in (["sketch", *inputs, "-o", stage_work, "--memory", memory, "--threads", "2"],
                 ["candidates", stage_work, "--memory", memory], ["cluster", stage_work], ["write", stage_work, "-o", out]):
        proc = run(binary, *args, expect=0)
        if proc.returncode != 0:
            return proc
    return None


def test_stages(binary, sample, work):
    corpus = os.path.join(work, "stages.jsonl")
    generated_corpus(corpus, stories=600, copies=3)  # enough band keys to spill at --memory 1M
    inputs = [sample, corpus]
    run(binary, "run", *inputs, "-o", os.path.join(work, "stages-run"), expect=0)
    expected = outputs_of(os.path.join(work, "stages-run"))
    for memory in ("1G", "1M"):
        stage_work = os.path.join(work, "stages-work-" + memory)
        out = os.path.join(work, "stages-out-" + memory)
        failed = run_stages(binary, inputs, stage_work, out, memory)
        check(f"stages ({memory}): sketch, candidates, cluster, write exit 0", failed is None,
              failed and failed.args + [failed.stderr])
        if failed:
            continue
        check(f"stages ({memory}): corpus.jsonl and audit.jsonl byte-identical to run", outputs_of(out) == expected)
        if memory == "1M":
            report = json.load(open(os.path.join(out, "report.json")))
            check("stages (1M): keys and pairs spill to sorted runs", report["spilled"]["runs"] > 1, str(report["spilled"]))
        check(f"stages ({memory}): the work folder holds the stages' files and nothing else",
              sorted(os.listdir(stage_work)) == WORK_FILES, str(sorted(os.listdir(stage_work))))
    stage_work = os.path.join(work, "stages-work-1G")
    out = os.path.join(work, "stages-out-1G")
    report = json.load(open(os.path.join(out, "report.json")))
    check("stages: report.json complete, counting every document and the candidate pairs",
          report["complete"] is True and report["documents"] == 1806 and report["candidates"]["pairs"] > 0, str(report))
    proc = run(binary, "explain", "harbour-2", "--run", out)
    check("stages: explain reads the staged outputs", proc.returncode == 0 and "harbour-1" in proc.stdout, proc.stderr)

    proc = run(binary, "candidates", stage_work)
    check("stages: an existing file is not overwritten without --force",
          proc.returncode == 1 and "candidates.bin exists" in proc.stderr and "--force" in proc.stderr, proc.stderr)
    proc = run(binary, "candidates", stage_work, "--force")
    check("stages: --force replaces a stage's files and removes the later stages' (stale) files",
          proc.returncode == 0 and not os.path.exists(os.path.join(stage_work, "cluster.json")) and
          not os.path.exists(os.path.join(stage_work, "assignments.bin")), proc.stderr)
    pairs = os.path.join(stage_work, "candidates.bin")
    data = open(pairs, "rb").read()
    open(pairs, "wb").write(data[:-5])
    proc = run(binary, "cluster", stage_work)
    check("stages: a truncated file is refused, naming it",
          proc.returncode == 1 and "candidates.bin" in proc.stderr and "truncated" in proc.stderr, proc.stderr)
    open(pairs, "wb").write(data[:8] + b"\x07" + data[9:])
    proc = run(binary, "cluster", stage_work)
    check("stages: a file of another format version is refused, naming it",
          proc.returncode == 1 and "candidates.bin" in proc.stderr and "version 7" in proc.stderr, proc.stderr)
    os.remove(os.path.join(stage_work, "documents.bin"))
    open(pairs, "wb").write(data)
    proc = run(binary, "cluster", stage_work)
    check("stages: a missing file is refused, naming it",
          proc.returncode == 1 and "documents.bin" in proc.stderr, proc.stderr)
    proc = run(binary, "write", os.path.join(work, "no-such-work"), "-o", os.path.join(work, "nowhere"))
    check("stages: a folder no stage wrote is refused, naming the record it lacks",
          proc.returncode == 1 and "cluster.json" in proc.stderr, proc.stderr)


def test_cross_corpus(binary, work):
    rng = random.Random(9)
    words = ["harvest", "council", "ferry", "market", "budget", "station", "river", "school", "tariff", "bridge",
             "mayor", "league", "museum", "factory", "airport", "festival", "orchard", "library", "harbour", "clinic"]
    site_line = "The Harbour Gazette is proudly independent and owned by its readers since 1901."
    corpus = os.path.join(work, "cross.jsonl")
    with open(corpus, "w") as out:
        for story in range(8):
            sentences = [" ".join(rng.choice(words) for _ in range(14)).capitalize() + "." for _ in range(6)]
            body = "\n\n".join(" ".join(sentences[i:i + 2]) for i in range(0, 6, 2))
            for copy in range(2):
                text = f"{body}\n\n{site_line}\n"
                out.write(json.dumps({"id": f"story{story}-copy{copy}", "text": text}) + "\n")
    plain = os.path.join(work, "cross-off")
    run(binary, "run", corpus, "-o", plain, expect=0)
    corpus_off = [json.loads(l) for l in open(os.path.join(plain, "corpus.jsonl"))]
    check("cross-corpus: off by default", all(site_line in d["text"] for d in corpus_off))
    out = os.path.join(work, "cross-on")
    run(binary, "run", corpus, "-o", out, "--cross-corpus", "5", expect=0)
    audit = [json.loads(l) for l in open(os.path.join(out, "audit.jsonl"))]
    kept = [json.loads(l) for l in open(os.path.join(out, "corpus.jsonl"))]
    check("cross-corpus: one kept copy per story", len(kept) == 8, str(len(kept)))
    check("cross-corpus: a line recurring across 8 stories is removed from every document as boilerplate",
          all(any(r["reason"] == "boilerplate" and r["text"] == site_line for r in a["removed"]) for a in audit) and
          not any(site_line in d["text"] for d in kept))
    check("cross-corpus: paragraphs shared only by the copies of one story stay",
          all(d["text"].count("\n\n") == 2 for d in kept), str([d["text"][:80] for d in kept]))
    report = json.load(open(os.path.join(out, "report.json")))
    check("cross-corpus: report counts the paragraph and the documents cleaned again",
          report["cross_corpus_boilerplate"] == {"paragraphs": 1, "documents_cleaned_again": 16},
          str(report["cross_corpus_boilerplate"]))


def test_cross_corpus_short_documents(binary, work):
    """A document that only the second pass cleans below 8 words is left out of clustering, as pass one
    leaves out every document that short: identical briefs stay two kept documents."""
    rng = random.Random(9)
    words = ["harvest", "council", "ferry", "market", "budget", "station", "river", "school", "tariff", "bridge",
             "mayor", "league", "museum", "factory", "airport", "festival", "orchard", "library", "harbour", "clinic"]
    site_lines = ["The Harbour Gazette is proudly independent and owned by its readers since 1901.",
                  "The Harbour Gazette was founded by fishermen and teachers who wanted a paper of their own."]
    furniture = "\n\n".join(site_lines)
    brief = "Qtly div 10 cts vs 9 cts."  # 6 words once the site's lines are gone
    corpus = os.path.join(work, "cross-short.jsonl")
    with open(corpus, "w") as out:
        for story in range(8):
            sentences = [" ".join(rng.choice(words) for _ in range(14)).capitalize() + "." for _ in range(6)]
            body = "\n\n".join(" ".join(sentences[i:i + 2]) for i in range(0, 6, 2))
            out.write(json.dumps({"id": f"story{story}", "text": f"{body}\n\n{furniture}\n"}) + "\n")
        for copy in range(2):
            out.write(json.dumps({"id": f"brief{copy}", "text": f"{brief}\n\n{furniture}\n"}) + "\n")
    plain = os.path.join(work, "cross-short-off")
    run(binary, "run", corpus, "-o", plain, expect=0)
    audit_off = by_id(read_jsonl(os.path.join(plain, "audit.jsonl")))
    check("cross-corpus short: with the site's lines the briefs are long enough to be exact copies",
          audit_off["brief1"]["status"] == "exact_duplicate", str(audit_off["brief1"]))
    out = os.path.join(work, "cross-short-on")
    run(binary, "run", corpus, "-o", out, "--cross-corpus", "5", expect=0)
    audit = by_id(read_jsonl(os.path.join(out, "audit.jsonl")))
    kept = by_id(read_jsonl(os.path.join(out, "corpus.jsonl")))
    check("cross-corpus short: the briefs are cleaned again down to their 6 words",
          kept.get("brief0", {}).get("text") == brief and
          all(sum(r["reason"] == "boilerplate" for r in audit[f"brief{c}"]["removed"]) == 2 for c in range(2)),
          str(kept.get("brief0")))
    check("cross-corpus short: briefs cleaned below 8 words are not clustered, even when identical",
          [audit[f"brief{c}"]["status"] for c in range(2)] == ["kept", "kept"] and "brief1" in kept,
          str([audit[f"brief{c}"] for c in range(2)]))


def test_tiny_documents(binary, work):
    corpus = os.path.join(work, "tiny.jsonl")
    with open(corpus, "w") as out:
        for i in range(3):
            out.write(json.dumps({"id": f"tiny{i}", "text": "Qtly div 10 cts"}) + "\n")
    out_dir = os.path.join(work, "tiny-out")
    run(binary, "run", corpus, "-o", out_dir, expect=0)
    audit = [json.loads(l) for l in open(os.path.join(out_dir, "audit.jsonl"))]
    check("documents under 8 words are never clustered, even when identical",
          [a["status"] for a in audit] == ["kept"] * 3, str([a["status"] for a in audit]))


def test_input_title(binary, work):
    corpus = os.path.join(work, "titled.jsonl")
    text = ("Page Headline\n\nThe council approved the new ferry timetable on Tuesday after a long debate about "
            "costs and the needs of island residents.")
    with open(corpus, "w") as out:
        out.write(json.dumps({"id": "t1", "title": "Crawler Title", "url": "u", "text": text}) + "\n")
    cleaned = os.path.join(work, "titled.out")
    run(binary, "clean", corpus, "-o", cleaned, expect=0)
    line = open(cleaned).read()
    record = json.loads(line)
    check("an input title is the title, written once; the page's headline is kept as page_title",
          line.count('"title"') == 1 and record["title"] == "Crawler Title" and record.get("page_title") == "Page Headline"
          and record["url"] == "u", line)


def test_output_inside_input(binary, sample, work):
    folder = os.path.join(work, "nested")
    shutil.copytree(sample, folder)
    out = os.path.join(folder, "out")
    run(binary, "run", folder, "-o", out, expect=0)
    first = open(os.path.join(out, "audit.jsonl")).read()
    run(binary, "run", folder, "-o", out, "--force", expect=0)
    check("run: its own output folder inside an input folder is not read back",
          open(os.path.join(out, "audit.jsonl")).read() == first)
    cleaned = os.path.join(folder, "cleaned.jsonl")
    run(binary, "clean", folder, "-o", cleaned, expect=0)
    first = open(cleaned).read()
    run(binary, "clean", folder, "-o", cleaned, "--force", expect=0)
    check("clean: its own output inside an input folder is not read back", open(cleaned).read() == first)


def test_outputs_protected(binary, sample, work):
    out = os.path.join(work, "protect")
    run(binary, "run", sample, "-o", out, expect=0)
    before = open(os.path.join(out, "audit.jsonl"), "rb").read()
    proc = run(binary, "run", sample, "-o", out)
    check("existing output is not overwritten without --force", proc.returncode == 1 and "--force" in proc.stderr and
          open(os.path.join(out, "audit.jsonl"), "rb").read() == before)
    proc = run(binary, "run", sample, "-o", out, "--force")
    check("--force overwrites", proc.returncode == 0)
    leftovers = [f for f in os.listdir(out) if f not in ("corpus.jsonl", "audit.jsonl", "report.json")]
    check("no temporary files left behind", not leftovers, str(leftovers))


def test_usage_and_failures(binary, sample, work):
    check("--help exits 0", run(binary, "--help").returncode == 0)
    check("run --help exits 0", run(binary, "run", "--help").returncode == 0)
    check("missing -o is a usage error (2)", run(binary, "run", sample).returncode == 2)
    check("unknown option is a usage error (2)", run(binary, "run", sample, "-o", work, "--bogus").returncode == 2)
    missing = os.path.join(work, "does-not-exist.jsonl")
    proc = run(binary, "run", missing, "-o", os.path.join(work, "x"))
    check("missing input fails (1) naming the file", proc.returncode == 1 and "does-not-exist.jsonl" in proc.stderr,
          proc.stderr)


def test_bad_input(binary, work):
    folder = os.path.join(work, "bad")
    os.makedirs(folder)
    good = {"id": "good", "text": "A short but valid news story about the harbour ferry timetable change."}
    with open(os.path.join(folder, "mixed.jsonl"), "w", encoding="utf-8") as fh:
        fh.write(json.dumps(good) + "\n")
        fh.write("{not json\n")
        fh.write(json.dumps({"id": "no-text", "body": "x"}) + "\n")
        fh.write(json.dumps({"id": "empty", "text": ""}) + "\n")
    with gzip.open(os.path.join(folder, "more.jsonl.gz"), "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "gz", "text": "Another story, compressed, about a new library opening downtown."}) + "\n")
    out = os.path.join(work, "bad-out")
    proc = run(binary, "run", folder, "-o", out)
    check("bad lines do not stop the run", proc.returncode == 0, proc.stderr)
    check("bad lines are reported with file and line", "mixed.jsonl:2" in proc.stderr and "mixed.jsonl:3" in proc.stderr,
          proc.stderr)
    audit = by_id(read_jsonl(os.path.join(out, "audit.jsonl")))
    statuses = sorted(row["status"] for row in audit.values())
    check("every input line is in the audit", len(audit) == 5, str(sorted(audit)))
    check("invalid and empty documents are marked", statuses.count("invalid") == 2 and statuses.count("empty") == 1,
          str(statuses))
    check("gzip input is read", audit.get("gz", {}).get("status") == "kept")
    cleaned = os.path.join(work, "bad-clean.jsonl")
    proc = run(binary, "clean", folder, "-o", cleaned, "--strict")
    check("clean --strict: fails (exit 1) on skipped lines, says so, writes every line",
          proc.returncode == 1 and "--strict" in proc.stderr.splitlines()[-1] and len(read_jsonl(cleaned)) == 5,
          proc.stderr)


GOOD_TEXTS = [
    "The harbour authority said on Monday that the new ferry timetable will add two evening crossings.",
    "Council members voted to extend the library opening hours after a survey of residents.",
]


def write_good(folder):
    """Two good documents that every bad-input run must keep."""
    with open(os.path.join(folder, "good.jsonl"), "w", encoding="utf-8") as fh:
        for i, text in enumerate(GOOD_TEXTS):
            fh.write(json.dumps({"id": f"good-{i}", "text": text}) + "\n")


def stderr_names(stderr, location):
    """Whether exactly one line of stderr is a newsdedup message located at `location`, where
    "{line}" stands for any line number."""
    pattern = re.compile("newsdedup: " + re.escape(location).replace(re.escape("{line}"), "[0-9]+") + ": ")
    return sum(1 for line in stderr.splitlines() if pattern.match(line)) == 1


def bad_input_case(binary, work, name, make, kind, locations, strict_fails, extra_check=None):
    """Runs one bad input next to good documents, then again with --strict."""
    folder = os.path.join(work, "bad-" + name)
    os.makedirs(folder)
    write_good(folder)
    make(folder)
    out = os.path.join(work, "bad-" + name + "-out")
    proc = run(binary, "run", folder, "-o", out)
    check(f"{name}: the run goes on (exit 0)", proc.returncode == 0, proc.stderr[-2000:])
    if proc.returncode != 0:
        return
    for location in locations:
        where = os.path.join(folder, location)
        check(f"{name}: one-line message naming {location}", stderr_names(proc.stderr, where), proc.stderr[-2000:])
    audit = by_id(read_jsonl(os.path.join(out, "audit.jsonl")))
    check(f"{name}: every good document is kept",
          all(audit.get(f"good-{i}", {}).get("status") == "kept" for i in range(len(GOOD_TEXTS))))
    report = json.load(open(os.path.join(out, "report.json"), encoding="utf-8"))
    problems = report["input_problems"]
    check(f"{name}: counted in report.json as {kind}", problems.get(kind, 0) >= 1 and report["complete"] is True,
          json.dumps(problems))
    if extra_check:
        extra_check(folder, out, audit, report, proc)
    strict_out = out + "-strict"
    proc = run(binary, "run", folder, "-o", strict_out, "--strict")
    if strict_fails:
        check(f"{name}: --strict fails (exit 1) and says so, outputs still written",
              proc.returncode == 1 and "--strict" in proc.stderr and
              json.load(open(os.path.join(strict_out, "report.json")))["skipped_inputs"] >= 1, proc.stderr[-2000:])
    else:
        check(f"{name}: --strict accepts a repair that loses nothing", proc.returncode == 0, proc.stderr[-2000:])


def lines_of_story(n):
    rng = random.Random(5)
    return [json.dumps({"id": f"line-{i}", "text": " ".join(f"w{rng.getrandbits(32):x}" for _ in range(40))}) + "\n"
            for i in range(n)]


def test_each_bad_input(binary, work):
    def invalid_utf8(folder):
        with open(os.path.join(folder, "utf8.jsonl"), "wb") as fh:
            fh.write(b'{"id": "latin1", "text": "Caf\xe9 owners in the old town welcome the \xff new rules."}\n')

    def utf8_repaired(folder, out, audit, report, proc):
        corpus = by_id(read_jsonl(os.path.join(out, "corpus.jsonl")))
        check("invalid UTF-8: repaired with U+FFFD and kept",
              "Caf\ufffd owners" in corpus.get("latin1", {}).get("text", "") and report["repaired_utf8_sequences"] == 2)

    bad_input_case(binary, work, "invalid UTF-8", invalid_utf8, "invalid_utf8", ["utf8.jsonl:1"], False, utf8_repaired)

    def not_json(folder):
        with open(os.path.join(folder, "notjson.jsonl"), "w") as fh:
            fh.write('{"id": "fine", "text": "A perfectly ordinary line before the broken one, about trains."}\n')
            fh.write("<html><body>this is not JSON</body></html>\n")

    def not_json_listed(folder, out, audit, report, proc):
        where = os.path.join(folder, "notjson.jsonl:2")
        check("not JSON: listed in the audit as invalid", audit.get(where, {}).get("status") == "invalid" and
              audit.get("fine", {}).get("status") == "kept")

    bad_input_case(binary, work, "not JSON", not_json, "invalid_json", ["notjson.jsonl:2"], True, not_json_listed)

    def no_text(folder):
        with open(os.path.join(folder, "notext.jsonl"), "w") as fh:
            fh.write(json.dumps({"id": "headline-only", "title": "A title but no text"}) + "\n")

    bad_input_case(binary, work, "no text field", no_text, "missing_text", ["notext.jsonl:1"], True,
                   lambda f, o, audit, r, p: check("no text field: listed in the audit as invalid",
                                                   audit.get("headline-only", {}).get("status") == "invalid"))

    def zero_bytes(folder):
        open(os.path.join(folder, "empty.txt"), "wb").close()
        open(os.path.join(folder, "empty.jsonl"), "wb").close()

    bad_input_case(binary, work, "0-byte files", zero_bytes, "empty_file", ["empty.txt", "empty.jsonl"], False,
                   lambda f, o, audit, r, p: check("0-byte .txt: listed in the audit as empty",
                                                   audit.get("empty", {}).get("status") == "empty"))

    def truncated_gzip(folder):
        path = os.path.join(folder, "cut.jsonl.gz")
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.writelines(lines_of_story(3000))
        os.truncate(path, os.path.getsize(path) // 2)

    def some_lines_kept(folder, out, audit, report, proc):
        kept = [i for i in range(3000) if f"line-{i}" in audit]
        check("truncated: the complete lines before the damage are read, in order",
              0 < len(kept) < 3000 and kept == list(range(len(kept))), str(len(kept)))

    bad_input_case(binary, work, "truncated .gz", truncated_gzip, "corrupt_compressed", ["cut.jsonl.gz:{line}"], True,
                   some_lines_kept)

    if shutil.which("zstd"):
        def truncated_zstd(folder):
            plain = os.path.join(folder, "cut.jsonl")
            with open(plain, "w") as fh:
                fh.writelines(lines_of_story(3000))
            subprocess.run(["zstd", "-q", "--rm", plain, "-o", plain + ".zst"], check=True)
            os.truncate(plain + ".zst", os.path.getsize(plain + ".zst") // 2)

        bad_input_case(binary, work, "truncated .zst", truncated_zstd, "corrupt_compressed", ["cut.jsonl.zst:{line}"], True,
                       some_lines_kept)
    else:
        check("zstd(1) is installed for the truncated .zst test", False, "install the zstd package")

    def binary_files(folder):
        rng = random.Random(9)
        with open(os.path.join(folder, "photo.jpg"), "wb") as fh:
            fh.write(bytes(rng.getrandbits(8) for _ in range(50000)))
        with open(os.path.join(folder, "blob.txt"), "wb") as fh:
            fh.write(b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(rng.getrandbits(8) for _ in range(5000)))

    bad_input_case(binary, work, "binary files", binary_files, "skipped_file", ["photo.jpg", "blob.txt"], True,
                   lambda f, o, audit, report, p: check(
                       "binary .txt: listed in the audit as invalid, counted as binary_file",
                       audit.get("blob", {}).get("status") == "invalid" and
                       report["input_problems"].get("binary_file") == 1))

    def unreadable(folder):
        # /proc/self/mem opens but fails to read, even for root; without root, also a file
        # without read permission.
        os.symlink("/proc/self/mem", os.path.join(folder, "unreadable.jsonl"))
        if os.geteuid() != 0:
            locked = os.path.join(folder, "locked.jsonl")
            with open(locked, "w") as fh:
                fh.write('{"text": "x"}\n')
            os.chmod(locked, 0)

    bad_input_case(binary, work, "unreadable file", unreadable, "unreadable_file", ["unreadable.jsonl"], True)

    def duplicate_ids(folder):
        with open(os.path.join(folder, "later.jsonl"), "w") as fh:  # read after good.jsonl
            fh.write(json.dumps({"id": "good-0", "text": "A different story that reuses an id: the zoo opens a new "
                                                        "enclosure for red pandas this spring."}) + "\n")
            fh.write(json.dumps({"id": "good-0", "text": "Yet another story with the same id, about a marathon "
                                                        "that closed the bridge on Sunday."}) + "\n")

    def both_kept(folder, out, audit, report, proc):
        renamed = [audit.get("good-0#2", {}), audit.get("good-0#3", {})]
        check("duplicate ids: every copy kept under a new id, original id in the audit",
              all(r.get("status") == "kept" and r.get("original_id") == "good-0" for r in renamed) and
              report["input_problems"]["duplicate_id"] == 2, json.dumps(renamed))
        corpus_ids = [r["id"] for r in read_jsonl(os.path.join(out, "corpus.jsonl"))]
        check("duplicate ids: corpus ids are unique", len(corpus_ids) == len(set(corpus_ids)), str(corpus_ids))

    bad_input_case(binary, work, "duplicate ids", duplicate_ids, "duplicate_id", ["later.jsonl:1", "later.jsonl:2"],
                   False, both_kept)

    def over_the_limit(folder):  # past the default --max-document of 16 MiB, in a line and a .txt
        with open(os.path.join(folder, "big.jsonl"), "w") as fh:
            fh.write(json.dumps({"id": "big", "text": "word " * (17 << 18)}) + "\n")
            fh.write(lines_of_story(1)[0].replace('"line-0"', '"after-big"'))
        with open(os.path.join(folder, "big.txt"), "w") as fh:
            fh.write("word " * (17 << 18))

    def audited_not_read(folder, out, audit, report, proc):
        line = audit.get(os.path.join(folder, "big.jsonl") + ":1", {})
        check("document over --max-document: audited as invalid with its size and the limit",
              line.get("status") == "invalid" and "over the limit of 16777216 (--max-document)" in line.get("problem", "") and
              audit.get("big", {}).get("status") == "invalid" and audit.get("after-big", {}).get("status") is not None and
              report["parameters"]["max_document_bytes"] == 16 << 20, json.dumps(line)[:500])

    bad_input_case(binary, work, "document over --max-document", over_the_limit, "document_too_large",
                   ["big.jsonl:1", "big.txt"], True, audited_not_read)


def test_file_name_not_utf8(binary, work):
    folder = os.path.join(work, "names")
    os.makedirs(folder)
    with open(os.path.join(folder.encode(), b"caf\xe9 \"quoted\".txt"), "w") as fh:
        fh.write(GOOD_TEXTS[0])
    out = os.path.join(work, "names-out")
    proc = run(binary, "run", folder, "-o", out)
    try:
        rows = read_jsonl(os.path.join(out, "audit.jsonl"))
        json.load(open(os.path.join(out, "report.json"), encoding="utf-8"))
        valid = [r["id"] for r in rows] == ['caf\ufffd "quoted"']
    except (ValueError, OSError) as error:
        valid = False
        proc.stderr += str(error)
    check("a file name that is not UTF-8: outputs are valid JSON", proc.returncode == 0 and valid, proc.stderr)


def test_huge_line(binary, work):
    folder = os.path.join(work, "huge")
    os.makedirs(folder)
    write_good(folder)
    rng = random.Random(11)
    words = []
    size = 0
    while size < 20_000_000:
        words.append(f"w{rng.getrandbits(24):x}")
        size += len(words[-1]) + 1
        if len(words) % 30 == 0:
            words[-1] += "."
    text = " ".join(words)
    with open(os.path.join(folder, "huge.jsonl"), "w") as fh:
        fh.write(json.dumps({"id": "huge", "text": text}) + "\n")
    out = os.path.join(work, "huge-out")
    start = time.monotonic()
    proc = run(binary, "run", folder, "-o", out, "--strict", "--max-document", "32M")
    seconds = time.monotonic() - start
    check("20 MB line under --max-document 32M: read and kept whole", proc.returncode == 0 and
          len(by_id(read_jsonl(os.path.join(out, "corpus.jsonl"))).get("huge", {}).get("text", "")) >= 19_000_000,
          proc.stderr[-2000:])
    print(f"info    20 MB line: {seconds:.1f} s")


def test_many_files(binary, work):
    # In memory where possible: creating 100,000 files on a disk can take longer than reading them.
    scratch = tempfile.mkdtemp(prefix="newsdedup-e2e-many-", dir="/dev/shm" if os.access("/dev/shm", os.W_OK) else work)
    folder = os.path.join(scratch, "many")
    os.makedirs(folder)
    n = 100_000
    rng = random.Random(13)
    start = time.monotonic()
    folder_fd = os.open(folder, os.O_RDONLY)
    try:
        for i in range(n):
            fd = os.open(f"d{i:06d}.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=folder_fd)
            os.write(fd, " ".join(f"w{rng.getrandbits(40):x}" for _ in range(12)).encode())
            os.close(fd)
    finally:
        os.close(folder_fd)
    made = time.monotonic()
    out = os.path.join(work, "many-out")
    proc = run(binary, "run", folder, "-o", out, "--strict")
    done = time.monotonic()
    ids = [row["id"] for row in read_jsonl(os.path.join(out, "audit.jsonl"))] if proc.returncode == 0 else []
    check("folder of 100,000 files: every document in the audit, in order",
          ids == [f"d{i:06d}" for i in range(n)], proc.stderr[-2000:] + f" {len(ids)} ids")
    print(f"info    100,000 files: written in {made - start:.1f} s, run in {done - made:.1f} s")
    shutil.rmtree(scratch, ignore_errors=True)


def final_outputs(out):
    """The outputs in `out` that look complete: final names, and report.json only with complete: true."""
    found = []
    for name in ("corpus.jsonl", "audit.jsonl"):
        if os.path.exists(os.path.join(out, name)):
            found.append(name)
    report = os.path.join(out, "report.json")
    if os.path.exists(report):
        try:
            complete = json.load(open(report)).get("complete") is True
        except ValueError:
            complete = False
        found.append("report.json" + (" (complete)" if complete else ""))
    return found


def start_on_fifo(binary, work, name, command, extra=()):
    """Starts `command` reading a named pipe, feeds it 4 MB of JSONL (more than a pipe holds, so
    the run has read most of it), and returns the process, still blocked on the open pipe."""
    fifo = os.path.join(work, name + ".jsonl")
    os.mkfifo(fifo)
    out = os.path.join(work, name + "-out")
    proc = subprocess.Popen([binary, command, fifo, "-o", out, *extra], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    writer = open(fifo, "w")
    lines = lines_of_story(2000)
    written = 0
    while written < 4_000_000:
        for line in lines:
            writer.write(line.replace('"id": "line-', f'"id": "{written}-'))
            written += len(line)
    writer.flush()
    return proc, writer, out


def kill_midway(proc, writer):
    alive = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    writer.close()
    return alive


def test_killed_run(binary, work):
    proc, writer, out = start_on_fifo(binary, work, "killed", "run")
    alive = kill_midway(proc, writer)
    leftovers = os.listdir(out) if os.path.isdir(out) else []
    check("kill -9 midway: nothing looks complete, nothing left behind", alive and not final_outputs(out) and
          not leftovers, f"alive={alive} outputs={final_outputs(out)} files={leftovers}")

    # The same over the complete outputs of an earlier run, with --force.
    proc, writer, out = start_on_fifo(binary, work, "killed-again", "run")
    writer.close()
    proc.wait()
    check("a run reading a named pipe completes", proc.returncode == 0 and
          final_outputs(out) == ["corpus.jsonl", "audit.jsonl", "report.json (complete)"], str(final_outputs(out)))
    os.remove(os.path.join(work, "killed-again.jsonl"))
    fifo = os.path.join(work, "killed-again.jsonl")
    os.mkfifo(fifo)
    proc = subprocess.Popen([binary, "run", fifo, "-o", out, "--force"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    writer = open(fifo, "w")
    writer.writelines(lines_of_story(3000))
    writer.flush()
    alive = kill_midway(proc, writer)
    check("kill -9 midway over an earlier run (--force): no output of either run looks complete",
          alive and not final_outputs(out), str(final_outputs(out)))

    proc, writer, out = start_on_fifo(binary, work, "killed-clean", "clean")
    alive = kill_midway(proc, writer)
    check("kill -9 midway through clean: no output file", alive and not os.path.exists(out),
          str(os.listdir(work)))


def test_clean(binary, fixtures, sample, work):
    out = os.path.join(work, "clean.jsonl")
    proc = run(binary, "clean", sample, "-o", out, expect=0)
    rows = read_jsonl(out)
    check("clean: one line per input document, in input order", proc.returncode == 0 and
          [r["id"] for r in rows] == [SEED_000, SEED_003, "ledger_ryabkov_reprint", "wire-kremlin", "harbour-1",
                                      "harbour-2"], str([r["id"] for r in rows]))
    check("clean: removed lines carry reasons", all("reason" in x for r in rows for x in r["removed"]) and
          any(r["removed"] for r in rows))
    proc = run(binary, "clean", sample, "-o", out)
    check("clean: refuses to overwrite without --force", proc.returncode == 1)


def test_shared_seeds_match(fixtures):
    shared = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "seeds")
    if not os.path.isdir(shared):
        print("skip    ../shared/seeds not present")
        return
    same = all(open(os.path.join(shared, n), "rb").read() == open(os.path.join(fixtures, n), "rb").read()
               for n in os.listdir(shared))
    check("fixtures are byte-identical to ../shared/seeds", same)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--fixtures", required=True)
    ap.add_argument("--sample", default=os.path.join(os.path.dirname(__file__), "..", "..", "examples", "sample"))
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="newsdedup-e2e-")
    try:
        test_seeds(a.binary, a.fixtures, work)
        test_sample(a.binary, a.sample, work)
        test_determinism(a.binary, a.sample, work)
        test_memory_limit(a.binary, work)
        test_stages(a.binary, a.sample, work)
        test_cross_corpus(a.binary, work)
        test_cross_corpus_short_documents(a.binary, work)
        test_tiny_documents(a.binary, work)
        test_input_title(a.binary, work)
        test_output_inside_input(a.binary, a.sample, work)
        test_outputs_protected(a.binary, a.sample, work)
        test_usage_and_failures(a.binary, a.sample, work)
        test_bad_input(a.binary, work)
        test_each_bad_input(a.binary, work)
        test_file_name_not_utf8(a.binary, work)
        test_huge_line(a.binary, work)
        test_many_files(a.binary, work)
        test_killed_run(a.binary, work)
        test_clean(a.binary, a.fixtures, a.sample, work)
        test_shared_seeds_match(a.fixtures)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results["failed"] else 0)


if __name__ == "__main__":
    main()
