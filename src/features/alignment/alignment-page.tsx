import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { alignmentQueries } from '../../api/alignment';
import { sessionQueries } from '../../api/queries';
import { can } from '../../domain/permissions';
import { useT } from '../../i18n';
import { PageHeader, QueryState } from '../../shared/ui/query-state';
import { MatrixView } from './matrix-view';
import { SuggestionsView } from './suggestions-view';
import './alignment.css';

const VIEWS = ['matrix', 'suggestions'] as const;
type View = (typeof VIEWS)[number];

/** 上下贯通: which provincial directives the city's directives take up, and where nothing does. */
export function AlignmentPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'suggestions' ? 'suggestions' : 'matrix';
  const query = useQuery(alignmentQueries.overview());
  const session = useQuery(sessionQueries.current());
  const canEdit = session.data
    ? can({ role: session.data.role, unitId: session.data.unit.id }, 'directive.link')
    : false;
  return (
    <>
      <PageHeader title={t('alignment.title')} />
      <p className="muted align-intro">{t('alignment.intro')}</p>
      <div role="tablist" aria-label={t('alignment.views')} className="align-tabs">
        {VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            id={`tab-${v}`}
            aria-selected={view === v}
            aria-controls={`panel-${v}`}
            className={view === v ? 'align-tab is-active' : 'align-tab'}
            onClick={() => setParams(v === 'matrix' ? {} : { view: v }, { replace: true })}
          >
            {t(`alignment.view.${v}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`}>
        <QueryState query={query} what={t('alignment.what')}>
          {(data) =>
            view === 'matrix' ? <MatrixView data={data} /> : <SuggestionsView data={data} canEdit={canEdit} />
          }
        </QueryState>
      </div>
    </>
  );
}
