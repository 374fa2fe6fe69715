#!/usr/bin/env python3
"""Writes a small partial bundle of edge cases to import on top of a COPY of the demo database, so
that the comparison also covers the rules the demo data never hits (verslagjaar 2020-2021):

    python3 randgevallen.py MAP
    leerspoor --database-url sqlite:KOPIE.sqlite import MAP

- a schrikkelkind (29 February) turning 5 on 1 March 2021, with meldingen on 28 February and 1 March;
- age 23 reached the day after / on verzuim_van;
- preventief and ingetrokken meldingen, a deceased youth, a youth who moved away before 1 October,
  an 18-year-old on 1 October, an 18+ melding with no address in the region;
- an under-18 melding in a gemeente with local leerplicht, and soort achttien_plus under 18;
- absoluut verzuim after an enrolment ended, and with no enrolment at all;
- two enrolments begun on the same day (the later key wins);
- an office's own verzuimsoort and rmc_resultaat codes, a relabelled standard code;
- a new subregio (sorts between noord and zuid) and a local-leerplicht gemeente in subregio zuid
  (which makes zuid a subregio "that does leerplicht itself");
- RMC-trajecten ending on 31 July / 1 August, after 31 July, aangemeld on 1 August.

Ids start with Z so they sort after the demo's.
"""
import csv
import os
import sys


def bsn(n):
    """A BSN passing the elfproef, from a running number (8 digits + check)."""
    for extra in range(10):
        d = [int(c) for c in f"8{n:06d}{extra}"]
        s = sum(c * w for c, w in zip(d, range(9, 1, -1)))
        if s % 11 < 10:
            laatste = s % 11
            return "".join(map(str, d)) + str(laatste)
    raise ValueError(n)


def schrijf(map_, naam, kop, rijen):
    with open(os.path.join(map_, naam + ".csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(kop)
        for r in rijen:
            w.writerow(["" if v is None else v for v in r])


def main():
    map_ = sys.argv[1]
    os.makedirs(map_, exist_ok=True)
    schrijf(map_, "subregios", ["code", "naam"], [["west", "Duinkust-West"]])
    schrijf(map_, "gemeenten", ["code", "naam", "subregio", "leerplicht_lokaal"],
            [["GM9908", "Zeewind", "west", "nee"], ["GM9909", "Kwelder", "zuid", "ja"]])
    schrijf(map_, "codelijsten", ["lijst", "code", "omschrijving", "geldig_van", "geldig_tot"], [
        ["verzuimsoort", "eigen_soort", "Eigen verzuimsoort van het bureau", "2000-01-01", None],
        ["rmc_resultaat", "eigen_resultaat", "Eigen resultaat van het bureau", "2000-01-01", None],
        ["rmc_resultaat", "werk", "Werk (regulier)", "2000-01-01", None],
    ])
    # id, geboren, geslacht, overleden; adressen (gemeente, begin, eind, vertrek)
    jongeren = {
        "JZ01": ("2016-02-29", "v", None, [("GM9901", "2016-02-29", None, None)]),
        "JZ02": ("2001-05-05", "m", None, [("GM9902", "2001-05-05", "2020-01-31", "buiten_regio")]),
        "JZ03": ("2005-03-03", "m", None, [("GM9905", "2005-03-03", None, None)]),
        "JZ04": ("2005-06-06", "v", None, [("GM9902", "2005-06-06", None, None)]),
        "JZ05": ("2007-07-07", "m", None, [("GM9903", "2007-07-07", None, None)]),
        "JZ06": ("2010-01-10", "v", None, [("GM9901", "2010-01-10", None, None)]),
        "JZ07": ("2010-01-11", "m", None, [("GM9901", "2010-01-11", None, None)]),
        "JZ08": ("2006-08-08", "v", None, [("GM9903", "2006-08-08", None, None)]),
        "JZ09": ("2008-09-09", "m", "2020-09-15", [("GM9904", "2008-09-09", None, None)]),
        "JZ10": ("2009-10-10", "v", None, [("GM9901", "2009-10-10", "2020-09-01", "buiten_regio"),
                                          ("GM9902", "2020-12-01", None, None)]),
        "JZ11": ("2002-09-30", "m", None, [("GM9901", "2002-09-30", None, None)]),
        "JZ12": ("1997-12-01", "v", None, [("GM9903", "1997-12-01", None, None)]),
        "JZ13": ("2008-01-13", "m", None, [("GM9901", "2008-01-13", None, None)]),
        "JZ14": ("2001-01-14", "v", None, [("GM9908", "2001-01-14", None, None)]),
        "JZ15": ("2010-01-15", "m", None, [("GM9908", "2010-01-15", None, None)]),
        "JZ16": ("2012-01-16", "v", None, [("GM9909", "2012-01-16", None, None)]),
        "JZ17": ("2000-01-17", "m", None, [("GM9909", "2000-01-17", None, None)]),
        "JZ18": ("2004-02-29", "v", None, [("GM9904", "2004-02-29", None, None)]),
    }
    schrijf(map_, "jongeren",
            ["id", "bsn", "voornamen", "tussenvoegsel", "achternaam", "geboortedatum", "geslacht", "overlijdensdatum"],
            [[j, bsn(n), "Rand", None, f"Geval{n}", g, s, o] for n, (j, (g, s, o, _)) in enumerate(jongeren.items())])
    adressen = []
    for j, (_, _, _, adr) in jongeren.items():
        for k, (gm, b, e, v) in enumerate(adr):
            adressen.append([f"WZ{j[2:]}{k}", j, gm, "Randweg", "1", "9999 ZZ", "Rand", b, e, v])
    schrijf(map_, "woonadressen",
            ["id", "jongere", "gemeente", "straat", "huisnummer", "postcode", "woonplaats", "begindatum", "einddatum",
             "vertrek"], adressen)
    # id, jongere, brin, vestiging, soort, niveau, profiel, begin, eind
    schrijf(map_, "inschrijvingen",
            ["id", "jongere", "brin", "vestiging", "onderwijssoort", "niveau", "vso_profiel", "begindatum", "einddatum"], [
                ["IZ01", "JZ01", "99AA", "00", "bao", None, None, "2020-08-01", None],
                ["IZ02", "JZ02", "99ET", "00", "mbo", "mbo2", None, "2017-08-01", None],
                ["IZ03", "JZ03", "99ED", "00", "vo", "havo", None, "2017-08-01", None],
                ["IZ04a", "JZ04", "99ED", "00", "vo", "havo", None, "2017-08-01", "2020-06-30"],
                ["IZ04b", "JZ04", "99ET", "00", "mbo", "mbo1", None, "2021-01-01", None],
                ["IZ08a", "JZ08", "99EW", "00", "onbekend", None, None, "2019-08-01", None],
                ["IZ08b", "JZ08", "99ED", "00", "vo", "havo", None, "2019-08-01", None],
                ["IZ09", "JZ09", "99ED", "00", "vo", None, None, "2020-08-01", None],
                ["IZ10", "JZ10", "99AA", "00", "bao", None, None, "2015-08-01", None],
                ["IZ11", "JZ11", "99EA", "01", "vso", None, "arbeidsmarkt", "2015-08-01", None],
                ["IZ12", "JZ12", "99EV", "00", "vavo", "havo", None, "2019-08-01", None],
                ["IZ13", "JZ13", "99ER", "00", "pro", None, None, "2020-08-01", None],
                ["IZ14", "JZ14", "99ET", "00", "mbo", "mbo3", None, "2019-08-01", None],
                ["IZ15", "JZ15", "99DW", "00", "sbo", None, None, "2019-08-01", None],
                ["IZ16", "JZ16", "99AA", "00", "bao", None, None, "2019-08-01", None],
                ["IZ17", "JZ17", "99EA", "00", "so", None, None, "2019-08-01", None],
                ["IZ18", "JZ18", "99ED", "00", "vo", "vwo", None, "2016-08-01", None],
            ])
    kop = ["id", "jongere", "brin", "vestiging", "soort", "meldingsdatum", "verzuim_van", "verzuim_tot", "uren",
           "reden", "status", "reden_afsluiting", "zaak", "preventief", "vervolg_op"]

    def m(id_, j, soort, melding, van, status="afgesloten", preventief="nee", school=("99ED", "00")):
        brin, vest = (None, None) if soort == "absoluut" else school
        return [id_, j, brin, vest, soort, melding, van, None, None, "randgeval", status, None, None, preventief,
                None]

    schrijf(map_, "verzuimmeldingen", kop, [
        m("MZ01a", "JZ01", "signaal", "2021-03-05", "2021-02-28", school=("99AA", "00")),
        m("MZ01b", "JZ01", "signaal", "2021-03-05", "2021-03-01", school=("99AA", "00")),
        m("MZ02", "JZ02", "achttien_plus", "2020-03-01", "2020-02-20", school=("99ET", "00")),
        m("MZ03a", "JZ03", "wettelijk_16_uur", "2020-11-02", "2020-10-20"),
        m("MZ03b", "JZ03", "achttien_plus", "2020-11-09", "2020-11-02"),
        m("MZ04a", "JZ04", "absoluut", "2020-10-15", "2020-09-01"),
        m("MZ04b", "JZ04", "signaal", "2021-03-10", "2021-03-01", school=("99ET", "00")),
        m("MZ05", "JZ05", "absoluut", "2020-09-20", "2020-09-01"),
        m("MZ06", "JZ06", "wettelijk_16_uur", "2020-10-05", "2020-10-01", preventief="ja"),
        m("MZ07", "JZ07", "wettelijk_16_uur", "2020-10-06", "2020-10-01", status="ingetrokken"),
        m("MZ08", "JZ08", "wettelijk_16_uur", "2019-11-01", "2019-10-20"),
        m("MZ09", "JZ09", "langdurig_1_maand", "2020-08-20", "2020-08-10"),
        m("MZ10", "JZ10", "beginnend", "2020-08-15", "2020-08-10", school=("99AA", "00")),
        m("MZ11", "JZ11", "wettelijk_16_uur", "2020-09-15", "2020-09-10", school=("99EA", "01")),
        m("MZ12a", "JZ12", "achttien_plus", "2020-12-10", "2020-11-30", school=("99EV", "00")),
        m("MZ12b", "JZ12", "achttien_plus", "2020-12-10", "2020-12-01", school=("99EV", "00")),
        m("MZ13", "JZ13", "eigen_soort", "2020-10-13", "2020-10-01", school=("99ER", "00")),
        m("MZ14", "JZ14", "achttien_plus", "2021-02-14", "2021-02-01", school=("99ET", "00")),
        m("MZ15", "JZ15", "wettelijk_16_uur", "2021-01-15", "2021-01-05", school=("99DW", "00")),
        m("MZ16", "JZ16", "luxe", "2021-01-16", "2021-01-10", school=("99AA", "00")),
        m("MZ17", "JZ17", "achttien_plus", "2020-05-17", "2020-05-01", school=("99EA", "00")),
        m("MZ18", "JZ18", "luxe", "2021-02-28", "2021-02-28"),
    ])
    schrijf(map_, "rmc_trajecten",
            ["id", "jongere", "soort", "medewerker", "aangemeld_op", "begindatum", "einddatum", "resultaat"], [
                ["RZ1", "JZ02", "regulier", "MW012", "2019-06-01", "2019-06-15", "2020-03-01", "eigen_resultaat"],
                ["RZ2", "JZ14", "regulier", "MW012", "2020-08-01", "2020-08-10", "2021-08-15", "werk"],
                ["RZ3", "JZ17", "regulier", "MW012", "2020-07-31", "2020-07-31", "2020-07-31", "scholing"],
                ["RZ4", "JZ12", "regulier", "MW012", "2019-07-31", "2019-08-01", "2020-08-01", "niet_herplaatst"],
                ["RZ5", "JZ11", "regulier", "MW012", "2020-09-01", "2020-09-01", None, None],
            ])


if __name__ == "__main__":
    main()
