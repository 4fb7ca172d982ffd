'use client';

import type { ReactNode } from 'react';
import { useI18n } from './I18nProvider';

/** A titled card; `note` is the 口径说明 every figure carries. */
export function Panel({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={title}>
      <h2 className="text-base font-semibold">{title}</h2>
      {note && (
        <details className="mt-1 text-xs text-slate-500">
          <summary className="cursor-pointer select-none">{t.common.howComputed}</summary>
          <p className="mt-1">{note}</p>
        </details>
      )}
      <div className="mt-3">{children}</div>
    </section>
  );
}

export function LoadState({ isLoading, error, onRetry }: { isLoading: boolean; error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  if (isLoading)
    return (
      <p role="status" className="animate-pulse py-8 text-center text-sm text-slate-400">
        {t.common.loading}
      </p>
    );
  if (error)
    return (
      <div role="alert" className="py-6 text-center text-sm text-red-700">
        {t.common.error}: {error instanceof Error ? error.message : String(error)}
        {onRetry && (
          <button type="button" onClick={onRetry} className="ml-2 underline">
            {t.common.retry}
          </button>
        )}
      </div>
    );
  return null;
}
