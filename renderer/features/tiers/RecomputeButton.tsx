import { App, Button, Progress, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorText } from '../../components/errors';

const POLL_MS = 250;

/** Recompute with a progress bar: the recompute runs in steps and answers segments:progress in between. */
export function RecomputeButton({ onDone }: { onDone(): void }) {
  const { t } = useTranslation('tiers');
  const { message } = App.useApp();
  const [progress, setProgress] = useState<{ step: number; steps: number; phase: string | null } | null>(null);

  const recompute = async () => {
    const jobId = crypto.randomUUID();
    setProgress({ step: 0, steps: 4, phase: null });
    const poll = setInterval(() => {
      void api('segments:progress', { jobId }).then((p) => p.running && setProgress(p), () => undefined);
    }, POLL_MS);
    try {
      await api('segments:recompute', { jobId });
      void message.success(t('recomputed'));
      onDone();
    } catch (error) {
      void message.error(errorText(error, t));
    } finally {
      clearInterval(poll);
      setProgress(null);
    }
  };

  return (
    <Space>
      <Button onClick={() => void recompute()} loading={progress !== null} data-testid="recompute">
        {t('recompute')}
      </Button>
      {progress ? (
        <Space data-testid="recompute-progress">
          <Progress percent={Math.round((progress.step / progress.steps) * 100)} aria-label={t('recompute')} size="small" style={{ width: 120 }} />
          {progress.phase ? t(`progress.${progress.phase}`) : null}
        </Space>
      ) : null}
    </Space>
  );
}
