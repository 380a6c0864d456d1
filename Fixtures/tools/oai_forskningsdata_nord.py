"""Fictional Nordic research-data archive "Forskningsdata Nord", an OAI-PMH 2.0 repository serving Dublin Core.

Modelled on what university research-data repositories (DSpace, Dataverse, national data archives) serve through
OAI-PMH as oai_dc: dc:title in several languages with xml:lang (Swedish, Finnish, Norwegian Bokmål, English); persons as
dc:creator and an institution as dc:publisher; dc:subject keywords, some as DDC/free text; dc:date as a year or a full
date; dc:type "Dataset" and the info:eu-repo vocabulary; DOIs in dc:identifier (as https://doi.org/ URLs and as
doi: strings) beside a landing page and a file URL; dc:rights as a Creative Commons URL and the info:eu-repo access
level; dc:coverage as place names, DCMI Box and DCMI Period values; dc:format as media types; dc:relation to
publications. Four records are deleted at the source (header status="deleted", no metadata), as repositories with
persistent deletion support answer. Records belong to sets by institution (setSpec).

Writes `Fixtures/oai/forskningsdata-nord/records.xml`: an OAI-PMH ListRecords response holding every record, which the
fixture server pages over with resumption tokens. Run from the repository root:
python3 Fixtures/tools/oai_forskningsdata_nord.py
"""
import random
from xml.sax.saxutils import escape

OUT = "Fixtures/oai/forskningsdata-nord/records.xml"
REPO = "https://forskningsdata-nord.example"
DOI_PREFIX = "10.99999/fdn"

INSTITUTIONS = {
    "uni-norrvik": ("Norrvikens universitet", "Norrviken University", "sv"),
    "uni-pohjola": ("Pohjolan yliopisto", "University of Pohjola", "fi"),
    "uni-nordfjell": ("Universitetet i Nordfjell", "University of Nordfjell", "nb"),
    "fjall": ("Institutet för fjällmiljö", "Institute for Mountain Environment", "sv"),
}

PEOPLE = ["Lindqvist, Anna", "Virtanen, Mikko", "Haugen, Ingrid", "Sjöberg, Erik", "Korhonen, Aino", "Nilsen, Ola",
          "Åkesson, Maja", "Mäkelä, Juho", "Berg, Sigrid", "Eriksson, Lars"]

# (native title, English title, native description, English description, native keywords, English keywords,
#  institution, formats, coverage kind)
STUDIES = [
    ("Snötäcke och markfrost i fjällbjörkskog 1998–2023", "Snow cover and soil frost in mountain birch forest 1998–2023",
     "Dagliga mätningar av snödjup och markfrost på tolv provytor längs en höjdgradient.",
     "Daily measurements of snow depth and soil frost on twelve plots along an elevation gradient.",
     ["snötäcke", "markfrost", "fjällbjörkskog"], ["snow cover", "soil frost"], "fjall", ["text/csv"], "box"),
    ("Renbete och vegetationsförändring", "Reindeer grazing and vegetation change",
     "Vegetationsinventeringar i inhägnader och betade kontrollytor vart femte år sedan 1995.",
     "Vegetation surveys in exclosures and grazed control plots every five years since 1995.",
     ["renskötsel", "vegetation", "bete"], ["reindeer herding", "grazing"], "fjall", ["text/csv", "application/zip"], "place"),
    ("Kyselyaineisto etätyöstä pohjoisissa kunnissa", "Survey data on remote work in northern municipalities",
     "Vuoden 2022 kyselytutkimus etätyön yleisyydestä ja asenteista 14 pohjoisessa kunnassa.",
     "A 2022 survey on the prevalence of and attitudes to remote work in 14 northern municipalities.",
     ["etätyö", "kyselytutkimus", "kunnat"], ["remote work", "survey"], "uni-pohjola", ["application/x-spss-sav", "text/csv"], "period"),
    ("Jäänlähtöpäivät Pohjolan järvillä", "Ice break-up dates on the lakes of Pohjola",
     "Historialliset ja nykyiset jäänlähtöhavainnot 38 järveltä vuodesta 1880.",
     "Historical and recent ice break-up observations from 38 lakes since 1880.",
     ["jäänlähtö", "järvet", "ilmastonmuutos"], ["lake ice", "climate change"], "uni-pohjola", ["text/csv"], "period"),
    ("Havstemperatur i Nordfjellfjorden", "Sea temperature in the Nordfjell fjord",
     "Timvisa temperaturmålinger fra fire bøyer i fjorden, 2010–2024.",
     "Hourly temperature measurements from four buoys in the fjord, 2010–2024.",
     ["havtemperatur", "fjord", "bøyer"], ["sea temperature", "fjord"], "uni-nordfjell", ["application/netcdf"], "box"),
    ("Samiske stedsnavn i Nordfjell", "Sámi place names in Nordfjell",
     "Innsamlede samiske stedsnavn med uttale, betydning og koordinater.",
     "Collected Sámi place names with pronunciation, meaning and coordinates.",
     ["stedsnavn", "samisk", "kulturarv"], ["place names", "Sámi"], "uni-nordfjell", ["application/geo+json", "text/csv"], "place"),
    ("Ungdomars fritidsvanor i Norrviken", "Leisure habits of young people in Norrviken",
     "Enkätdata från årskurs 8 och gymnasiets år 2 om fritid, idrott och föreningsliv.",
     "Questionnaire data from year 8 and upper-secondary year 2 on leisure, sports and associations.",
     ["ungdomar", "fritid", "enkät"], ["youth", "leisure"], "uni-norrvik", ["text/csv", "application/pdf"], "period"),
    ("Luftkvalitet vid skolor i Norrvik", "Air quality at schools in Norrvik",
     "Mätningar av partiklar (PM2.5) och kvävedioxid utanför tio skolor under ett läsår.",
     None, ["luftkvalitet", "partiklar", "skolor"], ["air quality"], "uni-norrvik", ["text/csv"], "place"),
    ("Dialektinspelningar från Norrbotten", "Dialect recordings from Norrbotten",
     "Transkriberade intervjuer med talare födda 1900–1940, med ljudfiler i begränsad åtkomst.",
     "Transcribed interviews with speakers born 1900–1940; sound files with restricted access.",
     ["dialekter", "talspråk", "intervjuer"], ["dialects", "spoken language"], "uni-norrvik", ["text/xml", "audio/x-wav"], "place"),
    ("Metsäpalojen jälkeinen uudistuminen", "Regeneration after forest fires",
     "Taimilaskennat ja maaperänäytteet kolmelta paloalueelta viiden vuoden ajalta.",
     "Seedling counts and soil samples from three burnt areas over five years.",
     ["metsäpalo", "uudistuminen", "maaperä"], ["forest fire", "regeneration"], "uni-pohjola", ["text/csv", "application/zip"], "box"),
]

PLACES = {"fjall": "Fjällområdet, Norrvikens län", "uni-pohjola": "Pohjola", "uni-nordfjell": "Nordfjell",
          "uni-norrvik": "Norrvik"}
BOXES = {"fjall": (68.5, 66.0, 19.5, 15.8), "uni-pohjola": (67.2, 65.0, 29.0, 24.5), "uni-nordfjell": (69.9, 68.8, 20.5, 16.0),
         "uni-norrvik": (65.9, 65.5, 21.6, 20.9)}
LICENCES = ["https://creativecommons.org/licenses/by/4.0/", "https://creativecommons.org/publicdomain/zero/1.0/",
            "http://creativecommons.org/licenses/by-sa/4.0/"]

rng = random.Random(20261207)


def el(name, value, lang=None):
    attr = f' xml:lang="{lang}"' if lang else ""
    return f"    <dc:{name}{attr}>{escape(value)}</dc:{name}>\n"


def record(number, study, wave):
    native_title, en_title, native_desc, en_desc, native_kw, en_kw, inst, formats, coverage = study
    inst_native, inst_en, lang = INSTITUTIONS[inst]
    suffix = "" if wave == 0 else f" ({'uppföljning' if lang == 'sv' else 'seuranta' if lang == 'fi' else 'oppfølging'} {wave})"
    en_suffix = "" if wave == 0 else f" (follow-up {wave})"
    year = rng.randint(2014, 2025)
    doi = f"{DOI_PREFIX}.{number:04d}"
    out = [f'<record><header><identifier>oai:forskningsdata-nord.example:{number}</identifier>'
           f'<datestamp>{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T12:00:00Z</datestamp>'
           f'<setSpec>{inst}</setSpec></header>\n<metadata>\n']
    out.append('  <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
               'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
               'xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">\n')
    out.append(el("title", native_title + suffix, lang))
    if en_title:
        out.append(el("title", en_title + en_suffix, "en"))
    for person in rng.sample(PEOPLE, rng.randint(1, 3)):
        out.append(el("creator", person))
    for word in native_kw:
        out.append(el("subject", word, lang))
    for word in en_kw:
        out.append(el("subject", word, "en"))
    out.append(el("description", native_desc, lang))
    if en_desc:
        out.append(el("description", en_desc, "en"))
    out.append(el("publisher", inst_native, lang))
    if number % 4 == 0:
        out.append(el("contributor", rng.choice(PEOPLE)))
    out.append(el("date", str(year) if number % 3 == 0 else f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"))
    out.append(el("type", "Dataset"))
    out.append(el("type", "info:eu-repo/semantics/other"))
    for fmt in formats:
        out.append(el("format", fmt))
    if number % 5 == 2:
        out.append(el("identifier", f"doi:{doi}"))
    else:
        out.append(el("identifier", f"https://doi.org/{doi}"))
    out.append(el("identifier", f"{REPO}/dataset/{number}"))
    ext = {"text/csv": "csv", "application/zip": "zip", "application/netcdf": "nc", "application/geo+json": "geojson",
           "text/xml": "xml", "application/x-spss-sav": "sav", "application/pdf": "pdf", "audio/x-wav": "wav"}[formats[0]]
    out.append(el("identifier", f"{REPO}/files/{number}/data.{ext}"))
    out.append(el("language", {"sv": "swe", "fi": "fin", "nb": "nob"}[lang]))
    if number % 6 == 1:
        out.append(el("relation", f"https://doi.org/10.99998/article.{number:04d}"))
    if inst == "uni-norrvik" and "Dialekt" in native_title:
        out.append(el("rights", "info:eu-repo/semantics/restrictedAccess"))
        out.append(el("rights", "Ljudfilerna lämnas ut efter prövning enligt arkivets villkor."))
    else:
        out.append(el("rights", LICENCES[number % len(LICENCES)]))
        out.append(el("rights", "info:eu-repo/semantics/openAccess"))
    if coverage == "box":
        north, south, east, west = BOXES[inst]
        out.append(el("coverage", f"name={PLACES[inst]}; northlimit={north}; southlimit={south}; eastlimit={east}; westlimit={west}"))
    elif coverage == "period":
        start = rng.randint(1990, 2015)
        out.append(el("coverage", f"start={start}; end={start + rng.randint(1, 8)}; scheme=W3C-DTF"))
        out.append(el("coverage", PLACES[inst]))
    else:
        out.append(el("coverage", PLACES[inst], lang))
    out.append("  </oai_dc:dc>\n</metadata></record>\n")
    return "".join(out)


def deleted(number, inst):
    return (f'<record><header status="deleted"><identifier>oai:forskningsdata-nord.example:{number}</identifier>'
            f'<datestamp>2025-0{number % 9 + 1}-15T08:30:00Z</datestamp><setSpec>{inst}</setSpec></header></record>\n')


def main():
    records = []
    number = 100
    for wave in range(4):
        for study in STUDIES:
            number += 1
            records.append(record(number, study, wave))
    # Records withdrawn by the archive: OAI-PMH keeps their headers with status="deleted".
    for position, inst in [(5, "fjall"), (17, "uni-pohjola"), (26, "uni-norrvik"), (38, "uni-nordfjell")]:
        number += 1
        records.insert(position, deleted(number, inst))
    with open(OUT, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write('<!-- Generated by Fixtures/tools/oai_forskningsdata_nord.py: a fictional OAI-PMH repository of oai_dc records. -->\n')
        out.write('<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">\n<responseDate>2026-12-01T08:00:00Z</responseDate>\n'
                  f'<request verb="ListRecords" metadataPrefix="oai_dc">{REPO}/oai</request>\n<ListRecords>\n')
        for item in records:
            out.write(item)
        out.write('</ListRecords>\n</OAI-PMH>\n')
    print(f"{OUT}: {len(records)} records ({len(records) - 4} with metadata, 4 deleted)")


if __name__ == "__main__":
    main()
