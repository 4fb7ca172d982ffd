import type { Problem } from './problems';

const FREQUENCY_ZH: Record<string, string> = { daily: '日报', weekly: '周报', monthly: '月报', quarterly: '季报' };
const STREAM_ZH: Record<string, string> = {
  records: '信用信息',
  licenses: '行政许可',
  penalties: '行政处罚',
  decisions: '决定登记',
  sanctions: '奖惩推送',
  feedback: '奖惩反馈',
};

/** A one-line Chinese description of a problem, for exports and printed notices. */
export function describeZh(p: Problem): string {
  switch (p.kind) {
    case 'publicity_overdue':
      return `${p.docKind === 'penalty' ? '行政处罚' : '行政许可'}决定 ${p.subject}，决定日期 ${p.date}，公示期限 ${p.deadline}，至今未公示`;
    case 'publicity_late':
      return `${p.docKind === 'penalty' ? '行政处罚' : '行政许可'}决定 ${p.subject}，公示期限 ${p.deadline}，${p.publicationDate} 公示`;
    case 'sanction_overdue':
      return `案件 ${p.subject}（${p.subjectName ?? ''}），推送日期 ${p.date}，反馈期限 ${p.deadline}，至今未反馈`;
    case 'missing_submission':
      return `${p.subject} ${FREQUENCY_ZH[p.frequency ?? ''] ?? ''} ${p.date} 至 ${p.windowEnd} 应报未报，此后亦未报送`;
    case 'volume_anomaly':
      return `${p.date} 归集数据量 ${p.volume ?? 0} 条，显著低于基线（约 ${p.expected ?? 0} 条）`;
    case 'rejected_unresent':
      return `${STREAM_ZH[p.stream ?? ''] ?? p.stream} 第 ${p.subject.split('#')[1] ?? ''} 行（${p.rowKey || '主键不可读'}）于 ${p.date} 被拒（${(p.errorCodes ?? []).join('、')}），未重新报送`;
  }
}

