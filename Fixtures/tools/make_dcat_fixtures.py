#!/usr/bin/env python3
"""Generates the bundled DCAT-AP fixture catalogues under Fixtures/dcat/{se,no,dk}/page-N.{rdf,ttl,jsonld}.

Three fictional national catalogues, each split into Hydra pages whose `hydra:next` is a relative IRI
(`page-2.rdf`) that the page URL resolves:

- se: a Swedish county portal in RDF/XML, modelled on DCAT-AP-SE (dataportal.se);
- no: a Norwegian municipal catalogue in Turtle, modelled on DCAT-AP-NO (data.norge.no);
- dk: a Danish municipal catalogue in JSON-LD (@graph form), modelled on DCAT-AP-DK.

Deterministic (fixed seeds, stdlib only): running it again gives byte-identical files. Each catalogue mixes
hand-written datasets (asserted on by the tests; their IRIs end in -h1, -h2, ...) with generated variety.

Usage: python3 Fixtures/tools/make_dcat_fixtures.py   (from the package root)
"""
import os
import sys

sys.dont_write_bytecode = True  # keep Fixtures/tools free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import dcat_catalogue_dk  # noqa: E402
import dcat_catalogue_no  # noqa: E402
import dcat_catalogue_se  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "dcat")


def write_catalogue(name, pages):
    folder = os.path.join(ROOT, name)
    os.makedirs(folder, exist_ok=True)
    for existing in sorted(os.listdir(folder)):
        if existing.startswith("page-"):
            os.remove(os.path.join(folder, existing))
    for filename, text in pages:
        with open(os.path.join(folder, filename), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    return len(pages)


def main():
    for name, module in (("se", dcat_catalogue_se), ("no", dcat_catalogue_no), ("dk", dcat_catalogue_dk)):
        pages, datasets = module.build()
        count = write_catalogue(name, pages)
        print("dcat/%s: %d datasets in %d pages" % (name, datasets, count))


if __name__ == "__main__":
    main()
