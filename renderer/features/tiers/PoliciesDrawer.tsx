import { App, Button, Drawer, InputNumber, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../../shared/contract/policies';
import { api } from '../../api/client';
import { errorText } from '../../components/errors';
import { UserParagraph } from '../../components/UserParagraph';
import { useConfirmDiscard } from '../../components/use-confirm-discard';
import { useUnsavedChangesPrompt } from '../../components/use-unsaved-changes-prompt';
import { classLabel, schemeLabel } from './labels';
import { anyPolicyTooLong, POLICY_TEXT_MAX } from './policy-limits';
import { PolicyText } from './PolicyText';
import { useClassLabelEnv } from './use-tier-settings';

interface Props {
  open: boolean;
  scheme: string;
  classes: string[];
  customNames: ReadonlyMap<string, string>;
  onClose(): void;
}

type Draft = { cadenceDays: number | null; priority: number; notes: string; nextAction: string; responsible: string | null };
const EMPTY: Draft = { cadenceDays: null, priority: 3, notes: '', nextAction: '', responsible: null };

/**
 * Service policies of one scheme, a row per class: cadence, priority, notes, the suggested next action and
 * the person responsible for the class (shown beside its figures on the evaluation dashboard).
 */
export function PoliciesDrawer({ open, scheme, classes, customNames, onClose }: Props) {
  const { t, i18n } = useTranslation('tiers');
  const labelEnv = useClassLabelEnv();
  const { message } = App.useApp();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  // Classes edited since the last load or save: one Save writes them all together.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const [saving, setSaving] = useState(false);
  useUnsavedChangesPrompt(open && edited.size > 0);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    api('policies:list', { scheme })
      .then(({ policies }) => {
        if (cancelled) return;
        const byClass = new Map<string, Policy>(policies.map((p) => [p.classKey, p]));
        setDrafts(Object.fromEntries(classes.map((c) => [c, byClass.get(c) ?? EMPTY])));
        setEdited(new Set());
      })
      .catch((e: unknown) => void message.error(errorText(e, t)));
    return () => {
      cancelled = true;
    };
  }, [open, scheme, classes, t, message]);

  const edit = (classKey: string, patch: Partial<Draft>) => {
    setDrafts((d) => ({ ...d, [classKey]: { ...(d[classKey] ?? EMPTY), ...patch } }));
    setEdited((e) => new Set([...e, classKey]));
  };
  const saveAll = async () => {
    if (edited.size === 0) return;
    // A text over its limit is said under its box and the save waits for it, as a form's would. Save stays
    // offered: a long note grows a screen or more, so its message can sit out of sight; Save brings it into view.
    if (anyPolicyTooLong(Object.values(drafts))) return showFirstTooLong();
    setSaving(true);
    try {
      const policies = [...edited].map((classKey) => {
        const draft = drafts[classKey] ?? EMPTY;
        return { scheme, classKey, cadenceDays: draft.cadenceDays, priority: draft.priority, notes: draft.notes, nextAction: draft.nextAction, responsible: draft.responsible };
      });
      await api('policies:saveMany', { policies });
      setEdited(new Set());
      void message.success(t('common:saved'));
    } catch (e) {
      void message.error(errorText(e, t));
    } finally {
      setSaving(false);
    }
  };
  const showFirstTooLong = () => {
    const item = document.querySelector('[data-testid="policies-drawer"] .ant-form-item-has-error');
    item?.querySelector('.ant-form-item-explain')?.scrollIntoView({ block: 'nearest' });
    item?.querySelector('textarea')?.focus({ preventScroll: true });
  };
  // Closing the drawer with edits asks, as leaving a page does.
  const confirmClose = useConfirmDiscard(edited.size > 0);
  const close = () =>
    confirmClose(() => {
      setEdited(new Set());
      onClose();
    });

  return (
    <Drawer
      open={open}
      onClose={close}
      size={980}
      extra={
        <Space>
          <Button onClick={close}>{t('common:actions.cancel')}</Button>
          <Button type="primary" loading={saving} disabled={edited.size === 0} onClick={() => void saveAll()} data-testid="save-policies">
            {t('common:actions.save')}
          </Button>
        </Space>
      }
      title={t('policies.title', { scheme: schemeLabel(t, scheme, customNames) })}
      data-testid="policies-drawer"
    >
      <p>{t('policies.help')}</p>
      <Table
        size="small"
        // A note grows with its text, taller than the window: the class, cadence and priority it belongs to
        // sit beside its first line, not in the middle of it, a screen or two below.
        className="top-aligned-rows"
        rowKey={(c) => c}
        pagination={false}
        dataSource={classes}
        columns={[
          // A class of industry, income or size is what customers' files say: 60 letters without a space widened
          // the column and squeezed the notes beside it to a sliver. It wraps inside the column, in its own direction.
          { key: 'class', title: t('columns.classKey'), width: 130, render: (_, c) => <UserParagraph text={classLabel(t, scheme, c, i18n.language, labelEnv)} /> },
          {
            key: 'cadence',
            title: t('policies.cadenceDays'),
            width: 120,
            render: (_, c) => <InputNumber min={1} max={3650} value={drafts[c]?.cadenceDays ?? null} onChange={(v) => edit(c, { cadenceDays: v ?? null })} data-testid={`cadence-${c}`} />,
          },
          {
            key: 'priority',
            title: t('policies.priority'),
            width: 90,
            render: (_, c) => (
              <Select value={drafts[c]?.priority ?? 3} onChange={(v) => edit(c, { priority: v })} options={[1, 2, 3, 4, 5].map((p) => ({ value: p, label: p }))} />
            ),
          },
          {
            key: 'notes',
            title: t('policies.notes'),
            render: (_, c) => <PolicyText value={drafts[c]?.notes ?? ''} max={POLICY_TEXT_MAX.notes} onChange={(notes) => edit(c, { notes })} testId={`notes-${c}`} />,
          },
          {
            key: 'next',
            title: t('policies.nextAction'),
            render: (_, c) => <PolicyText value={drafts[c]?.nextAction ?? ''} max={POLICY_TEXT_MAX.nextAction} onChange={(nextAction) => edit(c, { nextAction })} testId={`next-action-${c}`} />,
          },
          {
            key: 'responsible',
            title: t('reportFigures:columns.responsible'),
            width: 160,
            render: (_, c) => (
              <PolicyText oneLine value={drafts[c]?.responsible ?? ''} max={POLICY_TEXT_MAX.responsible} onChange={(responsible) => edit(c, { responsible })} testId={`responsible-${c}`} />
            ),
          },
        ]}
      />
    </Drawer>
  );
}
