export * from './recordsByMonth';
export * from './totalsByDistrict';
