"""Time partnerbeeld's commands on synthetic datasets; print a Markdown table.

Run by hand (not a test; timings vary with the machine and what else runs on it):

    python bench/run.py                          # 100, 1,000 and 10,000 partners, median of 5 runs
    python bench/run.py --grootte 100 --herhalingen 9
    python bench/run.py --programma .venv/bin/partnerbeeld

Whole-process wall times (start-up included, as a user waits for them), the
median of N runs after one untimed warm-up run. To time another command, add a
``Command`` to COMMANDS; ``{data}`` in its arguments becomes the dataset folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # a sibling script, not a package

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Command:
    label: str
    args: list[str]
    per_dataset: bool = True  # False: independent of the data, timed once
    expected_exit: int = 0
    env: dict[str, str] = field(default_factory=dict)


COMMANDS = [
    Command("`partnerbeeld --help`", ["--help"], per_dataset=False),
    Command("`partnerbeeld valideer`", ["valideer", "--data", "{data}"]),
    Command("`partnerbeeld zoek --incident brand`", ["zoek", "--incident", "brand", "--data", "{data}"]),
    # the whole site, rebuilt in the same folder each run (its own folder: no --overschrijf needed)
    Command("`partnerbeeld site`", ["site", "-o", "{data}/../site", "--data", "{data}"]),
]


def default_program() -> list[str]:
    """The installed console script next to this interpreter, else ``python -m partnerbeeld``."""
    script = Path(sys.executable).with_name("partnerbeeld")
    return [str(script)] if script.exists() else [sys.executable, "-m", "partnerbeeld"]


def time_once(argv: list[str], env: dict[str, str], expected: int) -> float:
    start = time.perf_counter()
    proc = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != expected:
        raise SystemExit(f"{' '.join(argv)}: exitcode {proc.returncode}, verwacht {expected}\n{proc.stderr.decode()}")
    return elapsed


def median_time(program: list[str], command: Command, data: Path | None, runs: int) -> float:
    argv = program + [a.replace("{data}", str(data)) for a in command.args]
    env = {**os.environ, **command.env}
    # bytecode as an installed wheel has it; else a checkout is compiled again at every start
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if program[1:2] == ["-m"]:  # the checkout, not whatever else is installed
        env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    time_once(argv, env, command.expected_exit)  # warm-up: file cache, .pyc files
    return statistics.median(time_once(argv, env, command.expected_exit) for _ in range(runs))


def machine() -> str:
    model = "onbekend"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return (
        f"{os.cpu_count()} kernen ({model}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}, {dt.date.today().isoformat()}"
    )


def table(program: list[str], sizes: list[int], runs: int, workdir: Path) -> str:
    header = "| opdracht | " + " | ".join(f"{n:,} partners".replace(",", ".") for n in sizes) + " |"
    lines = [header, "|---|" + "---:|" * len(sizes)]
    datasets = {}
    for n in sizes:
        print(f"dataset met {n} partners maken ...", file=sys.stderr)
        datasets[n] = generate(n, workdir / str(n))
    for command in COMMANDS:
        cells = []
        if not command.per_dataset:
            seconds = median_time(program, command, None, runs)
            cells = [f"{seconds:.2f} s"] + ["″"] * (len(sizes) - 1)
        else:
            for n in sizes:
                print(f"{command.label} op {n} partners ...", file=sys.stderr)
                cells.append(f"{median_time(program, command, datasets[n], runs):.2f} s")
        lines.append(f"| {command.label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="Meet de opdrachten van partnerbeeld op synthetische datasets.")
    parser.add_argument("--grootte", type=int, nargs="+", default=[100, 1000, 10_000], help="aantallen partners")
    parser.add_argument("--herhalingen", type=int, default=5, help="metingen per cel (mediaan)")
    parser.add_argument(
        "--programma",
        nargs="+",
        help="hoe partnerbeeld te starten (standaard: het script naast deze python, anders python -m partnerbeeld)",
    )
    parser.add_argument("--map", type=Path, help="bewaar de datasets hier (standaard: tijdelijke map)")
    args = parser.parse_args()
    program = args.programma or default_program()
    workdir = args.map or Path(tempfile.mkdtemp(prefix="partnerbeeld-bench-"))
    try:
        print(f"Gemeten met {' '.join(program)}; mediaan van {args.herhalingen} runs, hele proces.")
        print(f"Machine: {machine()}.\n")
        print(table(program, args.grootte, args.herhalingen, workdir))
    finally:
        if args.map is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
