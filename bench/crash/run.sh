#!/usr/bin/env bash
# Kill -9 trials (issue 20, docs/beheer.md): a long write is killed at a random moment and the
# database must hold every transaction whole or not at all.
#
#   bench/crash/run.sh [TRIALS] [SCALE] [sqlite|postgres]
#
# Per trial, on SQLite (the embedded default; WAL) or PostgreSQL (a database per trial, dropped
# after it; PGURL, default postgres://postgres:leerspoor@127.0.0.1:5432):
#   1. `leerspoor import` of the demo bundle, killed after 0-1.1T ms (T: a full import's time): the
#      import is one transaction, so afterwards the register holds no youth or all of them;
#   2. `leerspoor controle absoluut-verzuim` on a full register, killed after 0-1.1T ms (T: a full
#      run's time): afterwards no new zaken or all of them, each with its melding;
# and after each kill `leerspoor controle integriteit` must find nothing (exit 0).
#   3. The web server killed during a burst of form POSTs (bench/load/last.mjs --proeven, 10 users
#      writing for up to 8 s): every write it acknowledged is in the database once, with its
#      change-log row, and the integrity check finds nothing. WEB=0 skips it.
# Prints the states seen and exits 1 at the first broken database (kept for inspection).
set -euo pipefail
cd "$(dirname "$0")/../.."
TRIALS=${1:-20}
SCALE=${2:-0.3}
SOORT=${3:-sqlite}
BIN=$(realpath "${LEERSPOOR:-target/debug/leerspoor}")
PGURL=${PGURL:-postgres://postgres:leerspoor@127.0.0.1:5432}
[ -x "$BIN" ] || cargo build --quiet -p leerspoor-cli
case "$SOORT" in sqlite | postgres) ;; *) echo "gebruik: bench/crash/run.sh [POGINGEN] [SCHAAL] [sqlite|postgres]" >&2; exit 2 ;; esac
werk=$(mktemp -d)
pg() { psql -XAtq "$PGURL/postgres" -c "$1"; }
# The databases of this run by name: a file in $werk, or a PostgreSQL database of its own.
url() { if [ "$SOORT" = sqlite ]; then echo "sqlite:$werk/$1.sqlite"; else echo "$PGURL/leerspoor_crash_$$_$1"; fi; }
leeg() { [ "$SOORT" = sqlite ] || pg "CREATE DATABASE leerspoor_crash_$$_$1"; }
kopie() {
  if [ "$SOORT" = sqlite ]; then cp "$werk/$1.sqlite" "$werk/$2.sqlite"
  else pg "CREATE DATABASE leerspoor_crash_$$_$2 TEMPLATE leerspoor_crash_$$_$1"; fi
}
weg() {
  if [ "$SOORT" = sqlite ]; then rm -f "$werk/$1.sqlite" "$werk/$1.sqlite-wal" "$werk/$1.sqlite-shm"
  else pg "DROP DATABASE IF EXISTS leerspoor_crash_$$_$1"; fi
}
bewaard=
opruimen() {
  if [ "$SOORT" = postgres ]; then
    for db in $(pg "SELECT datname FROM pg_database WHERE datname LIKE 'leerspoor\_crash\_$$\_%'"); do
      [ "$db" = "$bewaard" ] || pg "DROP DATABASE $db"
    done
  fi
  rm -rf "$werk"
}
trap opruimen EXIT

"$BIN" demo --export "$werk/bundel" --scale "$SCALE" >/dev/null
jongeren=$(($(wc -l < "$werk/bundel/jongeren.csv") - 1))
begin=$(date +%s%N)
leeg vol
"$BIN" --database-url "$(url vol)" import "$werk/bundel" >/dev/null
duur_ms=$((($(date +%s%N) - begin) / 1000000))
# Rows of a table, from the integrity report of the last check.
rijen() { awk -v t="$1" '$1 == t { print $2 }' "$werk/integriteit.txt"; }
seconden() { awk -v ms="$1" 'BEGIN { printf "%.3f", ms / 1000 }'; }
integer() { echo $((RANDOM * 32768 + RANDOM)); }
controleer() {
  if ! "$BIN" --database-url "$(url "$1")" controle integriteit > "$werk/integriteit.txt"; then
    cat "$werk/integriteit.txt"
    if [ "$SOORT" = sqlite ]; then
      cp "$werk/$1.sqlite" "${TMPDIR:-/tmp}/leerspoor-crash-kapot.sqlite"
      echo "KAPOT na $2 (database bewaard in ${TMPDIR:-/tmp}/leerspoor-crash-kapot.sqlite)"
    else
      bewaard="leerspoor_crash_$$_$1"
      echo "KAPOT na $2 (database bewaard: $bewaard; weggooien met dropdb)"
    fi
    exit 1
  fi
}

controleer vol "de volledige import"
zaken_voor=$(rijen zaak)
kopie vol proef
begin=$(date +%s%N)
"$BIN" --database-url "$(url proef)" controle absoluut-verzuim --peildatum 2020-10-01 --als MW001 >/dev/null
controle_ms=$((($(date +%s%N) - begin) / 1000000))
controleer proef "de volledige controle"
alle=$(($(rijen zaak) - zaken_voor))
weg proef
echo "$SOORT; bundel: $jongeren jongeren, $zaken_voor zaken; een volledige import duurt ${duur_ms} ms, de controle ${controle_ms} ms en opent $alle zaken"

declare -A import_staat controle_staat
for i in $(seq 1 "$TRIALS"); do
  db="import_$i"
  leeg "$db"
  "$BIN" --database-url "$(url "$db")" import "$werk/bundel" >/dev/null 2>&1 &
  pid=$!
  # Up to a tenth beyond a full import: kills during the commit and after it too.
  wacht=$(($(integer) % (duur_ms * 11 / 10 + 1)))
  sleep "$(seconden "$wacht")"
  kill -9 "$pid" 2>/dev/null && gedood=ja || gedood=nee
  wait "$pid" 2>/dev/null || true
  [ "$SOORT" = postgres ] || [ -f "$werk/$db.sqlite" ] || { import_staat["geen database (gedood vóór het aanmaken)"]=$((${import_staat["geen database (gedood vóór het aanmaken)"]:-0} + 1)); continue; }
  controleer "$db" "import $i (na $wacht ms)"
  n=$(rijen jongere)
  if [ "$n" = 0 ]; then staat="leeg register"; elif [ "$n" = "$jongeren" ]; then staat="volledig"; else
    echo "HALF: $n van $jongeren jongeren na import $i"; exit 1; fi
  [ "$gedood" = ja ] || staat="$staat (import was al klaar)"
  import_staat[$staat]=$((${import_staat[$staat]:-0} + 1))
  weg "$db"

  db="controle_$i"
  kopie vol "$db"
  "$BIN" --database-url "$(url "$db")" controle absoluut-verzuim --peildatum 2020-10-01 --als MW001 >/dev/null 2>&1 &
  pid=$!
  # Up to a tenth beyond a full run, as for the import.
  sleep "$(seconden $(($(integer) % (controle_ms * 11 / 10 + 1))))"
  kill -9 "$pid" 2>/dev/null && gedood=ja || gedood=nee
  wait "$pid" 2>/dev/null || true
  controleer "$db" "controle $i"
  nieuw=$(($(rijen zaak) - zaken_voor))
  if [ "$nieuw" = 0 ]; then staat="geen nieuwe zaken"; elif [ "$nieuw" = "$alle" ]; then staat="alle $alle nieuwe zaken"; else
    echo "HALF: $nieuw van $alle nieuwe zaken na controle $i"; exit 1; fi
  [ "$gedood" = ja ] || staat="$staat (controle was al klaar)"
  controle_staat[$staat]=$((${controle_staat[$staat]:-0} + 1))
  weg "$db"
done

echo "Import gedood (${TRIALS}x), daarna:"
for s in "${!import_staat[@]}"; do echo "  $s: ${import_staat[$s]}"; done
echo "Controle absoluut verzuim gedood (${TRIALS}x), daarna:"
for s in "${!controle_staat[@]}"; do echo "  $s: ${controle_staat[$s]}"; done
echo "Integriteit na elke kill: geen bevindingen."
if [ "${WEB:-1}" = 1 ]; then
  LEERSPOOR="$BIN" PGURL="$PGURL" node bench/load/last.mjs --database "$SOORT" --proeven "$TRIALS" --gebruikers 10 --duur 8 --scale "$SCALE"
fi
