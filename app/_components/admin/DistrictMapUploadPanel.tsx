'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import type { ChangeEvent } from 'react';
import { useI18n } from '../I18nProvider';
import { Panel } from '../Panel';
import { fill } from '../publicity/filters';
import { useTRPC } from '../TrpcProvider';

/** 管理: upload the city's district map (GeoJSON) for the big screen; the server checks every district code. */
export function DistrictMapUploadPanel() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const upload = useMutation(trpc.admin.uploadDistrictMap.mutationOptions());
  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.currentTarget.files?.[0];
    if (file) upload.mutate({ geojson: await file.text() });
    e.currentTarget.value = '';
  }
  return (
    <Panel title={t.admin.districtMap}>
      <p className="mb-2 text-sm text-slate-600">{t.admin.districtMapNote}</p>
      <label className="inline-flex cursor-pointer items-center gap-2 rounded bg-brand-700 px-3 py-1 text-sm text-white">
        {t.admin.districtMapUpload}
        <input type="file" accept=".json,.geojson,application/json,application/geo+json" className="sr-only" onChange={onFile} data-testid="district-map-file" />
      </label>
      <Link href="/screen" className="ml-3 text-sm text-brand-700 underline">
        {t.admin.openScreen}
      </Link>
      {upload.isPending && <p className="mt-2 text-sm text-slate-500">{t.common.loading}</p>}
      {upload.error && (
        <p role="alert" className="mt-2 text-sm text-red-700" data-testid="district-map-error">
          {upload.error.message}
        </p>
      )}
      {upload.data && (
        <p className="mt-2 text-sm text-emerald-700" data-testid="district-map-saved">
          {fill(t.admin.districtMapSaved, { n: upload.data.features })}
        </p>
      )}
    </Panel>
  );
}
