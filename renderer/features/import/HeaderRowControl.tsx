import { Button, InputNumber, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Which row holds the column names, beside the notice naming the lines taken for titles: the header is found by its
 * looks (shared/import/header-row.ts), and when that finds the wrong row the user says which one it is. The row is
 * counted as the notice and the row errors count rows. `error` is the importer's refusal of the row given (a blank
 * one, or one past the first lines), shown here while the preview above stays the last one read.
 */
export function HeaderRowControl({ current, given, error, onChoose }: { current: number; given: number | undefined; error: string | null; onChoose: (row: number | undefined) => void }) {
  const { t } = useTranslation('importing');
  const shown = given ?? current;
  const [draft, setDraft] = useState<number | null>(shown);
  useEffect(() => setDraft(shown), [shown]);
  const apply = () => {
    if (draft !== null && draft !== shown) onChoose(draft);
  };
  return (
    <div data-testid="import-header-row" style={{ marginBottom: 12 }}>
      <Space wrap size="small">
        <Typography.Text>{t('headerRow.label')}</Typography.Text>
        <InputNumber
          aria-label={t('headerRow.label')}
          size="small"
          min={1}
          precision={0}
          style={{ width: 80 }}
          value={draft}
          status={error ? 'error' : undefined}
          onChange={(value) => setDraft(value)}
          onPressEnter={apply}
          data-testid="import-header-row-input"
        />
        <Button size="small" disabled={draft === null || draft === shown} onClick={apply} data-testid="import-header-row-apply">
          {t('headerRow.apply')}
        </Button>
        {given !== undefined ? (
          <Button size="small" type="link" onClick={() => onChoose(undefined)} data-testid="import-header-row-auto">
            {t('headerRow.auto')}
          </Button>
        ) : null}
      </Space>
      {error ? (
        <div>
          <Typography.Text type="danger" data-testid="import-header-row-error">
            {error}
          </Typography.Text>
        </div>
      ) : null}
    </div>
  );
}
