import { searchProducts } from '../../db/repos/products';
import type { HandlerContext } from '../context';
import type { HandlerMap } from './types';

export function productHandlers(ctx: HandlerContext): HandlerMap<'products'> {
  return {
    'products:search': ({ query, limit }) => ({
      products: searchProducts(ctx.db, query, limit).map((p) => ({
        id: p.id,
        sku: p.sku,
        name: p.name,
        lastUnitPriceMinor: p.lastUnitPriceMinor,
        lastCurrency: p.lastCurrency,
        lastSoldOn: p.lastSoldOn,
      })),
    }),
  };
}
