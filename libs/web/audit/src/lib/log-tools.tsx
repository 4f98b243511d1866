import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, readDownload, saveBlob } from '@tandem/web-data-access';
import { Alert, commonErrorKey, todayDay } from '@tandem/web-ui';
import { type AccessLogFilters, type AuditApi, type VerifyResult } from './audit-api';

type ExportState =
  | { status: 'idle' }
  | { status: 'busy'; received: number; total: number | null }
  | { status: 'done'; file: string; size: number }
  | { status: 'failed'; error: unknown };

type VerifyState =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'done'; result: VerifyResult }
  | { status: 'failed'; error: unknown };

/** For example "12,5 kB". */
function formatSize(bytes: number, locale: string): string {
  const mb = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(mb ? bytes / (1024 * 1024) : bytes / 1024);
}

function errorText(error: unknown, t: (key: string) => string): string {
  return isApiError(error)
    ? t(commonErrorKey(error.status, error.code))
    : t('common:errors.unknown');
}

/** Export the filtered log as CSV (with progress) and verify the hash chain of the whole log. */
export function LogTools({ api, filters }: { api: AuditApi; filters: AccessLogFilters }) {
  const { t, i18n } = useTranslation('audit');
  const [exporting, setExporting] = useState<ExportState>({ status: 'idle' });
  const [verifying, setVerifying] = useState<VerifyState>({ status: 'idle' });
  const busyExport = useRef(false);
  const lang = i18n.language;
  const ids = useId();

  const onExport = async () => {
    if (busyExport.current) return;
    busyExport.current = true;
    setExporting({ status: 'busy', received: 0, total: null });
    try {
      const response = await api.exportCsv(filters);
      const blob = await readDownload(response, (received, total) =>
        setExporting({ status: 'busy', received, total }),
      );
      const file = `tandem-toegangslog-${todayDay()}.csv`;
      saveBlob(blob, file);
      setExporting({ status: 'done', file, size: blob.size });
    } catch (error) {
      setExporting({ status: 'failed', error });
    } finally {
      busyExport.current = false;
    }
  };

  const onVerify = async () => {
    if (verifying.status === 'busy') return;
    setVerifying({ status: 'busy' });
    try {
      setVerifying({ status: 'done', result: await api.verify() });
    } catch (error) {
      setVerifying({ status: 'failed', error });
    }
  };

  const exportBusy = exporting.status === 'busy';
  const percent =
    exporting.status === 'busy' && exporting.total
      ? Math.min(100, Math.round((exporting.received / exporting.total) * 100))
      : null;

  return (
    <div className="audit__tools">
      <div className="audit__tool">
        <button
          type="button"
          className="t-button t-button--secondary"
          aria-disabled={exportBusy}
          aria-describedby={`${ids}-export`}
          onClick={() => void onExport()}
        >
          {exportBusy ? <span className="t-spinner" aria-hidden="true" /> : null}
          {t('export.button')}
        </button>
        <p id={`${ids}-export`} className="audit__hint">
          {t('export.hint')}
        </p>
        <div role="status" className="audit__tool-status">
          {exporting.status === 'busy' ? (
            <>
              <progress
                className="audit__progress"
                max={100}
                value={percent ?? undefined}
                aria-label={t('export.button')}
              />
              <span>
                {percent !== null
                  ? t('export.busyPercent', { percent })
                  : t('export.busy', { size: formatSize(exporting.received, lang) })}
              </span>
            </>
          ) : exporting.status === 'done' ? (
            <Alert tone="success">
              <p>
                {t('export.done', { file: exporting.file, size: formatSize(exporting.size, lang) })}
              </p>
            </Alert>
          ) : null}
        </div>
        <div role="alert">
          {exporting.status === 'failed' ? (
            <Alert tone="error" title={t('export.failed')}>
              <p>{errorText(exporting.error, t)}</p>
            </Alert>
          ) : null}
        </div>
      </div>

      <div className="audit__tool">
        <button
          type="button"
          className="t-button t-button--secondary"
          aria-disabled={verifying.status === 'busy'}
          aria-describedby={`${ids}-verify`}
          onClick={() => void onVerify()}
        >
          {verifying.status === 'busy' ? <span className="t-spinner" aria-hidden="true" /> : null}
          {t('verify.button')}
        </button>
        <p id={`${ids}-verify`} className="audit__hint">
          {t('verify.hint')}
        </p>
        <div role="status" className="audit__tool-status">
          {verifying.status === 'busy' ? <span>{t('verify.busy')}</span> : null}
          {verifying.status === 'done' && verifying.result.ok ? (
            <Alert tone="success" title={t('verify.okTitle')}>
              <p>{t('verify.ok', { count: verifying.result.entries })}</p>
            </Alert>
          ) : null}
        </div>
        <div role="alert">
          {verifying.status === 'done' && !verifying.result.ok ? (
            <Alert tone="error" title={t('verify.brokenTitle')}>
              <p>{t('verify.broken', { id: verifying.result.firstBrokenId ?? '?' })}</p>
              {verifying.result.problem ? (
                <p>
                  {t('verify.problem')} <span lang="en">{verifying.result.problem}</span>
                </p>
              ) : null}
            </Alert>
          ) : null}
          {verifying.status === 'failed' ? (
            <Alert tone="error" title={t('verify.failed')}>
              <p>{errorText(verifying.error, t)}</p>
            </Alert>
          ) : null}
        </div>
      </div>
    </div>
  );
}
