import { Alert, Card, Col, Empty, List, Row, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { api } from '../../api/client';
import { errorText } from '../../components/errors';
import { formatDate, formatMoney } from '../../components/format';
import { classLabel, schemeLabel } from '../tiers/labels';
import { useClassLabelEnv } from '../tiers/use-tier-settings';
import { groupText } from '../tiers/cut-text';
import { alsoBuyEmptyText } from './peers-text';
import { formatQuantity, reasonText } from './reason-text';
import { useCustomerPage } from '../customer-file/use-customer-page';

/** The schemes whose classes make sensible peers ("customers like them"). */
const PEER_SCHEMES = ['pyramid', 'value', 'rf_segment', 'loyalty', 'behavior', 'lifecycle'] as const;
const NO_NAMES: ReadonlyMap<string, string> = new Map();
const LINES_PAGE_SIZE = 10;
const readLines = (customerId: string, offset: number, limit: number) => api('orders:lines', { customerId, offset, limit }).then(({ lines, total }) => ({ rows: lines, total }));

interface Props {
  customerId: string;
  /** Changes whenever the customer's orders may have: the offers and the lines are asked for again. */
  reloadKey: unknown;
}

/** On the customer file: what they usually buy, what customers like them also buy, and their order lines. */
export function CustomerOffersPanel({ customerId, reloadKey }: Props) {
  const { t, i18n } = useTranslation('offering');
  const labelEnv = useClassLabelEnv();
  const language = i18n.language;
  const [scheme, setScheme] = useState<string>('pyramid');
  const [offers, setOffers] = useState<OutputOf<'offers:customer'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api('offers:customer', { customerId, scheme, limit: 8 })
      .then((next) => {
        if (cancelled) return;
        setOffers(next);
        setError(null);
      })
      .catch((e: unknown) => !cancelled && setError(errorText(e, t)));
    return () => {
      cancelled = true;
    };
  }, [customerId, scheme, reloadKey, t]);

  // The lines of their orders, the latest first, a page at a time from the handler.
  const { page: lines, setPage: setLinesPage } = useCustomerPage(customerId, reloadKey, LINES_PAGE_SIZE, readLines, (e) => setError(errorText(e, t)));

  if (error) return <Alert type="error" showIcon title={error} />;
  const currency = offers?.baseCurrency ?? '';
  const basis =
    offers && offers.classKey
      ? t(offers.group !== null ? 'peers.basisGroup' : 'peers.basis', {
          count: offers.peers,
          cls: classLabel(t, offers.scheme, offers.classKey, language, labelEnv),
          scheme: schemeLabel(t, offers.scheme, NO_NAMES),
          group: offers.group !== null && offers.partition !== null ? groupText(t, offers.partition, offers.group, { tag: offers.partitionTag ?? undefined }, language) : '',
        })
      : null;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="offers-panel">
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('usual.title')} data-testid="usually-buys">
            <List
              size="small"
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('usual.empty')} /> }}
              dataSource={offers?.usuallyBuys ?? []}
              renderItem={(p) => (
                <List.Item data-testid="usual-item" extra={<Typography.Text>{formatMoney(p.amountBaseMinor, currency, language)}</Typography.Text>}>
                  <List.Item.Meta title={p.sku ? `${p.name} · ${p.sku}` : p.name} description={reasonText(t, p.reason, language)} />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card
            size="small"
            title={t('peers.title')}
            data-testid="also-buy"
            extra={
              <Select
                size="small"
                style={{ width: 150 }}
                value={scheme}
                onChange={setScheme}
                aria-label={t('tiers:scheme')}
                data-testid="offers-scheme"
                options={PEER_SCHEMES.map((s) => ({ value: s, label: schemeLabel(t, s, NO_NAMES) }))}
              />
            }
          >
            {basis ? <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }} data-testid="peers-basis">{basis}</Typography.Paragraph> : null}
            <List
              size="small"
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={alsoBuyEmptyText(t, offers)} /> }}
              dataSource={offers?.alsoBuy ?? []}
              renderItem={(p) => (
                <List.Item data-testid="also-buy-item">
                  <List.Item.Meta title={p.sku ? `${p.name} · ${p.sku}` : p.name} description={reasonText(t, p.reason, language)} />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('lines.title')}>
        <Table
          size="small"
          data-testid="order-lines-table"
          rowKey="id"
          dataSource={lines.rows}
          loading={lines.loading}
          pagination={{ current: lines.number, pageSize: LINES_PAGE_SIZE, total: lines.total, hideOnSinglePage: true, showSizeChanger: false, onChange: setLinesPage }}
          locale={{ emptyText: t('lines.empty') }}
          columns={[
            { title: t('lines.date'), dataIndex: 'orderDate', render: (d: string) => formatDate(d, language) },
            { title: t('lines.number'), dataIndex: 'orderNumber' },
            { title: t('lines.product'), dataIndex: 'name' },
            { title: t('lines.sku'), dataIndex: 'sku' },
            { title: t('lines.quantity'), dataIndex: 'quantity', align: 'right', render: (q: number) => formatQuantity(q, language) },
            { title: t('lines.unitPrice'), align: 'right', render: (_, l) => formatMoney(l.unitPriceMinor, l.currency, language) },
            { title: t('lines.amount'), align: 'right', render: (_, l) => formatMoney(l.amountMinor, l.currency, language) },
          ]}
        />
      </Card>
    </Space>
  );
}
