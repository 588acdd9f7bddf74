#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz targets (scripts/fuzz.sh) into OUT/TARGET/.

From ../shared: the evaluation corpora and news stories (JSON) and the seed reports (.txt); from
the repository: the embedded seed reports and the test fixtures. Each target gets inputs of the
size and shape it reads (see tests/support/invariants.rs): small corpora as JSON, text files with
date lines, byte order marks, CRLF and a stray invalid byte, sources joined by a form feed, claim
and text pairs, sentences with dates and numbers, and option values. Nothing is written into
the repository's tracked files; the seeds are regenerated on every run.
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEP = "\x0c"


def corpora():
    """(name, corpus dict) of every corpus found."""
    paths = sorted((SHARED / "eval" / "corpora").glob("*.json")) + sorted(
        p for p in (SHARED / "eval" / "news").glob("*.json") if not p.name.endswith("-gold.json")
    )
    for path in paths:
        try:
            yield path.stem, json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
    texts = sorted((SHARED / "seeds").glob("*.txt")) or sorted((ROOT / "src" / "corpus" / "seeds").glob("*.txt"))
    sources = [{"id": p.stem.split("_")[0], "text": p.read_text(encoding="utf-8")} for p in texts]
    if sources:
        yield "seed-reports", {"version": 1, "title": "Seeds", "sources": sources}


def sentences(text):
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) > 20]


def main(out):
    out = pathlib.Path(out)
    seeds = {target: [] for target in ["corpus_json", "txt_sources", "widget_options", "analyse", "stance", "dates_numbers"]}
    for name, corpus in corpora():
        sources = [s for s in corpus.get("sources", []) if isinstance(s, dict) and isinstance(s.get("text"), str)]
        for start in range(0, min(len(sources), 12), 3):
            group = sources[start : start + 3]
            small = dict(corpus, sources=[dict(s, text=s["text"][:500]) for s in group])
            seeds["corpus_json"].append(json.dumps(small, ensure_ascii=False))
            parts = []
            for s in group:
                date = s.get("published") or "2025-08-20"
                parts.append(f"date {date}\n{s['text'][:600]}")
            seeds["analyse"].append(SEP.join(parts))
        for s in sources[:6]:
            text = s["text"][:1500]
            seeds["txt_sources"].append(f"date {s.get('published') or '2025-08-20'}\n\n{text}")
            seeds["txt_sources"].append("\ufeff" + text.replace("\n", "\r\n"))
            cut = sentences(s["text"])
            for a, b in zip(cut[:8], cut[1:9]):
                seeds["stance"].append(a + SEP + b)
            seeds["dates_numbers"].extend(c[:400] for c in cut if re.search(r"\d", c))
    seeds["txt_sources"] += [" date 2025-08-20 BRUSSELS: Chiefs met.", "date 2025-13-45\nA bad date.", "Date night. It was fun."]
    seeds["dates_numbers"] += ["2025-08-20", "2024-02-29", "last Friday, 32 chiefs and $4.5 billion", "on 20 August 2025 about 1,200 people"]
    seeds["widget_options"] += [
        SEP.join(["#story", "dark", "002", "c12", "600px", "en"]),
        SEP.join(["story.json", "blue", "", "x", "80vh", "fr-CA"]),
        SEP.join(['{"sources": []}', "LIGHT", "\u202e", "C9", "12.5", "en_GB"]),
    ]
    for target, inputs in seeds.items():
        folder = out / target
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("seed-*"):
            old.unlink()
        for index, text in enumerate(inputs):
            data = text.encode("utf-8")
            (folder / f"seed-{index:04}").write_bytes(data)
        if target == "txt_sources" and inputs:
            # A file that is not quite UTF-8: one stray byte in the middle.
            data = inputs[0].encode("utf-8")
            (folder / "seed-invalid-utf8").write_bytes(data[:40] + b"\xff\xfe" + data[40:])
        print(f"{target}: {len(list(folder.glob('seed-*')))} seeds")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "fuzz/seeds")
