"$EPHEMERA" scan . --write-baseline baseline.json
