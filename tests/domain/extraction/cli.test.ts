// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNode, type NodeApi } from './node-api';

let node: NodeApi;
let dir = '';
const run = (args: string[], input?: string) =>
  node.spawnSync('npx', ['tsx', 'scripts/extract.ts', ...args], { encoding: 'utf8', input, timeout: 60_000 });

beforeAll(async () => {
  node = await loadNode();
  dir = node.mkdtempSync(node.join(node.tmpdir(), 'extract-cli-'));
});

describe('extract CLI', () => {
  it('empty file → exit 0 with a JSON result', () => {
    const f = node.join(dir, 'empty.txt');
    node.writeFileSync(f, '');
    const r = run([f]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.directives).toEqual([]);
    expect(out.warnings).toEqual(['empty text']);
  });

  it('reads stdin with - and applies --date', () => {
    const r = run(['-', '--date', '2024-05-01'], '会议强调，要抓好防汛，确保6月底前完成隐患排查。');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.directives).toHaveLength(1);
    expect(out.directives[0]).toMatchObject({
      id: 'd1',
      speaker: null,
      heading: '抓好防汛',
      kind: 'yao',
      parentId: null,
    });
    expect(out.directives[0].suggestedDeadline).toBe('2024-06-30');
    expect(Object.keys(out)).toEqual(['speakers', 'directives', 'warnings', 'meeting']);
  });

  it('garbage text → exit 0', () => {
    const f = node.join(dir, 'garbage.txt');
    node.writeFileSync(f, '\u0000\u0001要”“（，；');
    const r = run([f]);
    expect(r.status).toBe(0);
    expect(Array.isArray(JSON.parse(r.stdout).directives)).toBe(true);
  });

  it('missing file → exit 2 with one stderr line', () => {
    const r = run([node.join(dir, 'nope.txt')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  it('invalid UTF-8 → exit 2', () => {
    const f = node.join(dir, 'bad.txt');
    node.writeFileSync(f, new Uint8Array([0xe8, 0xa6, 0x81, 0xff, 0xfe, 0x41]));
    const r = run([f]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
