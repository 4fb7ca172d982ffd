import type { District } from './types';

/** Code of the city level (市本级). City-level units carry this district code. */
export const CITY_CODE = '990100';

/** Name of the fictional demo city. */
export const CITY_NAME = '示范市';

/**
 * 示范市: the city level plus 16 districts (12 区, 3 县, 1 县级市).
 * Codes are fictional (99xxxx is not an administrative division code in use).
 */
export const districts: District[] = [
  { code: CITY_CODE, name: '市本级', shortName: '市本级', level: 'city', sort: 0 },
  { code: '990102', name: '东城区', shortName: '东城', level: 'district', sort: 1 },
  { code: '990103', name: '西湖区', shortName: '西湖', level: 'district', sort: 2 },
  { code: '990104', name: '南山区', shortName: '南山', level: 'district', sort: 3 },
  { code: '990105', name: '北辰区', shortName: '北辰', level: 'district', sort: 4 },
  { code: '990106', name: '滨江区', shortName: '滨江', level: 'district', sort: 5 },
  { code: '990107', name: '青云区', shortName: '青云', level: 'district', sort: 6 },
  { code: '990108', name: '长宁区', shortName: '长宁', level: 'district', sort: 7 },
  { code: '990109', name: '金沙区', shortName: '金沙', level: 'district', sort: 8 },
  { code: '990110', name: '凤凰区', shortName: '凤凰', level: 'district', sort: 9 },
  { code: '990111', name: '龙泉区', shortName: '龙泉', level: 'district', sort: 10 },
  { code: '990112', name: '桃源区', shortName: '桃源', level: 'district', sort: 11 },
  { code: '990113', name: '临港区', shortName: '临港', level: 'district', sort: 12 },
  { code: '990114', name: '云溪县', shortName: '云溪', level: 'district', sort: 13 },
  { code: '990115', name: '白石县', shortName: '白石', level: 'district', sort: 14 },
  { code: '990116', name: '安平县', shortName: '安平', level: 'district', sort: 15 },
  { code: '990117', name: '清河市', shortName: '清河', level: 'district', sort: 16 },
];
