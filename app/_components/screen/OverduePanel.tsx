'use client';

import type { ScreenFigures } from './types';
import { formatInt } from '../format';
import { useI18n } from '../I18nProvider';
import { ScreenPanel } from './ScreenPanel';

/** What became overdue today, per unit (counts only: a display reads no items). */
export function OverduePanel({ f }: { f: ScreenFigures }) {
  const t = useI18n().t.screen.overdue;
  const o = f.overdueToday;
  return (
    <ScreenPanel title={t.title} testId="panel-overdue" className="flex-1">
      <div className="mb-2 flex gap-6 text-[18px]">
        <span className="text-slate-300">
          {t.publicity} <b data-testid="overdue-publicity" className="text-[26px] tabular-nums text-rose-400">{formatInt(o.publicity)}</b>
        </span>
        <span className="text-slate-300">
          {t.sanctions} <b data-testid="overdue-sanctions" className="text-[26px] tabular-nums text-orange-400">{formatInt(o.sanctions)}</b>
        </span>
      </div>
      {o.units.length === 0 ? (
        <p className="text-[18px] text-slate-500">{t.none}</p>
      ) : (
        <ul className="overflow-hidden" data-testid="overdue-units">
          {o.units.slice(0, 6).map((u) => (
            <li key={u.unitCode} className="grid grid-cols-[1fr_70px_70px] text-[18px] leading-[28px] tabular-nums">
              <span className="truncate text-slate-100" title={u.unitName}>{u.unitName}</span>
              <span className="text-right text-rose-300">{u.publicity || ''}</span>
              <span className="text-right text-orange-300">{u.sanctions || ''}</span>
            </li>
          ))}
        </ul>
      )}
    </ScreenPanel>
  );
}
