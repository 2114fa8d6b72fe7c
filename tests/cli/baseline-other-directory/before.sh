# Recorded from inside infra/, into the directory above; read from the top: the paths are
# relative to the baseline file, so the findings still match.
(cd infra && "$EPHEMERA" scan . --write-baseline ../baseline.json)
