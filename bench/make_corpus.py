#!/usr/bin/env python3
"""Makes N synthetic disclosures from the seeds: each a seed with its department renamed, so every
file is a distinct department and year. The figures stay the seed's, so checks and pages do the
same work as on the real ones.

    bench/make_corpus.py SEEDS_DIR OUT_DIR N
"""
import os
import sys

# Each seed's department as it is written, and the forms it takes across a line break on a cover.
NAMES = [
    "昌吉回族自治州人民政府办公室",
    "昌吉市人民政府办公室",
    "昌吉回族自治州人民政府驻北京联络处",
    "昌吉回族自治州工业和信息化局",
    "克孜勒苏柯尔克孜自治州人民政府驻乌鲁木齐办事处",
]
BROKEN = {"克孜勒苏柯尔克孜自治州人民政府驻乌鲁木齐办事处": "克孜勒苏柯尔克孜自治州人民政府驻乌鲁木齐办\n事处"}
DIGITS = "〇一二三四五六七八九"


def tag(i):
    """A suffix made of Chinese numerals, so no reader takes it for a figure."""
    return "第" + "".join(DIGITS[int(c)] for c in f"{i:05d}") + "分部"


def make(seeds_dir, out_dir, n):
    seeds = []
    for name in sorted(os.listdir(seeds_dir)):
        if not name.endswith(".txt"):
            continue
        text = open(os.path.join(seeds_dir, name), encoding="utf-8").read()
        dept = next(d for d in NAMES if d in text)
        seeds.append((name, text, dept))
    os.makedirs(out_dir, exist_ok=True)
    for i in range(n):
        name, text, dept = seeds[i % len(seeds)]
        renamed = dept + tag(i)
        if dept in BROKEN:
            text = text.replace(BROKEN[dept], BROKEN[dept] + tag(i))
        text = text.replace(dept, renamed)
        with open(os.path.join(out_dir, f"{i:05d}-{name}"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    make(sys.argv[1], sys.argv[2], int(sys.argv[3]))
