import { describe, expect, it } from 'vitest';
import { call, setIdentity } from '../../src/api/client';
import { api } from '../../src/domain/contract';
import { againstBackend } from './backend';

againstBackend();

describe('mock API smoke', () => {
  it('serves the seeded ledger through the typed client', async () => {
    setIdentity('u-leader');
    const page = await call(api.listTasks, { query: { pageSize: 5 } });
    expect(page.total).toBe(70);
    expect(page.items).toHaveLength(5);
    expect(page.items[0]?.code).toBe('DB-2023-0001');
  });
});
