'use client';

import { useQuery } from '@tanstack/react-query';
import { useState, type DragEvent } from 'react';
import { useI18n } from '../I18nProvider';
import { Panel } from '../Panel';
import { downloadCsv, toCsv } from '../table/csv';
import { Table, type TableColumn } from '../table/Table';
import { useTRPC } from '../TrpcProvider';
import { sheetToCsv } from './sheetToCsv';

const STREAMS = ['records', 'licenses', 'penalties', 'decisions', 'sanctions', 'feedback'] as const;
type Answer = { batchId: string; accepted: number; rejected: number; errors: Array<{ row: number; field: string; code: string; message: string }> };
type Phase = { kind: 'idle' } | { kind: 'reading' } | { kind: 'uploading'; percent: number } | { kind: 'validating' } | { kind: 'done'; answer: Answer } | { kind: 'failed'; message: string };

/** POST with upload progress (fetch has none), on the session cookie, to the same API member-unit systems use. */
type UploadError = Answer['errors'][number];

function errorColumns(t: { row: string; field: string; code: string; message: string }): Array<TableColumn<UploadError>> {
  return [
    { key: 'row', header: t.row, cell: (e) => e.row, className: 'tabular-nums' },
    { key: 'field', header: t.field, cell: (e) => e.field },
    { key: 'code', header: t.code, cell: (e) => e.code, className: 'font-mono' },
    { key: 'message', header: t.message, cell: (e) => e.message },
  ];
}

function send(url: string, body: Blob, type: string, onProgress: (percent: number) => void): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', type);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      try {
        resolve({ status: xhr.status, body: JSON.parse(xhr.responseText) });
      } catch {
        resolve({ status: xhr.status, body: { error: xhr.responseText.slice(0, 300) } });
      }
    };
    xhr.onerror = () => reject(new Error('network error'));
    xhr.send(body);
  });
}

export function UploadPage({ role, unitCode }: { role: string; unitCode: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const units = useQuery(trpc.reference.units.queryOptions());
  const [stream, setStream] = useState<(typeof STREAMS)[number]>('records');
  const [unit, setUnit] = useState(unitCode);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const busy = phase.kind === 'reading' || phase.kind === 'uploading' || phase.kind === 'validating';

  async function upload() {
    if (!file) return;
    try {
      let blob: Blob = file;
      const isXlsx = /\.xlsx$/i.test(file.name);
      if (isXlsx) {
        setPhase({ kind: 'reading' });
        const { readSheet } = await import('read-excel-file/browser');
        blob = new Blob([sheetToCsv(await readSheet(file))], { type: 'text/csv' });
      } else if (!/\.csv$/i.test(file.name)) {
        setPhase({ kind: 'failed', message: t.upload.wrongType });
        return;
      }
      setPhase({ kind: 'uploading', percent: 0 });
      const query = role === 'admin' ? `?unit=${encodeURIComponent(unit)}` : '';
      const res = await send(`/api/v1/ingest/${stream}${query}`, blob, 'text/csv', (percent) =>
        setPhase(percent >= 100 ? { kind: 'validating' } : { kind: 'uploading', percent }),
      );
      if (res.status === 200) setPhase({ kind: 'done', answer: res.body as Answer });
      else setPhase({ kind: 'failed', message: `${res.status}: ${(res.body as { error?: string }).error ?? ''}` });
    } catch (error) {
      setPhase({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  async function downloadErrors(batchId: string) {
    const res = await fetch(`/api/v1/ingest/batches/${batchId}`);
    const detail = (await res.json()) as { errors: Answer['errors'] };
    const csv = toCsv([t.upload.row, t.upload.field, t.upload.code, t.upload.message], detail.errors.map((e) => [e.row, e.field, e.code, e.message]));
    downloadCsv(`errors-${batchId}.csv`, csv);
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const dropped = e.dataTransfer.files[0];
    if (dropped) setFile(dropped);
  };

  if (role !== 'unit' && role !== 'admin') {
    return <p className="text-sm text-slate-600">{t.upload.notAllowed}</p>;
  }
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t.upload.title}</h1>
      <Panel title={t.upload.title} note={t.upload.note}>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label>
            {t.upload.stream}{' '}
            <select aria-label={t.upload.stream} value={stream} onChange={(e) => setStream(e.target.value as (typeof STREAMS)[number])} className="rounded border px-2 py-1">
              {STREAMS.map((s) => (
                <option key={s} value={s}>
                  {t.upload.streams[s]} ({s})
                </option>
              ))}
            </select>
          </label>
          {role === 'admin' && (
            <label>
              {t.upload.unit}{' '}
              <select aria-label={t.upload.unit} value={unit} onChange={(e) => setUnit(e.target.value)} className="rounded border px-2 py-1">
                <option value="">—</option>
                {units.data?.map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <div
          onDragOver={(e) => e.preventDefault()}
          onDrop={onDrop}
          className="mt-3 flex flex-col items-center justify-center rounded border-2 border-dashed border-slate-300 p-6 text-sm text-slate-500"
        >
          <p>{t.upload.drop}</p>
          <input
            type="file"
            aria-label={t.upload.file}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            className="mt-2"
          />
          {file && (
            <p className="mt-2 text-slate-700">
              {file.name} · {(file.size / 1024).toFixed(0)} KB
            </p>
          )}
        </div>
        <button
          type="button"
          onClick={() => void upload()}
          disabled={!file || busy || (role === 'admin' && !unit)}
          className="mt-3 rounded bg-brand-700 px-4 py-1.5 text-sm text-white disabled:opacity-50"
        >
          {t.upload.submit}
        </button>

        {busy && (
          <div className="mt-3" role="status">
            <div className="h-2 w-full overflow-hidden rounded bg-slate-200">
              <div
                className={`h-2 bg-brand-600 ${phase.kind === 'uploading' ? '' : 'animate-pulse'}`}
                style={{ width: phase.kind === 'uploading' ? `${phase.percent}%` : '100%' }}
                role="progressbar"
                aria-valuenow={phase.kind === 'uploading' ? phase.percent : 100}
                aria-valuemin={0}
                aria-valuemax={100}
              />
            </div>
            <p className="mt-1 text-xs text-slate-500">
              {phase.kind === 'reading' ? t.upload.reading : phase.kind === 'uploading' ? `${t.upload.uploading} ${phase.percent}%` : t.upload.validating}
            </p>
          </div>
        )}
        {phase.kind === 'failed' && (
          <p role="alert" className="mt-3 rounded bg-red-50 p-2 text-sm text-red-700" data-testid="upload-failed">
            {phase.message}
          </p>
        )}
        {phase.kind === 'done' && (
          <div className="mt-3 space-y-2 text-sm" data-testid="upload-result">
            <p>
              {t.upload.batch} <code className="font-mono">{phase.answer.batchId}</code> · {t.upload.accepted}{' '}
              <strong data-testid="upload-accepted">{phase.answer.accepted}</strong> · {t.upload.rejected}{' '}
              <strong data-testid="upload-rejected">{phase.answer.rejected}</strong>
            </p>
            {phase.answer.errors.length > 0 && (
              <>
                <button type="button" className="underline" onClick={() => void downloadErrors(phase.answer.batchId)}>
                  {t.upload.downloadErrors}
                </button>
                <Table rows={phase.answer.errors} columns={errorColumns(t.upload)} rowKey={(_, i) => i} className="w-full text-xs" />
              </>
            )}
          </div>
        )}
      </Panel>
    </div>
  );
}
