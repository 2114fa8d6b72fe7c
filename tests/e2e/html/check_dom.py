"""Checks the DOM headless chromium dumped from the HTML report against the JSON report of
the same scan. usage: check_dom.py DOM_FILE JSON_REPORT MODE [VALUE]
MODE all: every finding is present and shown, once, with its message; one drawing per
          evidence chain, each with a node per resource it passes through, all joined.
MODE severity|rule|file VALUE: the page was opened with #MODE=VALUE: exactly the findings
          with that value are shown, the others hidden, and files without one are hidden."""
import json
import sys
from html.parser import HTMLParser

dom_path, json_path, mode = sys.argv[1], sys.argv[2], sys.argv[3]
value = sys.argv[4] if len(sys.argv) > 4 else None
report = json.load(open(json_path))["findings"]


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.findings, self.stack, self.loads, self.body = [], [], [], {}
        self.in_message = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body":
            self.body = a
        # Anything that would make the browser fetch: a source, a stylesheet, an embedded
        # document or image, an SVG reference outside the page.
        loads = [n for n in ("src", "srcset", "background", "poster", "data") if n in a]
        if tag in ("link", "iframe", "embed", "object", "img", "image", "video", "audio", "source") or loads:
            self.loads.append(f"<{tag} {a}>")
        if tag == "use" and (a.get("href") or a.get("xlink:href") or "#").split("#")[0]:
            self.loads.append(f"<use {a}>")
        if tag == "article" and "finding" in a.get("class", "").split():
            self.findings.append({"attrs": a, "hidden": "hidden" in a, "message": "", "svgs": 0, "nodes": 0, "edges": 0})
        if self.findings and tag == "p" and "message" in a.get("class", "").split():
            self.in_message = self.findings[-1]
        if self.findings and tag == "svg":
            self.findings[-1]["svgs"] += 1
        if self.findings and tag == "g" and a.get("class", "").startswith("eph-node"):
            self.findings[-1]["nodes"] += 1
        if self.findings and tag == "g" and a.get("class", "") == "eph-edge":
            self.findings[-1]["edges"] += 1
        if tag == "section" and "file" in a.get("class", "").split():
            self.stack.append(a)

    def handle_endtag(self, tag):
        if tag == "p":
            self.in_message = None

    def handle_data(self, data):
        if self.in_message is not None:
            self.in_message["message"] += data


page = Page()
dom = open(dom_path, encoding="utf-8").read()
page.feed(dom)
errors = []
if page.loads:
    errors.append(f"elements that would load something: {page.loads}")
if "url(" in dom.replace("url(#", ""):
    errors.append("a CSS url() that is not a reference inside the page")
if len(page.findings) != len(report):
    errors.append(f"{len(page.findings)} findings in the page, {len(report)} in the JSON report")
for shown, expected in zip(page.findings, report):
    a = shown["attrs"]
    if a.get("data-rule") != expected["rule"] or a.get("data-severity") != expected["severity"]:
        errors.append(f"finding {a.get('id')}: {a.get('data-rule')} {a.get('data-severity')}, expected {expected['rule']} {expected['severity']}")
    if shown["message"].strip() != expected["message"]:
        errors.append(f"finding {a.get('id')}: message {shown['message'][:80]!r}, expected {expected['message'][:80]!r}")
    chains = 1 if expected["related"] else 0
    if shown["svgs"] != chains:
        errors.append(f"finding {a.get('id')}: {shown['svgs']} drawings, expected {chains}")
    if chains:
        places = {(expected["file"], expected["line"])} | {(r["file"], r["line"]) for r in expected["related"]}
        # A node per resource the chain passes through (places in one block are one node),
        # every node joined to the drawing, at most an edge per link.
        if not 1 <= shown["nodes"] <= len(places) or shown["edges"] < shown["nodes"] - 1 or shown["edges"] > len(expected["related"]):
            errors.append(f"finding {a.get('id')}: drawing with {shown['nodes']} nodes and {shown['edges']} edges for "
                          f"{len(places)} places and {len(expected['related'])} links")

if mode == "all":
    wanted = [True] * len(report)
else:
    key = {"severity": "severity", "rule": "rule", "file": "file"}[mode]
    wanted = [f["attrs"].get("data-" + key) == value for f in page.findings]
    if not any(wanted) or all(wanted):
        errors.append(f"the filter {mode}={value} should keep some findings and hide others")
for f, keep in zip(page.findings, wanted):
    if f["hidden"] == keep:
        errors.append(f"finding {f['attrs'].get('id')} is {'hidden' if f['hidden'] else 'shown'} with {mode}={value}")
if page.body.get("data-shown") != str(sum(wanted)):
    errors.append(f"the page says {page.body.get('data-shown')} findings shown, expected {sum(wanted)}")

if errors:
    print("\n".join("html-report: " + e for e in errors))
    sys.exit(1)
print(f"html-report: {mode}{'=' + value if value else ''}: {sum(wanted)} of {len(report)} findings shown; "
      f"{sum(1 for f in report if f['related'])} evidence chains drawn")
