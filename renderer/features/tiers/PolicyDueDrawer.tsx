import { Alert, Drawer, List, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { errorText } from '../../components/errors';
import { classLabel, schemeLabel } from './labels';
import { useTierWindow } from './use-tier-window';

interface Props {
  open: boolean;
  customNames: ReadonlyMap<string, string>;
  onClose(): void;
}

/** Customers whose last contact is older than the strictest cadence of their classes, with the reason. */
export function PolicyDueDrawer({ open, customNames, onClose }: Props) {
  const { t, i18n } = useTranslation('tiers');
  const tierWindow = useTierWindow();
  const [due, setDue] = useState<OutputOf<'policies:due'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    setDue(null);
    api('policies:due', { limit: 500 })
      .then((next) => !cancelled && setDue(next))
      .catch((e: unknown) => !cancelled && setError(errorText(e, t)));
    return () => {
      cancelled = true;
    };
  }, [open, t]);

  return (
    <Drawer open={open} onClose={onClose} size={720} title={t('policyDue.title')} data-testid="policy-due-drawer">
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {!due && !error ? <Spin /> : null}
      {due ? (
        <>
          <p>{t('policyDue.count', { shown: due.items.length, total: due.total })}</p>
          <List
            dataSource={due.items}
            renderItem={(item) => {
              const cls = `${schemeLabel(t, item.scheme, customNames)} · ${classLabel(t, item.scheme, item.classKey, i18n.language, tierWindow)}`;
              const reason =
                item.daysSinceContact === null
                  ? t('policyDue.reasonNever', { cls, cadence: item.cadenceDays })
                  : t('policyDue.reason', { cls, cadence: item.cadenceDays, count: item.daysSinceContact });
              return (
                <List.Item
                  data-testid="policy-due-item"
                  actions={[<a key="open" onClick={() => navigate({ page: 'customer', id: item.customerId })}>{t('explain.openCustomer')}</a>]}
                >
                  <List.Item.Meta
                    title={
                      <span>
                        <Tag color={item.priority <= 1 ? 'red' : item.priority === 2 ? 'orange' : 'default'}>P{item.priority}</Tag>
                        {item.customerName}
                        {item.company ? ` · ${item.company}` : ''}
                      </span>
                    }
                    description={`${reason}${item.nextAction ? ` — ${item.nextAction}` : ''}`}
                  />
                </List.Item>
              );
            }}
          />
        </>
      ) : null}
    </Drawer>
  );
}
