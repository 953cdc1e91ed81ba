"""Cross-reference a large article archive with Apache Spark and the storylines CLI.

1. Bucketing (Spark): each article gets a MinHash signature of its word 5-shingles; signatures are cut into
   bands, and articles sharing a band within the same date window are candidate pairs; connected components of
   the candidate graph are the candidate stories.
2. Map step (Spark's RDD.pipe): each story becomes one JSON line, piped through `storylines jsonl`, which writes
   one export (schema storylines/1, the JSON the page loads) per line.

Usage (see README.md):
  python storylines_spark.py ARTICLES.jsonl OUT_DIR [--cli PATH] [--master local[2]]
ARTICLES.jsonl: one {"name", "text", "published" (YYYY-MM-DD), "outlet"?} per line.
"""

import argparse
import hashlib
import json
import os
import re
import shutil
import sys
import time
from datetime import date

import numpy as np

BANDS, ROWS = 64, 2  # 128 hash functions; bands of 2 let pairs with a Jaccard near 0.1 meet, verified below
MIN_JACCARD = 0.08  # the signature-estimated Jaccard a candidate pair needs (rewrites of one story score above)
WINDOW_DAYS = 14  # two tilings shifted by half a window, so a story near a window edge still meets
WORD = re.compile(r"\w+", re.UNICODE)
_rng = np.random.default_rng(20261125)
A = _rng.integers(1, 2**63, size=BANDS * ROWS, dtype=np.uint64) | np.uint64(1)
B = _rng.integers(0, 2**63, size=BANDS * ROWS, dtype=np.uint64)


def signature(text):
    """MinHash signature (BANDS * ROWS values) of the article's lowercased word 5-shingles (multiply-shift hashes)."""
    words = WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + 5]) for i in range(max(0, len(words) - 4))} or {text}
    base = np.array([int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little") for s in shingles], dtype=np.uint64)
    with np.errstate(over="ignore"):
        return ((A[:, None] * base[None, :] + B[:, None]) >> np.uint64(32)).min(axis=1)


def band_keys(article):
    """((tiling, window, band, band bytes), (name, signature)) for two overlapping tilings of time into windows."""
    day = date.fromisoformat(article["published"]).toordinal()
    sig = signature(article["text"])
    out = []
    for shift in (0, WINDOW_DAYS // 2):
        window = (day + shift) // WINDOW_DAYS
        for band in range(BANDS):
            out.append(((shift, window, band, sig[band * ROWS:(band + 1) * ROWS].tobytes()), (article["name"], sig)))
    return out


def verified_pairs(members):
    """Pairs of a band bucket whose signatures agree on at least MIN_JACCARD of their values."""
    members = sorted({n: s for n, s in members}.items())
    out = []
    for i in range(len(members)):
        for j in range(i + 1, len(members)):
            if float(np.mean(members[i][1] == members[j][1])) >= MIN_JACCARD:
                out.append((members[i][0], members[j][0]))
    return out


def components(names, pairs):
    """Connected components (union-find) over the candidate pairs; singletons included."""
    parent = {n: n for n in names}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups = {}
    for n in names:
        groups.setdefault(find(n), []).append(n)
    return sorted(sorted(g) for g in groups.values())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles")
    parser.add_argument("out")
    parser.add_argument("--cli", default=os.path.join(os.path.dirname(__file__), "..", "..", "target", "release", "storylines"))
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=8)
    args = parser.parse_args()
    cli = os.path.abspath(args.cli)
    if not os.access(cli, os.X_OK):
        sys.exit(f"{cli} is missing: cargo build --release --bin storylines")

    from pyspark import SparkConf, SparkContext

    t0 = time.time()
    sc = SparkContext(conf=SparkConf().setMaster(args.master).setAppName("storylines").set("spark.ui.enabled", "false"))
    sc.setLogLevel("ERROR")
    articles = sc.textFile(args.articles, args.partitions).map(json.loads).cache()
    names = articles.map(lambda a: a["name"]).collect()

    # 1. Bucketing: MinHash bands within date windows -> candidate pairs -> connected components.
    t1 = time.time()
    pairs = (
        articles.flatMap(band_keys)
        .groupByKey()
        .filter(lambda kv: len(kv[1]) > 1)
        .flatMap(lambda kv: verified_pairs(kv[1]))
        .distinct()
        .collect()
    )
    stories = components(names, pairs)
    story_of = {n: f"cluster-{i:05d}" for i, g in enumerate(stories) for n in g}
    t2 = time.time()

    # 2. Map step: one JSON line per story through `storylines jsonl`.
    def story_line(kv):
        sid, arts = kv
        arts = sorted(arts, key=lambda a: a["name"])
        manifest = {"articles": [{"file": a["name"], "published": a["published"], "outlet": a.get("outlet")} for a in arts]}
        return json.dumps({"id": sid, "articles": [{"name": a["name"], "text": a["text"]} for a in arts], "manifest": manifest})

    bcast = sc.broadcast(story_of)
    lines = articles.map(lambda a: (bcast.value[a["name"]], a)).groupByKey().map(story_line)
    exports = lines.repartition(args.partitions).pipe(cli + " jsonl")
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    exports.saveAsTextFile(args.out)
    t3 = time.time()

    # Summary: read the exports back (one per story) and compare the buckets with the generator's stories.
    summary = (
        sc.textFile(args.out)
        .map(json.loads)
        .map(lambda e: (1, 0 if "export" in e else 1, len(e.get("export", {}).get("articles", [])), len(e.get("export", {}).get("alignments", []))))
        .reduce(lambda x, y: tuple(p + q for p, q in zip(x, y)))
    )
    truth = {}
    for n in names:
        truth.setdefault(n.rsplit("-", 1)[0], set()).add(n)
    exact = sum(1 for g in stories if set(g) == truth.get(g[0].rsplit("-", 1)[0]))
    sc.stop()
    print(json.dumps({
        "articles": len(names),
        "candidate_pairs": len(pairs),
        "stories": len(stories),
        "stories_matching_generated_story_exactly": exact,
        "generated_stories": len(truth),
        "exports": summary[0],
        "error_lines": summary[1],
        "articles_exported": summary[2],
        "alignments": summary[3],
        "seconds": {"load": round(t1 - t0, 1), "bucketing": round(t2 - t1, 1), "storylines_map_step": round(t3 - t2, 1), "total": round(time.time() - t0, 1)},
    }, indent=1))


if __name__ == "__main__":
    main()
