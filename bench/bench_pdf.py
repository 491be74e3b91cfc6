"""Time the PDF of the shipped overstroming list: `contactlijst -i overstroming --formaat pdf`.

Target (issue 13, on a 2-core machine): under 3 s, whole process, with the
"eerst bellen" summary on page 1 and the detailed pages after it. Also times
the short list (--kort) and reports how many pages each has, so a layout change
that adds pages shows up next to the time. Medians after one warm-up run; the
cases take turns so that a busy moment on a shared machine hits them alike, and
the CPU time (user + system) is reported too: on a machine shared with other
work the wall time grows with the load, the CPU time hardly.
Run by hand (not a test: times depend on the machine and on what else runs):

    python bench/bench_pdf.py              # 7 runs
    python bench/bench_pdf.py --runs 15
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).with_name("partnerbeeld")
PROGRAM = [str(SCRIPT)] if SCRIPT.is_file() else [sys.executable, "-m", "partnerbeeld"]
TARGET = 3.0  # seconds
CASES = {
    "volledige lijst": ["contactlijst", "-i", "overstroming", "--formaat", "pdf", "--peildatum", "2026-11-28"],
    "--kort": ["contactlijst", "-i", "overstroming", "--formaat", "pdf", "--kort", "--peildatum", "2026-11-28"],
}


def pages(pdf: Path) -> int | None:
    """The page count from poppler's pdfinfo; None without it (WeasyPrint compresses the page tree)."""
    if shutil.which("pdfinfo") is None:
        return None
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return next((int(line.split()[1]) for line in info.splitlines() if line.startswith("Pages:")), None)


def cpu_seconds() -> float:
    """User + system time of the finished child processes so far: unlike wall time, not inflated by others."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description="Meet hoe lang de PDF van de overstromingslijst duurt.")
    parser.add_argument("--runs", type=int, default=7, help="metingen per geval (mediaan)")
    args = parser.parse_args()
    env = {**os.environ}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as an installed wheel runs
    times: dict[str, list[float]] = {name: [] for name in CASES}
    cpu: dict[str, list[float]] = {name: [] for name in CASES}
    sizes: dict[str, int | None] = {}
    with tempfile.TemporaryDirectory() as folder:
        for index in range(args.runs + 1):
            for name, case in CASES.items():
                out = Path(folder) / f"{index}-{name.strip('-').replace(' ', '-')}.pdf"
                argv = [*PROGRAM, *case, "-o", str(out)]
                start, start_cpu = time.perf_counter(), cpu_seconds()
                subprocess.run(argv, env=env, cwd=REPO, stderr=subprocess.DEVNULL, check=True)
                if index:  # the first round warms the file cache and fontconfig
                    times[name].append(time.perf_counter() - start)
                    cpu[name].append(cpu_seconds() - start_cpu)
                sizes[name] = pages(out)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Gemeten met {' '.join(PROGRAM)}; mediaan van {args.runs} runs, hele proces.")
    print(
        f"Machine: {os.cpu_count()} kernen, Python {platform.python_version()}, {platform.system()}; "
        f"belasting (1 min) na afloop {load:.1f}.\n"
    )
    print("| wat | pagina's | tijd (mediaan) | min–max | CPU-tijd (mediaan) | doel < 3 s |")
    print("|---|---:|---:|---:|---:|---|")
    for name, measured in times.items():
        median = statistics.median(measured)
        verdict = "gehaald" if median < TARGET else "NIET gehaald"
        print(
            f"| `contactlijst -i overstroming -f pdf` {name} | {sizes[name] or '?'} | {median:.2f} s | "
            f"{min(measured):.2f}–{max(measured):.2f} s | {statistics.median(cpu[name]):.2f} s | {verdict} |"
        )


if __name__ == "__main__":
    main()
