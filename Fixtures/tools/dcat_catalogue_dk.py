"""Fictional Danish catalogue "Havnstrup Kommunes datakatalog", JSON-LD (@graph), modelled on DCAT-AP-DK.

What DCAT-AP-DK (digst.dk) shows and this catalogue follows: Danish and English titles and descriptions; a
publisher (foaf:Organization with foaf:name da/en and the CVR number as dct:identifier) or, where there is none,
dcat-dk:datasetResponsibleOrganisation; EU data themes, frequencies, languages, access rights and file types;
IANA media types; byte sizes as xsd:decimal (as the profile's own example writes them); and, like that example,
one dataset using the older publications.europa.eu/resource/dataset/… IRIs for language and file type.
The @context is the bundled DCAT 3 context plus an inline object for the dcat-dk prefix.
"""
import random

from dcat_common import (ACCESS, CC0, CC_BY_4, COUNTRY, FILE_TYPE, FORMATS, FREQ, IANA, LANGUAGE, LICENCE,
                         PUBLISHER_TYPE, THEME, checksum, date, datetime_after, hydra_links, pages, period, slug)
from dcat_writers import IRI, Lit, Node, jsonld

CATALOG = "https://datakatalog.havnstrup.example"
FILES = "https://data.havnstrup.example"
GEONAMES_DENMARK = "http://sws.geonames.org/2623032/"
DCATDK = "https://data.gov.dk/model/core/dcat-dk/"
PER_PAGE = 20
CONTEXT = ["https://www.w3.org/ns/dcat3.jsonld", {"dcat-dk": DCATDK}]

# key: (CVR number, da name, en name, ADMS publisher type, e-mail, telephone)
ORGS = {
    "havnstrup": ("99000011", "Havnstrup Kommune", "Havnstrup Municipality", "LocalAuthority",
                  "data@havnstrup.example", "+4570000011"),
    "lyngvig": ("99000022", "Lyngvig Kommune", "Lyngvig Municipality", "LocalAuthority",
               "kommunen@lyngvig.example", "+4570000022"),
    "sandby": ("99000077", "Sandby Kommune", "Sandby Municipality", "LocalAuthority",
               "post@sandby.example", "+4570000077"),
    "region": ("99000033", "Region Vestkyst", "Vestkyst Region", "RegionalAuthority",
               "kontakt@regionvestkyst.example", "+4570000033"),
    "kyst": ("99000044", "Styrelsen for Kystdata", "Danish Agency for Coastal Data", "NationalAuthority",
             "kystdata@kyststyrelsen.example", "+4570000044"),
    "forsyning": ("99000055", "Havnstrup Forsyning A/S", "Havnstrup Utilities", "Company",
                  "kundeservice@havnstrupforsyning.example", "+4570000055"),
    "uni": ("99000066", "Vestkyst Universitet", "University of the West Coast", "Academia-ScientificOrganisation",
            "forskningsdata@vestkystuni.example", "+4570000066"),
}
MUNICIPAL = ["havnstrup", "lyngvig", "sandby"]

# (da title, en title or None, da description, en description or None, da keywords, en keywords, themes,
#  publisher or None for the municipality, formats, frequency)
TOPICS = [
    ("Parkeringspladser", "Parking spaces", "Offentlige parkeringspladser med zone, antal båse og tidsbegrænsning.",
     "Public parking with zone, number of bays and time limit.", ["parkering"], ["parking"], ["TRAN"], None,
     ["GEOJSON", "CSV"], "QUARTERLY"),
    ("Legepladser", "Playgrounds", "Kommunale legepladser med redskaber og aldersgruppe.", None,
     ["legeplads", "børn"], ["playgrounds"], ["SOCI", "EDUC"], None, ["GEOJSON"], "ANNUAL"),
    ("Affaldsindsamling", "Waste collection", "Tømningsdage og ruter for dagrenovation og genbrug pr. adresseområde.",
     "Collection days and routes for household waste and recycling per address area.", ["affald", "genbrug"],
     ["waste"], ["ENVI"], None, ["CSV", "JSON"], "WEEKLY"),
    ("Byrådets beslutninger", "Decisions of the city council", "Beslutningsprotokoller fra byrådsmøder med punkt og afstemning.",
     None, ["byråd", "dagsorden"], ["council"], ["GOVE"], None, ["JSON", "PDF"], "MONTHLY"),
    ("Skoledistrikter", "School districts", "Skoledistrikter for folkeskoler med adressegrænser.",
     "Public school districts with address boundaries.", ["skole", "skoledistrikt"], ["schools"], ["EDUC"], None,
     ["GEOJSON", "GPKG"], "ANNUAL"),
    ("Badevandskvalitet", "Bathing water quality", "Målinger af E. coli og enterokokker ved kommunens badestrande.",
     "E. coli and enterococci measurements at the municipality's beaches.", ["badevand", "strand"], ["bathing water"],
     ["HEAL", "ENVI"], None, ["CSV"], "WEEKLY"),
    ("Kommunens regnskab", "Municipal accounts", "Regnskab fordelt på hovedkonto og funktion, i 1.000 kr.", None,
     ["regnskab", "økonomi"], ["accounts"], ["ECON", "GOVE"], None, ["XLSX", "CSV"], "ANNUAL"),
    ("Cykelstier", "Cycle paths", "Cykelstier og cykelbaner med belægning og bredde.", "Cycle paths and lanes with surface and width.",
     ["cykelsti", "cykling"], ["cycling"], ["TRAN"], None, ["GPKG", "GEOJSON"], "IRREG"),
    ("Vandforbrug", "Water consumption", "Månedligt vandforbrug pr. forsyningsområde og kundetype.",
     "Monthly water consumption per supply area and customer type.", ["vand", "forbrug"], ["water"], ["ENVI", "ENER"],
     "forsyning", ["CSV"], "MONTHLY"),
    ("Kystlinje og erosion", "Coastline and erosion", "Årlige opmålinger af kystlinjen og beregnet erosion pr. strækning.",
     "Annual coastline surveys and computed erosion per stretch.", ["kyst", "erosion", "klima"], ["coast", "erosion"],
     ["ENVI", "REGI"], "kyst", ["GPKG", "SHP"], "ANNUAL"),
    ("Havvandstand", "Sea level", "Vandstand målt hvert 10. minut ved kystnære målestationer.", None,
     ["vandstand", "stormflod"], ["sea level"], ["ENVI"], "kyst", ["NETCDF", "CSV"], "DAILY"),
    ("Ventetider på sygehuse", "Hospital waiting times", "Gennemsnitlige ventetider pr. afdeling og behandlingstype.",
     "Average waiting times per department and treatment type.", ["sundhed", "ventetid"], ["health", "waiting times"],
     ["HEAL"], "region", ["CSV", "XLSX"], "MONTHLY"),
    ("Regionale busruter", "Regional bus routes", "Regionale busruter og stoppesteder i GTFS-lignende tabeller.", None,
     ["bus", "kollektiv trafik"], ["bus"], ["TRAN"], "region", ["CSV", "XML"], "WEEKLY"),
    ("Forskningsprojekter", "Research projects", "Projekter med finansiering, periode og deltagende institutter.",
     "Projects with funding, period and participating departments.", ["forskning"], ["research"], ["EDUC", "TECH"],
     "uni", ["JSON", "TTL"], "MONTHLY"),
]


def org_node(key):
    cvr, da, en, kind, _, _ = ORGS[key]
    return (Node(CATALOG + "/organisation/" + cvr, ["foaf:Organization"])
            .add("dct:identifier", Lit(cvr))
            .add("foaf:name", Lit(da, "da"), Lit(en, "en"))
            .add("dct:type", IRI(PUBLISHER_TYPE + kind)))


def contact_node(key, unit):
    _, da, _, _, email, phone = ORGS[key]
    return (Node(None, ["vcard:Organization"])
            .add("vcard:fn", Lit(da + ", " + unit, "da"))
            .add("vcard:hasEmail", IRI("mailto:" + email))
            .add("vcard:hasTelephone", IRI("tel:" + phone)))


def confidentiality(label_da, label_en):
    return (Node(None, ["skos:Concept"])
            .add("skos:prefLabel", Lit(label_da, "da"), Lit(label_en, "en")))


def distribution(ds_iri, number, fmt, url, title_da, licence, rng, title_en=None, legacy=False):
    code, media, extension = FORMATS[fmt]
    node = Node("%s/distribution/%d" % (ds_iri, number), ["dcat:Distribution"])
    node.add("dct:title", Lit(title_da, "da"))
    if title_en:
        node.add("dct:title", Lit(title_en, "en"))
    node.add("dcat:accessURL", IRI(url))
    node.add("dcat:downloadURL", IRI(url))
    if legacy:
        node.add("dct:format", IRI("http://publications.europa.eu/resource/dataset/file-type/" + extension))
    else:
        node.add("dct:format", IRI(FILE_TYPE + code))
    node.add("dcat:mediaType", IRI(IANA + media))
    node.add("dct:license", IRI(licence))
    node.add("dcat:byteSize", Lit(str(rng.randint(5_000, 60_000_000)), dt="xsd:decimal"))
    node.add("spdx:checksum", checksum(url))
    return node


def dataset(rng, iri, topic, owner, year, index):
    da, en, desc_da, desc_en, kw_da, kw_en, themes, publisher, formats, frequency = topic
    publisher = publisher or owner
    suffix_da = " – " + ORGS[owner][1] if topic[7] is None else " %d" % year
    suffix_en = " – " + ORGS[owner][2] if topic[7] is None else " %d" % year
    node = Node(iri, ["dcat:Dataset"])
    node.add("dct:title", Lit(da + suffix_da, "da"))
    if en and index % 3 != 2:
        node.add("dct:title", Lit(en + suffix_en, "en"))
    node.add("dct:description", Lit(desc_da, "da"))
    if desc_en:
        node.add("dct:description", Lit(desc_en, "en"))
    node.add("dct:identifier", Lit(iri.rsplit("/", 1)[1]))
    for word in kw_da:
        node.add("dcat:keyword", Lit(word, "da"))
    for word in kw_en:
        node.add("dcat:keyword", Lit(word, "en"))
    for theme in themes:
        node.add("dcat:theme", IRI(THEME + theme))
    node.add("dct:publisher", org_node(publisher))
    if index % 4 == 0:
        node.add("dcat-dk:datasetResponsibleOrganisation", IRI(org_node(publisher).iri))
    node.add("dcat:contactPoint", contact_node(publisher, "Data og digitalisering"))
    issued = date(rng, 2016, 2023)
    node.add("dct:issued", Lit(issued, dt="xsd:date"))
    node.add("dct:modified", Lit(datetime_after(rng, issued) + "+01:00", dt="xsd:dateTime"))
    node.add("dct:accrualPeriodicity", IRI(FREQ + frequency))
    node.add("dct:language", IRI(LANGUAGE + "DAN"))
    node.add("dct:accessRights", IRI(ACCESS + "PUBLIC"))
    if index % 5 == 1:
        node.add("dcat-dk:hasConfidentialityType", confidentiality("Offentlig", "Public"))
    node.add("dct:spatial", IRI(GEONAMES_DENMARK if index % 2 else COUNTRY + "DNK"))
    if index % 3 == 0:
        node.add("dct:temporal", period("%d-01-01" % (year - 3), "%d-12-31" % year))
    node.add("dcat:landingPage", IRI(CATALOG + "/datasaet/" + iri.rsplit("/", 1)[1]))
    licence = [CC_BY_4, CC0, LICENCE + "CC_BY_4_0"][index % 3]
    node.add("dct:license", IRI(licence))
    for number, fmt in enumerate(formats, start=1):
        url = "%s/%s/%s.%s" % (FILES, publisher, slug(da + suffix_da), FORMATS[fmt][2])
        node.add("dcat:distribution", distribution(iri, number, fmt, url, "%s (%s)" % (da + suffix_da, fmt), licence, rng))
    return node


def hand_written(rng):
    out = {}
    h1 = Node(CATALOG + "/datasaet/trafiktaellinger-h1", ["dcat:Dataset"])
    h1.add("dct:title", Lit("Trafiktællinger på kommuneveje", "da"), Lit("Traffic counts on municipal roads", "en"))
    h1.add("dct:description", Lit("Årsdøgntrafik og andel tunge køretøjer fra kommunens faste tællestationer.", "da"),
           Lit("Annual average daily traffic and share of heavy vehicles from fixed counting stations.", "en"))
    h1.add("dct:identifier", Lit("trafiktaellinger-h1"))
    h1.add("dcat:keyword", Lit("trafik", "da"), Lit("tælling", "da"), Lit("traffic", "en"))
    h1.add("dcat:theme", IRI(THEME + "TRAN"))
    h1.add("dct:publisher", org_node("havnstrup"))
    h1.add("dcat:contactPoint", contact_node("havnstrup", "Vej og Park"))
    h1.add("dct:issued", Lit("2017-04-03", dt="xsd:date"))
    h1.add("dct:modified", Lit("2024-10-01T09:30:00+02:00", dt="xsd:dateTime"))
    h1.add("dct:accrualPeriodicity", IRI(FREQ + "ANNUAL"))
    h1.add("dct:language", IRI(LANGUAGE + "DAN"), IRI(LANGUAGE + "ENG"))
    h1.add("dct:accessRights", IRI(ACCESS + "PUBLIC"))
    h1.add("dct:spatial", IRI(GEONAMES_DENMARK))
    h1.add("dct:temporal", period("2012-01-01", "2023-12-31"))
    h1.add("dct:license", IRI(CC_BY_4))
    h1.add("dcat:landingPage", IRI("https://www.havnstrup.example/trafik/taellinger"))
    h1.add("dcat:distribution",
           distribution(h1.iri, 1, "CSV", FILES + "/havnstrup/trafik/aadt-2012-2023.csv", "Årsdøgntrafik 2012–2023",
                        CC_BY_4, rng, title_en="Annual average daily traffic 2012–2023"),
           distribution(h1.iri, 2, "GEOJSON", FILES + "/havnstrup/trafik/taellestationer.geojson", "Tællestationer",
                        CC_BY_4, rng))
    out["h1"] = h1

    # No dct:publisher, only the responsible organisation (the DK profile accepts either).
    h2 = Node(CATALOG + "/datasaet/groenne-omraader-h2", ["dcat:Dataset"])
    h2.add("dct:title", Lit("Grønne områder og parker", "da"), Lit("Green areas and parks", "en"))
    h2.add("dct:description", Lit("Parker, naturområder og grønne kiler med plejeniveau.", "da"))
    h2.add("dcat:theme", IRI(THEME + "ENVI"))
    h2.add("dcat-dk:datasetResponsibleOrganisation", org_node("lyngvig"))
    h2.add("dcat:contactPoint", contact_node("lyngvig", "Natur og Miljø"))
    h2.add("dct:issued", Lit("2021-05-12", dt="xsd:date"))
    h2.add("dct:accrualPeriodicity", IRI(FREQ + "IRREG"))
    h2.add("dct:accessRights", IRI(ACCESS + "PUBLIC"))
    h2.add("dcat-dk:hasConfidentialityType", confidentiality("Offentlig", "Public"))
    h2.add("dct:license", IRI(CC0))
    h2.add("dcat:distribution",
           distribution(h2.iri, 1, "GPKG", "https://www.lyngvig.example/gis/groenne-omraader.gpkg", "Grønne områder",
                        CC0, rng))
    out["h2"] = h2

    # As in the profile's own example: language and file type from publications.europa.eu/resource/dataset/…
    h3 = Node(CATALOG + "/datasaet/befolkningstal-h3", ["dcat:Dataset"])
    h3.add("dct:title", Lit("Befolkningstal pr. sogn", "da"), Lit("Population per parish", "en"))
    h3.add("dct:description", Lit("Folketal 1. januar fordelt på sogn, køn og alder.", "da"))
    h3.add("dcat:theme", IRI(THEME + "SOCI"))
    h3.add("dct:publisher", org_node("havnstrup"))
    h3.add("dct:creator", org_node("havnstrup"))
    h3.add("dct:issued", Lit("2011-12-05", dt="xsd:date"))
    h3.add("dct:modified", Lit("2024-02-15", dt="xsd:date"))
    h3.add("dct:accrualPeriodicity", IRI(FREQ + "ANNUAL"))
    h3.add("dct:language", IRI("http://publications.europa.eu/resource/dataset/language/DAN"))
    h3.add("dcat-dk:personalDataCategory", Node(None, ["skos:Concept"])
           .add("skos:prefLabel", Lit("Ingen personoplysninger", "da"), Lit("No personal data", "en")))
    h3.add("dcat:distribution",
           distribution(h3.iri, 1, "CSV", FILES + "/havnstrup/befolkning/sogn.csv", "Befolkning pr. sogn",
                        CC_BY_4, rng, legacy=True))
    out["h3"] = h3

    # Restricted data, no download, confidentiality stated.
    h4 = Node(CATALOG + "/datasaet/elevfravaer-h4", ["dcat:Dataset"])
    h4.add("dct:title", Lit("Elevfravær i folkeskolen", "da"))
    h4.add("dct:description", Lit("Fravær pr. elev og skole. Udleveres kun efter aftale.", "da"))
    h4.add("dcat:theme", IRI(THEME + "EDUC"))
    h4.add("dct:publisher", org_node("havnstrup"))
    h4.add("dct:accessRights", IRI(ACCESS + "RESTRICTED"))
    h4.add("dcat-dk:hasConfidentialityType", confidentiality("Fortrolig", "Confidential"))
    h4.add("dcat-dk:personalDataCategory", Node(None, ["skos:Concept"])
           .add("skos:prefLabel", Lit("Almindelige personoplysninger", "da")))
    h4.add("dcat:distribution", Node(h4.iri + "/distribution/1", ["dcat:Distribution"])
           .add("dct:title", Lit("Anmodning om adgang", "da"))
           .add("dcat:accessURL", IRI("https://www.havnstrup.example/selvbetjening/dataadgang")))
    out["h4"] = h4
    return out


def catalogue_node(chunk):
    node = Node(CATALOG + "/katalog", ["dcat:Catalog"])
    node.add("dct:title", Lit("Havnstrup Kommunes datakatalog", "da"), Lit("Havnstrup Municipality data catalogue", "en"))
    node.add("dct:description", Lit("Data fra Havnstrup Kommune og samarbejdspartnere på Vestkysten.", "da"))
    node.add("dct:publisher", org_node("havnstrup"))
    node.add("foaf:homepage", IRI(CATALOG + "/"))
    node.add("dct:language", IRI(LANGUAGE + "DAN"))
    node.add("dct:license", IRI(CC_BY_4))
    node.add("hydra:view", IRI(""))
    for ds in chunk:
        node.add("dcat:dataset", IRI(ds.iri))
    return node


def build():
    rng = random.Random(8_600)
    hand = hand_written(rng)
    generated, used, index = [], set(), 0
    while len(generated) < 56:
        topic = TOPICS[index % len(TOPICS)]
        owner = MUNICIPAL[(index // len(TOPICS)) % len(MUNICIPAL)]
        year = 2024 - (index // len(TOPICS)) % 6
        name = slug(topic[0] + "-" + (owner if topic[7] is None else str(year)))
        index += 1
        if name in used:
            continue
        used.add(name)
        generated.append(dataset(rng, CATALOG + "/datasaet/" + name, topic, owner, year, index))
    items = [hand["h1"]] + generated[:10] + [hand["h2"]] + generated[10:30] + [hand["h3"]] + generated[30:] + [hand["h4"]]
    chunks = pages(items, PER_PAGE)
    out = []
    for number, chunk in enumerate(chunks, start=1):
        page = hydra_links(Node("", ["hydra:PartialCollectionView"]), number, len(chunks), "jsonld", len(items), PER_PAGE)
        out.append(("page-%d.jsonld" % number, jsonld(CONTEXT, [catalogue_node(chunk), page] + chunk)))
    return out, len(items)
