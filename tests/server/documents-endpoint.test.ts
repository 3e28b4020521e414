// @vitest-environment node
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server/serve';

/** 公文 from the server: the same generators as the demo, authorised like the data they hold. */
describe('GET /api/documents on the Node server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      port: 0,
      memory: true,
      quiet: true,
      print: () => {},
      testIdentityHeader: true,
      clock: () => Date.parse('2024-05-20T10:00:00+08:00'),
      distDir: '/nonexistent',
    });
  }, 120_000);
  afterAll(() => server?.close());

  const get = (path: string, as: string) =>
    fetch(`${server.url}${path}`, { headers: { 'X-Luoshi-User': as } });
  async function bodyText(res: Response): Promise<string> {
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
  }

  it("serves a task's 督办通知单 as a .docx with its code and title", async () => {
    const res = await get('/api/documents/tasks/T-0003/notice', 'u-kjt');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const text = await bodyText(res);
    expect(text).toContain('DB-2023-0003');
    expect(text).toContain('督办通知单');
  });

  it("gives a unit's notices to its own staff, the office and leaders, not to another unit", async () => {
    expect((await get('/api/documents/units/p-kjt/notices', 'u-kjt')).status).toBe(200);
    expect((await get('/api/documents/units/p-kjt/notices', 'u-leader')).status).toBe(200);
    const other = await get('/api/documents/units/p-kjt/notices', 'u-fy-kjj');
    expect(other.status).toBe(403);
    expect((await other.json()).error.code).toBe('forbidden');
  });

  it('serves the 重点任务分解表 of a meeting, and 404 for an unknown one', async () => {
    const res = await get('/api/documents/meetings/m-2023-0424-ah/breakdown', 'u-leader');
    expect(res.status).toBe(200);
    expect(await bodyText(res)).toContain('重点任务分解表');
    expect((await get('/api/documents/meetings/nope/breakdown', 'u-leader')).status).toBe(404);
  });

  it('a bulletin of an unpublished quarter is the office preview; publishing numbers it per year', async () => {
    expect((await get('/api/documents/bulletins/2024Q1', 'u-leader')).status).toBe(403);
    expect((await get('/api/documents/bulletins/2024Q1', 'u-sup')).status).toBe(200);
    const publish = await fetch(`${server.url}/api/assessments/2024Q1/publish`, {
      method: 'POST',
      headers: { 'X-Luoshi-User': 'u-sup', 'Content-Type': 'application/json', Origin: server.url },
      body: '{}',
    });
    expect(publish.status).toBe(200);
    const res = await get('/api/documents/bulletins/2024Q1', 'u-leader');
    expect(res.status).toBe(200);
    const text = await bodyText(res);
    expect(text).toContain('督查通报〔2024〕1号');
    expect(text).toContain('关于2024年第一季度讲话部署落实情况的通报');
  });

  it('answers 401 without an identity', async () => {
    expect((await fetch(`${server.url}/api/documents/tasks/T-0003/notice`)).status).toBe(401);
  });
});
