#!/usr/bin/env python3
"""Writes a large synthetic JSONL corpus of short news-like documents for scale tests.

Each story is a few sentences of random words from a fixed vocabulary; it is printed
`--copies` times, each copy with its own closing sentence, and every third copy truncated
to its first two sentences, so the corpus has real near-duplicate clusters to find.
Deterministic for a given --seed.
  usage: make_many_docs.py --docs 10000000 --out /tmp/many.jsonl [--copies 4] [--seed 1]
"""
import argparse
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--copies", type=int, default=4)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    vocabulary = [f"{w}{i}" for i, w in enumerate(["trade", "bank", "oil", "vote", "rate", "grain", "court", "port"] * 2500)]
    written = 0
    story = 0
    with open(a.out, "w", buffering=1 << 22) as out:
        while written < a.docs:
            sentences = [" ".join(rng.choices(vocabulary, k=10)) for _ in range(4)]
            for copy in range(a.copies):
                if written == a.docs:
                    break
                closing = " ".join(rng.choices(vocabulary, k=3))
                if copy % 3 == 2:  # a truncated reprint: the first half of the story
                    text = ". ".join(sentences[:2]) + "."
                else:
                    text = ". ".join(sentences) + f". Reported by desk {copy} with {closing}."
                out.write(f'{{"id": "s{story}-c{copy}", "text": "{text}"}}\n')
                written += 1
            story += 1


if __name__ == "__main__":
    main()
