'use client';

import { useMemo } from 'react';
import type { ScreenFigures } from './types';
import { useI18n } from '../I18nProvider';
import { ScreenChart } from './ScreenChart';
import { ScreenPanel } from './ScreenPanel';
import { trendOption } from './screenOptions';

export function TrendPanel({ f, scale }: { f: ScreenFigures; scale: number }) {
  const t = useI18n().t.screen;
  const option = useMemo(() => trendOption(f.trend, t), [f.trend, t]);
  return (
    <ScreenPanel title={t.trend.title} testId="panel-trend" className="h-full">
      <ScreenChart option={option} scale={scale} label={t.trend.title} />
    </ScreenPanel>
  );
}
