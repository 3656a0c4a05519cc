import { Alert, Descriptions, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { api } from '../../api/client';
import { useWorkspace } from '../../app/workspace';
import { errorText } from '../../components/errors';
import { formatDate } from '../../components/format';
import { localDateOf } from '../../../shared/domain/dates';
import { ClassTag } from './ClassTag';
import { RankingCaveatNote } from './RankingCaveatNote';
import { cutLines } from './cut-text';
import { classLabel, hintEnvFor, hintText } from './labels';
import { TierHistoryChart } from './TierHistoryChart';
import { useTierPartition } from './use-tier-partition';
import { useClassLabelEnv } from './use-tier-settings';

/** The schemes a shop owner acts on; the Tiered lists drawer shows all of them. */
const SCHEMES = ['pyramid', 'value', 'lifecycle', 'rf_segment', 'loyalty', 'behavior', 'intent'] as const;

interface Props {
  customerId: string;
  /** Changes whenever the customer's orders or follow-ups do, so the tiers are fetched again. */
  reloadKey: unknown;
}

/** On the customer file: class per scheme, what would move the customer, and their pyramid history. */
export function CustomerTiersPanel({ customerId, reloadKey }: Props) {
  const { t, i18n } = useTranslation('tiers');
  const { settings } = useWorkspace();
  const labelEnv = useClassLabelEnv();
  const groupNames = useTierPartition();
  const [explain, setExplain] = useState<OutputOf<'segments:explain'> | null>(null);
  // Fetched apart: the first history read may store today's snapshot (seconds at 100k customers).
  const [history, setHistory] = useState<OutputOf<'segments:history'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const failed = (e: unknown) => !cancelled && setError(errorText(e, t));
    api('segments:explain', { customerId })
      .then((next) => {
        if (cancelled) return;
        setExplain(next);
        setError(null);
      })
      .catch(failed);
    api('segments:history', { customerId })
      .then((next) => !cancelled && setHistory(next))
      .catch(failed);
    return () => {
      cancelled = true;
    };
  }, [customerId, reloadKey, t]);

  if (error) return <Alert type="info" showIcon title={error} />;
  if (!explain) return <Spin />;
  const env = { language: i18n.language, currency: settings.baseCurrency, ...labelEnv, current: explain.metrics };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions
        bordered
        size="small"
        column={1}
        data-testid="customer-tiers"
        items={SCHEMES.filter((s) => explain.schemes[s]).map((s) => {
          const { classKey, explanation } = explain.schemes[s]!;
          const changes = history?.schemes[s] ?? [];
          return {
            key: s,
            label: t(`schemes.${s}`),
            children: (
              <div data-testid={`customer-tier-${s}`}>
                <ClassTag scheme={s} classKey={classKey} label={classLabel(t, s, classKey, i18n.language, labelEnv)} />
                {explain.caveats?.[s] ? <RankingCaveatNote caveat={explain.caveats[s]} testId={`customer-tier-caveat-${s}`} /> : null}
                {cutLines(t, s, classKey, explanation, env, groupNames).map((line, i) => (
                  <div key={`cut-${i}`} data-testid={`customer-tier-cut-${s}`} style={{ color: '#555' }}>
                    {line}
                  </div>
                ))}
                {explanation.moves.map((hint, i) => (
                  <div key={i}>{hintText(t, hint, s, hintEnvFor(env, explanation))}</div>
                ))}
                {changes.length > 1 ? (
                  <div style={{ color: 'rgba(0, 0, 0, 0.62)', marginTop: 4 }}>
                    {t('explain.history')}: {changes.map((h) => `${formatDate(h.asOf, i18n.language)} ${h.classKey === null ? '—' : classLabel(t, s, h.classKey, i18n.language, labelEnv)}`).join(' → ')}
                  </div>
                ) : null}
              </div>
            ),
          };
        })}
      />
      {history ? <TierHistoryChart history={history} schemes={SCHEMES} today={localDateOf(new Date())} /> : null}
    </Space>
  );
}
