import { CloseOutlined, InboxOutlined, TagOutlined, UserOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, Form, Popover, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import type { BulkAction } from '../../../shared/contract/customers-bulk';
import { api } from '../../api/client';
import { ActionLink } from '../../components/ActionLink';
import { errorText } from '../../components/errors';
import { KeyboardPopconfirm } from '../../components/KeyboardPopconfirm';
import { tooLongText } from '../../components/length-limit';
import { applyBulkText } from './bulk-text';

/** The longest tag and owner a bulk action takes (shared/contract/customers-bulk.ts). */
export const BULK_TEXT_MAX = { tag: 40, owner: 80 } as const;

interface Props {
  ids: readonly string[];
  /** The list's view: in "archived" the archive action puts customers back instead. */
  archivedView: boolean;
  onDone(): void;
  onClear(): void;
  /** Export slot (the list's export button, limited to the selection). */
  exportButton: React.ReactNode;
}

/**
 * A text (tag or owner) asked for in a small popover, with the values already in use offered as you type. A text
 * longer than `max` is kept and said under the box, and is not applied until it fits; a text the save refuses stays
 * in the box with the reason under it.
 */
function TextAction({ icon, label, placeholder, options, testId, max, allowEmpty, onApply }: {
  icon: React.ReactNode; label: string; placeholder: string; options: string[]; testId: string; max: number; allowEmpty?: boolean; onApply(value: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation('comfort');
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const tooLong = tooLongText(t, i18n.language, value, max);
  const blocked = tooLong !== null || (!allowEmpty && !value.trim());
  const apply = async () => {
    if (blocked || saving) return;
    setSaving(true);
    const next = await applyBulkText(value, onApply, (error) => errorText(error, t));
    setSaving(false);
    setValue(next.value);
    setOpen(next.open);
    setRefusal(next.refusal);
  };
  const problem = tooLong ?? refusal;
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      content={
        // No form here: the item only lends the box its error look and the message its place, as wide as the box.
        <Form.Item validateStatus={problem ? 'error' : undefined} help={problem ?? undefined} style={{ marginBottom: 0, maxWidth: 280 }}>
          <Space.Compact>
            <AutoComplete
              autoFocus
              style={{ width: 200 }}
              value={value}
              onChange={(next) => {
                setValue(next);
                setRefusal(null);
              }}
              placeholder={placeholder}
              options={options.filter((o) => o.toLowerCase().includes(value.toLowerCase())).slice(0, 20).map((o) => ({ value: o }))}
              onKeyDown={(e) => e.key === 'Enter' && !e.defaultPrevented && void apply()}
              data-testid={`${testId}-input`}
            />
            <Button type="primary" onClick={() => void apply()} disabled={blocked} loading={saving} data-testid={`${testId}-apply`}>
              {t('bulk.apply')}
            </Button>
          </Space.Compact>
        </Form.Item>
      }
    >
      <Button size="small" icon={icon} data-testid={testId}>
        {label}
      </Button>
    </Popover>
  );
}

/** Shown while customers are ticked: tag, untag, set the owner, archive or export them all at once, with one undo. */
export function BulkActionBar({ ids, archivedView, onDone, onClear, exportButton }: Props) {
  const { t } = useTranslation('comfort');
  const { message } = App.useApp();
  const [facets, setFacets] = useState<OutputOf<'customers:facets'>>({ countries: [], tags: [], owners: [], sources: [] });
  const [busy, setBusy] = useState(false);
  useEffect(() => void api('customers:facets', {}).then(setFacets, () => undefined), []);

  /** Applies one action; a refusal is thrown to the caller, which says it where the action was asked for. */
  const perform = async (action: BulkAction) => {
    setBusy(true);
    try {
      const result = await api('customers:bulkUpdate', { ids: [...ids], action });
      const key = `bulk-${Date.now()}`;
      const undo = async () => {
        message.destroy(key);
        try {
          const { restored } = await api('customers:bulkUndo', { undoToken: result.undoToken! });
          void message.success(t('bulk.undone', { count: restored }));
          onDone();
        } catch (error) {
          void message.error(errorText(error, t));
        }
      };
      void message.success({
        key,
        duration: 8,
        content: (
          <Space>
            <span data-testid="bulk-result">{t('bulk.done', { count: result.updated })}</span>
            {result.undoToken ? (
              <ActionLink onClick={() => void undo()} data-testid="bulk-undo">
                {t('bulk.undo')}
              </ActionLink>
            ) : null}
          </Space>
        ),
      });
      // Archived (or restored) customers leave this view: their ticks would act on rows no longer shown.
      if (action.kind === 'archive') onClear();
      onDone();
    } finally {
      setBusy(false);
    }
  };
  /** The archive buttons ask nothing more: their refusal is said in a message. */
  const run = (action: BulkAction) => void perform(action).catch((error: unknown) => void message.error(errorText(error, t)));

  return (
    <Space wrap data-testid="bulk-bar" style={{ padding: '4px 8px', background: '#e6f4ef', borderRadius: 6, width: '100%' }}>
      <Typography.Text strong data-testid="bulk-count">
        {t('bulk.selected', { count: ids.length })}
      </Typography.Text>
      <TextAction icon={<TagOutlined />} label={t('bulk.addTag')} placeholder={t('bulk.tagPlaceholder')} options={facets.tags} testId="bulk-add-tag" max={BULK_TEXT_MAX.tag} onApply={(tag) => perform({ kind: 'addTag', tag })} />
      <TextAction icon={<TagOutlined />} label={t('bulk.removeTag')} placeholder={t('bulk.tagPlaceholder')} options={facets.tags} testId="bulk-remove-tag" max={BULK_TEXT_MAX.tag} onApply={(tag) => perform({ kind: 'removeTag', tag })} />
      <TextAction icon={<UserOutlined />} label={t('bulk.setOwner')} placeholder={t('bulk.ownerPlaceholder')} options={facets.owners} testId="bulk-owner" max={BULK_TEXT_MAX.owner} allowEmpty onApply={(owner) => perform({ kind: 'setOwner', owner: owner || null })} />
      {archivedView ? (
        <Button size="small" icon={<InboxOutlined />} loading={busy} onClick={() => run({ kind: 'archive', archived: false })} data-testid="bulk-unarchive">
          {t('bulk.unarchive')}
        </Button>
      ) : (
        <KeyboardPopconfirm title={t('bulk.confirmArchive', { count: ids.length })} onConfirm={() => run({ kind: 'archive', archived: true })} okText={t('bulk.archive')} cancelText={t('common:actions.cancel')}>
          <Button size="small" icon={<InboxOutlined />} loading={busy} data-testid="bulk-archive">
            {t('bulk.archive')}
          </Button>
        </KeyboardPopconfirm>
      )}
      {exportButton}
      <Button size="small" type="text" icon={<CloseOutlined />} onClick={onClear} data-testid="bulk-clear">
        {t('bulk.clear')}
      </Button>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('bulk.shiftHint')}
      </Typography.Text>
    </Space>
  );
}
