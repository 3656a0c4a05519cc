import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../shared/contract';
import { localDateOf } from '../../shared/domain/dates';
import { api } from '../api/client';
import { errorText } from './errors';
import { formatDate } from './format';

type What = 'customers' | 'orders' | 'orderLines' | 'followUps';
const CHANNEL = { customers: 'export:customers', orders: 'export:orders', orderLines: 'export:orderLines', followUps: 'export:followUps' } as const;

/** Which customers an export covers: the whole book (archived too), the list as shown (its filter and view), or the ticked ones. */
export interface CustomerScope {
  key: 'all' | 'shown' | 'selected';
  count: number;
  input: Pick<InputOf<'export:customers'>, 'filter' | 'ids'>;
}

/** The scope picker inside the confirmation dialog; reports each change so the dialog's OK can read it. */
function ScopeChoice({ scopes, initial, onChange }: { scopes: CustomerScope[]; initial: CustomerScope['key']; onChange(key: CustomerScope['key']): void }) {
  const { t } = useTranslation('comfort');
  return (
    <Radio.Group
      defaultValue={initial}
      onChange={(e) => onChange(e.target.value as CustomerScope['key'])}
      style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 12 }}
      data-testid="export-scope"
      options={scopes.map((s) => ({ value: s.key, label: <span data-testid={`export-scope-${s.key}`}>{t(`export.${s.key}`, { count: s.count })}</span> }))}
    />
  );
}

/**
 * Export to Excel or CSV. In the app the system's save dialog picks the file (the call carries its
 * handle, never a path); in a browser (no dialog) the file goes to the `exports` folder beside the
 * database, and the message says where.
 */
export function ExportButton({ what, tier, label, scopes, size, testId = 'export-menu' }: {
  what: What[];
  tier?: { scheme: string; classKey: string };
  label?: string;
  /** Customer exports from a list: the choices to offer (asked only when there is more than one; the last is the default). */
  scopes?: () => Promise<CustomerScope[]>;
  size?: 'small' | 'middle';
  testId?: string;
}) {
  const { t, i18n } = useTranslation('transfer');
  const { message, modal } = App.useApp();

  /** The scope to export, asking when there is a choice; null: the user cancelled. */
  const chooseScope = async (): Promise<CustomerScope['input'] | null> => {
    const choices = scopes ? await scopes() : [];
    if (choices.length === 0) return {};
    if (choices.length === 1) return choices[0]!.input;
    let picked = choices[choices.length - 1]!.key;
    const ok = await new Promise<boolean>((resolve) =>
      modal.confirm({
        title: t('comfort:export.scopeTitle'),
        icon: <DownloadOutlined />,
        content: <ScopeChoice scopes={choices} initial={picked} onChange={(key) => (picked = key)} />,
        okText: t('export'),
        okButtonProps: { 'data-testid': 'export-scope-ok' } as never,
        cancelText: t('common:actions.cancel'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      }),
    );
    return ok ? choices.find((c) => c.key === picked)!.input : null;
  };
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';

  const run = async (kind: What, format: 'xlsx' | 'csv') => {
    const scope = kind === 'customers' ? await chooseScope() : {};
    if (scope === null) return;
    const defaultName = `${kind}${tier ? `-${tier.scheme}-${tier.classKey}` : ''}-${localDateOf(new Date())}.${format}`;
    const picker = window.tierbook?.pickSaveFile;
    const picked = picker ? await picker({ purpose: 'export', defaultName, filters: [{ name: format === 'xlsx' ? 'Excel' : 'CSV', extensions: [format] }] }) : undefined;
    if (picked === null) return; // cancelled
    try {
      const input = { ...(picked ? { handle: picked.handle } : {}), format, language } as const;
      const result = kind === 'customers' ? await api(CHANNEL.customers, { ...input, ...scope, ...(tier ? { scheme: tier.scheme, classKey: tier.classKey } : {}) }) : await api(CHANNEL[kind], input);
      // Tier columns of a day before today (the tiers not stored today yet) are named, so nobody reads them as today's.
      const asOf = result.classesAsOf && result.classesAsOf !== localDateOf(new Date()) ? ` ${t('exportedClassesAsOf', { date: formatDate(result.classesAsOf, i18n.language) })}` : '';
      void message.success({ content: `${t('exported', { count: result.rows, path: result.path })}${asOf}`, duration: 8 });
    } catch (error) {
      void message.error(errorText(error, t));
    }
  };

  const items = what.flatMap((kind) =>
    (['xlsx', 'csv'] as const).map((format) => ({
      key: `${kind}.${format}`,
      label: <span data-testid={`export-${kind}-${format}`}>{t('exportAs', { what: t(`exportWhat.${kind}`), format: format === 'xlsx' ? 'Excel (.xlsx)' : 'CSV' })}</span>,
      onClick: () => void run(kind, format),
    })),
  );
  return (
    <Dropdown menu={{ items }} trigger={['click']}>
      <Button icon={<DownloadOutlined />} size={size} data-testid={testId}>
        {label ?? t('export')}
      </Button>
    </Dropdown>
  );
}
