// Parses every ```mermaid block of the Markdown files given with Mermaid's own parser
// (the pinned `mermaid` package, headless under jsdom). Prints one line per block and
// exits 1 when a block does not parse or no block was found.
// usage: node check_mermaid.mjs FILE.md... [--expect-at-least N]
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

const args = process.argv.slice(2);
let atLeast = 1;
const files = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--expect-at-least') atLeast = Number(args[++i]);
  else files.push(args[i]);
}

let blocks = 0, failed = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const fence = /^```mermaid\n([\s\S]*?)^```$/gm;
  for (let m; (m = fence.exec(text)); ) {
    ++blocks;
    const line = text.slice(0, m.index).split('\n').length;
    try {
      const result = await mermaid.parse(m[1]);
      if (!result || !String(result.diagramType).startsWith('flowchart')) throw new Error(`not a flowchart: ${JSON.stringify(result)}`);
    } catch (e) {
      ++failed;
      console.log(`${file}:${line}: mermaid does not parse this block: ${String(e.message || e).split('\n').join(' | ')}`);
    }
  }
}
console.log(`markdown-mermaid: ${blocks} diagrams, ${failed} rejected`);
if (blocks < atLeast) {
  console.log(`markdown-mermaid: expected at least ${atLeast} diagrams`);
  process.exit(1);
}
process.exit(failed ? 1 : 0);
