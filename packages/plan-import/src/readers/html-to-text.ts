/**
 * The HTML mammoth makes of a .docx, as lines of text: one line per paragraph, heading and list
 * item; a table row as its cells separated by tabs (the layout plan-parsing.md describes for
 * Phụ lục tables). Inline marks (bold, italic, links) are dropped.
 */
import { Deadline } from '../deadline.js';

const BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'div',
  'blockquote',
  'table',
  'ul',
  'ol',
]);
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decode(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/gu, (whole, body: string) => {
    if (body.startsWith('#x'))
      return String.fromCodePoint(Number.parseInt(body.slice(2), 16) || 32);
    if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10) || 32);
    return ENTITIES[body] ?? whole;
  });
}

export function htmlToText(html: string, deadline: Deadline = Deadline.none()): string {
  const lines: string[] = [];
  let line = '';
  let inCell = false;
  let cellDepth = 0;
  let cell: string[] = [];
  let cellText = '';
  let row: string[] | null = null;
  const flush = (): void => {
    const text = line.replace(/[ \t]+/gu, ' ').trim();
    // A list mark waiting for its item's text stays.
    if (text === '-') return;
    if (text !== '') lines.push(text);
    line = '';
  };
  const pattern = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(\/?)>|([^<]+)/gu;
  let count = 0;
  for (const match of html.matchAll(pattern)) {
    if (++count % 2048 === 0) deadline.check();
    const [, closing, rawName, selfClosing, text] = match;
    if (text !== undefined) {
      const decoded = decode(text).replace(/\s+/gu, ' ');
      if (inCell) cellText += decoded;
      else line += decoded;
      continue;
    }
    const name = (rawName ?? '').toLowerCase();
    const isClose = closing === '/';
    if (name === 'tr') {
      if (!isClose) row = [];
      else if (row !== null) {
        flush();
        lines.push(row.join('\t'));
        row = null;
      }
      continue;
    }
    if (name === 'td' || name === 'th') {
      if (!isClose) {
        cellDepth++;
        inCell = true;
        cell = [];
        cellText = '';
      } else {
        cellDepth = Math.max(0, cellDepth - 1);
        if (cellText.trim() !== '') cell.push(cellText.trim());
        row?.push(
          cell
            .join(' ')
            .replace(/[\t ]+/gu, ' ')
            .trim(),
        );
        inCell = cellDepth > 0;
        cellText = '';
      }
      continue;
    }
    if (name === 'br') {
      if (inCell) cellText += ' ';
      else flush();
      continue;
    }
    if (BLOCKS.has(name)) {
      if (inCell) {
        if (cellText.trim() !== '') cell.push(cellText.trim());
        cellText = '';
        continue;
      }
      if (!isClose && name === 'li') {
        flush();
        line = '- ';
        continue;
      }
      // An empty paragraph is a blank line: it keeps paragraphs apart as in a text file.
      if (isClose && name === 'p' && line.trim() === '') {
        lines.push('');
        continue;
      }
      flush();
      continue;
    }
    void selfClosing;
  }
  flush();
  return lines.join('\n');
}
