/**
 * Excel stores a date as a serial number of days: 1 is 1900-01-01 in the usual system (with Lotus's
 * phantom 1900-02-29, hence day 0 = 1899-12-30 for every date after February 1900), or 1904-01-01 in
 * the old Mac system. 25569 is the serial of 1970-01-01.
 */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** Dates are built from the serial in UTC, so the UTC fields are the wall-clock time in the sheet. */
export function formatSheetDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  // Serials are floats; round to the second so 0.999999 of a second does not show as :59.
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  if (Number.isNaN(rounded.getTime())) return '';
  const iso = rounded.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  if (time === '00:00:00') return day;
  return `${day} ${time.endsWith(':00') ? time.slice(0, 5) : time}`;
}
