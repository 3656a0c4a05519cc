import { Alert, Button, Descriptions, Drawer, Empty, Spin, Tag, Timeline } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import type { Explanation } from '../../../shared/contract/segmentation';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { errorText } from '../../components/errors';
import { formatDate, formatMoney } from '../../components/format';
import { classLabel, hintText, schemeLabel } from './labels';

interface Props {
  customer: { id: string; name: string } | null;
  scheme: string;
  schemes: string[];
  customNames: ReadonlyMap<string, string>;
  baseCurrency: string;
  onClose(): void;
}

const MONEY_FACTS = new Set(['revenueMinor', 'rankValue']);
const DATE_FACTS = new Set(['firstOrderDate', 'lastOrderDate', 'newUntil']);

/** The plain facts of an explanation (numbers, dates, words), in the engine's field order. */
function facts(explanation: Explanation): [string, string | number][] {
  return Object.entries(explanation).filter((e): e is [string, string | number] => e[0] !== 'kind' && (typeof e[1] === 'number' || typeof e[1] === 'string'));
}

/** Why the customer is in each class, what would move them, and how their class changed over time. */
export function ExplainDrawer({ customer, scheme, schemes, customNames, baseCurrency, onClose }: Props) {
  const { t, i18n } = useTranslation('tiers');
  const language = i18n.language;
  const [explain, setExplain] = useState<OutputOf<'segments:explain'> | null>(null);
  // Separate from the explanation: the first history read may store today's snapshot, which takes
  // seconds on a large workspace, and the explanation should not wait for it.
  const [history, setHistory] = useState<OutputOf<'segments:history'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setExplain(null);
    setHistory(null);
    setError(null);
    if (!customer) return;
    let cancelled = false;
    const failed = (e: unknown) => !cancelled && setError(errorText(e, t));
    api('segments:explain', { customerId: customer.id })
      .then((next) => !cancelled && setExplain(next))
      .catch(failed);
    api('segments:history', { customerId: customer.id, scheme })
      .then((next) => !cancelled && setHistory(next))
      .catch(failed);
    return () => {
      cancelled = true;
    };
  }, [customer, scheme, t]);

  const env = { language, currency: baseCurrency };
  const value = (key: string, v: string | number): string => {
    if (MONEY_FACTS.has(key) && typeof v === 'number') return formatMoney(v, baseCurrency, language);
    if (DATE_FACTS.has(key) && typeof v === 'string') return formatDate(v, language);
    if (key === 'basis' || key === 'rule') return t(`factValues.${v}`, { defaultValue: String(v) });
    if (key === 'lifecycle') return classLabel(t, 'lifecycle', String(v), language);
    return typeof v === 'number' ? String(Math.round(v * 100) / 100) : v;
  };
  const ordered = [scheme, ...schemes.filter((s) => s !== scheme)];

  return (
    <Drawer open={customer !== null} onClose={onClose} size={720} title={customer ? t('explain.title', { name: customer.name }) : ''} data-testid="explain-drawer">
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {!explain && !error ? <Spin /> : null}
      {explain && customer ? (
        <>
          <Button onClick={() => navigate({ page: 'customer', id: customer.id })} style={{ marginBottom: 16 }}>
            {t('explain.openCustomer')}
          </Button>
          <h4>{t('explain.history')}</h4>
          {!history ? (
            <Spin size="small" />
          ) : history.schemes[scheme]?.length ? (
            <Timeline
              data-testid="tier-history"
              items={history.schemes[scheme]!.map((h) => ({
                key: h.asOf,
                children: `${formatDate(h.asOf, language)} · ${h.classKey === null ? '—' : classLabel(t, scheme, h.classKey, language)}`,
              }))}
            />
          ) : (
            <Empty description={t('explain.noHistory')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          )}
          {ordered
            .filter((s) => explain.schemes[s])
            .map((s) => {
              const { classKey, explanation } = explain.schemes[s]!;
              return (
                <div key={s} data-testid={`explain-${s}`} style={{ marginBottom: 20 }}>
                  <h4>
                    {schemeLabel(t, s, customNames)} <Tag color="green">{classLabel(t, s, classKey, language)}</Tag>
                  </h4>
                  <Descriptions size="small" column={2} items={facts(explanation).map(([k, v]) => ({ key: k, label: t(`facts.${k}`, { defaultValue: k }), children: value(k, v) }))} />
                  {explanation.moves.length > 0 ? (
                    <ul style={{ margin: '8px 0 0', paddingLeft: 20 }} data-testid={`moves-${s}`}>
                      {explanation.moves.map((hint, i) => (
                        <li key={i}>{hintText(t, hint, s, env)}</li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              );
            })}
        </>
      ) : null}
    </Drawer>
  );
}
