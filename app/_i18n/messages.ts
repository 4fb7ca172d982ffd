/** UI labels. zh-CN is the default; en is kept key-for-key identical (checked by a unit test). */
export const zhCN = {
  appName: '信用监管监测平台',
  appSubtitle: '社会信用体系建设领导小组办公室',
  nav: {
    overview: '总览',
    ingestion: '归集',
    publicity: '双公示',
    sanctions: '联合奖惩',
    assessment: '考核排名',
    inspection: '督查',
    admin: '管理',
  },
  common: {
    loading: '加载中…',
    empty: '暂无数据',
    error: '数据加载失败',
    retry: '重试',
    exportCsv: '导出 CSV',
    period: '统计区间',
    asOf: '数据截至',
    total: '合计',
    switchLanguage: 'English',
    howComputed: '口径说明',
  },
  overview: {
    title: '总览',
    acceptedTotal: '归集数据量（去重）',
    qualityRate: '数据质量合格率',
    districtsReporting: '报送区县数',
    unitsReporting: '报送单位数',
    byMonthTitle: '各月归集数据量',
    byMonthNote:
      '按平台接收日期统计各月通过校验的数据条数，同一主键重复报送只计一次（按首次接收日计入）。含公共信用信息记录、行政许可、行政处罚三类。',
    byDistrictTitle: '各区县归集情况',
    byDistrictNote:
      '归集量为统计区间内首次接收的去重数据条数；合格率 = 通过校验的行数 ÷（通过 + 被拒行数），按实际接收行数计。',
    records: '信用信息记录',
    licenses: '行政许可',
    penalties: '行政处罚',
    district: '区县',
    units: '报送单位',
    accepted: '归集量',
    acceptedRows: '接收行数',
    rejectedRows: '被拒行数',
  },
  placeholder: {
    title: '建设中',
    body: '本页面将在后续版本中提供以下内容：',
    ingestion: '归集数量与质量、目标完成与年末预测、缺报与数据量异常，以及逐条下钻。',
    publicity: '行政许可、行政处罚 7 个工作日内公示的及时率、迟报与漏报清单、预警。',
    sanctions: '联合奖惩推送与反馈：反馈率、及时率、执行率，逾期未反馈清单与案件时间线。',
    assessment: '区县与成员单位的月度考核得分、排名及其变化，每项得分可追溯到明细。',
    inspection: '督查工作台：跨模块的问题清单、导出与督办通知单。',
    admin: '用户、令牌、考核方案、工作日历与审计日志的管理。',
  },
};

export type Messages = typeof zhCN;

export const en: Messages = {
  appName: 'Credit Supervision Monitor',
  appSubtitle: 'Office of the Social Credit System Leadership Group',
  nav: {
    overview: 'Overview',
    ingestion: 'Ingestion',
    publicity: 'Double publicity',
    sanctions: 'Joint sanctions',
    assessment: 'Assessment',
    inspection: 'Inspection',
    admin: 'Admin',
  },
  common: {
    loading: 'Loading…',
    empty: 'No data',
    error: 'Could not load the data',
    retry: 'Retry',
    exportCsv: 'Export CSV',
    period: 'Period',
    asOf: 'As of',
    total: 'Total',
    switchLanguage: '中文',
    howComputed: 'How it is computed',
  },
  overview: {
    title: 'Overview',
    acceptedTotal: 'Accepted records (distinct)',
    qualityRate: 'Quality rate',
    districtsReporting: 'Districts reporting',
    unitsReporting: 'Units reporting',
    byMonthTitle: 'Accepted volume by month',
    byMonthNote:
      'Rows that passed validation, by the platform receipt month; a key resent counts once (in the month it was first received). Records, licences and penalties.',
    byDistrictTitle: 'Ingestion by district',
    byDistrictNote:
      'Accepted = distinct keys first received in the period; quality rate = accepted rows ÷ (accepted + rejected rows), counting rows as received.',
    records: 'Credit records',
    licenses: 'Licences',
    penalties: 'Penalties',
    district: 'District',
    units: 'Units reporting',
    accepted: 'Accepted',
    acceptedRows: 'Rows accepted',
    rejectedRows: 'Rows rejected',
  },
  placeholder: {
    title: 'Under construction',
    body: 'This page will hold:',
    ingestion: 'Ingestion volume and quality, target completion and projection, missing submissions and anomalies, with drill-down.',
    publicity: 'Seven-working-day publication timeliness of licences and penalties, late and missing items, early warnings.',
    sanctions: 'Joint sanction pushes and feedback: feedback, timely and execution rates, overdue pushes and case timelines.',
    assessment: 'Monthly district and unit scores, ranks and movement, each score traceable to its items.',
    inspection: 'Inspector workbench: open problems across modules, exports and supervision notices.',
    admin: 'Users, tokens, scoring scheme, working-day calendar and the audit log.',
  },
};

export const LOCALES = { 'zh-CN': zhCN, en } as const;
export type Locale = keyof typeof LOCALES;
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export function isLocale(value: string | undefined): value is Locale {
  return value === 'zh-CN' || value === 'en';
}
