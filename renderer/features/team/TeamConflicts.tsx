import { Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamConflict } from '../../../shared/contract/team';
import { api } from '../../api/client';
import { hrefOf } from '../../app/router';
import { formatDateTime } from '../../components/format';
import { UserText } from '../../components/UserText';
import { ConflictSide } from './ConflictSide';
import { conflictFieldLabel } from './conflict-field-label';

/**
 * Same-field edits made on two laptops while offline: the later one was kept by the hybrid logical clock,
 * and the overwritten value is listed here with who made each edit and when, for the user to check.
 */
export function TeamConflicts({ reloadKey, customerId }: { reloadKey: unknown; customerId?: string }) {
  const { t, i18n } = useTranslation('team');
  const [conflicts, setConflicts] = useState<TeamConflict[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    void api('team:conflicts', customerId ? { limit: 50, customerId } : { limit: 50 }).then(
      (found) => !cancelled && setConflicts(found.conflicts),
      () => !cancelled && setConflicts([]),
    );
    return () => {
      cancelled = true;
    };
  }, [reloadKey, customerId]);

  const fieldLabel = (field: string) => conflictFieldLabel(t, field);

  // In a customer's file the list is that customer's history of overwritten values, shown only when there is one.
  if (customerId && !conflicts?.length) return null;
  return (
    <div data-testid={customerId ? 'customer-team-conflicts' : 'team-conflicts'} style={customerId ? { marginTop: 24 } : undefined}>
      <Typography.Title level={5}>{t(customerId ? 'conflicts.customerHeading' : 'conflicts.heading')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('conflicts.help')}</Typography.Paragraph>
      <Table<TeamConflict>
        rowKey="id"
        size="small"
        loading={conflicts === null}
        dataSource={conflicts ?? []}
        locale={{ emptyText: t('conflicts.empty') }}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        // Each column keeps its share of the card: a long customer name, value or laptop name wraps or is cut inside it.
        tableLayout="fixed"
        onRow={(row) => ({ 'data-testid': 'team-conflict-row', 'data-customer-id': row.customerId }) as object}
        columns={[
          ...(customerId
            ? []
            : [
                {
                  key: 'customer',
                  title: t('conflicts.customer'),
                  width: '20%',
                  render: (_: unknown, row: TeamConflict) => (
                    <a href={hrefOf({ page: 'customer', id: row.customerId })}>
                      <UserText text={row.customerName ?? t('conflicts.unnamed')} />
                    </a>
                  ),
                },
              ]),
          { key: 'field', title: t('conflicts.field'), width: '14%', render: (_, row) => fieldLabel(row.field) },
          {
            key: 'kept',
            title: t('conflicts.kept'),
            width: '26%',
            render: (_, row) => <ConflictSide value={row.keptValue} person={row.keptBy} at={row.keptAt} />,
          },
          {
            key: 'overwritten',
            title: t('conflicts.overwritten'),
            width: '26%',
            render: (_, row) => <ConflictSide value={row.overwrittenValue} person={row.overwrittenBy} at={row.overwrittenAt} overwritten />,
          },
          { key: 'resolved', title: t('conflicts.resolvedAt'), width: '14%', render: (_, row) => formatDateTime(row.resolvedAt, i18n.language) },
        ]}
      />
    </div>
  );
}
