/**
 * Normalisation with a map back to the source: Unicode NFC, HTML tags and entities, Markdown marks,
 * decimal comma, known typos, lines broken inside a sentence joined into paragraphs, table rows
 * split into cells. Every character of the normalised text remembers where it came from, so a
 * proposal can quote the document exactly (typos and tags included) and name its line.
 */
import { Deadline } from './deadline.js';
import { isLowerLetter } from './text-match.js';

/** A stretch of normalised text with, per character, the source range it came from (end exclusive). */
interface Mapped {
  text: string;
  from: number[];
  to: number[];
}

export interface Cell {
  /** The cell's normalised text, trimmed. */
  text: string;
  /** Offsets of the trimmed cell text in the paragraph's text. */
  start: number;
  end: number;
}

export interface Paragraph {
  index: number;
  /** Normalised text on one line: no line breaks, single spaces; cells separated by tabs. */
  text: string;
  /** Source offset range of each character of `text`. */
  from: readonly number[];
  to: readonly number[];
  /** 1-based source line of the paragraph's first character. */
  line: number;
  /** Table row cells (tab-separated or Markdown pipe row), else null. */
  cells: Cell[] | null;
  /** A Markdown heading (`## …`) or a line set in bold alone. */
  heading: boolean;
  /** The line began with a list mark (`-`, `+`, `•`, `*`), removed from `text`. */
  bullet: boolean;
  /** Blank source lines right before this paragraph. */
  blankBefore: number;
}

export interface NormalisedDocument {
  /** The text as read (for .docx and .pdf: the text their reader produced). */
  source: string;
  paragraphs: Paragraph[];
  /** 1-based line of a source offset. */
  lineOf(offset: number): number;
  /** The exact source text behind `paragraph.text.slice(start, end)` and its line. */
  quote(paragraph: Paragraph, start: number, end: number): { quote: string; line: number };
  /** The source line's text (1-based). */
  lineText(line: number): string;
}

export interface NormaliseOptions {
  /**
   * `wrapped` for text whose lines were broken by a page width (PDF): a nearly full line that does
   * not end a sentence is joined with the next even when that starts with a capital.
   */
  layout?: 'lines' | 'wrapped';
  deadline?: Deadline;
}

function mappedFrom(source: string, start: number, end: number): Mapped {
  const text = source.slice(start, end);
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length; i++) {
    from.push(start + i);
    to.push(start + i + 1);
  }
  return { text, from, to };
}

/**
 * Replaces every match of `pattern` (global) with `replacement(match)`. Replacement characters map
 * positionally onto the matched source characters (same-length fixes keep an exact map); a
 * deletion drops them.
 */
function replaceMapped(
  input: Mapped,
  pattern: RegExp,
  replacement: (match: RegExpExecArray) => string,
): Mapped {
  pattern.lastIndex = 0;
  let match = pattern.exec(input.text);
  if (match === null) return input;
  const out: Mapped = { text: '', from: [], to: [] };
  const parts: string[] = [];
  let cursor = 0;
  while (match !== null) {
    const start = match.index;
    const end = start + match[0].length;
    for (let i = cursor; i < start; i++) {
      out.from.push(input.from[i] ?? -1);
      out.to.push(input.to[i] ?? -1);
    }
    parts.push(input.text.slice(cursor, start));
    const replaced = replacement(match);
    parts.push(replaced);
    const length = end - start;
    for (let i = 0; i < replaced.length; i++) {
      const at = start + Math.min(i, Math.max(0, length - 1));
      out.from.push(input.from[at] ?? -1);
      const last = i === replaced.length - 1 ? end - 1 : at;
      out.to.push(input.to[last] ?? -1);
    }
    cursor = end;
    if (match[0].length === 0) pattern.lastIndex++;
    match = pattern.exec(input.text);
  }
  for (let i = cursor; i < input.text.length; i++) {
    out.from.push(input.from[i] ?? -1);
    out.to.push(input.to[i] ?? -1);
  }
  parts.push(input.text.slice(cursor));
  out.text = parts.join('');
  return out;
}

/** NFC per grapheme cluster, so that each composed character maps onto its decomposed source. */
function toNfc(input: Mapped): Mapped {
  if (!/\p{M}/u.test(input.text)) return input;
  return replaceMapped(input, /\P{M}\p{M}+|\p{M}+/gu, (match) => match[0].normalize('NFC'));
}

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ndash: '–',
  mdash: '—',
  hellip: '…',
};

function decodeEntity(match: RegExpExecArray): string {
  const body = match[1] ?? '';
  if (body.startsWith('#x') || body.startsWith('#X')) {
    const code = Number.parseInt(body.slice(2), 16);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
  }
  if (body.startsWith('#')) {
    const code = Number.parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
  }
  return ENTITIES[body.toLowerCase()] ?? match[0];
}

interface CleanLine {
  mapped: Mapped;
  heading: boolean;
  bullet: boolean;
  cells: Cell[] | null;
  /** A Markdown table separator row (`|---|---|`) or a rule (`-----`): dropped. */
  drop: boolean;
}

const CASE_PRESERVING_FIXES: [RegExp, string][] = [
  // "Phân đấu" is no word: always "Phấn đấu".
  [/(?<!\p{L})[Pp]hân đấu(?!\p{L})/gu, 'hấn đấu'],
  // "Phần đầu" ("the first part") is a word; as the opening of a target it is the typo of "Phấn đấu".
  [
    /(?<=^|[\s(;:,.-])[Pp]hần đầu(?=\s+(?:có|tối thiểu|ít nhất|mức|tỷ lệ|đạt|đến|hoàn thành|chỉ số|\d))/gu,
    'hấn đấu',
  ],
  // "chỉ thường xuyên" for "chi thường xuyên" (recurrent spending).
  [/(?<!\p{L})[Cc]hỉ thường xuyên(?!\p{L})/gu, 'hi thường xuyên'],
];

function fixTypos(input: Mapped): Mapped {
  let current = input;
  for (const [pattern, tail] of CASE_PRESERVING_FIXES) {
    // Keep the first letter (and its case); the rest is replaced character by character.
    current = replaceMapped(current, pattern, (match) => `${match[0].charAt(0)}${tail}`);
  }
  return current;
}

function cleanLine(source: string, start: number, end: number): CleanLine {
  let mapped = mappedFrom(source, start, end);
  mapped = toNfc(mapped);
  // Spaces of every kind to a plain space; invisible characters out.
  mapped = replaceMapped(mapped, /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/gu, () => ' ');
  mapped = replaceMapped(mapped, /[\u200B-\u200D\u2060\uFEFF\u00AD\r\f\v]/gu, () => '');
  // HTML.
  mapped = replaceMapped(mapped, /<br\s*\/?>/giu, () => ' ');
  mapped = replaceMapped(
    mapped,
    /<\s?\/?\s?[A-Za-z][A-Za-z0-9]{0,20}(?:\s[^<>]{0,300})?\/?>/gu,
    () => '',
  );
  mapped = replaceMapped(
    mapped,
    /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});/gu,
    decodeEntity,
  );
  // Markdown.
  let heading = false;
  const headingMark = /^\s{0,3}#{1,6}\s+/u.exec(mapped.text);
  if (headingMark !== null) {
    heading = true;
    mapped = replaceMapped(mapped, /^\s{0,3}#{1,6}\s+/gu, () => '');
  }
  if (/^\s*(?:\*\*|__)\S/u.test(mapped.text) && /\S(?:\*\*|__)\s*$/u.test(mapped.text)) {
    heading = true;
  }
  mapped = replaceMapped(
    mapped,
    /\*{2,3}|(?<![\p{L}\p{N}])_{2,3}|_{2,3}(?![\p{L}\p{N}])/gu,
    () => '',
  );
  mapped = replaceMapped(mapped, /(?<=\S)\*(?=[\s.,;:)!?]|$)|(?<=^|[\s(])\*(?=[^\s*])/gu, () => '');
  mapped = replaceMapped(mapped, /\\(?=[\\`*_{}[\]()#+\-.!|])/gu, () => '');
  // Typos and decimal comma ("2,5%" → "2.5%").
  mapped = fixTypos(mapped);
  mapped = replaceMapped(mapped, /(?<=\d),(?=\d{1,2}\s?%)/gu, () => '.');
  // Spaces: runs of spaces to one, none at the ends (tabs are cell separators and stay).
  mapped = replaceMapped(mapped, / {2,}/gu, () => ' ');
  mapped = replaceMapped(mapped, /^ +| +$/gu, () => '');
  mapped = replaceMapped(mapped, / *\t */gu, () => '\t');

  const text = mapped.text;
  if (/^\s*[-=_*]{3,}\s*$/u.test(text))
    return { mapped, heading, bullet: false, cells: null, drop: true };
  if (/^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$/u.test(text)) {
    return { mapped, heading, bullet: false, cells: null, drop: true };
  }

  if (text.includes('\t')) {
    return { mapped, heading: false, bullet: false, cells: splitCells(text, '\t'), drop: false };
  }
  if (/^\|.*\|$/u.test(text) && (text.match(/\|/gu)?.length ?? 0) >= 3) {
    // A Markdown pipe row: cells between the pipes; drop the outer pipes.
    const inner = replaceMapped(mapped, /^\|\s*|\s*\|$/gu, () => '');
    const tabbed = replaceMapped(inner, /\s*\|\s*/gu, () => '\t');
    return {
      mapped: tabbed,
      heading: false,
      bullet: false,
      cells: splitCells(tabbed.text, '\t'),
      drop: false,
    };
  }
  let bullet = false;
  if (/^(?:[-+•–—]|\*(?=\s))\s*(?=\S)/u.test(text)) {
    bullet = true;
    mapped = replaceMapped(mapped, /^(?:[-+•–—]|\*(?=\s))\s*/gu, () => '');
  }
  return { mapped, heading, bullet, cells: null, drop: false };
}

function splitCells(text: string, separator: string): Cell[] {
  const cells: Cell[] = [];
  let start = 0;
  for (const part of text.split(separator)) {
    const leading = part.length - part.trimStart().length;
    const trimmed = part.trim();
    cells.push({ text: trimmed, start: start + leading, end: start + leading + trimmed.length });
    start += part.length + separator.length;
  }
  return cells;
}

const NUMBERING_START = /^(?:[IVXLC]{1,6}[.)]|\d{1,2}(?:\.\d{1,2}){0,3}[.)]?|[a-zđ]\)|Điều \d)\s/u;

function endsSentence(text: string): boolean {
  return /[.;:!?]["”'»)]*$/u.test(text) || /\)\s*$/u.test(text);
}

function firstLetter(text: string): string {
  const match = /\p{L}/u.exec(text);
  return match === null ? '' : match[0];
}

function lineStartsOf(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const char = source.charCodeAt(i);
    if (char === 10) starts.push(i + 1);
    else if (char === 13) {
      if (source.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Appends `b` to `a` (in place) with one space between them. */
function append(a: Mapped, b: Mapped): void {
  a.text = `${a.text} ${b.text}`;
  a.from.push(-1);
  a.to.push(-1);
  for (let i = 0; i < b.from.length; i++) {
    a.from.push(b.from[i] ?? -1);
    a.to.push(b.to[i] ?? -1);
  }
}

export function normalise(source: string, options: NormaliseOptions = {}): NormalisedDocument {
  const deadline = options.deadline ?? Deadline.none();
  const lineStarts = lineStartsOf(source);
  const lineEnd = (index: number): number => {
    const next = lineStarts[index + 1];
    if (next === undefined) return source.length;
    let end = next - 1;
    if (source.charCodeAt(end) === 10 && source.charCodeAt(end - 1) === 13) end--;
    return end;
  };

  const clean: { line: CleanLine; lineNo: number }[] = [];
  for (let index = 0; index < lineStarts.length; index++) {
    if (index % 256 === 0) deadline.check();
    const start = lineStarts[index] ?? 0;
    clean.push({ line: cleanLine(source, start, lineEnd(index)), lineNo: index + 1 });
  }

  let wrapWidth = Number.POSITIVE_INFINITY;
  if (options.layout === 'wrapped') {
    const lengths = clean
      .map(({ line }) => line.mapped.text.length)
      .filter((length) => length >= 20)
      .sort((a, b) => a - b);
    const at = lengths[Math.floor(lengths.length * 0.9)];
    if (at !== undefined) wrapWidth = at * 0.8;
  }

  interface Draft {
    mapped: Mapped;
    line: number;
    cells: Cell[] | null;
    heading: boolean;
    bullet: boolean;
    blankBefore: number;
    lastRaw: string;
  }
  const drafts: Draft[] = [];
  let blanks = 0;
  for (const { line, lineNo } of clean) {
    if (line.drop) continue;
    const text = line.mapped.text;
    if (text.trim() === '' && line.cells === null) {
      blanks++;
      continue;
    }
    if (line.cells !== null && line.cells.every((cell) => cell.text === '')) {
      blanks++;
      continue;
    }
    const previous = drafts[drafts.length - 1];
    const join =
      previous !== undefined &&
      blanks <= 1 &&
      previous.cells === null &&
      line.cells === null &&
      !line.bullet &&
      !line.heading &&
      !NUMBERING_START.test(text) &&
      ((!endsSentence(previous.lastRaw) && isLowerLetter(firstLetter(text))) ||
        // A line broken by the page width: nearly full, not the end of a sentence (";" and ","
        // run on), and the next is no list item.
        (options.layout === 'wrapped' &&
          blanks === 0 &&
          previous.lastRaw.length >= wrapWidth &&
          !/[.!?:]["”'»)]*$/u.test(previous.lastRaw)));
    if (join) {
      append(previous.mapped, line.mapped);
      previous.lastRaw = text;
    } else {
      drafts.push({
        mapped: line.mapped,
        line: lineNo,
        cells: line.cells,
        heading: line.heading,
        bullet: line.bullet,
        blankBefore: blanks,
        lastRaw: text,
      });
    }
    blanks = 0;
  }

  const paragraphs: Paragraph[] = drafts.map((draft, index) => ({
    index,
    text: draft.mapped.text,
    from: draft.mapped.from,
    to: draft.mapped.to,
    line: draft.line,
    cells: draft.cells,
    heading: draft.heading,
    bullet: draft.bullet,
    blankBefore: draft.blankBefore,
  }));

  const lineOf = (offset: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };

  return {
    source,
    paragraphs,
    lineOf,
    lineText: (line: number) => {
      const start = lineStarts[line - 1];
      if (start === undefined) return '';
      return source.slice(start, lineEnd(line - 1));
    },
    quote: (paragraph: Paragraph, start: number, end: number) => {
      let first = -1;
      let last = -1;
      for (let i = Math.max(0, start); i < Math.min(end, paragraph.text.length); i++) {
        if ((paragraph.from[i] ?? -1) >= 0) {
          if (first < 0) first = i;
          last = i;
        }
      }
      if (first < 0) {
        return { quote: paragraph.text.slice(start, end) || paragraph.text, line: paragraph.line };
      }
      const sourceStart = paragraph.from[first] ?? 0;
      const sourceEnd = Math.max(sourceStart + 1, paragraph.to[last] ?? sourceStart + 1);
      return { quote: source.slice(sourceStart, sourceEnd), line: lineOf(sourceStart) };
    },
  };
}
