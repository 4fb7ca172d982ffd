import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryOne, queryRows } from '@/server/db/query';
import { addDays, WorkdayCalendar } from '@/server/domain/calendar';
import { validateUscc } from '@/server/domain/uscc';
import { measures, units } from '@/seeds/reference';
import { generateDemoData, generateRows, type GenerateResult } from '@/seeds/generator/generate';
import {
  CHRONICALLY_LATE_UNITS,
  SANCTION_ANSWERS,
  SLOW_RESPONDER,
  silentUnit,
  volumeDrop,
} from '@/seeds/generator/scenarios';
import { freshDatabase } from './_db';

const TODAY = '2026-11-23';
const SCALE = 0.05;
const SEED = 7;
const STREAM_TABLES = ['records', 'licenses', 'penalties', 'decisions', 'sanctions', 'feedback'] as const;
const calendar = WorkdayCalendar.fromPackage();

await freshDatabase({ today: TODAY });

let result: GenerateResult;
beforeAll(async () => {
  result = await generateDemoData({ scale: SCALE, seed: SEED, today: TODAY });
}, 300_000);

const num = z.object({ n: z.number() });
const count = async (sql: string, params: Record<string, unknown> = {}) => (await queryOne(sql, params, num)).n;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const KEYS: Record<string, string[]> = {
  records: ['unit_code', 'catalog_code', 'record_id'],
  licenses: ['unit_code', 'doc_no'],
  penalties: ['unit_code', 'doc_no'],
  decisions: ['unit_code', 'kind', 'doc_no'],
  sanctions: ['case_id', 'measure_code', 'responding_unit'],
  feedback: ['unit_code', 'case_id', 'measure_code'],
};

/** Per-table digest of everything the pure generator hands to its sink (optionally only some rows). */
async function fingerprint(
  seed: number,
  opts: {
    unitFilter?: (code: string) => boolean;
    keep?: (table: string, row: Record<string, unknown>) => boolean;
    keys?: Map<string, Set<string>>;
  } = {},
): Promise<Record<string, string>> {
  const hashes = new Map<string, ReturnType<typeof createHash>>();
  await generateRows(
    {
      scale: SCALE,
      seed,
      today: TODAY,
      calendar,
      unitFilter: opts.unitFilter ? (u) => opts.unitFilter!(u.code) : undefined,
    },
    (table, rows) => {
      let h = hashes.get(table);
      if (!h) hashes.set(table, (h = createHash('sha256')));
      for (const r of rows) if (!opts.keep || opts.keep(table, r)) h.update(JSON.stringify(r));
      const cols = KEYS[table];
      if (opts.keys && cols) {
        let set = opts.keys.get(table);
        if (!set) opts.keys.set(table, (set = new Set()));
        for (const r of rows) set.add(cols.map((c) => String(r[c])).join('|'));
      }
    },
  );
  return Object.fromEntries([...hashes].map(([t, h]) => [t, h.digest('hex')]).sort());
}

describe('demo data generator', () => {
  it('is deterministic: same seed, same rows; another seed, other rows', async () => {
    const keys = new Map<string, Set<string>>();
    const a = await fingerprint(SEED, { keys });
    const b = await fingerprint(SEED);
    expect(b).toEqual(a);
    const c = await fingerprint(SEED + 1);
    expect(c.records).not.toEqual(a.records);
    // And what was stored is what the generator produces: the same distinct keys per stream.
    for (const t of STREAM_TABLES) {
      const stored = await count(`SELECT count() AS n FROM (SELECT ${KEYS[t]!.join(', ')} FROM ${t} GROUP BY ${KEYS[t]!.join(', ')})`);
      expect(stored, t).toBe(keys.get(t)!.size);
    }
  });

  it("keeps a unit's records independent of the other units", async () => {
    const unit = 'D990102-01';
    const keep = (table: string, r: Record<string, unknown>) => table === 'records' && r.unit_code === unit;
    const all = await fingerprint(SEED, { keep });
    const fewer = await fingerprint(SEED, { keep, unitFilter: (c) => c !== 'C001' && c !== 'D990117-05' });
    expect(fewer.records).toEqual(all.records);
  });

  it('fills all six streams, with batches and a seed_runs row', async () => {
    for (const t of STREAM_TABLES) expect(result.rows[t], t).toBeGreaterThan(0);
    expect(result.rows.records).toBeGreaterThan(result.rows.licenses);
    const accepted = Object.values(result.rows).reduce((a, b) => a + b, 0);
    const batches = await queryOne(
      'SELECT count() AS n, sum(rows_total) AS total, sum(accepted) AS accepted, sum(rejected) AS rejected FROM ingest_batches',
      {},
      z.object({ n: z.number(), total: z.number(), accepted: z.number(), rejected: z.number() }),
    );
    expect(batches).toEqual({ n: result.batches, total: accepted + result.rejected, accepted, rejected: result.rejected });
    // Every stored row belongs to a batch of its unit and stream.
    for (const t of STREAM_TABLES) {
      const orphans = await count(
        `SELECT count() AS n FROM ${t} WHERE (batch_id, unit_code) NOT IN (SELECT batch_id, unit_code FROM ingest_batches WHERE stream = {s:String})`,
        { s: t },
      );
      expect(orphans, t).toBe(0);
    }
    const run = await queryOne(
      "SELECT count() AS n, any(rows) AS rows, toString(any(today)) AS today FROM seed_runs WHERE kind = 'demo'",
      {},
      z.object({ n: z.number(), rows: z.number(), today: z.string() }),
    );
    expect(run).toEqual({ n: 1, rows: accepted, today: TODAY });
  });

  it('never receives anything after today, nor before the 24-month window', async () => {
    for (const t of [...STREAM_TABLES, 'rejected_rows', 'ingest_batches']) {
      const r = await queryOne(
        `SELECT toString(min(received_at)) AS lo, toString(max(received_at)) AS hi FROM ${t}`,
        {},
        z.object({ lo: z.string(), hi: z.string() }),
      );
      expect(r.hi <= `${TODAY} 18:00:00.000`, `${t} ${r.hi}`).toBe(true);
      expect(r.lo > '2024-11-23', `${t} ${r.lo}`).toBe(true);
    }
    for (const t of STREAM_TABLES) {
      expect(await count(`SELECT count() AS n FROM ${t} WHERE first_received_at > received_at`), t).toBe(0);
    }
    for (const t of ['licenses', 'penalties', 'decisions']) {
      expect(await count(`SELECT count() AS n FROM ${t} WHERE decision_date > toDate(first_received_at)`), t).toBe(0);
    }
    expect(await count('SELECT count() AS n FROM records WHERE occurred_on > toDate(received_at)')).toBe(0);
    expect(await count("SELECT count() AS n FROM ingest_batches WHERE finished_at > toDateTime64('2026-11-23 18:00:00', 3, 'Asia/Shanghai')")).toBe(0);
  });

  it('puts every row in its unit’s district', async () => {
    for (const t of STREAM_TABLES) {
      const bad = await count(
        `SELECT count() AS n FROM ${t} AS x INNER JOIN units AS u FINAL ON u.code = x.unit_code WHERE u.district_code != x.district_code`,
      );
      expect(bad, t).toBe(0);
    }
    expect(
      await count(
        'SELECT count() AS n FROM sanctions AS x INNER JOIN units AS u FINAL ON u.code = x.responding_unit WHERE u.district_code != x.responding_district_code',
      ),
    ).toBe(0);
  });

  it('stores valid USCCs for legal subjects and only masked IDs plus a keyed hash for natural persons', async () => {
    const subjects = await queryRows(
      `SELECT DISTINCT subject_type AS type, subject_code AS code, subject_hash AS hash FROM (
         SELECT subject_type, subject_code, subject_hash FROM records UNION ALL
         SELECT subject_type, subject_code, subject_hash FROM licenses UNION ALL
         SELECT subject_type, subject_code, subject_hash FROM penalties UNION ALL
         SELECT subject_type, subject_code, subject_hash FROM sanctions)`,
      {},
      z.object({ type: z.string(), code: z.string(), hash: z.string() }),
    );
    const legal = subjects.filter((s) => s.type !== 'natural');
    const natural = subjects.filter((s) => s.type === 'natural');
    expect(legal.length).toBeGreaterThan(100);
    expect(natural.length).toBeGreaterThan(50);
    for (const s of legal) {
      expect(validateUscc(s.code), s.code).toEqual({ ok: true });
      expect(s.hash).toBe('');
    }
    for (const s of natural) {
      expect(s.code).not.toMatch(/^\d{17}[\dX]$/);
      expect(s.code).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(s.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    // Natural persons are about a tenth of the rows.
    const share = await queryOne(
      "SELECT countIf(subject_type = 'natural') / count() AS n FROM records",
      {},
      num,
    );
    expect(share.n).toBeGreaterThan(0.04);
    expect(share.n).toBeLessThan(0.2);
    // The register holds masked codes too.
    expect(await count("SELECT count() AS n FROM decisions WHERE match(subject_code, '^[0-9]{17}[0-9X]$')")).toBe(0);
  });

  it('quarantines about 2% of rows, with error codes and no clear ID numbers', async () => {
    const accepted = Object.values(result.rows).reduce((a, b) => a + b, 0);
    const rate = result.rejected / (accepted + result.rejected);
    expect(rate).toBeGreaterThan(0.01);
    expect(rate).toBeLessThan(0.035);
    const rejected = await queryRows(
      'SELECT stream, raw, error_codes AS codes, errors FROM rejected_rows',
      {},
      z.object({ stream: z.string(), raw: z.string(), codes: z.array(z.string()), errors: z.string() }),
    );
    expect(rejected.length).toBe(result.rejected);
    const allowed = new Set(['USCC_CHECK', 'ID_CHECK', 'REQUIRED', 'UNKNOWN_CATALOG', 'UNKNOWN_MEASURE', 'DATE_IN_FUTURE']);
    const seen = new Set<string>();
    for (const r of rejected) {
      expect(r.raw).not.toMatch(/\d{17}[\dX]/);
      const raw = JSON.parse(r.raw) as Record<string, unknown>;
      if (raw.subjectType === 'natural' && typeof raw.subjectCode === 'string' && raw.subjectCode !== '') {
        expect(raw.subjectCode).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      }
      expect(r.codes.length).toBeGreaterThan(0);
      for (const c of r.codes) {
        expect(allowed.has(c), c).toBe(true);
        seen.add(c);
      }
      const errors = JSON.parse(r.errors) as Array<{ field: string; code: string; message: string }>;
      expect(errors[0]).toMatchObject({ code: r.codes[0] });
      expect(errors[0]!.message).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const c of allowed) expect(seen.has(c), c).toBe(true);
    // Every stream has some rejected rows.
    expect(new Set(rejected.map((r) => r.stream)).size).toBe(6);
  });

  it('has a silent unit that sends nothing at all in its month', async () => {
    const { unitCode, month } = silentUnit(TODAY);
    expect(month).toBe('2026-08');
    const ym = Number(month.replace('-', ''));
    for (const t of [...STREAM_TABLES, 'rejected_rows', 'ingest_batches']) {
      const n = await count(`SELECT count() AS n FROM ${t} WHERE unit_code = {u:String} AND toYYYYMM(received_at) = {ym:UInt32}`, {
        u: unitCode,
        ym,
      });
      expect(n, t).toBe(0);
    }
    // …but it does send in the months around it.
    const around = await count(
      'SELECT count() AS n FROM records WHERE unit_code = {u:String} AND toYYYYMM(received_at) IN (202607, 202609)',
      { u: unitCode },
    );
    expect(around).toBeGreaterThan(0);
  });

  it('has a unit whose volume drops by ~80% from six weeks ago', async () => {
    const { unitCode, from } = volumeDrop(TODAY);
    const byDay = await queryRows(
      `SELECT toString(toDate(first_received_at)) AS day, count() AS n FROM (
         SELECT first_received_at FROM records FINAL WHERE unit_code = {u:String} UNION ALL
         SELECT first_received_at FROM licenses FINAL WHERE unit_code = {u:String} UNION ALL
         SELECT first_received_at FROM penalties FINAL WHERE unit_code = {u:String})
       GROUP BY day`,
      { u: unitCode },
      z.object({ day: z.string(), n: z.number() }),
    );
    const baselineFrom = addDays(from, -120);
    const perWorkday = (a: string, b: string) => {
      const rows = byDay.filter((d) => d.day >= a && d.day < b).reduce((s, d) => s + d.n, 0);
      return rows / calendar.workdaysBetween(addDays(a, -1), addDays(b, -1)).days;
    };
    const before = perWorkday(baselineFrom, from);
    const after = perWorkday(from, addDays(TODAY, 1));
    expect(before).toBeGreaterThan(0.5);
    expect(after / before).toBeLessThan(0.4);
  });

  it('publishes mostly within 1–3 working days, with chronically late units', async () => {
    const rows = await queryRows(
      `SELECT unit_code AS unit, toString(decision_date) AS decided, toString(toDate(min(first_received_at))) AS published
       FROM (SELECT unit_code, doc_no, decision_date, first_received_at FROM licenses
             UNION ALL SELECT unit_code, doc_no, decision_date, first_received_at FROM penalties)
       GROUP BY unit_code, doc_no, decision_date`,
      {},
      z.object({ unit: z.string(), decided: z.string(), published: z.string() }),
    );
    const delays = new Map<string, number[]>();
    for (const r of rows) {
      const d = calendar.workdaysBetween(r.decided, r.published).days;
      const list = delays.get(r.unit) ?? [];
      list.push(d);
      delays.set(r.unit, list);
    }
    const lateSet = new Set(CHRONICALLY_LATE_UNITS);
    const city = [...delays].filter(([u]) => !lateSet.has(u)).flatMap(([, d]) => d);
    const cityMedian = median(city);
    expect(cityMedian).toBeGreaterThanOrEqual(1);
    expect(cityMedian).toBeLessThanOrEqual(3);
    // Some on the same day, few past the 7-day deadline.
    expect(city.filter((d) => d === 0).length).toBeGreaterThan(0);
    expect(city.filter((d) => d > 7).length / city.length).toBeLessThan(0.05);
    for (const unit of CHRONICALLY_LATE_UNITS) {
      const d = delays.get(unit) ?? [];
      expect(d.length, unit).toBeGreaterThanOrEqual(10);
      expect(median(d), unit).toBeGreaterThan(7);
    }
  });

  it('keeps unpublished decisions only in the register (~2%) and corrections as later versions', async () => {
    const r = await queryOne(
      `SELECT count() AS total,
              countIf((unit_code, doc_no) NOT IN (SELECT unit_code, doc_no FROM licenses UNION ALL SELECT unit_code, doc_no FROM penalties)) AS unpublished
       FROM decisions FINAL`,
      {},
      z.object({ total: z.number(), unpublished: z.number() }),
    );
    const share = r.unpublished / r.total;
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.08);
    // Corrections replace their original (merges may already have collapsed them): the surviving version has a
    // later received_at and keeps the original's first_received_at; the rollup still counts both versions.
    const corr = await queryOne(
      `SELECT count() AS keys, countIf(received_at > first_received_at) AS corrected
       FROM (SELECT received_at, first_received_at FROM licenses FINAL
             UNION ALL SELECT received_at, first_received_at FROM penalties FINAL)`,
      {},
      z.object({ keys: z.number(), corrected: z.number() }),
    );
    expect(corr.corrected / corr.keys).toBeGreaterThan(0.003);
    expect(corr.corrected / corr.keys).toBeLessThan(0.03);
    const rollup = await queryOne(
      `SELECT sum(accepted_rows) - sum(accepted_new) AS n FROM ingest_daily WHERE stream IN ('licenses', 'penalties')`,
      {},
      num,
    );
    expect(rollup.n).toBe(corr.corrected);
  });

  it('answers sanction pushes about as SANCTION_ANSWERS says, with one slow responder', async () => {
    const pushes = await queryRows(
      `SELECT s.responding_unit AS unit, s.measure_code AS measure, toString(toDate(s.first)) AS pushed, f.answered AS answered, f.result AS result
       FROM (SELECT case_id, measure_code, responding_unit, min(first_received_at) AS first FROM sanctions
             GROUP BY case_id, measure_code, responding_unit) AS s
       LEFT JOIN (SELECT case_id, measure_code, unit_code, toString(toDate(min(first_received_at))) AS answered, any(result) AS result
                  FROM feedback FINAL GROUP BY case_id, measure_code, unit_code) AS f
       ON f.case_id = s.case_id AND f.measure_code = s.measure_code AND f.unit_code = s.responding_unit`,
      {},
      z.object({ unit: z.string(), measure: z.string(), pushed: z.string(), answered: z.string(), result: z.string() }),
    );
    // Feedback only for pushes addressed to the unit.
    expect(
      await count(
        `SELECT count() AS n FROM feedback WHERE (case_id, measure_code, unit_code) NOT IN
           (SELECT case_id, measure_code, responding_unit FROM sanctions)`,
      ),
    ).toBe(0);
    const feedbackDays = new Map(measures.map((m) => [m.code, m.feedbackDays]));
    const cutoff = addDays(TODAY, -60);
    const tally = (rows: typeof pushes) => {
      const t = { onTime: 0, late: 0, never: 0, executed: 0, answered: 0 };
      for (const p of rows) {
        const due = calendar.addWorkdays(p.pushed, feedbackDays.get(p.measure)!).date;
        if (p.answered === '') t.never++;
        else {
          t.answered++;
          if (p.result === 'executed') t.executed++;
          if (p.answered <= due) t.onTime++;
          else t.late++;
        }
      }
      const n = rows.length;
      return { n, onTime: t.onTime / n, late: t.late / n, never: t.never / n, executed: t.executed / t.answered };
    };
    const old = pushes.filter((p) => p.pushed <= cutoff);
    const others = tally(old.filter((p) => p.unit !== SLOW_RESPONDER.unitCode));
    expect(others.n).toBeGreaterThan(300);
    expect(Math.abs(others.onTime - SANCTION_ANSWERS.onTime)).toBeLessThan(0.07);
    expect(Math.abs(others.late - SANCTION_ANSWERS.late)).toBeLessThan(0.06);
    expect(Math.abs(others.never - SANCTION_ANSWERS.never)).toBeLessThan(0.06);
    expect(Math.abs(others.executed - 0.85)).toBeLessThan(0.07);
    const slow = tally(old.filter((p) => p.unit === SLOW_RESPONDER.unitCode));
    expect(slow.n).toBeGreaterThan(10);
    expect(slow.onTime).toBeLessThan(others.onTime - 0.2);
    // Units of the responding kind answer: every responder exists in the reference list.
    const known = new Set(units.map((u) => u.code));
    for (const p of pushes) expect(known.has(p.unit)).toBe(true);
  });
});
