/** Labels of the ingestion pages. zh is the default; en must have the same keys (checked by tests/unit/ui-pure.test.ts). */
export const zh = {};

export const en: typeof zh = {};
