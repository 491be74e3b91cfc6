"""Time `partnerbeeld importeer` on a sheet of 1,000 rows (issue 16: under 5 s).

Run by hand (not a test; timings vary with the machine and what else runs on it):

    python bench/bench_importeer.py                      # 1,000 rows, median of 5 runs
    python bench/bench_importeer.py --rijen 5000 --herhalingen 3
    python bench/bench_importeer.py --programma .venv/bin/partnerbeeld

Each run imports the sheet into a fresh dataset made by `partnerbeeld init` (every
row new: the most work), then the same sheet again with --bijwerken (nothing
changes: the second import), and once with --droog. Whole-process wall times,
start-up included; the median of N runs after one untimed warm-up.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

REPO = Path(__file__).resolve().parent.parent
HEADER = ["naam", "sector", "profielen", "gemeenten", "accounthouder", "contact", "persoon", "telefoon", "mobiel"]
HEADER += ["email", "bereikbaar", "eerst bellen", "vertrouwelijk"]
MUNICIPALITIES = ["Utrecht", "Amersfoort", "De Bilt", "Zeist", "Nieuwegein", "Houten"]
PROFILES = ["waterbeheerder", "netbeheerder", "drinkwaterbedrijf", "ziekenhuis", "politie", "telecom"]


def make_sheet(path: Path, rows: int) -> None:
    """``rows`` contacts, three per partner: a 24/7 number, a person with a mobile, an e-mail."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "partners"
    sheet.append(HEADER)
    for i in range(rows):
        p, kind = divmod(i, 3)
        partner = [f"Partner {p:05d}", "overig", PROFILES[p % len(PROFILES)], MUNICIPALITIES[p % 6], ""]
        if kind == 0:
            contact = ["Piket", "", f"071 {500 + i // 10000:03d} {i % 10000 // 100:02d} {i % 100:02d}", "", ""]
            contact += ["24/7", "ja", "nee"]
        elif kind == 1:
            contact = ["Liaison", f"Persoon {i}", "", f"06 1{i:07d}", "", "", "nee", "ja"]
        else:
            contact = ["Algemeen", "", "", "", f"info{i}@partner{p}.example", "kantoortijden", "nee", "nee"]
        sheet.append(partner + contact)
    book.save(path)


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} gaf exitcode {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rijen", type=int, default=1000)
    parser.add_argument("--herhalingen", type=int, default=5)
    parser.add_argument("--programma", default=str(Path(sys.executable).parent / "partnerbeeld"))
    options = parser.parse_args()
    program = options.programma
    work = Path(tempfile.mkdtemp(prefix="bench-importeer-"))
    try:
        (work / "gemeenten.txt").write_text("\n".join(MUNICIPALITIES) + "\n", encoding="utf-8")
        timed([program, "init", str(work / "leeg"), "--regio", "Veiligheidsregio Utrecht", "--gemeenten",
               str(work / "gemeenten.txt")])  # fmt: skip
        sheet = work / "partners.xlsx"
        make_sheet(sheet, options.rijen)
        results: dict[str, list[float]] = {"eerste import": [], "tweede import (--bijwerken)": [], "--droog": []}
        for run in range(options.herhalingen + 1):
            target = work / f"run{run}"
            shutil.copytree(work / "leeg", target)
            data = str(target / "data")
            times = [
                timed([program, "importeer", str(sheet), "--data", data]),
                timed([program, "importeer", str(sheet), "--data", data, "--bijwerken"]),
                timed([program, "importeer", str(sheet), "--data", data, "--droog"]),
            ]
            if run:  # the first run warms the disk cache and the byte-code
                for label, value in zip(results, times, strict=True):
                    results[label].append(value)
        partners = len(list((work / "run1" / "data" / "partners").glob("*.yaml")))
        print(
            f"{options.rijen} rijen, {partners} partners, {os.cpu_count()} kernen, mediaan van {options.herhalingen}:"
        )
        print("| wat | tijd |\n|---|---:|")
        for label, values in results.items():
            print(f"| {label} | {statistics.median(values):.2f} s |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
