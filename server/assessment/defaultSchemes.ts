/**
 * The default schemes shipped as version 1 for each level (each sums to 100). Built on the figures of the other
 * dashboards; the office changes them in 管理 → 考核方案, which stores a new version from a chosen month.
 */
import type { Indicator, Level } from '../../shared/assessmentScheme';

const common: Indicator[] = [
  {
    code: 'ING_TARGET', name: '归集目标完成率', metric: 'ingestion_target', maxPoints: 20, method: { kind: 'target' },
    description: '年初至考核期末归集量 ÷ 按工作日折算至期末的年度目标，满额得满分',
  },
  {
    code: 'ING_QUALITY', name: '归集数据质量', metric: 'ingestion_quality', maxPoints: 15, method: { kind: 'threshold', lo: 0.8, hi: 0.95 },
    description: '合格行 ÷（合格行 + 退回行），≥ 95% 得满分，< 80% 不得分，之间线性',
  },
  {
    code: 'PUB_ON_TIME', name: '双公示按时率', metric: 'publicity_on_time', maxPoints: 25, method: { kind: 'rate', whenUndefined: 'full' },
    description: '7 个工作日内公示的决定 ÷ 应公示决定（不含未到期），满分 × 按时率',
  },
  {
    code: 'PUB_OVERDUE', name: '超期未公示扣分', metric: 'publicity_overdue', maxPoints: 10, method: { kind: 'deduction', perItem: 0.5 },
    description: '考核期内作出、期末仍超期未公示的决定每件扣 0.5 分，扣完为止',
  },
  {
    code: 'SAN_FEEDBACK', name: '联合奖惩反馈率', metric: 'sanction_feedback', maxPoints: 10, method: { kind: 'rate', whenUndefined: 'full' },
    description: '已反馈 ÷（已反馈 + 逾期未反馈），满分 × 反馈率',
  },
  {
    code: 'SAN_TIMELY', name: '联合奖惩及时反馈率', metric: 'sanction_timely', maxPoints: 10, method: { kind: 'rate', whenUndefined: 'full' },
    description: '按期反馈 ÷（已反馈 + 逾期未反馈），满分 × 及时率',
  },
  {
    code: 'MAN_PROMOTION', name: '信用宣传与承诺', metric: 'manual', maxPoints: 10, method: { kind: 'manual', defaultScore: 10 },
    description: '信用办按宣传、信用承诺工作情况录入并说明理由；未录入按满分计',
  },
];

export const DEFAULT_SCHEMES: Readonly<Record<Level, { name: string; indicators: Indicator[] }>> = {
  district: { name: '区县考核方案（默认）', indicators: common },
  unit: { name: '成员单位考核方案（默认）', indicators: common },
};

/** Version 1 applies from long before any data, so every period has a scheme. */
export const DEFAULT_EFFECTIVE_FROM = '2000-01';
