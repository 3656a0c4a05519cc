import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RankingCaveat } from '../../../shared/domain/ranking-caveat';

/**
 * "Ranked among 3 customers: scores say little yet" beside a ranked class that a book this small cannot back
 * (shared/domain/ranking-caveat.ts); `group` names the group of a partition it is about.
 */
export function RankingCaveatNote({ caveat, group, testId }: { caveat: RankingCaveat; group?: string; testId: string }) {
  const { t } = useTranslation('tiers');
  const note = t(`caveat.${caveat.reason}`, { count: caveat.ranked });
  return (
    // Dark amber: a caution that still reads at 4.5 : 1 on white (antd's warning text is too pale for that).
    <Typography.Text data-testid={testId} style={{ display: 'block', color: '#ad6800' }}>
      {group === undefined ? note : t('caveat.inGroup', { group, note })}
    </Typography.Text>
  );
}
