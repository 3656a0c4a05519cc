import { v7 } from 'uuid';

/** Time-ordered UUID v7: sortable by creation and safe to merge across laptops later. */
export function newId(): string {
  return v7();
}

/** An id as newId makes them (a UUID, in lower case): a record ID of another form is another program's, never an id here. */
export function isIdForm(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(text);
}
