#!/usr/bin/env bash
# ctest graph-formats: `ephemera graph` on examples/ and on every rule's fixtures in each
# format, read by the real consumers: Graphviz's `dot` lays out the DOT (no error, no
# warning, every node and edge of the JSON output present), Python's XML parser reads the
# SVG (every node drawn once), and the findings are marked on their nodes.
# usage: check_graph.sh EPHEMERA_BIN SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
src=$2
command -v dot >/dev/null || { echo "graph-formats: Graphviz's dot is missing (EPHEMERA_BOOTSTRAP_TESTS=1 scripts/bootstrap installs it)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in examples rules; do
  (cd "$src/$dir" && "$bin" graph . --format json --output "$tmp/$dir.json" && "$bin" graph . --format dot --output "$tmp/$dir.dot" &&
    "$bin" graph . --format svg --output "$tmp/$dir.svg" && "$bin" graph . --format mermaid --output "$tmp/$dir.mmd")
  dot -Tjson "$tmp/$dir.dot" >"$tmp/$dir.laid-out.json" 2>"$tmp/$dir.dot-stderr" || { cat "$tmp/$dir.dot-stderr"; echo "graph-formats: dot rejects the $dir graph"; exit 1; }
  if [ -s "$tmp/$dir.dot-stderr" ]; then cat "$tmp/$dir.dot-stderr"; echo "graph-formats: dot warns on the $dir graph"; exit 1; fi
  python3 - "$tmp/$dir.json" "$tmp/$dir.laid-out.json" "$tmp/$dir.svg" "$dir" <<'PY'
import json, sys, xml.etree.ElementTree as ET
ours, laid, svg_path, name = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3], sys.argv[4]
nodes = {n["id"] for n in ours["nodes"]}
dot_nodes = {o["name"] for o in laid.get("objects", []) if "nodes" not in o and not o["name"].startswith("cluster_")}
assert nodes == dot_nodes, f"{name}: dot laid out {len(dot_nodes)} nodes, ephemera has {len(nodes)}"
assert len(laid.get("edges", [])) == len(ours["edges"]), f"{name}: dot has {len(laid.get('edges', []))} edges, ephemera {len(ours['edges'])}"
functions = [n for n in ours["nodes"] if n["kind"] in ("aws_lambda_function", "AWS::Lambda::Function", "AWS::Serverless::Function")]
assert functions, f"{name}: no function drawn"
marked = [n for n in ours["nodes"] if n.get("severity")]
assert marked and all(n["findings"] for n in marked), f"{name}: no finding marked on a node"
ns = {"s": "http://www.w3.org/2000/svg"}
root = ET.parse(svg_path).getroot()
drawn = root.findall(".//s:g[@class]", ns)
boxes = [g for g in drawn if g.get("class").startswith("eph-node")]
assert len(boxes) == len(nodes), f"{name}: the SVG draws {len(boxes)} nodes of {len(nodes)}"
assert sum(1 for g in boxes if "sev-" in g.get("class")) == len(marked), f"{name}: the SVG marks other nodes than the JSON"
print(f"graph-formats: {name}: {len(nodes)} nodes, {len(ours['edges'])} edges, {len(marked)} with findings; dot and the SVG agree")
PY
done
# Usage errors name the problem.
status=0; "$bin" graph "$src/examples" --format png >/dev/null 2>"$tmp/err" || status=$?
[ "$status" = 2 ] && grep -q "unknown format 'png'" "$tmp/err" || { cat "$tmp/err"; echo "graph-formats: --format png should be a usage error"; exit 1; }
echo "graph-formats: ok"
