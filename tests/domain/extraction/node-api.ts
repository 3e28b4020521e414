// Node APIs for the CLI test, loaded dynamically so the app tsconfig (no @types/node) stays clean.
export interface SpawnResult {
  status: number | null;
  stdout: string;
  stderr: string;
}
export interface NodeApi {
  spawnSync(
    cmd: string,
    args: string[],
    opts: { encoding: 'utf8'; input?: string; timeout?: number; cwd?: string },
  ): SpawnResult;
  mkdtempSync(prefix: string): string;
  writeFileSync(path: string, data: string | Uint8Array): void;
  tmpdir(): string;
  join(...parts: string[]): string;
}

const load = (id: string): Promise<Record<string, unknown>> => import(/* @vite-ignore */ id);

export async function loadNode(): Promise<NodeApi> {
  const [cp, fs, os, path] = await Promise.all([
    load('node:child_process'),
    load('node:fs'),
    load('node:os'),
    load('node:path'),
  ]);
  return {
    spawnSync: cp.spawnSync as NodeApi['spawnSync'],
    mkdtempSync: fs.mkdtempSync as NodeApi['mkdtempSync'],
    writeFileSync: fs.writeFileSync as NodeApi['writeFileSync'],
    tmpdir: os.tmpdir as NodeApi['tmpdir'],
    join: path.join as NodeApi['join'],
  };
}
