import { v7 } from 'uuid';

/** Time-ordered UUID v7: sortable by creation and safe to merge across laptops later. */
export function newId(): string {
  return v7();
}
