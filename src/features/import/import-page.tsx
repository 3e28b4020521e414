import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { sessionQueries } from '../../api/queries';
import type { ImportResult } from '../../domain/contract';
import { can } from '../../domain/permissions';
import { useT } from '../../i18n';
import { useDraftSaveError, useImportDraft } from '../../shared/stores/import-draft';
import { PageHeader } from '../../shared/ui/query-state';
import { DiscardDraft } from './discard-draft';
import { ImportSummary } from './import-summary';
import { StepAssign } from './step-assign';
import { StepConfirm } from './step-confirm';
import { StepReview } from './step-review';
import { StepText } from './step-text';
import { WizardSteps } from './wizard-steps';
import './import.css';

/** 导入讲话: text and meeting → directives checked → tasks assigned → one confirmed import. */
export function ImportPage() {
  const t = useT();
  const step = useImportDraft((s) => s.step);
  const hasDraft = useImportDraft((s) => s.text.length > 0 || s.directives.length > 0);
  const saveFailed = useDraftSaveError((s) => s.failed);
  const session = useQuery(sessionQueries.current());
  const [result, setResult] = useState<ImportResult | null>(null);
  const allowed = session.data
    ? can({ role: session.data.role, unitId: session.data.unit.id }, 'meeting.import')
    : true;
  if (result) {
    return (
      <>
        <PageHeader title={t('nav.import')} />
        <ImportSummary result={result} onAnother={() => setResult(null)} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('nav.import')}>{hasDraft ? <DiscardDraft /> : null}</PageHeader>
      <p className="muted">{t('import.intro')}</p>
      {allowed ? null : (
        <p className="import-notice" role="note">
          {t('import.notAllowed')}
        </p>
      )}
      {saveFailed ? (
        <p className="import-notice import-notice--error" role="alert">
          {t('import.saveFailed')}
        </p>
      ) : null}
      <WizardSteps />
      {step === 1 ? <StepText /> : null}
      {step === 2 ? <StepReview /> : null}
      {step === 3 ? <StepAssign /> : null}
      {step === 4 ? <StepConfirm allowed={allowed} onDone={setResult} /> : null}
    </>
  );
}
