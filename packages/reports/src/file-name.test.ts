import { describe, expect, it } from 'vitest';
import { breakHeadingLine, formatChangeMark } from './labels.js';
import { REPORT_CONTENT_TYPES, reportFileName } from './index.js';
import { reportContext } from './testing/fixtures.js';

describe('reportFileName', () => {
  it('gives a Vietnamese name and an ASCII fallback for a ranking', () => {
    const context = reportContext({
      indicator: {
        code: 'CQS.DTI',
        nameVi: 'Chỉ số chuyển đổi số (DTI)',
        unit: 'score',
        precision: 4,
      },
    });
    const name = reportFileName('ranking', context, 'xlsx', { period: '2026' });
    expect(name.utf8).toBe('Xếp-hạng-DTI-2026-20260612.xlsx');
    expect(name.ascii).toBe('Xep-hang-DTI-2026-20260612.xlsx');
    expect(name.contentDisposition).toBe(
      `attachment; filename="Xep-hang-DTI-2026-20260612.xlsx"; filename*=UTF-8''${encodeURIComponent('Xếp-hạng-DTI-2026-20260612.xlsx')}`,
    );
  });

  it('names comparisons, the composite score and demo data; keeps the fallback ASCII', () => {
    expect(
      reportFileName('comparison', reportContext({ isDemo: true }), 'pdf', { period: '2026-Q3' })
        .utf8,
    ).toBe('So-sánh-chỉ-tiêu-2026-Q3-20260612-Minh-họa.pdf');
    const composite = reportFileName('ranking', reportContext({ indicator: 'composite' }), 'docx');
    expect(composite.utf8).toBe('Xếp-hạng-Tổng-hợp-20260612.docx');
    expect(composite.ascii).toBe('Xep-hang-Tong-hop-20260612.docx');
    expect(composite.ascii).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it('never lets a period or code break out of the file name', () => {
    const name = reportFileName(
      'ranking',
      reportContext({
        indicator: { code: 'X."/../\r\n;evil', nameVi: 'x', unit: 'count', precision: 0 },
      }),
      'csv',
      { period: '2026"; filename=x' },
    );
    expect(name.ascii).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(name.contentDisposition).not.toMatch(/[\r\n]/);
    expect(name.contentDisposition.match(/"/g)).toHaveLength(2);
  });

  it('has a content type per format', () => {
    expect(REPORT_CONTENT_TYPES).toEqual({
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      pdf: 'application/pdf',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      csv: 'text/csv; charset=utf-8',
    });
  });
});

describe('labels', () => {
  it('writes rank changes as ▲ 3 / ▼ 1 / = / mới', () => {
    expect(formatChangeMark({ change: 3, isNew: false })).toBe('▲ 3');
    expect(formatChangeMark({ change: -1, isNew: false })).toBe('▼ 1');
    expect(formatChangeMark({ change: 0, isNew: false })).toBe('=');
    expect(formatChangeMark({ change: null, isNew: true })).toBe('mới');
    expect(formatChangeMark({ change: null, isNew: false })).toBe('');
  });

  it('breaks a long issuing body before the place word', () => {
    const fits = (text: string) => text.length <= 20;
    expect(breakHeadingLine('SỞ NỘI VỤ THÀNH PHỐ HÀ NỘI', fits)).toEqual([
      'SỞ NỘI VỤ',
      'THÀNH PHỐ HÀ NỘI',
    ]);
    expect(breakHeadingLine('ỦY BAN NHÂN DÂN XÃ Ô DIÊN', fits)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'XÃ Ô DIÊN',
    ]);
    expect(breakHeadingLine('SỞ NỘI VỤ', fits)).toEqual(['SỞ NỘI VỤ']);
    expect(breakHeadingLine('AAAA BBBB CCCC DDDD EEEE', fits)).toEqual([
      'AAAA BBBB',
      'CCCC DDDD EEEE',
    ]);
  });
});
