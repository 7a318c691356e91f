"""Benchmark ``charter check`` against bare YAML loading of the same data blocks.

    python bench/check_bench.py [--entities 5000 | --content DIR] [--repeat 5]

The baseline reads the same data blocks (already cut out of the Markdown) with PyYAML's
C loader and nothing else. Both run in this process, alternating, several times; the
report gives medians, spreads and the ratio. Issue 4 set a ratio of at most 2; issue 11 (the
declarative schema) lowered it to 1.5.
"""

from __future__ import annotations

import argparse
import gc
import re
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import Measure, Target
from bench.synthetic import write_synthetic
from generator.diagnostics import Report
from generator.pipeline import read_publication

FENCE = re.compile(r"^```yaml [a-z]+\n(.*?)^```$", re.MULTILINE | re.DOTALL)
TARGET = Target(1.5)
"""``charter check`` takes at most 1.5 times as long as bare C-loader YAML (issue 11)."""


def data_blocks(content: Path) -> list[str]:
    """The YAML text of every data block, plus publication.yml."""
    texts = [(content / "publication.yml").read_text(encoding="utf-8")]
    for path in sorted(content.rglob("*.md")):
        texts.extend(FENCE.findall(path.read_text(encoding="utf-8")))
    return texts


def time_yaml(texts: list[str]) -> float:
    """Seconds to load every block with the C loader."""
    start = time.perf_counter()
    for text in texts:
        yaml.load(text, Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def time_check(content: Path) -> float:
    """Seconds for load, validate and resolve (what ``charter check`` does)."""
    start = time.perf_counter()
    report = Report()
    publication = read_publication(content, report)
    elapsed = time.perf_counter() - start
    if publication is None or report.errors:
        raise SystemExit(f"{content} has errors: {report.errors[:3]}")
    return elapsed


def measure(content: Path, runs: int) -> Measure:
    """``charter check`` (subject) against the C loader (baseline), alternating so both see the same machine."""
    texts = data_blocks(content)
    yaml_times, check_times = [], []
    # What this process already holds (bench/run.py keeps earlier sizes' results) is moved out
    # of the collector's sight: a user's `charter check` starts with an empty heap, and every
    # full collection would otherwise walk those objects too (1.04 s became 1.33 s at 5,000).
    gc.collect()
    gc.freeze()
    try:
        for _ in range(runs):
            yaml_times.append(time_yaml(texts))
            check_times.append(time_check(content))
    finally:
        gc.unfreeze()
    return Measure(subject=check_times, baseline=yaml_times, target=TARGET)


def main() -> None:
    """Run the benchmark and print a Markdown table row."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=5000, help="size of the synthetic publication")
    parser.add_argument("--content", type=Path, help="measure this content folder instead of a synthetic one")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        content = args.content or write_synthetic(Path(tmp) / "content", args.entities)
        blocks = len(data_blocks(content))
        result = measure(content, args.repeat)
    size = args.content or args.entities
    print(f"| publication | blocks | YAML C loader | charter check | ratio (target {TARGET.text()}) |")
    print("|---|---|---|---|---|")
    print(
        f"| {size} | {blocks} | {result.samples_text(result.baseline)} | {result.samples_text(result.subject)} | "
        f"{result.ratio_text()} |"
    )


if __name__ == "__main__":
    main()
