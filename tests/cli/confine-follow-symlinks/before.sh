# The tree of confine-links-outside, scanned with --follow-symlinks: the user opted in, so the
# links are followed and what lies behind them is analysed (unsafe on code you do not trust).
here="$(dirname "$0")"
cp -R "$here/../confine-links-outside/input/." .
bash "$here/../confine-links-outside/before.sh"
rm environ.json  # /proc/self/environ is not a template, and differs per run
