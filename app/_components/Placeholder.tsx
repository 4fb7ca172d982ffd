import { getMessages } from '../_i18n/server';

type Area = 'ingestion' | 'publicity' | 'sanctions' | 'assessment' | 'inspection' | 'admin';

/** Until an area is built its page says what it will hold and shows no figures. */
export async function Placeholder({ area }: { area: Area }) {
  const t = await getMessages();
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">{t.nav[area]}</h1>
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
        <p className="font-medium">{t.placeholder.title}</p>
        <p className="mt-1">{t.placeholder.body}</p>
        <p className="mt-2">{t.placeholder[area]}</p>
      </div>
    </div>
  );
}
