# Record today's finding, then move it down the file by adding code above it.
"$EPHEMERA" scan . --write-baseline baseline.json
{ printf 'locals {\n  added = "above"\n}\n\n'; cat main.tf; } > moved.tf && mv moved.tf main.tf
