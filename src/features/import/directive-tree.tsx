import { memo, useEffect, useMemo, useRef } from 'react';
import { useT } from '../../i18n';
import { type DraftDirective, useImportDraft } from '../../shared/stores/import-draft';
import { DirectiveEditor } from './directive-editor';
import { directiveDoubts } from './doubts';
import { scrollWithin } from './scroll';

interface Tree {
  children: Map<string | null, DraftDirective[]>;
  indexOf: Map<string, number>;
  total: number;
}

/** The proposed directives as a tree; the selected one opens its editor in place. */
export function DirectiveTree() {
  const directives = useImportDraft((s) => s.directives);
  const tree = useMemo<Tree>(() => {
    const ids = new Set(directives.map((d) => d.id));
    const children = new Map<string | null, DraftDirective[]>();
    for (const d of directives) {
      const parent = d.parentId && ids.has(d.parentId) ? d.parentId : null;
      const list = children.get(parent);
      if (list) list.push(d);
      else children.set(parent, [d]);
    }
    return { children, indexOf: new Map(directives.map((d, i) => [d.id, i + 1])), total: directives.length };
  }, [directives]);
  return (
    <ul className="tree import-tree">
      {(tree.children.get(null) ?? []).map((d) => (
        <TreeItem key={d.id} d={d} tree={tree} />
      ))}
    </ul>
  );
}

const sameList = (a: readonly unknown[] = [], b: readonly unknown[] = []) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Only a directive that changed renders again: editing one heading of 800 must stay instant. */
const TreeItem = memo(
  function TreeItem({ d, tree }: { d: DraftDirective; tree: Tree }) {
    const t = useT();
    const selected = useImportDraft((s) => s.selectedId === d.id);
    const patch = useImportDraft((s) => s.patch);
    const ref = useRef<HTMLButtonElement>(null);
    const children = tree.children.get(d.id) ?? [];
    const index = tree.indexOf.get(d.id) ?? 0;
    useEffect(() => {
      if (selected) scrollWithin(ref.current?.closest('.import-tree'), ref.current, 'nearest');
    }, [selected]);
    const doubts = directiveDoubts(d);
    const tasks = d.measures.length ? d.measures.filter((m) => m.task.chosen).length : d.task.chosen ? 1 : 0;
    return (
      <li>
        <button
          ref={ref}
          type="button"
          className={`tree__item${selected ? ' is-selected' : ''}`}
          aria-expanded={selected}
          data-testid="import-directive"
          onClick={() => patch(() => ({ selectedId: selected ? null : d.id }))}
        >
          <span className="tree__speaker">
            {index}. {d.speaker ?? t('meetings.speaker.none')}
          </span>
          <span className="tree__heading">{d.heading || t('import.tree.untitled')}</span>
          {doubts.length ? (
            <span
              className="import-doubt"
              data-testid="import-doubt"
              title={doubts.map((x) => t(`import.doubt.${x}`)).join('；')}
            >
              {t('import.doubt.badge')}
              <span className="visually-hidden">
                {`：${doubts.map((x) => t(`import.doubt.${x}`)).join('；')}`}
              </span>
            </span>
          ) : null}
          <span className="muted nowrap">
            {d.measures.length
              ? t('meetings.measures', { n: d.measures.length })
              : t('import.tree.noMeasures')}
            {' · '}
            {t('import.tree.tasks', { n: tasks })}
          </span>
        </button>
        {selected ? <DirectiveEditor d={d} index={index} isLast={index === tree.total} /> : null}
        {children.length ? (
          <ul className="tree">
            {children.map((c) => (
              <TreeItem key={c.id} d={c} tree={tree} />
            ))}
          </ul>
        ) : null}
      </li>
    );
  },
  (a, b) =>
    a.d === b.d &&
    a.tree.total === b.tree.total &&
    a.tree.indexOf.get(a.d.id) === b.tree.indexOf.get(b.d.id) &&
    sameList(a.tree.children.get(a.d.id), b.tree.children.get(b.d.id)),
);
