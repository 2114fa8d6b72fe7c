# Recorded from inside infra/, into the directory above; read from the top: the paths are
# relative to the baseline file, so the findings still match.
mkdir -p infra && cp -R "$(dirname "$0")/../../data/cli/lambda-with-secret/." infra/
(cd infra && "$EPHEMERA" scan . --write-baseline ../baseline.json)
