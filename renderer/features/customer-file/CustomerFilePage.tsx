import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/contract/customers';
import type { FollowUp } from '../../../shared/contract/followups';
import type { Order } from '../../../shared/contract/orders';
import type { OutputOf } from '../../../shared/contract';
import { api } from '../../api/client';
import { ActionLink } from '../../components/ActionLink';
import { navigate } from '../../app/router';
import { useWorkspace } from '../../app/workspace';
import { showFieldErrors } from '../../components/errors';
import { errorContent, namedMessage } from '../../components/named-message';
import { formatMoney } from '../../components/format';
import { QuickFollowUp } from '../followups/QuickFollowUp';
import { CustomerTiersPanel } from '../tiers/CustomerTiersPanel';
import { CustomerOffersPanel } from '../offering/CustomerOffersPanel';
import { PredictionSummary } from '../prediction/PredictionSummary';
import { fileSummaryText, latestFollowUpAt } from './file-summary';
import { FollowUpTimeline } from './FollowUpTimeline';
import { OrdersPanel } from './OrdersPanel';
import { ORDERS_PAGE_SIZE } from './use-customer-page';
import { ProfileForm } from './ProfileForm';
import { fieldOfIssue, profileFromCustomer, profileToInput, sameProfile, type ProfileValues } from './profile-form';
import { useUnsavedChangesPrompt } from '../../components/use-unsaved-changes-prompt';
import { TeamConflicts } from '../team/TeamConflicts';
import { KeyboardPopconfirm } from '../../components/KeyboardPopconfirm';
import { UserText } from '../../components/UserText';
import { CustomerLocalTime } from '../../components/CustomerLocalTime';
import type { CustomerTimeZone } from '../../../shared/domain/customer-time-zone-types';

interface FileData {
  customer: Customer;
  /** Figures over all their orders (counts, revenue, what is owed): the orders tab reads its rows a page at a time. */
  orders: OutputOf<'orders:summary'>;
  /** The orders tab's first page, read beside the rest, so the tab has its rows as it opens. */
  firstOrders: { rows: Order[]; total: number };
  followUps: FollowUp[];
  /** The customer's time zone, for their local time under the name. */
  timeZone: CustomerTimeZone | null;
}

export function CustomerFilePage({ id }: { id: string }) {
  const { t, i18n } = useTranslation('customerFile');
  const { message } = App.useApp();
  const { settings, refresh, version } = useWorkspace();
  const [data, setData] = useState<FileData | null>(null);
  const [missing, setMissing] = useState(false);
  const [quick, setQuick] = useState(false);
  const [tab, setTab] = useState('followUps');
  const [form] = Form.useForm<ProfileValues>();
  const [profileDirty, setProfileDirty] = useState(false);
  useUnsavedChangesPrompt(profileDirty);

  const load = useCallback(async () => {
    try {
      const [customer, orders, firstOrders, followUps, { timeZone }] = await Promise.all([
        api('customers:get', { id }),
        api('orders:summary', { customerId: id }),
        api('orders:page', { customerId: id, offset: 0, limit: ORDERS_PAGE_SIZE }),
        api('followups:list', { customerId: id }),
        api('customers:timeZone', { id }),
      ]);
      setData({ customer, orders, firstOrders: { rows: firstOrders.orders, total: firstOrders.total }, followUps: followUps.followUps, timeZone });
    } catch {
      setMissing(true);
    }
  }, [id]);
  useEffect(() => void load(), [load, version]);
  useEffect(() => {
    if (data) form.setFieldsValue(profileFromCustomer(data.customer));
    setProfileDirty(false);
  }, [data?.customer, form]);

  // After a confirmed delete the Delete button is gone and the focus fell to the page: it goes to Restore, which takes its place.
  const restoreButton = useRef<HTMLButtonElement>(null);
  const focusRestore = useRef(false);
  useEffect(() => {
    if (!data?.customer.deletedAt || !focusRestore.current) return;
    focusRestore.current = false;
    restoreButton.current?.focus();
  }, [data?.customer.deletedAt]);

  const changed = () => {
    void load();
    refresh();
  };

  if (missing) return <Result status="404" title={t('notFound')} extra={<Button onClick={() => navigate({ page: 'customers' })}>{t('common:actions.back')}</Button>} />;
  if (!data) return <Spin style={{ margin: 48 }} />;
  const { customer } = data;
  // Returns net out of revenue but are not orders.
  const { revenueBaseMinor: revenue, sales: saleCount, balanceBaseMinor: owed, overdueBaseMinor: overdue } = data.orders;

  const saveProfile = async () => {
    await form.validateFields(['name']);
    const values = form.getFieldsValue(true);
    try {
      const result = await api('customers:update', { id, customer: profileToInput(values) });
      void message.success(t('common:saved'));
      if (result.duplicates.length) void message.warning(t('duplicateWarning'));
      changed();
    } catch (error) {
      for (const text of showFieldErrors(form, error, t, fieldOfIssue(values))) void message.error(text);
    }
  };

  const act = async (action: () => Promise<unknown>, done?: string) => {
    try {
      await action();
      if (done) void message.success(done);
      changed();
    } catch (error) {
      void message.error(errorContent(error, t));
    }
  };

  const remove = () =>
    act(async () => {
      focusRestore.current = true;
      await api('customers:delete', { id });
      void message.info({
        content: (
          <Space>
            {namedMessage(t, 'deletedUndo', { name: customer.name }, 'deleted-message')}
            <ActionLink data-testid="undo-delete" onClick={() => void act(() => api('customers:restore', { id }), t('restored'))}>
              {t('common:actions.undo')}
            </ActionLink>
          </Space>
        ),
        duration: 8,
      });
    });

  return (
    <div style={{ padding: 16, maxWidth: 1100 }}>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 8 }} wrap>
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => window.history.back()} />
          {/* A name of up to 120 characters stays on one line, ending in … with the whole name on hover. */}
          <Typography.Title level={3} style={{ margin: 0, maxWidth: 560 }} ellipsis={{ tooltip: customer.name }} dir="auto" data-testid="customer-title">
            {customer.name}
          </Typography.Title>
          {customer.company ? <UserText text={customer.company} testId="customer-company" style={{ color: 'rgba(0, 0, 0, 0.62)', maxWidth: 360 }} /> : null}
          <Tag>{t(`common:customerType.${customer.type}`)}</Tag>
          {customer.locality ? <Tag color="blue">{t(`common:locality.${customer.locality}`)}</Tag> : null}
          {customer.manualLevel ? <Tag color="gold">{customer.manualLevel}</Tag> : null}
          {customer.archivedAt ? <Tag color="orange">{t('archived')}</Tag> : null}
          {owed > 0 ? (
            <Tag color={overdue > 0 ? 'red' : 'orange'} data-testid="customer-balance">
              {t('orders:balanceHeader', { amount: formatMoney(owed, settings.baseCurrency, i18n.language) })}
              {overdue > 0 ? ` · ${t('orders:overdueHeader', { amount: formatMoney(overdue, settings.baseCurrency, i18n.language) })}` : ''}
            </Tag>
          ) : null}
        </Space>
        <Space>
          {customer.deletedAt ? null : (
            <Button type="primary" onClick={() => setQuick(true)} data-testid="file-quick-followup">
              {t('quickFollowUp')}
            </Button>
          )}
          <Button onClick={() => void act(() => api('customers:archive', { id, archived: !customer.archivedAt }))}>
            {customer.archivedAt ? t('common:actions.unarchive') : t('common:actions.archive')}
          </Button>
          {customer.deletedAt ? (
            <Button ref={restoreButton} onClick={() => void act(() => api('customers:restore', { id }), t('restored'))} data-testid="restore-customer">
              {t('common:actions.restore')}
            </Button>
          ) : (
            <KeyboardPopconfirm title={t('common:confirmDelete')} onConfirm={() => void remove()} okText={t('common:actions.delete')} okButtonProps={{ danger: true }} cancelText={t('common:actions.cancel')}>
              <Button danger data-testid="delete-customer">
                {t('common:actions.delete')}
              </Button>
            </KeyboardPopconfirm>
          )}
        </Space>
      </Space>
      {/* Their clock, when it is not the user's: whether a call now wakes them. Empty when there is nothing to say. */}
      <div>
        <CustomerLocalTime timeZone={data.timeZone} variant="header" country={customer.country} city={customer.city} />
      </div>
      <Typography.Paragraph type="secondary" data-testid="customer-summary">
        {fileSummaryText(t, i18n.language, { sales: saleCount, revenueMinor: revenue, currency: settings.baseCurrency, lastOrderDate: data.orders.lastSaleDate, lastFollowUpAt: latestFollowUpAt(data.followUps) })}
      </Typography.Paragraph>
      {customer.deletedAt ? <Alert type="error" title={t('deletedBanner')} showIcon style={{ marginBottom: 12 }} /> : null}
      <PredictionSummary customerId={id} reloadKey={data} hasSales={saleCount > 0} inTrash={Boolean(customer.deletedAt)} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'followUps', label: <span data-testid="tab-followups">{t('tabs.followUps')}</span>, children: <FollowUpTimeline customerId={id} timeZone={data.timeZone} followUps={data.followUps} inTrash={Boolean(customer.deletedAt)} onChanged={changed} /> },
          { key: 'orders', label: <span data-testid="tab-orders">{t('tabs.orders')}</span>, children: <OrdersPanel customerId={id} summary={data.orders} firstPage={data.firstOrders} reloadKey={data} inTrash={Boolean(customer.deletedAt)} onChanged={changed} /> },
          { key: 'tiers', label: <span data-testid="tab-tiers">{t('tiers:tab')}</span>, children: <CustomerTiersPanel customerId={id} reloadKey={data} /> },
          { key: 'offers', label: <span data-testid="tab-offers">{t('offering:tab')}</span>, children: <CustomerOffersPanel customerId={id} reloadKey={data} /> },
          {
            key: 'profile',
            label: <span data-testid="tab-profile">{t('tabs.profile')}</span>,
            forceRender: true,
            children: (
              <>
                <ProfileForm form={form} customerId={id} initial={profileFromCustomer(customer)} onEdit={(values) => setProfileDirty(!sameProfile(values, profileFromCustomer(customer)))} />
                <Button type="primary" onClick={() => void saveProfile().catch(() => undefined)} data-testid="profile-save">
                  {t('common:actions.save')}
                </Button>
                <TeamConflicts customerId={id} reloadKey={data} />
              </>
            ),
          },
        ]}
      />
      <QuickFollowUp
        customer={quick ? customer : null}
        timeZone={data.timeZone}
        onClose={() => setQuick(false)}
        onSaved={() => {
          setQuick(false);
          changed();
        }}
      />
    </div>
  );
}
