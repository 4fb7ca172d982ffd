/**
 * Demo entries of the manual assessment indicator (信用宣传与承诺): for the last six completed months, some districts
 * and member units lose points with a reason, as the office would record them. Deterministic from the seed.
 */
import { lastCompletedMonth, monthsUpTo } from '../../server/assessment/periods';
import type { Level } from '../../shared/assessmentScheme';
import { referenceData } from '../reference';
import { rootRng } from './random';

const REASONS = [
  '信用承诺书公示不及时，扣分',
  '信用宣传月活动材料报送不全',
  '“诚信建设万里行”主题宣传开展不足',
  '信用承诺履约情况未按期报送',
  '信用修复政策宣传覆盖面不足',
];

export type DemoManualScore = {
  level: Level;
  period: string;
  indicator_code: string;
  entity_code: string;
  score: number;
  reason: string;
  entered_by: string;
  entered_at: string;
};

/** Entries for the default scheme's manual indicator (MAN_PROMOTION, 10 points). */
export function demoManualScores(seed: number, today: string): DemoManualScore[] {
  const rng = rootRng(seed).fork('manual-scores');
  const months = monthsUpTo(lastCompletedMonth(today), 6);
  const entities: Array<{ level: Level; code: string }> = [
    ...referenceData.districts.filter((d) => d.level === 'district').map((d) => ({ level: 'district' as const, code: d.code })),
    ...referenceData.units.filter((u) => u.member).map((u) => ({ level: 'unit' as const, code: u.code })),
  ];
  const out: DemoManualScore[] = [];
  for (const month of months) {
    for (const e of entities) {
      if (rng.next() > (e.level === 'district' ? 0.35 : 0.12)) continue;
      const score = 10 - rng.int(1, 4) * 0.5 * (rng.next() < 0.3 ? 2 : 1);
      out.push({
        level: e.level,
        period: month,
        indicator_code: 'MAN_PROMOTION',
        entity_code: e.code,
        score,
        reason: REASONS[rng.int(0, REASONS.length - 1)]!,
        entered_by: '信用办（演示数据）',
        entered_at: `${month}-28 16:00:00.000`,
      });
    }
  }
  return out;
}
