import dayjs, { type Dayjs } from 'dayjs';

/** "HH:MM" → a time picker's value on an arbitrary day (dayjs parses ISO date-times without a plugin). */
export function timeValue(time: string | null): Dayjs | null {
  return time ? dayjs(`2000-01-01T${time}`) : null;
}
