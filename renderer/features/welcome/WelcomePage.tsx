import { DatabaseOutlined, FileAddOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Row, Select, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/contract/settings';
import { api } from '../../api/client';
import { errorText } from '../../components/errors';
import { HomeLocationFields, homeLocationFits, type HomeLocation } from '../home/HomeLocationFields';
import { markHomeLocationAsked } from '../home/HomePrompt';

/** First run: an empty database, and the choice between starting empty and a realistic demo. */
export function WelcomePage({ onDone }: { onDone: (settings: Settings) => void }) {
  const { t, i18n } = useTranslation('welcome');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Asked here, once: an empty workspace starts with its home, so customers read as local or not from day one.
  const [home, setHome] = useState<HomeLocation>({ homeCountry: 'CN', homeRegion: '' });
  useEffect(() => {
    void api('settings:get', {}).then((s) => setHome({ homeCountry: s.homeCountry, homeRegion: s.homeRegion ?? '' }));
  }, []);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onDone(await api('settings:get', {}));
    } catch (e) {
      setError(t('failed', { message: errorText(e, t) }));
      setBusy(false);
    }
  };

  return (
    <div style={{ maxWidth: 860, margin: '64px auto', padding: 24 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'start' }}>
        <div>
          <Typography.Title level={2}>{t('title')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('subtitle')}</Typography.Paragraph>
        </div>
        <Select<'zh-CN' | 'en'>
          data-testid="welcome-language"
          value={i18n.language === 'zh-CN' ? 'zh-CN' : 'en'}
          style={{ width: 110 }}
          onChange={(lng) => {
            void i18n.changeLanguage(lng);
            // Remember an explicit choice, so the app opens in it next time too.
            void api('settings:update', { language: lng });
          }}
          options={[
            { value: 'zh-CN', label: '中文' },
            { value: 'en', label: 'English' },
          ]}
        />
      </div>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <div style={{ marginBottom: 24 }} data-testid="welcome-home">
        <Typography.Title level={4}>{t('data:home.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('data:home.intro')}</Typography.Paragraph>
        <HomeLocationFields value={home} onChange={setHome} />
      </div>
      <Spin spinning={busy} description={t('loading')}>
        <Row gutter={24}>
          <Col span={12}>
            <Card
              hoverable
              data-testid="start-empty"
              // A province over its limit is said under its box: the empty workspace waits until it fits.
              onClick={() =>
                !busy &&
                homeLocationFits(home) &&
                void run(async () => {
                  await api('settings:update', { homeCountry: home.homeCountry, homeRegion: home.homeRegion });
                  markHomeLocationAsked();
                  return api('workspace:startEmpty', {});
                })
              }
            >
              <Card.Meta avatar={<FileAddOutlined style={{ fontSize: 28 }} />} title={t('startEmpty')} description={t('startEmptyHint')} />
            </Card>
          </Col>
          <Col span={12}>
            <Card hoverable data-testid="load-demo" onClick={() => !busy && void run(() => api('workspace:loadDemo', { history: true }))}>
              <Card.Meta avatar={<DatabaseOutlined style={{ fontSize: 28 }} />} title={t('loadDemo')} description={t('loadDemoHint')} />
            </Card>
          </Col>
        </Row>
      </Spin>
    </div>
  );
}
