#!/bin/sh
# The import rate: the demo bundle of a given scale imported into a new SQLite file and, when a
# PostgreSQL server is given, into a new PostgreSQL database. `leerspoor import` prints the rows per
# second on stderr; /usr/bin/time adds wall time and peak memory.
#
#   bench/import/import.sh SCALE [postgres://user:password@host:port]
#
# Scale 65 is a whole country (38,5 M rows; the bundle takes about 100 s to write, 3,3 GB on disk).
# The bundle is written once to $TMPDIR/leerspoor-bundel-SCALE and kept for the next run.
set -eu
schaal=${1:?geef de schaal, bijvoorbeeld 10}
pg=${2:-}
leerspoor=${LEERSPOOR:-target/release/leerspoor}
tmp=${TMPDIR:-/tmp}
bundel=$tmp/leerspoor-bundel-$schaal
if [ ! -f "$bundel/jongeren.csv" ]; then
    "$leerspoor" demo --scale "$schaal" --export "$bundel" >/dev/null
fi
meet() {
    /usr/bin/time -f "  %e s wall, %U s user, %S s system, piek %M kB" "$leerspoor" --database-url "$1" import "$bundel" \
        2>&1 >/dev/null | grep -v "^$"
}
db=$tmp/leerspoor-import-$schaal.sqlite
rm -f "$db" "$db-wal" "$db-shm"
echo "SQLite, schaal $schaal:"
meet "sqlite:$db"
rm -f "$db" "$db-wal" "$db-shm"
if [ -n "$pg" ]; then
    naam=leerspoor_import_$schaal
    psql -q "$pg/postgres" -c "DROP DATABASE IF EXISTS $naam" -c "CREATE DATABASE $naam"
    echo "PostgreSQL, schaal $schaal:"
    meet "$pg/$naam"
    psql -q "$pg/postgres" -c "DROP DATABASE $naam"
fi
