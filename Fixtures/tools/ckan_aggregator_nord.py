#!/usr/bin/env python3
"""Generates Fixtures/ckan/dataportal-nord/packages.json, the fictional aggregator portal "Dataportal Nord".

Dataportal Nord is a CKAN portal that harvests two national DCAT catalogues with ckanext-dcat (the DCAT RDF
harvester of ckanext-harvest) and republishes their datasets: the Swedish `dcat/se` catalogue (RDF/XML,
DCAT-AP-SE) and the Norwegian `dcat/no` catalogue (Turtle, DCAT-AP-NO). Every package is a republication, and
every package carries ckanext-dcat's `uri` extra (the DCAT dataset IRI), so the same dataset harvested directly
from a catalogue and through the aggregator can be recognised by its IRI.

The packages are built from the committed DCAT fixture files, read with the small RDF/XML and Turtle readers
below (standard library only; they read what Fixtures/tools/dcat_writers.py writes, not arbitrary RDF). Run
make_dcat_fixtures.py first when the catalogues change, then this script.

Four packages deliberately carry a variant of the IRI, as aggregators do (see VARIANTS): a harvester comparing
IRIs must normalise scheme, host case and a trailing slash first. The script checks its output (valid JSON,
every `uri` matches exactly one DCAT dataset IRI after normalising, unique ids and names) and prints a table.

Deterministic (fixed seed, stdlib only): running it again gives byte-identical output.

Usage: python3 Fixtures/tools/ckan_aggregator_nord.py   (from the package root)
"""
import json
import os
import random
import re
import sys
import uuid
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(FIXTURES, "ckan", "dataportal-nord", "packages.json")

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
VCARD = "http://www.w3.org/2006/vcard/ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ADMS = "http://www.w3.org/ns/adms#"
SPDX = "http://spdx.org/rdf/terms#"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
IANA = "https://www.iana.org/assignments/media-types/"

# The datasets republished, by catalogue and page, in the order the packages appear (names are the last
# path segment of the dataset IRI). 14 from se (5 + 5 + 4), 10 from no (4 + 3 + 3).
SELECTION = [
    ("se", "page-1.rdf", ["bygglov-och-anmalningar-norrvik", "luftkvalitet-norrvik-h1", "atervinningsstationer-norrvik",
                          "snodjup-vid-fjallstationer-2024", "fagelinventering-h3"]),
    ("se", "page-2.rdf", ["forskolor-och-skolor-alstad", "kommunens-budget-och-utfall-alstad", "hallplatser-och-linjer-2023",
                          "laddstationer-for-elfordon-2023", "naturreservat-2023"]),
    ("se", "page-3.rdf", ["badplatser-bjorkfors", "publikationer-och-examensarbeten-2022", "renbetesomraden-2022",
                          "elforbrukning-per-natomrade-2021"]),
    ("no", "page-1.ttl", ["badevannskvalitet-h1", "barnehager-fjordvik", "anlop-og-godsomslag-2024",
                          "akvakulturlokaliteter-2024"]),
    ("no", "page-2.ttl", ["byggesaker-vestlia", "museumssamlingen-2023", "badeplasser-havoy"]),
    ("no", "page-3.ttl", ["strombrudd-2022", "sjotemperatur-i-fjordene-2021", "skoleskyss-2019"]),
]

# The four packages whose `uri` (and `guid`, `identifier`) is a variant of the DCAT IRI, as real aggregators
# republish them: an old http:// record, a host typed with capitals, a trailing slash, both http:// and a slash.
VARIANTS = {
    "snodjup-vid-fjallstationer-2024": "http",
    "forskolor-och-skolor-alstad": "host-case",
    "byggesaker-vestlia": "trailing-slash",
    "badeplasser-havoy": "http+trailing-slash",
}

# The host as the host-case variant spells it.
HOST_CASE = {"dataportal.norrvik.example": "DataPortal.Norrvik.example"}

# Packages whose resources keep the EU file-type IRI as `format` and the IANA IRI as `mimetype`, as ckanext-dcat
# stores them when CKAN's format registry does not recognise the IRI; the others carry CKAN format labels.
RAW_FORMAT_IRIS = {"naturreservat-2023", "sjotemperatur-i-fjordene-2021"}

# EU file-type code -> the label CKAN's format registry gives it.
FORMAT_LABELS = {"CSV": "CSV", "JSON": "JSON", "GEOJSON": "GeoJSON", "XLSX": "XLSX", "XML": "XML", "SHP": "SHP",
                 "GPKG": "GPKG", "PDF": "PDF", "NETCDF": "NetCDF", "RDF_TURTLE": "TTL", "WMS_SRVC": "WMS"}

# The portal's licence register (ckanext-dcat matches a distribution's licence IRI against the register's URLs).
LICENCES = {
    "http://creativecommons.org/publicdomain/zero/1.0/": "CC0-1.0",
    "http://publications.europa.eu/resource/authority/licence/CC0": "CC0-1.0",
    "https://creativecommons.org/licenses/by/4.0/": "CC-BY-4.0",
    "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0": "CC-BY-4.0",
    "http://data.norge.no/nlod/no/2.0": "NLOD-2.0",
}
LICENCE_REGISTER = {
    "CC0-1.0": ("Creative Commons Zero v1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "CC-BY-4.0": ("Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/"),
    "NLOD-2.0": ("Norsk lisens for offentlige data (NLOD) 2.0", "https://data.norge.no/nlod/no/2.0"),
}

HARVEST_SOURCES = {
    "se": ("Dataportal Norrvikens län (DCAT-AP-SE)", datetime(2024, 2, 12, 3, 0, 0), datetime(2025, 6, 2, 3, 0, 0),
           "Utgivare i Dataportal Norrvikens län. Datamängderna skördas därifrån med DCAT-AP-SE."),
    "no": ("Datakatalog for Fjordvik og Vestlia (DCAT-AP-NO)", datetime(2024, 4, 8, 3, 30, 0), datetime(2025, 6, 2, 3, 30, 0),
           "Utgiver i Datakatalog for Fjordvik og Vestlia. Datasettene høstes derfra med DCAT-AP-NO."),
}
TEXT_LANGUAGE = {"se": "sv", "no": "nb"}


# --------------------------------------------------------------------------------------------- a tiny graph

class IRI(str):
    pass


class BNode(str):
    pass


class Literal:
    def __init__(self, value, lang=None, datatype=None):
        self.value = value
        self.lang = lang
        self.datatype = datatype


class Graph:
    """Triples by subject, in the order they were read."""

    def __init__(self):
        self.by_subject = {}
        self.count = 0

    def bnode(self):
        self.count += 1
        return BNode("_:b%d" % self.count)

    def add(self, s, p, o):
        self.by_subject.setdefault(s, []).append((p, o))

    def objects(self, s, p):
        return [o for q, o in self.by_subject.get(s, []) if q == p]

    def value(self, s, p):
        found = self.objects(s, p)
        return found[0] if found else None

    def subjects_of_type(self, t):
        return [s for s, props in self.by_subject.items() if (RDF + "type", IRI(t)) in props]


# --------------------------------------------------------------------------------------------- RDF/XML reader

def read_rdfxml(path):
    """Node elements with rdf:about, property elements with rdf:resource, xml:lang, rdf:datatype, nested
    node elements and rdf:parseType="Resource": what dcat_writers.rdfxml writes."""
    graph = Graph()

    def iri_of(tag):
        namespace, local = tag[1:].split("}", 1)
        return namespace + local

    def node_element(element):
        about = element.get("{%s}about" % RDF)
        subject = IRI(about) if about is not None else graph.bnode()
        if element.tag != "{%s}Description" % RDF:
            graph.add(subject, RDF + "type", IRI(iri_of(element.tag)))
        property_elements(element, subject)
        return subject

    def property_elements(element, subject):
        for prop in element:
            predicate = iri_of(prop.tag)
            resource = prop.get("{%s}resource" % RDF)
            if resource is not None:
                graph.add(subject, predicate, IRI(resource))
            elif prop.get("{%s}parseType" % RDF) == "Resource":
                blank = graph.bnode()
                graph.add(subject, predicate, blank)
                property_elements(prop, blank)
            elif len(prop):
                graph.add(subject, predicate, node_element(prop[0]))
            else:
                graph.add(subject, predicate, Literal(prop.text or "", prop.get(XML_LANG), prop.get("{%s}datatype" % RDF)))

    for element in ET.parse(path).getroot():
        node_element(element)
    return graph


# --------------------------------------------------------------------------------------------- Turtle reader

TOKEN = re.compile(r'''
    (?P<ws>\s+|\#[^\n]*)
  | (?P<prefix>@prefix)
  | (?P<iri><[^>]*>)
  | (?P<long>"""(?:[^"\\]|\\.|"(?!""))*""")
  | (?P<string>"(?:[^"\\\n]|\\.)*")
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<dt>\^\^)
  | (?P<pname>[A-Za-z][\w-]*:(?:[\w-]*\w)?)
  | (?P<a>a(?=[\s\[<]))
  | (?P<punct>[\[\];,.])
''', re.VERBOSE)


def _unescape(text):
    return re.sub(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)',
                  lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] in "uU" and len(m.group(1)) > 1
                  else {"n": "\n", "t": "\t", "r": "\r"}.get(m.group(1), m.group(1)), text)


def read_turtle(path):
    """@prefix, IRIs, prefixed names, `a`, strings (short and long) with @lang or ^^datatype, blank nodes in
    [ ], and ; , . lists: what dcat_writers.turtle writes."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    tokens, position = [], 0
    while position < len(text):
        match = TOKEN.match(text, position)
        if not match:
            raise ValueError("%s: cannot read Turtle at %r" % (path, text[position:position + 40]))
        position = match.end()
        kind = match.lastgroup
        if kind != "ws":
            tokens.append((kind, match.group(kind)))
    graph, prefixes, index = Graph(), {}, [0]

    def peek():
        return tokens[index[0]] if index[0] < len(tokens) else (None, None)

    def take(expected=None):
        token = tokens[index[0]]
        index[0] += 1
        if expected is not None and token[1] != expected:
            raise ValueError("%s: expected %r, found %r" % (path, expected, token[1]))
        return token

    def iri(token):
        kind, value = token
        if kind == "iri":
            return IRI(value[1:-1])
        if kind == "pname":
            prefix, local = value.split(":", 1)
            return IRI(prefixes[prefix] + local)
        if kind == "a":
            return IRI(RDF + "type")
        raise ValueError("%s: not an IRI: %r" % (path, value))

    def term():
        kind, value = peek()
        if value == "[":
            take()
            blank = graph.bnode()
            if peek()[1] != "]":
                predicate_objects(blank)
            take("]")
            return blank
        if kind in ("long", "string"):
            take()
            lexical = _unescape(value[3:-3] if kind == "long" else value[1:-1])
            if peek()[0] == "lang":
                return Literal(lexical, lang=take()[1][1:])
            if peek()[0] == "dt":
                take()
                return Literal(lexical, datatype=iri(take()))
            return Literal(lexical)
        return iri(take())

    def predicate_objects(subject):
        while True:
            predicate = iri(take())
            graph.add(subject, predicate, term())
            while peek()[1] == ",":
                take()
                graph.add(subject, predicate, term())
            if peek()[1] != ";":
                return
            take()
            if peek()[1] in (".", "]"):
                return

    while index[0] < len(tokens):
        if peek()[0] == "prefix":
            take()
            name = take()[1]
            prefixes[name[:-1]] = take()[1][1:-1]
            take(".")
            continue
        subject = term()
        if peek()[1] != ".":
            predicate_objects(subject)
        take(".")
    return graph


# --------------------------------------------------------------------------------------------- DCAT datasets

def texts(graph, subject, predicate):
    """Language -> first literal in that language ('' for untagged)."""
    out = {}
    for value in graph.objects(subject, predicate):
        if isinstance(value, Literal):
            out.setdefault(value.lang or "", value.value)
    return out


def lexical(graph, subject, predicate):
    value = graph.value(subject, predicate)
    return None if value is None else (value.value if isinstance(value, Literal) else str(value))


def wkt_polygon_to_geojson(wkt):
    inner = wkt[wkt.index("((") + 2:wkt.rindex("))")]
    ring = [[float(x) for x in point.split()] for point in inner.split(",")]
    return json.dumps({"type": "Polygon", "coordinates": [ring]})


def read_dataset(graph, iri, catalogue, page):
    """What ckanext-dcat's DCAT-AP profile reads from one dataset."""
    ds = {"iri": str(iri), "catalogue": catalogue, "file": "dcat/%s/%s" % (catalogue, page)}
    ds["title"] = texts(graph, iri, DCT + "title")
    ds["description"] = texts(graph, iri, DCT + "description")
    ds["keywords"] = [(k.value, k.lang) for k in graph.objects(iri, DCAT + "keyword")]
    ds["themes"] = [str(t) for t in graph.objects(iri, DCAT + "theme")]
    ds["languages"] = [str(t) for t in graph.objects(iri, DCT + "language")]
    ds["identifier"] = lexical(graph, iri, DCT + "identifier")
    ds["issued"] = lexical(graph, iri, DCT + "issued")
    ds["modified"] = lexical(graph, iri, DCT + "modified")
    ds["frequency"] = lexical(graph, iri, DCT + "accrualPeriodicity")
    ds["access_rights"] = lexical(graph, iri, DCT + "accessRights")
    ds["dcat_type"] = lexical(graph, iri, DCT + "type")
    ds["landing_page"] = lexical(graph, iri, DCAT + "landingPage")
    ds["conforms_to"] = [str(c) for c in graph.objects(iri, DCT + "conformsTo")]
    ds["alternate_identifiers"] = [lexical(graph, node, SKOS + "notation") for node in graph.objects(iri, ADMS + "identifier")]

    publisher = graph.value(iri, DCT + "publisher")
    ds["publisher"] = {"uri": str(publisher), "name": texts(graph, publisher, FOAF + "name"),
                       "type": lexical(graph, publisher, DCT + "type"), "url": lexical(graph, publisher, FOAF + "homepage")}

    contact = graph.value(iri, DCAT + "contactPoint")
    if contact is not None:
        name = texts(graph, contact, VCARD + "fn") or texts(graph, contact, VCARD + "hasOrganizationName")
        email = lexical(graph, contact, VCARD + "hasEmail")
        ds["contact"] = {"uri": str(contact) if isinstance(contact, IRI) else None,
                         "name": name.get(TEXT_LANGUAGE[catalogue]) or name.get(""),
                         "email": email[len("mailto:"):] if email and email.startswith("mailto:") else email}
    else:
        ds["contact"] = None

    spatial = graph.value(iri, DCT + "spatial")
    ds["spatial"] = {}
    if isinstance(spatial, IRI):
        ds["spatial"]["uri"] = str(spatial)
    elif spatial is not None:
        label = texts(graph, spatial, SKOS + "prefLabel")
        if label:
            ds["spatial"]["text"] = next(iter(label.values()))
        bbox = lexical(graph, spatial, DCAT + "bbox")
        if bbox:
            ds["spatial"]["bbox"] = wkt_polygon_to_geojson(bbox)

    period = graph.value(iri, DCT + "temporal")
    ds["temporal"] = (lexical(graph, period, DCAT + "startDate"), lexical(graph, period, DCAT + "endDate")) \
        if period is not None else (None, None)

    ds["distributions"] = []
    for dist in graph.objects(iri, DCAT + "distribution"):
        checksum = graph.value(dist, SPDX + "checksum")
        size = lexical(graph, dist, DCAT + "byteSize")
        ds["distributions"].append({
            "uri": str(dist) if isinstance(dist, IRI) else None,
            "title": texts(graph, dist, DCT + "title"),
            "access_url": lexical(graph, dist, DCAT + "accessURL"),
            "download_url": lexical(graph, dist, DCAT + "downloadURL"),
            "format": lexical(graph, dist, DCT + "format"),
            "media_type": lexical(graph, dist, DCAT + "mediaType"),
            "license": lexical(graph, dist, DCT + "license"),
            "size": int(size) if size is not None else None,
            "hash": lexical(graph, checksum, SPDX + "checksumValue") if checksum is not None else None,
            "hash_algorithm": lexical(graph, checksum, SPDX + "algorithm") if checksum is not None else None,
        })
    return ds


def catalogue_datasets():
    """Every dataset IRI of the three DCAT fixture catalogues, with the file it is in."""
    out = []
    for catalogue, extension in (("se", "rdf"), ("no", "ttl")):
        for number in (1, 2, 3):
            page = "page-%d.%s" % (number, extension)
            graph = (read_rdfxml if extension == "rdf" else read_turtle)(os.path.join(FIXTURES, "dcat", catalogue, page))
            out += [(str(s), "dcat/%s/%s" % (catalogue, page)) for s in graph.subjects_of_type(DCAT + "Dataset")]
    for number in (1, 2, 3):
        page = "page-%d.jsonld" % number
        with open(os.path.join(FIXTURES, "dcat", "dk", page), encoding="utf-8") as handle:
            document = json.load(handle)
        for node in document["@graph"]:
            types = node.get("@type", [])
            if "dcat:Dataset" in (types if isinstance(types, list) else [types]):
                out.append((node["@id"], "dcat/dk/" + page))
    return out


# --------------------------------------------------------------------------------------------- CKAN records

def make_uuid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def slug(text):
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "ø": "o", "æ": "ae", "é": "e", "ü": "u"})
    out = "".join(ch if ch.isalnum() and ch.isascii() else "-" for ch in text.lower().translate(table))
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")[:100]


def ckan_time(moment, rng):
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + ".%06d" % rng.randint(0, 999999)


def variant(iri, kind):
    scheme, rest = iri.split("://", 1)
    host, path = rest.split("/", 1)
    if kind == "http":
        return "http://%s/%s" % (host, path)
    if kind == "host-case":
        return "%s://%s/%s" % (scheme, HOST_CASE.get(host, host.upper()), path)
    if kind == "trailing-slash":
        return iri + "/"
    if kind == "http+trailing-slash":
        return "http://%s/%s/" % (host, path)
    raise ValueError(kind)


def normalise(iri):
    """How a harvester compares IRIs here: scheme and host case-folded, http and https alike, no trailing slash."""
    scheme, rest = iri.split("://", 1)
    host, _, path = rest.partition("/")
    path = path.rstrip("/")
    return "//" + host.lower() + ("/" + path if path else "")


def shorten(text, limit=100):
    """The aggregator's listing limit: long descriptions are cut at a word boundary."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:–-")
    return cut + " …"


def organization(rng, ds, created):
    catalogue = ds["catalogue"]
    names = ds["publisher"]["name"]
    title = names[TEXT_LANGUAGE[catalogue]]
    translated = {lang: name for lang, name in names.items() if lang}
    return {
        "id": make_uuid(rng), "name": slug(title), "title": title, "type": "organization",
        "description": HARVEST_SOURCES[catalogue][3], "image_url": "", "created": ckan_time(created, rng),
        "is_organization": True, "approval_status": "approved", "state": "active", "title_translated": translated,
    }


def resource(rng, ds, dist, package_id, position, created, raw_iris):
    code = dist["format"][len(FILE_TYPE):] if dist["format"] and dist["format"].startswith(FILE_TYPE) else None
    media = dist["media_type"]
    if raw_iris:
        fmt, mimetype = dist["format"], media
    else:
        fmt = FORMAT_LABELS.get(code, code)
        mimetype = media[len(IANA):] if media and media.startswith(IANA) else media
    r = {
        "id": make_uuid(rng), "package_id": package_id, "name": dist["title"].get(TEXT_LANGUAGE[ds["catalogue"]], ""),
        "url": dist["download_url"] or dist["access_url"], "format": fmt, "description": "", "mimetype": mimetype,
        "size": dist["size"], "hash": dist["hash"] or "", "state": "active", "created": created,
        "last_modified": None, "url_type": None, "position": position, "cache_url": None, "resource_type": None,
        "access_url": dist["access_url"], "uri": dist["uri"],
    }
    if dist["download_url"]:
        r["download_url"] = dist["download_url"]
    if dist["license"]:
        r["license"] = dist["license"]
    if dist["hash_algorithm"]:
        r["hash_algorithm"] = dist["hash_algorithm"]
    return r


def package(rng, ds, org, number, harvest, creator):
    catalogue = ds["catalogue"]
    lang = TEXT_LANGUAGE[catalogue]
    source_title, first_run, last_run, _ = HARVEST_SOURCES[catalogue]
    source_id = harvest[catalogue]
    name_of_record = ds["iri"].rstrip("/").rsplit("/", 1)[1]
    uri = variant(ds["iri"], VARIANTS[name_of_record]) if name_of_record in VARIANTS else ds["iri"]
    created = first_run + timedelta(seconds=4 * number + rng.randint(0, 3))
    modified = last_run + timedelta(seconds=4 * number + rng.randint(0, 3))
    pid = make_uuid(rng)

    extras = [("uri", uri), ("guid", uri), ("harvest_object_id", make_uuid(rng)), ("harvest_source_id", source_id),
              ("harvest_source_title", source_title)]
    if ds["identifier"]:
        extras.append(("identifier", uri if ds["identifier"] == ds["iri"] else ds["identifier"]))
    for key in ("issued", "modified", "frequency", "access_rights", "dcat_type"):
        if ds[key]:
            extras.append((key, ds[key]))
    for key, values in (("language", ds["languages"]), ("theme", ds["themes"]), ("conforms_to", ds["conforms_to"]),
                        ("alternate_identifier", ds["alternate_identifiers"])):
        if values:
            extras.append((key, json.dumps(values)))
    publisher = ds["publisher"]
    extras += [("publisher_uri", publisher["uri"]), ("publisher_name", publisher["name"][lang])]
    if publisher["type"]:
        extras.append(("publisher_type", publisher["type"]))
    if publisher["url"]:
        extras.append(("publisher_url", publisher["url"]))
    if ds["contact"]:
        for key in ("uri", "name", "email"):
            if ds["contact"][key]:
                extras.append(("contact_" + key, ds["contact"][key]))
    for key, value in ds["spatial"].items():
        extras.append(("spatial_" + key, value))
    start, end = ds["temporal"]
    if start:
        extras.append(("temporal_start", start))
    if end:
        extras.append(("temporal_end", end))

    licence_iri = next((d["license"] for d in ds["distributions"] if d["license"] in LICENCES), None)
    license_id = LICENCES.get(licence_iri, "")
    license_title, license_url = LICENCE_REGISTER.get(license_id, (None, None))

    tags = []
    for word, _ in ds["keywords"]:
        if word not in tags:
            tags.append(word)
    raw_iris = name_of_record in RAW_FORMAT_IRIS
    metadata_created = ckan_time(created, rng)
    resources = [resource(rng, ds, dist, pid, i, metadata_created, raw_iris) for i, dist in enumerate(ds["distributions"])]
    notes = shorten(ds["description"][lang])
    p = {
        "id": pid, "name": slug(ds["title"][lang]), "title": ds["title"][lang], "notes": notes, "type": "dataset",
        "state": "active", "private": False, "owner_org": org["id"],
        "organization": {k: org[k] for k in ("id", "name", "title", "type", "description", "image_url", "created",
                                             "is_organization", "approval_status", "state", "title_translated")},
        "groups": [],
        "tags": [{"id": make_uuid(rng), "name": t, "display_name": t, "state": "active", "vocabulary_id": None} for t in tags],
        "resources": resources, "num_resources": len(resources), "num_tags": len(tags),
        "license_id": license_id, "license_title": license_title, "license_url": license_url, "isopen": bool(license_id),
        "metadata_created": metadata_created, "metadata_modified": ckan_time(modified, rng),
        "author": None, "author_email": None, "maintainer": None, "maintainer_email": None,
        "url": ds["landing_page"] or "", "version": None,
        "extras": [{"key": k, "value": v} for k, v in sorted(extras)],
        "creator_user_id": creator, "relationships_as_object": [], "relationships_as_subject": [],
    }
    if "en" in ds["title"]:
        p["title_translated"] = {l: t for l, t in ds["title"].items() if l}
        p["notes_translated"] = {l: (notes if l == lang else d) for l, d in ds["description"].items() if l}
    return p, uri


def build():
    rng = random.Random(20260303)
    harvest = {"se": make_uuid(rng), "no": make_uuid(rng)}
    creator = make_uuid(rng)  # the harvest user
    organizations, orgs_by_publisher, packages, rows = [], {}, [], []
    number = 0
    for catalogue, page, names in SELECTION:
        path = os.path.join(FIXTURES, "dcat", catalogue, page)
        graph = read_rdfxml(path) if page.endswith(".rdf") else read_turtle(path)
        on_page = {str(s).rsplit("/", 1)[1]: s for s in graph.subjects_of_type(DCAT + "Dataset")}
        for name in names:
            if name not in on_page:
                sys.exit("%s is not a dataset of dcat/%s/%s" % (name, catalogue, page))
            ds = read_dataset(graph, on_page[name], catalogue, page)
            publisher = ds["publisher"]["uri"]
            if publisher not in orgs_by_publisher:
                created = HARVEST_SOURCES[catalogue][1] - timedelta(days=3, minutes=-7 * len(organizations))
                orgs_by_publisher[publisher] = organization(rng, ds, created)
                organizations.append(orgs_by_publisher[publisher])
            number += 1
            record, uri = package(rng, ds, orgs_by_publisher[publisher], number, harvest, creator)
            packages.append(record)
            rows.append((record["name"], uri, ds["file"], ds["iri"]))
    document = {
        "portal": {"name": "dataportal-nord", "title": "Dataportal Nord", "url": "https://dataportal-nord.example",
                   "language": "sv",
                   "description": "Fiktiv aggregator: skördar Dataportal Norrvikens län (DCAT-AP-SE) och Datakatalog for "
                                  "Fjordvik og Vestlia (DCAT-AP-NO) med ckanext-dcat och publicerar datamängderna på nytt. "
                                  "Svenska och norska titlar, engelska där källan har dem.",
                   "ckan_version": "2.10.4"},
        "organizations": organizations,
        "packages": packages,
    }
    return document, rows


# --------------------------------------------------------------------------------------------- checks

def check(document, rows):
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    json.loads(text)
    known = catalogue_datasets()
    problems = []
    packages = document["packages"]
    if len(packages) != 24:
        problems.append("expected 24 packages, found %d" % len(packages))
    for key in ("id", "name"):
        values = [p[key] for p in packages]
        if len(set(values)) != len(values):
            problems.append("duplicate package %ss" % key)
    for p in packages:
        if not re.fullmatch(r"[a-z0-9_-]{2,100}", p["name"]):
            problems.append("bad name %r" % p["name"])
        if p["state"] != "active" or p["private"] or p["type"] != "dataset":
            problems.append("%s is not an active public dataset" % p["name"])
        for tag in p["tags"]:
            if not re.fullmatch(r"[\w .-]{2,100}", tag["name"]):
                problems.append("bad tag %r" % tag["name"])
    varied = 0
    for name, uri, source_file, iri in rows:
        matches = [(k, f) for k, f in known if normalise(k) == normalise(uri)]
        if len(matches) != 1 or matches[0] != (iri, source_file):
            problems.append("%s: uri %s matches %r" % (name, uri, matches))
        varied += uri != iri
    if varied != len(VARIANTS):
        problems.append("expected %d varied uris, found %d" % (len(VARIANTS), varied))
    if problems:
        sys.exit("\n".join(problems))
    return text, len(known)


def main():
    document, rows = build()
    text, known = check(document, rows)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    width = max(len(name) for name, _, _, _ in rows)
    for name, uri, source_file, iri in rows:
        print("%-*s  %-80s  %s%s" % (width, name, uri, source_file, "" if uri == iri else "  (variant)"))
    print("dataportal-nord: %d packages, %d organizations; every uri matches one of %d DCAT dataset IRIs"
          % (len(document["packages"]), len(document["organizations"]), known))


if __name__ == "__main__":
    main()
