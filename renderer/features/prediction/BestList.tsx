import { Alert, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { UserText } from '../../components/UserText';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import type { BestRow } from '../../../shared/contract/prediction';
import { classKeysOf } from '../../../shared/segmentation';
import { api } from '../../api/client';
import { hrefOf } from '../../app/router';
import { useWorkspace } from '../../app/workspace';
import { errorText } from '../../components/errors';
import { FigureText } from '../../components/FigureText';
import { formatDate, formatMoney } from '../../components/format';
import { classLabel } from '../tiers/labels';
import { useClassLabelEnv } from '../tiers/use-tier-settings';
import { exportBestCsv } from './export-best';
import { pAliveEstimated } from '../../../shared/prediction/once';
import { PAliveText } from './PAliveText';
import { scoreText } from './chance-text';

/** The schemes a salesperson filters a call list by. */
export const BEST_SCHEMES = ['pyramid', 'value', 'lifecycle', 'rf_segment', 'loyalty', 'behavior', 'intent'] as const;
const PAGE = 200;

/** "Likely to buy": stored predictions ranked by likelihood × expected order value, filtered by class and owner. */
/** The list's columns together: it fits beside the menu in a 1366-pixel window (about 1,118 pixels of content). */
const BEST_TABLE_WIDTH = 1100;

export function BestList() {
  const { t, i18n } = useTranslation('prediction');
  const { settings, version } = useWorkspace();
  const labelEnv = useClassLabelEnv();
  const [scheme, setScheme] = useState<string>('pyramid');
  const [classKey, setClassKey] = useState<string | undefined>(undefined);
  const [owner, setOwner] = useState<string | undefined>(undefined);
  const [owners, setOwners] = useState<string[]>([]);
  const [page, setPage] = useState<OutputOf<'prediction:best'> | null>(null);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [exported, setExported] = useState<number | null>(null);

  useEffect(() => {
    api('customers:facets', {}).then((f) => setOwners(f.owners), () => setOwners([]));
  }, [version]);

  useEffect(() => {
    let cancelled = false;
    api('prediction:best', { scheme, classKey, owner, limit: PAGE, offset })
      .then((next) => !cancelled && (setPage(next), setError(null)))
      .catch((e: unknown) => !cancelled && setError(errorText(e, t)));
    return () => {
      cancelled = true;
    };
  }, [scheme, classKey, owner, offset, version, t]);

  const money = (minor: number) => formatMoney(minor, settings.baseCurrency, i18n.language);
  const classes = classKeysOf(scheme) ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('best.help')}</Typography.Paragraph>
      <Space wrap>
        <Select
          data-testid="best-scheme"
          aria-label={t('best.scheme')}
          style={{ width: 160 }}
          value={scheme}
          onChange={(v) => (setScheme(v), setClassKey(undefined), setOffset(0))}
          options={BEST_SCHEMES.map((s) => ({ value: s, label: t(`tiers:schemes.${s}`) }))}
        />
        <Select
          data-testid="best-class"
          aria-label={t('best.classKey')}
          style={{ width: 160 }}
          allowClear
          placeholder={t('best.anyClass')}
          value={classKey}
          onChange={(v) => (setClassKey(v), setOffset(0))}
          options={classes.map((c) => ({ value: c, label: classLabel(t, scheme, c, i18n.language, labelEnv) }))}
        />
        <Select
          data-testid="best-owner"
          aria-label={t('best.owner')}
          style={{ width: 160 }}
          allowClear
          placeholder={t('best.anyOwner')}
          value={owner}
          onChange={(v) => (setOwner(v), setOffset(0))}
          options={owners.map((o) => ({ value: o, label: o }))}
        />
        <Button
          data-testid="best-export"
          // Nothing to export when the last recompute found nothing to learn from (the reason is shown below).
          disabled={page?.refused != null}
          onClick={() =>
            void exportBestCsv({ scheme, classKey, owner }, { t, language: i18n.language, currency: settings.baseCurrency, ...labelEnv }).then(setExported, (e: unknown) => setError(errorText(e, t)))
          }
        >
          {t('best.exportCsv')}
        </Button>
        {page && !page.refused ? <Typography.Text type="secondary">{t('best.total', { count: page.total })}</Typography.Text> : null}
        {exported !== null ? <Typography.Text type="success">{t('best.exported', { rows: exported })}</Typography.Text> : null}
      </Space>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {page && page.asOf === null ? <Alert type="info" showIcon title={t('notYet')} /> : null}
      {page?.refused && page.asOf !== null ? (
        // No figures at all rather than an empty table: the book has no repeat purchase to learn from yet.
        <Alert type="info" showIcon data-testid="best-refused" title={t('refused', { count: page.refused.customers, date: formatDate(page.asOf, i18n.language) })} />
      ) : (
        <Table<BestRow>
          data-testid="best-table"
          size="small"
          rowKey="id"
          loading={!page}
          dataSource={page?.rows ?? []}
          tableLayout="fixed"
          scroll={{ x: BEST_TABLE_WIDTH, y: 480 }}
          pagination={{
            current: offset / PAGE + 1,
            pageSize: PAGE,
            total: page?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => setOffset((p - 1) * PAGE),
          }}
          columns={[
            // Fixed widths, one line each: a 120-character name or a ten-digit amount no longer stretches a row to
            // a dozen lines or pushes the last column off the screen. Together BEST_TABLE_WIDTH, which fits beside the
            // menu at 1366 pixels: customer value, the figure this list is read for, was past the window's edge.
            { key: 'name', title: t('best.name'), width: 180, render: (_, r) => <a href={hrefOf({ page: 'customer', id: r.id })} style={{ display: 'block', minWidth: 0 }}><UserText text={r.name} testId="best-name" /></a> },
            { key: 'class', title: t('best.classKey'), width: 110, render: (_, r) => (r.classKey ? <UserText text={classLabel(t, scheme, r.classKey, i18n.language, labelEnv)} /> : '') },
            { key: 'owner', title: t('best.owner'), width: 100, render: (_, r) => (r.owner ? <UserText text={r.owner} /> : '') },
            { key: 'score', title: t('score'), width: 150, align: 'right', className: 'figure-text', render: (_, r) => <span data-testid="best-score">{scoreText(r.score, t, i18n.language)}</span> },
            { key: 'pAlive', title: t('pAlive'), width: 100, align: 'right', className: 'figure-text', render: (_, r) => <PAliveText pAlive={r.pAlive} estimated={pAliveEstimated(r.purchases)} /> },
            // Wide enough for amounts into the hundreds of millions; a longer one (up to CN¥90,071,992,547,409.91, the
            // largest the app stores) ends in … in its cell, whole on hover, instead of running over the next column.
            { key: 'value', title: t('expectedValue'), width: 150, align: 'right', className: 'figure-text', render: (_, r) => <FigureText text={money(r.expectedOrderValueMinor)} testId="best-value" /> },
            { key: 'clv', title: t('clv'), width: 160, align: 'right', className: 'figure-text', render: (_, r) => <FigureText text={money(r.clvMinor)} testId="best-clv" /> },
            { key: 'method', title: '', width: 150, render: (_, r) => (r.method === 'shrunk' ? <Tag color="orange" title={t('method.shrunk')} style={{ maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'middle' }}>{t('method.shrunk')}</Tag> : null) },
          ]}
        />
      )}
    </Space>
  );
}
