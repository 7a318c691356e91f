"""Benchmark ``charter check`` against bare YAML loading of the same data blocks.

    python bench/check_bench.py [--entities 5000] [--repeat 5]

The baseline reads the same data blocks (already cut out of the Markdown) with PyYAML's
C loader and nothing else. Both run in this process, side by side, several times; the
report gives medians and the ratio. The issue's target is a ratio of at most 2.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import write_synthetic
from generator.diagnostics import Report
from generator.pipeline import read_publication

FENCE = re.compile(r"^```yaml [a-z]+\n(.*?)^```$", re.MULTILINE | re.DOTALL)


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
        raise SystemExit(f"the synthetic publication has errors: {report.errors[:3]}")
    return elapsed


def measure(content: Path, repeat: int) -> dict[str, float]:
    """Median seconds of each, interleaved so both see the same machine state."""
    texts = data_blocks(content)
    yaml_times, check_times = [], []
    for _ in range(repeat):
        yaml_times.append(time_yaml(texts))
        check_times.append(time_check(content))
    return {
        "blocks": len(texts),
        "yaml_median": statistics.median(yaml_times),
        "yaml_spread": max(yaml_times) - min(yaml_times),
        "check_median": statistics.median(check_times),
        "check_spread": max(check_times) - min(check_times),
        "ratio": statistics.median(check_times) / statistics.median(yaml_times),
    }


def main() -> None:
    """Run the benchmark and print a Markdown table row."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        content = write_synthetic(Path(tmp) / "content", args.entities)
        result = measure(content, args.repeat)
    print("| entities | blocks | YAML C loader (median ± spread) | charter check | ratio (target ≤ 2) |")
    print("|---|---|---|---|---|")
    print(
        f"| {args.entities} | {result['blocks']} | {result['yaml_median']:.3f} s ± {result['yaml_spread']:.3f} | "
        f"{result['check_median']:.3f} s ± {result['check_spread']:.3f} | {result['ratio']:.2f} |"
    )


if __name__ == "__main__":
    main()
