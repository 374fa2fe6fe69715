#!/usr/bin/env bash
# Kill -9 trials (issue 20, docs/beheer.md): a long write is killed at a random moment and the
# database must hold every transaction whole or not at all.
#
#   bench/crash/run.sh [TRIALS] [SCALE]
#
# Per trial, on SQLite (the embedded default; WAL):
#   1. `leerspoor import` of the demo bundle, killed after 0-1.1T ms (T: a full import's time): the
#      import is one transaction, so afterwards the register holds no youth or all of them;
#   2. `leerspoor controle absoluut-verzuim` on a full register, killed after 0-T ms (T: a full
#      run's time): afterwards no new zaken or all of them, each with its melding;
# and after each kill `leerspoor controle integriteit` must find nothing (exit 0).
# Prints the states seen and exits 1 at the first broken database (kept for inspection).
set -euo pipefail
cd "$(dirname "$0")/../.."
TRIALS=${1:-20}
SCALE=${2:-0.3}
BIN=${LEERSPOOR:-target/debug/leerspoor}
[ -x "$BIN" ] || cargo build --quiet -p leerspoor-cli
werk=$(mktemp -d)
trap 'rm -rf "$werk"' EXIT

"$BIN" demo --export "$werk/bundel" --scale "$SCALE" >/dev/null
jongeren=$(($(wc -l < "$werk/bundel/jongeren.csv") - 1))
begin=$(date +%s%N)
"$BIN" --database-url "sqlite:$werk/vol.sqlite" import "$werk/bundel" >/dev/null
duur_ms=$((($(date +%s%N) - begin) / 1000000))
# Rows of a table, from the integrity report of the last check.
rijen() { awk -v t="$1" '$1 == t { print $2 }' "$werk/integriteit.txt"; }
seconden() { awk -v ms="$1" 'BEGIN { printf "%.3f", ms / 1000 }'; }
integer() { echo $((RANDOM * 32768 + RANDOM)); }
controleer() {
  if ! "$BIN" --database-url "sqlite:$1" controle integriteit > "$werk/integriteit.txt"; then
    cp "$1" "${TMPDIR:-/tmp}/leerspoor-crash-kapot.sqlite"
    cat "$werk/integriteit.txt"
    echo "KAPOT na $2 (database bewaard in ${TMPDIR:-/tmp}/leerspoor-crash-kapot.sqlite)"
    exit 1
  fi
}

controleer "$werk/vol.sqlite" "de volledige import"
zaken_voor=$(rijen zaak)
cp "$werk/vol.sqlite" "$werk/proef.sqlite"
begin=$(date +%s%N)
"$BIN" --database-url "sqlite:$werk/proef.sqlite" controle absoluut-verzuim --peildatum 2020-10-01 --als MW001 >/dev/null
controle_ms=$((($(date +%s%N) - begin) / 1000000))
echo "bundel: $jongeren jongeren, $zaken_voor zaken; een volledige import duurt ${duur_ms} ms, de controle ${controle_ms} ms"

declare -A import_staat controle_staat
for i in $(seq 1 "$TRIALS"); do
  db="$werk/import-$i.sqlite"
  "$BIN" --database-url "sqlite:$db" import "$werk/bundel" >/dev/null 2>&1 &
  pid=$!
  # Up to a tenth beyond a full import: kills during the commit and after it too.
  wacht=$(($(integer) % (duur_ms * 11 / 10 + 1)))
  sleep "$(seconden "$wacht")"
  kill -9 "$pid" 2>/dev/null && gedood=ja || gedood=nee
  wait "$pid" 2>/dev/null || true
  [ -f "$db" ] || { import_staat["geen database (gedood vóór het aanmaken)"]=$((${import_staat["geen database (gedood vóór het aanmaken)"]:-0} + 1)); continue; }
  controleer "$db" "import $i (na $wacht ms)"
  n=$(rijen jongere)
  if [ "$n" = 0 ]; then staat="leeg register"; elif [ "$n" = "$jongeren" ]; then staat="volledig"; else
    echo "HALF: $n van $jongeren jongeren na import $i"; exit 1; fi
  [ "$gedood" = ja ] || staat="$staat (import was al klaar)"
  import_staat[$staat]=$((${import_staat[$staat]:-0} + 1))
  rm -f "$db" "$db-wal" "$db-shm"

  db="$werk/controle-$i.sqlite"
  cp "$werk/vol.sqlite" "$db"
  "$BIN" --database-url "sqlite:$db" controle absoluut-verzuim --peildatum 2020-10-01 --als MW001 >/dev/null 2>&1 &
  pid=$!
  sleep "$(seconden $(($(integer) % (controle_ms + 1))))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  controleer "$db" "controle $i"
  nieuw=$(($(rijen zaak) - zaken_voor))
  controle_staat["$nieuw nieuwe zaken"]=$((${controle_staat["$nieuw nieuwe zaken"]:-0} + 1))
  rm -f "$db" "$db-wal" "$db-shm"
done

echo "Import gedood (${TRIALS}x), daarna:"
for s in "${!import_staat[@]}"; do echo "  $s: ${import_staat[$s]}"; done
echo "Controle absoluut verzuim gedood (${TRIALS}x), daarna:"
for s in "${!controle_staat[@]}"; do echo "  $s: ${controle_staat[$s]}"; done
echo "Integriteit na elke kill: geen bevindingen."
