"""Fictional Swedish geodata catalogue "Geodatakatalogen Norrviken", a CSW 2.0.2 service serving ISO 19139 records.

Modelled on what Swedish geodata catalogues (GeoNetwork behind a national geodata portal) serve under the Swedish
INSPIRE metadata profile: Swedish main language (gmd:language swe) with English translations in gmd:PT_FreeText
(gmd:locale EN); INSPIRE theme keywords from the GEMET thesaurus as gmx:Anchor; ISO topic categories; a bounding
box in Sweden; citation dates for creation, publication and revision; responsible parties with ISO roles (some
records name no publisher, only an owner or custodian); INSPIRE conditions and limitations as gmx:Anchor;
licences written as text (CC0, CC BY 4.0) or as an Anchor to the licence; maintenance frequencies; distribution
formats and online resources with download, WMS, WFS and Atom protocols; data-quality conformance reports;
temporal extents as gml:TimePeriod. Six records are services (hierarchyLevel service, srv:SV_ServiceIdentification),
which a dataset harvester skips.

Writes `Fixtures/csw/geodata-norrviken/records.xml`: a csw:GetRecordsResponse holding every record, which the
fixture server pages over for GetRecords. Run from the repository root: python3 Fixtures/tools/csw_geodata_norrviken.py
"""
import random
from xml.sax.saxutils import escape, quoteattr

OUT = "Fixtures/csw/geodata-norrviken/records.xml"
SERVICE = "https://geodata.norrvik.example"
ID_BASE = "https://geodata.norrvik.example/id/dataset/"

ORGS = {
    "lst": ("Länsstyrelsen i Norrvikens län", "County Administrative Board of Norrviken",
            "geodata@lansstyrelsen-norrviken.example", "+46 10-225 50 00", "https://www.lansstyrelsen-norrviken.example/"),
    "lm": ("Lantmäteriverket Norr", "Northern Land Survey", "geodata@lantmateri-norr.example", "+46 771-63 63 63",
           "https://www.lantmateri-norr.example/"),
    "smhi": ("Norrländska meteorologiska institutet", "Norrland Meteorological Institute", "kundtjanst@nmi.example",
             "+46 11-495 80 00", "https://www.nmi.example/"),
    "sgu": ("Geologiska byrån Norr", "Northern Geological Office", "kundservice@geobyran.example", "+46 18-17 90 00",
            "https://www.geobyran.example/"),
    "norrvik": ("Norrviks kommun", "Municipality of Norrvik", "gis@norrvik.example", "+46 920-450 00",
                "https://www.norrvik.example/"),
    "alstad": ("Ålstads kommun", "Ålstad Municipality", "kartor@alstad.example", "+46 921-120 00",
               "https://www.alstad.example/"),
    "fjall": ("Institutet för fjällmiljö", "Institute for Mountain Environment", "registrator@fjallmiljo.example",
              "+46 980-400 00", "https://www.fjallmiljo.example/"),
    "trafik": ("Vägverket Region Norr", "Northern Road Administration", "vagdata@vagverket-norr.example",
               "+46 771-921 921", "https://www.vagverket-norr.example/"),
}

INSPIRE_THEMES = {
    "hy": ("Hydrografi", "Hydrography"),
    "ps": ("Skyddade områden", "Protected sites"),
    "lc": ("Marktäcke", "Land cover"),
    "el": ("Höjd", "Elevation"),
    "ge": ("Geologi", "Geology"),
    "tn": ("Transportnät", "Transport networks"),
    "au": ("Administrativa enheter", "Administrative units"),
    "bu": ("Byggnader", "Buildings"),
    "ac": ("Atmosfäriska förhållanden", "Atmospheric conditions"),
    "nz": ("Naturliga riskområden", "Natural risk zones"),
    "hb": ("Livsmiljöer och biotoper", "Habitats and biotopes"),
    "su": ("Statistiska enheter", "Statistical units"),
    "oi": ("Ortofoto", "Orthoimagery"),
}

# (sv title, en title, sv abstract, en abstract, sv keywords, en keywords, INSPIRE theme, ISO topic,
#  responsible org, formats, frequency)
TOPICS = [
    ("Vattendrag", "Watercourses", "Linjeskikt med vattendrag i länet, med namn, vattendragsklass och flödesriktning.",
     "Line layer of the county's watercourses with name, class and flow direction.", ["vattendrag", "älvar"],
     ["watercourses", "rivers"], "hy", "inlandWaters", "lm", ["GML", "GeoPackage"], "annually"),
    ("Sjöar och vattenytor", "Lakes and water surfaces", "Polygoner för sjöar och andra vattenytor större än en hektar.",
     "Polygons of lakes and other water surfaces larger than one hectare.", ["sjöar", "vattenyta"], ["lakes"],
     "hy", "inlandWaters", "lm", ["GML", "ESRI Shapefile"], "annually"),
    ("Naturreservat", "Nature reserves", "Beslutade naturreservat med beslutsdatum, förvaltare och syfte.",
     "Designated nature reserves with decision date, manager and purpose.", ["naturreservat", "skyddad natur"],
     ["nature reserves"], "ps", "environment", "lst", ["GeoPackage", "ESRI Shapefile"], "asNeeded"),
    ("Natura 2000-områden", "Natura 2000 sites", "Områden enligt art- och habitatdirektivet och fågeldirektivet i länet.",
     "Sites under the Habitats and Birds Directives in the county.", ["Natura 2000", "habitat"], ["Natura 2000"],
     "ps", "environment", "lst", ["GML"], "asNeeded"),
    ("Djurskyddsområden", "Animal protection areas", "Områden med tillträdesförbud under del av året för att skydda fåglar och sälar.",
     None, ["djurskyddsområde", "fågelskydd"], [], "ps", "biota", "lst", ["GeoPackage"], "irregular"),
    ("Marktäckedata", "Land cover data", "Rasterdata med tio meters upplösning som beskriver marktäcke i 25 klasser.",
     "Raster data at ten metres' resolution describing land cover in 25 classes.", ["marktäcke", "vegetation"],
     ["land cover"], "lc", "imageryBaseMapsEarthCover", "lm", ["GeoTIFF"], "notPlanned"),
    ("Höjdmodell 2 m", "Elevation model 2 m", "Markhöjdmodell i grid med två meters upplösning från laserskanning.",
     "Digital terrain model in a two-metre grid from laser scanning.", ["höjdmodell", "laserdata"],
     ["elevation", "terrain model"], "el", "elevation", "lm", ["GeoTIFF", "ASCII Grid"], "irregular"),
    ("Jordarter 1:25 000", "Superficial deposits 1:25,000", "Jordartskarta med jordarter närmast markytan.",
     "Map of the superficial deposits nearest the ground surface.", ["jordarter", "kvartärgeologi"], ["soil types"],
     "ge", "geoscientificInformation", "sgu", ["ESRI Shapefile", "GML"], "irregular"),
    ("Berggrund 1:50 000", "Bedrock 1:50,000", "Berggrundskarta med bergarter, deformationszoner och strukturer.",
     "Bedrock map with rock types, deformation zones and structures.", ["berggrund", "bergarter"], ["bedrock"],
     "ge", "geoscientificInformation", "sgu", ["GeoPackage"], "irregular"),
    ("Brunnar", "Wells", "Brunnar registrerade i brunnsarkivet med djup, vattenmängd och jorddjup.",
     "Wells in the well archive with depth, yield and soil depth.", ["brunnar", "grundvatten"], ["wells", "groundwater"],
     "ge", "geoscientificInformation", "sgu", ["CSV", "GeoPackage"], "weekly"),
    ("Vägnät", "Road network", "Det statliga och kommunala vägnätet med vägnummer, bärighet och hastighetsgränser.",
     "State and municipal roads with road number, bearing capacity and speed limits.", ["vägar", "vägnät"],
     ["roads"], "tn", "transportation", "trafik", ["GML", "GeoPackage"], "monthly"),
    ("Trafikflöden", "Traffic flows", "Årsmedeldygnstrafik per vägavsnitt från mätpunkter och modeller.",
     "Annual average daily traffic per road section from counting points and models.", ["trafikflöde", "ÅDT"],
     ["traffic"], "tn", "transportation", "trafik", ["CSV"], "annually"),
    ("Kommungränser", "Municipal boundaries", "Kommunernas gränser i länet enligt fastighetsindelningen.",
     "Municipal boundaries in the county according to the property division.", ["kommungräns", "administrativ indelning"],
     ["boundaries"], "au", "boundaries", "lm", ["GML", "ESRI Shapefile"], "annually"),
    ("Byggnader", "Buildings", "Byggnadsytor med ändamål och husnummer.", "Building footprints with purpose and house numbers.",
     ["byggnader", "husnummer"], ["buildings"], "bu", "structure", "lm", ["GML"], "continual"),
    ("Temperatur, dygnsvärden", "Daily temperature", "Dygnsmedeltemperatur från länets meteorologiska stationer.",
     "Daily mean temperature from the county's weather stations.", ["temperatur", "meteorologi"], ["temperature"],
     "ac", "climatologyMeteorologyAtmosphere", "smhi", ["CSV", "JSON"], "daily"),
    ("Nederbörd, månadsvärden", "Monthly precipitation", "Månadsnederbörd från länets stationer sedan 1961.",
     "Monthly precipitation from the county's stations since 1961.", ["nederbörd"], ["precipitation"],
     "ac", "climatologyMeteorologyAtmosphere", "smhi", ["CSV"], "monthly"),
    ("Översvämningskarteringar", "Flood mapping", "Utbredning av översvämning vid 100-årsflöde och beräknat högsta flöde.",
     "Extent of flooding at the 100-year flow and the highest calculated flow.", ["översvämning", "klimatanpassning"],
     ["flooding"], "nz", "inlandWaters", "smhi", ["GeoPackage", "ESRI Shapefile"], "irregular"),
    ("Skredrisk", "Landslide risk", "Områden med förutsättningar för skred i finkorniga jordarter längs vattendrag.",
     "Areas where landslides in fine-grained soils along watercourses may occur.", ["skred", "ras"], ["landslides"],
     "nz", "geoscientificInformation", "sgu", ["GeoPackage"], "irregular"),
    ("Nyckelbiotoper", "Woodland key habitats", "Skogsområden med mycket stor betydelse för skogens växter och djur.",
     "Forest areas of great importance for forest flora and fauna.", ["nyckelbiotop", "skog"], ["key habitats"],
     "hb", "biota", "fjall", ["ESRI Shapefile"], "monthly"),
    ("Fjällvegetation", "Mountain vegetation", "Vegetationskarta över fjällområdet i skala 1:100 000.",
     "Vegetation map of the mountain region at 1:100,000.", ["fjäll", "vegetation"], ["mountain vegetation"],
     "hb", "biota", "fjall", ["GeoTIFF", "GeoPackage"], "notPlanned"),
    ("Befolkning per ruta 1 km", "Population per 1 km grid", "Folkmängd per kvadratkilometerruta den 31 december.",
     "Population per square-kilometre grid cell on 31 December.", ["befolkning", "statistik"], ["population"],
     "su", "society", "lst", ["CSV", "GeoPackage"], "annually"),
    ("Ortofoto 0,25 m", "Orthophotos 0.25 m", "Färgortofoton över tätorter med 25 cm upplösning.",
     "Colour orthophotos of built-up areas at 25 cm resolution.", ["ortofoto", "flygbild"], ["orthophoto"],
     "oi", "imageryBaseMapsEarthCover", "lm", ["GeoTIFF", "JPEG"], "biannually"),
    ("Detaljplaner", "Detailed development plans", "Gällande detaljplaner med plangräns, beslutsdatum och planbeteckning.",
     "Detailed development plans in force with boundary, decision date and designation.", ["detaljplan", "planering"],
     ["zoning"], None, "planningCadastre", "norrvik", ["GML", "PDF"], "continual"),
    ("Cykelvägar", "Cycle paths", "Kommunens cykelvägnät med belysning och beläggning.", "The municipality's cycle paths with lighting and surface.",
     ["cykel", "gång- och cykelväg"], ["cycling"], "tn", "transportation", "norrvik", ["GeoJSON", "ESRI Shapefile"], "quarterly"),
    ("Badplatser", "Bathing sites", "Kommunala badplatser med faciliteter och provtagningspunkter.", "Municipal bathing sites with facilities and sampling points.",
     ["badplatser", "friluftsliv"], ["bathing"], None, "health", "alstad", ["GeoJSON"], "annually"),
]

PLACES = [("Norrvik", 20.9, 65.5, 21.6, 65.9), ("Ålstad", 21.2, 65.9, 22.0, 66.3), ("Norrvikens län", 16.5, 64.5, 24.2, 68.9),
          ("Fjällområdet", 15.8, 66.0, 19.5, 68.5), ("Kustlandet", 20.5, 64.8, 22.8, 66.0)]

SERVICES = [
    ("Visningstjänst för naturvårdsdata", "View service for nature conservation data", "view", "OGC:WMS", "lst"),
    ("Nedladdningstjänst för naturvårdsdata", "Download service for nature conservation data", "download", "OGC:WFS", "lst"),
    ("Visningstjänst för höjddata", "View service for elevation data", "view", "OGC:WMS", "lm"),
    ("Nedladdningstjänst för geologiska data", "Download service for geological data", "download", "INSPIRE Atom", "sgu"),
    ("Visningstjänst för vägdata", "View service for road data", "view", "OGC:WMS", "trafik"),
    ("Söktjänst för Geodatakatalogen Norrviken", "Discovery service of the Norrviken geodata catalogue", "discovery", "OGC:CSW", "lst"),
]

FREQ_TEXT = {"daily", "weekly", "monthly", "quarterly", "biannually", "annually", "asNeeded", "irregular", "notPlanned",
             "continual"}

rng = random.Random(20261207)

NS = ('xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco" '
      'xmlns:gmx="http://www.isotc211.org/2005/gmx" xmlns:gml="http://www.opengis.net/gml/3.2" '
      'xmlns:srv="http://www.isotc211.org/2005/srv" xmlns:xlink="http://www.w3.org/1999/xlink" '
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"')


def text(sv, en, indent):
    pad = " " * indent
    if en is None:
        return f'{pad}<gco:CharacterString>{escape(sv)}</gco:CharacterString>\n'
    return (f'{pad}<gco:CharacterString>{escape(sv)}</gco:CharacterString>\n'
            f'{pad}<gmd:PT_FreeText><gmd:textGroup><gmd:LocalisedCharacterString locale="#EN">{escape(en)}'
            f'</gmd:LocalisedCharacterString></gmd:textGroup></gmd:PT_FreeText>\n')


def free(tag, sv, en, indent):
    pad = " " * indent
    attr = ' xsi:type="gmd:PT_FreeText_PropertyType"' if en else ""
    return f'{pad}<gmd:{tag}{attr}>\n{text(sv, en, indent + 2)}{pad}</gmd:{tag}>\n'


def code(list_name, value, indent):
    pad = " " * indent
    return (f'{pad}<gmd:{list_name} codeList="http://standards.iso.org/iso/19139/resources/gmxCodelists.xml#{list_name}" '
            f'codeListValue="{value}">{value}</gmd:{list_name}>\n')


def party(org, role, indent, english=True):
    sv, en, mail, phone, web = ORGS[org]
    pad = " " * indent
    return (f'{pad}<gmd:CI_ResponsibleParty>\n'
            + free("organisationName", sv, en if english else None, indent + 2)
            + f'{pad}  <gmd:contactInfo><gmd:CI_Contact>\n'
            f'{pad}    <gmd:phone><gmd:CI_Telephone><gmd:voice><gco:CharacterString>{phone}</gco:CharacterString></gmd:voice></gmd:CI_Telephone></gmd:phone>\n'
            f'{pad}    <gmd:address><gmd:CI_Address><gmd:electronicMailAddress><gco:CharacterString>{mail}</gco:CharacterString></gmd:electronicMailAddress></gmd:CI_Address></gmd:address>\n'
            f'{pad}    <gmd:onlineResource><gmd:CI_OnlineResource><gmd:linkage><gmd:URL>{web}</gmd:URL></gmd:linkage></gmd:CI_OnlineResource></gmd:onlineResource>\n'
            f'{pad}  </gmd:CI_Contact></gmd:contactInfo>\n'
            f'{pad}  <gmd:role>\n' + code("CI_RoleCode", role, indent + 4) + f'{pad}  </gmd:role>\n'
            f'{pad}</gmd:CI_ResponsibleParty>\n')


def date(year_from, year_to):
    return f"{rng.randint(year_from, year_to)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def citation_date(value, kind, indent):
    pad = " " * indent
    return (f'{pad}<gmd:date><gmd:CI_Date><gmd:date><gco:Date>{value}</gco:Date></gmd:date>'
            f'<gmd:dateType><gmd:CI_DateTypeCode codeList="http://standards.iso.org/iso/19139/resources/gmxCodelists.xml#CI_DateTypeCode" '
            f'codeListValue="{kind}">{kind}</gmd:CI_DateTypeCode></gmd:dateType></gmd:CI_Date></gmd:date>\n')


def licence(variant):
    if variant == 0:
        return ('<gmx:Anchor xlink:href="https://creativecommons.org/publicdomain/zero/1.0/">'
                'Creative Commons CC0 1.0 Universal</gmx:Anchor>')
    if variant == 1:
        return '<gco:CharacterString>Licens: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)</gco:CharacterString>'
    return '<gco:CharacterString>Användning enligt avtal med dataägaren.</gco:CharacterString>'


def dataset_record(index, topic, place):
    sv_title, en_title, sv_abs, en_abs, sv_kw, en_kw, theme, topic_cat, org, formats, freq = topic
    place_name, west, south, east, north = place
    uuid = f"7a1c{index:04d}-5e2b-4c1d-9f00-{index:012d}"
    title_sv = f"{sv_title} – {place_name}" if place_name != "Norrvikens län" else sv_title
    title_en = (f"{en_title} – {place_name}" if place_name != "Norrvikens län" else en_title) if en_title else None
    created = date(2008, 2016)
    published = date(2016, 2020)
    revised = date(2021, 2026)
    series = index % 11 == 5
    # Publisher: most records name one; some name only an owner, or a custodian (real records often do).
    roles = ["publisher", "owner"] if index % 5 else (["owner"] if index % 2 else ["custodian"])
    lic = index % 3
    out = [f'<gmd:MD_Metadata {NS}>\n']
    out.append(f'  <gmd:fileIdentifier><gco:CharacterString>{uuid}</gco:CharacterString></gmd:fileIdentifier>\n')
    out.append('  <gmd:language><gmd:LanguageCode codeList="http://www.loc.gov/standards/iso639-2/" codeListValue="swe">swe</gmd:LanguageCode></gmd:language>\n')
    out.append('  <gmd:characterSet>\n' + code("MD_CharacterSetCode", "utf8", 4) + '  </gmd:characterSet>\n')
    out.append('  <gmd:hierarchyLevel>\n' + code("MD_ScopeCode", "series" if series else "dataset", 4) + '  </gmd:hierarchyLevel>\n')
    out.append('  <gmd:contact>\n' + party(org, "pointOfContact", 4) + '  </gmd:contact>\n')
    out.append(f'  <gmd:dateStamp><gco:DateTime>{revised}T10:{index % 60:02d}:00</gco:DateTime></gmd:dateStamp>\n')
    out.append('  <gmd:metadataStandardName><gco:CharacterString>SS-EN ISO 19115:2005-geodata</gco:CharacterString></gmd:metadataStandardName>\n')
    out.append('  <gmd:locale><gmd:PT_Locale id="EN"><gmd:languageCode><gmd:LanguageCode codeList="http://www.loc.gov/standards/iso639-2/" '
               'codeListValue="eng">eng</gmd:LanguageCode></gmd:languageCode><gmd:characterEncoding>'
               '<gmd:MD_CharacterSetCode codeList="http://standards.iso.org/iso/19139/resources/gmxCodelists.xml#MD_CharacterSetCode" '
               'codeListValue="utf8">utf8</gmd:MD_CharacterSetCode></gmd:characterEncoding></gmd:PT_Locale></gmd:locale>\n')
    out.append('  <gmd:referenceSystemInfo><gmd:MD_ReferenceSystem><gmd:referenceSystemIdentifier><gmd:RS_Identifier><gmd:code>'
               '<gmx:Anchor xlink:href="http://www.opengis.net/def/crs/EPSG/0/3006">EPSG:3006</gmx:Anchor></gmd:code>'
               '</gmd:RS_Identifier></gmd:referenceSystemIdentifier></gmd:MD_ReferenceSystem></gmd:referenceSystemInfo>\n')
    out.append('  <gmd:identificationInfo>\n    <gmd:MD_DataIdentification>\n      <gmd:citation><gmd:CI_Citation>\n')
    out.append(free("title", title_sv, title_en, 8))
    out.append(citation_date(created, "creation", 8))
    out.append(citation_date(published, "publication", 8))
    out.append(citation_date(revised, "revision", 8))
    out.append(f'        <gmd:identifier><gmd:MD_Identifier><gmd:code><gco:CharacterString>{ID_BASE}{uuid}</gco:CharacterString></gmd:code></gmd:MD_Identifier></gmd:identifier>\n')
    out.append('      </gmd:CI_Citation></gmd:citation>\n')
    out.append(free("abstract", sv_abs, en_abs, 6))
    for role in roles:
        out.append('      <gmd:pointOfContact>\n' + party(org, role, 8) + '      </gmd:pointOfContact>\n')
    out.append('      <gmd:resourceMaintenance><gmd:MD_MaintenanceInformation><gmd:maintenanceAndUpdateFrequency>\n'
               + code("MD_MaintenanceFrequencyCode", freq, 8)
               + '      </gmd:maintenanceAndUpdateFrequency></gmd:MD_MaintenanceInformation></gmd:resourceMaintenance>\n')
    out.append('      <gmd:descriptiveKeywords><gmd:MD_Keywords>\n')
    for i, word in enumerate(sv_kw):
        english = en_kw[i] if i < len(en_kw) else None
        out.append(free("keyword", word, english, 8))
    out.append('      </gmd:MD_Keywords></gmd:descriptiveKeywords>\n')
    if theme:
        sv_theme, en_theme = INSPIRE_THEMES[theme]
        out.append('      <gmd:descriptiveKeywords><gmd:MD_Keywords>\n'
                   f'        <gmd:keyword><gmx:Anchor xlink:href="http://inspire.ec.europa.eu/theme/{theme}">{escape(sv_theme)}</gmx:Anchor></gmd:keyword>\n'
                   '        <gmd:thesaurusName><gmd:CI_Citation><gmd:title><gmx:Anchor xlink:href="http://www.eionet.europa.eu/gemet/inspire_themes">'
                   'GEMET - INSPIRE themes, version 1.0</gmx:Anchor></gmd:title>\n'
                   + citation_date("2008-06-01", "publication", 10) +
                   '        </gmd:CI_Citation></gmd:thesaurusName>\n      </gmd:MD_Keywords></gmd:descriptiveKeywords>\n')
    out.append('      <gmd:resourceConstraints><gmd:MD_LegalConstraints>\n'
               '        <gmd:accessConstraints>' + code("MD_RestrictionCode", "otherRestrictions", 0).strip() + '</gmd:accessConstraints>\n'
               '        <gmd:otherConstraints><gmx:Anchor xlink:href="http://inspire.ec.europa.eu/metadata-codelist/LimitationsOnPublicAccess/noLimitations">'
               'Inga begränsningar av allmänhetens tillgång</gmx:Anchor></gmd:otherConstraints>\n'
               '      </gmd:MD_LegalConstraints></gmd:resourceConstraints>\n')
    out.append('      <gmd:resourceConstraints><gmd:MD_LegalConstraints>\n'
               '        <gmd:useConstraints>' + code("MD_RestrictionCode", "otherRestrictions", 0).strip() + '</gmd:useConstraints>\n'
               f'        <gmd:otherConstraints>{licence(lic)}</gmd:otherConstraints>\n'
               '      </gmd:MD_LegalConstraints></gmd:resourceConstraints>\n')
    out.append('      <gmd:spatialRepresentationType>' + code("MD_SpatialRepresentationTypeCode",
               "grid" if "GeoTIFF" in formats else "vector", 0).strip() + '</gmd:spatialRepresentationType>\n')
    out.append('      <gmd:language><gmd:LanguageCode codeList="http://www.loc.gov/standards/iso639-2/" codeListValue="swe">swe</gmd:LanguageCode></gmd:language>\n')
    out.append(f'      <gmd:topicCategory><gmd:MD_TopicCategoryCode>{topic_cat}</gmd:MD_TopicCategoryCode></gmd:topicCategory>\n')
    out.append('      <gmd:extent><gmd:EX_Extent>\n'
               f'        <gmd:geographicElement><gmd:EX_GeographicBoundingBox>'
               f'<gmd:westBoundLongitude><gco:Decimal>{west}</gco:Decimal></gmd:westBoundLongitude>'
               f'<gmd:eastBoundLongitude><gco:Decimal>{east}</gco:Decimal></gmd:eastBoundLongitude>'
               f'<gmd:southBoundLatitude><gco:Decimal>{south}</gco:Decimal></gmd:southBoundLatitude>'
               f'<gmd:northBoundLatitude><gco:Decimal>{north}</gco:Decimal></gmd:northBoundLatitude>'
               '</gmd:EX_GeographicBoundingBox></gmd:geographicElement>\n')
    if index % 4 == 0:
        start = rng.randint(1961, 2010)
        end = "" if index % 8 == 0 else f"{rng.randint(start + 1, 2025)}-12-31"
        end_xml = f'<gml:endPosition>{end}</gml:endPosition>' if end else '<gml:endPosition indeterminatePosition="now"/>'
        out.append(f'        <gmd:temporalElement><gmd:EX_TemporalExtent><gmd:extent><gml:TimePeriod gml:id="tp-{index}">'
                   f'<gml:beginPosition>{start}-01-01</gml:beginPosition>{end_xml}</gml:TimePeriod></gmd:extent>'
                   '</gmd:EX_TemporalExtent></gmd:temporalElement>\n')
    out.append('      </gmd:EX_Extent></gmd:extent>\n    </gmd:MD_DataIdentification>\n  </gmd:identificationInfo>\n')
    out.append('  <gmd:distributionInfo><gmd:MD_Distribution>\n')
    for fmt in formats:
        out.append(f'    <gmd:distributionFormat><gmd:MD_Format><gmd:name><gco:CharacterString>{escape(fmt)}</gco:CharacterString></gmd:name>'
                   '<gmd:version gco:nilReason="unknown"/></gmd:MD_Format></gmd:distributionFormat>\n')
    slug = f"{uuid}"
    links = [(f"{SERVICE}/nedladdning/{slug}.zip", "WWW:DOWNLOAD-1.0-http--download", f"Ladda ned {sv_title.lower()}", "download"),
             (f"{SERVICE}/geoserver/wms?service=WMS&request=GetCapabilities", "OGC:WMS", f"{theme or 'kartor'}:{index}", "information")]
    if index % 6 == 1:
        links.append((f"{SERVICE}/atom/{slug}.xml", "INSPIRE Atom", "Atom-flöde", "download"))
    if index % 7 == 3:
        links.append((f"{SERVICE}/dokument/{slug}-produktbeskrivning.pdf", "WWW:LINK-1.0-http--link", "Produktbeskrivning", "information"))
    out.append('    <gmd:transferOptions><gmd:MD_DigitalTransferOptions>\n')
    for url, protocol, name, function in links:
        out.append('      <gmd:onLine><gmd:CI_OnlineResource>\n'
                   f'        <gmd:linkage><gmd:URL>{escape(url)}</gmd:URL></gmd:linkage>\n'
                   f'        <gmd:protocol><gco:CharacterString>{protocol}</gco:CharacterString></gmd:protocol>\n'
                   f'        <gmd:name><gco:CharacterString>{escape(name)}</gco:CharacterString></gmd:name>\n'
                   '        <gmd:function>' + code("CI_OnLineFunctionCode", function, 0).strip() + '</gmd:function>\n'
                   '      </gmd:CI_OnlineResource></gmd:onLine>\n')
    out.append('    </gmd:MD_DigitalTransferOptions></gmd:transferOptions>\n  </gmd:MD_Distribution></gmd:distributionInfo>\n')
    out.append('  <gmd:dataQualityInfo><gmd:DQ_DataQuality>\n    <gmd:scope><gmd:DQ_Scope><gmd:level>'
               + code("MD_ScopeCode", "series" if series else "dataset", 0).strip() + '</gmd:level></gmd:DQ_Scope></gmd:scope>\n'
               '    <gmd:report><gmd:DQ_DomainConsistency><gmd:result><gmd:DQ_ConformanceResult>\n'
               '      <gmd:specification><gmd:CI_Citation><gmd:title><gmx:Anchor xlink:href="http://data.europa.eu/eli/reg/2010/1089">'
               'KOMMISSIONENS FÖRORDNING (EU) nr 1089/2010</gmx:Anchor></gmd:title>\n'
               + citation_date("2010-12-08", "publication", 8) +
               '      </gmd:CI_Citation></gmd:specification>\n'
               '      <gmd:explanation><gco:CharacterString>Se den refererade specifikationen</gco:CharacterString></gmd:explanation>\n'
               f'      <gmd:pass><gco:Boolean>{"true" if index % 3 else "false"}</gco:Boolean></gmd:pass>\n'
               '    </gmd:DQ_ConformanceResult></gmd:result></gmd:DQ_DomainConsistency></gmd:report>\n'
               f'    <gmd:lineage><gmd:LI_Lineage><gmd:statement><gco:CharacterString>Framställd av {escape(ORGS[org][0])} '
               'från egna inmätningar och registerdata.</gco:CharacterString></gmd:statement></gmd:LI_Lineage></gmd:lineage>\n'
               '  </gmd:DQ_DataQuality></gmd:dataQualityInfo>\n</gmd:MD_Metadata>\n')
    return "".join(out)


def service_record(index, service):
    sv, en, kind, protocol, org = service
    uuid = f"5e7d{index:04d}-0c1a-4b2e-8d00-{index:012d}"
    return (f'<gmd:MD_Metadata {NS}>\n'
            f'  <gmd:fileIdentifier><gco:CharacterString>{uuid}</gco:CharacterString></gmd:fileIdentifier>\n'
            '  <gmd:language><gmd:LanguageCode codeList="http://www.loc.gov/standards/iso639-2/" codeListValue="swe">swe</gmd:LanguageCode></gmd:language>\n'
            '  <gmd:hierarchyLevel>' + code("MD_ScopeCode", "service", 0).strip() + '</gmd:hierarchyLevel>\n'
            '  <gmd:contact>\n' + party(org, "pointOfContact", 4) + '  </gmd:contact>\n'
            f'  <gmd:dateStamp><gco:Date>{date(2020, 2026)}</gco:Date></gmd:dateStamp>\n'
            '  <gmd:identificationInfo><srv:SV_ServiceIdentification>\n'
            '    <gmd:citation><gmd:CI_Citation>\n' + free("title", sv, en, 6) + citation_date(date(2015, 2020), "publication", 6) +
            '    </gmd:CI_Citation></gmd:citation>\n'
            + free("abstract", f"{sv} enligt INSPIRE.", f"{en} under INSPIRE.", 4) +
            f'    <srv:serviceType><gco:LocalName>{kind}</gco:LocalName></srv:serviceType>\n'
            '  </srv:SV_ServiceIdentification></gmd:identificationInfo>\n'
            '  <gmd:distributionInfo><gmd:MD_Distribution><gmd:transferOptions><gmd:MD_DigitalTransferOptions><gmd:onLine><gmd:CI_OnlineResource>'
            f'<gmd:linkage><gmd:URL>{SERVICE}/tjanst/{index}</gmd:URL></gmd:linkage><gmd:protocol><gco:CharacterString>{protocol}</gco:CharacterString></gmd:protocol>'
            '</gmd:CI_OnlineResource></gmd:onLine></gmd:MD_DigitalTransferOptions></gmd:transferOptions></gmd:MD_Distribution></gmd:distributionInfo>\n'
            '</gmd:MD_Metadata>\n')


def main():
    records = []
    index = 0
    for topic in TOPICS:
        # Each topic once for the county, and the municipal and regional ones for one or two more places.
        places = [PLACES[2]] + ([PLACES[0], PLACES[1]] if topic[8] in ("norrvik", "alstad", "lst", "trafik") else [rng.choice([PLACES[3], PLACES[4]])])
        for place in places[: 2 if index % 3 else 3]:
            index += 1
            records.append(dataset_record(index, topic, place))
    for i, service in enumerate(SERVICES):
        records.insert(7 + i * 9, service_record(900 + i, service))
    with open(OUT, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write('<!-- Generated by Fixtures/tools/csw_geodata_norrviken.py: a fictional CSW 2.0.2 catalogue of ISO 19139 records. -->\n')
        out.write(f'<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" {NS}>\n')
        out.write(f'<csw:SearchResults numberOfRecordsMatched="{len(records)}" numberOfRecordsReturned="{len(records)}" '
                  'nextRecord="0" elementSet="full">\n')
        for record in records:
            out.write(record)
        out.write('</csw:SearchResults>\n</csw:GetRecordsResponse>\n')
    print(f"{OUT}: {len(records)} records ({index} datasets and series, {len(SERVICES)} services)")


if __name__ == "__main__":
    main()
