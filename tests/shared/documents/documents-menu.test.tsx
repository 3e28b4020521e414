import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import JSZip from 'jszip';
import { delay, HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { server } from '../../../mocks/node';
import {
  MeetingDocumentsMenu,
  ReviewDocumentsMenu,
  TaskDocumentsMenu,
  UnitDocumentsMenu,
} from '../../../src/shared/documents';
import { renderPage } from '../../test-utils';

/** Downloads the menu hands to the browser: file names and the .docx text. */
function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  let pending: Blob | null = null;
  URL.createObjectURL = vi.fn((b: Blob) => {
    pending = b;
    return 'blob:doc';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, blob: pending! });
  });
  return files;
}
const documentText = async (blob: Blob) => {
  const zip = await JSZip.loadAsync(await blob.arrayBuffer());
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
};

async function openMenu() {
  await userEvent.click(screen.getByRole('button', { name: /下载公文/ }));
  return screen.getByRole('region', { name: '下载公文（Word 格式）' });
}

describe('下载公文', () => {
  let files: ReturnType<typeof captureDownloads>;
  beforeEach(() => {
    files = captureDownloads();
  });
  afterEach(() => vi.restoreAllMocks());

  it('downloads the task’s 督办通知单 as a Word document with the task in it', async () => {
    renderPage(<TaskDocumentsMenu taskId="T-0001" />, '/t', '/t');
    const menu = await openMenu();
    expect(screen.getByRole('button', { name: /下载公文/ })).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(within(menu).getByRole('button', { name: '督办通知单' }));
    expect(
      await within(menu).findByText('已生成 督办通知单-DB-2023-0001.docx', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(files.map((f) => f.name)).toEqual(['督办通知单-DB-2023-0001.docx']);
    expect(files[0]!.blob.type).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const text = await documentText(files[0]!.blob);
    expect(text).toContain('督办通知单');
    expect(text).toContain('编号：DB-2023-0001');
    expect(text).toContain('切实增强加快打造具有重要影响力的科技创新策源地的责任感和使命感');
  });

  it('previews the first page without building the document', async () => {
    renderPage(<TaskDocumentsMenu taskId="T-0001" />, '/t', '/t');
    const menu = await openMenu();
    await userEvent.click(within(menu).getByRole('button', { name: '预览首页：督办通知单' }));
    const sheet = await within(menu).findByRole(
      'figure',
      { name: '《督办通知单》首页预览' },
      { timeout: 10_000 },
    );
    expect(within(sheet).getByText('编号：DB-2023-0001')).toBeInTheDocument();
    expect(within(sheet).getByText('牵头单位：省科技厅')).toBeInTheDocument();
    expect(files).toHaveLength(0);
  });

  it('says what failed, keeps the choice and builds on retry', async () => {
    let fail = true;
    server.use(
      http.get('*/api/tasks/:id', () =>
        fail
          ? HttpResponse.json({ error: { code: 'server-error', message: '服务暂时不可用' } }, { status: 500 })
          : undefined,
      ),
    );
    renderPage(<TaskDocumentsMenu taskId="T-0001" />, '/t', '/t');
    const menu = await openMenu();
    await userEvent.click(within(menu).getByRole('button', { name: '督办通知单' }));
    const alert = await within(menu).findByRole('alert', {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent('生成《督办通知单》失败：服务暂时不可用');
    expect(within(menu).getByRole('listitem')).toHaveClass('is-selected');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: '重试' }));
    await waitFor(() => expect(files).toHaveLength(1), { timeout: 10_000 });
  });

  it("downloads a unit's notices for every open task it leads, saying how many while it builds", async () => {
    // Directives come slowly, so the progress line can be read before the document is done.
    server.use(
      http.get('*/api/directives', async () => {
        await delay(400);
        return undefined;
      }),
    );
    renderPage(<UnitDocumentsMenu unitId="p-kjt" />, '/u', '/u');
    const menu = await openMenu();
    await userEvent.click(within(menu).getByRole('button', { name: '督办通知单（全部未办结任务）' }));
    const status = await within(menu).findByRole('status');
    await waitFor(() =>
      expect(status).toHaveTextContent(/^正在生成《督办通知单（全部未办结任务）》（\d+ 份）…$/),
    );
    expect(within(menu).getByRole('button', { name: '督办通知单（全部未办结任务）' })).toBeDisabled();
    await waitFor(() => expect(files).toHaveLength(1), { timeout: 15_000 });
    expect(files[0]!.name).toBe('督办通知单-省科技厅-2024年5月20日.docx');
    expect((await documentText(files[0]!.blob)).match(/编号：DB-2023-\d{4}/g)!.length).toBeGreaterThan(5);
  });

  it("previews a unit's first notice: its open task due soonest", async () => {
    renderPage(<UnitDocumentsMenu unitId="p-kjt" />, '/u', '/u');
    const menu = await openMenu();
    await userEvent.click(
      within(menu).getByRole('button', { name: '预览首页：督办通知单（全部未办结任务）' }),
    );
    const sheet = await within(menu).findByRole('figure', {}, { timeout: 10_000 });
    expect(within(sheet).getByText(/^编号：DB-2023-\d{4}$/)).toBeInTheDocument();
    expect(within(sheet).getByText('牵头单位：省科技厅')).toBeInTheDocument();
  });

  it("downloads the meeting's 重点任务分解表 and previews its first rows", async () => {
    renderPage(<MeetingDocumentsMenu meetingId="m-2023-0424-ah" />, '/m', '/m');
    const menu = await openMenu();
    await userEvent.click(within(menu).getByRole('button', { name: '预览首页：重点任务分解表' }));
    const sheet = await within(menu).findByRole('figure', {}, { timeout: 10_000 });
    expect(within(sheet).getByText(/^1\. 切实增强加快打造/)).toBeInTheDocument();
    await userEvent.click(within(menu).getByRole('button', { name: '重点任务分解表' }));
    await waitFor(() => expect(files).toHaveLength(1), { timeout: 15_000 });
    expect(files[0]!.name).toBe(
      '重点任务分解表-全省深入推进创新型省份建设加快打造科技创新策源地工作会议.docx',
    );
  });

  it('downloads the 季度督查通报 with its 发文字号 and previews its masthead', async () => {
    renderPage(<ReviewDocumentsMenu quarter="2024Q1" level="all" charts={async () => []} />, '/r', '/r');
    const menu = await openMenu();
    await userEvent.click(within(menu).getByRole('button', { name: '预览首页：季度督查通报' }));
    const sheet = await within(menu).findByRole('figure', {}, { timeout: 10_000 });
    expect(within(sheet).getByText('督查通报〔2024〕1号')).toBeInTheDocument();
    expect(within(sheet).getByText('关于2024年第一季度讲话部署')).toBeInTheDocument();
    await userEvent.click(within(menu).getByRole('button', { name: '季度督查通报' }));
    await waitFor(() => expect(files).toHaveLength(1), { timeout: 15_000 });
    expect(files[0]!.name).toBe('督查通报〔2024〕1号-2024年第一季度.docx');
    expect(await documentText(files[0]!.blob)).toContain('关于2024年第一季度讲话部署落实情况的通报');
  });
});
