'use client';

import { useI18n } from '../I18nProvider';
import { fill } from '../publicity/filters';
import { DistrictMapPanel } from './DistrictMapPanel';
import { IngestionPanel, PublicityPanel, SanctionsPanel } from './HeadlinePanels';
import { OverduePanel } from './OverduePanel';
import { DistrictRankingPanel, UnitEndsPanel } from './RankingPanels';
import { ScaledCanvas, useCanvasScale } from './ScaledCanvas';
import { TrendPanel } from './TrendPanel';
import { useDistrictMap, useScreenFigures } from './useScreenData';

const clock = (ms: number) => (ms ? new Date(ms).toLocaleTimeString('zh-CN', { hour12: false }) : '—');

/** 大屏 (issue 17): a 1920×1080 stage of panels, refreshed every `refreshSeconds` without a person at the keyboard. */
export function ScreenPage({ screenKey, refreshSeconds, cycleSeconds }: { screenKey: string | null; refreshSeconds: number; cycleSeconds: number }) {
  const t = useI18n().t.screen;
  const scale = useCanvasScale();
  const figures = useScreenFigures(screenKey, refreshSeconds);
  const map = useDistrictMap(screenKey);
  const f = figures.data;
  // The last answer stays up when a refresh fails; the header says since when.
  const stale = figures.isError && f !== undefined;
  return (
    <ScaledCanvas scale={scale}>
      <div className="flex h-full flex-col bg-[radial-gradient(ellipse_at_top,#0c1f44_0%,#020617_70%)] p-5 text-slate-100">
        <header className="mb-4 grid h-[70px] shrink-0 grid-cols-[1fr_auto_1fr] items-center border-b border-sky-900/80">
          <div className="text-[19px] text-slate-300" data-testid="screen-cutoff">
            {f && (
              <>
                {fill(t.cutOff, { asOf: f.asOf })}
                <span className="ml-5 text-slate-400">{fill(t.month, { month: f.month })}</span>
              </>
            )}
          </div>
          <h1 className="bg-gradient-to-b from-white to-sky-300 bg-clip-text text-[38px] font-bold tracking-[0.12em] text-transparent">{t.title}</h1>
          <div className="text-right text-[18px]">
            {stale ? (
              <span role="alert" data-testid="screen-stale" className="rounded bg-rose-900/80 px-3 py-1 text-rose-100">
                ⚠ {fill(t.stale, { time: clock(figures.dataUpdatedAt) })}
              </span>
            ) : (
              <span className="text-slate-400" data-testid="screen-refreshed">{fill(t.refreshed, { time: clock(figures.dataUpdatedAt) })}</span>
            )}
          </div>
        </header>
        {!f ? (
          <div className="flex flex-1 items-center justify-center text-[28px] text-slate-400" role={figures.isError ? 'alert' : 'status'}>
            {figures.isError ? fill(t.failed, { message: figures.error.message }) : t.loading}
          </div>
        ) : (
          <main className="grid min-h-0 flex-1 grid-cols-[540px_1fr_560px] gap-4">
            <div className="flex min-h-0 flex-col gap-4">
              <IngestionPanel f={f} />
              <PublicityPanel f={f} />
              <SanctionsPanel f={f} />
            </div>
            <div className="flex min-h-0 flex-col gap-4">
              <div className="min-h-0 flex-1">
                {map.data ? (
                  <DistrictMapPanel f={f} geoJson={map.data} scale={scale} cycleSeconds={cycleSeconds} />
                ) : (
                  <div className="h-full rounded-lg border border-sky-900/70" />
                )}
              </div>
              <div className="h-[270px] shrink-0">
                <TrendPanel f={f} scale={scale} />
              </div>
            </div>
            <div className="flex min-h-0 flex-col gap-4">
              <DistrictRankingPanel f={f} />
              <UnitEndsPanel f={f} />
              <OverduePanel f={f} />
            </div>
          </main>
        )}
      </div>
    </ScaledCanvas>
  );
}
