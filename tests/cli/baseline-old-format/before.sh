# A baseline as ephemera 0.1.0 wrote it (no "paths" key: paths as seen from where it was
# written, here its own directory), read from the directory above.
(cd repo && "$EPHEMERA" scan . --write-baseline .ephemera-baseline.json)
sed -i '/"paths"/d' repo/.ephemera-baseline.json
