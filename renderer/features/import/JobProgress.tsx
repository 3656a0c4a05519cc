import { Button, Progress, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { api } from '../../api/client';

/** The running import's progress (polled: the same call works over IPC and the bridge) and its cancel button. */
export function JobProgress({ jobId }: { jobId: string }) {
  const { t } = useTranslation('importing');
  const [progress, setProgress] = useState<OutputOf<'import:progress'> | null>(null);
  useEffect(() => {
    let stopped = false;
    const poll = () =>
      void api('import:progress', { jobId })
        .then((p) => !stopped && setProgress(p))
        .catch(() => {})
        .finally(() => !stopped && setTimeout(poll, 400));
    poll();
    return () => {
      stopped = true;
    };
  }, [jobId]);
  const percent = progress && progress.totalBytes > 0 ? Math.min(100, Math.round((progress.bytesRead / progress.totalBytes) * 100)) : 0;
  return (
    <Space style={{ width: '100%', marginBottom: 12 }} data-testid="import-progress">
      <Progress percent={percent} aria-label={t('progressLabel')} status="active" style={{ width: 360 }} />
      <Typography.Text type="secondary">{t('progress', { rows: progress?.rows ?? 0, speed: progress?.rowsPerSecond ?? 0 })}</Typography.Text>
      <Button size="small" data-testid="import-cancel" onClick={() => void api('import:cancel', { jobId })}>
        {t('cancel')}
      </Button>
    </Space>
  );
}
