'use client';

import type { ScreenFigures } from './types';
import { formatInt, formatRate } from '../format';
import { useI18n } from '../I18nProvider';
import { fill } from '../publicity/filters';
import { Change, ScreenPanel } from './ScreenPanel';

/** 归集 year to date against the target, with the projection drawn as a marker on the same bar. */
export function IngestionPanel({ f }: { f: ScreenFigures }) {
  const t = useI18n().t.screen.ingestion;
  const { accepted, target, targetCompletion, projection, onTrack } = f.ingestion;
  const share = (n: number | null) => (target ? Math.min(100, ((n ?? 0) / target) * 100) : 0);
  return (
    <ScreenPanel title={t.title} testId="panel-ingestion" className="flex-1" center>
      <div className="flex items-end justify-between">
        <div>
          <div className="text-[17px] text-slate-400">{t.accepted}</div>
          <div data-testid="ingestion-accepted" data-value={accepted} className="text-[52px] font-bold leading-none tabular-nums text-sky-300">
            {formatInt(accepted)}
          </div>
        </div>
        <div className="text-right text-[18px] text-slate-300">
          <div>
            {t.target} <span className="tabular-nums">{formatInt(target)}</span>
          </div>
          <div>
            {t.completion} <span data-testid="ingestion-completion" className="font-semibold tabular-nums text-sky-200">{formatRate(targetCompletion)}</span>
          </div>
        </div>
      </div>
      <div className="relative mt-4 h-5 rounded bg-slate-700">
        <div className="h-5 rounded bg-sky-500" style={{ width: `${share(accepted)}%` }} />
        <div className="absolute top-[-6px] h-8 w-1 bg-amber-300" style={{ left: `calc(${share(projection)}% - 2px)` }} title={t.projection} />
      </div>
      <div className="mt-2 flex justify-between text-[18px]">
        <span className="text-slate-300">
          {t.projection} <span data-testid="ingestion-projection" className="tabular-nums text-amber-300">{formatInt(projection === null ? null : Math.round(projection))}</span>
        </span>
        <span className={onTrack ? 'text-emerald-400' : 'text-rose-400'}>{onTrack ? t.onTrack : t.offTrack}</span>
      </div>
    </ScreenPanel>
  );
}

/** 双公示 on-time rate of the last closed month and of the year, with month-on-month and year-on-year change. */
export function PublicityPanel({ f }: { f: ScreenFigures }) {
  const t = useI18n().t.screen.publicity;
  const { month, ytd } = f.publicity;
  return (
    <ScreenPanel title={t.title} testId="panel-publicity" className="flex-1" center>
      <div className="grid grid-cols-2 gap-4">
        <div>
          <div className="text-[17px] text-slate-400">{fill(t.month, { month: f.month })}</div>
          <div data-testid="publicity-month" data-value={month.value ?? ''} className="text-[48px] font-bold leading-tight tabular-nums text-amber-300">
            {formatRate(month.value)}
          </div>
          <div className="text-[17px] text-slate-300">
            {t.mom} <Change value={month.change} unit={t.pp} testId="publicity-mom" />
          </div>
          <div className="text-[17px] text-slate-300">
            {t.yoy} <Change value={month.yoy} unit={t.pp} testId="publicity-yoy" />
          </div>
        </div>
        <div>
          <div className="text-[17px] text-slate-400">{t.ytd}</div>
          <div data-testid="publicity-ytd" data-value={ytd.value ?? ''} className="text-[48px] font-bold leading-tight tabular-nums text-amber-200">
            {formatRate(ytd.value)}
          </div>
          <div className="text-[17px] text-slate-300">
            {t.lastYear} <span className="tabular-nums">{formatRate(ytd.previous)}</span>
          </div>
          <div className="text-[17px] text-slate-300">
            {t.yoy} <Change value={ytd.change} unit={t.pp} testId="publicity-ytd-yoy" />
          </div>
        </div>
      </div>
    </ScreenPanel>
  );
}

/** 联合奖惩 feedback and timely rates of the year, against the feedback target. */
export function SanctionsPanel({ f }: { f: ScreenFigures }) {
  const t = useI18n().t.screen.sanctions;
  const { feedbackRate, timelyRate, target, pushes } = f.sanctions;
  return (
    <ScreenPanel title={t.title} testId="panel-sanctions" className="flex-1" center>
      <div className="grid grid-cols-2 gap-4">
        <div>
          <div className="text-[17px] text-slate-400">{t.feedback}</div>
          <div data-testid="sanctions-feedback" data-value={feedbackRate ?? ''} className="text-[48px] font-bold leading-tight tabular-nums text-cyan-300">
            {formatRate(feedbackRate)}
          </div>
          <div className="text-[17px] text-slate-300">
            {t.target} {formatRate(target)}
          </div>
        </div>
        <div>
          <div className="text-[17px] text-slate-400">{t.timely}</div>
          <div data-testid="sanctions-timely" data-value={timelyRate ?? ''} className="text-[48px] font-bold leading-tight tabular-nums text-cyan-200">
            {formatRate(timelyRate)}
          </div>
          <div className="text-[17px] text-slate-300">{fill(t.pushes, { n: formatInt(pushes) })}</div>
        </div>
      </div>
    </ScreenPanel>
  );
}
