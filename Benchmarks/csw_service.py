#!/usr/bin/env python3
"""A CSW 2.0.2 service for the harvest benchmark: answers GetRecords over COUNT generated ISO 19139 records on 127.0.0.1.

Usage: csw_service.py COUNT PORTFILE

The records are the dataset records of Fixtures/tools/csw_geodata_norrviken.py (Swedish and English text, INSPIRE
keywords, responsible parties, constraints, extents, online resources; about 14 KB each), generated COUNT times
over with new file identifiers, so the benchmark maps what geodata catalogues serve. Pages are `maxRecords`
records from `startPosition` (capped at 500); each page is built when first asked and kept, so the service is not
what is measured. The bound port is written to PORTFILE once the server listens.
"""
import os
import sys
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


def main():
    count, portfile = int(sys.argv[1]), sys.argv[2]
    records = generate(count)
    pages = {}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            query = {k.lower(): v[0] for k, v in parse_qs(urlparse(self.path).query).items()}
            start = max(1, int(query.get("startposition", "1")))
            size = min(500, max(0, int(query.get("maxrecords", "10"))))
            key = (start, size)
            if key not in pages:
                chunk = records[start - 1:start - 1 + size]
                nxt = start + len(chunk) if start - 1 + len(chunk) < len(records) else 0
                head = (f'<?xml version="1.0" encoding="UTF-8"?>\n<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2">'
                        f'<csw:SearchResults numberOfRecordsMatched="{len(records)}" numberOfRecordsReturned="{len(chunk)}" '
                        f'nextRecord="{nxt}" elementSet="full">\n').encode()
                pages[key] = head + b"".join(chunk) + b"</csw:SearchResults></csw:GetRecordsResponse>\n"
            body = pages[key]
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(portfile, "w") as f:
        f.write(str(server.server_address[1]))
    server.serve_forever()


if __name__ == "__main__":
    main()
