#!/usr/bin/env python3
"""Writes a deterministic, realistic DCAT-AP RDF/XML catalogue for the RDF/XML parse benchmark.

Usage: generate_dcat_rdfxml.py OUTPUT [DATASETS]   (default 75000 datasets, about 320 MB)

The file looks like real national portal dumps: entities declared in the DOCTYPE and used in
attribute values, multilingual titles and descriptions (sv, en, nb, da, fi), keywords, publishers,
vCard contact points, distributions with formats, licences and download URLs, temporal and spatial
coverage. It is streamed to disk, so memory stays small whatever the size.
"""
import random
import sys
from xml.sax.saxutils import escape

LANGS = ["sv", "en", "nb", "da", "fi"]
WORDS = {
    "sv": "luftkvalitet mätvärden vattenståndet skolor förskolor trafikflöde cykelvägar befolkning "
          "bostäder miljö återvinning kollektivtrafik hållplatser sjöar älvar skärgård väder ängar".split(),
    "en": "air quality measurements water levels schools traffic flow cycle paths population housing "
          "environment recycling public transport stops lakes rivers weather meadows".split(),
    "nb": "luftkvalitet målinger vannstand skoler trafikk sykkelveier befolkning boliger miljø "
          "gjenvinning kollektivtransport innsjøer elver vær øyer fjorder".split(),
    "da": "luftkvalitet målinger vandstand skoler trafik cykelstier befolkning boliger miljø "
          "genbrug kollektiv trafik søer åer vejr øer strande".split(),
    "fi": "ilmanlaatu mittaukset vedenkorkeus koulut liikenne pyörätiet väestö asunnot ympäristö "
          "kierrätys joukkoliikenne järvet joet sää saaristo".split(),
}
FORMATS = [("CSV", "text/csv"), ("JSON", "application/json"), ("XLSX",
           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), ("GEOJSON",
           "application/geo+json"), ("XML", "application/xml")]
LICENCES = ["CC_BY_4_0", "CC0", "CC_BY_SA_4_0"]
THEMES = ["ENVI", "TRAN", "EDUC", "SOCI", "GOVE", "ECON", "HEAL", "REGI"]
PLACES = ["Malmö", "Göteborg", "Umeå", "Tromsø", "Århus", "Åbo", "Jyväskylä", "Ørsted", "Kiruna", "Ängelholm"]

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rdf:RDF [
  <!ENTITY rdf "http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <!ENTITY dcat "http://www.w3.org/ns/dcat#">
  <!ENTITY dct "http://purl.org/dc/terms/">
  <!ENTITY xsd "http://www.w3.org/2001/XMLSchema#">
  <!ENTITY foaf "http://xmlns.com/foaf/0.1/">
  <!ENTITY vcard "http://www.w3.org/2006/vcard/ns#">
  <!ENTITY euvoc "http://publications.europa.eu/resource/authority/">
]>
<rdf:RDF xmlns:rdf="&rdf;" xmlns:dcat="&dcat;" xmlns:dct="&dct;" xmlns:foaf="&foaf;"
         xmlns:vcard="&vcard;" xmlns:adms="http://www.w3.org/ns/adms#" xmlns:locn="http://www.w3.org/ns/locn#">
  <dcat:Catalog rdf:about="https://data.example.org/catalog">
    <dct:title xml:lang="sv">Exempelportalen – öppna data</dct:title>
    <dct:title xml:lang="en">Example portal – open data</dct:title>
    <dct:publisher rdf:resource="https://data.example.org/org/0"/>
  </dcat:Catalog>
"""


def sentence(rng, lang, n):
    return " ".join(rng.choice(WORDS[lang]) for _ in range(n))


def dataset(rng, i):
    base = f"https://data.example.org/dataset/{i:07d}"
    org = rng.randrange(500)
    out = [f'  <dcat:Dataset rdf:about="{base}">\n']
    out.append(f'    <dct:identifier>{i:07d}</dct:identifier>\n')
    for lang in rng.sample(LANGS, rng.randint(2, 5)):
        title = sentence(rng, lang, rng.randint(3, 7)).capitalize()
        out.append(f'    <dct:title xml:lang="{lang}">{escape(title)} {i}</dct:title>\n')
        desc = sentence(rng, lang, rng.randint(15, 40)).capitalize() + ". " + rng.choice(PLACES) + " & omnejd."
        out.append(f'    <dct:description xml:lang="{lang}">{escape(desc)}</dct:description>\n')
    for _ in range(rng.randint(2, 6)):
        lang = rng.choice(LANGS)
        out.append(f'    <dcat:keyword xml:lang="{lang}">{escape(rng.choice(WORDS[lang]))}</dcat:keyword>\n')
    out.append(f'    <dcat:theme rdf:resource="&euvoc;data-theme/{rng.choice(THEMES)}"/>\n')
    out.append(f'    <dct:publisher rdf:resource="https://data.example.org/org/{org}"/>\n')
    year = 2010 + rng.randrange(15)
    out.append(f'    <dct:issued rdf:datatype="&xsd;date">{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}</dct:issued>\n')
    out.append(f'    <dct:modified rdf:datatype="&xsd;dateTime">2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randrange(24):02d}:15:00Z</dct:modified>\n')
    out.append('    <dcat:contactPoint>\n      <vcard:Organization>\n')
    out.append(f'        <vcard:fn>Förvaltning {org} – {escape(rng.choice(PLACES))}</vcard:fn>\n')
    out.append(f'        <vcard:hasEmail rdf:resource="mailto:data{org}@example.org"/>\n')
    out.append('      </vcard:Organization>\n    </dcat:contactPoint>\n')
    out.append('    <dct:temporal>\n      <dct:PeriodOfTime>\n')
    out.append(f'        <dcat:startDate rdf:datatype="&xsd;date">{year}-01-01</dcat:startDate>\n')
    out.append(f'        <dcat:endDate rdf:datatype="&xsd;date">{year + rng.randint(0, 5)}-12-31</dcat:endDate>\n')
    out.append('      </dct:PeriodOfTime>\n    </dct:temporal>\n')
    out.append(f'    <dct:spatial rdf:resource="&euvoc;place/{rng.choice(["SWE", "NOR", "DNK", "FIN"])}"/>\n')
    out.append(f'    <dct:accrualPeriodicity rdf:resource="&euvoc;frequency/{rng.choice(["DAILY", "MONTHLY", "ANNUAL"])}"/>\n')
    for d in range(rng.randint(1, 3)):
        fmt, media = rng.choice(FORMATS)
        out.append('    <dcat:distribution>\n')
        out.append(f'      <dcat:Distribution rdf:about="{base}/distribution/{d}">\n')
        out.append(f'        <dct:title xml:lang="sv">{fmt}-fil, {escape(sentence(rng, "sv", 3))}</dct:title>\n')
        out.append(f'        <dcat:accessURL rdf:resource="{base}/download?format={fmt.lower()}&amp;v={d}"/>\n')
        out.append(f'        <dcat:downloadURL rdf:resource="https://files.example.org/{i:07d}/{d}.{fmt.lower()}"/>\n')
        out.append(f'        <dct:format rdf:resource="&euvoc;file-type/{fmt}"/>\n')
        out.append(f'        <dcat:mediaType rdf:resource="https://www.iana.org/assignments/media-types/{media}"/>\n')
        out.append(f'        <dct:license rdf:resource="&euvoc;licence/{rng.choice(LICENCES)}"/>\n')
        out.append(f'        <dcat:byteSize rdf:datatype="&xsd;nonNegativeInteger">{rng.randrange(10**9)}</dcat:byteSize>\n')
        out.append('      </dcat:Distribution>\n    </dcat:distribution>\n')
    out.append('  </dcat:Dataset>\n')
    return "".join(out)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    path = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 75000
    rng = random.Random(20240601)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(HEADER)
        for org in range(500):
            out.write(f'  <foaf:Agent rdf:about="https://data.example.org/org/{org}">'
                      f'<foaf:name xml:lang="sv">Myndighet {org} i {escape(PLACES[org % len(PLACES)])}</foaf:name></foaf:Agent>\n')
        for i in range(count):
            out.write(dataset(rng, i))
        out.write("</rdf:RDF>\n")


if __name__ == "__main__":
    main()
