#!/usr/bin/env python3
"""A CKAN portal for the harvest benchmark: answers `package_search` over COUNT generated packages on 127.0.0.1.

Usage: ckan_portal.py COUNT PORTFILE [--port P] [--changed K]

The packages are the 160 fictional packages of Fixtures/ckan (Swedish, Finnish, Sámi, Norwegian texts, messy
formats, licences and extras) copied COUNT times over with new ids, names and titles, so the benchmark harvests
what real portals publish rather than uniform records. `--changed K` gives K of them (spread evenly) a new
title and `metadata_modified`, for the changed re-harvest. Pages are `rows` packages from `start` in id order,
as `sort=id asc` asks, or newest first for `sort=metadata_modified desc`; `fq=metadata_modified:[FROM TO *]` and
`fl=field,…` are answered as CKAN 2.9+ does, for incremental runs. Every page is encoded when first asked and kept,
so the portal is not what is measured.
The bound port is written to PORTFILE once the server listens (the default, port 0, asks the system for a free
one; a portal restarted with changes must keep its port, or every landing page URL changes with it).
"""
import argparse
import copy
import json
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

here = os.path.dirname(os.path.abspath(__file__))
fixtures = os.path.join(os.path.dirname(here), "Fixtures", "ckan")


def templates():
    packages = []
    for portal in sorted(os.listdir(fixtures)):
        path = os.path.join(fixtures, portal, "packages.json")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                packages += [p for p in json.load(f)["packages"] if not p.get("private") and p.get("state", "active") == "active"]
    if not packages:
        sys.exit(f"no template packages under {fixtures}")
    return packages


def generate(count, changed):
    base = templates()
    every = count // changed if changed else 0
    packages = []
    for index in range(count):
        package = copy.deepcopy(base[index % len(base)])
        number = f"{index:07d}"
        package["id"] = f"bench-{number}"
        package["name"] = f"bench-{number}"
        package["title"] = f"{package.get('title') or 'Dataset'} {number}"
        if every and index % every == 0 and index // every < changed:
            package["title"] += " (updated)"
            package["metadata_modified"] = "2026-12-01T12:00:00.000000"
        for position, resource in enumerate(package.get("resources") or []):
            if isinstance(resource, dict):
                resource["id"] = f"res-{number}-{position}"
                resource["package_id"] = package["id"]
        packages.append(package)
    return packages


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("portfile")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--changed", type=int, default=0)
    args = parser.parse_args()
    packages = generate(args.count, args.changed)
    pages = {}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_):
            pass

        def do_GET(self):
            url = urlparse(self.path)
            if not url.path.endswith("/api/3/action/package_search"):
                self.send_error(404)
                return
            query = parse_qs(url.query)
            rows = min(max(int(query.get("rows", ["10"])[0]), 0), 1000)
            start = max(int(query.get("start", ["0"])[0]), 0)
            fq = query.get("fq", [""])[0]
            fl = query.get("fl", [""])[0]
            sort = query.get("sort", ["id asc"])[0]
            key = (start, rows, fq, fl, sort)
            body = pages.get(key)
            if body is None:
                selected = packages
                if fq:
                    # metadata_modified:[FROM TO *], compared to the second, as an incremental run asks.
                    prefix, suffix = "metadata_modified:[", " TO *]"
                    if not (fq.startswith(prefix) and fq.endswith(suffix)):
                        self.send_error(409)
                        return
                    since = fq[len(prefix):-len(suffix)][:19]
                    selected = [p for p in packages if p.get("metadata_modified", "")[:19] >= since]
                if sort == "metadata_modified desc":
                    selected = sorted(selected, key=lambda p: (p.get("metadata_modified", ""), p["id"]), reverse=True)
                results = selected[start:start + rows]
                if fl:
                    fields = fl.split(",")
                    results = [{k: v for k, v in p.items() if k in fields} for p in results]
                result = {"count": len(selected), "results": results}
                body = json.dumps({"help": "package_search", "success": True, "result": result},
                                  ensure_ascii=False, separators=(",", ":")).encode("utf-8")
                pages[key] = body
            self.send_response(200)
            self.send_header("Content-Type", "application/json;charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    with open(args.portfile + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.replace(args.portfile + ".tmp", args.portfile)
    server.serve_forever()


if __name__ == "__main__":
    main()
