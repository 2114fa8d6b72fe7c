#!/usr/bin/env bash
# ctest emacs-clients: Debian's Emacs with its lsp-mode and eglot packages (installed by
# scripts/bootstrap for `make test`) loads editors/emacs and asks each client which servers it
# would start for a SAM template and a Terraform file: lsp-mode starts ephemera NEXT TO
# yaml-language-server and terraform-ls; eglot starts ephemera instead of them, as its file says.
# usage: emacs_clients.sh EPHEMERA_BIN SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
if ! command -v emacs >/dev/null 2>&1; then
  echo "emacs-clients: emacs is not installed; run 'make bootstrap-tests' (scripts/bootstrap installs it)"
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The other servers only need to be found on PATH: nothing here starts them.
mkdir -p "$tmp/path" "$tmp/project" "$tmp/home"
for server in yaml-language-server terraform-ls; do
  printf '#!/bin/sh\nexit 0\n' > "$tmp/path/$server"
  chmod +x "$tmp/path/$server"
done
ln -s "$bin" "$tmp/path/ephemera"
printf 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n' > "$tmp/project/template.yaml"
printf 'locals {}\n' > "$tmp/project/main.tf"
HOME=$tmp/home PATH=$tmp/path:$PATH EPH_SOURCE=$src EPH_PROJECT=$tmp/project \
  timeout 120 emacs --batch -q -l "$src/tests/e2e/emacs/emacs_clients.el" 2>&1 | grep -v '^Loading\|^Wrote\|^Saving'
