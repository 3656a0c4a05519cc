import { Alert, Col, Row, Statistic, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResultDto } from '../../../shared/contract/transfer';
import { UserText } from '../../components/UserText';

type RowError = ImportResultDto['errors'][number];

/**
 * What the import will do (or did): the counts, duplicates, and every row error with its row and column. `headerRow`:
 * the preview's control for the header's row, shown by the notice naming the lines above the header.
 */
export function PreviewSummary({ result, headerRow }: { result: ImportResultDto; headerRow?: ReactNode }) {
  const { t } = useTranslation('importing');
  const duplicates = result.duplicates.length;
  return (
    <div data-testid="import-summary">
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(['rowsTotal', 'added', 'updated', 'skipped', 'rejected'] as const).map((key) => (
          <Col key={key} span={4}>
            <Statistic title={t(`counts.${key === 'rowsTotal' ? 'rows' : key}`)} value={result[key]} data-testid={`import-count-${key}`} />
          </Col>
        ))}
      </Row>
      {result.orders ? (
        <Alert type="info" showIcon data-testid="import-order-lines" style={{ marginBottom: 12 }} title={t('orderLines', { count: result.orders.orders, lines: result.orders.lines, returns: result.orders.returns })} />
      ) : null}
      <InferredPlaces places={result.inferred.places} />
      <DateOrderNotes evidence={result.inferred.dateEvidence} />
      {duplicates ? <Alert type="info" showIcon title={t('duplicates', { count: duplicates })} style={{ marginBottom: 12 }} /> : null}
      <TitleRows issues={result.tableIssues} />
      {headerRow}
      <DecodingWarnings issues={result.tableIssues} />
      {result.errors.length ? (
        <>
          <Typography.Title level={5}>{t('errors.title')}</Typography.Title>
          <Table<RowError>
            rowKey={(e) => `${e.row}:${e.column}:${e.reason}:${e.field}`}
            size="small"
            dataSource={result.errors}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            // A refused value can be a 5,000-character cell: fixed columns keep the reason on screen beside it.
            tableLayout="fixed"
            onRow={(e) => ({ 'data-testid': 'import-error', 'data-row': e.row }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('errors.row'), dataIndex: 'row', width: 80 },
              { title: t('errors.column'), key: 'column', width: 160, render: (_: unknown, e) => (e.header ? <UserText text={e.header} /> : e.field ? t(`fields.${e.field}`, { defaultValue: e.field }) : '') },
              { title: t('errors.value'), key: 'value', width: 240, render: (_: unknown, e) => <UserText text={e.value} testId="import-error-value" /> },
              { title: t('errors.reason'), key: 'reason', render: (_: unknown, e) => t(`reasons.${e.reason}`, { ...e.params, defaultValue: e.message }) },
            ]}
          />
          {result.rejected > 0 && result.errors.length < result.rejected ? <Typography.Text type="secondary">{t('errors.more', { count: result.rejected - result.errors.length })}</Typography.Text> : null}
        </>
      ) : null}
    </div>
  );
}

/** Countries and provinces the file left out, filled in from phones and place names: say so before importing. */
function InferredPlaces({ places }: { places: ImportResultDto['inferred']['places'] }) {
  const { t } = useTranslation('data');
  if (!places) return null;
  const lines = (['countryFromPhone', 'countryFromRegion', 'countryFromCity', 'regionFromCity'] as const).filter((key) => places[key] > 0);
  if (lines.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="import-inferred-places"
      title={t('places.title')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {lines.map((key) => (
            <li key={key} data-testid={`import-inferred-${key}`}>
              {t(`places.${key}`, { count: places[key] })}
            </li>
          ))}
        </ul>
      }
      style={{ marginBottom: 12 }}
    />
  );
}

/**
 * A day/month order read off one row (13/12/2026) decides how every 07/12/2026 of the column reads: said here, beside
 * the date order control, so a wrong reading is caught before importing.
 */
function DateOrderNotes({ evidence }: { evidence: ImportResultDto['inferred']['dateEvidence'] }) {
  const { t } = useTranslation('importing');
  const notes = Object.entries(evidence ?? {});
  if (notes.length === 0) return null;
  return (
    <>
      {notes.map(([field, e]) => (
        <Alert
          key={field}
          type="warning"
          showIcon
          data-testid="import-date-order"
          title={t('dateOrderRead', { header: e.header, order: t(`options.${e.order}`), row: e.row, value: e.value, count: e.eitherWay, other: t(`options.${e.order === 'dmy' ? 'mdy' : 'dmy'}`) })}
          style={{ marginBottom: 12 }}
        />
      ))}
    </>
  );
}

/**
 * Lines above the header taken for titles (a company name, a report date): which ones, and which row is the
 * header, so a wrong choice is seen before importing (the mapping above shows the header's columns too).
 */
function TitleRows({ issues }: { issues: ImportResultDto['tableIssues'] }) {
  const { t } = useTranslation('importing');
  const titles = issues.filter((i): i is typeof i & TitleRow => i.code === 'title_row_skipped' && typeof i.row === 'number');
  if (titles.length === 0) return null;
  const params = { count: titles.length, rows: titles.map((i) => i.row).join(', '), header: titles[0]!.headerRow };
  // Lines above a header the user gave are skipped for being above it, whatever they look like.
  const key = titles[0]!.chosen ? 'tableIssues.title_rows_chosen' : 'tableIssues.title_rows_skipped';
  return <Alert type="info" showIcon data-testid="import-title-rows" title={t(key, params)} style={{ marginBottom: 12 }} />;
}

type TitleRow = { code: 'title_row_skipped'; row: number; headerRow: number; chosen?: true };

/** A file mixing text encodings reads without error but garbles some rows: say which, before importing. */
function DecodingWarnings({ issues }: { issues: ImportResultDto['tableIssues'] }) {
  const { t } = useTranslation('importing');
  const suspects = issues.filter((i): i is typeof i & DecodingSuspect => i.code === 'decoding_suspect' && Array.isArray(i.rows));
  return (
    <>
      {suspects.map((issue) => {
        const more = Number(issue.count) - issue.rows.length;
        const params = { encoding: String(issue.encoding).toUpperCase(), count: Number(issue.count), rows: issue.rows.join(', '), more };
        return <Alert key={issue.rows.join()} type="warning" showIcon data-testid="import-decoding-warning" title={t(more > 0 ? 'tableIssues.decoding_suspect_more' : 'tableIssues.decoding_suspect', params)} style={{ marginBottom: 12 }} />;
      })}
    </>
  );
}

type DecodingSuspect = { code: 'decoding_suspect'; encoding: string; rows: number[]; count: number };
