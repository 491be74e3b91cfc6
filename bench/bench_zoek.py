"""Time `partnerbeeld zoek --incident brand`: on the shipped data and on 10,000 partners.

Targets (issue 4, on a 2-core machine): on the shipped data within 1.3 times the
time Python needs to import typer, pydantic and yaml; under 8 s at 10,000 partners.
Whole-process wall times, medians after one warm-up run. The cases take turns
(reference, zoek, reference, zoek, ...) so that a busy moment on a shared machine
hits them alike. `zoek` runs as users run it: the installed `partnerbeeld`
script next to this Python when there is one, else `python -m partnerbeeld`.

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
SCRIPT = Path(sys.executable).with_name("partnerbeeld")
PROGRAM = [str(SCRIPT)] if SCRIPT.is_file() else ["-m", "partnerbeeld"]
QUERY = [*PROGRAM, "zoek", "--incident", "brand"]
# the floor typer sets: one command with one text option
TYPER_NOOP = (
    "import typer\napp = typer.Typer()\n@app.command()\ndef c(x: str = 'a') -> None:\n    pass\n"
    "@app.command()\ndef d() -> None:\n    pass\napp(['c', '--x', 'b'], standalone_mode=False)"
)


def walls(cases: list[list[str]], env: dict[str, str], runs: int) -> list[float]:
    """Median wall time of ``python ARGS`` for each case, the cases taking turns."""
    times: list[list[float]] = [[] for _ in cases]
    for index in range(runs + 1):
        for args, measured in zip(cases, times, strict=True):
            start = time.perf_counter()
            subprocess.run([sys.executable, *args], env=env, cwd=REPO, stdout=subprocess.DEVNULL, check=True)
            if index:  # the first round warms the OS file cache
                measured.append(time.perf_counter() - start)
    return [statistics.median(measured) for measured in times]


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
    # An installed partnerbeeld has its bytecode compiled by pip at install time. Without
    # this, a checkout would be compiled again at every run and the measurement would
    # time Python's compiler (some 20 ms) instead of the tool. The warm-up run writes it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as scratch:
        shipped = ["--data", str(REPO / "data")]
        labels = [
            "python -c 'import typer, pydantic, yaml' (referentie)",
            "zoek --incident brand, meegeleverde data",
            "partnerbeeld --help",
            "typer: lege opdracht met één tekstoptie",
        ]
        cases = [["-c", "import typer, pydantic, yaml"], [*QUERY, *shipped], [*PROGRAM, "--help"], ["-c", TYPER_NOOP]]
        medians = walls(cases, env, options.runs)
        reference = medians[0]
        rows = list(zip(labels, medians, strict=True))
        if not options.zonder_10000:
            data = ["--data", str(ten_thousand(Path(scratch) / "groot"))]
            rows.append(
                ("zoek --incident brand, 10.000 partners", walls([[*QUERY, *data]], env, max(3, options.runs // 4))[0])
            )
    print(f"machine: {machine()}\nprogramma: {' '.join(PROGRAM)}\n")
    print("| wat | tijd (mediaan) | × referentie |\n|---|---:|---:|")
    for label, seconds in rows:
        print(f"| {label} | {seconds:.3f} s | {seconds / reference:.2f} |")
    print(f"\ndoel meegeleverde data: ≤ {1.3 * reference:.3f} s (1,3 × referentie); doel 10.000 partners: < 8 s")


if __name__ == "__main__":
    main()
