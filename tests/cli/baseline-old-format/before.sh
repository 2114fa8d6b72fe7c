# A baseline as ephemera 0.1.0 wrote it (no "paths" key: paths as seen from where it was
# written, here its own directory), read from the directory above.
mkdir -p repo && cp -R "$(dirname "$0")/../../data/cli/lambda-with-secret/." repo/
(cd repo && "$EPHEMERA" scan . --write-baseline .ephemera-baseline.json)
sed -i '/"paths"/d' repo/.ephemera-baseline.json
