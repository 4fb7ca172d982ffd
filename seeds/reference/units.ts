import { CITY_CODE, districts } from './districts';
import type { District, Unit, UnitKind } from './types';

/**
 * Unit code schemes (stable, ASCII, ≤ 20 chars):
 * - city-level units: 'C' + 3-digit sequence, 'C001'..'C040' (append new units at the end, never renumber);
 * - district units:   'D' + district code + '-' + 2-digit template number, e.g. 'D990102-01'
 *   (the number is the unit's position in DISTRICT_UNIT_TEMPLATES, so codes are the same in every district).
 */

type CityUnitSpec = [code: string, kind: UnitKind, name: string, shortName: string, member: boolean];

const CITY_UNIT_SPECS: CityUnitSpec[] = [
  ['C001', 'development_reform', '市发展改革委', '发展改革', true], // the leadership group office sits here
  ['C002', 'market', '市市场监管局', '市场监管', true],
  ['C003', 'tax', '市税务局', '税务', true],
  ['C004', 'court', '市中级人民法院', '中级法院', true],
  ['C005', 'hr', '市人力资源社会保障局', '人力社保', true],
  ['C006', 'ecology', '市生态环境局', '生态环境', true],
  ['C007', 'housing', '市住房城乡建设局', '住房建设', true],
  ['C008', 'transport', '市交通运输局', '交通运输', true],
  ['C009', 'public_security', '市公安局', '公安', true],
  ['C010', 'finance', '市财政局', '财政', true],
  ['C011', 'natural_resources', '市自然资源局', '自然资源', true],
  ['C012', 'agriculture', '市农业农村局', '农业农村', true],
  ['C013', 'commerce', '市商务局', '商务', true],
  ['C014', 'culture_tourism', '市文化广电旅游局', '文化旅游', true],
  ['C015', 'health', '市卫生健康委', '卫生健康', true],
  ['C016', 'emergency', '市应急管理局', '应急管理', true],
  ['C017', 'education', '市教育局', '教育', true],
  ['C018', 'civil_affairs', '市民政局', '民政', true],
  ['C019', 'justice', '市司法局', '司法行政', true],
  ['C020', 'customs', '示范海关', '海关', true],
  ['C021', 'medical_insurance', '市医保局', '医疗保障', true],
  ['C022', 'urban_management', '市城管局', '城市管理', true],
  ['C023', 'water', '市水务局', '水务', true],
  ['C024', 'statistics', '市统计局', '统计', true],
  ['C025', 'central_bank', '人民银行示范市分行', '人民银行', true],
  ['C026', 'financial_regulation', '示范金融监管分局', '金融监管', true],
  ['C027', 'tobacco', '市烟草专卖局', '烟草专卖', false],
  ['C028', 'drug', '市药监局', '药品监管', true],
  ['C029', 'fire', '市消防救援支队', '消防救援', true],
  ['C030', 'meteorology', '市气象局', '气象', false],
  ['C031', 'procuratorate', '市人民检察院', '检察院', true],
  ['C032', 'industry', '市工业和信息化局', '工业信息化', true],
  ['C033', 'science', '市科学技术局', '科技', true],
  ['C034', 'government_data', '市政务服务数据管理局', '政务数据', true],
  ['C035', 'audit', '市审计局', '审计', true],
  ['C036', 'forestry', '市林业局', '林业', true],
  ['C037', 'veterans', '市退役军人事务局', '退役军人', true],
  ['C038', 'cyberspace', '市委网信办', '网信', true],
  ['C039', 'postal', '市邮政管理局', '邮政管理', false],
  ['C040', 'sports', '市体育局', '体育', false],
];

export const cityUnits: Unit[] = CITY_UNIT_SPECS.map(([code, kind, name, shortName, member], i) => ({
  code,
  name,
  shortName,
  level: 'city',
  districtCode: CITY_CODE,
  member,
  kind,
  sort: i + 1,
}));

type DistrictType = 'urban' | 'county' | 'county_city';

/** 区 / 县 / 县级市, from the district's name. */
export function districtType(d: District): DistrictType {
  if (d.name.endsWith('县')) return 'county';
  if (d.name.endsWith('市')) return 'county_city';
  return 'urban';
}

type DistrictUnitTemplate = {
  /** Two-digit number used in the unit code; never reuse or renumber. */
  no: string;
  kind: UnitKind;
  /** Name suffix after the district name in an urban district (区). */
  suffix: string;
  /** Name suffix in a county (县) or county-level city, when it differs. */
  countySuffix?: string;
  shortName: string;
  /** Only in counties and county-level cities. */
  countyOnly?: boolean;
};

/** Units each district has (about 10; counties and the county-level city also have 农业农村局). */
export const DISTRICT_UNIT_TEMPLATES: DistrictUnitTemplate[] = [
  { no: '01', kind: 'market', suffix: '市场监管局', shortName: '市场监管' },
  { no: '02', kind: 'tax', suffix: '税务局', shortName: '税务' },
  { no: '03', kind: 'court', suffix: '人民法院', shortName: '法院' },
  { no: '04', kind: 'hr', suffix: '人社局', shortName: '人社' },
  { no: '05', kind: 'ecology', suffix: '生态环境分局', shortName: '生态环境' },
  { no: '06', kind: 'housing', suffix: '住建局', shortName: '住建' },
  { no: '07', kind: 'transport', suffix: '交通运输局', shortName: '交通运输' },
  { no: '08', kind: 'public_security', suffix: '公安分局', countySuffix: '公安局', shortName: '公安' },
  { no: '09', kind: 'emergency', suffix: '应急管理局', shortName: '应急管理' },
  { no: '10', kind: 'health', suffix: '卫健委', shortName: '卫健' },
  { no: '11', kind: 'agriculture', suffix: '农业农村局', shortName: '农业农村', countyOnly: true },
];

/** The units of one district, deterministic from the district and the templates. */
export function unitsOfDistrict(d: District): Unit[] {
  if (d.level !== 'district') return [];
  const type = districtType(d);
  return DISTRICT_UNIT_TEMPLATES.filter((t) => !t.countyOnly || type !== 'urban').map((t, i) => ({
    code: `D${d.code}-${t.no}`,
    name: `${d.name}${type === 'urban' ? t.suffix : (t.countySuffix ?? t.suffix)}`,
    shortName: `${d.shortName}${t.shortName}`,
    level: 'district',
    districtCode: d.code,
    member: true,
    kind: t.kind,
    sort: d.sort * 100 + i + 1,
  }));
}

export const districtUnits: Unit[] = districts.flatMap(unitsOfDistrict);

/** All units: city-level units first, then district units in district order. */
export const units: Unit[] = [...cityUnits, ...districtUnits];
