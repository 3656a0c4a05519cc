import { Checkbox, InputNumber, Table } from 'antd';
import { useTranslation } from 'react-i18next';

export type PyramidThresholds = { platinum: number; gold: number; iron: number };
const TIERS = ['platinum', 'gold', 'iron'] as const;

interface Props {
  groups: readonly string[];
  groupText(key: string): string;
  /** Minor units per whole unit of the base currency (100 for CNY). */
  unit: number;
  currency: string;
  /** The scheme's own thresholds (minor units): a group without its own uses these. */
  shared: PyramidThresholds;
  value: Record<string, PyramidThresholds>;
  onChange(next: Record<string, PyramidThresholds>): void;
}

/**
 * Per-group pyramid thresholds: a group ticked "own thresholds" gets its own minimums (the stall's platinum
 * at ¥50,000 while the export desk's is at ¥500,000); an unticked group uses the shared ones.
 */
export function GroupThresholds({ groups, groupText, unit, currency, shared, value, onChange }: Props) {
  const { t } = useTranslation('tiers');
  const set = (group: string, next: PyramidThresholds | undefined) => {
    const copy = { ...value };
    if (next) copy[group] = next;
    else delete copy[group];
    onChange(copy);
  };
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(g) => g}
      dataSource={[...groups]}
      data-testid="group-thresholds"
      columns={[
        {
          key: 'group',
          title: t('tierSettings:list.group'),
          render: (_, g: string) => (
            <Checkbox checked={value[g] !== undefined} onChange={(e) => set(g, e.target.checked ? { ...shared } : undefined)} data-testid={`group-own-${g}`}>
              {groupText(g)}
            </Checkbox>
          ),
        },
        ...TIERS.map((tier) => ({
          key: tier,
          title: `${t(`classes.${tier}`)} (${currency})`,
          render: (_: unknown, g: string) => (
            <InputNumber
              size="small"
              min={0}
              max={1e12}
              style={{ width: 120 }}
              disabled={value[g] === undefined}
              value={(value[g] ?? shared)[tier] / unit}
              onChange={(v) => value[g] && set(g, { ...value[g], [tier]: Math.round((v ?? 0) * unit) })}
              data-testid={`group-${g}-${tier}`}
            />
          ),
        })),
      ]}
    />
  );
}
