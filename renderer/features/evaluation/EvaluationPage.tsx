import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Segmented, Select, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_PERIODS, type ReportPeriod } from '../../../shared/contract/reports';
import { localDateOf } from '../../../shared/domain/dates';
import { SCHEME_KEYS } from '../../../shared/segmentation';
import { api } from '../../api/client';
import { useWorkspace } from '../../app/workspace';
import { errorText } from '../../components/errors';
import { schemeLabel } from '../tiers/labels';
import { RecomputeButton } from '../tiers/RecomputeButton';
import { useClassLabelEnv } from '../tiers/use-tier-settings';
import { ClassMetricCard } from './ClassMetricCard';
import { type EvaluationReport, type FigureEnv } from './figures';
import { MigrationCard } from './MigrationCard';
import { reportMetrics } from './metrics';
import { MovementCard } from './MovementCard';
import { historyLine } from './range-words';
import { ParetoCard, PyramidCard } from './PyramidCards';
import { PageTitle } from '../../components/PageTitle';

/** The last twelve months, this one included. */
const defaultRange = (): [Dayjs, Dayjs] => [dayjs().subtract(11, 'month').startOf('month'), dayjs()];

/**
 * Is the tiering working? Per scheme and period, every figure of the evaluation report (computed in the
 * main process, see docs/evaluation.md) as a chart with its numbers beneath, and who moved between classes.
 */
export function EvaluationPage() {
  const { t, i18n } = useTranslation('evaluation');
  const language = i18n.language;
  const { settings, version } = useWorkspace();
  const { message } = App.useApp();
  const labelEnv = useClassLabelEnv();
  const [scheme, setScheme] = useState('pyramid');
  const [period, setPeriod] = useState<ReportPeriod>('month');
  const [range, setRange] = useState<[Dayjs, Dayjs]>(defaultRange);
  const [customNames, setCustomNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [report, setReport] = useState<EvaluationReport | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const [exporting, setExporting] = useState(false);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');

  useEffect(() => {
    let cancelled = false;
    api('segments:custom:list', {})
      .then(({ segments }) => !cancelled && setCustomNames(new Map(segments.map((s) => [s.id, s.name]))))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [version]);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    api('reports:evaluation', { scheme, from, to, period })
      .then((next) => {
        if (cancelled) return;
        setReport(next);
        setError(null);
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        // The last report was for another range: left under the error, its charts read as this range's.
        setReport(null);
        setError(errorText(e, t));
      })
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [scheme, from, to, period, version, reloads, t]);

  const env: FigureEnv = useMemo(() => ({ t, language, currency: report?.baseCurrency ?? settings.baseCurrency, scheme: report?.scheme ?? scheme, ...labelEnv }), [t, language, report, settings.baseCurrency, scheme, labelEnv]);
  const metrics = useMemo(() => reportMetrics(env), [env]);
  const schemes = [...SCHEME_KEYS, ...[...customNames.keys()].map((id) => `custom:${id}`)];
  const hasProfit = report?.periods.some((p) => Object.values(p.classes).some((f) => f.grossProfitMinor !== undefined)) ?? false;
  // The migration compares the range's ends, but not before the scheme's first stored day (nothing to compare there).
  const migrationFrom = report?.schemeHistoryFrom && report.schemeHistoryFrom > report.from ? report.schemeHistoryFrom : from;
  const history = report ? historyLine(env, report) : null;

  const exportXlsx = async () => {
    const name = `evaluation-${scheme.replace(/[^\w-]+/g, '-')}-${period}-${localDateOf(new Date())}.xlsx`;
    const picker = window.tierbook?.pickSaveFile;
    const picked = picker ? await picker({ purpose: 'export', defaultName: name, filters: [{ name: 'Excel', extensions: ['xlsx'] }] }) : undefined;
    if (picked === null) return;
    setExporting(true);
    try {
      const out = await api('reports:export-xlsx', {
        scheme,
        from,
        to,
        period,
        ...(report?.historyFrom ? { migrationFrom, migrationTo: to } : {}),
        language: language === 'zh-CN' ? 'zh-CN' : 'en',
        ...(picked ? { handle: picked.handle } : {}),
      });
      void message.success({ content: t('exported', { path: out.path, count: out.rows }), duration: 8 });
    } catch (e) {
      void message.error(errorText(e, t));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div style={{ padding: 24, display: 'flex', flexDirection: 'column', gap: 16 }} data-testid="evaluation-page">
      <div>
        <PageTitle>{t('title')}</PageTitle>
        <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
      </div>
      <Space wrap>
        <Select
          aria-label={t('scheme')}
          data-testid="evaluation-scheme"
          style={{ width: 200 }}
          showSearch
          optionFilterProp="label"
          value={scheme}
          onChange={setScheme}
          options={schemes.map((s) => ({ value: s, label: schemeLabel(t, s, customNames) }))}
        />
        <Segmented
          data-testid="evaluation-period"
          value={period}
          onChange={(v) => setPeriod(v as ReportPeriod)}
          options={REPORT_PERIODS.map((p) => ({ value: p, label: <span data-testid={`period-${p}`}>{t(`period.${p}`)}</span> }))}
        />
        <DatePicker.RangePicker
          data-testid="evaluation-range"
          allowClear={false}
          value={range}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          onChange={(next) => next?.[0] && next[1] && setRange([next[0], next[1]])}
          style={{ width: 260 }}
        />
        <Button icon={<FileExcelOutlined />} loading={exporting} disabled={!report} onClick={() => void exportXlsx()} data-testid="evaluation-export-xlsx">
          {t('exportXlsx')}
        </Button>
        {loading ? <Spin size="small" data-testid="evaluation-loading" /> : null}
      </Space>
      {error ? <Alert type="error" showIcon title={error} data-testid="evaluation-error" /> : null}
      {report && report.historyFrom === null ? (
        <Alert type="info" showIcon data-testid="evaluation-no-history" title={t('empty.noHistory')} action={<RecomputeButton onDone={() => setReloads((n) => n + 1)} />} />
      ) : null}
      {report ? (
        <div data-testid="evaluation-report" data-scheme={report.scheme} data-period={report.period} data-periods={report.periods.length} style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
          {history ? (
            <Typography.Text type="secondary" data-testid="evaluation-history-from">
              {history}
            </Typography.Text>
          ) : null}
          <PyramidCard report={report} env={env} schemeName={schemeLabel(t, report.scheme, customNames)} />
          <ParetoCard report={report} env={env} />
          <ClassMetricCard id="sizes" report={report} env={env} title={t('cards.sizes')} metrics={[metrics.customers]} chart="stacked" empty={t('empty.sizes')} withTotals />
          <ClassMetricCard id="revenue" report={report} env={env} title={t('cards.revenue')} metrics={[metrics.revenueMinor, metrics.revenueShare]} chart="stacked" empty={t('empty.revenue')} withTotals />
          <ClassMetricCard id="activity" report={report} env={env} title={t('cards.activity')} metrics={[metrics.aovMinor, metrics.purchaseFrequency, metrics.followUpFrequency]} chart="bars" empty={t('empty.activity')} withTotals />
          <ClassMetricCard id="retention" report={report} env={env} title={t('cards.retention')} metrics={[metrics.retentionRate, metrics.churnRate]} chart="lines" empty={t('empty.retention')} withTotals footer={<Typography.Text type="secondary">{t('notes.retention')}</Typography.Text>} />
          <ClassMetricCard id="growth" report={report} env={env} title={t('cards.growth')} metrics={[metrics.growthRate, metrics.yoyGrowthRate]} chart="bars" empty={t('empty.growth')} withTotals />
          <ClassMetricCard id="satisfaction" report={report} env={env} title={t('cards.satisfaction')} metrics={[metrics.satisfactionAvg, metrics.coverageRate]} chart="bars" empty={t('empty.satisfaction')} withTotals footer={<Typography.Text type="secondary">{t('notes.satisfaction')}</Typography.Text>} />
          {hasProfit ? (
            <ClassMetricCard id="profit" report={report} env={env} title={t('cards.profit')} metrics={[metrics.grossProfitMinor]} chart="stacked" empty={t('empty.profit')} withTotals footer={<Typography.Text type="secondary">{t('notes.profit')}</Typography.Text>} />
          ) : null}
          <MovementCard report={report} env={env} />
          <MigrationCard env={env} scheme={report.scheme} defaultFrom={migrationFrom} defaultTo={to} />
        </div>
      ) : !error ? (
        <Spin />
      ) : null}
    </div>
  );
}
