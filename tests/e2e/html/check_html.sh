#!/usr/bin/env bash
# ctest html-report: the HTML report of examples/ in a real browser (Debian's headless
# chromium). Takes a screenshot (a PNG of the page as drawn); dumps the DOM after the page's
# script ran and checks it against the JSON report (check_dom.py): every finding present
# with its message, one drawing per evidence chain, the filters (driven through the page's
# fragment, `#severity=high`) hiding and showing findings. Chromium runs behind a proxy
# that records every request (record_proxy.py): the page must make none; nor may its DOM
# hold anything that would load (sources, stylesheets, images). Chromium's own background
# services (component updates, sign-in: hosts under google.com, googleapis.com, gvt1.com)
# call out whatever page is open and whatever flags say; those requests are listed, not
# counted against the page.
# usage: check_html.sh EPHEMERA_BIN SOURCE_DIR [SCREENSHOT_OUT]
set -euo pipefail
bin=$(realpath "$1")
src=$2
here=$src/tests/e2e/html
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "html-report: chromium is missing (EPHEMERA_BOOTSTRAP_TESTS=1 scripts/bootstrap installs it)"; exit 1; }
tmp=$(mktemp -d)
proxy_pid=
cleanup() { [ -z "$proxy_pid" ] || kill "$proxy_pid" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

status=0
(cd "$src/examples" && "$bin" scan . --no-config --format html --output "$tmp/report.html" --format json --output "$tmp/report.json") || status=$?
[ "$status" -le 1 ] || { echo "html-report: ephemera scan failed with exit code $status"; exit 1; }

python3 "$here/record_proxy.py" "$tmp/requests.log" "$tmp/port" &
proxy_pid=$!
for _ in $(seq 50); do [ -s "$tmp/port" ] && break; sleep 0.1; done
[ -s "$tmp/port" ] || { echo "html-report: the recording proxy did not start"; exit 1; }
: >"$tmp/requests.log"

browse() {  # browse OUTPUT_FLAGS... URL: headless chromium, nothing of the machine's profile
  timeout 120 "$browser" --headless --disable-features=NetworkTimeServiceQuerying,OptimizationHints,Translate,MediaRouter --no-sandbox --disable-gpu --no-first-run --no-default-browser-check \
    --disable-background-networking --disable-component-update --disable-sync --disable-extensions \
    --user-data-dir="$tmp/profile" --proxy-server="http://127.0.0.1:$(cat "$tmp/port")" --proxy-bypass-list='<-loopback>' \
    --virtual-time-budget=3000 --window-size=1280,1600 "$@" 2>>"$tmp/chromium.log"
}
url="file://$tmp/report.html"

browse --screenshot="$tmp/report.png" "$url" >/dev/null
[ -s "$tmp/report.png" ] && [ "$(head -c 8 "$tmp/report.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
  { tail -20 "$tmp/chromium.log"; echo "html-report: chromium took no screenshot"; exit 1; }
[ -z "${3:-}" ] || cp "$tmp/report.png" "$3"

browse --dump-dom "$url" >"$tmp/all.html"
python3 "$here/check_dom.py" "$tmp/all.html" "$tmp/report.json" all

# The filters, each with a value that keeps some findings and hides others.
read -r severity rule file < <(python3 - "$tmp/report.json" <<'PY'
import collections, json, os, sys
findings = json.load(open(sys.argv[1]))["findings"]
for f in findings:
    f["file"] = os.path.normpath(f["file"])  # as the report shows it: relative to the source root
def pick(key):
    counts = collections.Counter(f[key] for f in findings)
    return min(counts, key=lambda k: (counts[k], k)) if len(counts) > 1 else ""
print(pick("severity"), pick("rule"), pick("file"))
PY
)
for filter in "severity=$severity" "rule=$rule" "file=$file"; do
  value=${filter#*=}
  [ -n "$value" ] || { echo "html-report: examples/ has too few kinds of findings to filter on ${filter%%=*}"; exit 1; }
  browse --dump-dom "$url#${filter%%=*}=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$value")" >"$tmp/filtered.html"
  python3 "$here/check_dom.py" "$tmp/filtered.html" "$tmp/report.json" "${filter%%=*}" "$value"
done

browser_own='^(CONNECT|GET|POST) (https?://)?[^/ ]*(\.google\.com|\.googleapis\.com|\.gvt1\.com)(:443)?[/ ]'
if grep -qE "$browser_own" "$tmp/requests.log"; then
  echo "html-report: chromium's own services called (not the page): $(grep -E "$browser_own" "$tmp/requests.log" | awk '{print $2}' | sed -E 's#^https?://##; s#[/:].*##' | sort -u | tr '\n' ' ')"
fi
grep -vE "$browser_own" "$tmp/requests.log" >"$tmp/page-requests.log" || true
if [ -s "$tmp/page-requests.log" ]; then
  sort -u "$tmp/page-requests.log"
  echo "html-report: the browser made requests while showing the report (above)"
  exit 1
fi
echo "html-report: ok (screenshot $(stat -c %s "$tmp/report.png") bytes; no request made)"
