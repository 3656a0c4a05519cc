import { BarChartOutlined, BellOutlined, FundOutlined, CalendarOutlined, DollarOutlined, ImportOutlined, MergeCellsOutlined, RiseOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { App as AntApp, Badge, ConfigProvider, Layout, Menu, Select, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { CustomerFilePage } from '../features/customer-file/CustomerFilePage';
import { CustomerListPage } from '../features/customers/CustomerListPage';
import { FxRatesPage } from '../features/fx/FxRatesPage';
import { ImportPage } from '../features/import/ImportPage';
import { DuplicatesPage } from '../features/merge/DuplicatesPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TiersPage } from '../features/tiers/TiersPage';
import { TodayPage } from '../features/today/TodayPage';
import { PredictionPage } from '../features/prediction/PredictionPage';
import { EvaluationPage } from '../features/evaluation/EvaluationPage';
import { systemLanguage, type UiLanguage } from '../i18n';
import { hrefOf, useRoute, type Route } from './router';
import { useWorkspace } from './workspace';
import { THEME } from './theme';
import { TeamSyncIndicator } from '../features/team/TeamSyncIndicator';

const NAV: { key: Route['page']; icon: React.ReactNode; label: string }[] = [
  { key: 'today', icon: <CalendarOutlined />, label: 'today:nav' },
  { key: 'customers', icon: <TeamOutlined />, label: 'nav.customers' },
  { key: 'tiers', icon: <BarChartOutlined />, label: 'tiers:nav' },
  { key: 'evaluation', icon: <FundOutlined />, label: 'evaluation:nav' },
  { key: 'prediction', icon: <RiseOutlined />, label: 'prediction:nav' },
  { key: 'fx', icon: <DollarOutlined />, label: 'nav.fx' },
  { key: 'import', icon: <ImportOutlined />, label: 'importing:nav' },
  { key: 'duplicates', icon: <MergeCellsOutlined />, label: 'merge:nav' },
  { key: 'settings', icon: <SettingOutlined />, label: 'nav.settings' },
];

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'customers':
      return <CustomerListPage />;
    case 'customer':
      return <CustomerFilePage id={route.id} />;
    case 'today':
      return <TodayPage />;
    case 'fx':
      return <FxRatesPage />;
    case 'settings':
      return <SettingsPage />;
    case 'tiers':
      return <TiersPage />;
    case 'import':
      return <ImportPage />;
    case 'duplicates':
      return <DuplicatesPage />;
    case 'prediction':
      return <PredictionPage />;
    case 'evaluation':
      return <EvaluationPage />;
  }
}

/** Switches the UI language live and remembers the choice in the database ("system" follows the OS). */
function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { settings, setSettings } = useWorkspace();
  const change = async (value: 'system' | UiLanguage) => {
    const language = value === 'system' ? null : value;
    await i18n.changeLanguage(language ?? systemLanguage());
    setSettings(await api('settings:update', { language }));
  };
  return (
    <Select
      aria-label={t('language.label')}
      data-testid="language-switch"
      size="small"
      style={{ width: 130 }}
      value={settings.language ?? 'system'}
      onChange={change}
      options={[
        { value: 'system', label: t('language.system') },
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}

export function App() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const { todayCount, settings } = useWorkspace();
  const selected = route.page === 'customer' ? 'customers' : route.page;
  // Every screen opens at its top, not wherever the previous one was scrolled to.
  const contentRef = useRef<HTMLElement>(null);
  const routeKey = route.page === 'customer' ? `customer:${route.id}` : route.page;
  useEffect(() => {
    // Braces matter: Chromium's scrollTo now returns a promise, which React would take for a cleanup.
    contentRef.current?.scrollTo({ top: 0 });
  }, [routeKey]);
  return (
    // autoInsertSpace off: antd's "两个汉字 → 两 个" spacing flips state forever inside re-rendering lists
    // (seen with the row buttons of the virtual customer table), and Chinese users read "保存" fine.
    <ConfigProvider
      locale={i18n.language === 'zh-CN' ? zhCN : enUS}
      theme={THEME}
      button={{ autoInsertSpace: false }}
    >
      {/* Dialogs and messages opened through App.useApp() take this theme, locale and button spacing too. */}
      <AntApp component={false}>
        <Layout style={{ height: '100vh' }}>
          <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #eee' }}>
            <div style={{ padding: '16px 20px 8px' }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('appName')}
              </Typography.Title>
              {/* The business's name as typed: at most two lines under the app's (a long one took eight), whole on hover, in its own direction. */}
              <div className="sidebar-business-name" title={settings.businessName} dir="auto" data-testid="sidebar-business-name">
                {settings.businessName}
              </div>
            </div>
            <TeamSyncIndicator />
            <Menu
              mode="inline"
              inlineIndent={16}
              selectedKeys={[selected]}
              items={NAV.map((item) => ({
                key: item.key,
                icon: item.icon,
                label: (
                  // A long label gives way (ellipsis), never the counter: the badge stays whole beside it.
                  <a href={hrefOf({ page: item.key } as Route)} data-testid={`nav-${item.key}`} style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
                    <span style={{ flex: '0 1 auto', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' }} title={t(item.label)}>
                      {t(item.label)}
                    </span>
                    {item.key === 'today' && todayCount > 0 ? <Badge count={todayCount} overflowCount={9999} size="small" style={{ flex: 'none' }} data-testid="today-badge" /> : null}
                  </a>
                ),
              }))}
            />
            <div style={{ position: 'absolute', bottom: 16, left: 20 }}>
              <LanguageSwitch />
            </div>
          </Layout.Sider>
          <Layout.Content ref={contentRef} style={{ overflow: 'auto', background: '#fafafa' }}>
            <Page route={route} />
          </Layout.Content>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
