// CLI: npm run -s extract -- FILE|- [--date YYYY-MM-DD]
// Prints one JSON object. Exit 0 for any readable text; exit 2 (one stderr line) when the input
// cannot be read or is not valid UTF-8.
import { readFileSync } from 'node:fs';
import { extract } from '../src/domain/extraction/index.ts';

function fail(msg: string): never {
  process.stderr.write(`${msg.replace(/\s+/g, ' ').trim()}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let file: string | undefined;
let date: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--date') date = args[++i];
  else if (a.startsWith('--date=')) date = a.slice('--date='.length);
  else if (a === '--help' || a === '-h') {
    process.stdout.write('usage: extract FILE|- [--date YYYY-MM-DD]\n');
    process.exit(0);
  } else if (file === undefined) file = a;
  else fail(`extract: unexpected argument ${a}`);
}
if (file === undefined) fail('extract: missing input file (use - for stdin)');
if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date))
  fail(`extract: --date must be YYYY-MM-DD, got ${date}`);

let bytes: Uint8Array;
try {
  bytes = readFileSync(file === '-' ? 0 : file);
} catch (err) {
  fail(`extract: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
}
let text: string;
try {
  text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
} catch {
  fail(`extract: ${file} is not valid UTF-8`);
}
if (text.charCodeAt(0) === 0xfeff) text = ` ${text.slice(1)}`; // keep offsets stable: BOM → space
const r = extract(text, date ? { meetingDate: date } : undefined);
process.stdout.write(
  `${JSON.stringify({ speakers: r.speakers, directives: r.directives, warnings: r.warnings, meeting: r.meeting })}\n`,
);
