import { describe, expect, it } from 'vitest';
import { sheetToCsv } from '@/app/_components/upload/sheetToCsv';

describe('sheetToCsv', () => {
  it('turns the first row into the header, Excel dates into calendar dates, drops empty rows', () => {
    const csv = sheetToCsv([
      ['docNo', 'decisionDate', 'fineAmount', 'subjectName'],
      ['CF-1', new Date(Date.UTC(2025, 0, 26)), 5000.5, '甲公司,分店'],
      [null, null, null, null],
      ['CF-2', '2025-02-08', 0, undefined],
    ]);
    expect(csv).toBe('\uFEFFdocNo,decisionDate,fineAmount,subjectName\r\nCF-1,2025-01-26,5000.5,"甲公司,分店"\r\nCF-2,2025-02-08,0,\r\n');
  });
  it('keeps a time when the cell has one', () => {
    expect(sheetToCsv([['receivedAt'], [new Date(Date.UTC(2025, 0, 5, 10, 30, 0))]])).toContain('2025-01-05 10:30:00');
  });
});
