import { useState } from 'react';
import { Link } from 'react-router';
import type { DirectiveNode } from '../../domain/rollup';
import { useT } from '../../i18n';
import { DirectiveTasks } from './directive-tasks';
import { ledgerLink } from './ledger-links';
import { CountChips, ProgressCell } from './rollup-parts';

const KIND_TAG: Partial<Record<DirectiveNode['kind'], 'zai-shang' | 'xia-gongfu'>> = {
  'zai-shang': 'zai-shang',
  'xia-gongfu': 'xia-gongfu',
};

/** One directive: heading, derived bar, counts; its tasks load only when the row is opened. */
export function DirectiveRow({ node, depth }: { node: DirectiveNode; depth: number }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const kind = KIND_TAG[node.kind];
  const canOpen = node.ownTaskCount > 0;
  const listId = `dir-tasks-${node.id}`;
  return (
    <li className={`dash-dir dash-dir--depth${depth}`}>
      <div className="dash-dir__row">
        {canOpen ? (
          <button
            type="button"
            className="dash-dir__toggle"
            aria-expanded={open}
            aria-controls={listId}
            aria-label={t(open ? 'dashboard.rollup.collapse' : 'dashboard.rollup.expand', {
              heading: node.heading,
            })}
            onClick={() => setOpen((o) => !o)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span className="dash-dir__toggle dash-dir__toggle--none" aria-hidden="true" />
        )}
        <span className="dash-dir__heading">
          {kind ? (
            <span className={`dash-kind dash-kind--${kind}`}>{t(`dashboard.kind.${kind}`)}</span>
          ) : null}
          <Link to={ledgerLink({ directive: node.id })} title={node.heading}>
            {node.heading}
          </Link>
        </span>
        <ProgressCell value={node.progress} label={node.heading} />
        <span className="dash-rollup__count muted">
          {t('dashboard.rollup.closedOf', { closed: node.counts.closed, n: node.counts.total })}
        </span>
        <CountChips counts={node.counts} filters={{ directive: node.id }} />
      </div>
      {open ? <DirectiveTasks id={listId} directiveId={node.id} /> : null}
      {node.children.length > 0 ? (
        <ul className="dash-dirs dash-dirs--nested">
          {node.children.map((c) => (
            <DirectiveRow key={c.id} node={c} depth={depth + 1} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
