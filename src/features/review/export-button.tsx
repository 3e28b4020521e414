import { useState } from 'react';
import { toast } from 'sonner';
import type { AssessmentList, LevelFilter, Review } from '../../domain/contract';
import { useLang, useT } from '../../i18n';
import { errorMessage } from '../../shared/ui/query-state';

/** 导出季度材料: the XLSX and chart PNGs in one ZIP; the heavy libraries load on the click. */
export function ExportMaterialsButton({
  quarter,
  level,
  review,
  list,
  root,
}: {
  quarter: string;
  level: LevelFilter;
  review: Review | undefined;
  list: AssessmentList | undefined;
  root: () => HTMLElement | null;
}) {
  const t = useT();
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    const el = root();
    if (!review || !list || !el) return;
    setBusy(true);
    try {
      const { exportMaterials } = await import('./export/materials');
      const file = await exportMaterials({ quarter, level, review, list, root: el, t, lang });
      toast.success(t('review.exported', { file }));
    } catch (e) {
      toast.error(t('review.exportFailed', { message: errorMessage(t, e) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="btn" onClick={run} disabled={busy || !review || !list} aria-busy={busy}>
      <span aria-hidden="true">⇩</span> {busy ? t('review.exporting') : t('review.exportMaterials')}
    </button>
  );
}
