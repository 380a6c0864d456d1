"""Fictional Norwegian catalogue "Datakatalog for Fjordvik og Vestlia", Turtle, modelled on DCAT-AP-NO.

What DCAT-AP-NO (data.norge.no, Digdir) shows and this catalogue follows: rdf:langString titles, descriptions
and keywords in nb, nn and en; publishers as agents with the organisation number as dct:identifier; dcat:theme
with both EU data themes and Los themes (psi.norge.no/los/tema/…); dct:type; dct:subject links to concepts;
adms:identifier; dct:conformsTo standards; DQV quality annotations (dqvno:isAuthoritative and annotations with
a dimension and a textual body); dcatno:accessRightsComment / legalBasisForRestriction on restricted data;
NLOD and CC BY licences on distributions.
"""
import random

from dcat_common import (ACCESS, BASE_PREFIXES, CC_BY_4, COUNTRY, DATASET_TYPE, FILE_TYPE, FORMATS, FREQ, IANA,
                         LANGUAGE, PUBLISHER_TYPE, THEME, checksum, date, hydra_links, pages, period, slug)
from dcat_writers import IRI, Lit, Node, Prefixes, turtle

CATALOG = "https://data.fjordvik.example"
FILES = "https://filer.fjordvik.example"
LOS = "http://psi.norge.no/los/tema/"
NLOD = "http://data.norge.no/nlod/no/2.0"
DQVNO = "https://data.norge.no/vocabulary/dqvno#"
GEONAMES_NORWAY = "http://sws.geonames.org/3144096/"
PER_PAGE = 21

PREFIXES = Prefixes(BASE_PREFIXES + [
    ("dcatno", "https://data.norge.no/vocabulary/dcatno#"),
    ("dqv", "http://www.w3.org/ns/dqv#"),
    ("dqvno", DQVNO),
    ("oa", "http://www.w3.org/ns/oa#"),
    ("dcatap", "http://data.europa.eu/r5r/"),
])

# key: (organisation number, nb name, nn name, en name, ADMS publisher type, e-mail, telephone, unit)
ORGS = {
    "fjordvik": ("990000101", "Fjordvik kommune", "Fjordvik kommune", "Fjordvik Municipality", "LocalAuthority",
                 "postmottak@fjordvik.example", "+4755000000", "Seksjon for geodata og analyse"),
    "vestlia": ("990000202", "Vestlia fylkeskommune", "Vestlia fylkeskommune", "Vestlia County Council",
                "RegionalAuthority", "post@vestlia-fylke.example", "+4755100000", "Samferdselsavdelinga"),
    "hamn": ("990000303", "Fjordvik hamn KF", "Fjordvik hamn KF", "Port of Fjordvik", "LocalAuthority",
             "hamn@fjordvik.example", "+4755200000", "Hamnekontoret"),
    "fjord": ("990000404", "Direktoratet for fjordforvaltning", "Direktoratet for fjordforvalting",
              "Norwegian Directorate for Fjord Management", "NationalAuthority", "data@fjorddirektoratet.example",
              "+4722000000", "Avdeling for kystdata"),
    "energi": ("990000505", "Fjordvik Energi AS", "Fjordvik Energi AS", "Fjordvik Energy", "Company",
               "kundesenter@fjordvikenergi.example", "+4755300000", "Nettavdelingen"),
    "havoy": ("990000707", "Havøy kommune", "Havøy kommune", "Havøy Municipality", "LocalAuthority",
              "postmottak@havoy.example", "+4755500000", "Plan og miljø"),
    "museum": ("990000606", "Vestlia museum", "Vestlia museum", "Vestlia Museum", "NonProfitOrganisation",
               "samlingar@vestliamuseum.example", "+4755400000", "Samlingsforvaltning"),
}
MUNICIPAL = ["fjordvik", "vestlia", "havoy"]

# (nb title, nn title or None, en title or None, nb description, en description or None, nb keywords, en keywords,
#  EU themes, Los themes, dataset type, publisher or None, formats, frequency)
TOPICS = [
    ("Badeplasser", "Badeplassar", "Bathing sites", "Offentlige badeplasser med fasiliteter, universell utforming og badevannsprøver.",
     "Public bathing sites with facilities, accessibility and bathing water samples.", ["badeplass", "friluftsliv"],
     ["bathing"], ["HEAL", "ENVI"], ["friluftsliv", "folkehelse"], "GEOSPATIAL", None, ["GEOJSON", "CSV"], "WEEKLY"),
    ("Barnehager", "Barnehagar", "Kindergartens", "Kommunale og private barnehager med adresse, eierform og antall plasser.",
     "Municipal and private kindergartens with address, ownership and places.", ["barnehage"], ["kindergarten"],
     ["EDUC"], ["barnehage"], "GEOSPATIAL", None, ["CSV", "GEOJSON"], "ANNUAL"),
    ("Avfallsmottak og returpunkter", "Avfallsmottak og returpunkt", "Waste reception and return points",
     "Gjenvinningsstasjoner og returpunkter for glass og metall med åpningstider.", None,
     ["avfall", "gjenvinning"], ["waste"], ["ENVI"], ["avfallshandtering"], "GEOSPATIAL", None, ["GEOJSON"], "MONTHLY"),
    ("Bibliotekutlån", "Bibliotekutlån", "Library loans", "Utlån per bibliotekfilial og medietype per måned.",
     "Loans per library branch and media type per month.", ["bibliotek", "utlån"], ["library"],
     ["EDUC", "SOCI"], ["bibliotek"], "STATISTICAL", None, ["CSV"], "MONTHLY"),
    ("Brannstasjoner og utrykningstid", "Brannstasjonar og utrykkingstid", "Fire stations and response times",
     "Brannstasjoner med dekningsområde og median utrykningstid.", None, ["brann", "beredskap"], ["fire service"],
     ["JUST", "GOVE"], ["brann"], "STATISTICAL", None, ["CSV", "XLSX"], "ANNUAL"),
    ("Byggesaker", "Byggjesaker", "Building applications", "Behandlede byggesaker med saksnummer, gnr/bnr, tiltakstype og vedtak.",
     "Processed building applications with case number, cadastral unit, type of work and decision.",
     ["byggesak", "eiendom"], ["building"], ["GOVE", "REGI"], ["bygg-og-eiendom"], "STATISTICAL", None, ["CSV", "JSON"],
     "MONTHLY"),
    ("Energibruk i kommunale bygg", "Energibruk i kommunale bygg", "Energy use in municipal buildings",
     "Målt energibruk per bygg og energibærer, i kWh.", "Measured energy use per building and energy carrier, in kWh.",
     ["energi", "bygg"], ["energy"], ["ENER"], ["energi"], "STATISTICAL", None, ["CSV"], "MONTHLY"),
    ("Turløyper og stier", "Turløyper og stiar", "Hiking trails", "Merkede turstier og skiløyper med gradering og lengde.",
     "Marked hiking trails and ski tracks with grading and length.", ["turløype", "sti", "friluftsliv"], ["hiking"],
     ["HEAL", "TRAN"], ["friluftsliv"], "GEOSPATIAL", None, ["GPKG", "GEOJSON"], "IRREG"),
    ("Folkehelseprofil", "Folkehelseprofil", "Public health profile", "Utvalgte folkehelseindikatorer for kommunen over tid.",
     None, ["folkehelse", "indikatorer"], ["public health"], ["HEAL"], ["folkehelse"], "STATISTICAL", None, ["XLSX", "CSV"],
     "ANNUAL"),
    ("Skoleskyss", "Skuleskyss", "School transport", "Elever med rett til skoleskyss per skole og transportmiddel.", None,
     ["skoleskyss", "kollektivtransport"], ["school transport"], ["TRAN", "EDUC"], ["skole-og-utdanning"],
     "STATISTICAL", "vestlia", ["CSV"], "ANNUAL"),
    ("Anløp og godsomslag", "Anløp og godsomslag", "Port calls and cargo", "Skipsanløp og godsmengder per kai og varegruppe.",
     "Ship calls and cargo volumes per quay and commodity group.", ["havn", "skipsfart"], ["port", "shipping"],
     ["TRAN", "ECON"], ["bat-havn-og-kyst"], "STATISTICAL", "hamn", ["CSV", "JSON"], "MONTHLY"),
    ("Sjøtemperatur i fjordene", "Sjøtemperatur i fjordane", "Sea temperature in the fjords",
     "Temperatur og saltholdighet målt fra faste bøyer i fjordsystemet.",
     "Temperature and salinity from fixed buoys in the fjord system.", ["sjøtemperatur", "hav"], ["sea temperature"],
     ["ENVI"], ["natur-klima-og-miljo", "var-og-klima"], "STATISTICAL", "fjord", ["NETCDF", "CSV"], "DAILY"),
    ("Akvakulturlokaliteter", "Akvakulturlokalitetar", "Aquaculture sites",
     "Godkjente lokaliteter for akvakultur med art, kapasitet og status.", None, ["akvakultur", "havbruk"],
     ["aquaculture"], ["AGRI", "ENVI"], ["natur-klima-og-miljo"], "GEOSPATIAL", "fjord", ["GEOJSON", "SHP"], "WEEKLY"),
    ("Strømbrudd", "Straumbrot", "Power outages", "Registrerte avbrudd i distribusjonsnettet med varighet og antall kunder.",
     "Recorded outages in the distribution grid with duration and customers affected.", ["strøm", "avbrudd"],
     ["power outage"], ["ENER"], ["energi"], "STATISTICAL", "energi", ["CSV"], "MONTHLY"),
    ("Museumssamlingen", "Museumssamlinga", "Museum collection",
     "Registrerte gjenstander og fotografier med datering, materiale og rettigheter.",
     "Registered objects and photographs with dating, material and rights.", ["museum", "kulturarv"],
     ["museum", "heritage"], ["EDUC", "SOCI"], ["kultur-idrett-og-fritid"], "CODE_LIST", "museum", ["JSON", "TTL"],
     "WEEKLY"),
    ("Arbeidsledighet", "Arbeidsløyse", "Unemployment", "Registrerte helt ledige etter alder og kjønn.", None,
     ["arbeid", "ledighet"], ["unemployment"], ["ECON", "SOCI"], ["arbeid"], "STATISTICAL", None, ["CSV"], "MONTHLY"),
]


def org_node(key):
    orgnr, nb, nn, en, kind, _, _, _ = ORGS[key]
    node = Node(CATALOG + "/organisasjon/" + orgnr, ["foaf:Agent"])
    node.add("dct:identifier", Lit(orgnr))
    node.add("foaf:name", Lit(nb, "nb"))
    if nn != nb:
        node.add("foaf:name", Lit(nn, "nn"))
    node.add("foaf:name", Lit(en, "en"))
    node.add("dct:type", IRI(PUBLISHER_TYPE + kind))
    return node


def contact_node(key):
    orgnr, nb, _, _, _, email, phone, unit = ORGS[key]
    node = Node(None, ["vcard:Organization"])
    node.add("vcard:hasOrganizationName", Lit(nb + ", " + unit, "nb"))
    node.add("vcard:hasEmail", IRI("mailto:" + email))
    node.add("vcard:hasTelephone", IRI("tel:" + phone))
    node.add("vcard:hasURL", IRI(CATALOG + "/kontakt/" + orgnr))
    return node


def quality(dimension, text_nb, text_en=None):
    body = Node(None, ["oa:TextualBody"]).add("rdf:value", Lit(text_nb, "nb"))
    if text_en:
        body.add("rdf:value", Lit(text_en, "en"))
    return (Node(None, ["dqv:QualityAnnotation"])
            .add("dqv:inDimension", IRI(dimension))
            .add("oa:motivatedBy", IRI("http://www.w3.org/ns/dqv#qualityAssessment"))
            .add("oa:hasBody", body))


def distribution(ds_iri, number, fmt, url, title_nb, licence, rng, title_en=None):
    code, media, _ = FORMATS[fmt]
    node = Node("%s/distribusjon/%d" % (ds_iri, number), ["dcat:Distribution"])
    node.add("dct:title", Lit(title_nb, "nb"))
    if title_en:
        node.add("dct:title", Lit(title_en, "en"))
    node.add("dcat:accessURL", IRI(url))
    node.add("dcat:downloadURL", IRI(url))
    node.add("dct:format", IRI(FILE_TYPE + code))
    node.add("dcat:mediaType", IRI(IANA + media))
    node.add("dct:license", IRI(licence))
    node.add("dcat:byteSize", Lit(str(rng.randint(1_000, 40_000_000)), dt="xsd:nonNegativeInteger"))
    if number == 1:
        node.add("spdx:checksum", checksum(url))
    return node


def dataset(rng, iri, topic, owner, year, index):
    (nb, nn, en, desc_nb, desc_en, kw_nb, kw_en, themes, los, kind, publisher, formats, frequency) = topic
    publisher = publisher or owner
    suffix = " " + ORGS[owner][1] if topic[10] is None else " %d" % year
    suffix_en = " " + ORGS[owner][3] if topic[10] is None else " %d" % year
    node = Node(iri, ["dcat:Dataset"])
    node.add("dct:title", Lit(nb + suffix, "nb"))
    if nn and index % 3 == 0:
        node.add("dct:title", Lit(nn + suffix, "nn"))
    if en and index % 4 != 1:
        node.add("dct:title", Lit(en + suffix_en, "en"))
    node.add("dct:description", Lit(desc_nb, "nb"))
    if desc_en:
        node.add("dct:description", Lit(desc_en, "en"))
    node.add("dct:identifier", Lit(iri))
    node.add("adms:identifier", Node(None, ["adms:Identifier"]).add("skos:notation", Lit("FJV-%04d" % (100 + index))))
    for word in kw_nb:
        node.add("dcat:keyword", Lit(word, "nb"))
    for word in kw_en:
        node.add("dcat:keyword", Lit(word, "en"))
    for theme in themes:
        node.add("dcat:theme", IRI(THEME + theme))
    for theme in los:
        node.add("dcat:theme", IRI(LOS + theme))
    node.add("dct:type", IRI(DATASET_TYPE + kind))
    node.add("dct:subject", IRI(CATALOG + "/begrep/" + slug(nb)))
    node.add("dct:publisher", org_node(publisher))
    node.add("dcat:contactPoint", contact_node(publisher))
    issued = date(rng, 2015, 2023)
    node.add("dct:issued", Lit(issued, dt="xsd:date"))
    node.add("dct:modified", Lit(date(rng, int(issued[:4]) + 1, 2025), dt="xsd:date"))
    node.add("dct:accrualPeriodicity", IRI(FREQ + frequency))
    node.add("dct:language", IRI(LANGUAGE + "NOB"))
    if nn and index % 3 == 0:
        node.add("dct:language", IRI(LANGUAGE + "NNO"))
    node.add("dct:accessRights", IRI(ACCESS + "PUBLIC"))
    node.add("dct:spatial", IRI(GEONAMES_NORWAY if index % 2 else COUNTRY + "NOR"))
    if kind == "STATISTICAL":
        node.add("dct:temporal", period("%d-01-01" % (year - 5), "%d-12-31" % year))
    if kind == "GEOSPATIAL":
        node.add("dct:conformsTo", Node("https://standard.fjordvik.example/sosi/%s/5.0" % slug(nb), ["dct:Standard"])
                 .add("dct:title", Lit("SOSI produktspesifikasjon for " + nb.lower(), "nb")))
    if index % 5 == 0:
        node.add("dqv:hasQualityAnnotation", IRI(DQVNO + "isAuthoritative"))
    if index % 4 == 2:
        node.add("dqv:hasQualityAnnotation",
                 quality("http://iso.org/25012/2008/dataquality/Currentness", "Oppdateres normalt innen en uke etter endring i fagsystemet."))
    node.add("dcat:landingPage", IRI(CATALOG + "/datasett/" + slug(nb + suffix)))
    licence = NLOD if index % 3 else CC_BY_4
    for number, fmt in enumerate(formats, start=1):
        url = "%s/%s/%s.%s" % (FILES, publisher, slug(nb + suffix), FORMATS[fmt][2])
        node.add("dcat:distribution", distribution(iri, number, fmt, url, "%s (%s)" % (nb + suffix, fmt), licence, rng))
    return node


def hand_written(rng):
    out = {}
    h1 = Node(CATALOG + "/datasett/badevannskvalitet-h1", ["dcat:Dataset"])
    h1.add("dct:title", Lit("Badevannskvalitet i Fjordvik", "nb"), Lit("Badevasskvalitet i Fjordvik", "nn"),
           Lit("Bathing water quality in Fjordvik", "en"))
    h1.add("dct:description",
           Lit("Prøver av E. coli og intestinale enterokokker fra kommunens badeplasser i badesesongen.", "nb"),
           Lit("Samples of E. coli and intestinal enterococci from the municipality's bathing sites in season.", "en"))
    h1.add("dct:identifier", Lit("https://data.fjordvik.example/datasett/badevannskvalitet-h1"))
    h1.add("adms:identifier", Node(None, ["adms:Identifier"]).add("skos:notation", Lit("FJV-0001")))
    h1.add("dcat:keyword", Lit("badevann", "nb"), Lit("badevatn", "nn"), Lit("bathing water", "en"))
    h1.add("dcat:theme", IRI(THEME + "HEAL"), IRI(THEME + "ENVI"), IRI(LOS + "folkehelse"), IRI(LOS + "friluftsliv"))
    h1.add("dct:type", IRI(DATASET_TYPE + "STATISTICAL"))
    h1.add("dct:subject", IRI(CATALOG + "/begrep/badevannsprove"))
    h1.add("dct:publisher", org_node("fjordvik"))
    h1.add("dcat:contactPoint", contact_node("fjordvik"))
    h1.add("dct:issued", Lit("2019-06-01", dt="xsd:date"))
    h1.add("dct:modified", Lit("2024-08-30", dt="xsd:date"))
    h1.add("dct:accrualPeriodicity", IRI(FREQ + "WEEKLY"))
    h1.add("dct:language", IRI(LANGUAGE + "NOB"), IRI(LANGUAGE + "NNO"), IRI(LANGUAGE + "ENG"))
    h1.add("dct:accessRights", IRI(ACCESS + "PUBLIC"))
    h1.add("dct:spatial", IRI(GEONAMES_NORWAY))
    h1.add("dct:temporal", period("2019-06-01", "2024-08-31"))
    h1.add("dct:conformsTo", Node("https://standard.fjordvik.example/badevann/prøvetaking/2.1", ["dct:Standard"])
           .add("dct:title", Lit("Retningslinje for prøvetaking av badevann", "nb")))
    h1.add("dqv:hasQualityAnnotation", IRI(DQVNO + "isAuthoritative"),
           quality(DQVNO + "completeness", "Alle ordinære badeplasser er med; prøver mangler for to uker i 2021.",
                   "All regular bathing sites are included; samples are missing for two weeks in 2021."))
    h1.add("dcat:landingPage", IRI("https://www.fjordvik.example/helse/badevann"))
    h1.add("dcat:distribution",
           distribution(h1.iri, 1, "CSV", FILES + "/fjordvik/badevann/prover-2019-2024.csv", "Badevannsprøver 2019–2024",
                        NLOD, rng, title_en="Bathing water samples 2019–2024"),
           distribution(h1.iri, 2, "GEOJSON", FILES + "/fjordvik/badevann/badeplasser.geojson", "Badeplasser med siste prøve",
                        NLOD, rng))
    out["h1"] = h1

    # Restricted: access rights comment and legal basis, as DCAT-AP-NO asks for non-public data.
    h2 = Node(CATALOG + "/datasett/elevfravaer-h2", ["dcat:Dataset"])
    h2.add("dct:title", Lit("Elevfravær per skole", "nb"), Lit("Elevfråvær per skule", "nn"),
           Lit("Pupil absence per school", "en"))
    h2.add("dct:description", Lit("Dager og timer fravær per elev og skole. Inneholder personopplysninger.", "nb"))
    h2.add("dcat:theme", IRI(THEME + "EDUC"), IRI(LOS + "skole-og-utdanning"))
    h2.add("dct:type", IRI(DATASET_TYPE + "STATISTICAL"))
    h2.add("dct:publisher", org_node("vestlia"))
    h2.add("dcat:contactPoint", contact_node("vestlia"))
    h2.add("dct:issued", Lit("2022-01-10", dt="xsd:date"))
    h2.add("dct:accessRights", IRI(ACCESS + "RESTRICTED"))
    h2.add("dcatno:accessRightsComment", IRI("https://lovdata.no/lov/2006-05-19-16/§13"))
    h2.add("dcatno:legalBasisForRestriction", Node(None, ["skos:Concept"])
           .add("dct:source", IRI("https://lovdata.no/lov/2006-05-19-16/§13"))
           .add("skos:prefLabel", Lit("Offentleglova § 13 – taushetsplikt", "nb")))
    h2.add("dcat:distribution", Node(h2.iri + "/distribusjon/1", ["dcat:Distribution"])
           .add("dct:title", Lit("Innsynsbegjæring", "nb"))
           .add("dcat:accessURL", IRI("https://www.vestlia-fylke.example/innsyn"))
           .add("dct:format", IRI(FILE_TYPE + "XLSX")))
    out["h2"] = h2
    return out


def catalogue_node(chunk):
    node = Node(CATALOG + "/katalog", ["dcat:Catalog"])
    node.add("dct:title", Lit("Datakatalog for Fjordvik og Vestlia", "nb"), Lit("Datakatalog for Fjordvik og Vestlia", "nn"),
             Lit("Data catalogue of Fjordvik and Vestlia", "en"))
    node.add("dct:description", Lit("Datasett fra Fjordvik kommune, Vestlia fylkeskommune og samarbeidende virksomheter.", "nb"))
    node.add("dct:publisher", org_node("fjordvik"))
    node.add("foaf:homepage", IRI(CATALOG + "/"))
    node.add("dct:license", IRI(NLOD))
    node.add("dct:language", IRI(LANGUAGE + "NOB"), IRI(LANGUAGE + "NNO"), IRI(LANGUAGE + "ENG"))
    node.add("dcat:themeTaxonomy", IRI("http://publications.europa.eu/resource/authority/data-theme"),
             IRI("http://psi.norge.no/los/all"))
    node.add("hydra:view", IRI(""))
    for ds in chunk:
        node.add("dcat:dataset", IRI(ds.iri))
    return node


def build():
    rng = random.Random(47_2024)
    hand = hand_written(rng)
    generated, used, index = [], set(), 0
    while len(generated) < 61:
        topic = TOPICS[index % len(TOPICS)]
        owner = MUNICIPAL[(index // len(TOPICS)) % len(MUNICIPAL)]
        year = 2024 - (index // len(TOPICS)) % 6
        name = slug(topic[0] + "-" + (owner if topic[10] is None else str(year)))
        index += 1
        if name in used:
            continue
        used.add(name)
        generated.append(dataset(rng, CATALOG + "/datasett/" + name, topic, owner, year, index))
    items = [hand["h1"]] + generated[:30] + [hand["h2"]] + generated[30:]
    chunks = pages(items, PER_PAGE)
    out = []
    for number, chunk in enumerate(chunks, start=1):
        page = hydra_links(Node("", ["hydra:PartialCollectionView"]), number, len(chunks), "ttl", len(items), PER_PAGE)
        nodes = [catalogue_node(chunk), page] + chunk
        comment = "Fictional test catalogue for Katalog (generated by Fixtures/tools/make_dcat_fixtures.py).\nPage %d of %d." \
            % (number, len(chunks))
        out.append(("page-%d.ttl" % number, turtle(PREFIXES, nodes, comment)))
    return out, len(items)
