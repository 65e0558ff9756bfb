#!/usr/bin/env python3
"""The build benchmark: for each N, makes N synthetic disclosures from the seeds, then in one run
times Disclose (a full build, a rebuild with nothing changed, a rebuild with one disclosure
changed), Hugo building one Markdown page per disclosure holding its tables, and the I/O floor
(copying the input files and a tree of the output's files). Prints a Markdown table.

    bench/run [N ...]            default: 1000 10000

Needs a release build (bench/run makes it) and Debian's `hugo` (bench/run installs it).
Everything it makes is under bench/work/, which is not committed.
"""
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from make_corpus import make  # noqa: E402

WORK = os.path.join(ROOT, "bench", "work")
DISCLOSE = os.path.join(ROOT, ".build", "release", "disclose")


def timed(cmd, **kw):
    """Runs cmd under GNU time; returns (wall seconds, peak resident MB, stdout, "U s user, S s system")."""
    out = subprocess.run(["/usr/bin/time", "-f", "%e %M %U %S"] + cmd, capture_output=True, text=True, **kw)
    if out.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{out.stdout}\n{out.stderr}")
    wall, kb, user, system = out.stderr.strip().splitlines()[-1].split()
    return float(wall), int(kb) / 1024, out.stdout + out.stderr, f"{user} s user, {system} s system"


def tree_size(path):
    files = total = 0
    for d, _, names in os.walk(path):
        for n in names:
            files += 1
            total += os.path.getsize(os.path.join(d, n))
    return files, total


def hugo_site(content, site):
    """One Markdown page per disclosure holding its twelve tables: each run of tab-separated lines
    before the narrative (the last 第三部分, since the first is in the table of contents) as a
    Markdown table, after the last line of text before it (the table's title or unit) as a
    paragraph. The tables are found by their tabs, not after the heading 第二部分: that heading also
    appears in the table of contents, and two of the seeds' templates have it nowhere else."""
    os.makedirs(os.path.join(site, "content", "d"))
    os.makedirs(os.path.join(site, "layouts", "_default"))
    with open(os.path.join(site, "config.toml"), "w") as f:
        f.write('baseURL = "https://budget.example.org/"\ntitle = "bench"\ndisableKinds = ["taxonomy", "term"]\n')
    layout = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>%s</body></html>\n"
    with open(os.path.join(site, "layouts", "_default", "single.html"), "w") as f:
        f.write(layout % "{{ .Content }}")
    with open(os.path.join(site, "layouts", "_default", "list.html"), "w") as f:
        f.write(layout % "<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>")
    for name in sorted(os.listdir(content)):
        body, table, title = [], [], ""
        text = open(os.path.join(content, name), encoding="utf-8").read()
        for line in text[:text.rfind("第三部分")].splitlines():
            if "\t" not in line:
                if table:
                    body += table + [""]
                    table = []
                title = line.strip() or title
                continue
            cells = [c.strip().replace("|", "\\|") for c in line.split("\t")]
            if not table:
                body += [title, ""] if title else []
                table += ["| " + " | ".join(cells) + " |", "|" + "---|" * len(cells)]
            else:
                table.append("| " + " | ".join(cells) + " |")
        body += table
        with open(os.path.join(site, "content", "d", name.replace(".txt", ".md")), "w", encoding="utf-8") as f:
            f.write(f'---\ntitle: "{name}"\n---\n\n' + "\n".join(body) + "\n")


# How many one-changed rebuilds from the kept site are timed (the median is printed).
AGAIN = 5


def change_one(content, which=0):
    """Changes one figure of one disclosure: the first amount after its tables begin (its first
    tab-separated line, as `hugo_site` finds them)."""
    path = os.path.join(content, sorted(os.listdir(content))[which])
    text = open(path, encoding="utf-8").read()
    at = text.rfind("\n", 0, text.find("\t")) + 1
    m = re.compile(r"(\d)\.(\d)(\d)").search(text, at)
    digit = str((int(m.group(3)) + 1) % 10)
    text = text[: m.start(3)] + digit + text[m.end(3):]
    open(path, "w", encoding="utf-8").write(text)


TRASH = os.path.join(WORK, ".trash")
# When the benchmark last deleted its trash (seconds since the epoch, as text).
DELETED = os.path.join(WORK, ".deleted")
# How long after a deletion the freed inodes slow the creation of new ones: ext4 without a
# journal skips, one by one, inodes freed in the last 60 s, and in the last 360 s when their
# inode table block is dirty, as it is again as soon as a new inode is made in it. After a 10,000
# site (146,000 files) was deleted, `sync`ed and left for 61 s, and for 300 s, a clean build into
# the same folder took 68.60 s and 70.05 s with 24.85 s and 32.61 s of system time; into a folder
# with no deletion before it, 56.31 s with 9.72 s (`recently_deleted` and the block lookups it
# makes were a tenth of the slow build's samples, and absent from the other).
SETTLE = 370


def put_aside(path):
    """Moves a folder out of the way without freeing its inodes: a rename, not a deletion."""
    if os.path.exists(path):
        os.makedirs(TRASH, exist_ok=True)
        os.rename(path, os.path.join(TRASH, f"{os.path.basename(path)}-{time.time_ns()}"))


def empty_trash():
    """Deletes what earlier runs put aside, after the timed runs, and notes when."""
    if os.path.exists(TRASH):
        shutil.rmtree(TRASH, ignore_errors=True)
        os.sync()
        with open(DELETED, "w") as f:
            f.write(str(time.time()))


def settle():
    """Waits until the inodes the last deletion freed no longer slow the builds (`SETTLE`). CI
    builds into a fresh clone, with no such deletion before it; Hugo and the copy, run minutes
    later, would otherwise be timed on a different footing from the build."""
    try:
        last = float(open(DELETED).read())
    except (OSError, ValueError):
        return
    wait = last + SETTLE - time.time()
    if wait > 0:
        print(f"<!-- waiting {wait:.0f} s after the last deletion -->")
        sys.stdout.flush()
        time.sleep(wait)


def run(n):
    work = os.path.join(WORK, str(n))
    put_aside(work)
    content = os.path.join(work, "content")
    make(os.path.join(ROOT, "content", "disclosures"), os.path.join(content, "disclosures"), n)
    shutil.copy(os.path.join(ROOT, "content", "site.json"), content)
    out = os.path.join(work, "public")
    build = [DISCLOSE, "build", "--content", content, "--theme", os.path.join(ROOT, "theme"), "--output", out]

    full, full_mb, log, full_cpu = timed(build + ["--clean"])
    # The full build leaves gigabytes of written pages for the kernel to flush; a rebuild in CI
    # does not run while they are. Five one-changed rebuilds right after the full build took
    # 1.24-1.83 s (median 1.49 s), five of the same site a few minutes later 1.21-1.38 s.
    os.sync()
    stages = re.search(r"stages: (.*)", log).group(1)
    pages = int(re.search(r"(\d+) pages", log).group(1))
    same, same_mb, log_same, _ = timed(build)
    assert "nothing written" in log_same, log_same
    change_one(os.path.join(content, "disclosures"))
    one, one_mb, log_one, _ = timed(build)
    written = re.search(r"(\d+) files written", log_one).group(1)
    # Again, as CI rebuilds: now the site the last build replaced is kept, and staging starts from
    # it. Five times, a figure of another disclosure each time: one such rebuild took from 1.1 s to
    # 1.7 s on this machine within minutes, so the median of five is printed, with the range.
    runs = []
    for which in range(1, 1 + AGAIN):
        change_one(os.path.join(content, "disclosures"), which)
        runs.append(timed(build))
    again, again_mb, log_again, _ = sorted(runs, key=lambda r: r[0])[len(runs) // 2]
    again_range = f"{min(r[0] for r in runs):.2f}–{max(r[0] for r in runs):.2f} s"
    again_peak = max(r[1] for r in runs)
    written_again = "/".join(sorted({re.search(r"(\d+) files written", r[2]).group(1) for r in runs}))
    stages_again = re.search(r"stages: (.*)", log_again).group(1)

    in_files, in_bytes = tree_size(os.path.join(content, "disclosures"))
    out_files, out_bytes = tree_size(out)

    hugo_dir = os.path.join(work, "hugo")
    hugo_site(os.path.join(content, "disclosures"), hugo_dir)
    hugo, hugo_mb, _, hugo_cpu = timed(["hugo", "--quiet", "--source", hugo_dir, "--destination", os.path.join(work, "hugo-public")])

    floor_dir = os.path.join(work, "floor")
    os.makedirs(floor_dir)
    start = time.monotonic()
    subprocess.run(["cp", "-r", os.path.join(content, "disclosures"), os.path.join(floor_dir, "in")], check=True)
    subprocess.run(["cp", "-r", out, os.path.join(floor_dir, "out")], check=True)
    floor = time.monotonic() - start

    mb = 1024 * 1024
    print(f"| {n:,} | full build | {full:.2f} s | {n / full:,.0f} | {pages / full:,.0f} | {in_bytes / mb / full:,.1f} / {out_bytes / mb / full:,.1f} | {full_mb:,.0f} MB |")
    print(f"| {n:,} | no change | {same:.2f} s | | | | {same_mb:,.0f} MB |")
    print(f"| {n:,} | one changed, first rebuild ({written} files written) | {one:.2f} s | | | | {one_mb:,.0f} MB |")
    print(f"| {n:,} | one changed, next rebuild ({written_again} files written), median of {AGAIN} ({again_range}) | {again:.2f} s | | | | {again_peak:,.0f} MB |")
    print(f"| {n:,} | Hugo, {n:,} Markdown pages | {hugo:.2f} s | | | | {hugo_mb:,.0f} MB |")
    print(f"| {n:,} | I/O floor (cp in + cp out) | {floor:.2f} s | | | | |")
    print(f"|  | ratios: full ÷ Hugo {full / hugo:.2f}, full ÷ floor {full / floor:.1f} | | | | | |")
    print(f"<!-- N={n}: in {in_files} files {in_bytes / mb:.0f} MB, out {out_files} files {out_bytes / mb:.0f} MB; full build {full_cpu}; Hugo {hugo_cpu}; stages: {stages}; next rebuild's stages: {stages_again} -->")
    sys.stdout.flush()


if __name__ == "__main__":
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 10000]
    print("| N | build | wall | disclosures/s | pages/s | MB/s in / out | peak memory |")
    print("|---|---|---|---|---|---|---|")
    sys.stdout.flush()
    # A run interrupted before its end left trash: deleted now, and waited for.
    empty_trash()
    settle()
    for n in sizes:
        run(n)
    empty_trash()
