/**
 * The structure of a plan: reform-area headings in any numbering ("1.", "II.", "a)", "2.1"),
 * target and task blocks ("Mục tiêu", "a) Chỉ tiêu:", "Nhiệm vụ"), phase headings ("2.1. Giai
 * đoạn 2026-2027") that scope the bullets under them, sections that hold no targets (results
 * already achieved, legal bases), and tables (Phụ lục).
 */
import type { TProposedPhase, TReformArea } from '@commune-bench/domain';
import { Deadline } from './deadline.js';
import type { NormalisedDocument, Paragraph } from './normalise.js';
import { fold } from './text-match.js';

export type BlockKind = 'targets' | 'objectives' | 'tasks' | 'requirements';
export type SectionKind = 'results' | 'implementation' | 'principles' | 'appendix';

export interface Context {
  /** The reform area of the nearest area heading above. */
  area: TReformArea | null;
  block: BlockKind | null;
  section: SectionKind | null;
  phase: TProposedPhase | null;
}

export interface Heading {
  /** 0 for document titles (KẾ HOẠCH, PHỤ LỤC), 1 for "I.", 2 for "1.", 3 for "1.1", 5 for "a)". */
  level: number;
  numbering: string | null;
  /** The heading's text without its numbering. */
  title: string;
}

export interface TextItem {
  kind: 'text';
  paragraph: Paragraph;
  context: Context;
  heading: Heading | null;
  /** "Căn cứ …": a legal basis, never a target. */
  legalBasis: boolean;
}

export interface TableItem {
  kind: 'table';
  rows: Paragraph[];
  context: Context;
}

export type StructureItem = TextItem | TableItem;

export interface DocumentStructure {
  items: StructureItem[];
  phases: TProposedPhase[];
  areaHeadings: number;
}

const ROMAN = /^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/u;
const NUMBERED =
  /^(?:(?<roman>[IVXLC]{1,7})[.)]|(?<multi>\d{1,2}(?:\.\d{1,2}){1,3})\.?|(?<num>\d{1,2})[.)]|(?<alpha>[a-zđ])\))\s+(?<rest>\S.*)$/u;

const AREA_PATTERNS: [TReformArea, RegExp][] = [
  ['CDDH', /^(?:ve )?(?:cong tac |to chuc )?chi dao,? (?:va )?dieu hanh/u],
  ['THCH', /^(?:ve )?cai cach the che/u],
  ['TTHC', /^(?:ve )?cai cach thu tuc hanh chinh/u],
  ['TCBM', /^(?:ve )?cai cach (?:to chuc )?bo may/u],
  ['CVU', /^(?:ve )?cai cach che do cong vu/u],
  ['TCCO', /^(?:ve )?cai cach tai chinh cong/u],
  ['CQS', /^(?:ve )?(?:xay dung|phat trien)?[^.;]{0,20}?chinh quyen (?:dien tu|so)/u],
];

/** The reform area a heading (or a table group row) names, from the start of its text. */
export function areaOfHeading(title: string): TReformArea | null {
  const folded = fold(title)
    .replace(/[^a-z0-9,. ]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  for (const [area, pattern] of AREA_PATTERNS) if (pattern.test(folded)) return area;
  return null;
}

function blockOf(title: string): BlockKind | null {
  const folded = fold(title)
    .replace(/[^a-z0-9 ]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  const starts: [RegExp, BlockKind][] = [
    [/^(?:cac )?chi tieu/u, 'targets'],
    [/^muc tieu/u, 'objectives'],
    [/^(?:cac )?(?:nhiem vu|giai phap|noi dung nhiem vu|nhom nhiem vu)/u, 'tasks'],
    [/^(?:yeu cau|muc dich)/u, 'requirements'],
  ];
  const found = starts.filter(([pattern]) => pattern.test(folded));
  if (found.length === 0) return null;
  // "MỤC TIÊU, CHỈ TIÊU, NHIỆM VỤ, GIẢI PHÁP" mixes kinds: no single block.
  const others = ['chi tieu', 'muc tieu', 'nhiem vu', 'giai phap'].filter((word) =>
    folded.includes(word),
  );
  if (others.length > 1 && !/^(?:cac )?chi tieu/u.test(folded)) return null;
  return found[0]?.[1] ?? null;
}

function sectionOf(title: string): SectionKind | null {
  const folded = fold(title)
    .replace(/[^a-z0-9 ]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  if (
    /^(?:tinh hinh|ket qua (?:dat duoc|thuc hien)|danh gia (?:ket qua|tinh hinh)|thuc trang)/u.test(
      folded,
    )
  )
    return 'results';
  if (
    /^(?:to chuc thuc hien|kinh phi|che do bao cao|giai phap thuc hien|trach nhiem|hieu luc)/u.test(
      folded,
    )
  )
    return 'implementation';
  if (/^quan diem/u.test(folded)) return 'principles';
  return null;
}

function phaseOf(title: string): TProposedPhase | null {
  const folded = fold(title)
    .replace(/[*:.]+$/u, '')
    .trim();
  const range = /^giai doan (\d{4}) ?[-–] ?(\d{4})$/u.exec(folded);
  if (range !== null) {
    const fromYear = Number(range[1]);
    const toYear = Number(range[2]);
    if (fromYear <= toYear && fromYear >= 1990 && toYear <= 2100)
      return { label: `${fromYear}-${toYear}`, fromYear, toYear };
  }
  const single = /^(?:nam|den nam) (\d{4})$/u.exec(folded);
  if (single !== null) {
    const year = Number(single[1]);
    if (year >= 1990 && year <= 2100) return { label: String(year), fromYear: year, toYear: year };
  }
  return null;
}

const TITLE_WORDS = /^(?:ke hoach|quyet dinh|nghi quyet|chuong trinh|phu luc(?: [0-9ivx]+)?)$/u;

/** A heading: a short numbered line, or a document title word set alone (KẾ HOẠCH, PHỤ LỤC 1). */
export function headingOf(paragraph: Paragraph): Heading | null {
  const text = paragraph.text.trim();
  const folded = fold(text)
    .replace(/[:.]+$/u, '')
    .trim();
  if (TITLE_WORDS.test(folded) || /^phu luc [0-9ivx]+\b/u.test(folded)) {
    return { level: 0, numbering: null, title: text };
  }
  const match = NUMBERED.exec(text);
  if (match?.groups === undefined) return null;
  const rest = (match.groups.rest ?? '').trim();
  if (rest.length > 140 || /;\s*$/u.test(rest) || /\d\s?%/u.test(rest)) return null;
  // A sentence with a full stop is an item, not a heading ("g) Có ít nhất 01 sáng kiến … hàng năm.").
  if (rest.length > 40 && /\.\s*$/u.test(rest)) return null;
  // A heading reads as a title: it does not run on into sentences.
  if (/[.!?]\s+\p{Lu}/u.test(rest)) return null;
  const { roman, multi, num, alpha } = match.groups;
  if (roman !== undefined) {
    if (!ROMAN.test(roman)) return null;
    return { level: 1, numbering: roman, title: rest };
  }
  if (multi !== undefined)
    return { level: 1 + multi.split('.').length, numbering: multi, title: rest };
  if (num !== undefined) return { level: 2, numbering: num, title: rest };
  if (alpha !== undefined) return { level: 5, numbering: alpha, title: rest };
  return null;
}

interface StackEntry {
  level: number;
  area?: TReformArea;
  block?: BlockKind;
  section?: SectionKind;
  phase?: TProposedPhase;
}

function contextOf(stack: readonly StackEntry[]): Context {
  const context: Context = { area: null, block: null, section: null, phase: null };
  for (const entry of stack) {
    if (entry.area !== undefined) context.area = entry.area;
    if (entry.block !== undefined) context.block = entry.block;
    if (entry.section !== undefined) context.section = entry.section;
    if (entry.phase !== undefined) context.phase = entry.phase;
  }
  return context;
}

export function findStructure(
  document: NormalisedDocument,
  deadline: Deadline = Deadline.none(),
): DocumentStructure {
  const items: StructureItem[] = [];
  const phases: TProposedPhase[] = [];
  let areaHeadings = 0;
  let stack: StackEntry[] = [];
  let table: TableItem | null = null;

  for (const paragraph of document.paragraphs) {
    if (paragraph.index % 128 === 0) deadline.check();
    if (paragraph.cells !== null) {
      if (table === null) {
        table = { kind: 'table', rows: [], context: contextOf(stack) };
        items.push(table);
      }
      table.rows.push(paragraph);
      continue;
    }
    table = null;

    const heading = headingOf(paragraph);
    if (heading !== null) {
      stack = stack.filter((entry) => entry.level < heading.level);
      const entry: StackEntry = { level: heading.level };
      if (heading.level === 0) {
        stack = [];
        if (/^phu luc/u.test(fold(heading.title))) entry.section = 'appendix';
      } else {
        const area = areaOfHeading(heading.title);
        const block = blockOf(heading.title);
        const section = heading.level <= 2 ? sectionOf(heading.title) : null;
        const phase = phaseOf(heading.title);
        if (area !== null) {
          entry.area = area;
          areaHeadings++;
        }
        if (block !== null) entry.block = block;
        if (section !== null) entry.section = section;
        if (phase !== null) {
          entry.phase = phase;
          if (!phases.some((known) => known.label === phase.label)) phases.push(phase);
        }
      }
      stack.push(entry);
    }
    items.push({
      kind: 'text',
      paragraph,
      context: contextOf(stack),
      heading,
      legalBasis: /^(?:căn cứ|theo đề nghị)(?!\p{L})/iu.test(paragraph.text.trim()),
    });
  }
  return { items, phases, areaHeadings };
}
