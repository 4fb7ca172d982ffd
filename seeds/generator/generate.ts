/**
 * Deterministic demo data generator (design.md §3–§5): 24 months ending at `today` across the six ingestion
 * streams, written through the one storage path (`storeRows`, first receipts provided) plus `ingest_batches`,
 * `rejected_rows` and a `seed_runs` row.
 *
 * Shape of the work: days are processed in order. On each day every unit generates what originates that day
 * (its catalog records, its licensing/penalty decisions, the sanction cases it initiates); anything received
 * later (a publication a few working days after its decision, a register row, a resend, a correction, a
 * feedback answer) is queued on its receipt day. Then the day's receipts are grouped into batches per
 * (unit, stream) and buffered; buffers are flushed in chunks of at most CHUNK_ROWS rows while generation goes
 * on (chDB parses on its own thread), so memory stays bounded at any scale.
 *
 * The hot path avoids Date objects, regexes and JSON: dates are indices into precomputed day tables,
 * timestamps are string-built, subjects come from a pre-generated pool.
 */
import { demoManualScores } from './manualScores';
import { shanghaiTimestamp } from '../../server/clock';
import { insertRows } from '../../server/db/query';
import { loadCalendarOverrides } from '../../server/calendar/rebuild';
import { fromDayNumber, toDayNumber, WorkdayCalendar } from '../../server/domain/calendar';
import { makeResidentId, maskResidentId } from '../../server/domain/idNumber';
import { hashSubjectId } from '../../server/domain/privacy';
import { subjectHashKey } from '../../server/privacyKey';
import { makeUscc, USCC_CHARSET } from '../../server/domain/uscc';
import { storeRows } from '../../server/ingest/store';
import { rowKeyOf } from '../../server/ingest/rowKey';
import type { Stream } from '../../server/ingest/streams';
import {
  catalog as allCatalog,
  CITY_CODE,
  districts as allDistricts,
  measures as allMeasures,
  RECORDS_TARGET_BASE_PER_YEAR,
  unitRecordsWeight,
  units as allUnits,
  type CatalogItem,
  type Measure,
  type Unit,
} from '../reference';
import { rootRng, WeightedTable, type Rng } from './random';
import * as S from './scenarios';
import { afterCommit } from '../../server/ingest/afterCommit';

// ---------------------------------------------------------------------------------------------------------
// Public types

export type GeneratedTable = Stream | 'rejected_rows' | 'ingest_batches';
export type Row = Record<string, unknown>;
/** Receives chunks of rows per table, in generation order. */
export type Sink = (table: GeneratedTable, rows: Row[]) => Promise<void> | void;

export type GenerateOptions = {
  scale: number;
  seed: number;
  today: string;
  log?: (s: string) => void;
};

export type GenerateResult = {
  rows: Record<Stream, number>;
  rejected: number;
  batches: number;
  seconds: number;
};

/**
 * Memory bound: rows buffered across all tables before they are flushed (one insert per table, so no insert
 * exceeds this), and rows handed to the sink but not yet stored before generation waits.
 */
export const CHUNK_ROWS = 200_000;
const MAX_IN_FLIGHT_ROWS = 250_000;

const STREAM_LIST: readonly Stream[] = ['records', 'licenses', 'penalties', 'decisions', 'sanctions', 'feedback'];
const S_RECORDS = 0;
const S_LICENSES = 1;
const S_PENALTIES = 2;
const S_DECISIONS = 3;
const S_SANCTIONS = 4;
const S_FEEDBACK = 5;

// ---------------------------------------------------------------------------------------------------------
// Small string tables

const P2 = Array.from({ length: 100 }, (_, i) => (i < 10 ? '0' : '') + i);
const P3 = Array.from({ length: 1000 }, (_, i) => (i < 10 ? '00' : i < 100 ? '0' : '') + i);

/** ms of day → 'HH:MM:SS.sss'. */
function fmtTime(ms: number): string {
  const s = Math.floor(ms / 1000);
  return P2[Math.floor(s / 3600)]! + ':' + P2[Math.floor(s / 60) % 60]! + ':' + P2[s % 60]! + '.' + P3[ms % 1000]!;
}

// ---------------------------------------------------------------------------------------------------------
// Day tables

/** Calendar of the generated range as arrays indexed by day (index 0 = `base`). */
class Days {
  readonly n: number;
  readonly date: string[];
  readonly compact: string[];
  readonly work: Uint8Array;
  readonly dow: Uint8Array;
  /** year * 12 + month - 1 */
  readonly month: Int32Array;
  readonly monthOfYear: Uint8Array;
  readonly year: Int32Array;
  /** Working days in [0, i]. */
  private readonly workNo: Int32Array;
  /** byWorkNo[k] = index of the k-th working day. */
  private readonly byWorkNo: Int32Array;
  readonly startIdx: number;
  readonly todayIdx: number;
  /** Working-day indices per month key. */
  private readonly monthWorkdays = new Map<number, number[]>();

  constructor(calendar: WorkdayCalendar, start: string, today: string) {
    const base = toDayNumber(start) - 130;
    const end = toDayNumber(today) + 130;
    this.n = end - base + 1;
    this.date = new Array<string>(this.n);
    this.compact = new Array<string>(this.n);
    this.work = new Uint8Array(this.n);
    this.dow = new Uint8Array(this.n);
    this.month = new Int32Array(this.n);
    this.monthOfYear = new Uint8Array(this.n);
    this.year = new Int32Array(this.n);
    this.workNo = new Int32Array(this.n);
    let w = 0;
    for (let i = 0; i < this.n; i++) {
      const dn = base + i;
      const d = fromDayNumber(dn);
      this.date[i] = d;
      this.compact[i] = d.slice(0, 4) + d.slice(5, 7) + d.slice(8, 10);
      const dow = ((((dn + 3) % 7) + 7) % 7) + 1;
      this.dow[i] = dow;
      let isWork: boolean;
      try {
        isWork = calendar.isWorkday(d);
      } catch {
        isWork = dow <= 5; // outside the built calendar: the weekday rule
      }
      this.work[i] = isWork ? 1 : 0;
      if (isWork) w++;
      this.workNo[i] = w;
      const y = Number(d.slice(0, 4));
      const m = Number(d.slice(5, 7));
      this.year[i] = y;
      this.monthOfYear[i] = m;
      this.month[i] = y * 12 + m - 1;
      if (isWork) {
        const list = this.monthWorkdays.get(this.month[i]!);
        if (list) list.push(i);
        else this.monthWorkdays.set(this.month[i]!, [i]);
      }
    }
    this.byWorkNo = new Int32Array(w + 1).fill(-1);
    for (let i = 0; i < this.n; i++) if (this.work[i]) this.byWorkNo[this.workNo[i]!] = i;
    this.startIdx = toDayNumber(start) - base;
    this.todayIdx = toDayNumber(today) - base;
  }

  /** The n-th working day strictly after day i (n = 0: i itself); `this.n` when past the table. */
  addWd(i: number, n: number): number {
    if (n === 0) return i;
    const target = this.workNo[i]! + n;
    if (target >= this.byWorkNo.length) return this.n;
    return this.byWorkNo[target]!;
  }

  workdaysOfMonth(monthKey: number): readonly number[] {
    return this.monthWorkdays.get(monthKey) ?? [];
  }
}

/** Day after the same date 24 months before `today` (so the window is 24 months ending today inclusive). */
function windowStart(today: string): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const d = Number(today.slice(8, 10));
  const back = Date.UTC(y - 2, m - 1, d) / 86_400_000; // Feb 29 rolls to Mar 1: fine for a window start
  return fromDayNumber(back + 1);
}

// ---------------------------------------------------------------------------------------------------------
// Subjects

type Subject = {
  type: 'legal' | 'natural' | 'other';
  name: string;
  /** USCC, or the masked resident ID (the clear ID is never kept). */
  code: string;
  /** '' for legal/other; keyed hash of the ID for natural persons. */
  hash: string;
  /** Index of the subject's district in `districts`. */
  d: number;
};

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方邹';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国志红文斌宇浩凯鹏辉晨欣怡佳琪子涵雨轩博思源梓航';
const NAME_WORDS = '恒信华泰鑫隆宏远安达瑞丰嘉禾盛世宝利永昌新源汇通金鼎海川天成和润晟荣众合博越锦程德胜聚力创新兴业启航';
const INDUSTRIES = [
  '商贸', '建筑工程', '科技', '食品', '餐饮管理', '物流', '房地产开发', '机械制造', '医药', '环保科技', '农业发展', '文化传媒',
  '汽车服务', '装饰工程', '电子', '化工', '劳务派遣', '物业管理', '信息技术', '贸易',
];
const COMPANY_SUFFIX = ['有限公司', '有限公司', '有限公司', '有限责任公司', '股份有限公司'];
const OTHER_NAMES = ['行业协会', '商会', '基金会', '民办学校', '社会服务中心', '研究院', '医院', '养老服务中心'];
/** Body characters of generated organisation codes: the USCC charset (no I, O, S, V, Z). */
const ORG_CHARS = USCC_CHARSET;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function orgValue(c: string): number {
  const code = c.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 55;
}

/** A USCC: 2-char registration type, the district's 6-digit code, a GB 11714 organisation code, check char. */
function makeSubjectUscc(rng: Rng, prefix: string, districtCode: string, orgPrefix: string): string {
  let org = orgPrefix;
  while (org.length < 8) org += ORG_CHARS.charAt(rng.int(0, 30));
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgValue(org.charAt(i)) * ORG_WEIGHTS[i]!;
  const c9 = 11 - (sum % 11);
  org += c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
  return makeUscc(prefix + districtCode + org);
}

type SubjectPools = {
  legal: Subject[][];
  natural: Subject[][];
  other: Subject[][];
};

function buildSubjectPools(rng: Rng, scale: number, hashKey: string): SubjectPools {
  const nd = allDistricts.length;
  const factor = Math.sqrt(Math.max(scale, 0.01));
  const legalPer = Math.max(200, Math.round((36_000 * factor) / nd));
  const naturalPer = Math.max(80, Math.round((14_000 * factor) / nd));
  const otherPer = Math.max(20, Math.round((2_000 * factor) / nd));
  const pools: SubjectPools = { legal: [], natural: [], other: [] };
  for (const [dIdx, d] of allDistricts.entries()) {
    const r = rng.fork(`subjects:${d.code}`);
    const place = d.level === 'city' ? '示范市' : d.shortName;
    const legal: Subject[] = [];
    for (let i = 0; i < legalPer; i++) {
      const name =
        (r.chance(0.7) ? place : '示范') +
        NAME_WORDS.charAt(r.int(0, NAME_WORDS.length - 1)) +
        NAME_WORDS.charAt(r.int(0, NAME_WORDS.length - 1)) +
        r.pick(INDUSTRIES) +
        r.pick(COMPANY_SUFFIX);
      legal.push({ type: 'legal', name, code: makeSubjectUscc(r, '91', d.code, 'MA'), hash: '', d: dIdx });
    }
    const other: Subject[] = [];
    for (let i = 0; i < otherPer; i++) {
      const name = place + NAME_WORDS.charAt(r.int(0, NAME_WORDS.length - 1)) + NAME_WORDS.charAt(r.int(0, NAME_WORDS.length - 1)) + r.pick(OTHER_NAMES);
      const social = r.chance(0.6);
      other.push({ type: 'other', name, code: makeSubjectUscc(r, social ? '52' : '12', d.code, social ? 'MJ' : 'MB'), hash: '', d: dIdx });
    }
    const natural: Subject[] = [];
    for (let i = 0; i < naturalPer; i++) {
      const given = GIVEN.charAt(r.int(0, GIVEN.length - 1)) + (r.chance(0.7) ? GIVEN.charAt(r.int(0, GIVEN.length - 1)) : '');
      const name = SURNAMES.charAt(r.int(0, SURNAMES.length - 1)) + given;
      const birth = String(r.int(1950, 2004)) + P2[r.int(1, 12)]! + P2[r.int(1, 28)]!;
      const id = makeResidentId(d.code + birth + P3[r.int(0, 999)]!);
      // Only the masked form and the keyed hash are kept; `id` goes out of scope here.
      natural.push({ type: 'natural', name, code: maskResidentId(id), hash: hashSubjectId(id, hashKey), d: dIdx });
    }
    pools.legal.push(legal);
    pools.other.push(other);
    pools.natural.push(natural);
  }
  return pools;
}

// ---------------------------------------------------------------------------------------------------------
// Domain vocabularies

const LICENSE_NAMES: Record<string, string[]> = {
  market: ['食品经营许可', '食品生产许可', '特种设备使用登记', '工业产品生产许可', '计量标准考核'],
  tax: ['增值税专用发票最高开票限额审批', '对纳税人延期缴纳税款的核准', '对纳税人变更纳税定额的核准'],
  hr: ['人力资源服务许可', '劳务派遣经营许可', '民办职业培训学校设立审批'],
  ecology: ['排污许可', '建设项目环境影响评价文件审批', '危险废物经营许可'],
  housing: ['建筑工程施工许可', '商品房预售许可', '建筑业企业资质认定'],
  transport: ['道路运输经营许可', '道路货物运输经营许可', '出租汽车经营许可'],
  public_security: ['公章刻制业特种行业许可', '旅馆业特种行业许可', '大型群众性活动安全许可'],
  natural_resources: ['建设用地规划许可', '建设工程规划许可', '采矿权登记'],
  agriculture: ['兽药经营许可', '农药经营许可', '种子生产经营许可'],
  commerce: ['对外贸易经营者备案登记', '成品油零售经营资格审批'],
  culture_tourism: ['娱乐场所经营许可', '营业性演出许可', '旅行社业务经营许可'],
  health: ['医疗机构执业许可', '公共场所卫生许可', '放射诊疗许可'],
  emergency: ['危险化学品经营许可', '烟花爆竹经营（零售）许可', '安全生产许可'],
  education: ['民办学校办学许可', '教师资格认定'],
  civil_affairs: ['社会团体成立登记', '民办非企业单位成立登记'],
  justice: ['律师执业许可', '基层法律服务工作者执业核准'],
  urban_management: ['城市建筑垃圾处置核准', '设置大型户外广告审批', '临时占用城市道路许可'],
  water: ['取水许可', '河道管理范围内建设项目审批'],
  drug: ['药品经营许可', '医疗器械经营许可'],
  fire: ['公众聚集场所投入使用、营业前消防安全检查'],
  development_reform: ['企业投资项目核准', '固定资产投资项目节能审查', '政府投资项目可行性研究报告审批'],
  government_data: ['政务服务事项联办许可', '企业登记并联审批'],
  medical_insurance: ['定点医药机构协议管理确认'],
  industry: ['无线电频率使用许可', '民用爆炸物品生产许可'],
  forestry: ['林木采伐许可', '使用林地审核'],
  tobacco: ['烟草专卖零售许可'],
  meteorology: ['雷电防护装置设计审核', '升放无人驾驶自由气球审批'],
  postal: ['快递业务经营许可'],
  sports: ['高危险性体育项目经营许可'],
};
const DEFAULT_LICENSE_NAMES = ['行政许可事项审批', '资质认定', '登记备案'];
const LICENSE_CATEGORIES = new WeightedTable(['普通', '特许', '认可', '核准', '登记', '其他'], [50, 8, 12, 12, 14, 4]);

const VIOLATIONS: Record<string, string[]> = {
  market: ['销售不符合食品安全标准的食品', '虚假宣传', '未按规定公示年度报告', '无照经营', '销售过期食品'],
  tax: ['未按期办理纳税申报', '未按规定开具发票', '未按规定保管账簿'],
  ecology: ['超标排放污染物', '未批先建', '未按规定贮存危险废物'],
  housing: ['未取得施工许可擅自施工', '违法转包分包', '未按规定办理竣工验收备案'],
  transport: ['超限运输', '未取得道路运输经营许可从事经营', '未按规定维护车辆'],
  public_security: ['违反治安管理规定', '旅馆未按规定登记住宿人员'],
  health: ['未取得医疗机构执业许可证执业', '公共场所卫生不合格'],
  urban_management: ['违法建设', '擅自占用城市道路', '随意倾倒建筑垃圾'],
  emergency: ['未按规定开展安全生产教育培训', '安全设施不符合国家标准'],
  fire: ['消防设施未保持完好有效', '占用、堵塞消防通道'],
  hr: ['未按规定支付劳动报酬', '违法延长劳动者工作时间'],
};
const DEFAULT_VIOLATIONS = ['违反有关行政管理规定', '未按规定履行相关义务'];
const LAWS: Record<string, string> = {
  market: '食品安全法', tax: '税收征收管理法', ecology: '环境保护法', housing: '建筑法', transport: '道路运输条例',
  public_security: '治安管理处罚法', health: '基本医疗卫生与健康促进法', urban_management: '城乡规划法',
  emergency: '安全生产法', fire: '消防法', hr: '劳动法',
};
const PENALTY_TYPE_SETS = new WeightedTable<readonly string[]>(
  [['罚款'], ['警告'], ['警告', '罚款'], ['罚款', '没收违法所得'], ['责令停产停业', '罚款'], ['通报批评'], ['暂扣许可证件'], ['吊销许可证件']],
  [55, 15, 12, 8, 4, 3, 2, 1],
);

const DATA_VARIANTS: Record<string, string[]> = {
  基础信息: ['{"status":"存续"}', '{"status":"在营"}', '{"status":"变更"}', '{"status":"注销"}'],
  良好信息: ['{"level":"A"}', '{"level":"A","years":2}', '{"grade":"优秀"}', '{"grade":"良好"}'],
  不良信息: ['{"amount":5000}', '{"amount":20000}', '{"severity":"一般"}', '{"severity":"较重"}'],
  严重失信: ['{"listed":true,"period":"3年"}', '{"listed":true,"period":"5年"}', '{"listed":true}', '{"listed":true,"period":"1年"}'],
  其他: ['{"result":"合格"}', '{"result":"不合格"}', '{"result":"基本合格"}', '{"commitment":"已签署"}'],
};

type SanctionList = { listType: string; kind: 'punishment' | 'reward'; weight: number; natural: number; measures: string[] };
const SANCTION_LISTS: Record<string, SanctionList[]> = {
  court: [{ listType: '失信被执行人', kind: 'punishment', weight: 1, natural: 0.35, measures: ['M03', 'M08', 'M05', 'M01', 'M14', 'M10', 'M12'] }],
  tax: [
    { listType: '重大税收违法失信主体', kind: 'punishment', weight: 0.6, natural: 0.05, measures: ['M09', 'M01', 'M05', 'M14', 'M13', 'M12'] },
    { listType: '纳税信用A级纳税人', kind: 'reward', weight: 0.4, natural: 0, measures: ['M20', 'M15', 'M16', 'M18', 'M19'] },
  ],
  market: [{ listType: '严重违法失信主体名单', kind: 'punishment', weight: 1, natural: 0, measures: ['M05', 'M07', 'M02', 'M01', 'M06', 'M11', 'M14'] }],
  hr: [{ listType: '拖欠农民工工资失信联合惩戒对象', kind: 'punishment', weight: 1, natural: 0.15, measures: ['M01', 'M02', 'M04', 'M12', 'M14'] }],
  ecology: [{ listType: '环境违法失信企业', kind: 'punishment', weight: 1, natural: 0, measures: ['M04', 'M07', 'M11', 'M14', 'M02'] }],
  emergency: [{ listType: '安全生产严重失信主体', kind: 'punishment', weight: 1, natural: 0, measures: ['M02', 'M07', 'M11', 'M12', 'M01'] }],
  customs: [
    { listType: '海关失信企业', kind: 'punishment', weight: 0.5, natural: 0, measures: ['M13', 'M14', 'M01', 'M05'] },
    { listType: '海关高级认证企业', kind: 'reward', weight: 0.5, natural: 0, measures: ['M19', 'M15', 'M16', 'M18'] },
  ],
  development_reform: [
    { listType: '守信激励对象', kind: 'reward', weight: 0.6, natural: 0, measures: ['M15', 'M16', 'M17', 'M18', 'M20'] },
    { listType: '严重失信主体名单', kind: 'punishment', weight: 0.4, natural: 0, measures: ['M11', 'M02', 'M04', 'M06', 'M01'] },
  ],
  housing: [{ listType: '建筑市场主体严重失信', kind: 'punishment', weight: 1, natural: 0, measures: ['M02', 'M01', 'M11', 'M06', 'M14'] }],
};
const NOTES_EXECUTED = ['已按措施执行', '已纳入业务系统自动拦截', '已限制相关业务办理', '已落实到位'];
const NOTES_NOT_APPLICABLE = ['经核查，该主体在本单位无相关业务', '主体不在本单位管辖范围', '措施不适用于该主体'];

const SEASON = [0, 0.95, 0.8, 1.0, 1.0, 1.0, 1.05, 1.0, 0.95, 1.0, 0.95, 1.05, 1.15];
const FREQ_WEIGHT: Record<CatalogItem['frequency'], number> = { realtime: 1, daily: 1, weekly: 0.5, monthly: 0.35, quarterly: 0.25 };
/** Receipt hours (office hours) and their weights; 8 means 08:30–08:59. */
const HOURS = new WeightedTable([8, 9, 10, 11, 12, 13, 14, 15, 16, 17], [4, 14, 16, 12, 3, 6, 14, 14, 11, 6]);
const WORKDAYS_PER_YEAR = 249;

// ---------------------------------------------------------------------------------------------------------
// Rejections

/** A rejected row: raw text, error codes and messages, and its key as ingestion keeps it (server/ingest/rowKey.ts). */
type Rej = { raw: string; codes: string[]; errors: string; key: string };

const ERROR_MESSAGES: Record<string, string> = {
  USCC_CHECK: '统一社会信用代码校验位错误',
  ID_CHECK: '身份证号码校验位错误',
  REQUIRED: '必填字段缺失',
  UNKNOWN_CATALOG: '目录编码不存在',
  UNKNOWN_MEASURE: '措施编码不存在',
  DATE_IN_FUTURE: '日期晚于接收时间',
};
const REQUIRED_FIELDS: Record<Stream, string[]> = {
  records: ['subjectName', 'subjectCode', 'occurredOn'],
  licenses: ['subjectName', 'licenseName', 'validFrom', 'subjectCode'],
  penalties: ['subjectName', 'violationType', 'penaltyTypes', 'subjectCode'],
  decisions: ['decisionDate', 'kind'],
  sanctions: ['listType', 'subjectName', 'subjectCode'],
  feedback: ['result'],
};
const INVALID_TABLES = Object.fromEntries(
  STREAM_LIST.map((s) => {
    const kinds = S.INVALID_KINDS[s] as Record<string, number>;
    return [s, new WeightedTable(Object.keys(kinds), Object.values(kinds))];
  }),
) as Record<Stream, WeightedTable<string>>;
const ID_CHECK_CHARS = '0123456789X';

/** The row as it would have been sent (camelCase, design.md §4); natural persons' IDs masked. */
function rawOf(stream: Stream, r: Row): Record<string, unknown> {
  switch (stream) {
    case 'records':
      return {
        recordId: r.record_id, catalogCode: r.catalog_code, subjectType: r.subject_type, subjectName: r.subject_name,
        subjectCode: r.subject_code, occurredOn: r.occurred_on, data: JSON.parse(r.data as string) as unknown,
      };
    case 'licenses':
      return {
        docNo: r.doc_no, subjectType: r.subject_type, subjectName: r.subject_name, subjectCode: r.subject_code,
        licenseName: r.license_name, licenseCategory: r.license_category, decisionDate: r.decision_date,
        validFrom: r.valid_from, validTo: r.valid_to, content: r.content,
      };
    case 'penalties':
      return {
        docNo: r.doc_no, subjectType: r.subject_type, subjectName: r.subject_name, subjectCode: r.subject_code,
        violationType: r.violation_type, penaltyTypes: r.penalty_types, fineAmount: r.fine_amount,
        decisionDate: r.decision_date, basis: r.basis, content: r.content,
      };
    case 'decisions':
      return { kind: r.kind, docNo: r.doc_no, decisionDate: r.decision_date, subjectName: r.subject_name, subjectCode: r.subject_code };
    case 'sanctions':
      return {
        caseId: r.case_id, kind: r.kind, listType: r.list_type, subjectType: r.subject_type, subjectName: r.subject_name,
        subjectCode: r.subject_code, measureCode: r.measure_code, respondingUnit: r.responding_unit,
      };
    case 'feedback':
      return { caseId: r.case_id, measureCode: r.measure_code, result: r.result, note: r.note };
  }
}

/** Turn a would-be row into a rejected one: mutate its raw form according to an error kind from the stream's mix. */
function makeRejection(stream: Stream, row: Row, rng: Rng, futureDate: string): Rej {
  const raw = rawOf(stream, row);
  let kind = INVALID_TABLES[stream].pick(rng);
  if (kind === 'CODE_CHECK' && typeof raw.subjectCode !== 'string') kind = 'REQUIRED';
  let code: string;
  let field: string;
  switch (kind) {
    case 'CODE_CHECK': {
      const sc = raw.subjectCode as string;
      field = 'subjectCode';
      if (raw.subjectType === 'natural') {
        code = 'ID_CHECK';
        const last = sc.charAt(17);
        let c = ID_CHECK_CHARS.charAt(rng.int(0, 10));
        if (c === last) c = last === '0' ? '1' : '0';
        raw.subjectCode = sc.slice(0, 17) + c; // still masked: only the visible check character changes
      } else {
        code = 'USCC_CHECK';
        const last = sc.charAt(17);
        let c = USCC_CHARSET.charAt(rng.int(0, 30));
        if (c === last) c = last === '0' ? '1' : '0';
        raw.subjectCode = sc.slice(0, 17) + c;
      }
      break;
    }
    case 'UNKNOWN_CATALOG':
      code = kind;
      field = 'catalogCode';
      raw.catalogCode = rng.pick(['XYPJ', 'QT01', 'XK01', 'qydj', 'ZXXX']);
      break;
    case 'UNKNOWN_MEASURE':
      code = kind;
      field = 'measureCode';
      raw.measureCode = rng.pick(['M21', 'M99', 'M00', 'm03']);
      break;
    case 'DATE_IN_FUTURE':
      code = kind;
      field = stream === 'records' ? 'occurredOn' : 'decisionDate';
      raw[field] = futureDate;
      break;
    default: {
      code = 'REQUIRED';
      field = rng.pick(REQUIRED_FIELDS[stream]);
      if (rng.chance(0.5)) delete raw[field];
      else raw[field] = '';
    }
  }
  const message = code === 'REQUIRED' ? `必填字段 ${field} 缺失` : ERROR_MESSAGES[code]!;
  return { raw: JSON.stringify(raw), codes: [code], errors: JSON.stringify([{ field, code, message }]), key: rowKeyOf(stream, raw) };
}

// ---------------------------------------------------------------------------------------------------------
// Units

type ItemState = {
  item: CatalogItem;
  perYear: number;
  naturalShare: number;
  otherShare: number;
  data: string[];
  /** weekly: habit weekday; monthly/quarterly: scheduled day index of the current period (-1 none). */
  habit: number;
  next: number;
  lastWeek: number;
  /** Occurrence span (days before receipt). */
  span: number;
};

type UnitState = {
  idx: number;
  unit: Unit;
  dIdx: number;
  districtCode: string;
  rec: Rng;
  xk: Rng;
  cf: Rng;
  san: Rng;
  fb: Rng;
  batch: Rng[];
  items: ItemState[];
  xkPerWorkday: number;
  cfPerWorkday: number;
  casesPerWorkday: number;
  lists: WeightedTable<SanctionList> | null;
  late: boolean;
  neverRate: number;
  silentFrom: number;
  silentTo: number;
  dropFrom: number;
  dropFactor: number;
  docSeq: Map<string, number>;
  answers: { onTime: number; late: number };
  licenseNames: string[];
  violations: string[];
  law: string;
};

type QEvent = { u: number; s: number; row: Row | null; rej: Rej | null; orig: Row | null };

// ---------------------------------------------------------------------------------------------------------
// The generator

/**
 * Generate the demo data and hand it to `sink` in chunks. Pure apart from the sink and `calendar` (no I/O of
 * its own): the same options give the same rows. `unitFilter` (tests) generates only some units; each unit's
 * own records do not depend on which other units exist.
 */
export async function generateRows(
  opts: GenerateOptions & { calendar: WorkdayCalendar; unitFilter?: (u: Unit) => boolean },
  sink: Sink,
): Promise<Omit<GenerateResult, 'seconds'>> {
  const { scale, today, calendar } = opts;
  const log = opts.log ?? (() => {});
  if (!(scale > 0)) throw new RangeError(`scale must be > 0, got ${scale}`);
  const root = rootRng(opts.seed);
  const start = windowStart(today);
  const days = new Days(calendar, start, today);
  const { todayIdx, startIdx } = days;
  const hashKey = subjectHashKey();
  const pools = buildSubjectPools(root.fork('subjects'), scale, hashKey);
  const districtIndex = new Map(allDistricts.map((d, i) => [d.code, i]));
  const nDistricts = allDistricts.length;
  const measureByCode = new Map<string, Measure>(allMeasures.map((m) => [m.code, m]));
  const units = allUnits.filter(opts.unitFilter ?? (() => true));

  const silent = S.silentUnit(today);
  const drop = S.volumeDrop(today);
  const dropIdx = toDayNumber(drop.from) - (toDayNumber(start) - startIdx);
  const silentMonthKey = Number(silent.month.slice(0, 4)) * 12 + Number(silent.month.slice(5, 7)) - 1;
  let silentFrom = -1;
  let silentTo = -1;
  for (let i = 0; i < days.n; i++) {
    if (days.month[i] === silentMonthKey) {
      if (silentFrom < 0) silentFrom = i;
      silentTo = i;
    }
  }

  // Sanction initiators: their share of cases by records weight.
  const initiatorWeight = units.reduce((s, u) => s + (SANCTION_LISTS[u.kind] ? unitRecordsWeight(u) : 0), 0);
  const avgPushesPerCase = 2.8;
  const casesPerWorkdayTotal = (S.SANCTION_PUSHES_PER_YEAR * scale) / avgPushesPerCase / WORKDAYS_PER_YEAR;
  const delayTable = new WeightedTable(S.PUBLICATION_DELAY_WEIGHTS.map((d) => d[0]), S.PUBLICATION_DELAY_WEIGHTS.map((d) => d[1]));
  const registerTable = new WeightedTable(S.REGISTER_DELAY_WEIGHTS.map((d) => d[0]), S.REGISTER_DELAY_WEIGHTS.map((d) => d[1]));

  const states: UnitState[] = units.map((unit, idx) => {
    const ur = root.fork(`unit:${unit.code}`);
    const profile = ur.fork('profile');
    const perf = profile.normalIn(S.UNIT_PERFORMANCE.mean, S.UNIT_PERFORMANCE.sd, S.UNIT_PERFORMANCE.min, S.UNIT_PERFORMANCE.max);
    const volume = RECORDS_TARGET_BASE_PER_YEAR * unitRecordsWeight(unit) * perf * scale;
    const providesXk = allCatalog.some((c) => c.code === 'XK' && c.providerKinds.includes(unit.kind));
    const providesCf = allCatalog.some((c) => c.code === 'CF' && c.providerKinds.includes(unit.kind));
    const recordItems = allCatalog.filter((c) => c.code !== 'XK' && c.code !== 'CF' && c.providerKinds.includes(unit.kind));
    let xkShare = providesXk ? S.XK_SHARE : 0;
    let cfShare = providesCf ? S.CF_SHARE : 0;
    if (recordItems.length === 0 && xkShare + cfShare > 0) {
      // Units whose only items are XK/CF: their whole volume is decisions.
      const k = 1 / (xkShare + cfShare);
      xkShare *= k;
      cfShare *= k;
    }
    const recordsVolume = volume * (1 - xkShare - cfShare);
    const weightSum = recordItems.reduce((s, c) => s + FREQ_WEIGHT[c.frequency], 0);
    const items: ItemState[] = recordItems.map((item) => {
      const naturalOnly = item.subjectTypes.length === 1 && item.subjectTypes[0] === 'natural';
      const freq = item.frequency;
      return {
        item,
        perYear: (recordsVolume * FREQ_WEIGHT[freq]) / weightSum,
        naturalShare: naturalOnly ? 1 : item.subjectTypes.includes('natural') ? S.NATURAL_PERSON_SHARE : 0,
        otherShare: item.subjectTypes.includes('other') ? S.OTHER_SUBJECT_SHARE : 0,
        data: DATA_VARIANTS[item.category] ?? DATA_VARIANTS['其他']!,
        habit: profile.int(1, 5),
        next: -1,
        lastWeek: -1,
        span: freq === 'quarterly' ? 80 : freq === 'monthly' ? 28 : freq === 'weekly' ? 6 : 2,
      };
    });
    const lists = SANCTION_LISTS[unit.kind];
    const isSilent = unit.code === silent.unitCode;
    const slow = unit.code === S.SLOW_RESPONDER.unitCode;
    return {
      idx,
      unit,
      dIdx: districtIndex.get(unit.districtCode) ?? 0,
      districtCode: unit.districtCode,
      rec: ur.fork('records'),
      xk: ur.fork('licenses'),
      cf: ur.fork('penalties'),
      san: ur.fork('sanctions'),
      fb: ur.fork('feedback'),
      batch: STREAM_LIST.map((s) => ur.fork(`batches:${s}`)),
      items,
      xkPerWorkday: (volume * xkShare) / WORKDAYS_PER_YEAR,
      cfPerWorkday: (volume * cfShare) / WORKDAYS_PER_YEAR,
      casesPerWorkday: lists && initiatorWeight > 0 ? (casesPerWorkdayTotal * unitRecordsWeight(unit)) / initiatorWeight : 0,
      lists: lists ? new WeightedTable(lists, lists.map((l) => l.weight)) : null,
      late: S.CHRONICALLY_LATE_UNITS.includes(unit.code),
      neverRate: unit.code === S.NEVER_PUBLISH_HEAVY.unitCode ? S.NEVER_PUBLISH_HEAVY.rate : S.NEVER_PUBLISH_RATE,
      silentFrom: isSilent ? silentFrom : -1,
      silentTo: isSilent ? silentTo : -1,
      dropFrom: unit.code === drop.unitCode ? dropIdx : Number.MAX_SAFE_INTEGER,
      dropFactor: drop.factor,
      docSeq: new Map(),
      answers: slow ? { onTime: S.SLOW_RESPONDER.onTime, late: S.SLOW_RESPONDER.late } : { onTime: S.SANCTION_ANSWERS.onTime, late: S.SANCTION_ANSWERS.late },
      licenseNames: LICENSE_NAMES[unit.kind] ?? DEFAULT_LICENSE_NAMES,
      violations: VIOLATIONS[unit.kind] ?? DEFAULT_VIOLATIONS,
      law: LAWS[unit.kind] ?? '行政处罚法',
    };
  });

  // Responders: unit index by kind and district.
  const byKindDistrict = new Map<string, number>();
  for (const st of states) {
    const key = `${st.unit.kind}|${st.districtCode}`;
    if (!byKindDistrict.has(key)) byKindDistrict.set(key, st.idx);
  }
  function responderFor(kind: string, initiator: UnitState, subjectDistrict: string): number {
    const district = initiator.districtCode !== CITY_CODE ? initiator.districtCode : subjectDistrict;
    let r = byKindDistrict.get(`${kind}|${district}`);
    if (r === undefined || r === initiator.idx) r = byKindDistrict.get(`${kind}|${CITY_CODE}`);
    if (r === undefined || r === initiator.idx) return -1;
    return r;
  }

  // --- output buffers and the insert pipeline ------------------------------------------------------------
  const buffers = new Map<GeneratedTable, Row[]>();
  for (const t of [...STREAM_LIST, 'rejected_rows', 'ingest_batches'] as GeneratedTable[]) buffers.set(t, []);
  let buffered = 0;
  // Inserts run one after another (chDB parses on its own thread while generation goes on).
  const pending: Array<{ done: Promise<void>; rows: number; finished: boolean }> = [];
  let inFlight = 0;
  let chain: Promise<void> = Promise.resolve();
  function flushTable(table: GeneratedTable): void {
    const rows = buffers.get(table)!;
    if (rows.length === 0) return;
    buffers.set(table, []);
    buffered -= rows.length;
    chain = chain.then(() => sink(table, rows));
    const entry = { done: chain, rows: rows.length, finished: false };
    chain.then(
      () => (entry.finished = true),
      () => {}, // surfaced when awaited
    );
    pending.push(entry);
    inFlight += rows.length;
  }
  /** Hand every buffer to the sink, then wait until the rows in flight are back under the bound. */
  async function flushAll(): Promise<void> {
    for (const table of buffers.keys()) flushTable(table);
    while (pending.length && inFlight > MAX_IN_FLIGHT_ROWS) {
      const p = pending.shift()!;
      await p.done;
      inFlight -= p.rows;
    }
  }
  function push(table: GeneratedTable, row: Row): void {
    buffers.get(table)!.push(row);
    buffered++;
  }

  const counts: Record<Stream, number> = { records: 0, licenses: 0, penalties: 0, decisions: 0, sanctions: 0, feedback: 0 };
  let rejectedCount = 0;
  let batchCount = 0;

  // --- the queue of future receipts ------------------------------------------------------------------------
  const queue: Array<QEvent[] | undefined> = new Array(days.n);
  /** Queue an event on its receipt day (the silent unit's month moves it to the next working day after); -1 if after today. */
  function schedule(st: UnitState, s: number, idx: number, row: Row | null, rej: Rej | null, orig: Row | null = null): number {
    let day = idx;
    if (st.silentFrom >= 0 && day >= st.silentFrom && day <= st.silentTo) day = days.addWd(st.silentTo, 1);
    if (day > todayIdx) return -1;
    const list = queue[day] ?? (queue[day] = []);
    list.push({ u: st.idx, s, row, rej, orig });
    return day;
  }

  function officeTimeMs(rng: Rng, dayIdx: number): number {
    if (!days.work[dayIdx]) return (rng.int(9, 16) * 3600 + rng.int(0, 3599)) * 1000 + rng.int(0, 999);
    const h = HOURS.pick(rng);
    const minute = h === 8 ? rng.int(30, 59) : h === 17 ? rng.int(0, 57) : rng.int(0, 59);
    return (h * 3600 + minute * 60 + rng.int(0, 59)) * 1000 + rng.int(0, 999);
  }

  /** One batch: assign batch id, row numbers and the receipt time; buffer rows, rejects and the batch row. */
  function emitBatch(st: UnitState, s: number, dayIdx: number, events: ReadonlyArray<{ row: Row | null; rej: Rej | null; orig: Row | null }>): void {
    const brng = st.batch[s]!;
    const batchId = brng.uuid();
    const timeMs = officeTimeMs(brng, dayIdx);
    const receivedAt = days.date[dayIdx]! + ' ' + fmtTime(timeMs);
    const stream = STREAM_LIST[s]!;
    const out = buffers.get(stream)!;
    let rowNo = 0;
    let accepted = 0;
    let rejected = 0;
    for (const ev of events) {
      if (ev.rej) {
        rowNo++;
        rejected++;
        push('rejected_rows', {
          batch_id: batchId, stream, unit_code: st.unit.code, district_code: st.districtCode, row_no: rowNo,
          raw: ev.rej.raw, error_codes: ev.rej.codes, errors: ev.rej.errors, received_at: receivedAt, row_key: ev.rej.key,
        });
      } else if (ev.row) {
        let first = receivedAt;
        if (ev.orig) {
          const o = ev.orig.received_at as string;
          if (o === '' || o >= receivedAt) continue; // the original did not make it before: drop the correction
          first = ev.orig.first_received_at as string;
        }
        rowNo++;
        accepted++;
        const row = ev.row;
        row.batch_id = batchId;
        row.row_no = rowNo;
        row.received_at = receivedAt;
        row.first_received_at = first;
        out.push(row);
        buffered++;
      }
    }
    if (rowNo === 0) return;
    counts[stream] += accepted;
    rejectedCount += rejected;
    batchCount++;
    const finishedMs = Math.min(timeMs + 40 + Math.floor(rowNo * 0.05) + brng.int(0, 200), 86_399_999);
    push('ingest_batches', {
      batch_id: batchId, stream, unit_code: st.unit.code, district_code: st.districtCode, token_id: 'seed',
      idempotency_key: '', content_type: 'application/x-ndjson', received_at: receivedAt, rows_total: rowNo,
      accepted, rejected, status: 'stored', response: '', finished_at: days.date[dayIdx]! + ' ' + fmtTime(finishedMs),
    });
  }

  function pickSubject(rng: Rng, st: UnitState, naturalShare: number, otherShare: number): Subject {
    const d = st.unit.level === 'city' || rng.next() < 0.15 ? rng.int(0, nDistricts - 1) : st.dIdx;
    const r = rng.next();
    const pool = r < naturalShare ? pools.natural[d]! : r < naturalShare + otherShare ? pools.other[d]! : pools.legal[d]!;
    return pool[Math.floor(rng.next() * pool.length)]!;
  }

  function volumeFactor(st: UnitState, i: number): number {
    const g = Math.pow(1.05, days.year[i]! - 2025) * SEASON[days.monthOfYear[i]!]!;
    return i >= st.dropFrom ? g * st.dropFactor : g;
  }

  function nextDocNo(st: UnitState, kind: 'XK' | 'CF', i: number): string {
    const year = days.year[i]!;
    const key = kind + year;
    const seq = (st.docSeq.get(key) ?? 0) + 1;
    st.docSeq.set(key, seq);
    return `${st.unit.shortName}${kind === 'XK' ? '许' : '罚'}〔${year}〕${seq}号`;
  }

  function validTo(date: string, years: number): string {
    const y = Number(date.slice(0, 4)) + years;
    const md = date.slice(4);
    return y + (md === '-02-29' ? '-02-28' : md);
  }

  /** A keyed row that may be rejected first (and resent corrected later) and/or corrected after it is stored. */
  function scheduleKeyed(st: UnitState, s: number, rng: Rng, dayIdx: number, row: Row, correct: (() => Row) | null): number {
    let day = dayIdx;
    if (rng.chance(S.INVALID_RATE)) {
      const future = days.date[Math.min(days.n - 1, day + rng.int(3, 90))]!;
      schedule(st, s, day, null, makeRejection(STREAM_LIST[s]!, row, rng, future));
      if (!rng.chance(S.RESEND_AFTER_REJECT)) return -1;
      day = days.addWd(day, rng.int(1, 3));
    }
    const at = schedule(st, s, day, row, null);
    if (at >= 0 && correct && rng.chance(S.CORRECTION_RATE)) {
      schedule(st, s, days.addWd(at, rng.int(S.CORRECTION_DELAY_WORKDAYS.min, S.CORRECTION_DELAY_WORKDAYS.max)), correct(), null, row);
    }
    return at;
  }

  // --- per-unit daily generation -------------------------------------------------------------------------
  const recEvents: Array<{ row: Row | null; rej: Rej | null; orig: Row | null }> = [];

  function genRecords(st: UnitState, i: number, newMonth: boolean, newQuarter: boolean): void {
    if (st.items.length === 0) return;
    const rng = st.rec;
    const work = days.work[i] === 1;
    const silentToday = i >= st.silentFrom && i <= st.silentTo;
    const f = volumeFactor(st, i);
    recEvents.length = 0;
    for (const it of st.items) {
      const freq = it.item.frequency;
      let n = 0;
      if (freq === 'daily' || freq === 'realtime') {
        if (work) {
          if (!rng.chance(S.MISSED_PERIOD_RATE.daily)) n = rng.count(((it.perYear / WORKDAYS_PER_YEAR) * f) / (1 - S.MISSED_PERIOD_RATE.daily));
        } else if (rng.chance(S.WEEKEND_RECEIPT_RATE)) {
          n = rng.count((it.perYear / WORKDAYS_PER_YEAR) * f * 0.5);
        }
      } else if (freq === 'weekly') {
        // Monday-based week number; sent on the first working day on or after the habit weekday.
        const week = Math.floor((i - (days.dow[i]! - 1)) / 7);
        if (work && days.dow[i]! >= it.habit && it.lastWeek !== week) {
          it.lastWeek = week;
          if (!rng.chance(S.MISSED_PERIOD_RATE.weekly)) n = rng.count((it.perYear / 52) * f);
        }
      } else {
        if ((freq === 'monthly' && newMonth) || (freq === 'quarterly' && newQuarter)) {
          // Choose this period's day: any working day of the month (monthly) or of the quarter's last month.
          const m = days.month[i]!;
          const target = freq === 'monthly' ? m : m - ((days.monthOfYear[i]! - 1) % 3) + 2;
          const wds = days.workdaysOfMonth(target);
          it.next = wds.length ? wds[Math.floor(rng.next() * wds.length)]! : -1;
          if (rng.chance(freq === 'monthly' ? S.MISSED_PERIOD_RATE.monthly : S.MISSED_PERIOD_RATE.quarterly)) it.next = -1;
        }
        if (i === it.next) n = rng.count((it.perYear / (freq === 'monthly' ? 12 : 4)) * f);
      }
      if (n === 0 || silentToday) continue;
      const code = it.item.code;
      const prefix = code + '-' + days.compact[i]! + '-';
      for (let k = 0; k < n; k++) {
        const subj = pickSubject(rng, st, it.naturalShare, it.otherShare);
        const occurred = i - Math.floor(rng.next() * (it.span + 1));
        const row: Row = {
          district_code: st.districtCode,
          unit_code: st.unit.code,
          catalog_code: code,
          record_id: prefix + k,
          subject_type: subj.type,
          subject_name: subj.name,
          subject_code: subj.code,
          subject_hash: subj.hash,
          occurred_on: days.date[occurred]!,
          data: it.data[Math.floor(rng.next() * it.data.length)]!,
          batch_id: '',
          row_no: 0,
          received_at: '',
          first_received_at: '',
        };
        if (rng.next() < S.INVALID_RATE) {
          recEvents.push({ row: null, rej: makeRejection('records', row, rng, days.date[i + rng.int(1, 90)]!), orig: null });
        } else {
          recEvents.push({ row, rej: null, orig: null });
        }
      }
    }
    if (recEvents.length) emitBatch(st, S_RECORDS, i, recEvents);
  }

  function genDecisions(st: UnitState, i: number, kind: 'XK' | 'CF'): void {
    const perWorkday = kind === 'XK' ? st.xkPerWorkday : st.cfPerWorkday;
    if (perWorkday <= 0) return;
    const rng = kind === 'XK' ? st.xk : st.cf;
    const mean = (days.work[i] ? perWorkday : perWorkday * 0.03) * volumeFactor(st, i);
    const n = rng.count(mean);
    const decisionDate = days.date[i]!;
    for (let k = 0; k < n; k++) {
      const subj = pickSubject(rng, st, S.NATURAL_PERSON_SHARE, S.OTHER_SUBJECT_SHARE);
      const docNo = nextDocNo(st, kind, i);
      let row: Row;
      let correct: () => Row;
      if (kind === 'XK') {
        const licenseName = st.licenseNames[Math.floor(rng.next() * st.licenseNames.length)]!;
        const vt = rng.chance(0.1) ? null : validTo(decisionDate, rng.int(1, 5));
        row = {
          district_code: st.districtCode, unit_code: st.unit.code, doc_no: docNo, subject_type: subj.type,
          subject_name: subj.name, subject_code: subj.code, subject_hash: subj.hash, license_name: licenseName,
          license_category: LICENSE_CATEGORIES.pick(rng), decision_date: decisionDate, valid_from: decisionDate,
          valid_to: vt, content: `准予${licenseName}`, batch_id: '', row_no: 0, received_at: '', first_received_at: '',
        };
        correct = () => ({ ...row, content: `${row.content as string}（更正：许可范围）`, valid_to: vt === null ? validTo(decisionDate, 3) : vt });
      } else {
        const violation = st.violations[Math.floor(rng.next() * st.violations.length)]!;
        const types = PENALTY_TYPE_SETS.pick(rng);
        const fine = types.includes('罚款') ? Math.round(Math.exp(rng.float(Math.log(500), Math.log(200_000))) / 100) * 100 : null;
        row = {
          district_code: st.districtCode, unit_code: st.unit.code, doc_no: docNo, subject_type: subj.type,
          subject_name: subj.name, subject_code: subj.code, subject_hash: subj.hash, violation_type: violation,
          penalty_types: types, fine_amount: fine, decision_date: decisionDate,
          basis: `《中华人民共和国${st.law}》第${rng.int(10, 120)}条`, content: `对${violation}的行为作出${types.join('、')}的处罚`,
          batch_id: '', row_no: 0, received_at: '', first_received_at: '',
        };
        correct = () => ({ ...row, fine_amount: fine === null ? null : fine + 100 * rng.int(1, 20), content: `${row.content as string}（更正）` });
      }
      // The register row (every decision, published or not).
      const reg: Row = {
        district_code: st.districtCode, unit_code: st.unit.code, kind: kind === 'XK' ? 'license' : 'penalty', doc_no: docNo,
        decision_date: decisionDate, subject_name: subj.name, subject_code: subj.code, batch_id: '', row_no: 0,
        received_at: '', first_received_at: '',
      };
      scheduleKeyed(st, S_DECISIONS, rng, days.addWd(i, registerTable.pick(rng)), reg, null);
      if (rng.chance(st.neverRate)) continue;
      const delay = st.late ? rng.int(S.LATE_UNIT_DELAY_WORKDAYS.min, S.LATE_UNIT_DELAY_WORKDAYS.max) : delayTable.pick(rng);
      scheduleKeyed(st, kind === 'XK' ? S_LICENSES : S_PENALTIES, rng, days.addWd(i, delay), row, correct);
    }
  }

  function genSanctions(st: UnitState, i: number): void {
    if (!st.lists || st.casesPerWorkday <= 0 || !days.work[i]) return;
    if (i >= st.silentFrom && i <= st.silentTo) return;
    const rng = st.san;
    const n = rng.count(st.casesPerWorkday * volumeFactor(st, i));
    for (let c = 0; c < n; c++) {
      const list = st.lists.pick(rng);
      const subj = pickSubject(rng, st, list.natural, 0);
      const subjectDistrict = allDistricts[subj.d]!.code;
      const caseId = `${st.unit.code}-${days.compact[i]}-${c + 1}`;
      const m = Math.min(list.measures.length, rng.int(2, 4));
      const chosen = new Set<string>();
      while (chosen.size < m) chosen.add(list.measures[rng.int(0, list.measures.length - 1)]!);
      for (const code of chosen) {
        const measure = measureByCode.get(code)!;
        const r = responderFor(measure.respondingKind, st, subjectDistrict);
        if (r < 0) continue;
        const resp = states[r]!;
        const row: Row = {
          responding_district_code: resp.districtCode, responding_unit: resp.unit.code, case_id: caseId, measure_code: code,
          unit_code: st.unit.code, district_code: st.districtCode, kind: list.kind, list_type: list.listType,
          subject_type: subj.type, subject_name: subj.name, subject_code: subj.code, subject_hash: subj.hash,
          batch_id: '', row_no: 0, received_at: '', first_received_at: '',
        };
        const pushed = scheduleKeyed(st, S_SANCTIONS, rng, i, row, null);
        if (pushed < 0) continue;
        // The responder's answer: on time (1..feedbackDays working days), late, or never.
        const frng = resp.fb;
        const a = frng.next();
        let answerIdx: number;
        if (a < resp.answers.onTime) answerIdx = days.addWd(pushed, frng.int(1, measure.feedbackDays));
        else if (a < resp.answers.onTime + resp.answers.late) {
          answerIdx = days.addWd(pushed, measure.feedbackDays + frng.int(S.LATE_ANSWER_WORKDAYS.min, S.LATE_ANSWER_WORKDAYS.max));
        } else continue;
        const executed = frng.chance(S.EXECUTED_RATE);
        const fbRow: Row = {
          district_code: resp.districtCode, unit_code: resp.unit.code, case_id: caseId, measure_code: code,
          result: executed ? 'executed' : 'not_applicable',
          note: executed ? frng.pick(NOTES_EXECUTED) : frng.pick(NOTES_NOT_APPLICABLE),
          batch_id: '', row_no: 0, received_at: '', first_received_at: '',
        };
        scheduleKeyed(resp, S_FEEDBACK, frng, answerIdx, fbRow, null);
      }
    }
  }

  // --- the day loop ---------------------------------------------------------------------------------------
  const yieldToInserts = () => new Promise<void>((resolve) => setImmediate(resolve));
  for (let i = startIdx; i <= todayIdx; i++) {
    const newMonth = i === startIdx || days.month[i] !== days.month[i - 1];
    const newQuarter = newMonth && (i === startIdx || (days.monthOfYear[i]! - 1) % 3 === 0);
    for (const st of states) {
      genRecords(st, i, newMonth, newQuarter);
      genDecisions(st, i, 'XK');
      genDecisions(st, i, 'CF');
      genSanctions(st, i);
    }
    const due = queue[i];
    if (due) {
      queue[i] = undefined;
      const groups = new Map<number, QEvent[]>();
      for (const ev of due) {
        const key = ev.u * 8 + ev.s;
        const g = groups.get(key);
        if (g) g.push(ev);
        else groups.set(key, [ev]);
      }
      for (const key of [...groups.keys()].sort((a, b) => a - b)) {
        emitBatch(states[Math.floor(key / 8)]!, key % 8, i, groups.get(key)!);
      }
    }
    if (buffered >= CHUNK_ROWS) await flushAll();
    if (i === todayIdx || days.month[i + 1] !== days.month[i]) {
      if ((days.monthOfYear[i]! % 3 === 0) || i === todayIdx) {
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        const mem = process.memoryUsage();
        log(
          `generated through ${days.date[i]}: ${total.toLocaleString('en-US')} rows, ${rejectedCount.toLocaleString('en-US')} rejected ` +
            `(rss ${Math.round(mem.rss / 1e6)} MB, js heap ${Math.round(mem.heapUsed / 1e6)} MB)`,
        );
      }
    }
    // Let finished inserts hand over to the next queued one.
    if (pending.length) {
      await yieldToInserts();
      while (pending.length && pending[0]!.finished) inFlight -= pending.shift()!.rows;
    }
  }
  for (const table of buffers.keys()) flushTable(table);
  while (pending.length) await pending.shift()!.done;
  await chain;
  return { rows: counts, rejected: rejectedCount, batches: batchCount };
}

/** Stream tables go through the one storage path; the bookkeeping tables are plain inserts. */
export const databaseSink: Sink = async (table, rows) => {
  if (table === 'rejected_rows' || table === 'ingest_batches') await insertRows(table, rows);
  else await storeRows(table, rows as Parameters<typeof storeRows>[1], { firstReceipts: 'provided' });
};

/**
 * Generate 24 months of demo data ending at `today` into the configured ClickHouse (schema, calendar and
 * reference data must already be loaded) and record a `seed_runs` row.
 */
export async function generateDemoData(opts: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const calendar = WorkdayCalendar.fromPackage(await loadCalendarOverrides());
  const result = await generateRows({ ...opts, calendar }, databaseSink);
  await afterCommit(); // once for the whole run, not per stored chunk
  const seconds = (performance.now() - started) / 1000;
  const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
  await insertRows('assessment_manual_scores', demoManualScores(opts.seed, opts.today));
  await insertRows('seed_runs', [
    { run_at: shanghaiTimestamp(), kind: 'demo', seed: opts.seed, scale: opts.scale, rows: total, seconds, today: opts.today },
  ]);
  return { ...result, seconds };
}
