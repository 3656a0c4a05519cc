import { Alert, Button, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { errorText } from '../../components/errors';
import { formatDate } from '../../components/format';
import { ClassTag } from './ClassTag';
import { classLabel } from './labels';
import { useClassLabelEnv } from './use-tier-settings';

const PAGE = 50;

interface Props {
  scheme: string;
  asOf: string;
  search: string;
  onBack(): void;
}

/**
 * A past day's tiered list as it was stored that day: the classes with their counts (a click narrows the
 * list) and the members by name, paged on the main process. Today's live list has revenue and scores;
 * the stored history keeps only the class, so this view shows only that.
 */
export function StoredDayView({ scheme, asOf, search, onBack }: Props) {
  const { t, i18n } = useTranslation('evaluation');
  const labelEnv = useClassLabelEnv();
  const language = i18n.language;
  const [classKey, setClassKey] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [day, setDay] = useState<OutputOf<'snapshots:day'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setClassKey(undefined);
    setPage(1);
  }, [scheme, asOf, search]);

  useEffect(() => {
    let cancelled = false;
    api('snapshots:day', { scheme, asOf, classKey, search, offset: (page - 1) * PAGE, limit: PAGE })
      .then((next) => {
        if (cancelled) return;
        setDay(next);
        setError(null);
      })
      .catch((e: unknown) => !cancelled && setError(errorText(e, t)));
    return () => {
      cancelled = true;
    };
  }, [scheme, asOf, classKey, search, page, t]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!day) return null;
  const label = (key: string) => classLabel(t, scheme, key, language, labelEnv);
  const range = day.firstDay && day.lastDay ? t('asOf.range', { first: formatDate(day.firstDay, language), last: formatDate(day.lastDay, language) }) : t('asOf.noRange');
  const back = (
    <Button size="small" onClick={onBack} data-testid="as-of-back">
      {t('asOf.back')}
    </Button>
  );
  if (day.snapshotDay === null) return <Alert type="info" showIcon data-testid="as-of-nothing" title={t('asOf.nothing', { asOf: formatDate(asOf, language) })} description={range} action={back} />;
  const note = day.snapshotDay === asOf ? 'asOf.showing' : 'asOf.showingBetween';
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="as-of-view" data-snapshot-day={day.snapshotDay}>
      <Alert
        type="info"
        showIcon
        data-testid="as-of-note"
        title={t(note, { day: formatDate(day.snapshotDay, language), asOf: formatDate(asOf, language), count: day.customers })}
        description={range}
        action={back}
      />
      <Space wrap data-testid="as-of-classes">
        <Tag.CheckableTag checked={classKey === undefined} onChange={() => (setClassKey(undefined), setPage(1))}>
          {t('asOf.allClasses')} · {day.customers}
        </Tag.CheckableTag>
        {day.classes.map((c) => (
          <Tag.CheckableTag key={c.classKey} data-class={c.classKey} checked={classKey === c.classKey} onChange={() => (setClassKey(c.classKey === classKey ? undefined : c.classKey), setPage(1))}>
            {label(c.classKey)} · {c.count}
          </Tag.CheckableTag>
        ))}
      </Space>
      <Table
        size="small"
        rowKey="id"
        data-testid="as-of-members"
        dataSource={day.rows}
        pagination={{ current: page, pageSize: PAGE, total: day.total, showSizeChanger: false, onChange: setPage }}
        onRow={(row) => ({ onClick: () => navigate({ page: 'customer', id: row.id }), style: { cursor: 'pointer' }, 'data-testid': 'as-of-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'name', title: t('asOf.columns.name'), dataIndex: 'name' },
          { key: 'company', title: t('asOf.columns.company'), render: (_, row) => row.company ?? '' },
          { key: 'code', title: t('asOf.columns.code'), render: (_, row) => row.code ?? '' },
          { key: 'classKey', title: t('asOf.columns.classKey'), render: (_, row) => <ClassTag scheme={scheme} classKey={row.classKey} label={label(row.classKey)} /> },
        ]}
      />
    </Space>
  );
}
