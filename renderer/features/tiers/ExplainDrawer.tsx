import { Alert, Button, Descriptions, Drawer, Empty, Spin, Timeline } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { errorText } from '../../components/errors';
import { namedMessage } from '../../components/named-message';
import { formatDate } from '../../components/format';
import type { RuleGroup, RuleTrace } from '../../../shared/segmentation';
import { ClassTag } from './ClassTag';
import { RankingCaveatNote } from './RankingCaveatNote';
import { explanationFacts } from './explain-facts';
import { explainedClass, ranksByPrediction, type PredictionStatus } from './explained-class';
import { classLabel, hintEnvFor, hintText, schemeLabel } from './labels';
import { useTierPartition } from './use-tier-partition';
import { ruleLines } from './rule-text';
import { useClassLabelEnv } from './use-tier-settings';

interface Props {
  customer: { id: string; name: string } | null;
  scheme: string;
  schemes: string[];
  customNames: ReadonlyMap<string, string>;
  /** Custom segments' rules by id, so their explanation shows each condition and whether it is met. */
  customRules?: ReadonlyMap<string, RuleGroup>;
  baseCurrency: string;
  onClose(): void;
  /** Once the drawer has slid away, for the screen to put the focus back where the user was. */
  afterClose?(): void;
}

/** Why the customer is in each class, what would move them, and how their class changed over time. */
export function ExplainDrawer({ customer, scheme, schemes, customNames, customRules, baseCurrency, onClose, afterClose }: Props) {
  const { t, i18n } = useTranslation('tiers');
  const language = i18n.language;
  const labelEnv = useClassLabelEnv();
  const groupNames = useTierPartition();
  const [explain, setExplain] = useState<OutputOf<'segments:explain'> | null>(null);
  // Separate from the explanation: the first history read may store today's snapshot, which takes
  // seconds on a large workspace, and the explanation should not wait for it.
  const [history, setHistory] = useState<OutputOf<'segments:history'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Read only where a scheme ranks by predicted value: why a customer has none (no fit yet) is the fit's to say.
  const [prediction, setPrediction] = useState<PredictionStatus | null>(null);

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

  useEffect(() => {
    setPrediction(null);
    if (!customer || !explain || !Object.entries(explain.schemes).some(([s, c]) => ranksByPrediction(s, c.explanation))) return;
    let cancelled = false;
    // As the Predictions screen and the customer file read it; unread, the drawer says only what the explanation does.
    api('prediction:customers', { customerId: customer.id, storedOnly: true, limit: 1 }).then(
      (next) => !cancelled && setPrediction(next),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [customer, explain]);

  const env = { language, currency: baseCurrency, ...labelEnv, current: explain?.metrics };
  const ordered = [scheme, ...schemes.filter((s) => s !== scheme)];

  return (
    <Drawer open={customer !== null} onClose={onClose} afterOpenChange={(visible) => !visible && afterClose?.()} size={720} title={customer ? namedMessage(t, 'explain.title', { name: customer.name }, 'explain-title') : ''} data-testid="explain-drawer">
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
                content: `${formatDate(h.asOf, language)} · ${h.classKey === null ? '—' : classLabel(t, scheme, h.classKey, language, labelEnv)}`,
              }))}
            />
          ) : (
            <Empty description={t('explain.noHistory')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          )}
          {ordered
            .filter((s) => explain.schemes[s])
            .map((s) => {
              const { classKey, explanation } = explain.schemes[s]!;
              const rule = s.startsWith('custom:') ? customRules?.get(s.slice('custom:'.length)) : undefined;
              const explained = explainedClass(t, s, classKey, explanation, { ...env, day: explain.asOf, prediction }, groupNames);
              return (
                <div key={s} data-testid={`explain-${s}`} style={{ marginBottom: 20 }}>
                  <h4>
                    {schemeLabel(t, s, customNames)} <ClassTag scheme={s} classKey={classKey} label={explained.label} />
                  </h4>
                  {explain.caveats?.[s] ? <RankingCaveatNote caveat={explain.caveats[s]} testId={`explain-caveat-${s}`} /> : null}
                  {explained.lines.map((line, i) => (
                    <div key={i} data-testid={`explain-cut-${s}`}>
                      {line}
                    </div>
                  ))}
                  <Descriptions
                    size="small"
                    column={2}
                    items={explanationFacts(t, s, explanation, env).map((f) => ({ key: f.key, label: f.label, children: f.text }))}
                  />
                  {rule ? (
                    <div data-testid={`rule-${s}`}>
                      {ruleLines(t, rule, env, explanation.trace as RuleTrace | undefined).map((line, i) => (
                        <div key={i} style={{ paddingLeft: line.depth * 16 }}>
                          {line.met === undefined ? '' : line.met ? '✓ ' : '✗ '}
                          {line.text}
                        </div>
                      ))}
                    </div>
                  ) : null}
                  {explanation.moves.length > 0 ? (
                    <ul style={{ margin: '8px 0 0', paddingLeft: 20 }} data-testid={`moves-${s}`}>
                      {explanation.moves.map((hint, i) => (
                        <li key={i}>{hintText(t, hint, s, hintEnvFor(env, explanation))}</li>
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
