import { describe, expect, it } from 'vitest';
import { Deadline } from './deadline.js';
import { isPlanImportError, PlanImportError, type TPlanImportErrorCode } from './errors.js';
import { extractPlan, type ExtractPlanInput, type ExtractPlanOptions } from './extract-plan.js';
import { htmlToText } from './readers/html-to-text.js';
import { decodeText, detectFormat, mergeTables } from './readers/index.js';
import {
  docxFromText,
  pdfFromText,
  pdfWithoutText,
  pdfWithPages,
} from './test-support/documents.js';

const PLAN = [
  'KẾ HOẠCH',
  'Cải cách hành chính năm 2025 của xã Thử Nghiệm',
  '1. Cải cách thủ tục hành chính',
  '- Tỷ lệ giải quyết hồ sơ đúng hạn đạt tối thiểu 98%.',
  'STT\tChỉ tiêu\tChỉ tiêu năm 2025',
  '1\tThực hiện số hóa hồ sơ, kết quả giải quyết TTHC\t90%',
].join('\n');

async function failure(
  input: ExtractPlanInput,
  options?: ExtractPlanOptions,
): Promise<PlanImportError> {
  try {
    await extractPlan(input, options);
  } catch (error) {
    if (isPlanImportError(error)) return error;
    throw error;
  }
  throw new Error('expected a PlanImportError');
}

describe('format detection', () => {
  it('goes by the first bytes, then the extension', () => {
    expect(detectFormat(Buffer.from('%PDF-1.7 …'), 'ke-hoach.txt')).toBe('pdf');
    expect(detectFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'ke-hoach.docx')).toBe('docx');
    expect(detectFormat(Buffer.from('Kế hoạch'), 'ke-hoach.md')).toBe('md');
    expect(detectFormat(Buffer.from('Kế hoạch'), 'ke-hoach')).toBe('txt');
    expect(() => detectFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04]), 'bang.xlsx')).toThrow(
      PlanImportError,
    );
    expect(() => detectFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'cu.doc')).toThrow(/\.docx/u);
    expect(() => detectFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'anh.png')).toThrow(/ảnh/u);
  });

  it('decodes UTF-8 with or without BOM and UTF-16 with BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFChỉ tiêu', 'utf8'))).toBe('Chỉ tiêu');
    expect(
      decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Chỉ tiêu', 'utf16le')])),
    ).toBe('Chỉ tiêu');
    expect(typeof decodeText(Buffer.from([0xc3, 0x28, 0xa0, 0xa1]))).toBe('string');
  });
});

describe('readers', () => {
  it('turns mammoth HTML into lines, list items and tab-separated table rows', () => {
    const html =
      '<h1>KẾ HOẠCH</h1><p>Mục <strong>tiêu</strong> &amp; chỉ tiêu</p><ul><li>một</li></ul><table><tr><td><p>1</p></td><td><p>Số hóa</p><p>hồ sơ</p></td><td></td></tr></table>';
    expect(htmlToText(html, Deadline.none())).toBe(
      'KẾ HOẠCH\nMục tiêu & chỉ tiêu\n- một\n1\tSố hóa hồ sơ\t',
    );
  });

  it('puts a PDF table back as rows where its words ran together', () => {
    const page = 'Trước bảng.\nSTT Chỉ tiêu Năm\n2024\n1 Số hóa hồ sơ 90%\nSau bảng.';
    const merged = mergeTables(
      page,
      [
        [
          ['STT', 'Chỉ tiêu', 'Năm\n2024'],
          ['1', 'Số hóa hồ sơ', '90%'],
        ],
      ],
      Deadline.none(),
    );
    expect(merged).toBe(
      'Trước bảng.\n\nSTT\tChỉ tiêu\tNăm 2024\n1\tSố hóa hồ sơ\t90%\n\nSau bảng.',
    );
  });

  it('reads the same plan from .txt, .md, .docx and .pdf', async () => {
    const fromText = await extractPlan({ text: PLAN });
    const fromMd = await extractPlan({ buffer: Buffer.from(PLAN), filename: 'ke-hoach.md' });
    const fromDocx = await extractPlan({
      buffer: await docxFromText(PLAN),
      filename: 'ke-hoach.docx',
    });
    const fromPdf = await extractPlan({
      buffer: await pdfFromText(PLAN),
      filename: 'ke-hoach.pdf',
    });
    const brief = (proposal: typeof fromText) =>
      proposal.targets.map((target) => [
        target.indicatorCode,
        target.comparator,
        target.value,
        target.dueYear,
      ]);
    expect(brief(fromText)).toEqual([
      ['TTHC.ONTIME', 'gte', 98, 2025],
      ['TTHC.DIGITIZE', 'eq', 90, 2025],
    ]);
    expect(brief(fromMd)).toEqual(brief(fromText));
    expect(brief(fromDocx)).toEqual(brief(fromText));
    expect(brief(fromPdf)).toEqual(brief(fromText));
  });
});

describe('clear, coded refusals', () => {
  const cases: [string, () => Promise<PlanImportError>, TPlanImportErrorCode, number][] = [
    [
      'an unsupported type',
      () => failure({ buffer: Buffer.from('a,b\n1,2'), filename: 'bang.xlsx' }),
      'unsupported_type',
      415,
    ],
    [
      'an empty file',
      () => failure({ buffer: Buffer.alloc(0), filename: 'rong.txt' }),
      'empty_document',
      422,
    ],
    ['blank text', () => failure({ text: ' \n\t \n' }), 'empty_document', 422],
    [
      'a broken .docx',
      () =>
        failure({ buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), filename: 'hong.docx' }),
      'unreadable',
      422,
    ],
    [
      'a broken .pdf',
      () => failure({ buffer: Buffer.from('%PDF-1.4\n garbage'), filename: 'hong.pdf' }),
      'unreadable',
      422,
    ],
    [
      'a .docx that is not a zip',
      () => failure({ buffer: Buffer.from('plain'), filename: 'sai.docx' }),
      'unreadable',
      422,
    ],
    [
      'text that is no plan',
      () => failure({ text: 'Hôm nay trời đẹp. Tổng lượt truy cập: 1.234.' }),
      'not_a_plan',
      422,
    ],
    [
      'text over the character limit',
      () => failure({ text: PLAN }, { maxChars: 50 }),
      'too_large',
      413,
    ],
    [
      'a buffer far over the character limit',
      () => failure({ buffer: Buffer.alloc(10_000, 0x41), filename: 'dai.txt' }, { maxChars: 100 }),
      'too_large',
      413,
    ],
    [
      'a time limit that is too short',
      () => failure({ text: PLAN.repeat(400) }, { timeoutMs: 0 }),
      'timeout',
      422,
    ],
  ];
  it.each(cases)('%s', async (_name, run, code, status) => {
    const error = await run();
    expect(error).toBeInstanceOf(PlanImportError);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.message).toMatch(/\p{L}{2}/u);
  });

  it('a PDF without a text layer', async () => {
    const error = await failure({ buffer: await pdfWithoutText(2), filename: 'scan.pdf' });
    expect([error.code, error.status]).toEqual(['no_text_layer', 422]);
    expect(error.message).toMatch(/lớp chữ/u);
  });

  it('a PDF with too many pages', async () => {
    const error = await failure(
      { buffer: await pdfWithPages(3, 'Tỷ lệ hồ sơ đúng hạn đạt 98%.'), filename: 'dai.pdf' },
      { maxPages: 2 },
    );
    expect([error.code, error.status]).toEqual(['too_many_pages', 413]);
  });
});
