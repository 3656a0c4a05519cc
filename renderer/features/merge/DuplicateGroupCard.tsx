import { App, Button, Card, Radio, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import type { DuplicateGroup, MergeCandidate, MergeField } from '../../../shared/contract/merges';
import { differingFields, fieldSources, joinedNotes, unitedTags } from '../../../shared/domain/merge-fields';
import { api } from '../../api/client';
import { hrefOf } from '../../app/router';
import { errorContent } from '../../components/named-message';
import { formatLocalDay } from '../../components/format';
import { candidateIdentity, contactText, displayValue, reasonText, rowsOf, type MergeRowKey } from './merge-rows';
import { isolate } from '../../components/bidi';
import { KeyboardPopconfirm } from '../../components/KeyboardPopconfirm';
import { UserParagraph } from '../../components/UserParagraph';
import { MergeScrollBox } from './MergeScrollBox';
import './merge.css';

type Row = { key: MergeRowKey };
type Merged = OutputOf<'customers:merge'>;

/** The merge question's width: names and companies of any length wrap inside it. */
const CONFIRM_WIDTH = { maxWidth: 420, overflowWrap: 'anywhere' } as const;

/**
 * One group of likely duplicates side by side: pick the customer to keep (the oldest by default), and
 * for each field whose values differ, whose value to keep; the last column shows the result before merging.
 * The defaults come from the same fieldSources the server applies, so the preview is what will be saved.
 */
export function DuplicateGroupCard({ group, onMerged }: { group: DuplicateGroup; onMerged: (result: Merged) => void }) {
  const { t, i18n } = useTranslation('merge');
  const { message } = App.useApp();
  const [keepId, setKeepId] = useState(group.customers[0]!.id);
  const [choices, setChoices] = useState<Partial<Record<MergeField, string>>>({});
  const [busy, setBusy] = useState(false);

  const kept = group.customers.find((c) => c.id === keepId) ?? group.customers[0]!;
  const others = useMemo(() => group.customers.filter((c) => c.id !== kept.id), [group, kept]);
  const ordered = useMemo(() => [kept, ...others], [kept, others]);
  const sources = useMemo(() => fieldSources(kept, others, choices), [kept, others, choices]);
  const differing = useMemo(() => new Set(differingFields(group.customers)), [group]);
  const rows = useMemo(() => rowsOf(group.customers), [group]);
  const byId = useMemo(() => new Map(group.customers.map((c) => [c.id, c])), [group]);
  const resultName = byId.get(sources.name)!.name;

  const keep = (id: string) => {
    setKeepId(id);
    setChoices({});
  };

  const columns = useMemo<ColumnsType<Row>>(() => {
    const cell = (c: MergeCandidate, key: MergeRowKey) => {
      if (key === 'tags') return <MergeScrollBox>{c.tags.map((tag) => <Tag key={tag}>{tag}</Tag>)}</MergeScrollBox>;
      if (key === 'notes') return <MergeScrollBox><UserParagraph text={c.notes ?? '—'} /></MergeScrollBox>;
      if (key === 'contacts') return <MergeScrollBox>{c.contacts.map((k) => <div key={`${k.kind}${k.value}`} className="merge-contact">{contactText(k, t)}</div>)}</MergeScrollBox>;
      // A value in its own direction: an Arabic name ending in digits keeps them at its end, beside the radio.
      const text = <span dir="auto" className="merge-value">{displayValue(c, key, t, i18n.language)}</span>;
      if (!differing.has(key)) return text;
      return (
        <Radio checked={sources[key] === c.id} onChange={() => setChoices((prev) => ({ ...prev, [key]: c.id }))} data-testid={`merge-field-${key}-${c.id}`}>
          {text}
        </Radio>
      );
    };
    const result = (key: MergeRowKey) => {
      if (key === 'tags') return <MergeScrollBox>{unitedTags(ordered).map((tag) => <Tag key={tag}>{tag}</Tag>)}</MergeScrollBox>;
      if (key === 'notes') return <MergeScrollBox><UserParagraph text={joinedNotes(ordered) ?? '—'} /></MergeScrollBox>;
      if (key === 'contacts') {
        const seen = new Set<string>();
        return <MergeScrollBox>{ordered.flatMap((c) => c.contacts).filter((k) => !seen.has(`${k.kind}${k.value}`) && seen.add(`${k.kind}${k.value}`)).map((k) => <div key={`${k.kind}${k.value}`} className="merge-contact">{contactText(k, t)}</div>)}</MergeScrollBox>;
      }
      return <b dir="auto" className="merge-value">{displayValue(byId.get(sources[key])!, key, t, i18n.language)}</b>;
    };
    return [
      // The field names and the result stay in view while the candidates scroll sideways between them: with six
      // candidates the result was past the box's right edge, out of sight of the values it is chosen from.
      { title: t('field.label'), key: 'label', className: 'merge-field-label', render: (_: unknown, r: Row) => t(`field.${r.key}`) },
      ...group.customers.map((c) => ({
        key: c.id,
        title: (
          <div>
            <Radio checked={c.id === kept.id} onChange={() => keep(c.id)} data-testid={`merge-keep-${c.id}`}>
              {t('keep')}
            </Radio>
            <div>
              <a href={hrefOf({ page: 'customer', id: c.id })} dir="auto" className="merge-value" data-testid="merge-candidate-name">
                {c.name}
              </a> {c.archivedAt ? <Tag>{t('archived')}</Tag> : null}
            </div>
            <div style={{ fontWeight: 'normal', color: 'rgba(0, 0, 0, 0.62)', fontSize: 12 }}>
              {t('since', { date: formatLocalDay(c.createdAt, i18n.language) })} · {t('counts', { orders: c.orderCount, followUps: c.followUpCount })}
            </div>
            {c.id === kept.id ? null : <Tag color="orange">{t('mergedAway')}</Tag>}
          </div>
        ),
        render: (_: unknown, r: Row) => cell(c, r.key),
      })),
      { title: t('result'), key: 'result', className: 'merge-result', render: (_: unknown, r: Row) => result(r.key) },
    ];
  }, [group, kept, ordered, sources, differing, byId, t, i18n.language]);

  const merge = async () => {
    setBusy(true);
    try {
      // Every contested field is sent explicitly, so what is saved is exactly what the last column showed.
      const fields = Object.fromEntries([...differing].map((field) => [field, sources[field]]));
      onMerged(await api('customers:merge', { keepId: kept.id, mergeIds: others.map((c) => c.id), fields }));
    } catch (error) {
      void message.error(errorContent(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      data-testid="duplicate-group"
      title={
        <Space wrap size={4}>
          {group.reasons.map((r) => (
            <Tag key={JSON.stringify(r)} color="blue" className="merge-reason" data-testid="merge-reason">
              {reasonText(r, t)}
            </Tag>
          ))}
        </Space>
      }
      extra={
        <KeyboardPopconfirm
          // The question wraps at the width of its details: a 120-character name stretched it across the whole window.
          title={<div style={CONFIRM_WIDTH}>{t('confirmTitle', { name: isolate(resultName) })}</div>}
          description={
            // Both sides named in full (code, company, phone, file date): two customers called 王芳 must not be confused here.
            // A company of 200 letters without a space breaks inside its line: it ran the question past the window's edge.
            <div style={CONFIRM_WIDTH} data-testid="merge-confirm-body">
              <div>
                {t('comfort:merge.keeps')}
                <strong>{candidateIdentity(kept, t, i18n.language)}</strong>
              </div>
              {others.map((c) => (
                <div key={c.id}>
                  {t('comfort:merge.mergesAway')}
                  {candidateIdentity(c, t, i18n.language)}
                </div>
              ))}
              <div style={{ marginTop: 6 }}>{t('confirmBody', { name: isolate(resultName), others: others.map((c) => isolate(c.name)).join('、') })}</div>
            </div>
          }
          okText={t('confirmOk')}
          cancelText={t('common:actions.cancel')}
          okButtonProps={{ 'data-testid': 'merge-confirm' } as React.ComponentProps<typeof Button>}
          onConfirm={merge}
        >
          <Button type="primary" loading={busy} data-testid="merge-start">
            {t('mergeButton', { count: group.customers.length })}
          </Button>
        </KeyboardPopconfirm>
      }
    >
      {differing.size ? <div style={{ color: 'rgba(0, 0, 0, 0.62)', marginBottom: 8 }}>{t('chooseHint')}</div> : null}
      {/* A plain scrolling box, not Table's scroll.x: that renders the header twice, doubling every radio in it. */}
      <div className="merge-table-box" data-testid="merge-table">
        <Table<Row> rowKey="key" size="small" pagination={false} columns={columns} dataSource={rows} />
      </div>
    </Card>
  );
}
