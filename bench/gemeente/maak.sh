#!/bin/sh
# A gemeente of ordinary size on the national register. The national demo (`demo --scale 65`) keeps
# the demo region's seven gemeenten, each scaled up: its smallest, GM9904, has 255.000 youths, more
# than Amsterdam. A Dutch gemeente has about 10.000 youths on average. This makes one: a copy of the
# register with a gemeente GM9908 "Duinhoeve" in GM9904's subregio, to which every 17th youth of
# GM9904 moves (their addresses in GM9904 are in GM9908 instead): about 15.000 youths, with their
# histories, meldingen and enrolments as they were.
#
#   bench/gemeente/maak.sh BRON.sqlite DOEL.sqlite
#   bench/gemeente/maak.sh postgres://user:password@host:port/BRON DOEL     # a new database DOEL
#
# Then: leerspoor --database-url sqlite:DOEL.sqlite bench rapport --jaar 2020-2021 --scope gemeente:GM9908
# (the first run after the move counts the region's population and verzuimers again, and keeps them).
set -eu
bron=${1:?geef het nationale register: een SQLite-bestand of een postgres://-URL}
doel=${2:?geef het doel: een SQLite-bestand of de naam van een nieuwe database}
verhuis="
INSERT INTO gemeente (code, naam, subregio, leerplicht_lokaal, vakantieregio, bezwaarcommissie)
    SELECT 'GM9908', 'Duinhoeve', subregio, leerplicht_lokaal, vakantieregio, bezwaarcommissie
    FROM gemeente WHERE code = 'GM9904';
UPDATE woonadres SET gemeente = 'GM9908'
    WHERE gemeente = 'GM9904' AND CAST(substr(jongere, 2) AS INTEGER) % 17 = 0;
SELECT gemeente, count(DISTINCT jongere) AS jongeren FROM woonadres
    WHERE gemeente IN ('GM9904', 'GM9908') GROUP BY gemeente ORDER BY gemeente;"
case "$bron" in
    postgres://* | postgresql://*)
        server=${bron%/*}
        psql -q "$server/postgres" -c "CREATE DATABASE $doel TEMPLATE ${bron##*/}"
        psql "$server/$doel" -v ON_ERROR_STOP=1 -c "BEGIN;" -c "$verhuis" -c "COMMIT;" ;;
    *)
        cp "$bron" "$doel"
        rm -f "$doel-wal" "$doel-shm"
        sqlite3 "$doel" "PRAGMA foreign_keys = ON; BEGIN; $verhuis COMMIT;" ;;
esac
