"""Time `partnerbeeld zoek --incident brand`: on the shipped data and on 10,000 partners.

Targets (issue 4, on a 2-core machine): on the shipped data within 1.3 times the
time Python needs to import typer, pydantic and yaml; under 8 s at 10,000 partners.
Whole-process wall times, medians after one warm-up run.

    python bench/bench_zoek.py              # shipped data + 10,000 partners
    python bench/bench_zoek.py --runs 15 --zonder-10000
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUERY = ["-m", "partnerbeeld", "zoek", "--incident", "brand"]
# the floor typer sets: one command with one text option
TYPER_NOOP = (
    "import typer\napp = typer.Typer()\n@app.command()\ndef c(x: str = 'a') -> None:\n    pass\n"
    "@app.command()\ndef d() -> None:\n    pass\napp(['c', '--x', 'b'], standalone_mode=False)"
)


def wall(args: list[str], env: dict[str, str], runs: int) -> float:
    """Median wall time of ``python ARGS`` over ``runs`` runs (after one warm-up run)."""
    times = []
    for index in range(runs + 1):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], env=env, cwd=REPO, stdout=subprocess.DEVNULL, check=True)
        if index:  # the first run warms the OS file cache
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in _cpuinfo() if line.startswith("model name")), "?")
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}"
    )


def _cpuinfo() -> list[str]:
    try:
        return Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return []


def ten_thousand(target: Path) -> Path:
    sys.path.insert(0, str(REPO / "bench"))
    from generate import generate  # bench/generate.py, shared with the other benchmarks

    return Path(generate(10_000, target))


def main() -> None:
    parser = argparse.ArgumentParser(description="Meet partnerbeeld zoek --incident brand.")
    parser.add_argument("--runs", type=int, default=11, help="aantal metingen per geval (mediaan)")
    parser.add_argument("--zonder-10000", action="store_true", help="sla de meting met 10.000 partners over")
    options = parser.parse_args()
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as scratch:
        shipped = ["--data", str(REPO / "data")]
        reference = wall(["-c", "import typer, pydantic, yaml"], env, options.runs)
        rows = [
            ("python -c 'import typer, pydantic, yaml' (referentie)", reference),
            ("zoek --incident brand, meegeleverde data", wall([*QUERY, *shipped], env, options.runs)),
            ("partnerbeeld --help", wall(["-m", "partnerbeeld", "--help"], env, options.runs)),
            ("typer: lege opdracht met één tekstoptie", wall(["-c", TYPER_NOOP], env, options.runs)),
        ]
        if not options.zonder_10000:
            data = ["--data", str(ten_thousand(Path(scratch) / "groot"))]
            rows.append(
                ("zoek --incident brand, 10.000 partners", wall([*QUERY, *data], env, max(3, options.runs // 4)))
            )
    print(f"machine: {machine()}\n")
    print("| wat | tijd (mediaan) | × referentie |\n|---|---:|---:|")
    for label, seconds in rows:
        print(f"| {label} | {seconds:.3f} s | {seconds / reference:.2f} |")
    print(f"\ndoel meegeleverde data: ≤ {1.3 * reference:.3f} s (1,3 × referentie); doel 10.000 partners: < 8 s")


if __name__ == "__main__":
    main()
