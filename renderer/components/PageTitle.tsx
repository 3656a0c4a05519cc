import { Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * A page's title, the first thing in its padding. An h3 carries 1em of margin above it: pages that kept it
 * (Tiered lists, Evaluation, Import, Settings, FX rates) started 24 px lower than Predictions, which had taken
 * it off, so the title jumped as the user moved between pages. Every page with a title block uses this one.
 */
export const PAGE_TITLE_STYLE = { marginTop: 0, marginBottom: 4 } as const;

export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={3} style={PAGE_TITLE_STYLE}>
      {children}
    </Typography.Title>
  );
}
