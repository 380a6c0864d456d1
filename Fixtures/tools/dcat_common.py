"""Controlled vocabularies and small helpers shared by the three DCAT fixture catalogues."""
import hashlib

from dcat_writers import IRI, Lit, Node

EU = "http://publications.europa.eu/resource/authority/"
THEME = EU + "data-theme/"
FREQ = EU + "frequency/"
FILE_TYPE = EU + "file-type/"
LANGUAGE = EU + "language/"
ACCESS = EU + "access-right/"
LICENCE = EU + "licence/"
COUNTRY = EU + "country/"
DATASET_TYPE = EU + "dataset-type/"
IANA = "https://www.iana.org/assignments/media-types/"
PUBLISHER_TYPE = "http://purl.org/adms/publishertype/"
SPDX = "http://spdx.org/rdf/terms#"
CC0 = "http://creativecommons.org/publicdomain/zero/1.0/"
CC_BY_4 = "https://creativecommons.org/licenses/by/4.0/"
HYDRA = "http://www.w3.org/ns/hydra/core#"

# key: (EU file-type code, IANA media type, file extension)
FORMATS = {
    "CSV": ("CSV", "text/csv", "csv"),
    "JSON": ("JSON", "application/json", "json"),
    "GEOJSON": ("GEOJSON", "application/geo+json", "geojson"),
    "XLSX": ("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "XML": ("XML", "application/xml", "xml"),
    "SHP": ("SHP", "application/zip", "zip"),
    "GPKG": ("GPKG", "application/geopackage+sqlite3", "gpkg"),
    "PDF": ("PDF", "application/pdf", "pdf"),
    "NETCDF": ("NETCDF", "application/netcdf", "nc"),
    "TTL": ("RDF_TURTLE", "text/turtle", "ttl"),
}

# The prefixes every catalogue declares (each adds its own).
BASE_PREFIXES = [
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("dcat", "http://www.w3.org/ns/dcat#"),
    ("dct", "http://purl.org/dc/terms/"),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
    ("vcard", "http://www.w3.org/2006/vcard/ns#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("adms", "http://www.w3.org/ns/adms#"),
    ("spdx", SPDX),
    ("locn", "http://www.w3.org/ns/locn#"),
    ("hydra", HYDRA),
]


def checksum(seed_text):
    """A spdx:Checksum node whose SHA-256 is derived from `seed_text` (stable across runs)."""
    return (Node(None, ["spdx:Checksum"])
            .add("spdx:algorithm", IRI(SPDX + "checksumAlgorithm_sha256"))
            .add("spdx:checksumValue", Lit(hashlib.sha256(seed_text.encode("utf-8")).hexdigest(), dt="xsd:hexBinary")))


def period(start, end):
    node = Node(None, ["dct:PeriodOfTime"]).add("dcat:startDate", Lit(start, dt="xsd:date"))
    if end:
        node.add("dcat:endDate", Lit(end, dt="xsd:date"))
    return node


def date(rng, year_from, year_to):
    return "%04d-%02d-%02d" % (rng.randint(year_from, year_to), rng.randint(1, 12), rng.randint(1, 28))


def datetime_after(rng, day):
    year = int(day[:4]) + rng.randint(0, 2)
    return "%04d-%02d-%02dT%02d:%02d:%02d" % (min(year, 2025), rng.randint(1, 12), rng.randint(1, 28),
                                            rng.randint(6, 18), rng.randint(0, 59), rng.randint(0, 59))


def slug(text):
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "ø": "o", "æ": "ae", "é": "e", "ü": "u"})
    out = "".join(ch if ch.isalnum() else "-" for ch in text.lower().translate(table))
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")[:70]


def pages(items, per_page):
    return [items[i:i + per_page] for i in range(0, len(items), per_page)]


def hydra_links(node, index, count, extension, total, per_page, legacy=False):
    """Adds Hydra paging links to a page node: relative IRIs (`page-2.rdf`) the page URL resolves."""
    name = "page-%d." + extension
    node.add("hydra:totalItems", Lit(str(total), dt="xsd:integer"))
    node.add("hydra:itemsPerPage", Lit(str(per_page), dt="xsd:integer"))
    node.add("hydra:first", IRI(name % 1))
    node.add("hydra:last", IRI(name % count))
    if index > 1:
        node.add("hydra:previous", IRI(name % (index - 1)))
    if index < count:
        node.add("hydra:next", IRI(name % (index + 1)))
    if legacy:
        # Older ckanext-dcat vocabulary, still published beside the current terms by some portals.
        node.add("hydra:firstPage", IRI(name % 1))
        node.add("hydra:lastPage", IRI(name % count))
        if index < count:
            node.add("hydra:nextPage", IRI(name % (index + 1)))
        if index > 1:
            node.add("hydra:previousPage", IRI(name % (index - 1)))
    return node
