#!/usr/bin/env python3
"""A CSW 2.0.2 service for the harvest benchmark: answers GetRecords over COUNT generated ISO 19139 records on 127.0.0.1.

Usage: csw_service.py COUNT PORTFILE

The records are the dataset records of Fixtures/tools/csw_geodata_norrviken.py (Swedish and English text, INSPIRE
keywords, responsible parties, constraints, extents, online resources; about 14 KB each), generated COUNT times
over with new file identifiers, so the benchmark maps what geodata catalogues serve. Pages are `maxRecords`
records from `startPosition` (capped at 500); each page is built when first asked and kept until the next touch, so
the service is not what is measured. The bound port is written to PORTFILE once the server listens.

For incremental runs it answers as GeoNetwork does: `resultType=hits`, `elementSetName=brief` (file identifier and
hierarchy level), a `csw:SearchStatus` timestamp, and a FILTER constraint of `ogc:PropertyIsGreaterThanOrEqualTo`
on `Modified` (the records' `gmd:dateStamp`, all 2026-01-01T00:00:00 at first); any other queryable is refused with
an OWS exception. GET /touch?count=K&delete=D (not CSW: the benchmark's hand on the service) revises K records (a
suffix on their abstract, the dateStamp now) and removes D others, spread over the service.
"""
import datetime
import os
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(here), "Fixtures", "tools"))
import csw_geodata_norrviken as fixture  # noqa: E402


def generate(count):
    records = []
    topics = fixture.TOPICS
    places = fixture.PLACES
    for index in range(1, count + 1):
        record = fixture.dataset_record(index, topics[index % len(topics)], places[index % len(places)])
        # The fixture numbers its file and resource identifiers by index, so each record is a dataset of its own.
        records.append(record.encode("utf-8"))
    return records


STAMP = re.compile(rb"<gmd:dateStamp><gco:(Date|DateTime)>[^<]*</gco:(Date|DateTime)></gmd:dateStamp>")
BOUND = re.compile(r"<ogc:PropertyName>([^<]+)</ogc:PropertyName>\s*<ogc:Literal>([^<]+)</ogc:Literal>\s*</ogc:PropertyIsGreaterThanOrEqualTo>")


def brief(body):
    """The record's root with its file identifier and hierarchy level."""
    parts = [body[body.find(b"<gmd:" + name + b">"):body.find(b"</gmd:" + name + b">") + len(name) + 7]
             for name in (b"fileIdentifier", b"hierarchyLevel")]
    return (b'<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco">'
            + b"".join(parts) + b"</gmd:MD_Metadata>\n")


def main():
    count, portfile = int(sys.argv[1]), sys.argv[2]
    # [dateStamp, full record, brief record]
    records = []
    for body in generate(count):
        body = STAMP.sub(b"<gmd:dateStamp><gco:DateTime>2026-01-01T00:00:00</gco:DateTime></gmd:dateStamp>", body, count=1)
        records.append(["2026-01-01T00:00:00", body, brief(body)])
    lock = threading.Lock()
    touches = [0]
    pages = {}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send(self, body, status=200):
            self.send_response(status)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            url = urlparse(self.path)
            if url.path == "/touch":
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                changed, deleted = int(query.get("count", "0")), int(query.get("delete", "0"))
                with lock:
                    touches[0] += 1
                    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
                    step = max(1, len(records) // max(1, changed + deleted))
                    chosen = [records[(n * step + touches[0]) % len(records)] for n in range(changed + deleted)]
                    for record in chosen[:changed]:
                        body = record[1]
                        end = body.find(b"</gco:CharacterString>", body.find(b"<gmd:abstract"))
                        body = body[:end] + f" (rev {touches[0]})".encode() + body[end:]
                        record[0] = stamp
                        record[1] = STAMP.sub(f"<gmd:dateStamp><gco:DateTime>{stamp}</gco:DateTime></gmd:dateStamp>".encode(), body, count=1)
                    gone = {id(record) for record in chosen[changed:]}
                    records[:] = [record for record in records if id(record) not in gone]
                    pages.clear()
                self.send(f"touched {changed} and deleted {deleted} at {stamp}\n".encode())
                return
            query = {k.lower(): v[0] for k, v in parse_qs(url.query).items()}
            start = max(1, int(query.get("startposition", "1")))
            size = min(500, max(0, int(query.get("maxrecords", "10"))))
            hits = query.get("resulttype", "hits").lower() == "hits"
            element_set = query.get("elementsetname", "full").lower()
            bounds = BOUND.findall(query.get("constraint", ""))
            if any(name != "Modified" for name, _ in bounds) or ("constraint" in query and not bounds):
                self.send(b'<?xml version="1.0"?>\n<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" version="1.2.0">'
                          b'<ows:Exception exceptionCode="InvalidParameterValue" locator="constraint">'
                          b'<ows:ExceptionText>unknown queryable</ows:ExceptionText></ows:Exception></ows:ExceptionReport>\n', 400)
                return
            key = (start, size, hits, element_set, tuple(bounds))
            with lock:
                if key not in pages:
                    matching = [r for r in records if all(r[0] >= day for _, day in bounds)]
                    chunk = [] if hits else matching[start - 1:start - 1 + size]
                    nxt = start + len(chunk) if chunk and start - 1 + len(chunk) < len(matching) else 0
                    clock = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
                    head = (f'<?xml version="1.0" encoding="UTF-8"?>\n<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2">'
                            f'<csw:SearchStatus timestamp="{clock}"/>'
                            f'<csw:SearchResults numberOfRecordsMatched="{len(matching)}" numberOfRecordsReturned="{len(chunk)}" '
                            f'nextRecord="{nxt}" elementSet="{element_set}">\n').encode()
                    column = 2 if element_set == "brief" else 1
                    pages[key] = head + b"".join(r[column] for r in chunk) + b"</csw:SearchResults></csw:GetRecordsResponse>\n"
                body = pages[key]
            self.send(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(portfile, "w") as f:
        f.write(str(server.server_address[1]))
    server.serve_forever()


if __name__ == "__main__":
    main()
