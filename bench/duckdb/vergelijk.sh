#!/usr/bin/env bash
# Side-by-side: Leerspoor's report vs DuckDB over the exported bundle, for the tables
# verzuim_schoolherkomst, verzuim_per_1000 and rmc_resultaat.
#
#   bench/duckdb/vergelijk.sh DATABASE            # a SQLite file, or a sqlite:/postgres:// URL
#
# 1. exports the database as an exchange bundle (leerspoor export) and loads it once into a DuckDB
#    file (DuckDB's native storage; DUCKDB_BRON=csv: DuckDB reads the CSV files on every run);
# 2. computes the three tables with Leerspoor (report --format json) and with DuckDB (tabellen.py
#    over that file) and checks that every cell is equal (exit 1 if not);
# 3. times both as whole processes, alternating A B A B ..., and prints the medians and the ratio
#    Leerspoor / DuckDB of the median wall times.
#
# Leerspoor writes a line to the database's access log on every run: give it a copy of the data.
# Environment: JAAR (2020-2021), N (5 timed runs each, after 1 warm-up), LEERSPOOR (the binary;
# default target/release/leerspoor, copied first so a rebuild cannot change it mid-run),
# WERK (work folder; default /tmp/duckdb-vergelijk-NAME), PYTHON (python3, with duckdb installed).
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "gebruik: $0 DATABASE   (bijv. /tmp/demo-kopie.sqlite of postgres://...)" >&2
    exit 2
fi
HIER="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HIER/../.." && pwd)"
case "$1" in
    sqlite:* | postgres:* | postgresql:*) URL="$1" ;;
    *) [ -f "$1" ] || { echo "geen database: $1" >&2; exit 2; }; URL="sqlite:$(realpath "$1")" ;;
esac
JAAR="${JAAR:-2020-2021}"
N="${N:-5}"
PYTHON="${PYTHON:-python3}"
NAAM="$(basename "${1%.sqlite}" | tr -c 'A-Za-z0-9_.\n-' '_')"
WERK="${WERK:-/tmp/duckdb-vergelijk-$NAAM}"
mkdir -p "$WERK"
cp "${LEERSPOOR:-$REPO/target/release/leerspoor}" "$WERK/leerspoor"
LS="$WERK/leerspoor"
"$PYTHON" -c 'import duckdb' 2>/dev/null || {
    echo "$PYTHON mist het pakket duckdb: pip install duckdb" >&2
    exit 2
}

echo "== export: $URL -> $WERK/bundel"
rm -rf "$WERK/bundel"
"$LS" --database-url "$URL" export "$WERK/bundel"

TABELLEN=(--tabel verzuim_schoolherkomst --tabel verzuim_per_1000 --tabel rmc_resultaat)
LS_CMD=("$LS" --database-url "$URL" report --jaar "$JAAR" "${TABELLEN[@]}" --format json)
# DuckDB on its own storage: the bundle loaded once into a .duckdb file (not timed), as Leerspoor's
# database is loaded once; DUCKDB_BRON=csv has DuckDB read the CSV files on every run instead.
if [ "${DUCKDB_BRON:-native}" = csv ]; then
    DK_CMD=("$PYTHON" "$HIER/tabellen.py" "$WERK/bundel" --jaar "$JAAR" --json)
else
    echo "== laden: $WERK/bundel -> $WERK/bundel.duckdb"
    rm -f "$WERK/bundel.duckdb"
    "$PYTHON" "$HIER/tabellen.py" "$WERK/bundel" --laad "$WERK/bundel.duckdb"
    DK_CMD=("$PYTHON" "$HIER/tabellen.py" "$WERK/bundel.duckdb" --jaar "$JAAR" --json)
fi

echo "== tabellen $JAAR"
"${LS_CMD[@]}" >"$WERK/leerspoor.json"
"${DK_CMD[@]}" >"$WERK/duckdb.json"
"$PYTHON" - "$WERK/leerspoor.json" "$WERK/duckdb.json" <<'EOF'
import json, sys
ls, dk = ({t["id"]: t for t in json.load(open(p))["tables"]} for p in sys.argv[1:3])
verschil = 0
for id_ in ("verzuim_schoolherkomst", "verzuim_per_1000", "rmc_resultaat"):
    a, b = ls.get(id_), dk.get(id_)
    if a is None or b is None:
        print(f"  {id_}: ontbreekt bij {'Leerspoor' if a is None else 'DuckDB'}"); verschil += 1; continue
    ka, kb = [c["key"] for c in a["columns"]], [c["key"] for c in b["columns"]]
    ra, rb = [r["key"] for r in a["rows"]], [r["key"] for r in b["rows"]]
    if ka != kb: print(f"  {id_}: kolommen Leerspoor {ka}, DuckDB {kb}"); verschil += 1
    if ra != rb: print(f"  {id_}: rijen Leerspoor {ra}, DuckDB {rb}"); verschil += 1
    cellen = {(r["key"], k): v for r in b["rows"] for k, v in zip(kb, r["values"])}
    cellen_a = {(r["key"], k): v for r in a["rows"] for k, v in zip(ka, r["values"])}
    for (r, k) in sorted(set(cellen_a) | set(cellen)):
        x, y = cellen_a.get((r, k), "-"), cellen.get((r, k), "-")
        if x != y: print(f"  {id_}[{r}][{k}]: Leerspoor {x}, DuckDB {y}"); verschil += 1
    la = [(r["key"], r["label"]) for r in a["rows"]] + [(c["key"], c["label"]) for c in a["columns"]]
    lb = [(r["key"], r["label"]) for r in b["rows"]] + [(c["key"], c["label"]) for c in b["columns"]]
    labels = "" if la == lb else f" (labels verschillen: {sorted(set(la) ^ set(lb))})"
    print(f"  {id_}: {len(cellen_a)} cellen{labels}")
print("  ALLE CELLEN GELIJK" if verschil == 0 else f"  {verschil} VERSCHILLEN")
sys.exit(1 if verschil else 0)
EOF

echo "== tijd: $N runs elk (na 1 opwarmrun), afwisselend Leerspoor en DuckDB; hele processen"
"$PYTHON" - "$N" "${#LS_CMD[@]}" "${LS_CMD[@]}" "${DK_CMD[@]}" <<'EOF'
import os, statistics, subprocess, sys, time
n, k = int(sys.argv[1]), int(sys.argv[2])
ls, dk = sys.argv[3:3 + k], sys.argv[3 + k:]

def run(cmd):
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    if status != 0:
        sys.exit(f"{cmd[0]} eindigde met status {status}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024

run(ls); run(dk)
meting = {"Leerspoor": [], "DuckDB": []}
for _ in range(n):
    meting["Leerspoor"].append(run(ls))
    meting["DuckDB"].append(run(dk))
med = {}
for naam, rijen in meting.items():
    wall, cpu, mb = zip(*rijen)
    med[naam] = statistics.median(wall)
    print(f"  {naam:9} wall s  min {min(wall):.3f}  median {statistics.median(wall):.3f}  max {max(wall):.3f}"
          f" | cpu s median {statistics.median(cpu):.3f} | peak MB median {statistics.median(mb):.0f}")
paren = [a[0] / b[0] for a, b in zip(meting["Leerspoor"], meting["DuckDB"])]
print(f"  Leerspoor/DuckDB (median wall): {med['Leerspoor'] / med['DuckDB']:.2f}"
      f"  (per paar: median {statistics.median(paren):.2f}, min {min(paren):.2f}, max {max(paren):.2f})")
EOF
