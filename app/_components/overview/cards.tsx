'use client';

import { useQuery } from '@tanstack/react-query';
import { EChart } from '../charts/EChart';
import { sparklineOption } from '../charts/sparklineOption';
import { formatInt, formatRate } from '../format';
import { useI18n } from '../I18nProvider';
import { fill } from '../publicity/filters';
import { useTRPC } from '../TrpcProvider';
import { AreaCard, Figures, Headline, Trend } from './AreaCard';
import { cardLinks, type LinkContext } from './links';
import { toneAgainst } from './tone';
import type {
  IngestionCard as IngestionCardData,
  PublicityCard as PublicityCardData,
  SanctionsCard as SanctionsCardData,
} from '@/server/metrics/overview/cockpit';

const SPARK_HEIGHT = 140;

type CardProps<T> = { input: { asOf?: string }; context: (period: LinkContext['period']) => LinkContext; initialData?: T };

function useLabels() {
  const { t } = useI18n();
  const o = t.overview;
  return {
    o,
    ytd: (p: { yearStart: string; asOf: string }) => fill(o.ytd, { from: p.yearStart, to: p.asOf }),
    trend: (p: { trendFrom: string; asOf: string }, title: string) => `${title} · ${fill(o.trend, { from: p.trendFrom.slice(0, 7), to: p.asOf.slice(0, 7) })}`,
    targetText: (value: string, binding: boolean | null) => `${o.target} ${value}${binding === null ? '' : ` (${binding ? o.binding : o.expected})`}`,
  };
}

export function IngestionCard({ input, context, initialData }: CardProps<IngestionCardData>) {
  const trpc = useTRPC();
  const q = useQuery(trpc.overview.cockpit.ingestion.queryOptions(input, { initialData }));
  const { o, ytd, trend, targetText } = useLabels();
  const d = q.data;
  const c = d ? context(d.period) : null;
  return (
    <AreaCard
      title={o.ingestion.title}
      testId="card-ingestion"
      href={c ? cardLinks.ingestion(c) : '/ingestion?view=targets'}
      linkLabel={o.details}
      period={d ? ytd(d.period) : undefined}
      note={o.ingestion.note}
      query={q}
    >
      {d && (
        <>
          <Headline
            label={o.ingestion.headline}
            value={formatInt(d.ytd.accepted)}
            testId="cockpit-ingestion-accepted"
            aside={d.ytd.target === null ? o.noTarget : targetText(formatInt(d.ytd.target), d.ytd.binding)}
          />
          <Figures
            items={[
              { label: o.ingestion.completion, value: formatRate(d.ytd.targetCompletion), testId: 'cockpit-ingestion-completion' },
              { label: o.ingestion.quality, value: formatRate(d.ytd.qualityRate, 2) },
              { label: o.ingestion.projection, value: d.ytd.projection === null ? '—' : formatInt(Math.round(d.ytd.projection)) },
              {
                label: o.ingestion.pace,
                value: d.ytd.onTrack === null ? '—' : d.ytd.onTrack ? o.ingestion.onTrack : o.ingestion.offTrack,
                tone: d.ytd.onTrack === null ? '' : d.ytd.onTrack ? 'text-emerald-700' : 'text-red-700',
                testId: 'cockpit-ingestion-on-track',
              },
            ]}
          />
          <Trend caption={trend(d.period, o.ingestion.trendTitle)} empty={d.trend.every((r) => r.accepted === 0)}>
            <EChart
              label={o.ingestion.trendTitle}
              height={SPARK_HEIGHT}
              option={sparklineOption(
                d.trend.map((r) => ({ month: r.month, value: r.accepted })),
                { kind: 'bar', unit: 'count', series: o.ingestion.series, countUnit: o.ingestion.unit, partialNote: `≤ ${d.period.asOf}` },
              )}
            />
          </Trend>
        </>
      )}
    </AreaCard>
  );
}

export function PublicityCard({ input, context, initialData }: CardProps<PublicityCardData>) {
  const trpc = useTRPC();
  const q = useQuery(trpc.overview.cockpit.publicity.queryOptions(input, { initialData }));
  const { o, ytd, trend, targetText } = useLabels();
  const d = q.data;
  const c = d ? context(d.period) : null;
  return (
    <AreaCard
      title={o.publicity.title}
      testId="card-publicity"
      href={c ? cardLinks.publicity(c) : '/publicity'}
      linkLabel={o.details}
      period={d ? ytd(d.period) : undefined}
      note={o.publicity.note}
      query={q}
    >
      {d && (
        <>
          <Headline
            label={o.publicity.headline}
            value={formatRate(d.ytd.onTimeRate)}
            testId="cockpit-publicity-rate"
            tone={toneAgainst(d.ytd.onTimeRate, d.target)}
            aside={targetText(formatRate(d.target, 0), true)}
          />
          <Figures
            items={[
              { label: o.publicity.due, value: formatInt(d.ytd.due) },
              { label: o.publicity.late, value: formatInt(d.ytd.late) },
              { label: o.publicity.overdue, value: formatInt(d.ytd.overdue), tone: d.ytd.overdue > 0 ? 'text-red-700' : '', testId: 'cockpit-publicity-overdue' },
              { label: o.publicity.pending, value: formatInt(d.ytd.pending) },
            ]}
          />
          <Trend caption={trend(d.period, o.publicity.trendTitle)} empty={d.trend.every((r) => r.due === 0)}>
            <EChart
              label={o.publicity.trendTitle}
              height={SPARK_HEIGHT}
              option={sparklineOption(
                d.trend.map((r) => ({ month: r.month, value: r.onTimeRate })),
                { kind: 'line', unit: 'rate', series: o.publicity.series, target: d.target, targetLabel: o.target, partialNote: `≤ ${d.period.asOf}`, color: '#059669' },
              )}
            />
          </Trend>
        </>
      )}
    </AreaCard>
  );
}

export function SanctionsCard({ input, context, initialData }: CardProps<SanctionsCardData>) {
  const trpc = useTRPC();
  const q = useQuery(trpc.overview.cockpit.sanctions.queryOptions(input, { initialData }));
  const { o, ytd, trend, targetText } = useLabels();
  const d = q.data;
  const c = d ? context(d.period) : null;
  return (
    <AreaCard
      title={o.sanctions.title}
      testId="card-sanctions"
      href={c ? cardLinks.sanctions(c) : '/sanctions'}
      linkLabel={o.details}
      period={d ? ytd(d.period) : undefined}
      note={o.sanctions.note}
      query={q}
    >
      {d && (
        <>
          <Headline
            label={o.sanctions.headline}
            value={formatRate(d.ytd.feedbackRate)}
            testId="cockpit-sanctions-rate"
            tone={toneAgainst(d.ytd.feedbackRate, d.target)}
            aside={d.target === null ? o.noTarget : targetText(formatRate(d.target, 0), d.binding)}
          />
          <Figures
            items={[
              { label: o.sanctions.timely, value: formatRate(d.ytd.timelyRate) },
              { label: o.sanctions.pushes, value: formatInt(d.ytd.pushes) },
              { label: o.sanctions.overdue, value: formatInt(d.ytd.overdue), tone: d.ytd.overdue > 0 ? 'text-red-700' : '', testId: 'cockpit-sanctions-overdue' },
            ]}
          />
          <Trend caption={trend(d.period, o.sanctions.trendTitle)} empty={d.trend.every((r) => r.pushes === 0)}>
            <EChart
              label={o.sanctions.trendTitle}
              height={SPARK_HEIGHT}
              option={sparklineOption(
                d.trend.map((r) => ({ month: r.month, value: r.feedbackRate })),
                { kind: 'line', unit: 'rate', series: o.sanctions.series, target: d.target, targetLabel: o.target, partialNote: `≤ ${d.period.asOf}`, color: '#7c3aed' },
              )}
            />
          </Trend>
        </>
      )}
    </AreaCard>
  );
}
