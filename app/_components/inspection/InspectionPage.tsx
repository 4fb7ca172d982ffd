'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useI18n } from '../I18nProvider';
import { useTRPC } from '../TrpcProvider';
import { FollowUpView } from './FollowUpView';
import { NoticesView } from './NoticesView';
import { ProblemsView } from './ProblemsView';
import { readNoticeStatus, readProblemParams, readTab, TABS, type Tab } from './filters';

/** 督查: the open-problem list, the supervision notices and their follow-up figures, one tab each (tab in the URL). */
export function InspectionPage() {
  const t = useI18n().t.inspectionPage;
  const trpc = useTRPC();
  const me = useQuery(trpc.session.me.queryOptions());
  const params = useSearchParams();
  const role = me.data?.role;
  // A unit's users come here mostly for the notices addressed to them.
  const fallback: Tab = role === 'unit' ? 'notices' : 'problems';
  const tab = readTab(params, fallback);
  const explicitTab = (name: Tab) => (name === fallback ? undefined : name);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t.title}</h1>
      <nav className="no-print flex gap-1 border-b border-slate-200" aria-label={t.title}>
        {TABS.map((name) => (
          <Link
            key={name}
            href={explicitTab(name) ? `/inspection?tab=${name}` : '/inspection'}
            aria-current={tab === name ? 'page' : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm ${tab === name ? 'border-brand-700 font-semibold text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
          >
            {t.tabs[name]}
          </Link>
        ))}
      </nav>
      {me.data && tab === 'problems' && <ProblemsView params={readProblemParams(params)} role={role} tab={explicitTab('problems')} />}
      {me.data && tab === 'notices' && <NoticesView status={readNoticeStatus(params)} />}
      {me.data && tab === 'followUp' && <FollowUpView params={readProblemParams(params)} />}
    </div>
  );
}
