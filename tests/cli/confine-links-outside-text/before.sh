# The tree of confine-links-outside, reported as text: the links not followed are visible there too.
here="$(dirname "$0")"
cp -R "$here/../confine-links-outside/input/." .
bash "$here/../confine-links-outside/before.sh"
