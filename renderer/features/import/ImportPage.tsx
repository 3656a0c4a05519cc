import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Divider, Segmented, Select, Space, Spin, Typography } from 'antd';
import { KeyboardPopconfirm } from '../../components/KeyboardPopconfirm';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../shared/contract';
import { IMPORT_ENCODINGS, type ImportResultDto } from '../../../shared/contract/transfer';
import type { ImportKind } from '../../../shared/import/fields';
import { api, ApiError } from '../../api/client';
import { useWorkspace } from '../../app/workspace';
import { errorText } from '../../components/errors';
import { BatchList } from './BatchList';
import { downloadRejects, FileTooLarge, hasOpenDialog, pickImportFile, sourceOf, type ChosenFile } from './file-data';
import { HeaderRowControl } from './HeaderRowControl';
import { JobProgress } from './JobProgress';
import { MappingTable } from './MappingTable';
import { PreviewSummary } from './PreviewSummary';
import { PageTitle } from '../../components/PageTitle';

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

type Options = Pick<InputOf<'import:preview'>, 'encoding' | 'dateOrder' | 'duplicates' | 'unknownCustomers'>;
type Batches = OutputOf<'import:batches'>['batches'];

/**
 * The import wizard: pick what and which file, check the column mapping against sample values, see the
 * preview (a full dry run: counts and every row error), import all-or-nothing or the valid rows, then
 * download the rejected rows or undo the batch.
 */
export function ImportPage() {
  const { t } = useTranslation('importing');
  const { message } = App.useApp();
  const { refresh } = useWorkspace();
  const [kind, setKind] = useState<ImportKind>('customers');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [options, setOptions] = useState<Options>({ duplicates: 'skip', unknownCustomers: 'reject' });
  const [mapping, setMapping] = useState<Record<string, string | null> | null>(null);
  /** The header's row as the user gave it (undefined: found under any title lines), and the importer's refusal of it. */
  const [headerRow, setHeaderRow] = useState<number | undefined>(undefined);
  const [headerRowError, setHeaderRowError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportResultDto | null>(null);
  const [done, setDone] = useState<ImportResultDto | null>(null);
  const [busy, setBusy] = useState(false);
  /** The running preview or import, for its progress bar and cancel button. */
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [batches, setBatches] = useState<Batches>([]);
  const input = useRef<HTMLInputElement>(null);

  const loadBatches = useCallback(() => void api('import:batches', {}).then((r) => setBatches(r.batches), () => {}), []);
  useEffect(loadBatches, [loadBatches]);

  const request = (chosen: ChosenFile, job: string) => ({ kind, source: chosen.source, ...options, headerRow, mapping, reportLimit: 100_000, jobId: job });
  const newJob = () => {
    const id = crypto.randomUUID();
    setJobId(id);
    return id;
  };

  useEffect(() => {
    if (!file) return;
    let cancelled = false;
    setBusy(true);
    const job = newJob();
    api('import:preview', request(file, job))
      .then((p) => !cancelled && (setPreview(p), setError(null), setHeaderRowError(null)))
      .catch((e: unknown) => {
        if (cancelled) return;
        // A header row refused is said by its control; the preview read with the last good one stays.
        if (e instanceof ApiError && e.body.issues?.[0]?.path[0] === 'headerRow') setHeaderRowError(errorText(e, t));
        else (setPreview(null), setError(errorText(e, t)));
      })
      .finally(() => !cancelled && (setBusy(false), setJobId(null)));
    return () => {
      cancelled = true;
      // A newer preview replaces this one: stop the old run instead of letting it finish unseen.
      void api('import:cancel', { jobId: job }).catch(() => {});
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- request() reads exactly these
  }, [file, kind, options, headerRow, mapping, t]);

  const choose = async (chosen: File | Promise<ChosenFile | null> | undefined) => {
    if (!chosen) return;
    try {
      const next = chosen instanceof File ? await sourceOf(chosen) : await chosen;
      if (!next) return; // the dialog was cancelled
      setDone(null);
      setMapping(null);
      setHeaderRow(undefined);
      setHeaderRowError(null);
      setError(null);
      setFile(next);
    } catch (e) {
      if (e instanceof FileTooLarge) {
        const size = { size: megabytes(e.bytes), limit: megabytes(e.limit) };
        setError(hasOpenDialog() ? t('tooLargeApp', size) : t('tooLargeBrowser', size));
      } else setError(t('readFailed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };
  // In the app the button opens the system dialog (the file streams from disk); a file dropped on the page,
  // or picked in a browser, travels in the call.
  const openChooser = () => (hasOpenDialog() ? void choose(pickImportFile()) : input.current?.click());

  const commit = async (onError: 'abort' | 'skip') => {
    if (!file) return;
    setBusy(true);
    try {
      const result = await api('import:commit', { ...request(file, newJob()), onError });
      setDone(result);
      setPreview(null);
      void message.success(t('done', result));
      loadBatches();
      refresh();
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
      setJobId(null);
    }
  };

  const undo = async (batchId: string) => {
    try {
      await api('import:undo', { batchId });
      void message.success(t('undone'));
      loadBatches();
      refresh();
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };

  const reset = () => {
    setFile(null);
    setPreview(null);
    setDone(null);
    setMapping(null);
    setHeaderRow(undefined);
    setHeaderRowError(null);
    setError(null);
    if (input.current) input.current.value = '';
  };

  const set = <K extends keyof Options>(key: K) => (value: Options[K] | '') => setOptions((o) => ({ ...o, [key]: value === '' ? undefined : value }));

  return (
    <div style={{ maxWidth: 1100, padding: 24 }} data-testid="import-page" onDragOver={(e) => e.preventDefault()} onDrop={(e) => (e.preventDefault(), void choose(e.dataTransfer.files[0]))}>
      <PageTitle>{t('title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<ImportKind>
          data-testid="import-kind"
          value={kind}
          onChange={(k) => (setKind(k), setMapping(null), setDone(null))}
          options={(['customers', 'orders', 'followups'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <input ref={input} type="file" accept=".csv,.tsv,.txt,.xlsx,.xls" style={{ display: 'none' }} data-testid="import-file" onChange={(e) => void choose(e.target.files?.[0])} />
        <Button icon={<UploadOutlined />} onClick={openChooser} data-testid="import-choose">
          {t('chooseFile')}
        </Button>
        <Select aria-label={t('options.encoding')} style={{ width: 190 }} value={options.encoding ?? ''} onChange={set('encoding')} data-testid="import-encoding"
          options={[{ value: '', label: `${t('options.encoding')}: ${t('options.encodingAuto')}` }, ...IMPORT_ENCODINGS.map((e) => ({ value: e, label: e }))]} />
        <Select aria-label={t('options.dateOrder')} style={{ width: 170 }} value={options.dateOrder ?? ''} onChange={set('dateOrder')}
          options={[{ value: '', label: `${t('options.dateOrder')}: ${t('options.dateOrderAuto')}` }, ...(['dmy', 'mdy', 'ymd'] as const).map((o) => ({ value: o, label: t(`options.${o}`) }))]} />
        {kind === 'customers' ? (
          <Select aria-label={t('options.duplicates')} style={{ width: 210 }} value={options.duplicates} onChange={set('duplicates')}
            options={(['skip', 'update', 'create'] as const).map((d) => ({ value: d, label: `${t('options.duplicates')}: ${t(`options.dup${d[0]!.toUpperCase()}${d.slice(1)}`)}` }))} />
        ) : (
          <Select aria-label={t('options.unknownCustomers')} style={{ width: 240 }} value={options.unknownCustomers} onChange={set('unknownCustomers')}
            options={(['reject', 'create'] as const).map((d) => ({ value: d, label: `${t('options.unknownCustomers')}: ${t(`options.unknown${d[0]!.toUpperCase()}${d.slice(1)}`)}` }))} />
        )}
      </Space>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="import-error-alert" /> : null}
      {busy && jobId ? <JobProgress jobId={jobId} /> : null}
      <Spin spinning={busy}>
        {preview ? (
          <>
            <Typography.Text type="secondary" data-testid="import-file-info">
              {t('fileInfo', { file: preview.fileName, format: preview.format === 'xlsx' ? t('xlsx') : 'CSV', encoding: preview.encoding ?? '—', delimiter: preview.delimiter === '\t' ? 'Tab' : (preview.delimiter ?? '—') })}
            </Typography.Text>
            <Divider titlePlacement="start">{t('step.mapping')}</Divider>
            <MappingTable preview={preview} onChange={setMapping} />
            <Divider titlePlacement="start">{t('step.preview')}</Divider>
            <PreviewSummary
              result={preview}
              headerRow={
                // Another header means other columns: a mapping made for the old ones is dropped.
                <HeaderRowControl current={preview.headerRow} given={headerRow} error={headerRowError} onChoose={(row) => (setMapping(null), setHeaderRow(row))} />
              }
            />
            {preview.rowsTotal === 0 ? <Alert type="warning" showIcon title={t('noRows')} data-testid="import-no-rows" /> : null}
            <Space style={{ marginTop: 16 }}>
              <Button type="primary" data-testid="import-commit-skip" disabled={preview.added + preview.updated === 0 || headerRowError !== null} onClick={() => void commit('skip')}>
                {t('importValid')}
              </Button>
              <Button data-testid="import-commit-abort" disabled={preview.rejected > 0 || preview.rowsTotal === 0 || headerRowError !== null} onClick={() => void commit('abort')}>
                {t('importAll')}
              </Button>
            </Space>
          </>
        ) : null}
        {done ? (
          <div data-testid="import-done">
            <Alert type="success" showIcon title={t('done', done)} style={{ marginBottom: 16 }} />
            <PreviewSummary result={done} />
            <Space style={{ marginTop: 16 }}>
              {done.rejected > 0 ? (
                <Button data-testid="import-download-rejects" onClick={() => downloadRejects(done, t)}>
                  {t('downloadRejects')}
                </Button>
              ) : null}
              {done.batchId ? (
                <KeyboardPopconfirm title={t('confirmUndo')} onConfirm={() => void undo(done.batchId!).then(reset)} okText={t('undo')} cancelText={t('common:actions.cancel')}>
                  <Button danger data-testid="import-undo">
                    {t('undo')}
                  </Button>
                </KeyboardPopconfirm>
              ) : null}
              <Button onClick={reset}>{t('startOver')}</Button>
            </Space>
          </div>
        ) : null}
      </Spin>
      <Divider titlePlacement="start">{t('batches.title')}</Divider>
      <BatchList batches={batches} onUndo={(id) => void undo(id)} />
    </div>
  );
}
