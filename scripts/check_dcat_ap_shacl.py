#!/usr/bin/env python3
"""Validates a DCAT-AP export with pyshacl and fails on any violation but one Katalog cannot mend.

A dataset whose source gave no description is exported without one (Katalog invents nothing), which the
DCAT-AP 3 shapes report as a dct:description minCount violation; every other result fails the check.
Usage: check_dcat_ap_shacl.py EXPORT.ttl SHAPES.ttl
"""
import collections
import sys

import pyshacl
import rdflib

DCT = rdflib.Namespace("http://purl.org/dc/terms/")
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


def main():
    data = rdflib.Graph()
    data.parse(sys.argv[1], format="turtle")
    shapes = rdflib.Graph()
    shapes.parse(sys.argv[2], format="turtle")
    datasets = set(data.subjects(rdflib.RDF.type, DCAT.Dataset))
    if len(datasets) < 300:
        sys.exit("check_dcat_ap_shacl: only %d datasets in the export" % len(datasets))
    without_description = {d for d in datasets if (d, DCT.description, None) not in data}
    _, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    unexpected = collections.Counter()
    examples = {}
    accepted = 0
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        path = results.value(result, SH.resultPath)
        component = results.value(result, SH.sourceConstraintComponent)
        focus = results.value(result, SH.focusNode)
        if path == DCT.description and component == SH.MinCountConstraintComponent and focus in without_description:
            accepted += 1
            continue
        key = (str(path), str(component).rsplit("#", 1)[-1])
        unexpected[key] += 1
        examples[key] = "%s: %s" % (focus, results.value(result, SH.resultMessage))
    print("check_dcat_ap_shacl: %d datasets, %d triples; %d without a description at the source; %d other results"
          % (len(datasets), len(data), accepted, sum(unexpected.values())))
    for key, count in unexpected.most_common():
        print("  %d × %s %s, e.g. %s" % (count, key[0], key[1], examples[key]))
    sys.exit(1 if unexpected else 0)


if __name__ == "__main__":
    main()
