// npm run bench -- anomalies [--units 1000] [--half held-out|tuning]: detection quality of the volume-anomaly detectors (issue 19) on a labelled,
// deterministic corpus. Each unit series is two years of working days (2025-01-01..2026-11-30, the product's
// chinese-days calendar: 调休 weekends, 春节, 国庆) drawn from unit profiles like the demo generator's (daily, weekly
// and monthly senders, small and large), with quiet days before long holidays, catch-up after them, deadline rushes
// before the 20th/25th for monthly senders, and at most one injected, labelled incident. Seeds split the corpus:
// even = tuning half, odd = held-out half; only the held-out half is reported. Prints one table; asserts nothing.
import { parseArgs } from 'node:util';
import { dayOfWeek, toDayNumber, WorkdayCalendar, eachDate } from '../../server/domain/calendar';
import { detectCurrent, detectElementary, detectImproved, type Alarm, type Series } from '../../server/metrics/ingestion/detector';
import { Rng } from '../../seeds/generator/random';

const FROM = '2025-01-01';
const TO = '2026-11-30';
/** Days before this index are the detectors' warm-up (today's detector needs 120): no incident, not scored. */
const SCORED_FROM = 120;
const WINDOW_AFTER = 2;

type Kind = 'drop' | 'silence' | 'decline' | 'spike' | 'level';
const KINDS: readonly Kind[] = ['drop', 'silence', 'decline', 'spike', 'level'];
type Incident = { kind: Kind; start: number; end: number };
type Unit = { seed: number; series: Series; incident?: Incident; holidayWeek: Uint8Array; deadlineWeek: Uint8Array };

const cal = WorkdayCalendar.fromPackage(undefined, { from: '2024-12-01', to: '2026-12-31' });
const days = eachDate(FROM, TO).filter((d) => cal.isWorkday(d));
const dn = days.map(toDayNumber);
const longGapAfter = (i: number) => i + 1 < days.length && dn[i + 1]! - dn[i]! >= 4;
const longGapBefore = (i: number) => i > 0 && dn[i]! - dn[i - 1]! >= 4;

/** Holiday weeks: the ISO week of a statutory holiday and the week after a long one (catch-up). */
const holidayWeek = (() => {
  const weekOf = (n: number) => Math.floor((n - 4) / 7); // day 0 = Thursday 1970-01-01; weeks start on Monday
  const weeks = new Set<number>();
  for (const d of eachDate(FROM, TO)) {
    if (cal.getDay(d).holidayName && !cal.isWorkday(d)) weeks.add(weekOf(toDayNumber(d)));
  }
  const flags = Uint8Array.from(dn, (n) => (weeks.has(weekOf(n)) ? 1 : 0));
  // The first week (7 calendar days) after a long holiday too.
  for (let i = 1; i < days.length; i++) {
    if (!longGapBefore(i)) continue;
    for (let k = i; k < days.length && dn[k]! - dn[i]! < 7; k++) flags[k] = 1;
  }
  return flags;
})();
/** Deadline weeks: the working days of the 14th–25th, when monthly senders rush before the 20th/25th. */
const deadlineWeek = Uint8Array.from(days, (d) => (Number(d.slice(8)) >= 14 && Number(d.slice(8)) <= 25 ? 1 : 0));

function makeUnit(seed: number): Unit {
  const rng = new Rng(`anomalies:${seed}`);
  const profile = rng.weighted(['daily', 'weekly', 'monthly'] as const, [0.5, 0.25, 0.25]);
  const large = rng.chance(0.4);
  const base = large ? rng.float(80, 400) : rng.float(6, 30);
  const noise = rng.float(0.12, 0.3);
  const habit = rng.int(1, 5);
  const deadline = rng.pick([20, 25]);
  const rushDays = rng.int(2, 4);
  const weeklyMult = rng.float(3, 6);
  const rushMult = rng.float(2.5, 5);
  const expected = days.map((d, i) => {
    let m = 1;
    const w = dayOfWeek(d);
    const dom = Number(d.slice(8));
    if (profile === 'weekly') m = w === habit ? weeklyMult : 0.6;
    if (profile === 'monthly' && dom < deadline && dom >= deadline - rushDays - 2) m = rushMult;
    if (w >= 6) m *= 0.7; // 调休 working weekend: thinner
    if (longGapAfter(i)) m *= 0.6; // quiet before 春节/国庆
    if (longGapBefore(i)) m *= 2.2; // catch-up
    else if (i > 1 && longGapBefore(i - 1)) m *= 1.5;
    return base * m;
  });
  let incident: Incident | undefined;
  if (rng.chance(0.85)) {
    const kind = rng.pick(KINDS);
    const start = rng.int(SCORED_FROM + 30, days.length - 40);
    const len = kind === 'spike' ? rng.int(1, 2) : kind === 'decline' ? rng.int(15, 30) : kind === 'level' ? 15 : rng.int(1, 10);
    const end = start + len - 1;
    const factor = kind === 'drop' ? rng.float(0, 0.6) : kind === 'level' ? rng.pick([rng.float(0.3, 0.55), rng.float(1.8, 3)]) : 0;
    const floor = rng.float(0.2, 0.4);
    for (let i = start; i < days.length; i++) {
      if (kind === 'drop' && i <= end) expected[i]! *= factor;
      if (kind === 'silence' && i <= end) expected[i] = 0;
      if (kind === 'decline' && i <= end) expected[i]! *= 1 - ((1 - floor) * (i - start + 1)) / len;
      if (kind === 'spike' && i <= end) expected[i]! *= rng.float(2, 3); // a batch sent twice or thrice
      if (kind === 'level') expected[i]! *= factor; // for good; scored over its first `len` days
    }
    incident = { kind, start, end };
  }
  const series = days.map((day, i) => {
    const mean = expected[i]! * Math.exp(noise * rng.normal() - (noise * noise) / 2);
    return { day, rows: mean <= 0 ? 0 : rng.count(mean) };
  });
  return { seed, series, incident, holidayWeek, deadlineWeek };
}

type Score = {
  detected: Record<Kind, number[]>; // delays of detected incidents
  missed: Record<Kind, number>;
  tp: Record<Kind, number>; // alarm events inside windows, per kind of the series' incident
  fp: Record<Kind, number>; // alarm events outside windows in series carrying that kind
  fpClean: number;
  faHoliday: number;
  faDeadline: number;
  daysHoliday: number;
  daysDeadline: number;
};

export const emptyScore = (): Score => ({
  detected: { drop: [], silence: [], decline: [], spike: [], level: [] },
  missed: { drop: 0, silence: 0, decline: 0, spike: 0, level: 0 },
  tp: { drop: 0, silence: 0, decline: 0, spike: 0, level: 0 },
  fp: { drop: 0, silence: 0, decline: 0, spike: 0, level: 0 },
  fpClean: 0,
  faHoliday: 0,
  faDeadline: 0,
  daysHoliday: 0,
  daysDeadline: 0,
});

/**
 * Scoring: an incident is detected when an alarm falls in [start, end + 2 working days]; the delay is the first
 * such alarm's index − start (working days). An alarm outside every window is a false alarm. Precision counts
 * alarm events (runs of consecutive alarm days) in the series carrying an incident of that kind: inside the window
 * = true, outside = false. False alarms per 1,000 unit-days count alarm days outside windows over scored days.
 */
export function score(s: Score, u: Unit, alarms: readonly Alarm[]): void {
  const inc = u.incident;
  const inWindow = (i: number) => !!inc && i >= inc.start && i <= inc.end + WINDOW_AFTER;
  const scored = alarms.filter((a) => a.index >= SCORED_FROM);
  const flagged = new Set(scored.map((a) => a.index));
  for (let i = SCORED_FROM; i < u.series.length; i++) {
    if (inWindow(i)) continue;
    if (u.holidayWeek[i]) {
      s.daysHoliday++;
      if (flagged.has(i)) s.faHoliday++;
    }
    if (u.deadlineWeek[i]) {
      s.daysDeadline++;
      if (flagged.has(i)) s.faDeadline++;
    }
  }
  let prev = -2;
  for (const a of scored) {
    const newEvent = a.index !== prev + 1;
    prev = a.index;
    if (!newEvent) continue;
    if (!inc) s.fpClean++;
    else if (inWindow(a.index)) s.tp[inc.kind]++;
    else s.fp[inc.kind]++;
  }
  if (inc) {
    const first = scored.find((a) => inWindow(a.index));
    if (first) s.detected[inc.kind].push(first.index - inc.start);
    else s.missed[inc.kind]++;
  }
}

const quantile = (v: number[], q: number) => {
  if (v.length === 0) return NaN;
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))]!;
};
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');

export const DETECTORS = {
  '(a) current': (s: Series) => detectCurrent(s),
  '(b) elementary': (s: Series) => detectElementary(s),
  '(c) improved': (s: Series) => detectImproved(s),
} as const;

export function evaluate(units: readonly Unit[]) {
  const t = Date.now();
  const scores = Object.fromEntries(Object.keys(DETECTORS).map((k) => [k, emptyScore()])) as Record<keyof typeof DETECTORS, Score>;
  for (const u of units) {
    for (const [name, detect] of Object.entries(DETECTORS)) score(scores[name as keyof typeof DETECTORS], u, detect(u.series));
  }
  return { scores, ms: Date.now() - t };
}

export function table(scores: Record<string, Score>): string {
  const head = ['detector', 'kind', 'incidents', 'precision', 'recall', 'F1', 'delay p50', 'delay p90', 'FA/1k holiday wk', 'FA/1k deadline wk'];
  const rows: string[][] = [];
  for (const [name, s] of Object.entries(scores)) {
    for (const k of KINDS) {
      const det = s.detected[k].length;
      const total = det + s.missed[k];
      const p = s.tp[k] / (s.tp[k] + s.fp[k]);
      const r = det / total;
      rows.push([name, k, String(total), f2(p), f2(r), f2((2 * p * r) / (p + r)), f1(quantile(s.detected[k], 0.5)), f1(quantile(s.detected[k], 0.9)), '', '']);
    }
    const tp = KINDS.reduce((a, k) => a + s.tp[k], 0);
    const fp = KINDS.reduce((a, k) => a + s.fp[k], 0) + s.fpClean;
    const det = KINDS.reduce((a, k) => a + s.detected[k].length, 0);
    const total = det + KINDS.reduce((a, k) => a + s.missed[k], 0);
    const p = tp / (tp + fp);
    const r = det / total;
    const all = KINDS.flatMap((k) => s.detected[k]);
    rows.push([name, 'all', String(total), f2(p), f2(r), f2((2 * p * r) / (p + r)), f1(quantile(all, 0.5)), f1(quantile(all, 0.9)),
      f1((1000 * s.faHoliday) / s.daysHoliday), f1((1000 * s.faDeadline) / s.daysDeadline)]);
  }
  const width = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => '| ' + r.map((x, c) => x.padEnd(width[c]!)).join(' | ') + ' |';
  return [line(head), '|' + width.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map(line)].join('\n');
}

export function corpus(count: number) {
  const all = Array.from({ length: count }, (_, seed) => makeUnit(seed));
  return { tuning: all.filter((u) => u.seed % 2 === 0), heldOut: all.filter((u) => u.seed % 2 === 1) };
}

export async function main(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: { units: { type: 'string', default: '1000' }, half: { type: 'string', default: 'held-out' } } });
  const t0 = Date.now();
  const { tuning, heldOut } = corpus(Number(values.units));
  const set = values.half === 'tuning' ? tuning : heldOut;
  const built = Date.now() - t0;
  const { scores, ms } = evaluate(set);
  const unitDays = set.length * days.length;
  console.log(
    `volume anomalies: ${tuning.length + heldOut.length} unit series × ${days.length} working days (${FROM}..${TO}); ` +
      `reporting the ${values.half === 'tuning' ? 'TUNING (even seeds)' : 'held-out (odd seeds)'} half: ${set.length} series, ${unitDays} unit-days, ` +
      `${set.filter((u) => u.incident).length} incidents; scored from working day ${SCORED_FROM + 1}`,
  );
  console.log(table(scores));
  console.log(`corpus built in ${built} ms, detectors + scoring in ${ms} ms`);
}
