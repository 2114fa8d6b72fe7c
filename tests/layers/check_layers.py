#!/usr/bin/env python3
"""Fails when an #include in src/ or rules/ points up a layer.

The layers, their folders and what each builds on are declared once, in cmake/layers.txt
(the build makes one library per line from the same file). A file may include headers of its
own layer and of the layers below it (what its layer builds on, transitively); an include of
any other layer's folder, or a source file in no declared layer's folder, is an error.

  check_layers.py ROOT          check the repository at ROOT
  check_layers.py --self-test   check that a tree with an upward include fails
"""
import os
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')
SOURCE_SUFFIXES = (".h", ".cpp", ".c")


def read_layers(path):
    """[(name, folder, [deps])] in declaration order; raises ValueError on a bad declaration."""
    layers = []
    seen = set()
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.split("#", 1)[0].split()
            if not line:
                continue
            if len(line) < 2:
                raise ValueError(f"{path}:{number}: a layer needs a name and a folder")
            name, folder, deps = line[0], line[1], line[2:]
            if name in seen:
                raise ValueError(f"{path}:{number}: layer '{name}' declared twice")
            for dep in deps:
                # Bottom-up order: a layer builds only on layers declared before it (no cycle).
                if dep not in seen:
                    raise ValueError(f"{path}:{number}: layer '{name}' builds on '{dep}', not declared below it")
            seen.add(name)
            layers.append((name, folder, deps))
    return layers


def below(layers):
    """name -> the set of layers it may include: itself and everything it builds on, transitively."""
    reach = {}
    for name, _, deps in layers:
        reach[name] = {name}.union(*(reach[d] for d in deps)) if deps else {name}
    return reach


def check(root):
    """Error messages for the tree at root (empty when the layering holds)."""
    try:
        layers = read_layers(os.path.join(root, "cmake", "layers.txt"))
    except (OSError, ValueError) as e:
        return [str(e)]
    reach = below(layers)
    by_folder = {folder: name for name, folder, _ in layers}
    # What an include's first path component names: a layer's folder name (core/, rules/ ...).
    by_include_prefix = {os.path.basename(folder): name for name, folder, _ in layers}
    errors = []
    checked = 0
    for top in ("src", "rules"):
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            for file in sorted(files):
                if not file.endswith(SOURCE_SUFFIXES):
                    continue
                path = os.path.join(dirpath, file)
                rel = os.path.relpath(path, root).replace(os.sep, "/")
                layer = next((name for folder, name in by_folder.items()
                              if rel == folder or rel.startswith(folder + "/")), None)
                if layer is None:
                    errors.append(f"{rel}: in no layer's folder (declare its folder in cmake/layers.txt)")
                    continue
                checked += 1
                with open(path, encoding="utf-8", errors="replace") as f:
                    for number, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if not m or "/" not in m.group(1):
                            continue
                        target = by_include_prefix.get(m.group(1).split("/", 1)[0])
                        if target is not None and target not in reach[layer]:
                            errors.append(f"{rel}:{number}: includes \"{m.group(1)}\": layer '{layer}' "
                                          f"does not build on '{target}' (cmake/layers.txt)")
    if checked == 0:
        errors.append(f"{root}: no source file found in any layer")
    return errors


def self_test():
    """The checker itself: a clean tree passes; an upward include and an undeclared folder fail."""
    layout = {
        "cmake/layers.txt": "low src/low\nhigh src/high low\n",
        "src/low/a.h": '#include "low/b.h"\n',
        "src/low/b.h": "",
        "src/high/c.cpp": '#include "low/a.h"\n#include "high/d.h"\n',
        "src/high/d.h": "",
    }
    with tempfile.TemporaryDirectory() as root:
        def write(rel, text):
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w", encoding="utf-8") as f:
                f.write(text)
        for rel, text in layout.items():
            write(rel, text)
        failures = []
        if check(root):
            failures.append(f"clean tree reported: {check(root)}")
        write("src/low/b.h", '#include "high/d.h"\n')
        if not any("src/low/b.h:1" in e and "'low' does not build on 'high'" in e for e in check(root)):
            failures.append(f"upward include not reported: {check(root)}")
        write("src/low/b.h", "")
        write("src/stray/e.cpp", "")
        if not any("src/stray/e.cpp: in no layer" in e for e in check(root)):
            failures.append(f"undeclared folder not reported: {check(root)}")
        os.remove(os.path.join(root, "src/stray/e.cpp"))
        write("cmake/layers.txt", "low src/low high\nhigh src/high low\n")
        if not any("not declared below it" in e for e in check(root)):
            failures.append(f"a cycle in the declaration not reported: {check(root)}")
    for failure in failures:
        print("self-test:", failure)
    return 1 if failures else 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    errors = check(argv[1])
    for e in errors:
        print(e)
    if errors:
        print(f"{len(errors)} include(s) against the layers; see cmake/layers.txt and README.md (Layers)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
