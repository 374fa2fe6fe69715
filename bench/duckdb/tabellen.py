#!/usr/bin/env python3
"""Three of Leerspoor's report tables computed with DuckDB straight from an exchange bundle.

    python3 tabellen.py BUNDEL --jaar 2020-2021 [--json]
    python3 tabellen.py BUNDEL --laad BESTAND.duckdb            # once: the bundle into DuckDB's own file
    python3 tabellen.py BESTAND.duckdb --jaar 2020-2021 [--json]  # then: the tables from that file

Reads the bundle's CSV files (docs/uitwisselformaat.md), or a DuckDB database file made from them
with --laad (DuckDB's native storage: what a user who keeps the data in DuckDB queries), and computes, for the whole regio,
`verzuim_schoolherkomst`, `verzuim_per_1000` and `rmc_resultaat` by the rules of
crates/report/src/tabellen/{verzuim_schoolherkomst,bevolking,rmc_resultaat}.rs. With --json it
prints them in the shape of `leerspoor report --format json` (jaar, scope, tables with id, title,
columns {key, label} and rows {key, label, values}; no notes); without, as plain text.

The counting is SQL; Python only lays the counts out as rows (subtotals, labels, the per-1000
rounding, which is the same IEEE arithmetic as Rust's `percentage`).
"""
import argparse
import json
import math
import os
import re
import sys

import duckdb

# The bundle files this needs, with the type of each column used (others are read as text).
BESTANDEN = {
    "gemeenten": {"code": "VARCHAR", "naam": "VARCHAR", "subregio": "VARCHAR", "leerplicht_lokaal": "VARCHAR"},
    "subregios": {"code": "VARCHAR", "naam": "VARCHAR"},
    "codelijsten": {"lijst": "VARCHAR", "code": "VARCHAR", "omschrijving": "VARCHAR"},
    "jongeren": {"id": "VARCHAR", "geboortedatum": "DATE", "overlijdensdatum": "DATE"},
    "woonadressen": {"id": "VARCHAR", "jongere": "VARCHAR", "gemeente": "VARCHAR", "begindatum": "DATE",
                     "einddatum": "DATE"},
    "inschrijvingen": {"id": "VARCHAR", "jongere": "VARCHAR", "onderwijssoort": "VARCHAR", "begindatum": "DATE",
                       "einddatum": "DATE"},
    "verzuimmeldingen": {"id": "VARCHAR", "jongere": "VARCHAR", "soort": "VARCHAR", "meldingsdatum": "DATE",
                         "verzuim_van": "DATE", "status": "VARCHAR", "preventief": "VARCHAR", "uren": "INTEGER",
                         "reden_afsluiting": "VARCHAR"},
    "rmc_trajecten": {"id": "VARCHAR", "jongere": "VARCHAR", "soort": "VARCHAR", "aangemeld_op": "DATE",
                      "begindatum": "DATE", "einddatum": "DATE", "resultaat": "VARCHAR"},
}

# crates/domain/src/codes.rs: the shipped list rmc_resultaat, in Tabel 10's order.
RMC_STANDAARD = [
    ("scholing", "Herplaatst naar scholing"),
    ("werk_en_scholing", "Combinatie werk en scholing"),
    ("stage_wet", "Stagetrajecten/WET"),
    ("opvangvoorziening", "Opvangvoorzieningen"),
    ("werk", "Werk"),
    ("niet_herplaatst", "Niet herplaatst"),
    ("geen_rmc_vsv", "Geen RMC/VSV (startkwalificatie of vrijstelling)"),
    ("overig_verhuisd", "Overig (bijv. verhuisd)"),
    ("niet_doelgroep", "Behoort niet tot de doelgroep"),
    ("zonder_resultaat", "Afgesloten zonder geregistreerd resultaat"),
    ("nog_in_traject", "Nog in traject RMC"),
    ("jikp_arbeid", "JIKP – arbeid zonder bemiddeling"),
    ("jikp_pwet", "JIKP – P-wet"),
    ("jikp_wajong", "JIKP – Wajong"),
    ("jikp_ketenpartner", "JIKP – ketenpartner re-integratie arbeidsmarkt"),
    ("buitenlands_onderwijs", "Kwalificerend buitenlands onderwijs"),
    ("statushouder_inburgering", "Statushouder advies inburgering"),
    ("statushouder_scholing", "Statushouder advies scholing"),
]
# crates/domain/src/rules/traject.rs: resultaat_groep, groups in ResultaatGroep::ALL order.
GROEPEN = [
    ("scholing", "Subtotaal herplaatsing naar een vorm van scholing",
     {"scholing", "werk_en_scholing", "stage_wet", "opvangvoorziening"}),
    ("niet_naar_scholing", "Subtotaal niet herplaatst naar scholing", {"werk", "niet_herplaatst"}),
    ("overig", "Subtotaal overig", {"geen_rmc_vsv", "overig_verhuisd", "niet_doelgroep", "zonder_resultaat"}),
    ("monitoring", "Subtotaal monitoring/in traject",
     {"nog_in_traject", "jikp_arbeid", "jikp_pwet", "jikp_wajong", "jikp_ketenpartner", "buitenlands_onderwijs",
      "statushouder_inburgering", "statushouder_scholing"}),
]
# crates/domain/src/onderwijs.rs: Schoolherkomst::ALL (the columns of verzuim_schoolherkomst).
HERKOMSTEN = [("wpo", "WPO"), ("wec", "WEC"), ("wvo", "WVO"), ("web", "WEB"), ("onbekend", "Onderwijs onbekend"),
              ("geen_inschrijving", "Geen inschrijving")]
# gemeente_onderwijssoort.rs::relatief: the relatief verzuim of the BBV indicator.
# melding::geen_verzuim: closed by the office as no absence after all.
GEEN_VERZUIM = "coalesce(reden_afsluiting, '') IN ('geen_verzuim_ziek', 'geen_verzuim_legitiem')"

# Personen (crates/store/src/personen.rs) keeps each youth's addresses and enrolments sorted by
# begindatum, then einddatum (a running one first), then gemeente or onderwijssoort: where two
# overlap, that order decides (the first address; the last of two enrolments begun on one day).
ADRES_VOLGORDE = ("strftime(w.begindatum, '%Y-%m-%d') || ' ' || "
                  "coalesce(strftime(w.einddatum, '%Y-%m-%d'), '0000-00-00') || ' ' || w.gemeente")
SCHOOL_VOLGORDE = ("strftime(i.begindatum, '%Y-%m-%d') || ' ' || "
                   "coalesce(strftime(i.einddatum, '%Y-%m-%d'), '0000-00-00') || ' ' || i.onderwijssoort")

# leeftijd.rs: age in whole years; someone born on 29 February has a birthday on 1 March in a
# common year; before birth the age is 0.
MACROS = """
CREATE MACRO schrikkeljaar(j) AS (j % 4 = 0 AND (j % 100 <> 0 OR j % 400 = 0));
CREATE MACRO leeftijd(g, p) AS CASE WHEN p < g THEN 0 ELSE
    year(p) - year(g) - CASE WHEN
        (CASE WHEN month(g) = 2 AND day(g) = 29 AND NOT schrikkeljaar(year(p)) THEN 301
              ELSE month(g) * 100 + day(g) END) > month(p) * 100 + day(p)
        THEN 1 ELSE 0 END END;
-- schoolherkomst.rs: the law of an enrolment's onderwijssoort; no enrolment: geen_inschrijving.
CREATE MACRO herkomst(s) AS CASE
    WHEN s IS NULL THEN 'geen_inschrijving'
    WHEN s IN ('bao', 'sbo') THEN 'wpo'
    WHEN s IN ('so', 'vso') THEN 'wec'
    WHEN s IN ('vo', 'pro') THEN 'wvo'
    WHEN s IN ('mbo', 'vavo') THEN 'web'
    ELSE 'onbekend' END;
"""


def lees_bundel(con, bundel):
    """Each needed CSV as a table of the used columns (a missing file: an empty table)."""
    for naam, typen in BESTANDEN.items():
        pad = os.path.join(bundel, naam + ".csv")
        kop = []
        if os.path.exists(pad):
            with open(pad, encoding="utf-8-sig") as f:
                eerste = f.readline().rstrip("\r\n")
            # docs/uitwisselformaat.md: a header with semicolons and no commas is read with ';'.
            sep = ";" if ";" in eerste and "," not in eerste else ","
            kop = [k.strip().strip('"') for k in eerste.split(sep)]
        selectie = ", ".join(
            (f'"{k}"' if k in kop else f"CAST(NULL AS {t}) AS \"{k}\"") for k, t in typen.items()
        )
        if kop:
            kolommen = {k: typen.get(k, "VARCHAR") for k in kop}
            bron = (f"read_csv('{pad}', header = true, auto_detect = false, delim = '{sep}', quote = '\"', "
                    f"escape = '\"', columns = {kolommen!r}, dateformat = '%Y-%m-%d')")
        else:
            bron = "(SELECT 1 WHERE false)"
        con.execute(f"CREATE TABLE {naam} AS SELECT {selectie} FROM {bron}")


def schooljaar(begin):
    return f"{begin}-{begin + 1}"


def sleutel(begin):
    return f"{begin}_{begin + 1}"


def per_1000(deel, geheel):
    """tabel.rs percentage(deel * 10, geheel, 1): half up to 1 decimal; empty when dividing by 0."""
    if geheel == 0.0:
        return None
    return math.floor(100.0 * (deel * 10.0) / geheel * 10.0 + 0.5) / 10.0


def verzuim_schoolherkomst(con, jaar, gemeenten, subregios):
    van, tot = f"{jaar - 1}-08-01", f"{jaar + 1}-07-31"
    tellingen = con.execute(f"""
        WITH m AS (
            SELECT m.id, m.jongere, m.soort, m.meldingsdatum AS op,
                   CASE WHEN month(m.meldingsdatum) >= 8 THEN year(m.meldingsdatum)
                        ELSE year(m.meldingsdatum) - 1 END AS sj,
                   leeftijd(j.geboortedatum, m.verzuim_van) AS lft
            FROM verzuimmeldingen m JOIN jongeren j ON j.id = m.jongere
            WHERE m.meldingsdatum BETWEEN DATE '{van}' AND DATE '{tot}'
              AND lower(m.preventief) <> 'ja' AND m.status <> 'ingetrokken'
              AND m.soort <> 'zorgwekkend_ziekteverzuim'
              AND leeftijd(j.geboortedatum, m.verzuim_van) BETWEEN 5 AND 22),
        -- the address on the melding date (Kader::gemeente_op: the first in Personen's order)
        adres AS (
            SELECT m.id, arg_min(w.gemeente, {ADRES_VOLGORDE}) AS gemeente
            FROM m JOIN woonadressen w ON w.jongere = m.jongere AND w.begindatum <= m.op
                                       AND (w.einddatum IS NULL OR m.op <= w.einddatum)
            GROUP BY m.id),
        -- the enrolment on the melding date (Personen::ingeschreven_op: of two the one begun last,
        -- then the higher onderwijssoort code); for absoluut, else the one begun last on or before it
        -- (of two, the last in Personen's order)
        school AS (
            SELECT m.id,
                   arg_max(i.onderwijssoort, strftime(i.begindatum, '%Y-%m-%d') || ' ' || i.onderwijssoort)
                       FILTER (WHERE i.einddatum IS NULL OR m.op <= i.einddatum) AS nu,
                   arg_max(i.onderwijssoort, {SCHOOL_VOLGORDE}) AS laatst
            FROM m JOIN inschrijvingen i ON i.jongere = m.jongere AND i.begindatum <= m.op
            GROUP BY m.id),
        rij AS (
            SELECT m.sj,
                   CASE WHEN m.soort = 'achttien_plus' OR m.lft >= 18
                            THEN 'relatief_18plus_' || coalesce(g.subregio, 'onbekend')
                        WHEN lower(g.leerplicht_lokaal) = 'ja' THEN NULL
                        WHEN m.soort = 'luxe' THEN 'luxe'
                        WHEN m.soort = 'absoluut' THEN 'absoluut'
                        ELSE 'relatief' END AS rij,
                   herkomst(CASE WHEN m.soort = 'absoluut' THEN coalesce(s.nu, s.laatst) ELSE s.nu END) AS herkomst
            FROM m LEFT JOIN adres a ON a.id = m.id
                   LEFT JOIN gemeenten g ON g.code = a.gemeente
                   LEFT JOIN school s ON s.id = m.id)
        SELECT sj, rij, herkomst, count(*) FROM rij WHERE rij IS NOT NULL GROUP BY ALL
    """).fetchall()
    kol = {k: n for n, (k, _) in enumerate(HERKOMSTEN)}
    lokaal = {s for s, _ in subregios if any(g["subregio"] == s and g["lokaal"] for g in gemeenten)}
    kolommen = [{"key": k, "label": l} for k, l in HERKOMSTEN] + [{"key": "totaal", "label": "Totaal"}]
    rijen = []
    for sj in (jaar - 1, jaar):
        tel = {}
        for j, rij, herkomst, n in tellingen:
            if j == sj:
                tel.setdefault(rij, [0] * 6)[kol[herkomst]] += n

        def rij(key, label, sleutels):
            v = [sum(tel.get(k, [0] * 6)[i] for k in sleutels) for i in range(6)]
            rijen.append({"key": f"{key}_{sleutel(sj)}", "label": f"{label} {schooljaar(sj)}", "values": v + [sum(v)]})

        boven = ["relatief"]
        rij("relatief", "Relatief verzuim", ["relatief"])
        for s, naam in subregios:
            if s not in lokaal:
                rij(f"relatief_18plus_{s}", f"Relatief verzuim 18+ {naam}", [f"relatief_18plus_{s}"])
                boven.append(f"relatief_18plus_{s}")
        for k, label in (("luxe", "Luxe verzuim"), ("absoluut", "Absoluut verzuim (18-)")):
            rij(k, label, [k])
            boven.append(k)
        rij("subtotaal", "Subtotaal 5-23", boven)
        alle = list(boven)
        for s, naam in subregios:
            if s in lokaal:
                rij(f"relatief_18plus_{s}", f"Relatief verzuim 18+ {naam}", [f"relatief_18plus_{s}"])
                alle.append(f"relatief_18plus_{s}")
        if "relatief_18plus_onbekend" in tel:
            rij("relatief_18plus_onbekend", "Relatief verzuim 18+ woonplaats onbekend", ["relatief_18plus_onbekend"])
            alle.append("relatief_18plus_onbekend")
        rij("totaal", "Totaal", alle)
    return {"id": "verzuim_schoolherkomst", "title": "Ongeoorloofd verzuim 5- tot 23-jarigen naar schoolherkomst",
            "columns": kolommen, "rows": rijen}


def verzuim_per_1000(con, jaar, gemeenten):
    peil, van, tot = f"{jaar}-10-01", f"{jaar}-08-01", f"{jaar + 1}-07-31"
    # Youths of 5-17 living in each gemeente on 1 October, alive (bevolking.rs BEVOLKING_SQLITE).
    bevolking = con.execute(f"""
        SELECT w.gemeente,
               count(*) FILTER (WHERE leeftijd(j.geboortedatum, DATE '{peil}') BETWEEN 5 AND 15),
               count(*) FILTER (WHERE leeftijd(j.geboortedatum, DATE '{peil}') BETWEEN 16 AND 17)
        FROM jongeren j
        JOIN woonadressen w ON w.jongere = j.id AND w.begindatum <= DATE '{peil}'
                             AND (w.einddatum IS NULL OR w.einddatum >= DATE '{peil}')
        WHERE leeftijd(j.geboortedatum, DATE '{peil}') BETWEEN 5 AND 17
          AND (j.overlijdensdatum IS NULL OR j.overlijdensdatum > DATE '{peil}')
        GROUP BY w.gemeente
    """).fetchall()
    pop = {g: (a, b) for g, a, b in bevolking}
    # Absolute verzuimers (bevolking.rs tel_verzuimers): distinct youths with a melding of absoluut
    # verzuim (art25::absoluut_verzuim) in the year, in the gemeente where they lived on 1 October,
    # if 5-17 and alive then.
    absoluut = con.execute(f"""
        WITH v AS (
            SELECT DISTINCT jongere FROM verzuimmeldingen
            WHERE meldingsdatum BETWEEN DATE '{van}' AND DATE '{tot}' AND soort = 'absoluut'
              AND lower(preventief) <> 'ja' AND status <> 'ingetrokken' AND NOT {GEEN_VERZUIM})
        SELECT gemeente, count(*) FROM (
            SELECT v.jongere, arg_min(w.gemeente, {ADRES_VOLGORDE}) AS gemeente
            FROM v JOIN jongeren j ON j.id = v.jongere
                   JOIN woonadressen w ON w.jongere = v.jongere AND w.begindatum <= DATE '{peil}'
                                        AND (w.einddatum IS NULL OR w.einddatum >= DATE '{peil}')
            WHERE (j.overlijdensdatum IS NULL OR j.overlijdensdatum > DATE '{peil}')
              AND leeftijd(j.geboortedatum, DATE '{peil}') BETWEEN 5 AND 17
            GROUP BY v.jongere)
        GROUP BY gemeente
    """).fetchall()
    # Relative verzuimers as the art. 25 opgave counts them (gemeente_onderwijssoort.rs
    # verzuimers_relatief, melding::relatief_verzuim): each youth once, by their first such melding
    # of the year (meldingsdatum, then id), in the gemeente where they lived that day, if 5-17 then.
    relatief = con.execute(f"""
        WITH r AS (
            SELECT jongere, arg_min(meldingsdatum, strftime(meldingsdatum, '%Y-%m-%d') || ' ' || id) AS op
            FROM verzuimmeldingen
            WHERE meldingsdatum BETWEEN DATE '{van}' AND DATE '{tot}'
              AND lower(preventief) <> 'ja' AND status <> 'ingetrokken' AND NOT {GEEN_VERZUIM}
              AND (soort IN ('wettelijk_16_uur', 'langdurig_1_maand')
                   OR (soort IN ('luxe', 'signaal', 'beginnend') AND uren >= 16))
            GROUP BY jongere)
        SELECT gemeente, count(*) FROM (
            SELECT r.jongere, arg_min(w.gemeente, {ADRES_VOLGORDE}) AS gemeente
            FROM r JOIN jongeren j ON j.id = r.jongere
                   JOIN woonadressen w ON w.jongere = r.jongere AND w.begindatum <= r.op
                                        AND (w.einddatum IS NULL OR w.einddatum >= r.op)
            WHERE leeftijd(j.geboortedatum, r.op) BETWEEN 5 AND 17
            GROUP BY r.jongere)
        GROUP BY gemeente
    """).fetchall()
    vz = {}
    for g, n in absoluut:
        vz[g] = (n, 0)
    for g, n in relatief:
        vz[g] = (vz.get(g, (0, 0))[0], n)

    def cijfers(codes):
        p515 = float(sum(pop.get(c, (0, 0))[0] for c in codes))
        p1617 = float(sum(pop.get(c, (0, 0))[1] for c in codes))
        a = float(sum(vz.get(c, (0, 0))[0] for c in codes))
        r = float(sum(vz.get(c, (0, 0))[1] for c in codes))
        return p515, p1617, p515 + p1617, a, r

    regio = [g["code"] for g in gemeenten if not g["lokaal"]]
    _, _, rp, _, rr = cijfers(regio)
    gemiddelde = per_1000(rr, rp)
    rijen = []

    def rij(key, label, codes, eigen_leerplicht):
        p515, p1617, p, a, r = cijfers(codes)
        verzuim = [None] * 4 if eigen_leerplicht else [a, per_1000(a, p), r, per_1000(r, p)]
        rijen.append({"key": key, "label": label, "values": [p515, p1617, p] + verzuim + [gemiddelde]})

    for g in gemeenten:
        rij(g["code"], g["naam"], [g["code"]], g["lokaal"])
    rij("regio", "Regio (zonder gemeenten met eigen leerplicht)", regio, False)
    kolommen = [("pop_5_15", "Jongeren 5-15"), ("pop_16_17", "Jongeren 16-17"), ("pop_5_17", "Jongeren 5-17"),
                ("absoluut", "Absoluut verzuimers"), ("absoluut_per_1000", "Absoluut per 1000"),
                ("relatief", "Relatief verzuimers"), ("relatief_per_1000", "Relatief per 1000"),
                ("regio_gemiddelde", "Regio: relatief per 1000")]
    return {"id": "verzuim_per_1000", "title": "Absoluut en relatief verzuimers per 1000 jongeren van 5 tot en met 17 jaar",
            "columns": [{"key": k, "label": l} for k, l in kolommen], "rows": rijen}


def rmc_resultaat(con, jaar):
    jaren = (jaar - 1, jaar)
    # Every traject of an RMC-er that ran in the schooljaar (not the P-wet scholingsadvies talks,
    # traject::telt_als_rmcer), its result on 31 July ('nog_in_traject' while it runs on,
    # 'zonder_resultaat' when it ended without one; traject::resultaat_op), gemeld vóór verslagjaar
    # by aangemeld_op (traject::resultaten).
    rijen_sql = con.execute(f"""
        SELECT j.sj,
               CASE WHEN t.einddatum IS NULL OR t.einddatum > j.tot THEN 'nog_in_traject'
                    ELSE coalesce(t.resultaat, 'zonder_resultaat') END AS resultaat,
               count(*) FILTER (WHERE t.aangemeld_op < j.van),
               count(*) FILTER (WHERE t.aangemeld_op >= j.van)
        FROM rmc_trajecten t
        JOIN (VALUES {", ".join(f"({y}, DATE '{y}-08-01', DATE '{y + 1}-07-31')" for y in jaren)}) j(sj, van, tot)
          ON t.begindatum <= j.tot AND (t.einddatum IS NULL OR t.einddatum >= j.van)
        WHERE t.soort IS DISTINCT FROM 'pwet_scholingsadvies'
        GROUP BY ALL
    """).fetchall()
    telling = {y: {} for y in jaren}
    for sj, res, voor, nieuw in rijen_sql:
        telling[sj][res] = (voor, nieuw)
    # The list rmc_resultaat: the shipped codes, with the bundle's own descriptions and additions.
    labels = dict(RMC_STANDAARD)
    for code, omschrijving in con.execute(
            "SELECT code, omschrijving FROM codelijsten WHERE lijst = 'rmc_resultaat' ORDER BY code").fetchall():
        labels[code] = omschrijving
    volgorde = [c for c, _ in RMC_STANDAARD]
    codes = sorted(labels, key=lambda c: (volgorde.index(c) if c in volgorde else len(volgorde), c))

    def groep(code):
        return next((g for g, _, leden in GROEPEN if code in leden), None)

    def cellen(past):
        uit = []
        for y in jaren:
            voor = sum(v for k, (v, _) in telling[y].items() if past(k))
            nieuw = sum(n for k, (_, n) in telling[y].items() if past(k))
            uit += [voor, nieuw, voor + nieuw]
        return uit

    rijen = []
    for g, label, _ in GROEPEN:
        for c in codes:
            if groep(c) == g:
                rijen.append({"key": c, "label": labels[c], "values": cellen(lambda k, c=c: k == c)})
        rijen.append({"key": f"subtotaal_{g}", "label": label, "values": cellen(lambda k, g=g: groep(k) == g)})
    for c in codes:
        if groep(c) is None:
            rijen.append({"key": c, "label": labels[c], "values": cellen(lambda k, c=c: k == c)})
    rijen.append({"key": "totaal", "label": "Totaal", "values": cellen(lambda k: True)})
    kolommen = []
    for y in jaren:
        for k, l in (("gemeld_voor_verslagjaar", "Gemeld vóór verslagjaar"), ("nieuw", "Nieuwe RMC-ers"),
                     ("totaal", "Totaal")):
            kolommen.append({"key": f"{k}_{sleutel(y)}", "label": f"{l} {schooljaar(y)}"})
    return {"id": "rmc_resultaat", "title": "Resultaat RMC naar soort herplaatsing en soort RMC-er",
            "columns": kolommen, "rows": rijen}


def getal(v):
    """Whole numbers as integers, as Leerspoor's JSON writes them."""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bron", help="de map van een bundel, of een .duckdb-bestand gemaakt met --laad")
    ap.add_argument("--jaar", help="schooljaar, bijv. 2020-2021")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--laad", metavar="BESTAND", help="lees de bundel in een nieuw DuckDB-bestand en stop")
    a = ap.parse_args()
    if a.laad:
        if os.path.exists(a.laad):
            sys.exit(f"{a.laad} bestaat al")
        con = duckdb.connect(a.laad)
        lees_bundel(con, a.bron)
        con.execute("CHECKPOINT")
        con.close()
        return
    if not a.jaar:
        sys.exit("--jaar ontbreekt")
    m = re.fullmatch(r"(\d{4})[-/](\d{4})", a.jaar.strip())
    if not m or int(m.group(2)) != int(m.group(1)) + 1:
        sys.exit(f"'{a.jaar}' is geen schooljaar; schrijf het als 2020-2021")
    jaar = int(m.group(1))

    if os.path.isfile(a.bron):
        # The tables as loaded; the macros live in the connection's temporary schema.
        con = duckdb.connect(a.bron, read_only=True)
        con.execute(MACROS.replace("CREATE MACRO", "CREATE TEMP MACRO"))
    else:
        con = duckdb.connect()
        con.execute(MACROS)
        lees_bundel(con, a.bron)
    gemeenten = [{"code": c, "naam": n, "subregio": s, "lokaal": (l or "").strip().lower() == "ja"}
                 for c, n, s, l in con.execute("SELECT * FROM gemeenten ORDER BY code").fetchall()]
    subregios = con.execute("SELECT code, naam FROM subregios ORDER BY code").fetchall()
    tabellen = [
        verzuim_schoolherkomst(con, jaar, gemeenten, subregios),
        verzuim_per_1000(con, jaar, gemeenten),
        rmc_resultaat(con, jaar),
    ]
    for t in tabellen:
        for r in t["rows"]:
            r["values"] = [getal(v) for v in r["values"]]
    if a.json:
        json.dump({"jaar": schooljaar(jaar), "scope": "regio", "tables": tabellen}, sys.stdout, ensure_ascii=False,
                  indent=2)
        print()
        return
    for t in tabellen:
        print(f"{t['id']}: {t['title']}")
        print("  " + " | ".join(["rij"] + [c["key"] for c in t["columns"]]))
        for r in t["rows"]:
            print("  " + " | ".join([r["key"]] + ["" if v is None else str(v) for v in r["values"]]))
        print()


if __name__ == "__main__":
    main()
