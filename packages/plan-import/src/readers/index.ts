/**
 * Document readers: .txt and .md (and pasted text), .docx through mammoth (tables included, as
 * tab-separated rows), .pdf with a text layer through pdf-parse (bordered tables rebuilt as
 * tab-separated rows). Each returns plain text for the normaliser, or throws a coded
 * PlanImportError with a Vietnamese message: unsupported type, empty file, unreadable file, PDF
 * without a text layer, too many pages.
 */
import mammoth from 'mammoth';
import { assertReasonableZip } from './zip-guard.js';
import { PasswordException, PDFParse } from 'pdf-parse';
import { Deadline, withDeadline } from '../deadline.js';
import { PlanImportError } from '../errors.js';
import { htmlToText } from './html-to-text.js';

export type DocumentFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

export interface ReadDocument {
  format: DocumentFormat;
  text: string;
  /** `wrapped` when lines were broken by the page width (PDF). */
  layout: 'lines' | 'wrapped';
  pages: number | null;
  warnings: { code: string; message: string }[];
}

export interface ReadOptions {
  maxPages: number;
  deadline: Deadline;
}

const TEXT_EXTENSIONS = new Set(['txt', 'text', 'md', 'markdown']);
const HTML_EXTENSIONS = new Set(['html', 'htm']);

function extensionOf(filename: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/u.exec(filename.trim());
  return match === null ? '' : (match[1] ?? '').toLowerCase();
}

function startsWith(buffer: Buffer, bytes: readonly number[]): boolean {
  return bytes.every((byte, index) => buffer[index] === byte);
}

function unsupported(filename: string, hint?: string): PlanImportError {
  const extension = extensionOf(filename);
  const what = extension === '' ? 'Tệp này' : `Tệp .${extension}`;
  return new PlanImportError(
    'unsupported_type',
    `${what} không đọc được: chỉ nhận văn bản (.txt, .md), Word (.docx) và PDF có lớp chữ (.pdf).${hint === undefined ? '' : ` ${hint}`}`,
    { filename },
  );
}

/** Which reader a file needs: by its first bytes first (a renamed file is still what it is), then its extension. */
export function detectFormat(buffer: Buffer, filename: string): DocumentFormat {
  const extension = extensionOf(filename);
  if (startsWith(buffer, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04])) {
    if (extension === 'docx' || extension === '') return 'docx';
    throw unsupported(filename);
  }
  if (startsWith(buffer, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw unsupported(filename, 'Tệp Word cũ (.doc) cần được lưu lại dưới dạng .docx.');
  }
  if (
    startsWith(buffer, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(buffer, [0xff, 0xd8, 0xff]) ||
    startsWith(buffer, [0x47, 0x49, 0x46, 0x38]) ||
    startsWith(buffer, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(buffer, [0x4d, 0x4d, 0x00, 0x2a])
  ) {
    throw unsupported(filename, 'Đây là ảnh chụp: cần bản văn bản hoặc PDF có lớp chữ.');
  }
  if (extension === 'docx') throw unreadable('docx', new Error('not a zip archive'));
  if (extension === 'pdf') throw unreadable('pdf', new Error('no %PDF header'));
  if (TEXT_EXTENSIONS.has(extension)) return extension.startsWith('m') ? 'md' : 'txt';
  if (HTML_EXTENSIONS.has(extension)) return 'html';
  if (extension === '' && looksLikeText(buffer)) return 'txt';
  throw unsupported(filename);
}

function looksLikeText(buffer: Buffer): boolean {
  if (startsWith(buffer, [0xff, 0xfe]) || startsWith(buffer, [0xfe, 0xff])) return true;
  const sample = buffer.subarray(0, 4096);
  return !sample.includes(0);
}

function unreadable(format: DocumentFormat, cause: unknown): PlanImportError {
  const names: Record<DocumentFormat, string> = {
    txt: 'văn bản',
    md: 'văn bản',
    html: 'HTML',
    docx: 'Word (.docx)',
    pdf: 'PDF',
  };
  return new PlanImportError(
    'unreadable',
    `Không đọc được tệp ${names[format]}: tệp bị hỏng hoặc không đúng định dạng.`,
    { cause: cause instanceof Error ? cause.message : String(cause) },
  );
}

/** Text bytes to a string: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258 when UTF-8 fails. */
export function decodeText(buffer: Buffer): string {
  if (startsWith(buffer, [0xef, 0xbb, 0xbf]))
    return new TextDecoder('utf-8').decode(buffer.subarray(3));
  if (startsWith(buffer, [0xff, 0xfe]))
    return new TextDecoder('utf-16le').decode(buffer.subarray(2));
  if (startsWith(buffer, [0xfe, 0xff]))
    return new TextDecoder('utf-16be').decode(buffer.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    try {
      return new TextDecoder('windows-1258').decode(buffer);
    } catch {
      return new TextDecoder('utf-8').decode(buffer);
    }
  }
}

async function readDocx(buffer: Buffer, deadline: Deadline): Promise<string> {
  await assertReasonableZip(buffer);
  let html: string;
  try {
    const result = await withDeadline(
      mammoth.convertToHtml({ buffer }, { ignoreEmptyParagraphs: false }),
      deadline,
    );
    html = result.value;
  } catch (error) {
    if (error instanceof PlanImportError) throw error;
    throw unreadable('docx', error);
  }
  return htmlToText(html, deadline);
}

interface PdfText {
  text: string;
  pages: number;
}

async function readPdf(buffer: Buffer, options: ReadOptions): Promise<PdfText> {
  // pdf.js may take the bytes over: give it its own copy.
  const parser = new PDFParse({ data: new Uint8Array(buffer), verbosity: 0 });
  try {
    const info = await withDeadline(parser.getInfo(), options.deadline);
    if (info.total > options.maxPages) {
      throw new PlanImportError(
        'too_many_pages',
        `Tài liệu có ${info.total} trang, vượt giới hạn ${options.maxPages} trang.`,
        { pages: info.total, maxPages: options.maxPages },
      );
    }
    const textResult = await withDeadline(parser.getText({ pageJoiner: '' }), options.deadline);
    let tablesByPage = new Map<number, string[][][]>();
    try {
      const tableResult = await withDeadline(parser.getTable(), options.deadline);
      tablesByPage = new Map(tableResult.pages.map((page) => [page.num, page.tables]));
    } catch (error) {
      if (error instanceof PlanImportError) throw error;
      // Tables are a help, not a need: the text is read without them.
    }
    const pages = textResult.pages.map((page) =>
      mergeTables(page.text, tablesByPage.get(page.num) ?? [], options.deadline),
    );
    return { text: pages.join('\n\n'), pages: info.total };
  } catch (error) {
    if (error instanceof PlanImportError) throw error;
    if (error instanceof PasswordException) {
      throw new PlanImportError(
        'unreadable',
        'Tệp PDF có mật khẩu: hãy gỡ mật khẩu rồi tải lên lại.',
      );
    }
    throw unreadable('pdf', error);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

/** Whitespace-free copy of a text with the offset of each kept character. */
function compact(text: string): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (/\s/u.test(char)) continue;
    out += char;
    offsets.push(i);
  }
  return { text: out, offsets };
}

/**
 * Puts a page's bordered tables back as tab-separated rows: pdf-parse's text has each cell's words
 * in reading order but with the cells run together; its table reader has the cells. The table's
 * stretch of text, from its first cell to its last, is replaced by the rows.
 */
export function mergeTables(
  pageText: string,
  tables: readonly string[][][],
  deadline: Deadline,
): string {
  if (tables.length === 0) return pageText;
  let text = pageText;
  let cursor = 0;
  for (const table of tables) {
    deadline.check();
    const rows = table.map((row) => row.map((cell) => cell.replace(/\s+/gu, ' ').trim()));
    const filled = rows.filter((row) => row.some((cell) => cell !== ''));
    const firstRow = filled[0];
    const lastRow = filled[filled.length - 1];
    if (firstRow === undefined || lastRow === undefined) continue;
    // Anchors: the first and the last row's words run together, as the text stream has them.
    const firstKey = firstRow.join('').replace(/\s+/gu, '');
    const lastKey = lastRow.join('').replace(/\s+/gu, '');
    const page = compact(text);
    const from = page.offsets.findIndex((offset) => offset >= cursor);
    if (from < 0) continue;
    const firstAt = page.text.indexOf(firstKey, from);
    if (firstAt < 0) continue;
    // The last row's words may recur (a header repeated on the page): take the occurrence where
    // the table's words, all run together, would end.
    const expectedEnd = firstAt + rows.flat().join('').replace(/\s+/gu, '').length;
    let lastAt = filled.length === 1 ? firstAt : -1;
    for (
      let at = page.text.indexOf(lastKey, firstAt + firstKey.length);
      at >= 0 && filled.length > 1;
      at = page.text.indexOf(lastKey, at + 1)
    ) {
      if (
        lastAt < 0 ||
        Math.abs(at + lastKey.length - expectedEnd) <
          Math.abs(lastAt + lastKey.length - expectedEnd)
      ) {
        lastAt = at;
      }
    }
    if (lastAt < 0) continue;
    const start = page.offsets[firstAt] ?? 0;
    const end = (page.offsets[lastAt + lastKey.length - 1] ?? start) + 1;
    const block = `\n${rows.map((row) => row.join('\t')).join('\n')}\n`;
    text = `${text.slice(0, start)}${block}${text.slice(end)}`;
    cursor = start + block.length;
  }
  return text;
}

export async function readDocument(
  buffer: Buffer,
  filename: string,
  options: ReadOptions,
): Promise<ReadDocument> {
  if (buffer.length === 0) {
    throw new PlanImportError('empty_document', 'Tệp rỗng: không có nội dung để đọc.', {
      filename,
    });
  }
  const format = detectFormat(buffer, filename);
  switch (format) {
    case 'txt':
    case 'md':
    case 'html':
      return { format, text: decodeText(buffer), layout: 'lines', pages: null, warnings: [] };
    case 'docx':
      return {
        format,
        text: await readDocx(buffer, options.deadline),
        layout: 'lines',
        pages: null,
        warnings: [],
      };
    case 'pdf': {
      const pdf = await readPdf(buffer, options);
      if (pdf.text.replace(/\s+/gu, '').length < 20) {
        throw new PlanImportError(
          'no_text_layer',
          'Tệp PDF không có lớp chữ (có thể là bản scan): cần bản PDF xuất từ Word hoặc đã nhận dạng chữ (OCR).',
          { pages: pdf.pages },
        );
      }
      return { format, text: pdf.text, layout: 'wrapped', pages: pdf.pages, warnings: [] };
    }
  }
}
