import { describe, expect, it } from 'vitest';
import { normalise } from './normalise.js';

function texts(source: string, layout: 'lines' | 'wrapped' = 'lines'): string[] {
  return normalise(source, { layout }).paragraphs.map((paragraph) => paragraph.text);
}

describe('normalise', () => {
  it('composes decomposed Vietnamese (NFC) and quotes the source as it was written', () => {
    const decomposed = 'Tỷ lệ hồ sơ đạt 90%'.normalize('NFD');
    const document = normalise(decomposed);
    const paragraph = document.paragraphs[0];
    expect(paragraph?.text).toBe('Tỷ lệ hồ sơ đạt 90%');
    if (paragraph === undefined) return;
    const quoted = document.quote(paragraph, 0, paragraph.text.length);
    expect(quoted.quote).toBe(decomposed);
    expect(quoted.line).toBe(1);
  });

  it('strips HTML tags and entities but keeps them in the quote', () => {
    const document = normalise('a\n\t- <i>Phấn đấu tỷ lệ</i>\t<i>Trên 90%</i>&nbsp;');
    const row = document.paragraphs[1];
    expect(row?.cells?.map((cell) => cell.text)).toEqual(['', '- Phấn đấu tỷ lệ', 'Trên 90%']);
    if (row === undefined) return;
    const start = row.text.indexOf('Phấn');
    const end = row.text.indexOf('%') + 1;
    expect(document.quote(row, start, end)).toEqual({
      quote: 'Phấn đấu tỷ lệ</i>\t<i>Trên 90%',
      line: 2,
    });
  });

  it('removes Markdown marks and notes headings and list items', () => {
    const document = normalise(
      '## **2. Các chỉ tiêu chung**\n\n- *Căn cứ Luật;*\n**Điều 1.** Phê duyệt',
    );
    expect(
      document.paragraphs.map((paragraph) => [paragraph.text, paragraph.heading, paragraph.bullet]),
    ).toEqual([
      ['2. Các chỉ tiêu chung', true, false],
      ['Căn cứ Luật;', false, true],
      ['Điều 1. Phê duyệt', false, false],
    ]);
  });

  it('reads a decimal comma as a decimal point', () => {
    expect(texts('giảm tối thiểu 2,5% chi hỗ trợ; 20%, 15% là hai giá trị')).toEqual([
      'giảm tối thiểu 2.5% chi hỗ trợ; 20%, 15% là hai giá trị',
    ]);
  });

  it('fixes the known typos without touching the real words', () => {
    expect(
      texts(
        '- Phần đầu có 30% TTHC\n- Phân đấu tỷ lệ đạt 90%\n- tự bảo đảm chỉ thường xuyên\n- Phần đầu của kế hoạch',
      ),
    ).toEqual([
      'Phấn đấu có 30% TTHC',
      'Phấn đấu tỷ lệ đạt 90%',
      'tự bảo đảm chi thường xuyên',
      'Phần đầu của kế hoạch',
    ]);
  });

  it('joins lines broken inside a sentence, also across one blank line, and keeps the first line number', () => {
    const document = normalise(
      'Tiêu đề:\n\nđẩy mạnh số hóa, đặc biệt\n\ntrong các lĩnh vực đất đai.\nCâu mới bắt đầu.\n\n\nvà không nối sau hai dòng trống',
    );
    expect(document.paragraphs.map((paragraph) => [paragraph.line, paragraph.text])).toEqual([
      [1, 'Tiêu đề:'],
      [3, 'đẩy mạnh số hóa, đặc biệt trong các lĩnh vực đất đai.'],
      [6, 'Câu mới bắt đầu.'],
      [9, 'và không nối sau hai dòng trống'],
    ]);
  });

  it('never joins list items, numbered headings or table rows', () => {
    expect(texts('Nội dung\n- một\n- hai\n1. Mục tiêu\na) Chỉ tiêu:\nx\ty')).toEqual([
      'Nội dung',
      'một',
      'hai',
      '1. Mục tiêu',
      'a) Chỉ tiêu:',
      'x\ty',
    ]);
  });

  it('joins the nearly full lines of a page-wrapped PDF text', () => {
    const long =
      'Tối thiểu 80% thủ tục hành chính có yêu cầu nghĩa vụ tài chính, được triển khai thanh toán';
    expect(texts(`${long}\nTrực tuyến trên Cổng;\n- một mục`, 'wrapped')).toEqual([
      `${long} Trực tuyến trên Cổng;`,
      'một mục',
    ]);
  });

  it('reads Markdown pipe tables as rows of cells', () => {
    const document = normalise(
      '| STT | Chỉ tiêu | Năm 2024 |\n|---|---|---|\n| 1 | Số hóa hồ sơ | 90% |',
    );
    expect(
      document.paragraphs.map((paragraph) => paragraph.cells?.map((cell) => cell.text)),
    ).toEqual([
      ['STT', 'Chỉ tiêu', 'Năm 2024'],
      ['1', 'Số hóa hồ sơ', '90%'],
    ]);
  });

  it('counts lines the same with CRLF line ends', () => {
    const document = normalise('a.\r\n\r\nB đạt 90%\r\n');
    expect(document.paragraphs.map((paragraph) => paragraph.line)).toEqual([1, 3]);
    expect(document.lineText(3)).toBe('B đạt 90%');
  });
});
