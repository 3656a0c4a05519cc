import { Alert, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportResultDto } from '../../../shared/contract/transfer';
import { FIELDS_OF } from '../../../shared/import/fields';
import { missingFieldsText } from './missing-fields';

type Column = ImportResultDto['columns'][number];

/** Each file column with a few sample values and the field it goes to; changing one re-runs the preview. */
export function MappingTable({ preview, onChange }: { preview: ImportResultDto; onChange: (mapping: Record<string, string | null>) => void }) {
  const { t, i18n } = useTranslation('importing');
  const fields = FIELDS_OF[preview.kind] as readonly string[];
  const change = (column: number, field: string | null) =>
    onChange(Object.fromEntries(preview.columns.map((c) => [c.header, c.column === column ? field : c.field])));
  const missing = [...preview.missing.all, ...preview.missing.anyOf];
  const missingText = missingFieldsText(preview.missing, (field) => t(`fields.${field}`), i18n.language);
  return (
    <>
      {preview.mappingSource === 'remembered' ? <Alert type="info" showIcon title={t('mapping.remembered')} style={{ marginBottom: 12 }} /> : null}
      {missing.length ? (
        <Alert type="warning" showIcon data-testid="import-missing" title={t('mapping.missing', { fields: missingText })} style={{ marginBottom: 12 }} />
      ) : null}
      <Table<Column>
        rowKey="column"
        size="small"
        pagination={false}
        dataSource={preview.columns}
        onRow={(c) => ({ 'data-testid': 'import-mapping-row', 'data-header': c.header }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('mapping.column'), dataIndex: 'header', width: 200 },
          {
            title: t('mapping.sample'),
            key: 'sample',
            render: (_: unknown, c) => (
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>
                {preview.sample.slice(0, 3).map((r) => r.cells[c.column] ?? '').filter(Boolean).join(' · ')}
              </Typography.Text>
            ),
          },
          {
            title: t('mapping.field'),
            key: 'field',
            width: 220,
            render: (_: unknown, c) => (
              <Select
                data-testid="import-field"
                style={{ width: 200 }}
                // Two dozen fields: rendering them all keeps "(not imported)" reachable from any selection.
                virtual={false}
                value={c.field ?? ''}
                onChange={(v: string) => change(c.column, v || null)}
                options={[{ value: '', label: t('mapping.ignore') }, ...fields.map((f) => ({ value: f, label: t(`fields.${f}`) }))]}
              />
            ),
          },
        ]}
      />
    </>
  );
}
