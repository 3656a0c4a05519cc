import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { localDateOf } from '../../shared/domain/dates';
import { api } from '../api/client';
import { errorText } from './errors';

type What = 'customers' | 'orders' | 'followUps';
const CHANNEL = { customers: 'export:customers', orders: 'export:orders', followUps: 'export:followUps' } as const;

/**
 * Export to Excel or CSV. In the app the system's save dialog picks the file (the call carries its
 * handle, never a path); in a browser (no dialog) the file goes to the `exports` folder beside the
 * database, and the message says where.
 */
export function ExportButton({ what, tier, label }: { what: What[]; tier?: { scheme: string; classKey: string }; label?: string }) {
  const { t, i18n } = useTranslation('transfer');
  const { message } = App.useApp();
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';

  const run = async (kind: What, format: 'xlsx' | 'csv') => {
    const defaultName = `${kind}${tier ? `-${tier.scheme}-${tier.classKey}` : ''}-${localDateOf(new Date())}.${format}`;
    const picker = window.tierbook?.pickSaveFile;
    const picked = picker ? await picker({ purpose: 'export', defaultName, filters: [{ name: format === 'xlsx' ? 'Excel' : 'CSV', extensions: [format] }] }) : undefined;
    if (picked === null) return; // cancelled
    try {
      const input = { ...(picked ? { handle: picked.handle } : {}), format, language } as const;
      const result = kind === 'customers' ? await api(CHANNEL.customers, { ...input, ...(tier ? { scheme: tier.scheme, classKey: tier.classKey } : {}) }) : await api(CHANNEL[kind], input);
      void message.success({ content: t('exported', { rows: result.rows, path: result.path }), duration: 8 });
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
      <Button icon={<DownloadOutlined />} data-testid="export-menu">
        {label ?? t('export')}
      </Button>
    </Dropdown>
  );
}
