import { validateResidentId, maskResidentId } from '../domain/idNumber';
import { hashSubjectId } from '../domain/privacy';
import { checkDate, checkDateTime, DATE32_RANGE, DATE_RANGE, type DateRange } from '../domain/dates';
import { validateUscc } from '../domain/uscc';
import { MAX_JSON_CHARS, MAX_JSON_DEPTH, MAX_LIST_ITEMS, MAX_TEXT } from './limits';
import type { StoredRow } from './store';
import type { Stream } from './streams';

export type RowError = { row: number; field: string; code: string; message: string };

/** What validation needs to know beyond the row: who sends, when, and the reference codes. */
export type ValidationContext = {
  stream: Stream;
  unitCode: string;
  districtCode: string;
  batchId: string;
  receivedAt: string; // 'YYYY-MM-DD HH:MM:SS.sss' Asia/Shanghai, the platform's clock
  today: string;
  allowReceivedAt: boolean; // backfill tokens only
  catalogCodes: ReadonlySet<string>;
  measureCodes: ReadonlySet<string>;
  unitDistricts: ReadonlyMap<string, string>;
  usccExceptions: ReadonlySet<string>;
  hashKey: string;
};

/** Field names a stream accepts (camelCase, design.md §4); receivedAt only takes effect for backfill tokens. */
export const STREAM_FIELDS: Record<Stream, readonly string[]> = {
  records: ['recordId', 'catalogCode', 'subjectType', 'subjectName', 'subjectCode', 'occurredOn', 'data'],
  licenses: ['docNo', 'subjectType', 'subjectName', 'subjectCode', 'licenseName', 'licenseCategory', 'decisionDate', 'validFrom', 'validTo', 'content'],
  penalties: ['docNo', 'subjectType', 'subjectName', 'subjectCode', 'violationType', 'penaltyTypes', 'fineAmount', 'decisionDate', 'basis', 'content'],
  decisions: ['kind', 'docNo', 'decisionDate', 'subjectName', 'subjectCode'],
  sanctions: ['caseId', 'kind', 'listType', 'subjectType', 'subjectName', 'subjectCode', 'measureCode', 'respondingUnit'],
  feedback: ['caseId', 'measureCode', 'result', 'note'],
};
export const COMMON_FIELDS = ['receivedAt', 'unitCode'] as const;

/**
 * The range of each date field, the range of its column (clickhouse/migrations): occurredOn and a licence's validity
 * are Date32 (an old enterprise's registration in the 1950s is a real date), a decision date is a Date (the working-day
 * calendar, the double-publicity figures and their cubes are computed on Dates, and double publicity concerns decisions
 * of this century). Dates that must not be after the receipt date are checked against it besides.
 */
export const FIELD_RANGES = {
  occurredOn: DATE32_RANGE,
  decisionDate: DATE_RANGE,
  validFrom: DATE32_RANGE,
  validTo: DATE32_RANGE,
} as const satisfies Record<string, DateRange>;

const SUBJECT_TYPES = ['legal', 'natural', 'other'] as const;
const CLEAR_ID = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;

/** Raw text kept in quarantine never holds a clear ID number. */
export const maskIdsInText = (text: string) => (text.length < 18 ? text : text.replace(CLEAR_ID, (id) => maskResidentId(id)));

/** Collects a row's errors while reading its fields, so one pass reports every problem of the row. */
class RowReader {
  readonly errors: RowError[] = [];
  constructor(
    private readonly value: Record<string, unknown>,
    private readonly row: number,
  ) {}

  fail(field: string, code: string, message: string): void {
    this.errors.push({ row: this.row, field, code, message });
  }

  text(field: string, required: boolean, max = MAX_TEXT): string {
    const v = this.value[field];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      if (required) this.fail(field, 'REQUIRED', `缺少必填字段 ${field} (required)`);
      return '';
    }
    if (typeof v !== 'string' && typeof v !== 'number') {
      this.fail(field, 'INVALID_TYPE', `${field} 应为文本 (must be text)`);
      return '';
    }
    if (typeof v === 'number' && exactNumberText(v) === null) {
      this.fail(field, 'INVALID_TYPE', `${field} 是超出精确范围的 JSON 数字（已丢失位数），请以字符串发送 (send it as a string)`);
      return '';
    }
    const s = String(v).trim();
    if (s.length > max) this.fail(field, 'TOO_LONG', `${field} 超过 ${max} 个字符 (too long)`);
    return s;
  }

  oneOf<T extends string>(field: string, values: readonly T[], required = true): T | '' {
    const s = this.text(field, required);
    if (s === '') return '';
    if (!(values as readonly string[]).includes(s)) {
      this.fail(field, 'INVALID_VALUE', `${field} 应为 ${values.join(' / ')} 之一 (got '${s.slice(0, 40)}')`);
      return '';
    }
    return s as T;
  }

  /**
   * A calendar date kept exactly as sent, or refused: a real YYYY-MM-DD within its column's range (ClickHouse would
   * clamp anything outside it) and, when `latest` is given (the receipt date), not after it.
   */
  date(field: string, required: boolean, range: DateRange, latest?: string, hint = ''): string {
    const s = this.text(field, required, 40);
    if (s === '') return '';
    const check = checkDate(s, range);
    if (!check.ok) {
      if (check.reason === 'form') this.fail(field, 'INVALID_DATE', `${field} 应为有效日期 YYYY-MM-DD (got '${s}')`);
      else this.fail(field, 'DATE_OUT_OF_RANGE', `${field} ${s} 超出范围：应在 ${range.min} 至 ${range.max} 之间${s > range.max ? hint : ''}`);
      return '';
    }
    if (latest !== undefined && s > latest) this.fail(field, 'DATE_IN_FUTURE', `${field} ${s} 晚于 ${latest}，不能是未来日期 (in the future)`);
    return s;
  }
}

type Subject = { subject_type: string; subject_name: string; subject_code: string; subject_hash: string };

/** Subject columns into `row`: USCC check for legal/other, resident-ID check for natural persons (masked + hashed). */
function readSubjectInto(row: StoredRow, r: RowReader, ctx: ValidationContext): void {
  const s = readSubject(r, ctx);
  row.subject_type = s.subject_type;
  row.subject_name = s.subject_name;
  row.subject_code = s.subject_code;
  row.subject_hash = s.subject_hash;
}

function readSubject(r: RowReader, ctx: ValidationContext, requireType = true): Subject {
  const type = requireType ? r.oneOf('subjectType', SUBJECT_TYPES) : '';
  const name = r.text('subjectName', requireType, 200);
  const code = r.text('subjectCode', requireType, 40).toUpperCase();
  if (!code || (requireType && !type)) return { subject_type: type, subject_name: name, subject_code: code, subject_hash: '' };
  if (type === 'natural') {
    const check = validateResidentId(code, ctx.today);
    if (!check.ok) r.fail('subjectCode', check.code, `subjectCode 不是有效的居民身份证号码 (GB 11643: ${check.code})`);
    return { subject_type: type, subject_name: name, subject_code: maskResidentId(code), subject_hash: hashSubjectId(code, ctx.hashKey) };
  }
  if (!ctx.usccExceptions.has(code)) {
    const check = validateUscc(code);
    if (!check.ok) {
      // A code shaped like a resident ID on a legal subject would otherwise be stored in clear.
      const looksLikeId = validateResidentId(code).ok;
      r.fail('subjectCode', check.code, looksLikeId
        ? 'subjectCode 是身份证号码：自然人请将 subjectType 设为 natural'
        : `subjectCode 不是有效的统一社会信用代码 (GB 32100: ${check.code})`);
      return { subject_type: type, subject_name: name, subject_code: looksLikeId ? maskResidentId(code) : code, subject_hash: '' };
    }
  }
  return { subject_type: type, subject_name: name, subject_code: code, subject_hash: '' };
}

/** A backfill token may say when a row was originally received; everyone else gets the platform's clock. */
function receivedAtOf(r: RowReader, value: Record<string, unknown>, ctx: ValidationContext): string {
  const given = value.receivedAt;
  if (given === undefined || given === null || given === '') return ctx.receivedAt;
  if (!ctx.allowReceivedAt) {
    r.fail('receivedAt', 'RECEIVED_AT_NOT_ALLOWED', 'receivedAt 由平台记录，仅历史迁移 (backfill) 令牌可提供');
    return ctx.receivedAt;
  }
  const s = typeof given === 'string' ? given.trim() : '';
  const at = checkDateTime(s);
  if (!at.ok) {
    r.fail('receivedAt', 'INVALID_DATETIME', at.reason === 'range'
      ? `receivedAt 超出范围：北京时间日期应在 ${DATE_RANGE.min} 至 ${DATE_RANGE.max} 之间 (got '${s.slice(0, 40)}')`
      : `receivedAt 应为带时区的 RFC 3339 时间（如 2025-10-13T16:01:00Z、2025-06-03T10:00:00+08:00）或北京时间 'YYYY-MM-DD HH:MM:SS' (got '${s.slice(0, 40)}')`);
    return ctx.receivedAt;
  }
  if (at.shanghai > ctx.receivedAt) r.fail('receivedAt', 'DATE_IN_FUTURE', `receivedAt ${at.shanghai}（北京时间）晚于当前时间，不能是未来时间`);
  return at.shanghai;
}

function base(ctx: ValidationContext, rowNo: number, receivedAt: string): StoredRow {
  return { district_code: ctx.districtCode, unit_code: ctx.unitCode, batch_id: ctx.batchId, row_no: rowNo, received_at: receivedAt };
}

/** Validate one parsed row of a stream: the stored row, or every error found in it. */
export function validateRow(
  ctx: ValidationContext,
  rowNo: number,
  value: Record<string, unknown>,
): { row: StoredRow; errors: [] } | { row: null; errors: RowError[] } {
  const r = new RowReader(value, rowNo);
  const unitInBody = value.unitCode;
  if (unitInBody !== undefined && unitInBody !== '' && unitInBody !== ctx.unitCode) {
    const named = typeof unitInBody === 'string' || typeof unitInBody === 'number' ? String(unitInBody).slice(0, 20) : typeof unitInBody;
    r.fail('unitCode', 'UNIT_MISMATCH', `数据只能以令牌所属单位 ${ctx.unitCode} 报送，不能代其他单位 (${named}) 报送`);
  }
  const receivedAt = receivedAtOf(r, value, ctx);
  const receivedDate = receivedAt.slice(0, 10);
  let row: StoredRow | null = null;
  switch (ctx.stream) {
    case 'records': {
      const catalog = r.text('catalogCode', true, 20);
      if (catalog && !ctx.catalogCodes.has(catalog)) r.fail('catalogCode', 'UNKNOWN_CATALOG', `未知的目录代码 ${catalog}`);
      let data = '{}';
      const rawData = value.data;
      if (rawData !== undefined && rawData !== null && rawData !== '') {
        const parsed = typeof rawData === 'string' ? safeJson(rawData) : rawData;
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) r.fail('data', 'INVALID_JSON', 'data 应为 JSON 对象');
        // Checked before serializing: a deep enough nest would overflow the stack of JSON.stringify.
        else if (jsonDepthExceeds(parsed, MAX_JSON_DEPTH)) r.fail('data', 'TOO_DEEP', `data 嵌套超过 ${MAX_JSON_DEPTH} 层 (nested too deep)`);
        else data = maskIdsInText(JSON.stringify(parsed));
        if (data.length > MAX_JSON_CHARS) r.fail('data', 'TOO_LONG', `data 超过 ${MAX_JSON_CHARS} 个字符 (too long)`);
      }
      row = base(ctx, rowNo, receivedAt);
      row.catalog_code = catalog;
      row.record_id = r.text('recordId', true, 100);
      readSubjectInto(row, r, ctx);
      row.occurred_on = r.date('occurredOn', true, FIELD_RANGES.occurredOn, receivedDate);
      row.data = data;
      break;
    }
    case 'licenses': {
      const decision = r.date('decisionDate', true, FIELD_RANGES.decisionDate, receivedDate);
      const validFrom = r.date('validFrom', true, FIELD_RANGES.validFrom);
      const validToText = r.date('validTo', false, FIELD_RANGES.validTo, undefined, '；长期有效的许可请不填 validTo（不要用 9999-12-31 之类的日期表示“无期限”）');
      let validTo: string | null = null;
      if (validToText) {
        if (validFrom && validToText < validFrom) r.fail('validTo', 'VALID_RANGE', `validTo ${validToText} 早于 validFrom ${validFrom}`);
        else validTo = validToText;
      }
      row = base(ctx, rowNo, receivedAt);
      row.doc_no = r.text('docNo', true, 100);
      readSubjectInto(row, r, ctx);
      row.license_name = r.text('licenseName', true, 200);
      row.license_category = r.text('licenseCategory', true, 50);
      row.decision_date = decision;
      row.valid_from = validFrom;
      row.valid_to = validTo;
      row.content = maskIdsInText(r.text('content', false));
      break;
    }
    case 'penalties': {
      const types = readList(r, 'penaltyTypes', value.penaltyTypes);
      let fine: string | null = null;
      const fineText = r.text('fineAmount', false, 40);
      if (fineText) {
        const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(fineText);
        if (!m) r.fail('fineAmount', 'INVALID_NUMBER', 'fineAmount 应为金额（元，最多两位小数）');
        else if (m[1] === '-' && /[1-9]/.test(fineText)) r.fail('fineAmount', 'NEGATIVE_AMOUNT', 'fineAmount 不能为负数');
        else if (m[2]!.replace(/^0+(?=\d)/, '').length > FINE_INTEGER_DIGITS) {
          r.fail('fineAmount', 'OUT_OF_RANGE', `fineAmount 超出范围：最大 ${FINE_MAX} 元（Decimal(18, 2)）`);
        } else fine = fineText;
      }
      row = base(ctx, rowNo, receivedAt);
      row.doc_no = r.text('docNo', true, 100);
      readSubjectInto(row, r, ctx);
      row.violation_type = r.text('violationType', true, 200);
      row.penalty_types = types;
      row.fine_amount = fine;
      row.decision_date = r.date('decisionDate', true, FIELD_RANGES.decisionDate, receivedDate);
      row.basis = r.text('basis', false);
      row.content = maskIdsInText(r.text('content', false));
      break;
    }
    case 'decisions': {
      const subject = readSubject(r, ctx, false);
      row = base(ctx, rowNo, receivedAt);
      row.kind = r.oneOf('kind', ['license', 'penalty'] as const);
      row.doc_no = r.text('docNo', true, 100);
      row.decision_date = r.date('decisionDate', true, FIELD_RANGES.decisionDate, receivedDate);
      row.subject_name = subject.subject_name;
      // The register has no subject type: an ID number is never kept in clear.
      row.subject_code = validateResidentId(subject.subject_code).ok ? maskResidentId(subject.subject_code) : subject.subject_code;
      break;
    }
    case 'sanctions': {
      const measure = r.text('measureCode', true, 20);
      if (measure && !ctx.measureCodes.has(measure)) r.fail('measureCode', 'UNKNOWN_MEASURE', `未知的奖惩措施代码 ${measure}`);
      const responding = r.text('respondingUnit', true, 40);
      const respondingDistrict = ctx.unitDistricts.get(responding);
      if (responding && respondingDistrict === undefined) r.fail('respondingUnit', 'UNKNOWN_UNIT', `未知的响应单位代码 ${responding}`);
      row = base(ctx, rowNo, receivedAt);
      row.responding_district_code = respondingDistrict ?? '';
      row.responding_unit = responding;
      row.case_id = r.text('caseId', true, 100);
      row.measure_code = measure;
      row.kind = r.oneOf('kind', ['punishment', 'reward'] as const);
      row.list_type = r.text('listType', true, 100);
      readSubjectInto(row, r, ctx);
      break;
    }
    case 'feedback': {
      const measure = r.text('measureCode', true, 20);
      if (measure && !ctx.measureCodes.has(measure)) r.fail('measureCode', 'UNKNOWN_MEASURE', `未知的奖惩措施代码 ${measure}`);
      row = base(ctx, rowNo, receivedAt);
      row.case_id = r.text('caseId', true, 100);
      row.measure_code = measure;
      row.result = r.oneOf('result', ['executed', 'not_applicable'] as const);
      row.note = maskIdsInText(r.text('note', false));
      break;
    }
  }
  return r.errors.length ? { row: null, errors: r.errors } : { row: row!, errors: [] };
}

/** fine_amount is Decimal(18, 2): at most 16 digits before the point and 2 after it. */
const FINE_INTEGER_DIGITS = 16;
export const FINE_MAX = '9999999999999999.99';

/**
 * The text of a JSON number when it is the number the client wrote: an integer within ±2^53, or a fraction below 10^13
 * (up to 15 significant digits survive a double). Otherwise null: JSON.parse has already dropped digits of it.
 */
function exactNumberText(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  if (Number.isInteger(n)) return Number.isSafeInteger(n) ? String(n) : null;
  const s = String(n);
  return Math.abs(n) < 1e13 && !/e/i.test(s) ? s : null;
}

/** True when a parsed JSON value nests deeper than `limit` ({} and [] are one level each); no recursion, so no stack to overflow. */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** An array field: a JSON array, or in CSV a ";"-separated list. */
function readList(r: RowReader, field: string, v: unknown): string[] {
  const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[;；]/) : v === undefined || v === null ? [] : null;
  if (items === null || items.some((x) => typeof x !== 'string')) {
    r.fail(field, 'INVALID_ARRAY', `${field} 应为文本数组（CSV 中用 ; 分隔）`);
    return [];
  }
  const list = (items as string[]).map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) r.fail(field, 'REQUIRED', `缺少必填字段 ${field} (required)`);
  if (list.length > MAX_LIST_ITEMS) r.fail(field, 'TOO_LONG', `${field} 超过 ${MAX_LIST_ITEMS} 项 (too many items)`);
  if (list.some((s) => s.length > 100)) r.fail(field, 'TOO_LONG', `${field} 的某项超过 100 个字符`);
  return list;
}
