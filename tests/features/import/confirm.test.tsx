import { fireEvent, screen, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { getDb } from '../../../mocks/store/instance';
import { DRAFT_KEY, flushImportDraft, useImportDraft } from '../../../src/shared/stores/import-draft';
import { counts, openWizard, pasteAndExtract, resetDraft } from './helpers';

beforeEach(resetDraft);

const next = () => fireEvent.click(screen.getByRole('button', { name: '下一步' }));

/** From the pasted seed article to step 4, with the one task that has no suggested lead unit assigned. */
async function toConfirm() {
  await openWizard();
  await pasteAndExtract();
  next();
  await screen.findByRole('table', { name: '待分派的任务' });
  const leads = screen.getAllByRole('combobox', { name: /^牵头单位（任务 \d+）$/ });
  for (const l of leads)
    if ((l as HTMLSelectElement).value === '') fireEvent.change(l, { target: { value: 'p-dcs' } });
  next();
  await screen.findByRole('heading', { name: '确认导入' });
}

/** The seed already holds this article: make the stored copies differ, so an import is not a duplicate. */
function storedMeetingsDiffer() {
  for (const m of getDb().data.meetings)
    Object.assign(m, { title: `${m.title}（旧）`, text: `${m.text}（旧稿）` });
  getDb().commit();
}

const storedDraft = () => {
  flushImportDraft();
  const raw = localStorage.getItem(DRAFT_KEY);
  return raw ? (JSON.parse(raw) as { state: { directives: unknown[]; step: number } }).state : null;
};

describe('import wizard: assign and confirm', () => {
  it('prefills assignments from the suggestions and assigns a selection in bulk', async () => {
    await openWizard();
    await pasteAndExtract();
    next();
    const table = await screen.findByRole('table', { name: '待分派的任务' });
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(screen.getByRole('navigation', { name: '任务分页' })).toHaveTextContent('第 1 / 2 页');
    // Suggested: the unit named by the keyword table, its staff contact, six months after assignment
    // (today, 2024-05-20: a speech imported later does not start with deadlines already past).
    expect(screen.getByRole('combobox', { name: '牵头单位（任务 1）' })).toHaveValue('p-kjt');
    expect(screen.getByRole('combobox', { name: '责任人（任务 1）' })).toHaveValue('u-kjt');
    expect(screen.getByLabelText('完成时限（任务 1）')).toHaveValue('2024-11-30');
    const talent = screen.getAllByText(/人才/, { selector: '.import-assign__title' })[0]!;
    const n = talent.textContent!.split('.')[0];
    expect(screen.getByRole('combobox', { name: `牵头单位（任务 ${n}）` })).toHaveValue('p-zzb');

    fireEvent.change(screen.getByRole('combobox', { name: '牵头单位（任务 2）' }), {
      target: { value: 'p-jyt' },
    });
    expect(screen.getByRole('combobox', { name: '责任人（任务 2）' })).toHaveValue('u-jyt');
    fireEvent.change(screen.getByRole('combobox', { name: '配合单位（任务 2）（添加配合单位）' }), {
      target: { value: 'p-czt' },
    });
    expect(screen.getByRole('list', { name: '配合单位（任务 2）' })).toHaveTextContent('省财政厅');

    fireEvent.click(screen.getByRole('checkbox', { name: '选择任务 3' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '选择任务 4' }));
    const bulk = screen.getByRole('group', { name: '批量分派' });
    expect(within(bulk).getByText('已选 2 项')).toBeInTheDocument();
    fireEvent.change(within(bulk).getByLabelText('牵头单位'), { target: { value: 'p-fgw' } });
    fireEvent.click(within(bulk).getByRole('button', { name: '设为牵头单位' }));
    fireEvent.change(within(bulk).getByLabelText('完成时限'), { target: { value: '2023-12-31' } });
    fireEvent.click(within(bulk).getByRole('button', { name: '设为完成时限' }));
    for (const k of [3, 4]) {
      expect(screen.getByRole('combobox', { name: `牵头单位（任务 ${k}）` })).toHaveValue('p-fgw');
      expect(screen.getByLabelText(`完成时限（任务 ${k}）`)).toHaveValue('2023-12-31');
    }
    expect(screen.getByRole('combobox', { name: '牵头单位（任务 5）' })).not.toHaveValue('p-fgw');
    // Select all 70 across pages, then give them one more cooperating unit.
    fireEvent.click(within(bulk).getByRole('button', { name: '选择全部 70 项' }));
    fireEvent.change(within(bulk).getByLabelText('配合单位'), { target: { value: 'p-dcs' } });
    fireEvent.click(within(bulk).getByRole('button', { name: '添加为配合单位' }));
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    expect(screen.getByRole('list', { name: '配合单位（任务 70）' })).toHaveTextContent('督查室');
  }, 60_000);

  it('asks before importing a speech that is already in Luoshi, and imports it once confirmed', async () => {
    const before = getDb().data.meetings.length;
    await toConfirm();
    fireEvent.click(screen.getByRole('button', { name: '确认导入（生成 70 项任务）' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('这篇讲话可能已经导入过');
    expect(within(alert).getByRole('link', { name: '查看已导入的会议' })).toHaveAttribute(
      'href',
      '/meetings/m-2023-0424-ah',
    );
    expect(getDb().data.meetings).toHaveLength(before);
    fireEvent.click(within(alert).getByRole('button', { name: '仍然导入' }));
    expect(await screen.findByRole('heading', { name: /导入完成/ })).toBeInTheDocument();
    expect(getDb().data.meetings).toHaveLength(before + 1);
  });

  it('confirms: one request creates meeting, directives and tasks, links to the ledger, clears the draft', async () => {
    storedMeetingsDiffer();
    const before = getDb().data.tasks.length;
    await toConfirm();
    expect(screen.getByTestId('import-confirm-counts')).toHaveTextContent(
      '部署 22 项（举措 70 条），任务 70 项',
    );
    fireEvent.click(screen.getByRole('button', { name: '确认导入（生成 70 项任务）' }));
    expect(await screen.findByRole('heading', { name: /导入完成/ })).toBeInTheDocument();
    const db = getDb().data;
    const meeting = db.meetings.at(-1)!;
    expect(db.tasks.length - before).toBe(70);
    expect(db.directives.filter((d) => d.meetingId === meeting.id)).toHaveLength(22);
    expect(screen.getByRole('link', { name: '在督办台账中查看' })).toHaveAttribute(
      'href',
      `/ledger?meeting=${meeting.id}`,
    );
    expect(screen.getByRole('link', { name: '查看会议与原文' })).toHaveAttribute(
      'href',
      `/meetings/${meeting.id}`,
    );
    expect(screen.getAllByRole('link', { name: /^DB-/ })).toHaveLength(70);
    expect(useImportDraft.getState().directives).toHaveLength(0);
    expect(storedDraft()?.directives).toEqual([]);
  });

  it.each([
    [500, 'server-error', '数据库暂时不可用'],
    [403, 'forbidden', '无权导入'],
  ])('a failing confirm (%i) shows the message and keeps the draft', async (status, code, message) => {
    server.use(http.post('*/api/imports', () => HttpResponse.json({ error: { code, message } }, { status })));
    storedMeetingsDiffer();
    const before = getDb().data.meetings.length;
    await toConfirm();
    fireEvent.click(screen.getByRole('button', { name: /确认导入（生成 70 项任务）/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(message);
    expect(alert).toHaveTextContent('草稿已保留');
    expect(getDb().data.meetings).toHaveLength(before);
    expect(useImportDraft.getState().directives).toHaveLength(22);
    expect(storedDraft()).toMatchObject({ step: 4 });
    expect(storedDraft()?.directives).toHaveLength(22);
    // Nothing was lost: the same draft goes through once the server is back.
    server.resetHandlers();
    fireEvent.click(screen.getByRole('button', { name: /确认导入/ }));
    expect(await screen.findByRole('heading', { name: /导入完成/ })).toBeInTheDocument();
  });

  it('names the task behind a 400 field path', async () => {
    server.use(
      http.post('*/api/imports', () =>
        HttpResponse.json(
          {
            error: {
              code: 'bad-request',
              message: '引用的单位或人员不存在',
              fields: [{ path: 'tasks.0.leadUnitId', message: 'unknown unit' }],
            },
          },
          { status: 400 },
        ),
      ),
    );
    await toConfirm();
    fireEvent.click(screen.getByRole('button', { name: /确认导入/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/任务 1「.+」leadUnitId：unknown unit/);
  });

  it('keeps the draft across a reload (persisted in the browser)', async () => {
    const { unmount } = await openWizard();
    await pasteAndExtract();
    fireEvent.click(screen.getAllByTestId('import-directive')[0]!);
    fireEvent.change(screen.getByLabelText('部署标题'), { target: { value: '已修改的部署' } });
    unmount();
    flushImportDraft();
    // A reload: memory is gone, only browser storage remains.
    useImportDraft.setState({ directives: [], text: '', step: 1, extractedText: null });
    await useImportDraft.persist.rehydrate();
    await openWizard();
    expect(counts()).toBe('部署 22 项 · 举措 70 项');
    expect(screen.getAllByTestId('import-directive')[0]).toHaveTextContent('已修改的部署');
  });

  it('blocks the confirm while something is missing and says where to fix it', async () => {
    await openWizard();
    await pasteAndExtract();
    next();
    fireEvent.change(await screen.findByRole('combobox', { name: '牵头单位（任务 1）' }), {
      target: { value: '' },
    });
    fireEvent.click(screen.getByRole('button', { name: /4 确认/ }));
    expect(await screen.findByRole('heading', { name: /还有 1 处需要处理/ })).toBeInTheDocument();
    expect(screen.getByText('1 项任务还没有牵头单位。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /确认导入/ })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: '去第 3 步' }));
    expect(await screen.findByRole('table', { name: '待分派的任务' })).toBeInTheDocument();
  });

  it('lets a leader prepare a draft but not confirm it', async () => {
    await openWizard({ as: 'u-leader' });
    expect(await screen.findByRole('note')).toHaveTextContent('只有督查室可以确认导入');
    await pasteAndExtract();
    fireEvent.click(screen.getByRole('button', { name: /4 确认/ }));
    await screen.findByRole('heading', { name: '确认导入' });
    expect(screen.getByRole('button', { name: /确认导入/ })).toBeDisabled();
  });

  it('starts empty, without an error, when the stored draft is unreadable', async () => {
    localStorage.setItem(DRAFT_KEY, '{not json');
    await useImportDraft.persist.rehydrate();
    await openWizard();
    expect(screen.getByLabelText('粘贴讲话全文或会议报道')).toHaveValue('');
    expect(screen.getByRole('button', { name: '识别部署' })).toBeDisabled();
  });
});
