'use client';

import type { SchemeSummary } from '@/server/metrics/assessment/ranking';
import { totalPoints } from '@/shared/assessmentScheme';
import { useI18n } from '../I18nProvider';
import { Panel } from '../Panel';
import { fill, formatPoints, methodText } from './explain';

/** The scheme version a ranking was scored under, with each indicator's points and method (description on hover). */
export function SchemePanel({ scheme, previousSchemeVersion, previousPeriod }: { scheme: SchemeSummary; previousSchemeVersion?: number; previousPeriod?: string }) {
  const { t } = useI18n();
  const a = t.assessmentPage;
  return (
    <Panel title={a.scheme} note={a.schemeNote}>
      <p className="text-sm" data-testid="scheme-line">
        {fill(a.schemeLine, { name: scheme.name, version: scheme.version, from: scheme.effectiveFrom, max: formatPoints(totalPoints(scheme.indicators)) })}
      </p>
      {previousSchemeVersion !== undefined && previousSchemeVersion !== scheme.version && previousPeriod && (
        <p className="mt-1 text-xs text-amber-700">{fill(a.previousScheme, { period: previousPeriod, version: previousSchemeVersion })}</p>
      )}
      <ul className="mt-2 grid gap-x-6 gap-y-1 text-sm md:grid-cols-2" data-testid="scheme-indicators">
        {scheme.indicators.map((i) => (
          <li key={i.code} title={i.description || undefined} className="flex gap-2">
            <span className="w-10 shrink-0 text-right font-medium tabular-nums">{formatPoints(i.maxPoints)}</span>
            <span>
              <span className="font-medium">{i.name}</span>
              <span className="ml-1 text-xs text-slate-500">{methodText(i.method, a)}</span>
              {i.description && <span className="block text-xs text-slate-400">{i.description}</span>}
            </span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
