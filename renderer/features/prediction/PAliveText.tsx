import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { chanceText } from './chance-text';

/**
 * P(alive) as a percentage, or, for a one-time buyer (not estimated: shared/prediction/once.ts), a dash whose
 * tooltip says why and points to the likelihood.
 */
export function PAliveText({ pAlive, estimated, note = false }: { pAlive: number | null; estimated: boolean; /** Where there is room: the reason in words beside the dash. */ note?: boolean }) {
  const { t, i18n } = useTranslation('prediction');
  if (!estimated || pAlive === null) {
    return (
      <Tooltip title={t('pAliveOnce')}>
        <span data-testid="palive-once">{note ? `— ${t('onceNote')}` : '—'}</span>
      </Tooltip>
    );
  }
  return <span data-testid="palive-value">{chanceText(pAlive, t, i18n.language)}</span>;
}
