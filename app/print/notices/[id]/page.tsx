import Link from 'next/link';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { PrintButton } from '@/app/_components/inspection/PrintButton';
import { writeAudit } from '@/server/auth/audit';
import { clientIp } from '@/server/http/proxyTrust';
import { principalFromSession } from '@/server/auth/principal';
import { itemScopeOf } from '@/server/auth/roles';
import { getNotice, NoticeError, type NoticeDetail } from '@/server/inspection/notices';
import { KIND_LABEL_ZH, type ProblemKind } from '@/shared/problemKinds';

export const dynamic = 'force-dynamic';
export const metadata = { title: '督办通知单' };

/** 2025-11-20 → 2025年11月20日 (how official documents write dates). */
const zhDate = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

const rectification = (i: NoticeDetail['items'][number]) =>
  i.rectifiedOn ? `已于 ${i.rectifiedOn} 整改${i.late ? '（逾期）' : ''}` : '未整改';

/**
 * The printable notice: an official document, always in Chinese, on A4; the browser's print dialog makes the PDF.
 * Outside the dashboard shell so only the document prints; the same scope rules as everywhere (404 outside it).
 */
export default async function PrintNotice({ params }: { params: Promise<{ id: string }> }) {
  const principal = await principalFromSession();
  const { id } = await params;
  if (!principal) redirect(`/signin?callbackUrl=${encodeURIComponent(`/print/notices/${id}`)}`);
  let n: NoticeDetail;
  try {
    n = await getNotice(itemScopeOf(principal), id);
  } catch (error) {
    if (error instanceof NoticeError) notFound();
    throw error;
  }
  await writeAudit({
    action: 'export',
    actor: principal,
    target: `notices/${n.id}/print`,
    rowCount: n.items.length,
    ip: clientIp(await headers()),
    detail: n.number,
  });
  return (
    <main className="mx-auto max-w-4xl bg-white p-8 text-[15px] leading-7 text-black print:max-w-none print:p-0" lang="zh-CN" data-testid="printable-notice">
      <style>{'@page { size: A4; margin: 18mm 16mm; } @media print { body { background: #fff; } }'}</style>
      <div className="no-print mb-6 flex items-center justify-between">
        <Link href={`/inspection/notices/${n.id}`} className="text-sm text-blue-800 hover:underline">
          ← 返回通知单
        </Link>
        <PrintButton label="打印 / 导出 PDF" />
      </div>
      <header className="text-center">
        <p className="text-lg tracking-widest text-red-700">社会信用体系建设领导小组办公室</p>
        <h1 className="mt-2 text-3xl font-bold tracking-[0.5em]">督办通知单</h1>
        <p className="mt-2" data-testid="print-number">
          {n.number}
        </p>
        <hr className="mt-3 border-t-2 border-red-700" />
      </header>
      <section className="mt-6 space-y-3">
        <p className="font-semibold">{n.unitName}：</p>
        <p className="indent-8">
          经督查，截至 {zhDate(n.issuedOn)}，你单位存在以下 {n.items.length} 项问题尚未整改（超期天数按工作日计）。请于 {zhDate(n.replyDeadline)}
          前（{n.replyWorkdays} 个工作日内）完成整改，并在平台签收本通知。整改情况以平台数据为准，由系统自动核对。
        </p>
        {n.note && <p className="indent-8 whitespace-pre-wrap">{n.note}</p>}
      </section>
      <table className="mt-4 w-full border-collapse text-sm" data-testid="print-items">
        <thead>
          <tr>
            {['序号', '问题类型', '事项', '问题说明', '期限', '超期（工作日）', '整改情况'].map((h) => (
              <th key={h} className="border border-black px-1.5 py-1 font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {n.items.map((i) => (
            <tr key={i.itemNo} className="break-inside-avoid align-top">
              <td className="border border-black px-1.5 py-1 text-center">{i.itemNo}</td>
              <td className="border border-black px-1.5 py-1 whitespace-nowrap">{KIND_LABEL_ZH[i.kind as ProblemKind] ?? i.kind}</td>
              <td className="border border-black px-1.5 py-1 break-all">{i.subject}</td>
              <td className="border border-black px-1.5 py-1">{i.detail}</td>
              <td className="border border-black px-1.5 py-1 whitespace-nowrap">{i.deadline ?? '—'}</td>
              <td className="border border-black px-1.5 py-1 text-center">{i.workdaysOverdue}</td>
              <td className="border border-black px-1.5 py-1">{rectification(i)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="mt-10 flex justify-between gap-8">
        <div className="text-sm">
          <p>签发：{n.issuedBy}</p>
          <p>签收：{n.acknowledgedOn ? `${zhDate(n.acknowledgedOn)}（${n.acknowledgedBy ?? ''}）` : '未签收'}</p>
          <p>办结：{n.closedOn ? zhDate(n.closedOn) : '未办结'}</p>
        </div>
        <div className="text-right">
          <p>社会信用体系建设领导小组办公室</p>
          <p>{zhDate(n.issuedOn)}</p>
        </div>
      </section>
    </main>
  );
}
