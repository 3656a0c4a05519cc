import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FxRate } from '../../../shared/contract/settings';
import { api } from '../../api/client';
import { useWorkspace } from '../../app/workspace';
import { errorText } from '../../components/errors';
import { formatDate, formatDateTime } from '../../components/format';
import { currencyLabel, currencyName } from '../settings/currencies';
import { formatRate } from '../../../shared/domain/money';
import { FxRateModal } from './FxRateModal';
import './fx-rates.css';
import { KeyboardPopconfirm } from '../../components/KeyboardPopconfirm';
import { PageTitle } from '../../components/PageTitle';

/** What the modal shows: closed, adding, or editing a rate (kept until the close animation ends). */
type ModalState = { open: boolean; editing: FxRate | null; key: number } | null;

const PAGE_SIZE = 20;

/** The rates of foreign currencies to the base currency that orders lock in. */
export function FxRatesPage() {
  const { t, i18n } = useTranslation('fx');
  const { message } = App.useApp();
  const { settings, version, refresh } = useWorkspace();
  const base = settings.baseCurrency;
  const [rates, setRates] = useState<FxRate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<string | null>(null);
  const [modal, setModal] = useState<ModalState>(null);
  const [page, setPage] = useState(1);
  /**
   * The rate just saved. The table is ordered by currency, then newest first, so a rate for an earlier date or
   * another currency can land on a later page, or behind the currency filter: the table goes to it and marks it.
   * `placing` until the reloaded list holds it; after that the user's own paging and filtering are left alone.
   */
  const [saved, setSaved] = useState<{ id: string; placing: boolean } | null>(null);
  const tableRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    api('fx:list', {})
      .then((r) => {
        if (cancelled) return;
        setRates(r.rates);
        setError(null);
      })
      .catch((e: unknown) => !cancelled && setError(errorText(e, t)));
    return () => {
      cancelled = true;
    };
  }, [version, t]);

  const currencies = useMemo(() => [...new Set((rates ?? []).map((r) => r.currency))].sort(), [rates]);
  const shown = useMemo(() => (rates ?? []).filter((r) => !filter || r.currency === filter), [rates, filter]);

  useEffect(() => {
    if (!saved?.placing || !rates?.some((r) => r.id === saved.id)) return;
    const index = shown.findIndex((r) => r.id === saved.id);
    if (index < 0) {
      setFilter(null);
      return;
    }
    setPage(Math.floor(index / PAGE_SIZE) + 1);
    setSaved({ id: saved.id, placing: false });
  }, [saved, rates, shown]);

  useEffect(() => {
    if (!saved || saved.placing) return;
    tableRef.current?.querySelector('.fx-row-saved')?.scrollIntoView({ block: 'nearest' });
  }, [saved, page]);

  const remove = async (rate: FxRate) => {
    try {
      await api('fx:delete', { id: rate.id });
      void message.success(t('deleted'));
      refresh();
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };
  const openModal = (editing: FxRate | null) => setModal((m) => ({ open: true, editing, key: (m?.key ?? 0) + 1 }));
  const closeModal = () => setModal((m) => (m ? { ...m, open: false } : m));

  const columns: TableColumnsType<FxRate> = [
    {
      title: t('column.currency'),
      dataIndex: 'currency',
      render: (code: string, r) => (
        <Space>
          <Tag>{code}</Tag>
          <Typography.Text type="secondary">{currencyName(code, i18n.language)}</Typography.Text>
          {saved && !saved.placing && r.id === saved.id ? (
            <Tag color="blue" data-testid="fx-just-saved">
              {t('justSaved')}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    { title: t('column.date'), dataIndex: 'rateDate', render: (d: string) => formatDate(d, i18n.language) },
    {
      title: t('column.rate'),
      dataIndex: 'rate',
      render: (_: number, r) => t('rateText', { currency: r.currency, rate: formatRate(r.rate, i18n.language), base }),
    },
    { title: t('column.updated'), dataIndex: 'updatedAt', render: (d: string) => <Typography.Text type="secondary">{formatDateTime(d, i18n.language)}</Typography.Text> },
    {
      title: t('column.actions'),
      key: 'actions',
      width: 120,
      render: (_: unknown, r) => (
        <Space size={4}>
          <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('common:actions.edit')} data-testid="fx-edit" onClick={() => openModal(r)} />
          <KeyboardPopconfirm
            title={t('confirmDelete')}
            okText={t('common:actions.delete')}
            cancelText={t('common:actions.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove(r)}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common:actions.delete')} data-testid="fx-delete" />
          </KeyboardPopconfirm>
        </Space>
      ),
    },
  ];

  return (
    <div style={{ maxWidth: 1000, padding: 24 }} data-testid="fx-page">
      <PageTitle>{t('title')}</PageTitle>
      <Typography.Paragraph type="secondary" data-testid="fx-intro">
        {t('intro', { base: currencyLabel(base, i18n.language) })}
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={t('loadFailed', { message: error })} style={{ marginBottom: 16 }} /> : null}
      <Space style={{ marginBottom: 16 }}>
        <Select
          data-testid="fx-filter"
          allowClear
          // Typing "usd" finds US Dollar: without a search, Enter took the first currency in the list.
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 240 }}
          placeholder={t('allCurrencies')}
          // The placeholder is not read out; the filter needs a name of its own.
          aria-label={t('allCurrencies')}
          value={filter}
          onChange={(v: string | undefined) => {
            setFilter(v ?? null);
            setPage(1);
          }}
          options={currencies.map((c) => ({ value: c, label: currencyLabel(c, i18n.language) }))}
        />
        <Button type="primary" icon={<PlusOutlined />} data-testid="fx-add" onClick={() => openModal(null)}>
          {t('add')}
        </Button>
      </Space>
      <div ref={tableRef}>
        <Table<FxRate>
          rowKey="id"
          size="middle"
          loading={rates === null && !error}
          columns={columns}
          dataSource={shown}
          pagination={{ pageSize: PAGE_SIZE, current: page, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false }}
          rowClassName={(r) => (saved && !saved.placing && r.id === saved.id ? 'fx-row-saved' : '')}
          onRow={(r) => ({ 'data-testid': 'fx-row', 'data-currency': r.currency, 'data-date': r.rateDate }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filter ? t('emptyFiltered') : t('empty')} /> }}
        />
      </div>
      {modal ? (
        <FxRateModal
          key={modal.key}
          open={modal.open}
          editing={modal.editing}
          baseCurrency={base}
          rates={rates ?? []}
          onClose={closeModal}
          afterClose={() => setModal((m) => (m && !m.open ? null : m))}
          onSaved={(rate) => {
            closeModal();
            setSaved({ id: rate.id, placing: true });
            refresh();
          }}
        />
      ) : null}
    </div>
  );
}
