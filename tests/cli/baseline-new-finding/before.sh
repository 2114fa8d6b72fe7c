# Record today's finding, then add a new one: only the new one is reported.
"$EPHEMERA" scan . --write-baseline baseline.json
printf '\n# ephemera:ignore EPH000 reason="new and stale"\nlocals {\n  other = 1\n}\n' >> main.tf
