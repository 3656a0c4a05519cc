import { Typography } from 'antd';
import type { OrderLine } from '../../../shared/contract/orders';
import { formatMoney } from '../../components/format';
import '../../components/user-text.css';

/**
 * One line of an order as its expanded row lists it: "[SKU] name × 3 @ ¥12.50 = ¥37.50". The SKU and the name are the
 * user's, each in its own direction (dir="auto" isolates it): a product named in Arabic or Hebrew with digits took the
 * app's figures after it into its right-to-left run ("37.50¥ = 12.50¥ @ 3 × 42 قميص"). The name is read whole here, so
 * a long one wraps inside the row; the figures never break.
 */
export function OrderLineText({ line, currency, language }: { line: OrderLine; currency: string; language: string }) {
  return (
    <div data-testid="order-line-view">
      {line.sku ? (
        <Typography.Text type="secondary">
          [<span dir="auto">{line.sku}</span>]{' '}
        </Typography.Text>
      ) : null}
      <span dir="auto" style={{ overflowWrap: 'anywhere' }} data-testid="order-line-name">
        {line.name}
      </span>{' '}
      <span className="figure-text">
        × {Math.abs(line.quantity)} @ {formatMoney(line.unitPriceMinor, currency, language)} = {formatMoney(line.amountMinor, currency, language)}
      </span>
    </div>
  );
}
