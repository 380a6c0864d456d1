#!/usr/bin/env python3
"""An OAI-PMH 2.0 repository for the incremental harvest benchmark: COUNT generated ISO 19139 records on 127.0.0.1.

Usage: oai_repository.py COUNT PORTFILE

The records are those of Benchmarks/csw_service.py (the geodata fixture's dataset records, about 14 KB each), served
with ListRecords in metadataPrefix iso19139, 100 a page, with resumption tokens, `from` (inclusive, to the second) and
`status="deleted"` headers. Every record starts with the datestamp 2026-01-01T00:00:00Z; `responseDate` is this
machine's clock. Identify reports second granularity and persistent deletions.

GET /touch?count=K&delete=D (not OAI-PMH: the benchmark's hand on the repository) revises K records (a suffix on
their abstract) and marks D others deleted, spread over the repository, all with the datestamp now. Pages are built
when first asked and kept until the next touch. The bound port is written to PORTFILE once the server listens.
"""
import datetime
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
import csw_service  # noqa: E402

OAI = "http://www.openarchives.org/OAI/2.0/"
PAGE = 100


def now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    count, portfile = int(sys.argv[1]), sys.argv[2]
    bodies = csw_service.generate(count)
    # [identifier, datestamp, metadata bytes or None when deleted]
    records = [[f"oai:bench:{index}", "2026-01-01T00:00:00Z", body] for index, body in enumerate(bodies)]
    lock = threading.Lock()
    pages = {}
    touches = [0]

    def envelope(verb, inner):
        head = (f'<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="{OAI}"><responseDate>{now()}</responseDate>'
                f'<request verb="{verb}">http://127.0.0.1/oai</request>')
        return head.encode() + inner + b"</OAI-PMH>\n"

    def list_page(offset, since):
        matching = [r for r in records if since is None or r[1] >= since]
        if not matching:
            return b'<error code="noRecordsMatch">no records changed since then</error>'
        chunk = matching[offset:offset + PAGE]
        parts = [b"<ListRecords>"]
        for identifier, datestamp, metadata in chunk:
            if metadata is None:
                parts.append(f'<record><header status="deleted"><identifier>{identifier}</identifier>'
                             f'<datestamp>{datestamp}</datestamp></header></record>'.encode())
            else:
                parts.append(f'<record><header><identifier>{identifier}</identifier><datestamp>{datestamp}</datestamp>'
                             f'</header><metadata>'.encode() + metadata + b"</metadata></record>")
        following = offset + len(chunk)
        if following < len(matching):
            token = f"{following}|{since or ''}"
            parts.append(f'<resumptionToken completeListSize="{len(matching)}" cursor="{offset}">{token}</resumptionToken>'.encode())
        elif offset > 0:
            parts.append(f'<resumptionToken completeListSize="{len(matching)}" cursor="{offset}"/>'.encode())
        parts.append(b"</ListRecords>")
        return b"".join(parts)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send(self, body, status=200):
            self.send_response(status)
            self.send_header("Content-Type", "text/xml; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            url = urlparse(self.path)
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            if url.path == "/touch":
                changed, deleted = int(query.get("count", "0")), int(query.get("delete", "0"))
                with lock:
                    touches[0] += 1
                    stamp = now()
                    step = max(1, len(records) // max(1, changed + deleted))
                    for n in range(changed + deleted):
                        record = records[(n * step + touches[0]) % len(records)]
                        record[1] = stamp
                        if n < changed and record[2] is not None:
                            # The first text of the abstract (its Swedish one) gets a suffix.
                            body = record[2]
                            end = body.find(b"</gco:CharacterString>", body.find(b"<gmd:abstract"))
                            record[2] = body[:end] + f" (rev {touches[0]})".encode() + body[end:]
                        elif n >= changed:
                            record[2] = None
                    pages.clear()
                self.send(f"touched {changed} and deleted {deleted} at {stamp}\n".encode())
                return
            verb = query.get("verb", "")
            if verb == "Identify":
                self.send(envelope(verb, b"<Identify><repositoryName>bench</repositoryName><baseURL>http://127.0.0.1/oai</baseURL>"
                                         b"<protocolVersion>2.0</protocolVersion><earliestDatestamp>2026-01-01T00:00:00Z</earliestDatestamp>"
                                         b"<deletedRecord>persistent</deletedRecord><granularity>YYYY-MM-DDThh:mm:ssZ</granularity></Identify>"))
            elif verb == "ListMetadataFormats":
                self.send(envelope(verb, b"<ListMetadataFormats><metadataFormat><metadataPrefix>iso19139</metadataPrefix>"
                                         b"<metadataNamespace>http://www.isotc211.org/2005/gmd</metadataNamespace></metadataFormat>"
                                         b"</ListMetadataFormats>"))
            elif verb == "ListRecords":
                if "resumptionToken" in query:
                    offset_text, _, since = query["resumptionToken"].partition("|")
                    offset, since = int(offset_text), since or None
                elif query.get("metadataPrefix") == "iso19139":
                    offset, since = 0, query.get("from")
                else:
                    self.send(envelope(verb, b'<error code="cannotDisseminateFormat">iso19139 only</error>'))
                    return
                with lock:
                    key = (offset, since)
                    if key not in pages:
                        pages[key] = list_page(offset, since)
                    inner = pages[key]
                self.send(envelope(verb, inner))
            else:
                self.send(envelope(verb, b'<error code="badVerb">not served here</error>'))

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(portfile, "w") as f:
        f.write(str(server.server_address[1]))
    server.serve_forever()


if __name__ == "__main__":
    main()
