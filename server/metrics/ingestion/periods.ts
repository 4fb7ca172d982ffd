/**
 * Time buckets of the volume chart (pure). A bucket is named by its first day; week = ISO week (Monday–Sunday),
 * month = calendar month. The first and last buckets are clipped to the period and flagged `partial`, so a short
 * first week is not mistaken for a drop.
 */
import { addDays, dayOfWeek, toDayNumber } from '../../domain/calendar';

export const GRAINS = ['day', 'week', 'month'] as const;
export type Grain = (typeof GRAINS)[number];

export type Bucket = {
  /** First day of the whole bucket (Monday of the week, 1st of the month, or the day). */
  key: string;
  /** The part of the bucket inside the period. */
  from: string;
  to: string;
  partial: boolean;
};

export function bucketStart(date: string, grain: Grain): string {
  if (grain === 'day') return date;
  if (grain === 'week') return addDays(date, 1 - dayOfWeek(date));
  return `${date.slice(0, 7)}-01`;
}

function bucketEnd(start: string, grain: Grain): string {
  if (grain === 'day') return start;
  if (grain === 'week') return addDays(start, 6);
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/** Upper bound on buckets per answer: a day chart over decades is a mistake, not a request. */
export const MAX_BUCKETS = 1500;

/** Every bucket meeting [from, to], in order. Throws RangeError when there would be more than MAX_BUCKETS. */
export function buckets(from: string, to: string, grain: Grain): Bucket[] {
  const approx = (toDayNumber(to) - toDayNumber(from)) / (grain === 'day' ? 1 : grain === 'week' ? 7 : 28);
  if (approx > MAX_BUCKETS) {
    throw new RangeError(`区间太长，请按周或月查看 (too many ${grain} buckets: choose a coarser grain or a shorter period)`);
  }
  const out: Bucket[] = [];
  for (let key = bucketStart(from, grain); key <= to; key = addDays(bucketEnd(key, grain), 1)) {
    const end = bucketEnd(key, grain);
    const a = key < from ? from : key;
    const b = end > to ? to : end;
    out.push({ key, from: a, to: b, partial: a !== key || b !== end });
  }
  return out;
}

/** A sensible default grain for a period: days up to two months, weeks up to a year and a half, then months. */
export function defaultGrain(from: string, to: string): Grain {
  const days = toDayNumber(to) - toDayNumber(from) + 1;
  return days <= 62 ? 'day' : days <= 550 ? 'week' : 'month';
}
