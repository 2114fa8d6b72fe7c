// ephemera's HCL verdict (a parse error, EPH000, or none) must agree with HashiCorp's own HCL
// parser (@cdktf/hcl2json, its WebAssembly build, pinned by package-lock.json here) on every
// file of cases/ (but those known-disagreements.tsv lists, with the reason) and, when the
// corpus is present, on every .tf file of the corpus. Where both reject a file, the first
// error must be on the same line (an editor underlines it there; known-disagreements.tsv lists
// the exceptions as "place:NAME").
// usage: node compare.js EPHEMERA CASES_DIR [CORPUS_DIR]   (exit 77: the reference is not installed)
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

let parse;
try {
  ({ parse } = require("@cdktf/hcl2json"));
} catch (e) {
  console.log("@cdktf/hcl2json is not installed (EPHEMERA_BOOTSTRAP_TESTS=1 scripts/bootstrap): skipped");
  process.exit(77);
}

function tfFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tfFiles(full));
    else if (entry.name.endsWith(".tf")) out.push(full);
  }
  return out.sort();
}

// Files with an EPH000 finding, from one scan of `dir`.
function ephemeraErrors(ephemera, dir) {
  let output;
  try {
    output = execFileSync(ephemera, ["scan", dir, "--format", "json", "--fail-on", "none"], {
      encoding: "utf8",
      maxBuffer: 256 << 20,
    });
  } catch (e) {
    output = e.stdout;  // exit 1: parse errors fail the scan
  }
  const report = JSON.parse(output);
  const errors = new Map();
  for (const f of report.findings)  // in order: the first is the earliest
    if (f.rule === "EPH000" && !errors.has(path.resolve(f.file)))
      errors.set(path.resolve(f.file), `${f.line}:${f.column} ${f.message}`);
  return errors;
}

// The line of the earliest diagnostic in hcl2json's error text ("FILE:L,C-L,C: Summary; ..."),
// not counting places a detail names ("already set at FILE:L,C-L,C").
function firstReferenceLine(reference) {
  let first = Infinity;
  for (const m of reference.matchAll(/(\S+\.tf):(\d+),\d+-/g))
    if (!reference.slice(0, m.index).endsWith(" at ")) first = Math.min(first, Number(m[2]));
  return first;
}

// name -> reason, from known-disagreements.tsv.
function knownDisagreements() {
  const known = new Map();
  for (const line of fs.readFileSync(path.join(__dirname, "known-disagreements.tsv"), "utf8").split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const [name, reason] = line.split("\t");
    known.set(name, reason);
  }
  return known;
}

async function compare(ephemera, dir, label, known) {
  const files = tfFiles(dir);
  const ours = ephemeraErrors(ephemera, dir);
  let disagreements = 0, rejected = 0;
  for (const file of files) {
    let reference = null;
    try {
      await parse(file, fs.readFileSync(file, "utf8"));
    } catch (e) {
      reference = String(e).replace(/\s+/g, " ");
      ++rejected;
    }
    const mine = ours.get(path.resolve(file)) || null;
    const name = path.relative(dir, file);
    if (reference && mine) {
      const [theirs, line] = [firstReferenceLine(reference), Number(mine.split(":")[0])];
      const place = `place:${name}`;
      if (theirs === line && known.has(place)) {
        ++disagreements;
        console.log(`AGREES NOW ${place}: remove it from known-disagreements.tsv`);
      } else if (theirs !== line && !known.has(place)) {
        ++disagreements;
        console.log(`PLACE ${name}: hcl2json's first error is on line ${theirs}, ephemera's on line ${line}\n  hcl2json: ${reference}\n  ephemera: ${mine}`);
      }
    }
    if (!reference === !mine) {
      if (known.has(name)) {
        ++disagreements;
        console.log(`AGREES NOW ${name}: remove it from known-disagreements.tsv`);
      }
      continue;
    }
    if (known.has(name)) {
      console.log(`known disagreement ${name}: ${known.get(name)}`);
      continue;
    }
    ++disagreements;
    console.log(`DISAGREE ${path.relative(dir, file)}\n  hcl2json: ${reference || "valid"}\n  ephemera: ${mine || "valid"}`);
  }
  console.log(`${label}: ${files.length} files, ${rejected} rejected by hcl2json, ${disagreements} disagreements`);
  return disagreements;
}

async function main() {
  const [ephemera, cases, corpus] = process.argv.slice(2);
  const known = knownDisagreements();
  let bad = await compare(path.resolve(ephemera), path.resolve(cases), "cases", known);
  const corpusTf = corpus && path.join(corpus, "terraform");
  if (corpusTf && fs.existsSync(corpusTf)) bad += await compare(path.resolve(ephemera), corpusTf, "corpus", new Map());
  else console.log("corpus not present: only the cases compared");
  process.exit(bad ? 1 : 0);
}
main();
