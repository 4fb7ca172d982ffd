'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import type { ScreenFigures } from './types';
import { useI18n } from '../I18nProvider';
import { registerDistrictMap, ScreenChart } from './ScreenChart';
import { ScreenPanel } from './ScreenPanel';
import { MAP_FIGURES, MAP_NAME, mapOption, type MapFigure } from './screenOptions';

/**
 * The district map coloured by one figure; it moves on to the next figure every `cycleSeconds` (a click on a figure
 * picks it and restarts the count). Hover shows a district's figures, a click opens its assessment page.
 */
export function DistrictMapPanel({ f, geoJson, scale, cycleSeconds }: { f: ScreenFigures; geoJson: object; scale: number; cycleSeconds: number }) {
  const t = useI18n().t.screen;
  const router = useRouter();
  const [figure, setFigure] = useState<MapFigure>('assessmentTotal');
  const [picked, setPicked] = useState(0);
  useEffect(() => {
    if (cycleSeconds <= 0) return;
    const id = setInterval(() => setFigure((x) => MAP_FIGURES[(MAP_FIGURES.indexOf(x) + 1) % MAP_FIGURES.length]!), cycleSeconds * 1000);
    return () => clearInterval(id);
  }, [cycleSeconds, picked]);
  const registered = useMemo(() => {
    registerDistrictMap(MAP_NAME, geoJson);
    return true;
  }, [geoJson]);
  const option = useMemo(() => mapOption(f.districts, figure, t), [f.districts, figure, t]);
  const codes = useMemo(() => new Set((geoJson as { features?: Array<{ properties?: { code?: string } }> }).features?.map((x) => x.properties?.code)), [geoJson]);
  const coloured = f.districts.filter((d) => codes.has(d.code) && d[figure] !== null).length;
  return (
    <ScreenPanel title={`${t.map.title} · ${t.map.figures[figure]}`} testId="panel-map" className="h-full">
      <div className="flex h-full flex-col">
        <div className="flex shrink-0 gap-2" role="tablist">
          {MAP_FIGURES.map((x) => (
            <button
              key={x}
              type="button"
              role="tab"
              aria-selected={x === figure}
              onClick={() => {
                setFigure(x);
                setPicked((n) => n + 1);
              }}
              className={`rounded px-3 py-1 text-[17px] ${x === figure ? 'bg-sky-500 text-slate-950' : 'bg-slate-800 text-slate-300'}`}
            >
              {t.map.figures[x]}
            </button>
          ))}
        </div>
        <div className="min-h-0 flex-1" data-testid="district-map" data-figure={figure} data-districts={codes.size} data-coloured={coloured}>
          {registered && (
            <ScreenChart
              option={option}
              scale={scale}
              label={t.map.title}
              onClick={(p) => {
                const code = (p.data as { district?: { code: string } } | undefined)?.district?.code;
                if (code) router.push(`/assessment/district/${encodeURIComponent(code)}`);
              }}
            />
          )}
        </div>
      </div>
    </ScreenPanel>
  );
}
