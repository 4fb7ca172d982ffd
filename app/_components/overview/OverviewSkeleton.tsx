'use client';

import { useI18n } from '../I18nProvider';

/** What the cockpit shows while its figures are computed: the title and empty card frames in their final places. */
export function OverviewSkeleton() {
  const { t } = useI18n();
  const o = t.overview;
  const frame = 'min-h-[19rem] rounded-lg border border-slate-200 bg-white p-3 shadow-sm';
  return (
    <div className="space-y-4" aria-busy="true">
      <div>
        <h1 className="text-xl font-semibold">{o.title}</h1>
        <p className="text-xs text-slate-500">{o.subtitle}</p>
      </div>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-4">
        {[o.ingestion.title, o.publicity.title, o.sanctions.title, o.ranking.title].map((title) => (
          <section key={title} className={frame} aria-label={title}>
            <h2 className="text-base font-semibold">{title}</h2>
            <p role="status" className="animate-pulse py-8 text-center text-sm text-slate-400">
              {t.common.loading}
            </p>
          </section>
        ))}
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" aria-label={o.attention.title}>
        <h2 className="text-base font-semibold">{o.attention.title}</h2>
        <p role="status" className="animate-pulse py-8 text-center text-sm text-slate-400">
          {t.common.loading}
        </p>
      </section>
    </div>
  );
}
