import { Alert, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportResultDto } from '../../../shared/contract/transfer';
import { FIELDS_OF } from '../../../shared/import/fields';
import { UserText } from '../../components/UserText';
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
        // A file's header or sample can be thousands of characters without a space: fixed columns cut it (whole on
        // hover) instead of widening the table until the field choosers leave the screen.
        tableLayout="fixed"
        dataSource={preview.columns}
        onRow={(c) => ({ 'data-testid': 'import-mapping-row', 'data-header': c.header }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('mapping.column'), key: 'header', width: 240, render: (_: unknown, c) => <UserText text={c.header} testId="import-mapping-header" /> },
          {
            title: t('mapping.sample'),
            key: 'sample',
            // Each sample isolated in its own direction: an Arabic value does not carry the separators across its neighbours.
            render: (_: unknown, c) => (
              <span className="user-text-list" data-testid="import-samples">
                {preview.sample
                  .slice(0, 3)
                  .map((r) => r.cells[c.column] ?? '')
                  .filter(Boolean)
                  .flatMap((value, i) => [
                    ...(i ? [<span key={`dot${i}`} className="user-text-separator">·</span>] : []),
                    <UserText key={i} text={value} />,
                  ])}
              </span>
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
