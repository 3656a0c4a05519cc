import { Alert, Collapse, Empty, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { api } from '../../api/client';
import { errorText } from '../../components/errors';
import { formatMoney } from '../../components/format';
import { classLabel } from '../tiers/labels';
import { useClassLabelEnv } from '../tiers/use-tier-settings';
import { reasonText } from './reason-text';

interface Props {
  scheme: string;
  /** The class picked on the tier screen; none: every class side by side. */
  classKey?: string;
  /** Changes when the tiers are recomputed or the data changes. */
  reloadKey: unknown;
}

/** On the tier screen: each class's most bought products, so the staff know what suits a class. */
export function ClassTopProducts({ scheme, classKey, reloadKey }: Props) {
  const { t, i18n } = useTranslation('offering');
  const labelEnv = useClassLabelEnv();
  const language = i18n.language;
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<OutputOf<'offers:classes'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    api('offers:classes', { scheme, limit: 5 })
      .then((next) => {
        if (cancelled) return;
        setResult(next);
        setError(null);
      })
      .catch((e: unknown) => !cancelled && setError(errorText(e, t)));
    return () => {
      cancelled = true;
    };
  }, [open, scheme, reloadKey, t]);

  const classes = (result?.scheme === scheme ? result.classes : []).filter((c) => (classKey ? c.classKey === classKey : c.products.length > 0));
  const title = classKey ? t('classTop.titleClass', { cls: classLabel(t, scheme, classKey, language, labelEnv) }) : t('classTop.title');

  return (
    <Collapse
      size="small"
      data-testid="class-top-products"
      activeKey={open ? ['top'] : []}
      onChange={(keys) => setOpen(keys.includes('top'))}
      items={[
        {
          key: 'top',
          label: title,
          children: error ? (
            <Alert type="error" showIcon title={error} />
          ) : classes.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('classTop.empty')} />
          ) : (
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', gap: 12, maxHeight: 320, overflow: 'auto' }}>
              {classes.map((c) => (
                <div key={c.classKey} data-testid={`class-top-${c.classKey}`}>
                  <Space style={{ marginBottom: 4 }}>
                    <Tag>{classLabel(t, scheme, c.classKey, language, labelEnv)}</Tag>
                    <Typography.Text type="secondary">{t('classTop.customers', { count: c.customers })}</Typography.Text>
                  </Space>
                  <List
                    size="small"
                    locale={{ emptyText: t('classTop.empty') }}
                    dataSource={c.products}
                    renderItem={(p) => (
                      <List.Item extra={formatMoney(p.amountBaseMinor, result!.baseCurrency, language)}>
                        <List.Item.Meta title={p.sku ? `${p.name} · ${p.sku}` : p.name} description={reasonText(t, p.reason, language, 'class')} />
                      </List.Item>
                    )}
                  />
                </div>
              ))}
            </div>
          ),
        },
      ]}
    />
  );
}
