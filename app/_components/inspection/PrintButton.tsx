'use client';

/** The browser's print dialog (and "Save as PDF" there); hidden on paper. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="no-print rounded bg-brand-700 px-3 py-1.5 text-sm text-white hover:bg-brand-900">
      {label}
    </button>
  );
}
