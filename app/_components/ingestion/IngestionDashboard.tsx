'use client';

import { Stat } from '../Stat';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useI18n } from '../I18nProvider';
import { formatInt, formatRate } from '../format';
import { useTRPC } from '../TrpcProvider';
import { AnomaliesView } from './AnomaliesView';
import { FilterBar } from './FilterBar';
import { VIEWS } from './filters';
import { MissingView } from './MissingView';
import { QualityView } from './QualityView';
import { TargetsView } from './TargetsView';
import { useDashboard } from './useDashboard';
import { VolumeView } from './VolumeView';


/** 归集 dashboard: filters in the URL, headline figures, and one view at a time (each view fetches only its own). */
export function IngestionDashboard() {
  const { t, tc, filters, view, link } = useDashboard();
  const { t: tAll } = useI18n();
  const trpc = useTRPC();
  // The district grouping's total is the filtered scope; the targets view reuses the same query.
  const kpi = useQuery(trpc.ingestion.kpi.queryOptions({ ...filters, groupBy: 'district' }));
  const total = kpi.data?.total;
  const ready = (s: string) => (kpi.data ? s : kpi.error ? '—' : '…');
  const basis = kpi.data?.targetBasis;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex items-baseline gap-3">
          <h1 className="text-xl font-semibold">{t.title}</h1>
          <Link href="/ingestion/upload" className="no-print text-sm text-brand-700 underline">
            {tAll.upload.link}
          </Link>
        </div>
        <FilterBar resolved={kpi.data} />
      </div>
      {kpi.error && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {tc.error}: {kpi.error.message}
        </p>
      )}

      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
        <Stat
          label={t.stats.accepted}
          value={ready(formatInt(total?.accepted))}
          testId="stat-accepted"
          href={link('/ingestion/items', { status: 'accepted', from: kpi.data?.from, to: kpi.data?.to })}
        />
        <Stat label={t.stats.acceptedRows} value={ready(formatInt(total?.acceptedRows))} testId="stat-accepted-rows" />
        <Stat
          label={t.stats.rejectedRows}
          value={ready(formatInt(total?.rejectedRows))}
          testId="stat-rejected"
          href={link('/ingestion/rejected', { from: kpi.data?.from, to: kpi.data?.to, volumeOnly: '1' })}
        />
        <Stat label={t.stats.qualityRate} value={ready(formatRate(total?.qualityRate, 2))} testId="stat-quality" />
        <Stat
          label={t.stats.completion}
          value={ready(total?.target === null ? t.stats.noTarget : formatRate(total?.targetCompletion))}
          sub={total?.target !== null && total?.target !== undefined ? `${formatInt(total.ytdAccepted)} / ${formatInt(total.target)}` : undefined}
          testId="stat-completion"
        />
        <Stat
          label={t.stats.projection}
          value={ready(total?.projection === null || total?.projection === undefined ? '—' : formatInt(Math.round(total.projection)))}
          sub={
            total?.onTrack === null || total?.onTrack === undefined
              ? undefined
              : `${total.onTrack ? t.targets.onTrack : t.targets.offTrack} · ${basis ? `${basis.workdaysElapsed}/${basis.workdaysInYear}` : ''}`
          }
          testId="stat-projection"
        />
      </div>

      <nav className="no-print flex flex-wrap gap-1 border-b border-slate-200" aria-label={t.title}>
        {VIEWS.map((v) => (
          <Link
            key={v}
            href={link('/ingestion', { view: v === 'volume' ? undefined : v })}
            scroll={false}
            aria-current={view === v ? 'page' : undefined}
            className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${view === v ? 'border-brand-700 font-semibold text-brand-900' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
          >
            {t.views[v]}
          </Link>
        ))}
      </nav>

      {view === 'volume' && <VolumeView />}
      {view === 'quality' && <QualityView />}
      {view === 'targets' && <TargetsView />}
      {view === 'missing' && <MissingView />}
      {view === 'anomalies' && <AnomaliesView />}
    </div>
  );
}
