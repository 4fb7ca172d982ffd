import Link from 'next/link';
import { Placeholder } from '../../_components/Placeholder';
import { getMessages } from '../../_i18n/server';

export default async function Page() {
  const t = await getMessages();
  return (
    <div className="space-y-3">
      <Placeholder area="ingestion" />
      <Link href="/ingestion/rejected" className="text-sm text-brand-700 underline">
        {t.rejected.link}
      </Link>
    </div>
  );
}
