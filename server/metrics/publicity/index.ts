export * from './cube';
export * from './inputs';
export * from './items';
export * from './kpi';
