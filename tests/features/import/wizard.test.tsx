import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useImportDraft } from '../../../src/shared/stores/import-draft';
import { counts, openWizard, pasteAndExtract, resetDraft, SEED_ARTICLE } from './helpers';

beforeEach(resetDraft);

describe('import wizard: text → directives', () => {
  it('finds the 22 directives and 70 measures of the seed article and prefills the meeting', async () => {
    await openWizard();
    await pasteAndExtract();
    expect(counts()).toBe('部署 22 项 · 举措 70 项');
    expect(screen.getAllByTestId('import-directive')).toHaveLength(22);
    // The source text is marked: headings outlined, measures underlined (classes from styles.css).
    const preview = screen.getByRole('region', { name: '讲话原文（已标注部署与举措）' });
    expect(preview.querySelectorAll('mark.hl--heading')).toHaveLength(22);
    expect(preview.querySelectorAll('mark.hl--measure')).toHaveLength(70);
    fireEvent.click(screen.getByRole('button', { name: /1 文本与会议信息/ }));
    expect(screen.getByLabelText('会议名称')).toHaveValue(
      '全省深入推进创新型省份建设加快打造科技创新策源地工作会议',
    );
    expect(screen.getByLabelText('会议日期')).toHaveValue('2023-04-24');
    expect(screen.getByLabelText('地点')).toHaveValue('合肥');
    expect(screen.getByLabelText('来源')).toHaveValue('阜阳日报');
  });

  it('selecting a directive in the tree marks its source; clicking a mark selects the directive', async () => {
    await openWizard();
    await pasteAndExtract();
    const preview = screen.getByRole('region', { name: /讲话原文/ });
    const items = screen.getAllByTestId('import-directive');
    fireEvent.click(items[2]!);
    expect(items[2]).toHaveAttribute('aria-expanded', 'true');
    const selected = preview.querySelectorAll('mark.is-selected');
    expect(selected[0]).toHaveTextContent('在服务构建国家战略科技力量上勇挑重担');
    expect(selected).toHaveLength(6);
    const mark = [...preview.querySelectorAll('mark.hl--heading')].find((m) =>
      m.textContent?.startsWith('在关键核心技术攻关上'),
    )!;
    fireEvent.click(mark);
    expect(screen.getAllByTestId('import-directive')[3]).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByLabelText('部署标题')).toHaveValue('在关键核心技术攻关上敢打头阵');
  });

  it('edits a heading, splits and merges measures, deletes and adds directives', async () => {
    await openWizard();
    await pasteAndExtract();
    fireEvent.click(screen.getAllByTestId('import-directive')[0]!);
    fireEvent.change(screen.getByLabelText('部署标题'), { target: { value: '学深悟透总书记重要讲话精神' } });
    expect(screen.getAllByTestId('import-directive')[0]).toHaveTextContent('学深悟透总书记重要讲话精神');

    const first = screen.getByLabelText('举措 1') as HTMLTextAreaElement;
    const before = first.value;
    first.setSelectionRange(4, 4);
    fireEvent.click(screen.getByRole('button', { name: '拆分 举措 1' }));
    expect(counts()).toBe('部署 22 项 · 举措 71 项');
    expect(screen.getByLabelText('举措 1')).toHaveValue(before.slice(0, 4));
    expect(screen.getByLabelText('举措 2')).toHaveValue(before.slice(4));

    fireEvent.click(screen.getByRole('button', { name: '与下一条合并 举措 1' }));
    expect(counts()).toBe('部署 22 项 · 举措 70 项');
    expect(screen.getByLabelText('举措 1')).toHaveValue(before);

    // Split at the very start asks for a cursor position instead of splitting.
    (screen.getByLabelText('举措 1') as HTMLTextAreaElement).setSelectionRange(0, 0);
    fireEvent.click(screen.getByRole('button', { name: '拆分 举措 1' }));
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('先把光标放在要拆分的位置');

    fireEvent.click(screen.getByRole('button', { name: '删除 举措 5' }));
    expect(counts()).toBe('部署 22 项 · 举措 69 项');
    fireEvent.click(screen.getByRole('button', { name: '删除部署' }));
    expect(counts()).toBe('部署 21 项 · 举措 65 项');

    fireEvent.click(screen.getByRole('button', { name: '新增部署' }));
    expect(counts()).toBe('部署 22 项 · 举措 65 项');
    fireEvent.change(screen.getByLabelText('部署标题'), { target: { value: '要抓好科技成果转化' } });
    fireEvent.click(screen.getByRole('button', { name: '添加举措' }));
    expect(counts()).toBe('部署 22 项 · 举措 66 项');
  });

  it('changes the speaker and merges a directive with the next one', async () => {
    await openWizard();
    await pasteAndExtract();
    fireEvent.click(screen.getAllByTestId('import-directive')[10]!);
    const speaker = screen.getByLabelText('讲话人');
    expect(speaker).toHaveValue('王清宪');
    fireEvent.change(speaker, { target: { value: '韩俊' } });
    expect(screen.getAllByTestId('import-directive')[10]).toHaveTextContent('11. 韩俊');
    fireEvent.click(screen.getByRole('button', { name: '与下一项部署合并' }));
    // 2 + the next heading (now a measure) + its 3 measures.
    expect(counts()).toBe('部署 21 项 · 举措 71 项');
    expect(
      within(screen.getByRole('list', { name: '部署 11 的举措' })).getAllByRole('listitem'),
    ).toHaveLength(6);
  });

  it('chooses which measures become tasks', async () => {
    await openWizard();
    await pasteAndExtract();
    fireEvent.click(screen.getAllByTestId('import-directive')[0]!);
    fireEvent.click(screen.getByLabelText('举措 2 生成任务'));
    expect(screen.getAllByTestId('import-directive')[0]).toHaveTextContent('任务 4 项');
    fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    expect(await screen.findByText(/将生成任务 69 项（2 项举措或部署未选作任务/)).toBeInTheDocument();
    // A page at a time: 50 here, the other 19 on page 2.
    await waitFor(() => expect(screen.getAllByRole('checkbox', { name: /^选择任务 \d+$/ })).toHaveLength(50));
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    expect(screen.getAllByRole('checkbox', { name: /^选择任务 \d+$/ })).toHaveLength(19);
    expect(screen.getByRole('checkbox', { name: '选择任务 69' })).toBeInTheDocument();
  });

  it('adds a directive and a measure from text selected in the source, keeping their exact spans', async () => {
    await openWizard();
    await pasteAndExtract();
    const preview = screen.getByRole('region', { name: /讲话原文/ });
    const select = (phrase: string) => {
      const walker = document.createTreeWalker(preview, NodeFilter.SHOW_TEXT);
      let node = walker.nextNode();
      while (node && !node.textContent?.includes(phrase)) node = walker.nextNode();
      const at = node!.textContent!.indexOf(phrase);
      const range = document.createRange();
      range.setStart(node!, at);
      range.setEnd(node!, at + phrase.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      fireEvent.mouseUp(preview);
    };
    select('创新型省份建设是安徽高质量发展的旗帜性抓手');
    expect(screen.getByText('已选文字：创新型省份建设是安徽高质量发展的旗帜性抓手')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '添加为部署' }));
    expect(counts()).toBe('部署 23 项 · 举措 70 项');
    expect(screen.getByLabelText('部署标题')).toHaveValue('创新型省份建设是安徽高质量发展的旗帜性抓手');
    const added = useImportDraft.getState().directives.find((d) => d.heading.startsWith('创新型省份建设是'))!;
    expect(SEED_ARTICLE.slice(...added.headingSpan)).toBe(added.heading);
    // The new heading is marked in the text, selected.
    expect(preview.querySelector('mark.hl--heading.is-selected')).toHaveTextContent(
      '创新型省份建设是安徽高质量发展的旗帜性抓手',
    );

    select('旗帜性抓手');
    fireEvent.click(screen.getByRole('button', { name: '添加为所选部署的举措' }));
    expect(counts()).toBe('部署 23 项 · 举措 71 项');
    expect(screen.getByLabelText('举措 1')).toHaveValue('旗帜性抓手');
  });
});
