'use client';

import { useState } from 'react';
import { formatInt } from '../format';
import { useI18n } from '../I18nProvider';
import { exportProgress, fill } from './filters';

type State = { format: 'csv' | 'xlsx'; total: number; bytes: number; newlines: number; done: boolean; error?: string } | null;

/**
 * Export buttons for the whole filtered list (no cap): the download is read as a stream, so a large export shows its
 * progress (rows for CSV, bytes for the compressed XLSX) instead of a page that seems to hang.
 */
export function ExportButtons({ href, total }: { href: (format: 'csv' | 'xlsx') => string; total: number }) {
  const t = useI18n().t.inspectionPage;
  const [state, setState] = useState<State>(null);
  const busy = state !== null && !state.done && !state.error;

  const run = async (format: 'csv' | 'xlsx') => {
    setState({ format, total, bytes: 0, newlines: 0, done: false });
    try {
      const res = await fetch(href(format));
      if (!res.ok || !res.body) throw new Error(`${res.status}`);
      const rows = Number(res.headers.get('x-total-rows') ?? total);
      const reader = res.body.getReader();
      const chunks: Uint8Array[] = [];
      let bytes = 0;
      let newlines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        if (format === 'csv') for (let i = 0; i < value.length; i++) if (value[i] === 10) newlines++;
        setState({ format, total: rows, bytes, newlines, done: false });
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `problems.${format}`;
      const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: res.headers.get('content-type') ?? undefined }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      URL.revokeObjectURL(url);
      setState({ format, total: rows, bytes, newlines, done: true });
    } catch (error) {
      setState((s) => (s ? { ...s, error: error instanceof Error ? error.message : String(error) } : s));
    }
  };

  const p = state ? exportProgress(state.format, state.total, state) : null;
  return (
    <div className="no-print flex flex-wrap items-center justify-end gap-2 text-sm">
      <span className="text-xs text-slate-500">{fill(t.noCap, { total: formatInt(total) })}</span>
      {(['csv', 'xlsx'] as const).map((format) => (
        <button
          key={format}
          type="button"
          disabled={busy}
          onClick={() => void run(format)}
          className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 disabled:opacity-50"
        >
          {format === 'csv' ? t.exportCsv : t.exportXlsx}
        </button>
      ))}
      {state && p && (
        <div className="flex w-full items-center justify-end gap-2 text-xs" role="status" data-testid="export-progress">
          {state.error ? (
            <span className="text-red-700">
              {t.exportFailed}: {state.error}
            </span>
          ) : state.done ? (
            <span className="text-emerald-700">{fill(t.exported, { total: formatInt(state.total) })}</span>
          ) : (
            <>
              {p.determinate ? <progress max={state.total || 1} value={p.done} className="w-40" /> : <progress className="w-40" />}
              <span>
                {p.determinate
                  ? fill(t.exporting, { done: formatInt(p.done), total: formatInt(state.total) })
                  : fill(t.exportingBytes, { kb: formatInt(p.kb), total: formatInt(state.total) })}
              </span>
            </>
          )}
        </div>
      )}
    </div>
  );
}
