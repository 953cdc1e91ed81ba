"""Cross-reference a large article archive with Apache Spark and the storylines CLI.

1. Bucketing (Spark ML and DataFrames): each article's lowercased words become word 5-shingles
   (`RegexTokenizer`, `NGram`), tagged with the article's date window (two tilings of time, so that only
   articles of one window can share a shingle) and hashed into a sparse binary vector (`HashingTF`); Spark's
   own `MinHashLSH` proposes pairs and `approxSimilarityJoin` keeps those whose Jaccard similarity is at least
   MIN_JACCARD and whose publication dates are at most WINDOW_DAYS apart; connected components of the kept pairs (label
   propagation with DataFrame joins until no label changes) are the candidate stories.
2. Map step (Spark's RDD.pipe): each story becomes one JSON line, piped through `storylines jsonl`, which writes
   one export (schema storylines/1, the JSON the page loads) per line.

Usage (see README.md):
  python storylines_spark.py ARTICLES.jsonl OUT_DIR [--cli PATH] [--master local[2]]
ARTICLES.jsonl: one {"name", "text", "published" (YYYY-MM-DD), "outlet"?} per line.
"""

import argparse
import json
import os
import shutil
import sys
import time

MIN_JACCARD = 0.08  # the shingle Jaccard a candidate pair needs (rewrites of one story score above)
WINDOW_DAYS = 14  # the most days two articles of one story lie apart (stops evergreen text chaining stories)
HASH_TABLES = 48  # MinHashLSH tables: a pair with Jaccard 0.1 meets in at least one with probability 0.994
FEATURES = 1 << 24  # HashingTF width: collisions among the shingles of one window are negligible


def shingle_vectors(articles):
    """Each article twice, once per tiling of time into WINDOW_DAYS windows (the second shifted by half a
    window), with a sparse binary vector of its word 5-shingles tagged with the window: two articles share a
    shingle only within one window, so MinHashLSH never proposes a pair from different windows, and a story
    near a window's edge still meets in the other tiling. Articles too short for one shingle are left out."""
    from pyspark.ml.feature import HashingTF, NGram, RegexTokenizer
    from pyspark.sql import functions as F

    words = RegexTokenizer(inputCol="text", outputCol="words", pattern="\\W+", toLowercase=True).transform(articles)
    shingles = NGram(n=5, inputCol="words", outputCol="shingles").transform(words).where(F.size("shingles") > 0)
    tilings = []
    for shift in (0, WINDOW_DAYS // 2):
        window = F.floor((F.col("day") + shift) / WINDOW_DAYS).cast("string")
        tag = F.concat(F.lit(f"{shift}:"), window, F.lit("|"))
        tilings.append(shingles.withColumn("tagged", F.transform("shingles", lambda x: F.concat(tag, x))))
    tagged = tilings[0].unionByName(tilings[1])
    vectors = HashingTF(inputCol="tagged", outputCol="features", numFeatures=FEATURES, binary=True).transform(tagged)
    return vectors.select("name", "day", "features")


def candidate_pairs(vectors):
    """Pairs (a, b), a < b, with shingle Jaccard >= MIN_JACCARD and dates within WINDOW_DAYS (Spark ML's MinHashLSH)."""
    from pyspark.ml.feature import MinHashLSH
    from pyspark.sql import functions as F

    model = MinHashLSH(inputCol="features", outputCol="hashes", numHashTables=HASH_TABLES, seed=20261207).fit(vectors)
    joined = model.approxSimilarityJoin(vectors, vectors, 1.0 - MIN_JACCARD, distCol="distance")
    return joined.select(
        F.col("datasetA.name").alias("a"), F.col("datasetB.name").alias("b"),
        F.abs(F.col("datasetA.day") - F.col("datasetB.day")).alias("gap"),
    ).where((F.col("a") < F.col("b")) & (F.col("gap") <= WINDOW_DAYS)).select("a", "b")


def components(spark, names, pairs):
    """Connected components by label propagation over DataFrames: every article starts with its own name as
    label and takes the smallest label among its neighbours until no label changes; singletons included."""
    from pyspark.sql import functions as F

    edges = pairs.union(pairs.select(F.col("b").alias("a"), F.col("a").alias("b"))).cache()
    labels = spark.createDataFrame([(n, n) for n in names], ["name", "label"]).cache()
    rounds = 0
    while True:
        rounds += 1
        offered = edges.join(labels, edges.a == labels.name).select(F.col("b").alias("name"), F.col("label").alias("offer"))
        nxt = (labels.join(offered, "name", "left")
               .groupBy("name").agg(F.least(F.min("label"), F.min(F.coalesce("offer", "label"))).alias("label"))
               .localCheckpoint())
        changed = nxt.join(labels.withColumnRenamed("label", "old"), "name").where(F.col("label") != F.col("old")).count()
        labels = nxt
        if changed == 0:
            break
    groups = {}
    for row in labels.collect():
        groups.setdefault(row["label"], []).append(row["name"])
    return sorted(sorted(g) for g in groups.values()), rounds


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

    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    t0 = time.time()
    spark = (SparkSession.builder.master(args.master).appName("storylines")
             .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", str(args.partitions))
             .getOrCreate())
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    articles = sc.textFile(args.articles, args.partitions).map(json.loads).cache()
    names = articles.map(lambda a: a["name"]).collect()
    frame = spark.createDataFrame(articles.map(lambda a: (a["name"], a["text"], a["published"])), ["name", "text", "published"])
    frame = frame.withColumn("day", F.datediff(F.to_date("published"), F.lit("1970-01-01"))).cache()

    # 1. Bucketing: shingle vectors -> MinHashLSH similarity join within the date window -> components.
    t1 = time.time()
    vectors = shingle_vectors(frame).cache()
    pairs = candidate_pairs(vectors).distinct().cache()
    n_pairs = pairs.count()
    t_lsh = time.time()
    stories, rounds = components(spark, names, pairs)
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
    spark.stop()
    print(json.dumps({
        "articles": len(names),
        "candidate_pairs": n_pairs,
        "label_propagation_rounds": rounds,
        "stories": len(stories),
        "stories_matching_generated_story_exactly": exact,
        "generated_stories": len(truth),
        "exports": summary[0],
        "error_lines": summary[1],
        "articles_exported": summary[2],
        "alignments": summary[3],
        "seconds": {"load": round(t1 - t0, 1), "minhash_lsh_join": round(t_lsh - t1, 1), "components": round(t2 - t_lsh, 1), "storylines_map_step": round(t3 - t2, 1), "total": round(time.time() - t0, 1)},
    }, indent=1))


if __name__ == "__main__":
    main()
