#!/usr/bin/env python3
"""Writes a synthetic DCAT-US 1.1 data.json catalogue for the data.json mapping benchmark.

Deterministic and stdlib only: python3 generate_datajson.py COUNT OUT.json
Each dataset has the 1.1 required fields, 3-12 keywords, federal codes, a licence from a
small pool, temporal and spatial coverage, and 1-6 distributions with download or access URLs;
every 50th dataset breaks a rule (no title, or a licence that is not a URI) so errors are mapped too.
"""
import json
import random
import sys

LICENCES = [
    "https://creativecommons.org/licenses/by/4.0/",
    "https://creativecommons.org/publicdomain/zero/1.0/",
    "http://www.usa.gov/publicdomain/label/1.0/",
    "https://opendatacommons.org/licenses/odbl/1-0/",
    "https://example.gov/terms-of-use",
]
FORMATS = [("CSV", "text/csv", "csv"), ("JSON", "application/json", "json"), ("Esri REST", "application/http", None),
           ("ZIP", "application/zip", "zip"), ("Web Page", "text/html", None), ("XML", "text/xml", "xml")]
WORDS = ("water quality budget census transport health education energy climate parcels zoning permits "
         "crime housing elections traffic weather soil forest wildlife fisheries grants contracts").split()


def dataset(rng, index):
    words = rng.sample(WORDS, 3)
    title = f"{words[0].title()} {words[1]} report {index}"
    ds = {
        "@type": "dcat:Dataset",
        "identifier": f"https://data.example.gov/id/{index:07d}",
        "title": title,
        "description": " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 120))) + ".",
        "keyword": rng.sample(WORDS, rng.randint(3, 12)),
        "modified": f"20{rng.randint(10, 24):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "publisher": {"@type": "org:Organization", "name": f"Agency {index % 37}",
                      "subOrganizationOf": {"@type": "org:Organization", "name": "Department of Examples"}},
        "contactPoint": {"@type": "vcard:Contact", "fn": f"Contact {index % 101}", "hasEmail": f"mailto:c{index % 101}@example.gov"},
        "accessLevel": rng.choice(["public", "public", "restricted public", "non-public"]),
        "bureauCode": [f"{rng.randint(1, 999):03d}:{rng.randint(0, 99):02d}"],
        "programCode": [f"{rng.randint(1, 999):03d}:{rng.randint(0, 999):03d}"],
        "license": rng.choice(LICENCES),
        "spatial": rng.choice(["United States", "-124.7,24.5,-66.9,49.4", "http://sws.geonames.org/6252001/"]),
        "temporal": f"20{rng.randint(0, 9):02d}-01-01/20{rng.randint(10, 24):02d}-12-31",
        "accrualPeriodicity": rng.choice(["R/P1D", "R/P1M", "R/P1Y", "irregular"]),
        "theme": [rng.choice(["Environment", "Transportation", "Health", "Education"])],
        "landingPage": f"https://data.example.gov/dataset/{index:07d}",
        "distribution": [],
    }
    for n in range(rng.randint(1, 6)):
        fmt, media, ext = rng.choice(FORMATS)
        dist = {"@type": "dcat:Distribution", "title": f"{title} ({fmt})", "format": fmt, "mediaType": media}
        if ext:
            dist["downloadURL"] = f"https://data.example.gov/files/{index:07d}/{n}.{ext}"
        else:
            dist["accessURL"] = f"https://data.example.gov/api/{index:07d}/{n}"
        ds["distribution"].append(dist)
    if index % 50 == 7:
        del ds["title"]
    elif index % 50 == 31:
        ds["license"] = "<p>See the terms of use page</p>"
    return ds


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20261123)
    catalogue = {
        "@context": "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld",
        "@type": "dcat:Catalog",
        "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
        "dataset": [dataset(rng, i) for i in range(count)],
    }
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(catalogue, handle, indent=1)


if __name__ == "__main__":
    main()
