"""A tiny RDF node model and three writers (RDF/XML, Turtle, JSON-LD) for the DCAT fixture generator.

Only what the fixtures need: nodes with an IRI (absolute or relative) or none (blank), types, and ordered
properties whose values are IRIs, literals or nested nodes. Output is deterministic: properties keep the order
they were added in, and nothing depends on hashing.
"""
import json
from xml.sax.saxutils import escape, quoteattr


class IRI(str):
    """An IRI value (may be relative, resolved by the reader against the page URL)."""


class Lit:
    """A literal: lexical form, optional language tag or datatype (a qname or a full IRI)."""

    def __init__(self, value, lang=None, dt=None):
        self.value = value
        self.lang = lang
        self.dt = dt


class Node:
    """A node description: `iri` None means a blank node; nested nodes are written inline where the syntax allows."""

    def __init__(self, iri=None, types=()):
        self.iri = iri
        self.types = list(types)
        self.props = []

    def add(self, predicate, *values):
        for value in values:
            if value is not None:
                self.props.append((predicate, value))
        return self


class Prefixes:
    def __init__(self, pairs):
        self.pairs = list(pairs)
        self.by_prefix = dict(self.pairs)

    def expand(self, qname):
        if qname.startswith("http://") or qname.startswith("https://"):
            return qname
        prefix, local = qname.split(":", 1)
        return self.by_prefix[prefix] + local

    def compact(self, iri):
        best = None
        for prefix, ns in self.pairs:
            if iri.startswith(ns):
                local = iri[len(ns):]
                if local and all(c.isalnum() or c in "_-" for c in local) and not local[0].isdigit() and not local[0] == "-":
                    if best is None or len(ns) > len(self.by_prefix[best[0]]):
                        best = (prefix, local)
        return None if best is None else best[0] + ":" + best[1]


# --------------------------------------------------------------------------------------------- Turtle

def _ttl_string(text):
    if "\n" in text:
        return '"""' + text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"') + '"""'
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _ttl_iri(prefixes, iri):
    if iri.startswith("http://") or iri.startswith("https://") or iri.startswith("mailto:") or iri.startswith("tel:"):
        compact = prefixes.compact(iri)
        if compact:
            return compact
    return "<" + iri + ">"


def _ttl_value(prefixes, value, indent, hoisted):
    if isinstance(value, Node):
        if value.iri is not None:
            hoisted.append(value)
            return _ttl_iri(prefixes, value.iri)
        inner = _ttl_body(prefixes, value, indent + "    ", hoisted)
        return "[\n" + inner + "\n" + indent + "]"
    if isinstance(value, IRI):
        return _ttl_iri(prefixes, value)
    if isinstance(value, Lit):
        text = _ttl_string(value.value)
        if value.lang:
            return text + "@" + value.lang
        if value.dt:
            return text + "^^" + _ttl_iri(prefixes, prefixes.expand(value.dt))
        return text
    raise TypeError(value)


def _ttl_body(prefixes, node, indent, hoisted):
    lines = []
    if node.types:
        lines.append(indent + "a " + ", ".join(_ttl_iri(prefixes, prefixes.expand(t)) for t in node.types))
    grouped = []
    for predicate, value in node.props:
        if grouped and grouped[-1][0] == predicate:
            grouped[-1][1].append(value)
        else:
            grouped.append((predicate, [value]))
    for predicate, values in grouped:
        value_indent = indent + "    " if len(values) > 1 else indent
        rendered = [_ttl_value(prefixes, v, value_indent, hoisted) for v in values]
        lines.append(indent + _ttl_iri(prefixes, prefixes.expand(predicate)) + " " + (" ,\n" + indent + "    ").join(rendered))
    return " ;\n".join(lines)


def turtle(prefixes, nodes, header_comment=None):
    out = []
    if header_comment:
        out += ["# " + line for line in header_comment.splitlines()]
        out.append("")
    for prefix, ns in prefixes.pairs:
        out.append("@prefix %s: <%s> ." % (prefix, ns))
    out.append("")
    queue = list(nodes)
    written = set()
    while queue:
        node = queue.pop(0)
        key = node.iri if node.iri is not None else id(node)
        if node.iri is not None and key in written:
            continue
        written.add(key)
        hoisted = []
        subject = _ttl_iri(prefixes, node.iri) if node.iri is not None else "[]"
        out.append(subject + "\n" + _ttl_body(prefixes, node, "    ", hoisted) + " .\n")
        queue = [h for h in hoisted if h.iri not in written] + queue
    return "\n".join(out)


# --------------------------------------------------------------------------------------------- RDF/XML

def _xml_node(prefixes, node, indent, out):
    element = node.types[0] if node.types else "rdf:Description"
    attrs = ""
    if node.iri is not None:
        attrs = " rdf:about=" + quoteattr(node.iri)
    if not node.props and len(node.types) <= 1:
        out.append(indent + "<%s%s/>" % (element, attrs))
        return
    out.append(indent + "<%s%s>" % (element, attrs))
    inner = indent + "  "
    for extra in node.types[1:]:
        out.append(inner + "<rdf:type rdf:resource=%s/>" % quoteattr(prefixes.expand(extra)))
    _xml_props(prefixes, node, inner, out)
    out.append(indent + "</%s>" % element)


def _xml_props(prefixes, node, inner, out):
    for name, value in node.props:
        if isinstance(value, Node):
            if value.iri is not None and not value.props and not value.types:
                out.append(inner + "<%s rdf:resource=%s/>" % (name, quoteattr(value.iri)))
            elif not value.types and value.iri is None:
                out.append(inner + '<%s rdf:parseType="Resource">' % name)
                _xml_props(prefixes, value, inner + "  ", out)
                out.append(inner + "</%s>" % name)
            else:
                out.append(inner + "<%s>" % name)
                _xml_node(prefixes, value, inner + "  ", out)
                out.append(inner + "</%s>" % name)
        elif isinstance(value, IRI):
            out.append(inner + "<%s rdf:resource=%s/>" % (name, quoteattr(value)))
        else:
            attr = ""
            if value.lang:
                attr = " xml:lang=%s" % quoteattr(value.lang)
            elif value.dt:
                attr = " rdf:datatype=%s" % quoteattr(prefixes.expand(value.dt))
            out.append(inner + "<%s%s>%s</%s>" % (name, attr, escape(value.value), name))


def rdfxml(prefixes, nodes, header_comment=None):
    out = ['<?xml version="1.0" encoding="utf-8"?>']
    if header_comment:
        out.append("<!-- " + header_comment.replace("--", "- -") + " -->")
    decls = ["xmlns:%s=%s" % (p, quoteattr(ns)) for p, ns in prefixes.pairs]
    out.append("<rdf:RDF\n    " + "\n    ".join(decls) + ">")
    for node in nodes:
        _xml_node(prefixes, node, "  ", out)
    out.append("</rdf:RDF>")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------- JSON-LD

def _jl_value(value):
    if isinstance(value, Node):
        return _jl_node(value)
    if isinstance(value, IRI):
        return {"@id": str(value)}
    if value.lang:
        return {"@value": value.value, "@language": value.lang}
    if value.dt:
        return {"@value": value.value, "@type": value.dt}
    return value.value


def _jl_node(node):
    obj = {}
    if node.iri is not None:
        obj["@id"] = node.iri
    if node.types:
        obj["@type"] = node.types[0] if len(node.types) == 1 else list(node.types)
    for predicate, value in node.props:
        rendered = _jl_value(value)
        if predicate in obj:
            if not isinstance(obj[predicate], list):
                obj[predicate] = [obj[predicate]]
            obj[predicate].append(rendered)
        else:
            obj[predicate] = rendered
    return obj


def jsonld(context, nodes):
    document = {"@context": context, "@graph": [_jl_node(n) for n in nodes]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
