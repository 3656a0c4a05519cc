import { Alert, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import type { Explanation } from '../../../shared/contract/segmentation';
import { api } from '../../api/client';
import { errorText } from '../../components/errors';
import { explanationFacts } from '../tiers/explain-facts';
import { hintText } from '../tiers/labels';
import { membersTitle, money, type FigureEnv } from './figures';

const PAGE = 20;

export interface MigrationCellRef {
  from: string | null;
  to: string | null;
}

/**
 * The customers of one migration cell, by revenue, each with why they are in their new class — the same
 * facts and "what would move them" lines the tiered lists' explanation shows.
 */
export function MigrationMembers({ env, scheme, from, to, cell }: { env: FigureEnv; scheme: string; from: string; to: string; cell: MigrationCellRef }) {
  const { t } = useTranslation('evaluation');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<OutputOf<'reports:migration-members'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setPage(1), [scheme, from, to, cell.from, cell.to]);
  useEffect(() => {
    let cancelled = false;
    setData(null);
    api('reports:migration-members', { scheme, from, to, fromClass: cell.from, toClass: cell.to, offset: (page - 1) * PAGE, limit: PAGE })
      .then((next) => {
        if (cancelled) return;
        setData(next);
        setError(null);
      })
      .catch((e: unknown) => !cancelled && setError(errorText(e, t)));
    return () => {
      cancelled = true;
    };
  }, [scheme, from, to, cell.from, cell.to, page, t]);

  const why = (explanation: Explanation | null) => {
    if (!explanation) return <Typography.Text type="secondary">{t('migration.noExplanation')}</Typography.Text>;
    const hintEnv = { language: env.language, currency: env.currency, window: env.window, bases: env.bases, spellings: env.spellings };
    const facts = explanationFacts(env.t, scheme, explanation, hintEnv);
    return (
      <div data-testid="migration-explanation">
        <div>{facts.map((f) => `${f.label}: ${f.text}`).join(' · ')}</div>
        {explanation.moves.map((hint, i) => (
          <div key={i} style={{ color: '#666' }}>
            {hintText(env.t, hint, scheme, hintEnv)}
          </div>
        ))}
      </div>
    );
  };

  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <div data-testid="migration-members" data-from={cell.from ?? ''} data-to={cell.to ?? ''}>
      <Typography.Text strong data-testid="migration-members-title">
        {membersTitle(env, cell.from, cell.to, data?.total ?? 0)}
      </Typography.Text>
      <Table
        size="small"
        rowKey="id"
        loading={data === null}
        dataSource={data?.rows ?? []}
        pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        onRow={() => ({ 'data-testid': 'migration-member' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'name',
            title: t('columns.customer'),
            width: 200,
            render: (_, row) => (
              <a href={`#/customers/${encodeURIComponent(row.id)}`} data-customer-id={row.id}>
                {row.name}
                {row.company ? <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.62)' }}>{row.company}</div> : null}
              </a>
            ),
          },
          { key: 'revenue', title: t('columns.revenueInRange'), align: 'right', width: 140, render: (_, row) => money(env, row.revenueMinor) },
          { key: 'why', title: t('columns.why'), render: (_, row) => why(row.explanation) },
        ]}
      />
    </div>
  );
}
