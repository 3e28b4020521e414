/**
 * Writes docs/api.md from the contract (src/domain/contract), so the backend team reads the same
 * definitions the client and the mock API use. Run: npm run docs:api
 */
import { writeFileSync } from 'node:fs';
import type { z } from 'zod';
import { api } from '../src/domain/contract';
import { jsonSchemaOf } from '../src/domain/contract/openapi';

// The same JSON Schema conversion as the OpenAPI document the server serves at /api/openapi.json.
function schemaBlock(title: string, schema: z.ZodType | undefined, io: 'input' | 'output' = 'input'): string {
  if (!schema) return '';
  const json = jsonSchemaOf(schema, io);
  return `<details><summary>${title}</summary>\n\n\`\`\`json\n${JSON.stringify(json, null, 2)}\n\`\`\`\n</details>\n\n`;
}

const lines: string[] = [
  '# Luoshi REST API',
  '',
  'Generated from `src/domain/contract` by `npm run docs:api`; do not edit by hand.',
  '',
  '- The same document as OpenAPI 3.1: `GET /api/openapi.json` on the server.',
  '- Identity: header `X-Luoshi-User: <person id>` in the demo, and on a server listening on a loopback address (until sign-in lands).',
  '- Versioned writes (marked ✱) need `If-Match: <task version>`: 412 with `error.current` when stale, 428 when missing.',
  '- Every error has one shape: `{ "error": { "code", "message", "fields"?: [{ "path", "message" }], "current"? } }`',
  '  with codes bad-request 400, unauthenticated 401, forbidden 403, not-found 404, conflict 409 (illegal workflow',
  '  step), precondition-failed 412, precondition-required 428, server-error 500, unavailable 503 (database down; retry),',
  '  unsupported-media-type 415, too-many-requests 429, payload-too-large 413 (body over 1 MB), request-timeout 408',
  '  (headers too slow, or the client left before its write started), header-fields-too-large 431.',
  '- Every mutation attempt, refused ones included, adds one audit entry; the audit log is read-only.',
  '',
  '| method | path | summary |',
  '| --- | --- | --- |',
  ...Object.values(api).map(
    (e) => `| ${e.method} | \`${e.path}\` | ${e.summary}${e.versioned ? ' ✱' : ''} |`,
  ),
  '',
];
for (const [name, e] of Object.entries(api)) {
  lines.push(
    `## ${e.method} ${e.path}`,
    '',
    `\`${name}\` — ${e.summary}${e.versioned ? ' (If-Match required)' : ''}`,
    '',
  );
  lines.push(
    schemaBlock('query', e.query) +
      schemaBlock('body', e.body) +
      schemaBlock('response', e.response, 'output'),
  );
}
writeFileSync('docs/api.md', lines.join('\n'));
console.log(`docs/api.md: ${Object.keys(api).length} endpoints`);
