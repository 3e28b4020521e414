#!/usr/bin/env node
// Builds the gold JSON files of the long test texts from their annotated sources (*.src.txt).
//
//   node tests/domain/extraction/long/build.mjs && npx biome check --write tests/domain/extraction/long
//
// Source format: header lines `#id: …`, `#title: …`, `#speaker: NAME|null`, then the text, in which
// `[[heading]]` starts a directive, `<<measure>>` adds a measure to the last directive and `{{@NAME}}`
// / `{{@null}}` switches the speaker (zero-width). Markers are removed from the text; every heading and
// measure is therefore an exact substring of it. Hand-annotated by the corpus conventions
// (../shared/corpus/README.md); written for this project, not copied from any source.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
for (const f of readdirSync(here)
  .filter((n) => n.endsWith('.src.txt'))
  .sort()) {
  const src = readFileSync(join(here, f), 'utf8');
  const lines = src.split('\n');
  const meta = {};
  while (lines.length && lines[0].startsWith('#')) {
    const m = /^#(\w+):\s*(.*)$/.exec(lines.shift());
    if (m) meta[m[1]] = m[2].trim();
  }
  let speaker = meta.speaker === 'null' || !meta.speaker ? null : meta.speaker;
  const body = lines.join('\n').replace(/\s+$/, '');
  const directives = [];
  let text = '';
  const re = /\[\[([^\]]*)\]\]|<<([^>]*)>>|\{\{@([^}]*)\}\}/g;
  let last = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    text += body.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[1] !== undefined) {
      directives.push({ speaker, heading: m[1], measures: [] });
      text += m[1];
    } else if (m[2] !== undefined) {
      if (!directives.length) throw new Error(`${f}: measure before any heading: ${m[2]}`);
      directives[directives.length - 1].measures.push(m[2]);
      text += m[2];
    } else speaker = m[3] === 'null' ? null : m[3];
  }
  text += body.slice(last);
  if (/\[\[|\]\]|<<|>>|\{\{/.test(text)) throw new Error(`${f}: unbalanced marker`);
  const out = { id: meta.id, source_url: null, title: meta.title, text, directives };
  writeFileSync(join(here, f.replace(/\.src\.txt$/, '.json')), `${JSON.stringify(out, null, 2)}\n`);
  const nm = directives.reduce((n, d) => n + d.measures.length, 0);
  console.log(`${meta.id}: ${text.length} chars, ${directives.length} directives, ${nm} measures`);
}
