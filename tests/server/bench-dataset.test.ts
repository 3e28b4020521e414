import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../mocks/seed/random';
import { writeDataset } from '../../scripts/bench-server/dataset';
import { plan100k } from '../../scripts/bench-server/gen-100k';
import { people600, units600 } from '../../scripts/bench-server/org-600';
import { connect } from '../../server/store/connect';
import { createPgStore } from '../../server/store/pg-store';
import { dbSchema } from '../../src/service/db';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the 100,000-task benchmark set', () => {
  it('has 600 units of the three levels, each county or bureau under one of the 16 cities', () => {
    const units = units600();
    expect(new Set(units.map((u) => u.id)).size).toBe(600);
    const cities = new Set(units.filter((u) => u.level === 'city').map((u) => u.id));
    expect(cities.size).toBe(16);
    for (const u of units.filter((x) => x.level === 'city-bureau'))
      expect(cities.has(u.parentId!)).toBe(true);
    const people = people600(units, createRandom(1));
    // Every unit but the two offices has its responsible staff member.
    const staffed = new Set(people.filter((p) => p.role === 'staff').map((p) => p.unitId));
    expect(units.filter((u) => !staffed.has(u.id)).map((u) => u.id)).toEqual(['p-wbt', 'p-dcs']);
  });

  it('is the same for the same seed', async () => {
    const rows = async () => {
      const out: unknown[] = [];
      await plan100k().run(
        {
          async task(t, reports) {
            out.push(t, ...reports);
          },
        },
        300,
      );
      return JSON.stringify(out);
    };
    expect(await rows()).toBe(await rows());
  });

  it('loads back through the store as a valid Db, and its accounts can sign in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-bench-ds-'));
    dirs.push(dir);
    const conn = await connect({ dataDir: join(dir, 'db') });
    const report = await writeDataset(conn.kysely, '100k', () => {}, 400).finally(() => conn.close());
    expect(report.rows.tasks).toBe(400);
    const store = await createPgStore({
      dataDir: join(dir, 'db'),
      seed: () => {
        throw new Error('must not seed: the benchmark wrote the data');
      },
    });
    try {
      const db = dbSchema.parse(await store.loadFresh());
      expect(db.tasks).toHaveLength(400);
      expect(db.reports.length).toBe(report.rows.reports);
      expect(db.units).toHaveLength(600);
      const sup = (await store.auth.credentials()).find((c) => c.login === 'sup');
      expect(sup?.active).toBe(true);
    } finally {
      await store.close();
    }
  }, 60_000);
});
