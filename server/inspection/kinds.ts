export { isRectifiable, KIND_LABEL_ZH, PROBLEM_KINDS, RECTIFIABLE_KINDS, type ProblemKind, type RectifiableKind } from '../../shared/problemKinds';

/**
 * Problem keys: the kind and the item's identity in its module, as `kind:JSON array`. Stable across requests, stored
 * on notice items, and parsed back to check rectification.
 */
export type ProblemRef =
  | { kind: 'publicity_overdue' | 'publicity_late'; unit: string; district: string; docKind: 'license' | 'penalty'; docNo: string }
  | { kind: 'sanction_overdue'; unit: string; caseId: string; measureCode: string }
  | { kind: 'missing_submission'; unit: string; catalog: string; windowStart: string; windowEnd: string }
  | { kind: 'volume_anomaly'; unit: string; date: string }
  | { kind: 'rejected_unresent'; unit: string; batchId: string; rowNo: number };

export function problemKey(ref: ProblemRef): string {
  switch (ref.kind) {
    case 'publicity_overdue':
    case 'publicity_late':
      return `${ref.kind}:${JSON.stringify([ref.unit, ref.district, ref.docKind, ref.docNo])}`;
    case 'sanction_overdue':
      return `${ref.kind}:${JSON.stringify([ref.unit, ref.caseId, ref.measureCode])}`;
    case 'missing_submission':
      return `${ref.kind}:${JSON.stringify([ref.unit, ref.catalog, ref.windowStart, ref.windowEnd])}`;
    case 'volume_anomaly':
      return `${ref.kind}:${JSON.stringify([ref.unit, ref.date])}`;
    case 'rejected_unresent':
      return `${ref.kind}:${JSON.stringify([ref.unit, ref.batchId, ref.rowNo])}`;
  }
}

/** The reference of a key; null for anything that is not a well-formed key. */
export function parseProblemKey(key: string): ProblemRef | null {
  const i = key.indexOf(':');
  if (i < 0) return null;
  const kind = key.slice(0, i);
  let parts: unknown;
  try {
    parts = JSON.parse(key.slice(i + 1));
  } catch {
    return null;
  }
  if (!Array.isArray(parts)) return null;
  const s = (k: number) => (typeof parts[k] === 'string' ? (parts[k] as string) : null);
  const n = parts.length;
  switch (kind) {
    case 'publicity_overdue':
    case 'publicity_late': {
      const [unit, district, docKind, docNo] = [s(0), s(1), s(2), s(3)];
      if (n !== 4 || unit === null || district === null || docNo === null || (docKind !== 'license' && docKind !== 'penalty')) return null;
      return { kind, unit, district, docKind, docNo };
    }
    case 'sanction_overdue': {
      const [unit, caseId, measureCode] = [s(0), s(1), s(2)];
      return n === 3 && unit !== null && caseId !== null && measureCode !== null ? { kind, unit, caseId, measureCode } : null;
    }
    case 'missing_submission': {
      const [unit, catalog, windowStart, windowEnd] = [s(0), s(1), s(2), s(3)];
      const date = /^\d{4}-\d{2}-\d{2}$/;
      if (n !== 4 || unit === null || catalog === null || !date.test(windowStart ?? '') || !date.test(windowEnd ?? '')) return null;
      return { kind, unit, catalog, windowStart: windowStart!, windowEnd: windowEnd! };
    }
    case 'volume_anomaly': {
      const [unit, date] = [s(0), s(1)];
      return n === 2 && unit !== null && date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { kind, unit, date } : null;
    }
    case 'rejected_unresent': {
      const [unit, batchId] = [s(0), s(1)];
      const rowNo = parts[2];
      if (n !== 3 || unit === null || batchId === null || !/^[0-9a-f-]{36}$/i.test(batchId)) return null;
      return typeof rowNo === 'number' && Number.isInteger(rowNo) && rowNo >= 0 ? { kind, unit, batchId, rowNo } : null;
    }
    default:
      return null;
  }
}
