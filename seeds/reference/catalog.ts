import type { CatalogItem, Frequency, UnitKind } from './types';

/** Codes of the two double-publicity (双公示) items. */
export const CATALOG_XK = 'XK';
export const CATALOG_CF = 'CF';

/** Unit kinds that take administrative licensing decisions (行政许可). */
const LICENSING_KINDS: UnitKind[] = [
  'development_reform', 'market', 'tax', 'hr', 'ecology', 'housing', 'transport', 'public_security',
  'natural_resources', 'agriculture', 'commerce', 'culture_tourism', 'health', 'emergency', 'education',
  'civil_affairs', 'justice', 'medical_insurance', 'urban_management', 'water', 'drug', 'fire', 'industry',
  'government_data', 'forestry', 'tobacco', 'meteorology', 'postal', 'sports',
];

/** Unit kinds that impose administrative penalties (行政处罚). */
const PENALTY_KINDS: UnitKind[] = [
  'development_reform', 'market', 'tax', 'hr', 'ecology', 'housing', 'transport', 'public_security',
  'natural_resources', 'agriculture', 'commerce', 'culture_tourism', 'health', 'emergency', 'education',
  'civil_affairs', 'justice', 'customs', 'medical_insurance', 'urban_management', 'water', 'statistics',
  'drug', 'fire', 'industry', 'forestry', 'tobacco', 'meteorology', 'postal', 'financial_regulation',
  'central_bank',
];

type Category = '基础信息' | '良好信息' | '不良信息' | '严重失信' | '其他';
type Subject = 'legal' | 'natural' | 'other';
type Spec = [code: string, name: string, category: Category, subjectTypes: Subject[], frequency: Frequency, providerKinds: UnitKind[]];

const LN: Subject[] = ['legal', 'natural', 'other'];
const L: Subject[] = ['legal', 'other'];

const SPECS: Spec[] = [
  // double publicity
  ['XK', '行政许可信息', '基础信息', LN, 'realtime', LICENSING_KINDS],
  ['CF', '行政处罚信息', '不良信息', LN, 'realtime', PENALTY_KINDS],
  // 基础信息
  ['QYDJ', '企业登记注册信息', '基础信息', L, 'daily', ['market']],
  ['SWDJ', '税务登记信息', '基础信息', L, 'daily', ['tax']],
  ['SHZZ', '社会组织登记信息', '基础信息', L, 'monthly', ['civil_affairs']],
  ['SBJN', '社会保险缴纳信息', '基础信息', L, 'monthly', ['hr', 'medical_insurance']],
  ['JZZZ', '建筑业企业资质信息', '基础信息', L, 'weekly', ['housing']],
  ['ZYZG', '职业资格信息', '基础信息', ['natural'], 'monthly', ['hr', 'housing', 'health']],
  ['XZQR', '行政确认信息', '基础信息', LN, 'weekly', ['civil_affairs', 'hr', 'natural_resources', 'veterans', 'medical_insurance', 'public_security']],
  // 良好信息
  ['NSXY', '纳税信用A级纳税人信息', '良好信息', L, 'quarterly', ['tax']],
  ['XZJL', '行政奖励信息', '良好信息', LN, 'monthly', ['development_reform', 'hr', 'market', 'science', 'industry', 'commerce', 'education', 'health']],
  ['SXJL', '守信激励对象名单', '良好信息', L, 'monthly', ['development_reform', 'tax', 'customs', 'market']],
  ['RYBZ', '荣誉表彰信息', '良好信息', LN, 'quarterly', ['hr', 'civil_affairs', 'veterans', 'culture_tourism', 'science', 'sports']],
  ['HGRZ', '海关高级认证企业信息', '良好信息', L, 'quarterly', ['customs']],
  // 不良信息
  ['QSGG', '欠税公告信息', '不良信息', L, 'quarterly', ['tax']],
  ['XZQZ', '行政强制信息', '不良信息', LN, 'weekly', ['market', 'tax', 'ecology', 'public_security', 'urban_management', 'natural_resources', 'emergency', 'customs']],
  ['JYYC', '经营异常名录信息', '不良信息', L, 'daily', ['market']],
  ['QXXX', '拖欠工资信息', '不良信息', L, 'monthly', ['hr', 'housing']],
  ['ZTBW', '招标投标违法行为信息', '不良信息', L, 'monthly', ['development_reform', 'housing', 'transport', 'water']],
  ['AQSG', '生产安全事故信息', '不良信息', L, 'monthly', ['emergency', 'fire']],
  // 严重失信
  ['SXBZX', '失信被执行人信息', '严重失信', LN, 'daily', ['court']],
  ['YZSX', '严重失信主体名单', '严重失信', LN, 'daily', ['development_reform', 'market', 'tax', 'hr', 'ecology', 'housing', 'transport', 'emergency', 'finance', 'customs']],
  ['QXHMD', '拖欠农民工工资失信联合惩戒对象名单', '严重失信', LN, 'monthly', ['hr']],
  ['ZFCG', '政府采购严重违法失信行为记录', '严重失信', L, 'monthly', ['finance']],
  ['SYSX', '重大税收违法失信主体信息', '严重失信', LN, 'quarterly', ['tax']],
  // 其他
  ['XYCN', '信用承诺信息', '其他', LN, 'daily', ['development_reform', 'market', 'housing', 'transport', 'government_data', 'commerce']],
  ['XYXF', '信用修复信息', '其他', L, 'weekly', ['development_reform', 'market', 'tax', 'ecology', 'emergency']],
  ['SFPJ', '司法判决信息', '其他', LN, 'weekly', ['court']],
  ['CJJC', '食品药品抽检信息', '其他', L, 'weekly', ['market', 'drug']],
  ['XZJC', '双随机抽查结果信息', '其他', L, 'monthly', ['market', 'ecology', 'emergency', 'health', 'culture_tourism', 'transport']],
  ['HJXY', '企业环境信用评价信息', '其他', L, 'quarterly', ['ecology']],
  ['JTXY', '交通运输信用评价信息', '其他', L, 'quarterly', ['transport']],
  ['YBXY', '医保定点医药机构信用评价信息', '其他', L, 'quarterly', ['medical_insurance']],
];

/** 公共信用信息目录 of 示范市. */
export const catalog: CatalogItem[] = SPECS.map(([code, name, category, subjectTypes, frequency, providerKinds], i) => ({
  code,
  name,
  category,
  subjectTypes: [...subjectTypes],
  frequency,
  providerKinds: [...providerKinds],
  sort: i + 1,
}));
