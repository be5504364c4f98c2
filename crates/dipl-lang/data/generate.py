#!/usr/bin/env python3
"""Generate data/host-languages.csv (host -> languages) for dipl-lang.

Usage (from crates/dipl-lang):
    cd /tmp && npm pack cldr-core && tar xzf cldr-core-*.tgz      # gives /tmp/package/...
    python3 data/generate.py /tmp/package/supplemental/territoryInfo.json \
        ../dipl-model/src/countries.rs > data/host-languages.csv
    python3 data/generate.py --check /tmp/package/supplemental/territoryInfo.json \
        ../dipl-model/src/countries.rs data/host-languages.csv

Rules (also in the crate docs):
- Countries: every ISO 3166-1 alpha-3 code of dipl-model's table. Languages are the CLDR
  `territoryInfo` entries with `_officialStatus` `official` or `de_facto_official`, ordered by
  population share (descending, then code). `official_regional` languages are NOT included (a
  language official in one province is not "the host's language" for an embassy in the capital);
  the note lists those with at least 1% of the population so a reader sees what was left out.
- Territories without any official language in CLDR (e.g. TF, BV) fall back to languages spoken by
  at least 50% of the population (`und` dropped); AQ and HM stay empty.
- A short curated list (ADDITIONS) adds widely used non-official languages where diplomatic
  practice depends on them (Russian in Uzbekistan, Tajikistan, Turkmenistan); each is noted.
- Codes are normalised to what `dipl_lang::detect` returns: script/region subtags dropped
  (uz_Cyrl -> uz, zh_Hant -> zh, sr_Latn -> sr), `fil` -> `tl` (detector reports Tagalog),
  `no` -> `nb` (detector reports Bokmal); duplicates removed keeping the first position.
- Organisations: rows in ORGS, each citing the organisation's own language rule.
"""
import json
import re
import sys

CODE_MAP = {"fil": "tl", "no": "nb"}

# host -> (language, why). Widely used but not official; kept because embassies in these
# countries address the public in Russian as a matter of course.
ADDITIONS = {
    "UZB": ("ru", "ru added: not official, widely used (CLDR population share 14%)"),
    "TJK": ("ru", "ru added: not official, constitutional language of interethnic communication (CLDR 12%)"),
    "TKM": ("ru", "ru added: not official, widely used (CLDR 12%)"),
}

UN6 = "ar zh en fr ru es"
EU24 = "bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv"
# (code, languages, source, note)
ORGS = [
    ("AU", "ar en fr pt es sw", "AU Constitutive Act art. 25 as amended by the 2003 Protocol", "2003 Protocol adds es and sw and 'any other African language'"),
    ("ASEAN", "en", "ASEAN Charter art. 34 (working language)", ""),
    ("CICA", "en ru", "CICA working languages (English, Russian)", ""),
    ("CIS", "ru", "CIS Charter art. 35 (working language)", ""),
    ("COE", "en fr", "Statute of the Council of Europe art. 12", "de it ru are additional working languages of the Parliamentary Assembly"),
    ("CSTO", "ru", "CSTO Charter (working language Russian)", ""),
    ("CTBTO", UN6, "CTBT art. XVII (six UN languages equally authentic)", ""),
    ("EAEU", "ru", "Treaty on the Eurasian Economic Union art. 110 (working language)", ""),
    ("EU", EU24, "EEC Council Regulation No 1/1958 as amended (24 official languages)", ""),
    ("FAO", UN6, "FAO General Rules (six languages)", ""),
    ("GCC", "ar", "GCC Charter (Arabic)", ""),
    ("IAEA", UN6, "IAEA General Conference rules of procedure (six languages)", ""),
    ("ILO", "en fr es", "ILO Standing Orders (official languages en fr; es working language)", ""),
    ("LAS", "ar", "Charter of the League of Arab States", "Arab League"),
    ("NATO", "en fr", "North Atlantic Treaty art. 14 (English and French texts equally authentic)", ""),
    ("OAS", "en es fr pt", "OAS Charter art. 146 (four official languages)", ""),
    ("OECD", "en fr", "OECD Convention (English and French official languages)", ""),
    ("OIC", "ar en fr", "OIC Charter (official languages)", ""),
    ("OSCE", "en fr de it ru es", "OSCE Rules of Procedure (six official languages)", ""),
    ("OTS", "az kk ky tr uz en", "Organization of Turkic States: member-state languages plus English", "working practice; no single charter rule found"),
    ("SCO", "zh ru", "SCO Charter art. 19 (official and working languages)", ""),
    ("UN", UN6, "UN General Assembly rules of procedure rule 51 (six official languages)", ""),
    ("UNESCO", UN6, "six UN official languages", "UNESCO General Conference also lists hi it pt; working languages en fr"),
    ("UNGENEVA", UN6, "UN General Assembly rules of procedure rule 51 (six official languages)", "missions to the UN Office at Geneva"),
    ("UNOG", UN6, "UN General Assembly rules of procedure rule 51 (six official languages)", "UN Office at Geneva"),
    ("UNOV", UN6, "UN General Assembly rules of procedure rule 51 (six official languages)", "UN Office at Vienna"),
    ("WHO", UN6, "World Health Assembly rules of procedure (six languages)", ""),
    ("WTO", "en fr es", "Marrakesh Agreement final clause (English, French, Spanish)", ""),
]


def norm(code):
    base = code.split("_")[0]
    return CODE_MAP.get(base, base)


def countries(countries_rs):
    src = open(countries_rs, encoding="utf-8").read()
    return re.findall(r'\("([A-Z]{3})", "([A-Z]{2})"', src)


def rows(territory_info, countries_rs):
    data = json.load(open(territory_info, encoding="utf-8"))
    version = data["supplemental"]["version"]["_cldrVersion"]
    ti = data["supplemental"]["territoryInfo"]
    out = []
    for a3, a2 in countries(countries_rs):
        pops = ti.get(a2, {}).get("languagePopulation", {})
        def pct(item):
            return float(item[1].get("_populationPercent", "0"))
        ranked = sorted(pops.items(), key=lambda it: (-pct(it), it[0]))
        chosen = [l for l, v in ranked if v.get("_officialStatus") in ("official", "de_facto_official")]
        source = f"CLDR {version} territoryInfo: official, de_facto_official"
        notes = []
        if not chosen:
            chosen = [l for l, v in ranked if l != "und" and pct((l, v)) >= 50]
            source = f"CLDR {version} territoryInfo: no official language; spoken by >=50%"
            if not chosen:
                notes.append("no language data")
        langs = []
        for l in chosen:
            n = norm(l)
            if n not in langs:
                langs.append(n)
        if a3 in ADDITIONS:
            lang, why = ADDITIONS[a3]
            if lang not in langs:
                langs.append(lang)
            notes.append(why)
        regional = [f"{norm(l)} {v.get('_populationPercent')}%" for l, v in ranked
                    if v.get("_officialStatus") == "official_regional" and pct((l, v)) >= 1.0
                    and norm(l) not in langs]
        if regional:
            notes.append("official_regional not included: " + ", ".join(regional))
        out.append((a3, " ".join(langs), source, "; ".join(notes)))
    for code, langs, source, note in ORGS:
        out.append((code, langs, source, note))
    return out


def render(rows_):
    import csv
    import io
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["host", "languages", "source", "note"])
    for r in rows_:
        w.writerow(r)
    return buf.getvalue()


def main(argv):
    if argv and argv[0] == "--check":
        _, ti, crs, csv_path = argv
        want = render(rows(ti, crs))
        have = open(csv_path, encoding="utf-8").read()
        if want != have:
            print("host-languages.csv differs from what generate.py makes", file=sys.stderr)
            return 1
        print("host-languages.csv matches")
        return 0
    ti, crs = argv
    sys.stdout.write(render(rows(ti, crs)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
