/**
 * One district's or unit's assessment page: its row of the period's ranking with every indicator explained, how it
 * compares with the average and the best of all entities per indicator (the radar), and its total and rank over the
 * last twelve months.
 */
import { parsePeriod, monthsUpTo } from '../../assessment/periods';
import { ClientError } from '../../errors';
import type { Level } from '../../../shared/assessmentScheme';
import { round2 } from '../../domain/scoring';
import { assessmentRanking, rankingWithoutPrevious, type AssessmentRanking, type AssessmentRow } from './ranking';

export type IndicatorComparison = { code: string; name: string; max: number; score: number; average: number; best: number };

export type EntityAssessment = {
  ranking: Omit<AssessmentRanking, 'rows'> & { entities: number };
  row: AssessmentRow;
  comparison: IndicatorComparison[];
  history: Array<{ period: string; total: number; rank: number; entities: number; schemeVersion: number }>;
};

export class UnknownEntityError extends ClientError {
  constructor(message: string) {
    super(404, message);
    this.name = 'UnknownEntityError';
  }
}

export async function entityAssessment(input: { level: Level; code: string; period: string; months?: number }): Promise<EntityAssessment> {
  const ranking = await assessmentRanking(input);
  const row = ranking.rows.find((r) => r.code === input.code);
  if (!row) throw new UnknownEntityError(`${input.code} 不是被考核的${input.level === 'district' ? '区县' : '成员单位'} (not an assessed ${input.level})`);
  const comparison = row.indicators.map((ind, i) => {
    const scores = ranking.rows.map((r) => r.indicators[i]!.score);
    return {
      code: ind.code,
      name: ind.name,
      max: ind.max,
      score: ind.score,
      average: round2(scores.reduce((s, x) => s + x, 0) / Math.max(1, scores.length)),
      best: Math.max(...scores),
    };
  });
  const lastMonth = parsePeriod(input.period).to.slice(0, 7);
  const months = monthsUpTo(lastMonth, input.months ?? 12);
  // Sequential: each month's figures are memoized once closed; running them all at once would only contend.
  const history: EntityAssessment['history'] = [];
  for (const month of months) {
    const r = await rankingWithoutPrevious(input.level, month);
    const mine = r.rows.find((x) => x.code === input.code);
    if (mine) history.push({ period: month, total: mine.total, rank: mine.rank, entities: r.rows.length, schemeVersion: r.schemeVersion });
  }
  const { rows, ...rest } = ranking;
  return { ranking: { ...rest, entities: rows.length }, row, comparison, history };
}
