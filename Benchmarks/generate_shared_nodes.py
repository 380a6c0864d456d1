#!/usr/bin/env python3
"""Writes a DCAT Turtle catalogue of N datasets that all link to one big node, to measure how a harvest scales
with the number of datasets when each of them reaches the same node.

Shapes:
  service   each dataset's distribution names one dcat:DataService (dcat:accessService), which lists every
            dataset it serves (dcat:servesDataset) -- common in DCAT-AP 2/3 catalogues with an API or SPARQL
            endpoint;
  series    each dataset is in one dcat:DatasetSeries (dcat:inSeries), which lists its members
            (dcat:seriesMember) -- a daily or yearly series of DCAT-AP 3;
  plain     the same datasets in the series, without the member list (the baseline);
  catalog   each dataset links back to the dcat:Catalog (dct:isPartOf) that lists every dataset (dcat:dataset);
  names     one publisher with N foaf:name values shared by every dataset (a hostile document).

Usage: generate_shared_nodes.py SHAPE COUNT OUTPUT
"""
import sys

shape, count, output = sys.argv[1], int(sys.argv[2]), sys.argv[3]
base = "https://data.example.org/"
lines = ["@prefix dcat: <http://www.w3.org/ns/dcat#> .", "@prefix dct: <http://purl.org/dc/terms/> .",
         "@prefix foaf: <http://xmlns.com/foaf/0.1/> ."]
datasets = ", ".join(f"<{base}dataset/{i}>" for i in range(count))
if shape == "service":
    lines.append(f'<{base}api> a dcat:DataService ; dct:title "API"@en ; dcat:endpointURL <{base}api/v1> ;')
    lines.append(f"    dcat:servesDataset {datasets} .")
elif shape in ("series", "plain"):
    members = f" ;\n    dcat:seriesMember {datasets}" if shape == "series" else ""
    lines.append(f'<{base}series/daily> a dcat:DatasetSeries ; dct:title "Daily observations"@en{members} .')
elif shape == "catalog":
    lines.append(f'<{base}catalog> a dcat:Catalog ; dct:title "Catalogue"@en ;')
    lines.append(f"    dcat:dataset {datasets} .")
elif shape == "names":
    names = ", ".join(f'"Agency {i}"' for i in range(count))
    lines.append(f"<{base}org/1> a foaf:Agent ; foaf:name {names} .")
else:
    sys.exit(f"unknown shape {shape!r}: service, series, plain, catalog or names")
lines.append(f'<{base}org/0> a foaf:Agent ; foaf:name "Agency"@en .')
publisher = f"<{base}org/1>" if shape == "names" else f"<{base}org/0>"
for i in range(count):
    link = f" ; dcat:inSeries <{base}series/daily>" if shape in ("series", "plain") else ""
    if shape == "catalog":
        link = f" ; dct:isPartOf <{base}catalog>"
    lines.append(f'<{base}dataset/{i}> a dcat:Dataset ; dct:title "Observations, day {i}"@en ; '
                 f'dct:publisher {publisher} ; dcat:distribution <{base}distribution/{i}>{link} .')
    service = f" ; dcat:accessService <{base}api>" if shape == "service" else ""
    lines.append(f'<{base}distribution/{i}> a dcat:Distribution ; '
                 f'dcat:accessURL <{base}api/v1?day={i}>{service} .')
with open(output, "w", encoding="utf-8") as out:
    out.write("\n".join(lines) + "\n")
