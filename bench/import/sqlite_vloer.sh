#!/bin/sh
# SQLite's own floor for an import: how long SQLite itself takes to load a register's tables into a
# new, empty database with the same schema, reading them from an existing database (INSERT … SELECT:
# no CSV, no parsing, no binding), with the same steps as `leerspoor import` on a new register
# (secondary indexes and stand triggers dropped for the load and made again after, 1 GiB of page
# cache, one transaction, WAL). Compare with `bench/import/import.sh` on the same bundle: what an
# import takes beyond this is Leerspoor's own work.
#
#   bench/import/sqlite_vloer.sh REGISTER.sqlite [ON|OFF]
#
# REGISTER.sqlite is a register made by `leerspoor import` (or `leerspoor demo`); the second argument
# sets SQLite's foreign-key checks (default ON, as Leerspoor imports). Needs the sqlite3 shell.
set -eu
bron=${1:?geef een register, bijvoorbeeld /tmp/leerspoor-import-5.sqlite}
fk=${2:-ON}
tmp=${TMPDIR:-/tmp}
doel=$tmp/leerspoor-vloer.sqlite
tabellen="regio subregio gemeente school medewerker codelijst vakantie jongere woonadres ouder gezinsrelatie
inschrijving diploma zaak verzuimmelding actie vrijstelling thuiszitperiode vsv_melding rmc_traject"
rm -f "$doel" "$doel-wal" "$doel-shm"
sqlite3 "$bron" .schema | grep -v sqlite_sequence | sqlite3 "$doel"
sqlite3 "$doel" "PRAGMA journal_mode = WAL" >/dev/null
laden=$tmp/leerspoor-vloer.sql
{
    echo "PRAGMA foreign_keys = $fk; PRAGMA cache_size = -1048576; ATTACH '$bron' AS bron; BEGIN;"
    sqlite3 "$doel" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    sqlite3 "$doel" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_stand\\_%' ESCAPE '\\'"
    for t in $tabellen; do echo "INSERT INTO main.$t SELECT * FROM bron.$t;"; done
    sqlite3 "$doel" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    sqlite3 "$doel" "SELECT sql || ';' FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_stand\\_%' ESCAPE '\\'"
    echo "COMMIT;"
} >"$laden"
rijen=$(for t in $tabellen; do sqlite3 "$bron" "SELECT COUNT(*) FROM $t"; done | awk '{s += $1} END {print s}')
echo "SQLite zelf, $rijen rijen, foreign keys $fk:"
/usr/bin/time -f "  %e s wall, %U s user, %S s system, piek %M kB" sqlite3 "$doel" <"$laden"
rm -f "$doel" "$doel-wal" "$doel-shm" "$laden"
