"""Fictional Swedish county portal "Dataportal Norrvikens län", RDF/XML, modelled on DCAT-AP-SE.

What DCAT-AP-SE (dataportal.se) asks of a dataset and that this catalogue shows: titles and descriptions in
Swedish with English translations; the publisher as an agent with foaf:name and an ADMS publisher type;
a vCard contact point with e-mail and a telephone node (vcard:hasTelephone [vcard:hasValue <tel:…>]);
EU data themes, frequencies, access rights, languages and file types; IANA media types; licences on the
distributions; dct:PeriodOfTime with dcat:startDate/endDate; keywords in both languages.
"""
import random

from dcat_common import (ACCESS, BASE_PREFIXES, CC0, CC_BY_4, COUNTRY, FILE_TYPE, FORMATS, FREQ, IANA, LANGUAGE,
                         LICENCE, PUBLISHER_TYPE, THEME, checksum, date, datetime_after, hydra_links, pages, period,
                         slug)
from dcat_writers import IRI, Lit, Node, Prefixes, rdfxml

PORTAL = "https://dataportal.norrvik.example"
DATA = "https://data.norrvik.example"
GEONAMES_SWEDEN = "http://sws.geonames.org/2661886/"
PER_PAGE = 22

PREFIXES = Prefixes(BASE_PREFIXES + [("schema", "http://schema.org/"), ("geo", "http://www.opengis.net/ont/geosparql#")])

# key: (sv name, en name, ADMS publisher type, homepage, e-mail, telephone)
ORGS = {
    "norrvik": ("Norrviks kommun", "Municipality of Norrvik", "LocalAuthority", "https://www.norrvik.example/",
                "oppnadata@norrvik.example", "+46-920-450 00"),
    "alstad": ("Ålstads kommun", "Ålstad Municipality", "LocalAuthority", "https://www.alstad.example/",
               "kommun@alstad.example", "+46-921-120 00"),
    "bjorkfors": ("Björkfors kommun", "Björkfors Municipality", "LocalAuthority", "https://www.bjorkfors.example/",
                  "info@bjorkfors.example", "+46-923-140 00"),
    "lst": ("Länsstyrelsen i Norrvikens län", "County Administrative Board of Norrviken", "RegionalAuthority",
            "https://www.lansstyrelsen-norrviken.example/", "geodata@lansstyrelsen-norrviken.example", "+46-10-225 50 00"),
    "trafik": ("Norrvikstrafiken AB", "Norrviken Public Transport", "Company", "https://www.norrvikstrafiken.example/",
               "data@norrvikstrafiken.example", "+46-920-170 70"),
    "energi": ("Norrvik Energi AB", "Norrvik Energy", "Company", "https://www.norrvikenergi.example/",
               "kundservice@norrvikenergi.example", "+46-920-455 00"),
    "uni": ("Norrvikens universitet", "Norrviken University", "Academia-ScientificOrganisation",
            "https://www.norrvikuni.example/", "forskningsdata@norrvikuni.example", "+46-920-490 00"),
    "fjall": ("Institutet för fjällmiljö", "Institute for Mountain Environment", "NationalAuthority",
              "https://www.fjallmiljo.example/", "registrator@fjallmiljo.example", "+46-980-400 00"),
}

MUNICIPAL = ["norrvik", "alstad", "bjorkfors"]

# (sv title, en title or None, sv description, en description or None, sv keywords, en keywords, themes,
#  publisher key or None for "the municipality", formats, frequency)
TOPICS = [
    ("Bygglov och anmälningar", "Building permits and notifications",
     "Beviljade bygglov, rivningslov och anmälningsärenden per månad med fastighetsbeteckning och ärendetyp.",
     "Granted building and demolition permits and notifications per month, with property designation and case type.",
     ["bygglov", "plan- och bygglagen"], ["building permits"], ["GOVE", "REGI"], None, ["CSV", "XLSX"], "MONTHLY"),
    ("Förskolor och skolor", "Preschools and schools",
     "Kommunala och fristående förskolor och grundskolor med adress, huvudman, antal platser och koordinater.",
     "Municipal and independent preschools and schools with address, organiser, places and coordinates.",
     ["förskola", "grundskola", "skolor"], ["schools", "education"], ["EDUC"], None, ["GEOJSON", "CSV"], "ANNUAL"),
    ("Återvinningsstationer", "Recycling stations",
     "Platser för återvinning av förpackningar och tidningar med öppettider och fraktioner.",
     None, ["återvinning", "avfall"], ["recycling"], ["ENVI"], None, ["GEOJSON", "JSON"], "MONTHLY"),
    ("Politiska beslut i kommunfullmäktige", "Decisions of the municipal council",
     "Protokollförda beslut från kommunfullmäktige med paragraf, datum och diarienummer.",
     "Minuted decisions of the municipal council with section, date and registration number.",
     ["kommunfullmäktige", "protokoll", "beslut"], ["council decisions"], ["GOVE"], None, ["JSON", "CSV"], "MONTHLY"),
    ("Badplatser", "Bathing sites",
     "Kommunens strandbad och badplatser med vattenprover under badsäsongen, tillgänglighet och faciliteter.",
     "Beaches and bathing sites with water samples during the bathing season, accessibility and facilities.",
     ["badplatser", "vattenkvalitet", "friluftsliv"], ["bathing water"], ["HEAL", "ENVI"], None, ["GEOJSON"], "WEEKLY"),
    ("Gatubelysning", "Street lighting",
     "Belysningsstolpar med armaturtyp, effekt och tändningsgrupp.", None,
     ["gatubelysning", "belysning"], ["street lights"], ["ENER", "TRAN"], None, ["GPKG", "CSV"], "IRREG"),
    ("Kommunens budget och utfall", "Municipal budget and outcome",
     "Budget och utfall per verksamhet och kostnadsslag, i tusentals kronor.",
     "Budget and outcome per activity and cost type, in thousands of kronor.",
     ["budget", "ekonomi", "utfall"], ["budget", "finance"], ["ECON", "GOVE"], None, ["XLSX", "CSV"], "ANNUAL"),
    ("Leverantörsfakturor", "Supplier invoices",
     "Utbetalningar till leverantörer över 1 000 kronor med organisationsnummer, konto och belopp.",
     None, ["leverantörsreskontra", "inköp"], ["invoices", "procurement"], ["ECON", "GOVE"], None, ["CSV"], "MONTHLY"),
    ("Parkeringsplatser", "Parking spaces",
     "Allmänna parkeringsplatser med avgiftszon, antal platser och platser för rörelsehindrade.",
     "Public parking with fee zone, number of spaces and spaces for people with disabilities.",
     ["parkering", "trafik"], ["parking"], ["TRAN"], None, ["GEOJSON", "CSV"], "QUARTERLY"),
    ("Vägarbeten och avstängningar", "Road works and closures",
     "Pågående och planerade vägarbeten med period, omledning och ansvarig entreprenör.", None,
     ["vägarbeten", "trafikstörningar"], ["road works"], ["TRAN"], None, ["JSON"], "UPDATE_CONT"),
    ("Hållplatser och linjer", "Stops and routes",
     "Hållplatser, linjer och tidtabeller för regional kollektivtrafik.",
     "Stops, routes and timetables for regional public transport.",
     ["kollektivtrafik", "hållplatser", "tidtabell"], ["public transport", "timetable"], ["TRAN"], "trafik",
     ["CSV", "XML"], "WEEKLY"),
    ("Elförbrukning per nätområde", "Electricity use per grid area",
     "Timvis elförbrukning aggregerad per nätområde och kundkategori.",
     "Hourly electricity use aggregated by grid area and customer category.",
     ["el", "energi", "förbrukning"], ["electricity", "energy"], ["ENER"], "energi", ["CSV"], "DAILY"),
    ("Laddstationer för elfordon", "Charging stations for electric vehicles",
     "Publika laddpunkter med effekt, kontakttyp och operatör.", None,
     ["laddinfrastruktur", "elbil"], ["charging", "electric vehicles"], ["ENER", "TRAN"], "energi", ["JSON", "CSV"],
     "WEEKLY"),
    ("Snödjup vid fjällstationer", "Snow depth at mountain stations",
     "Dagliga mätningar av snödjup och snöns vatteninnehåll vid automatiska fjällstationer.",
     "Daily snow depth and snow water equivalent at automatic mountain stations.",
     ["snö", "fjäll", "klimat"], ["snow", "climate"], ["ENVI"], "fjall", ["NETCDF", "CSV"], "DAILY"),
    ("Renbetesområden", "Reindeer grazing areas",
     "Avgränsning av åretruntmarker och vinterbetesmarker enligt gällande beslut.", None,
     ["rennäring", "betesmark"], ["reindeer husbandry"], ["AGRI", "ENVI"], "lst", ["SHP", "GPKG"], "IRREG"),
    ("Naturreservat", "Nature reserves",
     "Beslutade naturreservat med gränser, föreskrifter och förvaltare.",
     "Designated nature reserves with boundaries, regulations and managing body.",
     ["naturreservat", "skyddad natur"], ["nature reserves", "protected areas"], ["ENVI"], "lst", ["SHP", "GEOJSON"],
     "IRREG"),
    ("Fornlämningar i länet", "Ancient monuments in the county",
     "Registrerade fornlämningar och övriga kulturhistoriska lämningar med lämningstyp och antikvarisk bedömning.",
     None, ["kulturarv", "fornlämningar"], ["cultural heritage"], ["EDUC", "REGI"], "lst", ["GPKG"], "ANNUAL"),
    ("Vattenprover i sjöar och vattendrag", "Water samples in lakes and rivers",
     "Resultat från miljöövervakningens provtagning: pH, fosfor, kväve och siktdjup.",
     "Results from environmental monitoring: pH, phosphorus, nitrogen and Secchi depth.",
     ["vattenkvalitet", "miljöövervakning"], ["water quality"], ["ENVI"], "lst", ["CSV", "XLSX"], "QUARTERLY"),
    ("Publikationer och examensarbeten", "Publications and theses",
     "Metadata om vetenskapliga publikationer och examensarbeten vid universitetet.",
     "Metadata about scholarly publications and theses at the university.",
     ["publikationer", "forskning"], ["publications", "research"], ["EDUC", "TECH"], "uni", ["JSON", "TTL"], "WEEKLY"),
    ("Ljudnivåer längs huvudvägar", "Noise levels along main roads",
     "Beräknade ekvivalenta ljudnivåer längs kommunala huvudvägar.", None,
     ["buller", "trafikbuller"], ["noise"], ["ENVI", "HEAL", "TRAN"], None, ["GPKG"], "IRREG"),
]


def org_node(key, full=True, org_type="foaf:Organization"):
    sv, en, kind, homepage, _, _ = ORGS[key]
    node = Node(PORTAL + "/organisation/" + key, [org_type])
    if full:
        node.add("foaf:name", Lit(sv, "sv"), Lit(en, "en"))
        node.add("dct:type", IRI(PUBLISHER_TYPE + kind))
        node.add("foaf:homepage", IRI(homepage))
    return node


def contact_node(key, unit=None):
    sv, _, _, _, email, phone = ORGS[key]
    node = Node(PORTAL + "/kontakt/" + key, ["vcard:Organization"])
    node.add("vcard:fn", Lit(unit or sv, "sv"))
    node.add("vcard:hasEmail", IRI("mailto:" + email))
    node.add("vcard:hasTelephone", Node(None, ["vcard:Voice"]).add("vcard:hasValue", IRI("tel:" + phone.replace(" ", ""))))
    return node


def distribution(ds_iri, number, fmt, url, title_sv, licence, rng, access_url=None, title_en=None):
    code, media, _ = FORMATS[fmt]
    node = Node("%s/distribution/%d" % (ds_iri, number), ["dcat:Distribution"])
    node.add("dct:title", Lit(title_sv, "sv"))
    if title_en:
        node.add("dct:title", Lit(title_en, "en"))
    node.add("dcat:accessURL", IRI(access_url or url))
    if url:
        node.add("dcat:downloadURL", IRI(url))
    node.add("dct:format", IRI(FILE_TYPE + code))
    node.add("dcat:mediaType", IRI(IANA + media))
    node.add("dct:license", IRI(licence))
    if url:
        node.add("dcat:byteSize", Lit(str(rng.randint(2_000, 90_000_000)), dt="xsd:nonNegativeInteger"))
        node.add("spdx:checksum", checksum(url))
    return node


def dataset(rng, iri, topic, municipality, year, index):
    title_sv, title_en, desc_sv, desc_en, kw_sv, kw_en, themes, publisher, formats, frequency = topic
    publisher = publisher or municipality
    place_sv, place_en = ORGS[municipality][0], ORGS[municipality][1]
    node = Node(iri, ["dcat:Dataset"])
    suffix_sv = " – " + place_sv if topic[7] is None else " %d" % year
    suffix_en = " – " + place_en if topic[7] is None else " %d" % year
    node.add("dct:title", Lit(title_sv + suffix_sv, "sv"))
    if title_en and index % 4 != 3:
        node.add("dct:title", Lit(title_en + suffix_en, "en"))
    node.add("dct:description", Lit(desc_sv, "sv"))
    if desc_en:
        node.add("dct:description", Lit(desc_en, "en"))
    node.add("dct:identifier", Lit(iri))
    for word in kw_sv:
        node.add("dcat:keyword", Lit(word, "sv"))
    for word in kw_en:
        node.add("dcat:keyword", Lit(word, "en"))
    for theme in themes:
        node.add("dcat:theme", IRI(THEME + theme))
    node.add("dct:publisher", org_node(publisher))
    node.add("dcat:contactPoint", contact_node(publisher))
    issued = date(rng, 2014, 2022)
    node.add("dct:issued", Lit(issued, dt="xsd:date"))
    node.add("dct:modified", Lit(datetime_after(rng, issued), dt="xsd:dateTime"))
    node.add("dct:accrualPeriodicity", IRI(FREQ + frequency))
    node.add("dct:language", IRI(LANGUAGE + "SWE"))
    node.add("dct:accessRights", IRI(ACCESS + "PUBLIC"))
    node.add("dct:spatial", IRI(GEONAMES_SWEDEN if index % 3 == 0 else COUNTRY + "SWE"))
    start_year = rng.randint(2005, 2020)
    node.add("dct:temporal", period("%d-01-01" % start_year, None if index % 5 == 0 else "%d-12-31" % (start_year + rng.randint(1, 5))))
    node.add("dcat:landingPage", IRI(ORGS[publisher][3] + "oppna-data/" + slug(title_sv)))
    licence = [CC0, CC_BY_4, LICENCE + "CC0", LICENCE + "CC_BY_4_0"][index % 4]
    base = "%s/%s/%s" % (DATA, publisher, slug(title_sv + suffix_sv))
    for number, fmt in enumerate(formats, start=1):
        node.add("dcat:distribution", distribution(iri, number, fmt, "%s.%s" % (base, FORMATS[fmt][2]),
                                                   "%s (%s)" % (title_sv, fmt), licence, rng))
    return node


def hand_written(rng):
    """The datasets the tests assert on (ids end in -h1 …); each page gets some."""
    out = {}
    h1 = Node(PORTAL + "/dataset/luftkvalitet-norrvik-h1", ["dcat:Dataset"])
    h1.add("dct:title", Lit("Luftkvalitet i Norrviks tätort – dygnsmedelvärden", "sv"),
           Lit("Air quality in Norrvik town – daily means", "en"))
    h1.add("dct:description",
           Lit("Dygnsmedelvärden för partiklar (PM10, PM2,5) och kvävedioxid från kommunens två mätstationer.", "sv"),
           Lit("Daily mean particulate matter (PM10, PM2.5) and nitrogen dioxide from the municipality's two stations.", "en"))
    h1.add("dcat:keyword", Lit("luftkvalitet", "sv"), Lit("partiklar", "sv"), Lit("air quality", "en"))
    h1.add("dcat:theme", IRI(THEME + "ENVI"), IRI(THEME + "HEAL"))
    h1.add("dct:publisher", org_node("norrvik"))
    h1.add("dcat:contactPoint", contact_node("norrvik", "Miljö- och hälsoskyddsenheten"))
    h1.add("dct:issued", Lit("2018-03-15", dt="xsd:date"))
    h1.add("dct:modified", Lit("2024-11-02T07:15:00", dt="xsd:dateTime"))
    h1.add("dct:accrualPeriodicity", IRI(FREQ + "DAILY"))
    h1.add("dct:language", IRI(LANGUAGE + "SWE"), IRI(LANGUAGE + "ENG"))
    h1.add("dct:accessRights", IRI(ACCESS + "PUBLIC"))
    h1.add("dct:spatial", Node(None, ["dct:Location"])
           .add("skos:prefLabel", Lit("Norrviks tätort", "sv"))
           .add("dcat:bbox", Lit("POLYGON((21.90 65.55, 22.25 65.55, 22.25 65.68, 21.90 65.68, 21.90 65.55))",
                                 dt="geo:wktLiteral")))
    h1.add("dct:temporal", period("2015-01-01", "2024-10-31"))
    h1.add("dcat:landingPage", IRI("https://www.norrvik.example/miljo/luftkvalitet"))
    h1.add("dcat:distribution",
           distribution(h1.iri, 1, "CSV", DATA + "/miljo/luftkvalitet/dygnsmedel-2015-2024.csv",
                        "Dygnsmedelvärden 2015–2024", CC0, rng, title_en="Daily means 2015–2024"),
           distribution(h1.iri, 2, "JSON", DATA + "/miljo/luftkvalitet/dygnsmedel.json",
                        "Dygnsmedelvärden som JSON", CC0, rng))
    out["h1"] = h1

    # Publisher given only by IRI here, described elsewhere in the same document (after the datasets).
    h2 = Node(PORTAL + "/dataset/detaljplaner-alstad-h2", ["dcat:Dataset"])
    h2.add("dct:title", Lit("Gällande detaljplaner", "sv"), Lit("Detailed development plans in force", "en"))
    h2.add("dct:description", Lit("Plangränser och planbestämmelser för lagakraftvunna detaljplaner.", "sv"))
    h2.add("dcat:theme", IRI(THEME + "REGI"), IRI(THEME + "GOVE"))
    h2.add("dct:publisher", Node(PORTAL + "/organisation/alstad"))
    h2.add("dcat:contactPoint", contact_node("alstad", "Samhällsbyggnadsförvaltningen"))
    h2.add("dct:issued", Lit("2020-06-01", dt="xsd:date"))
    h2.add("dct:modified", Lit("2024-09-20T13:40:00+02:00", dt="xsd:dateTime"))
    h2.add("dct:accrualPeriodicity", IRI(FREQ + "IRREG"))
    h2.add("dct:accessRights", IRI(ACCESS + "PUBLIC"))
    h2.add("dct:spatial", IRI(COUNTRY + "SWE"))
    h2.add("dcat:distribution",
           distribution(h2.iri, 1, "GPKG", "https://www.alstad.example/kartor/detaljplaner.gpkg",
                        "Detaljplaner (GeoPackage)", LICENCE + "CC_BY_4_0", rng))
    # The same plans as a map layer of the county's WMS (described on page 1, this dataset is on page 2).
    wms = Node(h2.iri + "/distribution/2", ["dcat:Distribution"])
    wms.add("dct:title", Lit("Detaljplaner i länets karttjänst", "sv"), Lit("Development plans in the county map service", "en"))
    wms.add("dcat:accessURL", IRI("https://geodata.lansstyrelsen-norrviken.example/wms"))
    wms.add("dct:format", IRI(FILE_TYPE + "WMS_SRVC"))
    wms.add("dct:license", IRI(CC0))
    wms.add("dcat:accessService", IRI(PORTAL + "/dataservice/kartor-wms"))
    h2.add("dcat:distribution", wms)
    out["h2"] = h2

    # Blank-node contact point (an individual), an untyped date and a gYear.
    h3 = Node(PORTAL + "/dataset/fagelinventering-h3", ["dcat:Dataset"])
    h3.add("dct:title", Lit("Fågelinventering vid Storträsket", "sv"), Lit("Bird survey at Storträsket", "en"))
    h3.add("dct:description", Lit("Årliga punkttaxeringar av häckande fåglar längs fasta rutter runt sjön.", "sv"),
           Lit("Annual point counts of breeding birds along fixed routes around the lake.", "en"))
    h3.add("dcat:keyword", Lit("fåglar", "sv"), Lit("inventering", "sv"), Lit("birds", "en"))
    h3.add("dcat:theme", IRI(THEME + "ENVI"))
    h3.add("dct:publisher", org_node("uni"))
    h3.add("dcat:contactPoint", Node(None, ["vcard:Individual"])
           .add("vcard:fn", Lit("Karin Lindqvist"))
           .add("vcard:hasEmail", IRI("mailto:karin.lindqvist@norrvikuni.example"))
           .add("vcard:hasTelephone", IRI("tel:+46920491234")))
    h3.add("dct:issued", Lit("2019", dt="xsd:gYear"))
    h3.add("dct:modified", Lit("2023-11-02"))
    h3.add("dct:accrualPeriodicity", IRI(FREQ + "ANNUAL"))
    h3.add("dct:accessRights", IRI(ACCESS + "PUBLIC"))
    h3.add("dct:spatial", IRI(GEONAMES_SWEDEN))
    h3.add("dct:temporal", period("2019-05-01", "2023-07-31"))
    h3.add("dcat:distribution",
           distribution(h3.iri, 1, "CSV", "https://www.norrvikuni.example/data/fagel/punkttaxering.csv",
                        "Punkttaxeringar", CC_BY_4, rng))
    out["h3"] = h3

    # Not public: only an access URL to a request form, no download.
    h4 = Node(PORTAL + "/dataset/ekonomiskt-bistand-h4", ["dcat:Dataset"])
    h4.add("dct:title", Lit("Ekonomiskt bistånd per hushåll", "sv"), Lit("Financial assistance per household", "en"))
    h4.add("dct:description", Lit("Mikrodata om utbetalt ekonomiskt bistånd. Lämnas ut efter sekretessprövning.", "sv"))
    h4.add("dcat:theme", IRI(THEME + "SOCI"))
    h4.add("dct:publisher", org_node("bjorkfors"))
    h4.add("dcat:contactPoint", contact_node("bjorkfors", "Socialförvaltningen"))
    h4.add("dct:issued", Lit("2021-02-01", dt="xsd:date"))
    h4.add("dct:accessRights", IRI(ACCESS + "NON_PUBLIC"))
    h4.add("dcat:distribution",
           distribution(h4.iri, 1, "CSV", None, "Beställning av uttag", CC_BY_4, rng,
                        access_url="https://www.bjorkfors.example/e-tjanster/begar-uttag"))
    out["h4"] = h4
    return out


def data_services():
    wms = Node(PORTAL + "/dataservice/kartor-wms", ["dcat:DataService"])
    wms.add("dct:title", Lit("Länets karttjänst (WMS)", "sv"), Lit("County map service (WMS)", "en"))
    wms.add("dct:description", Lit("Visningstjänst för länsstyrelsens geodata.", "sv"))
    wms.add("dcat:endpointURL", IRI("https://geodata.lansstyrelsen-norrviken.example/wms"))
    wms.add("dcat:endpointDescription",
            IRI("https://geodata.lansstyrelsen-norrviken.example/wms?service=WMS&request=GetCapabilities"))
    wms.add("dcat:servesDataset", IRI(PORTAL + "/dataset/detaljplaner-alstad-h2"))
    wms.add("dct:publisher", org_node("lst"))
    wms.add("dct:license", IRI(CC0))
    wms.add("dct:accessRights", IRI(ACCESS + "PUBLIC"))
    api = Node(PORTAL + "/dataservice/kollektivtrafik-api", ["dcat:DataService"])
    api.add("dct:title", Lit("API för realtidsinformation i kollektivtrafiken", "sv"),
            Lit("Real-time public transport API", "en"))
    api.add("dcat:endpointURL", IRI("https://api.norrvikstrafiken.example/realtid/v2"))
    api.add("dcat:endpointDescription", IRI("https://api.norrvikstrafiken.example/realtid/v2/openapi.json"))
    api.add("dct:conformsTo", IRI("https://spec.openapis.org/oas/v3.1.0"))
    api.add("dct:publisher", org_node("trafik"))
    api.add("dct:license", IRI(CC_BY_4))
    api.add("dct:accessRights", IRI(ACCESS + "RESTRICTED"))
    return [wms, api]


def catalogue_node(datasets, services):
    node = Node(PORTAL + "/katalog", ["dcat:Catalog"])
    node.add("dct:title", Lit("Dataportal Norrvikens län", "sv"), Lit("Norrviken County Data Portal", "en"))
    node.add("dct:description", Lit("Öppna data från kommunerna, länsstyrelsen och bolagen i Norrvikens län.", "sv"),
             Lit("Open data from the municipalities, the county board and the companies of Norrviken County.", "en"))
    node.add("dct:publisher", org_node("lst"))
    node.add("foaf:homepage", IRI(PORTAL + "/"))
    node.add("dct:language", IRI(LANGUAGE + "SWE"), IRI(LANGUAGE + "ENG"))
    node.add("dct:license", IRI(CC0))
    node.add("dct:issued", Lit("2017-05-02", dt="xsd:date"))
    node.add("dct:modified", Lit("2024-11-18T04:00:00", dt="xsd:dateTime"))
    node.add("dcat:themeTaxonomy", IRI("http://publications.europa.eu/resource/authority/data-theme"))
    for ds in datasets:
        node.add("dcat:dataset", IRI(ds.iri))
    for service in services:
        node.add("dcat:service", IRI(service.iri))
    return node


def build():
    rng = random.Random(20241118)
    hand = hand_written(rng)
    generated = []
    used = set()
    index = 0
    while len(generated) < 62:
        topic = TOPICS[index % len(TOPICS)]
        municipality = MUNICIPAL[(index // len(TOPICS)) % len(MUNICIPAL)]
        year = 2024 - (index // len(TOPICS)) % 6
        name = slug(topic[0] + "-" + (municipality if topic[7] is None else str(year)))
        index += 1
        if name in used:
            continue
        used.add(name)
        generated.append(dataset(rng, PORTAL + "/dataset/" + name, topic, municipality, year, index))
    # Hand-written datasets spread over the pages.
    items = generated[:2] + [hand["h1"]] + generated[2:20] + [hand["h3"]] + generated[20:40] + [hand["h2"]] \
        + generated[40:] + [hand["h4"]]
    chunks = pages(items, PER_PAGE)
    services = data_services()
    out = []
    for number, chunk in enumerate(chunks, start=1):
        page = hydra_links(Node("", ["hydra:PagedCollection"]), number, len(chunks), "rdf", len(items), PER_PAGE,
                           legacy=True)
        page_services = services if number == 1 else []
        nodes = [page, catalogue_node(chunk, page_services)] + chunk + page_services
        if any(ds is hand["h2"] for ds in chunk):
            nodes.append(org_node("alstad", org_type="foaf:Agent"))
        comment = "Fictional test catalogue for Katalog (generated by Fixtures/tools/make_dcat_fixtures.py); page %d of %d." \
            % (number, len(chunks))
        out.append(("page-%d.rdf" % number, rdfxml(PREFIXES, nodes, comment)))
    return out, len(items)
