#!/usr/bin/env python3
"""Generates the bundled CKAN fixture portals under Fixtures/ckan/<portal>/packages.json.

Deterministic (fixed seed, stdlib only): running it again gives byte-identical files.
Each portal mixes hand-written records (asserted on by the tests) with generated variety,
including the untidy things real portals publish: odd format spellings, null fields,
numbers where strings belong, leaked private and deleted packages, several date styles.

Usage: python3 Fixtures/tools/make_ckan_fixtures.py   (from the package root)
"""
import json
import os
import random
import uuid

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ckan")


def make_uuid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def slug(text):
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "ø": "o", "æ": "ae", "é": "e", "ü": "u",
                           "á": "a", "č": "c", "š": "s", "ŋ": "n", "đ": "d", "ŧ": "t", "ž": "z"})
    out = []
    for ch in text.lower().translate(table):
        out.append(ch if ch.isalnum() else "-")
    s = "".join(out)
    while "--" in s:
        s = s.replace("--", "-")
    return s.strip("-")[:90]


def ckan_time(rng, year_from=2016, year_to=2025):
    y = rng.randint(year_from, year_to)
    return "%04d-%02d-%02dT%02d:%02d:%02d.%06d" % (y, rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23),
                                                   rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999999))


def odd_date(rng):
    y, m, d = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice(["%04d-%02d-%02d" % (y, m, d), "%02d.%02d.%04d" % (d, m, y), "%04d-%02d" % (y, m),
                       "%04d-%02d-%02dT08:00:00+01:00" % (y, m, d), "%04d" % y, "%04d-%02d-%02d 12:30:00" % (y, m, d)])


class Portal:
    def __init__(self, key, title, url, language, seed):
        self.key = key
        self.title = title
        self.url = url
        self.language = language
        self.rng = random.Random(seed)
        self.organizations = []
        self.groups = {}
        self.packages = []

    def org(self, name, title, description, title_translated=None, image=""):
        org = {
            "id": make_uuid(self.rng), "name": name, "title": title, "type": "organization",
            "description": description, "image_url": image, "created": ckan_time(self.rng, 2014, 2016),
            "is_organization": True, "approval_status": "approved", "state": "active",
        }
        if title_translated:
            org["title_translated"] = title_translated
        self.organizations.append(org)
        return org

    def group(self, name, title, description=""):
        g = {"id": make_uuid(self.rng), "name": name, "title": title, "display_name": title,
             "description": description, "image_display_url": ""}
        self.groups[name] = g
        return g

    def resource(self, package_id, name, url, fmt, **extra):
        r = {
            "id": make_uuid(self.rng), "package_id": package_id, "name": name, "url": url, "format": fmt,
            "description": extra.pop("description", ""), "mimetype": extra.pop("mimetype", None),
            "size": extra.pop("size", None), "hash": extra.pop("hash", ""), "state": "active",
            "created": extra.pop("created", ckan_time(self.rng)), "last_modified": extra.pop("last_modified", None),
            "url_type": extra.pop("url_type", None), "position": 0, "cache_url": None, "resource_type": None,
        }
        r.update(extra)
        return r

    def package(self, name, title, notes, org, groups, tags, resources, license_id, license_title, license_url=None,
                **extra):
        pid = extra.pop("id", None) or make_uuid(self.rng)
        for i, r in enumerate(resources):
            r["package_id"] = pid
            r["position"] = i
        created = extra.pop("metadata_created", ckan_time(self.rng, 2016, 2021))
        modified = extra.pop("metadata_modified", ckan_time(self.rng, 2022, 2025))
        p = {
            "id": pid, "name": name, "title": title, "notes": notes, "type": "dataset", "state": "active",
            "private": False, "owner_org": org["id"] if org else None,
            "organization": ({k: org[k] for k in ("id", "name", "title", "type", "description", "image_url",
                                                   "created", "is_organization", "approval_status", "state")
                              } | ({"title_translated": org["title_translated"]} if "title_translated" in org else {}))
            if org else None,
            "groups": [self.groups[g] for g in groups],
            "tags": [{"id": make_uuid(self.rng), "name": t, "display_name": t, "state": "active", "vocabulary_id": None}
                     for t in tags],
            "resources": resources, "num_resources": len(resources), "num_tags": len(tags),
            "license_id": license_id, "license_title": license_title, "license_url": license_url,
            "isopen": license_id not in (None, "", "notspecified", "other-closed", "cc-nc"),
            "metadata_created": created, "metadata_modified": modified,
            "author": extra.pop("author", None), "author_email": extra.pop("author_email", None),
            "maintainer": extra.pop("maintainer", None), "maintainer_email": extra.pop("maintainer_email", None),
            "url": extra.pop("url", ""), "version": extra.pop("version", None),
            "extras": [{"key": k, "value": v} for k, v in extra.pop("extras", [])],
            "creator_user_id": make_uuid(self.rng), "relationships_as_object": [], "relationships_as_subject": [],
        }
        p.update(extra)
        self.packages.append(p)
        return p

    def write(self, description):
        folder = os.path.join(ROOT, self.key)
        os.makedirs(folder, exist_ok=True)
        document = {
            "portal": {"name": self.key, "title": self.title, "url": self.url, "language": self.language,
                       "description": description, "ckan_version": "2.10.4"},
            "organizations": self.organizations,
            "packages": self.packages,
        }
        with open(os.path.join(folder, "packages.json"), "w", encoding="utf-8") as f:
            json.dump(document, f, ensure_ascii=False, indent=1, sort_keys=True)
            f.write("\n")
        return len(self.packages)


LICENCES = [
    ("cc-by-4.0", "Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    ("CC-BY-4.0", "CC BY 4.0", None),
    ("cc-zero", "Creative Commons CCZero", "http://www.opendefinition.org/licenses/cc-zero"),
    ("cc0-1.0", "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/deed.sv"),
    ("cc-by", "Creative Commons Attribution", "http://www.opendefinition.org/licenses/cc-by"),
    ("odc-odbl", "Open Data Commons Open Database License (ODbL)", "http://www.opendefinition.org/licenses/odc-odbl"),
    ("odc-by", "Open Data Commons Attribution License", None),
    ("other-open", "Other (Open)", None),
    ("notspecified", "License not specified", None),
    ("", None, None),
    (None, None, None),
]

FORMATS = [
    ("CSV", ".csv", None), ("CSV ", ".csv", "text/csv"), ("csv", ".csv", None), ("xlsx", ".xlsx", None),
    ("Excel", ".xls", "application/vnd.ms-excel"), (".shp", ".zip", None), ("zip (shp)", ".zip", None),
    ("WMS", "", None), ("WFS", "", None), ("", ".json", None), (None, ".geojson", None),
    ("application/json", ".json", "application/json"), ("GeoJSON", ".geojson", None), ("PDF", ".pdf", None),
    ("HTML", "", None), ("API", "", None), ("XML", ".xml", None), ("GPKG", ".gpkg", None), ("ODS", ".ods", None),
    ("parquet", ".parquet", None), ("KML", ".kml", None), ("JSON-LD", ".jsonld", None), ("TXT", ".txt", None),
]


def add_resources(portal, base, stem, count, rng, lang_word):
    resources = []
    for i in range(count):
        fmt, ext, mime = rng.choice(FORMATS)
        if ext:
            url = "%s/dataset/%s/resource/%s%s" % (base, stem, "data-%d" % (i + 1), ext)
        elif fmt in ("WMS", "WFS"):
            url = "https://geo.%s/ows?service=%s&request=GetCapabilities" % (base.split("//")[1], fmt)
        else:
            url = "%s/api/%s/v%d" % (base, stem, i + 1)
        extra = {}
        roll = rng.random()
        if roll < 0.25:
            extra["size"] = rng.randint(800, 40_000_000)
        elif roll < 0.35:
            extra["size"] = str(rng.randint(800, 900_000))
        if rng.random() < 0.2:
            extra["hash"] = "%032x" % rng.getrandbits(128)
        if rng.random() < 0.15:
            extra["url_type"] = "upload"
        if mime:
            extra["mimetype"] = mime
        if rng.random() < 0.3:
            extra["last_modified"] = ckan_time(rng, 2022, 2025)
        name = "%s %d" % (lang_word, i + 1) if rng.random() < 0.8 else ""
        resources.append(portal.resource("", name, url, fmt, **extra))
    return resources


def build_vastra():
    p = Portal("oppnadata-vastra", "Öppna data Västra Sjöbygden", "https://oppnadata.vastra-sjobygden.example", "sv", 20260101)
    rng = p.rng
    base = p.url
    orgs = [
        p.org("region-vastra-sjobygden", "Region Västra Sjöbygden", "Regionen ansvarar för kollektivtrafik, hälso- och sjukvård och regional utveckling.",
              {"sv": "Region Västra Sjöbygden", "en": "West Lake District Region"}),
        p.org("stromsala-kommun", "Strömsala kommun", "Kommunens öppna data om skola, omsorg och samhällsbyggnad."),
        p.org("bjorkvik-kommun", "Björkviks kommun", "Öppna data från Björkviks kommun."),
        p.org("lanstrafiken-vastra", "Länstrafiken Västra", "Hållplatser, linjer och tidtabeller för regionens busstrafik."),
        p.org("miljoforbundet-sjobygden", "Miljöförbundet Sjöbygden", "Tillsyn och mätningar av luft och vatten."),
        p.org("vastra-energi", "Västra Energi AB", "Kommunalt energibolag: elnät, fjärrvärme och laddstationer."),
        p.org("sjobygdens-museum", "Sjöbygdens museum", "Samlingar, fornlämningar och kulturarv."),
        p.org("raddningstjansten-vastra", "Räddningstjänsten Västra", "Insatser, brandskydd och beredskap."),
        p.org("ovre-alvdalens-kommun", "Övre Älvdalens kommun", "Glesbygdskommun vid älven; data om turism och naturvård."),
    ]
    for name, title in [("miljo", "Miljö och natur"), ("trafik", "Trafik och transport"), ("befolkning", "Befolkning och samhälle"),
                        ("halsa", "Hälsa och sjukvård"), ("utbildning", "Utbildning och kultur"), ("energi", "Energi"),
                        ("ekonomi", "Ekonomi"), ("samhallsplanering", "Samhällsplanering och bostäder"),
                        ("sakerhet", "Säkerhet och beredskap"), ("turism-och-fritid", "Turism och fritid")]:
        p.group(name, title)

    # Hand-written records the tests assert on.
    p.package("luftkvalitet-stromsala-timvarden", "Luftkvalitet i Strömsala – timvärden",
              "Timvärden för kvävedioxid (NO₂), partiklar (PM10, PM2,5) och ozon från mätstationen vid Storgatan. "
              "Mätningarna görs av Miljöförbundet Sjöbygden enligt Naturvårdsverkets föreskrifter.",
              orgs[4], ["miljo"], ["luftkvalitet", "kvävedioxid", "partiklar", "miljöövervakning"],
              [p.resource("", "Timvärden 2024", base + "/dataset/luft/resource/timvarden-2024.csv", "CSV ",
                          mimetype="text/csv", size=2483211, hash="9b1f8c2e0a44d6b1c3e5f7a9b0c2d4e6", url_type="upload",
                          last_modified="2025-01-03T06:00:00.000000"),
               p.resource("", "Mätstationer (WMS)", "https://geo.vastra-sjobygden.example/ows?service=WMS&request=GetCapabilities", "WMS"),
               p.resource("", "Senaste timmen", base + "/api/luft/senaste", "", mimetype="application/json")],
              "cc0-1.0", "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/",
              id="5f3c2a10-7d4e-4b1a-9c2e-000000000001", maintainer="Miljöförbundet Sjöbygden", maintainer_email="luft@miljoforbundet.example",
              extras=[("frequency", "http://publications.europa.eu/resource/authority/frequency/HOURLY"),
                      ("language", "[\"sv\"]"), ("issued", "2019-03-15"), ("modified", "2025-01-03T06:00:00+01:00"),
                      ("theme", "[\"http://publications.europa.eu/resource/authority/data-theme/ENVI\"]"),
                      ("spatial", "{\"type\":\"Point\",\"coordinates\":[13.0021,58.3912]}"),
                      ("contact_name", "Luftgruppen"), ("contact_email", "luft@miljoforbundet.example"),
                      ("access_rights", "http://publications.europa.eu/resource/authority/access-right/PUBLIC")])
    p.package("hallplatser-lanstrafiken", "Hållplatser och linjer – Länstrafiken Västra",
              "Alla busshållplatser med koordinater (SWEREF 99 TM) och linjenummer. Uppdateras varje natt. GTFS-flödet finns som egen resurs.",
              orgs[3], ["trafik"], ["kollektivtrafik", "hållplatser", "GTFS", "buss"],
              [p.resource("", "Hållplatser", base + "/dataset/hallplatser/resource/hallplatser.geojson", "GeoJSON", size="1048576"),
               p.resource("", "GTFS Sverige 3", "https://gtfs.lanstrafiken-vastra.example/gtfs.zip", "GTFS"),
               p.resource("", "Linjer (Excel)", base + "/dataset/hallplatser/resource/linjer.xlsx", "xlsx")],
              "cc-by-4.0", "Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/",
              id="5f3c2a10-7d4e-4b1a-9c2e-000000000002", url="https://www.lanstrafiken-vastra.example/oppna-data",
              extras=[("frequency", "R/P1D"), ("language", "sv"),
                      ("temporal_start", "2020-01-01"), ("temporal_end", "2025-12-31")])
    p.package("befolkning-per-tatort", "Befolkning per tätort 1990–2024",
              "Folkmängd per tätort och år, uppdelat på kön och åldersgrupp. Källa: SCB och kommunernas egna register.",
              orgs[0], ["befolkning"], ["befolkning", "tätort", "statistik"],
              [p.resource("", "Befolkning per tätort", base + "/dataset/befolkning/resource/befolkning.csv", "CSV", size=88412),
               p.resource("", "Befolkning per tätort (ODS)", base + "/dataset/befolkning/resource/befolkning.ods", "ODS")],
              "CC-BY-4.0", "CC BY 4.0", None, id="5f3c2a10-7d4e-4b1a-9c2e-000000000003",
              title_translated={"sv": "Befolkning per tätort 1990–2024", "en": "Population by urban area 1990–2024"},
              notes_translated={"sv": "Folkmängd per tätort och år, uppdelat på kön och åldersgrupp. Källa: SCB och kommunernas egna register.",
                                "en": "Population per urban area and year, by sex and age group. Sources: Statistics Sweden and municipal registers."},
              extras=[("frequency", "årligen"), ("language", "sv,en"), ("version", "2024.1")])
    p.package("laddstationer-vastra-energi", "Laddstationer för elbil",
              "Publika laddpunkter med effekt, kontakttyp och aktuell status.", orgs[5], ["energi", "trafik"],
              ["elbil", "laddning", "energi"],
              [p.resource("", "Laddpunkter (API)", "https://api.vastra-energi.example/v2/laddpunkter", "API"),
               p.resource("", "Laddpunkter", "https://api.vastra-energi.example/v2/laddpunkter.json", "application/json")],
              "odc-odbl", "Open Data Commons Open Database License (ODbL)", "http://www.opendefinition.org/licenses/odc-odbl",
              id="5f3c2a10-7d4e-4b1a-9c2e-000000000004", author="Västra Energi AB", author_email="oppnadata@vastra-energi.example")
    p.package("fornlamningar-sjobygden", "Fornlämningar i Sjöbygden",
              "Registrerade fornlämningar med läge, typ och datering. Känsliga lägen är generaliserade till 1 km.",
              orgs[6], ["utbildning"], ["kulturarv", "fornlämningar", "arkeologi"],
              [p.resource("", "Fornlämningar (Shape)", base + "/dataset/fornlamningar/resource/fornlamningar.zip", "zip (shp)"),
               p.resource("", "Fornlämningar (GeoPackage)", base + "/dataset/fornlamningar/resource/fornlamningar.gpkg", "GPKG")],
              "cc-by", "Creative Commons Attribution", None, id="5f3c2a10-7d4e-4b1a-9c2e-000000000005",
              extras=[("spatial_uri", "https://sws.geonames.org/2661886/")])
    p.package("raddningsinsatser-2023", "Räddningsinsatser 2023",
              "Antal insatser per typ (brand i byggnad, trafikolycka, drunkning) och kommun.",
              orgs[7], ["sakerhet"], ["räddningstjänst", "olyckor"],
              [p.resource("", "Insatser 2023", base + "/dataset/insatser/resource/insatser-2023.xlsx", "Excel",
                          mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")],
              "notspecified", "License not specified", None, id="5f3c2a10-7d4e-4b1a-9c2e-000000000006",
              metadata_created="2023-02-01T09:00:00", metadata_modified="2024-01-15 10:30:00")
    # Untidy: nulls, numbers where text belongs, odd types.
    p.package("skolor-och-forskolor", "Skolor och förskolor", None, orgs[1], ["utbildning"], [],
              [p.resource("", None, base + "/dataset/skolor/resource/skolor", None, size=None),
               p.resource("", "Skolenheter", base + "/dataset/skolor/resource/skolenheter.csv", "csv", size="okänd")],
              None, None, None, id="5f3c2a10-7d4e-4b1a-9c2e-000000000007", version=3, url=None,
              extras=[("language", None), ("issued", "05.01.2023")])
    # Leaked: a private and a deleted package in the search results.
    p.package("intern-budget-utkast", "Budgetutkast 2026 (internt)", "Ska inte publiceras.", orgs[1], ["ekonomi"], ["budget"],
              [p.resource("", "Utkast", base + "/dataset/budget/resource/utkast.xlsx", "xlsx")], "other-closed", "Other (Not Open)",
              id="5f3c2a10-7d4e-4b1a-9c2e-000000000008", private=True)
    p.package("gamla-cykelvagar", "Cykelvägar (ersatt)", "Ersatt av Cykelvägar 2024.", orgs[2], ["trafik"], ["cykel"],
              [p.resource("", "Cykelvägar", base + "/dataset/cykel/resource/cykel.shp", ".shp")], "cc0-1.0", "CC0 1.0",
              id="5f3c2a10-7d4e-4b1a-9c2e-000000000009", state="deleted")

    topics = [
        ("Badplatser", "badplatser", "Kommunala badplatser med vattenprover och tillgänglighet.", ["turism-och-fritid", "miljo"], ["bad", "vattenkvalitet"]),
        ("Bygglov", "bygglov", "Beviljade bygglov per månad och ärendetyp.", ["samhallsplanering"], ["bygglov", "byggande"]),
        ("Detaljplaner", "detaljplaner", "Gällande detaljplaner med plangränser och beslutsdatum.", ["samhallsplanering"], ["detaljplan", "planering"]),
        ("Trafikflöden", "trafikfloden", "Fordonsräkningar på kommunala vägar, årsmedeldygnstrafik.", ["trafik"], ["trafik", "mätning"]),
        ("Vattenkvalitet i sjöar", "vattenkvalitet-sjoar", "Provtagning av fosfor, kväve och siktdjup i sjöar och vattendrag.", ["miljo"], ["vatten", "sjöar", "miljöövervakning"]),
        ("Energiförbrukning i kommunala fastigheter", "energiforbrukning-fastigheter", "Förbrukning av el och fjärrvärme per fastighet och månad.", ["energi"], ["energi", "fastigheter"]),
        ("Förskolekö", "forskoleko", "Antal barn i kö och genomsnittlig väntetid.", ["utbildning"], ["förskola", "barnomsorg"]),
        ("Väntetider i vården", "vantetider-varden", "Väntetider till besök och behandling per vårdcentral.", ["halsa"], ["vård", "väntetider"]),
        ("Kommunens budget och utfall", "budget-utfall", "Budget och utfall per verksamhet och år.", ["ekonomi"], ["budget", "ekonomi"]),
        ("Parkeringsplatser", "parkeringsplatser", "Allmänna parkeringsplatser, avgiftszoner och laddplatser.", ["trafik"], ["parkering"]),
        ("Bibliotekens utlåning", "biblioteksutlaning", "Utlån per bibliotek, medietyp och månad.", ["utbildning"], ["bibliotek", "kultur"]),
        ("Avfall och återvinning", "avfall-atervinning", "Insamlade mängder hushållsavfall och återvinningsstationer.", ["miljo"], ["avfall", "återvinning"]),
        ("Motionsspår och friluftsleder", "motionsspar", "Elbelysta spår, vandringsleder och vindskydd.", ["turism-och-fritid"], ["friluftsliv", "leder"]),
        ("Brandposter", "brandposter", "Brandposter och vattenreservoarer för räddningstjänsten.", ["sakerhet"], ["brandpost"]),
    ]
    places = [("Strömsala", orgs[1]), ("Björkvik", orgs[2]), ("Övre Älvdalen", orgs[8]), ("Västra Sjöbygden", orgs[0])]
    i = 0
    while len(p.packages) < 90:
        topic, stem, notes, groups, tags = topics[i % len(topics)]
        place, org = places[(i // len(topics)) % len(places)]
        year = 2016 + (i % 9)
        title = "%s i %s %d" % (topic, place, year) if i % 3 else "%s – %s" % (topic, place)
        name = slug("%s-%s-%d" % (stem, place, year))
        lic = LICENCES[rng.randrange(len(LICENCES))]
        resources = add_resources(p, base, name, rng.randint(0 if i % 17 == 0 else 1, 4), rng, "Data")
        extras = []
        if i % 4 == 0:
            extras.append(("issued", odd_date(rng)))
        if i % 5 == 0:
            extras.append(("frequency", rng.choice(["årligen", "monthly", "R/P1M", "kvartalsvis", "oregelbundet", "ANNUAL", "okänd"])))
        if i % 6 == 0:
            extras.append(("language", rng.choice(["sv", "[\"sv\"]", "sv,en", "swe"])))
        if i % 9 == 0:
            extras.append(("källa", "Kommunens verksamhetssystem"))
        kwargs = {"extras": extras}
        if i % 7 == 0:
            kwargs["maintainer"] = "Open data-gruppen, %s" % place
            kwargs["maintainer_email"] = "oppnadata@%s.example" % slug(place)
        if i % 11 == 0:
            kwargs["title_translated"] = {"sv": title, "en": "%s in %s" % (stem.replace("-", " ").capitalize(), place)}
        if i % 13 == 5:
            kwargs["notes"] = None
        if i == 23:
            kwargs["private"] = True
        if i == 41:
            kwargs["state"] = "deleted"
        note = kwargs.pop("notes", notes + " Datamängden gäller %s." % place)
        p.package(name, title, note, org, groups, tags + [slug(place)], resources, lic[0], lic[1], lic[2], **kwargs)
        i += 1
    return p.write("Fiktiv regional portal i Sverige: regionen, fem kommuner och kommunala bolag publicerar på svenska, ibland med engelsk översättning.")


def build_pohjola():
    p = Portal("avoindata-pohjola", "Avoindata Pohjola – Davvi rabas dieđut", "https://avoindata.pohjola.example", "fi", 20260202)
    rng = p.rng
    base = p.url
    orgs = [
        p.org("pohjolan-liitto", "Pohjolan liitto", "Maakunnan liitto: aluesuunnittelu, väestö ja elinkeinot.",
              {"fi": "Pohjolan liitto", "sv": "Förbundet Pohjola", "en": "Regional Council of Pohjola", "se": "Davvi guovllulihttu"}),
        p.org("tunturikylan-kaupunki", "Tunturikylän kaupunki", "Kaupungin avoimet tiedot: kaavoitus, liikunta ja palvelut."),
        p.org("pohjolan-liikenne", "Pohjolan Liikenne Oy", "Joukkoliikenteen reitit, pysäkit ja aikataulut."),
        p.org("jaameren-luontokeskus", "Jäämeren luontokeskus", "Luonnonsuojelualueet, porolaitumet ja vesistöjen seuranta."),
        p.org("sami-kulturrađđi", "Sámi kulturráđđi", "Sámi giella, kultuvra ja árbevierut.",
              {"se": "Sámi kulturráđđi", "fi": "Saamelainen kulttuurineuvosto", "nb": "Samisk kulturråd", "en": "Sámi Cultural Council"}),
        p.org("vuonnabahta-kommune", "Vuonnabahta kommune", "Norsk grensekommune: vann, avløp, planer og helse."),
        p.org("nordkalotten-energi", "Nordkalotten Energi AS", "Kraftproduksjon og strømnett i nord."),
        p.org("pohjolan-hyvinvointialue", "Pohjolan hyvinvointialue", "Sosiaali- ja terveyspalvelut."),
        p.org("ivalon-koulutuskuntayhtyma", "Ivalon koulutuskuntayhtymä", "Toisen asteen koulutus ja aikuiskoulutus."),
    ]
    for name, title in [("ymparisto", "Ympäristö"), ("liikenne", "Liikenne"), ("vaesto", "Väestö ja yhteiskunta"),
                        ("terveys", "Terveys"), ("koulutus", "Koulutus ja kulttuuri"), ("energia", "Energia"),
                        ("talous", "Talous"), ("kaavoitus", "Alueet ja kaupungit"), ("miljo", "Miljø"),
                        ("helse", "Helse"), ("kultur", "Kultur")]:
        p.group(name, title)

    p.package("porolaitumet-2024", "Porolaitumet 2024",
              "Paliskuntien laidunalueet ja kausilaitumet. Aineisto on tuotettu yhteistyössä paliskuntien kanssa.",
              orgs[3], ["ymparisto"], ["poronhoito", "laitumet", "boazodoallu"],
              [p.resource("", "Laidunalueet", base + "/dataset/porolaitumet/resource/laitumet.gpkg", "GPKG", size=15728640),
               p.resource("", "Laidunalueet (WFS)", "https://geo.pohjola.example/wfs?service=WFS&request=GetCapabilities", "WFS")],
              "cc-by-4.0", "Creative Commons Nimeä 4.0", "https://creativecommons.org/licenses/by/4.0/deed.fi",
              id="8a1d0c55-2b3e-4f6a-8d9c-000000000001",
              title_translated={"fi": "Porolaitumet 2024", "se": "Boazoguohtumat 2024", "sv": "Renbeten 2024", "en": "Reindeer pastures 2024"},
              notes_translated={"fi": "Paliskuntien laidunalueet ja kausilaitumet. Aineisto on tuotettu yhteistyössä paliskuntien kanssa.",
                                "en": "Grazing areas and seasonal pastures of the reindeer herding cooperatives."},
              keywords={"fi": ["poronhoito", "laitumet"], "se": ["boazodoallu", "guohtumat"], "en": ["reindeer herding"]},
              language=["fi", "se", "sv", "en"],
              extras=[("frequency", "http://publications.europa.eu/resource/authority/frequency/ANNUAL"),
                      ("theme", "[\"http://publications.europa.eu/resource/authority/data-theme/AGRI\", \"http://publications.europa.eu/resource/authority/data-theme/ENVI\"]"),
                      ("spatial", "{\"type\":\"Polygon\",\"coordinates\":[[[24.0,67.0],[29.5,67.0],[29.5,70.1],[24.0,70.1],[24.0,67.0]]]}")])
    p.package("joukkoliikenteen-pysakit", "Joukkoliikenteen pysäkit",
              "Kaikki bussipysäkit koordinaatteineen (ETRS-TM35FIN). Päivitetään viikoittain.",
              orgs[2], ["liikenne"], ["joukkoliikenne", "pysäkit", "GTFS"],
              [p.resource("", "Pysäkit", base + "/dataset/pysakit/resource/pysakit.csv", "CSV", size="204800",
                          hash="sha256:" + "ab" * 32),
               p.resource("", "Reitit", base + "/dataset/pysakit/resource/reitit.json", "JSON")],
              "cc-by", "Creative Commons Attribution", None, id="8a1d0c55-2b3e-4f6a-8d9c-000000000002",
              extras=[("frequency", "viikoittain"), ("language", "fi")])
    p.package("vannkvalitet-vuonnabahta", "Vannkvalitet i drikkevannskilder",
              "Analyser av drikkevann fra kommunale vannverk: E. coli, farge, turbiditet og pH.",
              orgs[5], ["helse", "miljo"], ["drikkevann", "vannverk", "helse"],
              [p.resource("", "Prøveresultater", base + "/dataset/vann/resource/prover.csv", "csv", size=55120),
               p.resource("", "Vannverk", base + "/dataset/vann/resource/vannverk.xlsx", "xlsx")],
              "nlod", "Norsk lisens for offentlige data (NLOD) 2.0", "https://data.norge.no/nlod/no/2.0",
              id="8a1d0c55-2b3e-4f6a-8d9c-000000000003", maintainer="Vann og avløp", maintainer_email="vann@vuonnabahta.kommune.example",
              extras=[("language", "nb"), ("frequency", "månedlig"), ("modified", "2025-02-28")])
    p.package("kraftproduksjon-time", "Kraftproduksjon per time",
              "Produksjon i MWh per kraftverk og time.", orgs[6], ["energia"], ["kraft", "energi", "vannkraft"],
              [p.resource("", "Produksjon", "https://api.nordkalotten-energi.example/produksjon", "REST"),
               p.resource("", "Produksjon (Parquet)", base + "/dataset/kraft/resource/produksjon.parquet", "parquet", size=73400320)],
              "https://data.norge.no/nlod/no/2.0", None, None, id="8a1d0c55-2b3e-4f6a-8d9c-000000000004",
              extras=[("language", "[\"nb\", \"en\"]"), ("frequency", "R/PT1H")])
    p.package("saamenkieliset-paikannimet", "Sámegielat báikenamat",
              "Sámegielat báikenamat koordináhtaiguin. Saamenkieliset paikannimet koordinaatteineen.",
              orgs[4], ["kultur", "koulutus"], ["sámegiella", "báikenamat", "paikannimet"],
              [p.resource("", "Báikenamat", base + "/dataset/baikenamat/resource/baikenamat.geojson", "GeoJSON"),
               p.resource("", "Báikenamat (KML)", base + "/dataset/baikenamat/resource/baikenamat.kml", "KML")],
              "cc0-1.0", "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/",
              id="8a1d0c55-2b3e-4f6a-8d9c-000000000005", language=["se", "fi"],
              title_translated={"se": "Sámegielat báikenamat", "fi": "Saamenkieliset paikannimet", "nb": "Samiske stedsnavn"})
    p.package("terveyskeskusten-jonotilanne", "Terveyskeskusten jonotilanne",
              "Hoitoonpääsy terveyskeskuksiin: odotusajat kiireettömään hoitoon.", orgs[7], ["terveys"], ["terveys", "jonot"],
              [p.resource("", "Odotusajat", base + "/dataset/jonot/resource/odotusajat.csv", "CSV ", mimetype="text/csv")],
              "CC-BY-4.0", "CC BY 4.0", None, id="8a1d0c55-2b3e-4f6a-8d9c-000000000006",
              metadata_created="2021-04-01T08:00:00", metadata_modified="2025-03-01T07:15:00.250000",
              extras=[("frequency", "kuukausittain")])
    p.package("poistettu-aineisto", "Poistettu aineisto", "Tämä aineisto on poistettu.", orgs[1], [], [],
              [], "cc-by-4.0", "CC BY 4.0", None, id="8a1d0c55-2b3e-4f6a-8d9c-000000000007", state="deleted")
    p.package("luonnos-budjetti", "Talousarvioluonnos", "Luonnos.", orgs[1], ["talous"], ["talousarvio"],
              [], "cc-by-4.0", "CC BY 4.0", None, id="8a1d0c55-2b3e-4f6a-8d9c-000000000008", private=True)

    topics = [
        ("Uimarantojen vedenlaatu", "uimarannat", "Uimarantojen vesinäytteet ja sinileväseuranta.", ["ymparisto"], ["uimarannat", "vedenlaatu"], "fi"),
        ("Asemakaavat", "asemakaavat", "Voimassa olevat asemakaavat ja kaavarajat.", ["kaavoitus"], ["kaavoitus", "asemakaava"], "fi"),
        ("Väestö ikäryhmittäin", "vaesto-ikaryhmittain", "Väestö kunnittain ja ikäryhmittäin vuoden lopussa.", ["vaesto"], ["väestö", "tilastot"], "fi"),
        ("Liikennemäärät", "liikennemaarat", "Keskimääräinen vuorokausiliikenne mittauspisteittäin.", ["liikenne"], ["liikenne", "mittaus"], "fi"),
        ("Latuverkosto", "latuverkosto", "Valaistut ladut ja moottorikelkkareitit.", ["koulutus"], ["ladut", "ulkoilu"], "fi"),
        ("Opiskelijamäärät", "opiskelijamaarat", "Opiskelijat koulutusaloittain ja lukukausittain.", ["koulutus"], ["koulutus", "opiskelijat"], "fi"),
        ("Kunnan talousarvio", "talousarvio", "Talousarvio ja toteuma tehtävittäin.", ["talous"], ["talous", "budjetti"], "fi"),
        ("Energiankulutus", "energiankulutus", "Kiinteistöjen sähkön ja kaukolämmön kulutus.", ["energia"], ["energia"], "fi"),
        ("Reguleringsplaner", "reguleringsplaner", "Gjeldende reguleringsplaner med plangrenser.", ["kaavoitus"], ["plan", "arealplan"], "nb"),
        ("Helsestasjoner", "helsestasjoner", "Helsestasjoner med åpningstider og adresser.", ["helse"], ["helse", "barn"], "nb"),
        ("Snøskuterløyper", "snoskuterloyper", "Godkjente snøskuterløyper og sesongstengning.", ["liikenne"], ["løyper", "friluftsliv"], "nb"),
        ("Vandrer- og turstier", "turstier", "Merkede turstier og gapahuker.", ["miljo"], ["tur", "friluftsliv"], "nb"),
    ]
    places = [("Tunturikylä", orgs[1]), ("Pohjola", orgs[0]), ("Vuonnabahta", orgs[5]), ("Ivalo", orgs[8])]
    i = 0
    while len(p.packages) < 70:
        topic, stem, notes, groups, tags, lang = topics[i % len(topics)]
        place, org = places[(i // len(topics)) % len(places)]
        year = 2018 + (i % 7)
        title = "%s %d – %s" % (topic, year, place)
        name = slug("%s-%s-%d" % (stem, place, year))
        if lang == "nb":
            lic = rng.choice([("nlod", "NLOD 2.0", "https://data.norge.no/nlod/no/2.0"),
                              ("NLOD-2.0", None, None), ("cc-by-4.0", "CC BY 4.0", None), ("cc0-1.0", "CC0", None)])
        else:
            lic = LICENCES[rng.randrange(len(LICENCES))]
        resources = add_resources(p, base, name, rng.randint(1, 3), rng, "Tiedosto" if lang == "fi" else "Fil")
        extras = [("language", lang if i % 2 else "[\"%s\"]" % lang)]
        if i % 3 == 0:
            extras.append(("issued", odd_date(rng)))
        if i % 4 == 0:
            extras.append(("frequency", rng.choice(["vuosittain", "årlig", "P1Y", "IRREG", "ei päivitetä", "kuukausittain"])))
        if i % 10 == 3:
            extras.append(("temporal_start", "%d-01-01" % year))
            extras.append(("temporal_end", "%d-12-31" % year))
        kwargs = {"extras": extras}
        if i % 5 == 0:
            kwargs["title_translated"] = {lang: title, "en": "%s %d – %s" % (stem.replace("-", " ").capitalize(), year, place)}
        if i % 6 == 0:
            kwargs["maintainer"] = "Avoin data -tiimi" if lang == "fi" else "Åpne data-teamet"
            kwargs["maintainer_email"] = "avoindata@%s.example" % slug(place)
        if i % 8 == 1:
            kwargs["author"] = 12345
        if i == 17:
            kwargs["private"] = True
        if i == 33:
            kwargs["state"] = "deleted"
        p.package(name, title, notes + " (%s)" % place, org, groups, tags, resources, lic[0], lic[1], lic[2], **kwargs)
        i += 1
    return p.write("Fiktiv pohjoinen portaali: suomalaisia, saamelaisia ja norjalaisia julkaisijoita; monikieliset otsikot (fi, se, sv, nb, en).")


if __name__ == "__main__":
    n1 = build_vastra()
    n2 = build_pohjola()
    keep = os.path.join(ROOT, ".keep.json")
    if os.path.exists(keep):
        os.remove(keep)
    print("oppnadata-vastra: %d packages, avoindata-pohjola: %d packages" % (n1, n2))
