#!/usr/bin/env python3
"""Rebuilds cases of tests/fixtures/peer/cablemap-reader.json from the test files of
heuer/cablemap (BSD licence, (c) 2011 Lars Heuer), given as arguments. Run from the
repository's root:

    python3 tools/peer/rebuild.py refs PEER/test_reader_references.py PEER/test_reader_references_ng.py
    python3 tools/peer/rebuild.py classified_by PEER/test_reader_classificationist.py

`refs`: each case is the text the peer gives `parse_references`, the year it gives with
it, the cable the case comes from (its reference_id, else the cable its comment names)
and the cable IDs it expects; the `_ng` file's expected references of other kinds
(e-mails, books, telephone calls, reports) are left out, since cableview resolves cables
only. A text both files test is kept once. The `refs` cases are replaced; the exclusions
already written for them (matched by their input) are kept.

`classified_by`: the `_TEST_DATA` cases of the classificationist test not in the fixture
yet (by cable and expected name) are added after the others: the `c14n=False` ones (the
`True` duplicates title-case the name, which cableview does not), `()` as null, and the
cases that expect two classifiers excluded (cableview keeps one). Its `_TEST_CABLES` read
whole cables by ID and are not rebuilt.

Other fields' cases are kept as they are.
"""

import ast
import json
import re
import sys
import types

FIXTURE = "tests/fixtures/peer/cablemap-reader.json"
CABLE_ID = re.compile(r"#\s*(\d\d[A-Z]+\d+)")
TWO_CLASSIFIERS = "the peer reads two classifiers; cableview keeps one classifier line's name"


class Reference:
    """The peer's `models.Reference`, only as far as its tests build one."""

    def __init__(self, value, kind, enum=None):
        self.value, self.kind, self.enum = value, kind, enum


def stub_modules():
    """The modules the peer's test files import, enough to evaluate their tables."""
    names = ["nose", "nose.tools", "cablemap", "cablemap.core", "cablemap.core.reader",
             "cablemap.core.models", "cablemap.core.constants"]
    for name in names:
        sys.modules[name] = types.ModuleType(name)
    sys.modules["nose.tools"].eq_ = None
    sys.modules["nose.tools"].ok_ = None
    sys.modules["cablemap.core"].cable_by_id = None
    sys.modules["cablemap.core.reader"].parse_references = None
    sys.modules["cablemap.core.reader"].parse_classificationists = None
    sys.modules["cablemap.core.models"].Reference = Reference
    constants = sys.modules["cablemap.core.constants"]
    for kind in ["CABLE", "EMAIL", "BOOK", "TEL", "REPORT"]:
        setattr(constants, "REF_KIND_" + kind, kind)
    sys.modules["cablemap.core"].constants = constants


def load(path):
    """The peer's test file: its source and the names it defines."""
    # Python 2 source: a `ur` string is an `r` string in Python 3 (none uses a \u escape).
    source = open(path, encoding="utf-8").read().replace("(ur'''", "(r'''")
    space = {}
    exec(compile(source, path, "exec"), space)
    return source, space


def comments_before(source, name):
    """The cable ID named by the comment line before each item of the tuple `name`."""
    lines = source.splitlines()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and node.targets[0].id == name:
            found = []
            for item in node.value.elts:
                above = lines[item.lineno - 2] if item.lineno >= 2 else ""
                match = CABLE_ID.search(above)
                found.append(match.group(1) if match else None)
            return found
    raise SystemExit(f"no {name} in the file")


def ids(expected):
    """The peer's expected list as cable IDs: strings, or its `Reference`s of cables."""
    return [r if isinstance(r, str) else r.value
            for r in expected if isinstance(r, str) or r.kind == "CABLE"]


def refs_of(path):
    """(cable, year, text, expected IDs) of each REF case of a peer file."""
    source, space = load(path)
    cases = []
    for comment, test in zip(comments_before(source, "_TEST_DATA"), space["_TEST_DATA"]):
        text, year, *rest = test
        cable, expected = (rest[0], rest[1]) if len(rest) == 2 else (comment, rest[0])
        cases.append((cable, year, text, ids(expected)))
    for cable, (text, year, expected) in space.get("_TRIPOLI_TESTS", {}).items():
        cases.append((cable, year, text, ids(expected)))
    return cases


def rebuild_refs(doc, paths):
    kept = [c for c in doc["cases"] if c["field"] != "refs"]
    excluded = {c["input"]: c["exclude"] for c in doc["cases"]
                if c["field"] == "refs" and "exclude" in c}
    seen = set()
    refs = []
    for path in paths:
        for cable, year, text, expected in refs_of(path):
            if (text, year) in seen:
                continue
            seen.add((text, year))
            case = {"field": "refs", "cable": cable, "year": year, "input": text,
                    "expected": expected}
            if text in excluded:
                case["exclude"] = excluded[text]
            refs.append(case)
    doc["cases"] = kept + refs
    doc["compare"]["refs"] = (
        "the cable IDs the REF list cites, in order, once each (the peer's cables alone, "
        "its e-mails, books, calls and reports left out); year: the year the peer gives "
        "its reader, for a REF that writes none")
    return len(refs)


def add_classifiers(doc, paths):
    key = lambda cable, expected: (cable or None, json.dumps(expected))
    have = {key(c["cable"], c["expected"]) for c in doc["cases"]
            if c["field"] == "classified_by"}
    added = []
    for path in paths:
        for test in load(path)[1]["_TEST_DATA"]:
            cable, expected, text, *c14n = test
            if c14n and c14n[0]:
                continue
            expected = None if expected == () else expected
            two = isinstance(expected, tuple)
            expected = list(expected) if two else expected
            if key(cable, expected) in have:
                continue
            have.add(key(cable, expected))
            case = {"field": "classified_by", "cable": cable or None, "input": text,
                    "expected": expected}
            if two:
                case["exclude"] = TWO_CLASSIFIERS
            added.append(case)
    last = max(i for i, c in enumerate(doc["cases"]) if c["field"] == "classified_by")
    doc["cases"][last + 1:last + 1] = added
    return len(added)


def main():
    stub_modules()
    kind, paths = sys.argv[1], sys.argv[2:]
    doc = json.load(open(FIXTURE, encoding="utf-8"))
    if kind == "refs":
        count = rebuild_refs(doc, paths)
    elif kind == "classified_by":
        count = add_classifiers(doc, paths)
    else:
        raise SystemExit(f"unknown kind {kind}: refs or classified_by")
    with open(FIXTURE, "w", encoding="utf-8") as out:
        out.write(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    print(f"{count} {kind} cases")


if __name__ == "__main__":
    main()
