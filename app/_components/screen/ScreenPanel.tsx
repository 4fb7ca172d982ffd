import type { ReactNode } from 'react';

/** One framed panel of the big screen. */
export function ScreenPanel({ title, children, testId, className = '', center = false }: { title: string; children: ReactNode; testId: string; className?: string; center?: boolean }) {
  return (
    <section data-testid={testId} className={`flex min-h-0 flex-col rounded-lg border border-sky-900/70 bg-slate-900/70 px-5 py-3 shadow-[inset_0_0_24px_rgba(14,165,233,0.08)] ${className}`}>
      <h2 className="mb-2 border-l-4 border-sky-400 pl-3 text-[22px] font-semibold tracking-wide text-sky-100">{title}</h2>
      <div className={`min-h-0 flex-1 ${center ? 'flex flex-col justify-center' : ''}`}>{children}</div>
    </section>
  );
}

/** A change in percentage points, with its direction: ▲ green up, ▼ red down. */
export function Change({ value, unit, testId }: { value: number | null; unit: string; testId?: string }) {
  if (value === null) return <span data-testid={testId} className="text-slate-500">—</span>;
  const pp = value * 100;
  const tone = pp > 0.05 ? 'text-emerald-400' : pp < -0.05 ? 'text-rose-400' : 'text-slate-300';
  const arrow = pp > 0.05 ? '▲' : pp < -0.05 ? '▼' : '■';
  return (
    <span data-testid={testId} data-value={value} className={`tabular-nums ${tone}`}>
      {arrow} {Math.abs(pp).toFixed(1)} {unit}
    </span>
  );
}
