#!/usr/bin/env bash
# Load benchmark of the web application (issue 7): the werkvoorraad and a dossier page at 50
# concurrent users on loopback, with wrk (Debian's package), on the demo region in SQLite.
#
#   cargo build --release
#   bench/web/last.sh                 # DATABASE=/tmp/leerspoor-last.sqlite DUUR=20s VERBINDINGEN=50
#
# It makes the demo region if the database is new, starts `leerspoor demo` on a free port, signs in
# as the demo leerplichtambtenaar (BOA) with curl, and runs wrk with that session cookie against
# each page; wrk prints the latency distribution (p50 … p99) and requests per second.
# AANMELDEN=1 also times signing in: 50 clients sending the sign-in form with the right password
# (argon2id on the blocking pool, a new session row each).
set -euo pipefail
cd "$(dirname "$0")/../.."
LEERSPOOR=${LEERSPOOR:-target/release/leerspoor}
DATABASE=${DATABASE:-/tmp/leerspoor-last.sqlite}
DUUR=${DUUR:-20s}
VERBINDINGEN=${VERBINDINGEN:-50}
POORT=${POORT:-18123}
BASIS="http://127.0.0.1:$POORT"
command -v wrk >/dev/null || { echo "wrk ontbreekt: apt-get install wrk" >&2; exit 2; }

# --http-cookie: curl keeps Secure cookies from a plain-http address only on some versions.
"$LEERSPOOR" demo --database-url "sqlite:$DATABASE" --adres "127.0.0.1:$POORT" --http-cookie > /tmp/leerspoor-last.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do grep -q 'draait op' /tmp/leerspoor-last.log && break; sleep 1; done

pot=$(mktemp)
curl -s -c "$pot" -b "$pot" "$BASIS/aanmelden" -o "$pot.html"
token=$(grep -o 'name="csrf" value="[^"]*"' "$pot.html" | head -1 | sed 's/.*value="//;s/"$//')
aanmeldcookie="leerspoor_aanmelden=$(awk '$6 == "leerspoor_aanmelden" {print $7}' "$pot")"
formulier="csrf=$token&gebruikersnaam=lpa-boa&wachtwoord=leerspoor-demo&terug="
curl -s -c "$pot" -b "$pot" -o /dev/null -X POST "$BASIS/aanmelden" --data "$formulier"
cookie="leerspoor_sessie=$(awk '$6 == "leerspoor_sessie" {print $7}' "$pot")"
# A dossier with casework: the first youth on the werkvoorraad.
curl -s -b "$pot" "$BASIS/" -o "$pot.html"
dossier=$(grep -o 'href="/jongeren/[^"]*"' "$pot.html" | head -1 | sed 's/href="//;s/"$//')
[ -n "$dossier" ] || { echo "geen dossier op de werkvoorraad" >&2; exit 1; }

for pagina in "/" "$dossier"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$BASIS$pagina")
  [ "$status" = 200 ] || { echo "$pagina gaf $status" >&2; exit 1; }
  echo "== $pagina, $VERBINDINGEN gelijktijdige gebruikers, $DUUR"
  wrk -t2 -c"$VERBINDINGEN" -d"$DUUR" --latency -H "Cookie: $cookie" "$BASIS$pagina"
done

if [ "${AANMELDEN:-0}" = 1 ]; then
  # The sign-in form's token is stateless: the same token and cookie serve every request.
  lua=$(mktemp --suffix .lua)
  printf 'wrk.method = "POST"\nwrk.body = "%s"\nwrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\nwrk.headers["Cookie"] = "%s"\n' \
    "$formulier" "$aanmeldcookie" > "$lua"
  echo "== POST /aanmelden (juist wachtwoord), $VERBINDINGEN gelijktijdige aanmeldingen, $DUUR"
  wrk -t2 -c"$VERBINDINGEN" -d"$DUUR" --latency -s "$lua" "$BASIS/aanmelden"
fi
