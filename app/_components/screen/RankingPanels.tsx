'use client';

import type { RankedEntity, ScreenFigures } from './types';
import { useI18n } from '../I18nProvider';
import { fill } from '../publicity/filters';
import { ScreenPanel } from './ScreenPanel';

/** A rank's movement since the previous period: ▲n up, ▼n down, – unchanged or new. */
function Movement({ m }: { m: number | null }) {
  if (m === null || m === 0) return <span className="text-slate-500">–</span>;
  return m > 0 ? <span className="text-emerald-400">▲{m}</span> : <span className="text-rose-400">▼{-m}</span>;
}

function Row({ r, points, dense }: { r: RankedEntity; points: string; dense?: boolean }) {
  return (
    <li data-testid="rank-row" data-code={r.code} className={`grid grid-cols-[44px_1fr_96px_68px] items-center tabular-nums ${dense ? 'text-[18px] leading-[27px]' : 'text-[19px] leading-[29px]'}`}>
      <span className={r.rank <= 3 ? 'font-bold text-amber-300' : 'text-slate-400'}>{r.rank}</span>
      <span className="truncate text-slate-100" title={r.name}>{dense ? r.shortName || r.name : r.name}</span>
      <span className="text-right text-sky-200">
        {r.total.toFixed(1)}
        <span className="ml-1 text-[14px] text-slate-500">{points}</span>
      </span>
      <span className="text-right">
        <Movement m={r.movement} />
      </span>
    </li>
  );
}

/** The districts of the last closed month, best first, with their movement. */
export function DistrictRankingPanel({ f }: { f: ScreenFigures }) {
  const t = useI18n().t.screen.districtRanking;
  return (
    <ScreenPanel title={fill(t.title, { month: f.month })} testId="panel-district-ranking" className="shrink-0">
      <ol className="grid grid-cols-2 gap-x-6">
        {f.districtRanking.map((r) => (
          <Row key={r.code} r={r} points={t.points} dense />
        ))}
      </ol>
    </ScreenPanel>
  );
}

/** The unit ranking's top and bottom five of the last closed month. */
export function UnitEndsPanel({ f }: { f: ScreenFigures }) {
  const { t } = useI18n();
  const u = t.screen.units;
  return (
    <ScreenPanel title={`${fill(u.title, { month: f.month })}（${fill(u.of, { n: f.unitCount })}）`} testId="panel-units" className="shrink-0">
      <div className="flex flex-col gap-2">
        <div data-testid="units-top">
          <div className="text-[16px] text-emerald-300">{u.top}</div>
          <ol>
            {f.unitTop.map((r) => (
              <Row key={r.code} r={r} points={t.screen.districtRanking.points} />
            ))}
          </ol>
        </div>
        <div data-testid="units-bottom">
          <div className="text-[16px] text-rose-300">{u.bottom}</div>
          <ol>
            {f.unitBottom.map((r) => (
              <Row key={r.code} r={r} points={t.screen.districtRanking.points} />
            ))}
          </ol>
        </div>
      </div>
    </ScreenPanel>
  );
}
