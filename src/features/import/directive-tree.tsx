import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import { type DraftDirective, useImportDraft } from '../../shared/stores/import-draft';
import { DirectiveEditor } from './directive-editor';
import { scrollWithin } from './scroll';

/** The proposed directives as a tree; the selected one opens its editor in place. */
export function DirectiveTree() {
  const directives = useImportDraft((s) => s.directives);
  const roots = directives.filter((d) => !d.parentId || !directives.some((p) => p.id === d.parentId));
  return (
    <ul className="tree import-tree">
      {roots.map((d) => (
        <TreeItem key={d.id} d={d} all={directives} />
      ))}
    </ul>
  );
}

function TreeItem({ d, all }: { d: DraftDirective; all: readonly DraftDirective[] }) {
  const t = useT();
  const selected = useImportDraft((s) => s.selectedId === d.id);
  const patch = useImportDraft((s) => s.patch);
  const ref = useRef<HTMLButtonElement>(null);
  const children = all.filter((c) => c.parentId === d.id);
  const index = all.indexOf(d) + 1;
  useEffect(() => {
    if (selected) scrollWithin(ref.current?.closest('.import-tree'), ref.current, 'nearest');
  }, [selected]);
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
        <span className="muted nowrap">
          {d.measures.length ? t('meetings.measures', { n: d.measures.length }) : t('import.tree.noMeasures')}
          {' · '}
          {t('import.tree.tasks', { n: tasks })}
        </span>
      </button>
      {selected ? <DirectiveEditor d={d} index={index} isLast={index === all.length} /> : null}
      {children.length ? (
        <ul className="tree">
          {children.map((c) => (
            <TreeItem key={c.id} d={c} all={all} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
