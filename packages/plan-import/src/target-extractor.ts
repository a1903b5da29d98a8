/**
 * Reads targets out of the structured document (plan-parsing.md):
 * - percentages with their comparator ("tối thiểu", "từ … trở lên", "trên", "đạt", a bare "N%"),
 *   ranks ("nằm trong top 10 … nhóm xã loại I", "trong nhóm 3 địa phương dẫn đầu cả tỉnh"),
 *   trends ("xếp hạng cao hơn năm 2023", "cải thiện hơn so với kết quả năm 2023"), levels
 *   ("đạt cấp độ 3"), counts ("có ít nhất 01 sáng kiến") and milestones ("Hoàn thành việc …");
 * - split into one target each: "trong (số) đó", one value for several subjects ("về A, về B, về C"),
 *   listed indices, "tương ứng là 20%, 15%", two due years in one sentence;
 * - skipped: category percentages ("từ 70% đến dưới 100%"), caps ("cho đến khi đạt 100%"),
 *   results already achieved, legal bases;
 * - due year from "vào năm YYYY", "đến năm YYYY", the phase heading, or the plan's last year;
 * - Phụ lục tables: the target column's cell, blank cells proposed with value null.
 */
import {
  findIndicator,
  type TCohortRule,
  type TComparator,
  type TIndicatorUnit,
  type TProposedPhase,
  type TReformArea,
  type TUnitClass,
  type TUnitType,
} from '@commune-bench/domain';
import { Deadline } from './deadline.js';
import {
  LISTABLE_INDICES,
  MILESTONE_INDICATORS,
  matchIndicator,
  type IndicatorMatch,
} from './indicator-matcher.js';
import type { NormalisedDocument, Paragraph } from './normalise.js';
import {
  areaOfHeading,
  type Context,
  type DocumentStructure,
  type TableItem,
} from './structure.js';
import { capitalize, fold } from './text-match.js';

export type TargetFlag =
  | 'legacy'
  | 'yearly'
  | 'inherited'
  | 'blank_value'
  | 'no_indicator'
  | 'baseline_period'
  | 'cohort_unknown'
  | 'capped';

/** A target as read, before conflicts are marked. */
export interface ExtractedTarget {
  indicatorCode: string | null;
  label: string;
  areaInPlan: TReformArea | null;
  comparator: TComparator | null;
  value: number | null;
  unit: TIndicatorUnit | null;
  dueYear: number | null;
  phase: string | null;
  baselineYear: number | null;
  cohort: TCohortRule | null;
  aspirational: boolean;
  confidence: number;
  source: { quote: string; line: number };
  /** "cấp huyện", "cấp xã": targets with different scopes never conflict. */
  scope: string | null;
  flags: TargetFlag[];
  /** Order of appearance. */
  order: number;
}

export interface ExtractOptions {
  planToYear: number | null;
  /** Paragraphs that are the plan's title, never targets. */
  skipParagraphs?: ReadonlySet<number>;
  deadline?: Deadline;
}

interface Clause {
  start: number;
  end: number;
}

interface Mention {
  kind: 'percent' | 'top' | 'rank' | 'improve' | 'level' | 'count';
  start: number;
  end: number;
  value: number | null;
  /** For rank and improve: the baseline year named. */
  year?: number;
  /** A value in points ("85 điểm") rather than a percentage. */
  points?: boolean;
}

const PERCENT = /(?<![\p{L}\p{N}.,/])(\d{1,3}(?:\.\d{1,2})?)\s?%/gu;
const POINTS = /(?<![\p{L}\p{N}.,/])(\d{1,4}(?:\.\d{1,2})?)\s?điểm(?!\p{L})/gu;

/** Folded, trimmed, single-spaced: for tests on the words around a value. */
function bare(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9%]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

function splitSentences(text: string): Clause[] {
  const sentences: Clause[] = [];
  const pattern = /[.!?](?=\s+[\p{Lu}\d("“'-])|[.!?]$/gu;
  let start = 0;
  for (const match of text.matchAll(pattern)) {
    const end = match.index + 1;
    if (end - start > 0) sentences.push({ start, end });
    start = end;
  }
  if (start < text.length) sentences.push({ start, end: text.length });
  return sentences.filter((sentence) => text.slice(sentence.start, sentence.end).trim() !== '');
}

/** Clauses of a sentence: split at ";", at "trong (số) đó" and at ":" before a value. */
function splitClauses(text: string, sentence: Clause): Clause[] {
  const clauses: Clause[] = [];
  const body = text.slice(sentence.start, sentence.end);
  const pattern =
    /;|,?\s*(?<!\p{L})trong (?:số )?đó(?!\p{L}),?|:(?=\s*(?:\p{L}+\s+){0,3}\d{1,3}(?:\.\d+)?\s?%)/giu;
  let start = 0;
  for (const match of body.matchAll(pattern)) {
    clauses.push({ start: sentence.start + start, end: sentence.start + match.index });
    start = match.index + match[0].length;
  }
  clauses.push({ start: sentence.start + start, end: sentence.end });
  return clauses.filter((clause) => text.slice(clause.start, clause.end).trim() !== '');
}

const FILLER =
  /^(?:[\s,;:()[\]\-–+•.]+|và\s|hoặc\s|phấn đấu\s|đảm bảo\s|bảo đảm\s|đạt\s|là\s|có\s|bằng\s|duy trì\s|tối thiểu\s|ít nhất\s|không thấp hơn\s|trên\s|dưới\s|tối đa\s|không quá\s|từ\s|tăng\s|giảm\s|cắt giảm\s|tỷ lệ\s(?=\d)|(?:đến|trong|vào)\s+năm\s+\d{4}\s*,?|năm\s+\d{4}\s*,|đến ngày\s+\d{1,2}\/\d{1,2}\/\d{4}\s*,?|giai đoạn\s+\d{4}\s*[-–]\s*\d{4}\s*,?|(?:hàng|hằng|mỗi)\s+năm\s*,?|tiếp tục\s)/iu;

/** What is left of a lead-in once the words that only frame a value are removed. */
function strippedLead(text: string): string {
  let rest = text;
  for (let guard = 0; guard < 40; guard++) {
    const match = FILLER.exec(rest);
    if (match === null || match[0].length === 0) break;
    rest = rest.slice(match[0].length);
  }
  return rest.trim();
}

const TRAILING_FRAME =
  /(?:\s|,)*(?:(?:đạt|là|có|ở mức|bằng|được|đạt tỷ lệ|tỷ lệ|tối thiểu|ít nhất|không thấp hơn|trên|dưới|tối đa|không quá|từ|mỗi năm|hàng năm|tương ứng|tương ứng là|phấn đấu|tiếp tục|đến|vào năm \d{4})(?:\s|,)*)+$/iu;

function cleanLabel(text: string): string {
  let label = text
    .replace(/\t/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^[-–+•:;,.()\s]+/u, '')
    .replace(/^(?:phấn đấu|đảm bảo|bảo đảm)\s+/iu, '')
    .replace(ENUMERATOR, '')
    .replace(TRAILING_FRAME, '')
    .replace(/,\s*(?:cụ thể|như sau)\s*:?$/iu, '')
    .replace(/[\s,;:.(-]+$/u, '')
    .trim();
  // A parenthesis left unbalanced by the cut.
  const opened = label.match(/\(/gu)?.length ?? 0;
  const closed = label.match(/\)/gu)?.length ?? 0;
  if (opened > closed) label = `${label})`;
  else if (closed > opened && label.endsWith(')')) label = label.slice(0, -1).trimEnd();
  if (label.length > 180) {
    const cut = label.slice(0, 180);
    const space = cut.lastIndexOf(' ');
    label = `${cut.slice(0, space > 120 ? space : 180)}…`;
  }
  return capitalize(label);
}

function comparatorBefore(
  pre: string,
  post: string,
): { comparator: TComparator; change: -1 | 1 | 0; explicit: boolean } {
  const before = bare(pre.slice(-40));
  const after = bare(post.slice(0, 20));
  if (/^tro len/u.test(after)) return { comparator: 'gte', change: 0, explicit: true };
  if (/^tro xuong/u.test(after)) return { comparator: 'lte', change: 0, explicit: true };
  if (/(?:^| )(?:giam|cat giam)(?: toi thieu| it nhat| duoc)?$/u.test(before)) {
    return { comparator: 'change_by', change: -1, explicit: true };
  }
  if (/(?:^| )tang(?: toi thieu| it nhat| them)?$/u.test(before)) {
    return { comparator: 'change_by', change: 1, explicit: true };
  }
  if (
    /(?:^| )(?:khong thap hon|toi thieu(?: co| la| dat)?|it nhat(?: co| la)?|tu)$/u.test(before)
  ) {
    return { comparator: 'gte', change: 0, explicit: true };
  }
  if (/(?:^| )(?:tren|cao hon)$/u.test(before))
    return { comparator: 'gt', change: 0, explicit: true };
  if (/(?:^| )(?:toi da|khong qua|khong vuot qua)$/u.test(before)) {
    return { comparator: 'lte', change: 0, explicit: true };
  }
  if (/(?:^| )duoi$/u.test(before)) return { comparator: 'lt', change: 0, explicit: true };
  const explicit = /(?:^| )(?:dat|la|bang|co|o muc)$/u.test(before);
  return { comparator: 'eq', change: 0, explicit };
}

/** Is the percentage a category bound, a cap or a range, not a target value? */
function isCategory(
  text: string,
  clause: Clause,
  mention: Mention,
  next: Mention | undefined,
): boolean {
  const pre = bare(text.slice(Math.max(clause.start, mention.start - 40), mention.start));
  const post = bare(text.slice(mention.end, Math.min(clause.end, mention.end + 24)));
  if (/(?:^| )tu bao dam(?: tu)?(?: duoi)?$/u.test(pre)) return true;
  // "dưới N%" bounds a category ("tự bảo đảm dưới 100% chi thường xuyên") unless it ends the
  // clause as its value ("tỷ lệ hồ sơ trễ hạn dưới 2%") or follows a verb of target ("đạt dưới").
  if (
    /(?:^| )duoi$/u.test(pre) &&
    !/(?:^| )(?:dat|giam xuong|xuong|con|o muc|duy tri)(?: ty le)? duoi$/u.test(pre) &&
    (post !== '' || /(?:^| )tu duoi$/u.test(pre))
  ) {
    return true;
  }
  if (/^(?:den|toi)(?: duoi)? \d/u.test(post) && next !== undefined) return true;
  // The upper bound of a range "từ 70% đến dưới 100%".
  if (
    /(?:^| )tu \d+(?: \d+)? den(?: duoi)?$/u.test(
      bare(text.slice(Math.max(clause.start, mention.start - 60), mention.start)).replace(
        / %/gu,
        '',
      ),
    )
  ) {
    return true;
  }
  return false;
}

function isCap(text: string, clause: Clause, mention: Mention): boolean {
  const pre = bare(text.slice(Math.max(clause.start, mention.start - 40), mention.start));
  return /(?:^| )(?:cho )?den khi (?:dat|len)(?: ty le| muc)?$/u.test(pre);
}

function findMentions(text: string, clause: Clause): Mention[] {
  const body = text.slice(clause.start, clause.end);
  const mentions: Mention[] = [];
  for (const match of body.matchAll(PERCENT)) {
    mentions.push({
      kind: 'percent',
      start: clause.start + match.index,
      end: clause.start + match.index + match[0].length,
      value: Number(match[1]),
    });
  }
  // An index score in points: "Chỉ số PAR INDEX đạt từ 85 điểm trở lên".
  for (const match of body.matchAll(POINTS)) {
    mentions.push({
      kind: 'percent',
      start: clause.start + match.index,
      end: clause.start + match.index + match[0].length,
      value: Number(match[1]),
      points: true,
    });
  }
  const special: [Mention['kind'], RegExp][] = [
    [
      'top',
      /(?<!\p{L})(?:nằm\s+)?trong\s+top\s+(\d{1,3})(?!\d)|(?<!\p{L})(?:nằm\s+)?trong\s+nhóm\s+(\d{1,3})(?=\s+(?:\p{L}+\s+){0,4}(?:dẫn đầu|đứng đầu|cao nhất|tốt nhất))/giu,
    ],
    [
      'rank',
      /(?<!\p{L})(?:chỉ số\s+)?(?:xếp hạng|thứ hạng)\s+cao hơn\s+(?:so với\s+)?(?:năm\s+)?(\d{4})/giu,
    ],
    [
      'improve',
      /(?<!\p{L})cải thiện(?:\s+hơn)?\s+(?:so với\s+)(?:kết quả\s+)?(?:đánh giá\s+)?(?:năm\s+)?(\d{4})/giu,
    ],
    ['level', /(?<!\p{L})(?:đạt\s+)?cấp\s+độ\s+(\d)(?!\d)/giu],
    ['count', /(?<!\p{L})(?:có\s+)?(?:ít nhất|tối thiểu)\s+(\d{1,4})(?!\d|\s?%|\/)/giu],
  ];
  for (const [kind, pattern] of special) {
    for (const match of body.matchAll(pattern)) {
      const number = Number(match[1] ?? match[2]);
      const mention: Mention = {
        kind,
        start: clause.start + match.index,
        end: clause.start + match.index + match[0].length,
        value: kind === 'rank' || kind === 'improve' ? null : number,
      };
      if (kind === 'rank' || kind === 'improve') mention.year = number;
      mentions.push(mention);
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

const TIME_BEFORE =
  /(?<!\p{L})(?:(?:đến|trong)\s+(?:hết\s+|cuối\s+)?năm\s+(\d{4})|năm\s+(\d{4})\s*[,:]|đến\s+(?:hết\s+)?ngày\s+\d{1,2}\/\d{1,2}\/(\d{4})|giai đoạn\s+\d{4}\s*[-–]\s*(\d{4})\s*[,:])/giu;

/** Time phrases in a text ("Đến năm 2025,", "Năm 2021,", "đến ngày 31/12/2024"), with their years. */
function timeYears(text: string): { at: number; year: number }[] {
  const found: { at: number; year: number }[] = [];
  for (const match of text.matchAll(TIME_BEFORE)) {
    // "so với năm 2021" / "so với giai đoạn …" is a baseline, not a time limit.
    const before = text.slice(Math.max(0, match.index - 8), match.index);
    if (/so với\s*$/iu.test(before)) continue;
    const value = Number(match[1] ?? match[2] ?? match[3] ?? match[4]);
    if (value >= 1990 && value <= 2100) found.push({ at: match.index, year: value });
  }
  return found;
}

/** The last time phrase in a text, as a year. */
function lastTimeYear(text: string): number | null {
  return timeYears(text).at(-1)?.year ?? null;
}

const COHORT_TYPES: [RegExp, TUnitType][] = [
  [/^xa/u, 'xa'],
  [/^phuong/u, 'phuong'],
  [/^dac khu/u, 'dac_khu'],
  [/^thi tran/u, 'thi_tran'],
];

function cohortAfter(text: string): { cohort: TCohortRule | null; known: boolean } {
  const folded = bare(text.slice(0, 120));
  const group = /nhom (xa|phuong|dac khu|thi tran)(?: loai (i{1,3}|1|2|3|dac biet))?/u.exec(folded);
  if (group !== null) {
    const typeWord = group[1] ?? '';
    const unitType = COHORT_TYPES.find(([pattern]) => pattern.test(typeWord))?.[1];
    const cohort: TCohortRule = {};
    if (unitType !== undefined) cohort.unitTypes = [unitType];
    const classWord = group[2];
    if (classWord !== undefined) {
      const classes: Record<string, TUnitClass> = {
        i: 'I',
        ii: 'II',
        iii: 'III',
        '1': 'I',
        '2': 'II',
        '3': 'III',
        'dac biet': 'special',
      };
      const unitClass = classes[classWord];
      if (unitClass !== undefined) cohort.classes = [unitClass];
    }
    return { cohort, known: true };
  }
  if (/(?:ca|toan) (?:tinh|thanh pho)/u.test(folded)) return { cohort: {}, known: true };
  return { cohort: null, known: false };
}

interface Reading {
  match: IndicatorMatch | null;
  windowStart: number;
  windowEnd: number;
}

interface ProduceInput {
  paragraph: Paragraph;
  context: Context;
  text: string;
  clause: Clause;
  mention: Mention;
  valueEnd: number;
  reading: Reading;
  valueFirst: boolean;
  comparatorInfo: { comparator: TComparator; change: -1 | 1 | 0; explicit: boolean };
  explicitYear: number | null;
  aspirational: boolean;
  state: SentenceState;
  afterEnd: number;
  leadStart: number;
  midValue: boolean;
}

interface SentenceState {
  /** The previous target of the sentence, for values without their own subject. */
  previous: ExtractedTarget | null;
  previousScopes: string[];
  previousValueFirst: { target: ExtractedTarget; subjectStart: number; subjectEnd: number } | null;
  /** Where the previous target's quote starts in the paragraph. */
  previousQuoteStart: number | null;
  /** Where the clause says "hàng năm" / "mỗi năm" (a yearly change), if it does. */
  yearlyAt: number;
}

export function extractTargets(
  document: NormalisedDocument,
  structure: DocumentStructure,
  options: ExtractOptions,
): ExtractedTarget[] {
  const deadline = options.deadline ?? Deadline.none();
  const targets: ExtractedTarget[] = [];
  let order = 0;
  const push = (target: Omit<ExtractedTarget, 'order'>): ExtractedTarget => {
    const full = { ...target, order: order++ };
    targets.push(full);
    return full;
  };

  const dueFromContext = (
    context: Context,
    explicit: number | null,
  ): { dueYear: number | null; phase: string | null } => {
    const phase = context.phase;
    if (explicit !== null) {
      const inPhase = phase !== null && explicit >= phase.fromYear && explicit <= phase.toYear;
      return { dueYear: explicit, phase: inPhase ? phase.label : null };
    }
    if (phase !== null) return { dueYear: phase.toYear, phase: phase.label };
    return { dueYear: options.planToYear, phase: null };
  };

  for (const item of structure.items) {
    deadline.check();
    if (item.kind === 'table') {
      const handled = extractTable(document, item, options, push, dueFromContext, deadline);
      if (handled) continue;
      // No target column recognised: read the rows as text.
      for (const row of item.rows) {
        readParagraph(row, item.context);
      }
      continue;
    }
    if (item.context.section === 'results' || item.legalBasis) continue;
    if (options.skipParagraphs?.has(item.paragraph.index) === true) continue;
    if (item.heading !== null && !HAS_VALUE.test(item.paragraph.text)) continue;
    readParagraph(item.paragraph, item.context);
  }
  return targets;

  function readParagraph(paragraph: Paragraph, context: Context): void {
    const text = paragraph.text;
    let runningYear: number | null = null;
    const enumerator = ENUMERATOR.exec(text);
    const contentStart = enumerator === null ? 0 : enumerator[0].length;
    for (const sentence of splitSentences(text).map((found) => ({
      start: Math.max(found.start, found.start === 0 ? contentStart : found.start),
      end: found.end,
    }))) {
      deadline.check();
      const sentenceText = text.slice(sentence.start, sentence.end);
      // Prose about results already achieved is no target.
      if (
        /(?<!\p{L})(?:đã|vẫn)\s+(?:đạt|hoàn thành)(?!\p{L})|kết quả đạt được|(?:những|các) năm (?:qua|vừa qua)/iu.test(
          sentenceText,
        )
      )
        continue;
      const state: SentenceState = {
        previous: null,
        previousScopes: [],
        previousValueFirst: null,
        previousQuoteStart: null,
        yearlyAt: Number.POSITIVE_INFINITY,
      };
      for (const clause of splitClauses(text, sentence)) {
        deadline.check();
        readClause(paragraph, context, text, sentence, clause, state, runningYear);
        const clauseText = text.slice(clause.start, clause.end);
        // "Năm 2027:" alone before its values, or a time phrase within the clause.
        const alone =
          /^\s*(?:[Nn]ăm|[Đđ]ến năm|[Gg]iai đoạn\s+\d{4}\s*[-–]\s*)\s*(\d{4})\s*$/u.exec(
            clauseText,
          );
        const clauseYear = alone === null ? lastTimeYear(clauseText) : Number(alone[1]);
        if (clauseYear !== null) runningYear = clauseYear;
      }
    }
  }

  function readClause(
    paragraph: Paragraph,
    context: Context,
    text: string,
    sentence: Clause,
    clause: Clause,
    state: SentenceState,
    runningYear: number | null,
  ): void {
    const clauseText = text.slice(clause.start, clause.end);
    const all = findMentions(text, clause);
    const percents = all.filter((mention) => mention.kind === 'percent');
    const kept: Mention[] = [];
    const skipped = new Set<Mention>();
    for (let i = 0; i < percents.length; i++) {
      const mention = percents[i];
      if (mention === undefined || skipped.has(mention)) continue;
      const next = percents[i + 1];
      if (isCategory(text, clause, mention, next)) {
        skipped.add(mention);
        // "từ 70% đến dưới 100%": the upper bound goes with it.
        const post = bare(text.slice(mention.end, Math.min(clause.end, mention.end + 24)));
        if (next !== undefined && /^(?:den|toi)(?: duoi)? \d/u.test(post)) skipped.add(next);
        continue;
      }
      if (isCap(text, clause, mention)) {
        if (state.previous !== null && !state.previous.flags.includes('capped'))
          state.previous.flags.push('capped');
        continue;
      }
      kept.push(mention);
    }
    // A "cấp độ", "top", "cải thiện" mention inside a percentage's words is not a second target.
    const specials = all.filter(
      (mention) =>
        mention.kind !== 'percent' &&
        !percents.some((percent) => percent.start >= mention.start && percent.start < mention.end),
    );
    const mentions = [
      ...kept,
      ...specials.filter((mention) => mention.kind !== 'count' || kept.length === 0),
    ].sort((a, b) => a.start - b.start);

    // Found once per sentence and clause, so that a clause with many values stays linear.
    const firstAspiration = /(?<!\p{L})phấn đấu(?!\p{L})/iu.exec(
      text.slice(sentence.start, clause.end),
    );
    const aspirationAt =
      firstAspiration === null ? Number.POSITIVE_INFINITY : sentence.start + firstAspiration.index;
    const aspirationalBefore = (at: number): boolean => aspirationAt < at;
    const times = timeYears(text.slice(clause.start, clause.end)).map((time) => ({
      ...time,
      at: clause.start + time.at,
    }));
    const explicitYearBefore = (at: number): number | null => {
      let year: number | null = null;
      for (const time of times) if (time.at < at) year = time.year;
      return year ?? runningYear;
    };
    const yearlyAt = /(?:hàng|hằng|mỗi)\s+năm/iu.exec(clauseText);
    state.yearlyAt = yearlyAt === null ? Number.POSITIVE_INFINITY : clause.start + yearlyAt.index;

    if (mentions.length === 0) {
      readNumberless(
        paragraph,
        context,
        text,
        sentence,
        clause,
        state,
        aspirationalBefore,
        explicitYearBefore,
      );
      return;
    }

    let cursor = clause.start;
    for (let index = 0; index < mentions.length; index++) {
      const mention = mentions[index];
      if (mention === undefined) continue;
      if (mention.start < cursor) continue;
      const nextMention = mentions[index + 1];

      // A list of values "tương ứng là 20%, 15%" paired with the scopes named before it.
      if (mention.kind === 'percent') {
        const list = listAt(text, mentions, index, clause);
        if (list !== null) {
          readList(
            paragraph,
            context,
            text,
            clause,
            cursor,
            list,
            state,
            aspirationalBefore,
            explicitYearBefore,
          );
          cursor = list[list.length - 1]?.end ?? mention.end;
          index += list.length - 1;
          continue;
        }
      }

      // Words that belong to this value and end it: "trở lên", "vào năm 2030".
      let end = mention.end;
      let dueYear: number | null = null;
      const suffix =
        /^\s*(?:trở lên|trở xuống)?(?:\s*,?\s*(?:vào|trong|đến)\s+năm\s+(\d{4}))?/iu.exec(
          text.slice(mention.end, clause.end),
        );
      if (suffix !== null) {
        end = mention.end + suffix[0].trimEnd().length;
        if (suffix[1] !== undefined) dueYear = Number(suffix[1]);
      }

      // The words before the value since the previous one, and after it up to the next.
      const nextStart = nextMention?.start ?? clause.end;
      const between = text.slice(end, nextStart);
      let afterEnd = nextStart;
      if (nextMention !== undefined) {
        const separators = [...between.matchAll(/,\s|\s(?:và|hoặc)\s|;\s/gu)];
        const last = separators[separators.length - 1];
        if (last !== undefined) afterEnd = end + last.index;
      }
      const purpose = /\s(?:để|nhằm|góp phần|cho đến khi|đến khi)\s/iu.exec(
        text.slice(end, afterEnd),
      );
      if (purpose !== null) afterEnd = end + purpose.index;

      let leadStart = cursor;
      const lead = text.slice(leadStart, mention.start);
      let valueFirst = strippedLead(lead) === '';
      if (!valueFirst && mention.kind === 'percent') {
        // "Tăng cường công tác rà soát …, 100% văn bản … được rà soát": the value opens its own part.
        const separators = [...lead.matchAll(/[,;:(]\s*|\s[-–]\s/gu)];
        const last = separators[separators.length - 1];
        if (last !== undefined) {
          const localStart = leadStart + last.index + last[0].length;
          const local = text.slice(localStart, mention.start);
          const afterWords = bare(text.slice(mention.end, afterEnd))
            .split(' ')
            .filter((word) => word !== '').length;
          if (strippedLead(local) === '' && afterWords >= 3 && !/hài lòng/iu.test(lead)) {
            leadStart = localStart;
            valueFirst = true;
          }
        }
      }
      const comparatorInfo = comparatorBefore(
        text.slice(leadStart, mention.start),
        text.slice(mention.end, clause.end),
      );

      const reading = chooseReading(text, leadStart, mention, end, afterEnd, valueFirst);
      // "Đăng công khai 100% thủ tục hành chính …": a value inside its subject's words.
      const midValue =
        !valueFirst &&
        mention.kind === 'percent' &&
        !comparatorInfo.explicit &&
        bare(text.slice(end, afterEnd))
          .split(' ')
          .filter((word) => word !== '').length >= 2;
      const nextCursor = nextMention !== undefined ? afterEnd : clause.end;

      const explicitYear = dueYear ?? explicitYearBefore(mention.start);
      const aspirational = aspirationalBefore(mention.start) || context.section === 'appendix';
      produce({
        paragraph,
        context,
        text,
        clause,
        mention,
        valueEnd: end,
        reading,
        valueFirst,
        comparatorInfo,
        explicitYear,
        aspirational,
        state,
        afterEnd,
        leadStart,
        midValue,
      });
      cursor = nextCursor;
    }
    void clauseText;
  }

  function produce(input: ProduceInput): void {
    const { paragraph, context, text, mention, reading, state } = input;
    const windowText = text.slice(reading.windowStart, reading.windowEnd);
    const flags: TargetFlag[] = [];
    let match = reading.match;
    const labelReading: Reading =
      reading.match === null || input.midValue
        ? {
            match: reading.match,
            windowStart: Math.min(
              reading.windowStart,
              Math.max(input.leadStart, mention.start - WINDOW),
            ),
            windowEnd: Math.max(
              reading.windowEnd,
              Math.min(input.afterEnd, input.valueEnd + WINDOW),
            ),
          }
        : reading;
    let label = cleanLabel(labelText(text, labelReading, mention, input.valueEnd));
    let scopes: string[] = [];
    let confidencePenalty = 0;

    // A value without a subject of its own ("… 90% vào năm 2025 và 95% vào năm 2030";
    // "mỗi năm tăng tối thiểu 20% đối với mỗi cấp hành chính") belongs to the sentence's previous subject.
    const ownWords = contentWords(windowText, mention, text, reading);
    if ((match === null || ownWords < 2) && state.previous !== null && ownWords < 3) {
      match =
        state.previous.indicatorCode === null ? null : inheritedMatch(state.previous.indicatorCode);
      label = state.previous.label.replace(/ \((?:cấp [^)]*)\)$/u, '');
      flags.push('inherited');
      confidencePenalty += 0.15;
      if (/mỗi cấp|các cấp/iu.test(windowText) && state.previousScopes.length > 0)
        scopes = state.previousScopes;
    }

    let comparator: TComparator | null = input.comparatorInfo.comparator;
    let value: number | null = mention.value;
    let unit: TIndicatorUnit | null =
      mention.points === true
        ? match === null
          ? 'score'
          : (findIndicator(match.code)?.unit ?? 'score')
        : 'percent';
    let baselineYear: number | null = null;
    let cohort: TCohortRule | null = null;
    const after = text.slice(input.valueEnd, Math.min(input.clause.end, input.valueEnd + 200));

    switch (mention.kind) {
      case 'percent': {
        if (
          !input.comparatorInfo.explicit &&
          flags.includes('inherited') &&
          state.previous?.comparator != null
        ) {
          const inheritedComparator = state.previous.comparator;
          if (inheritedComparator !== 'change_by') comparator = inheritedComparator;
        }
        if (comparator === 'change_by') {
          const indicator = match === null ? undefined : findIndicator(match.code);
          const cutMeasure =
            indicator !== undefined &&
            indicator.direction === 'higher_better' &&
            /^(?:cắt giảm|giảm)/iu.test(indicator.nameVi) &&
            input.comparatorInfo.change < 0;
          const baseline =
            /so với\s+(?:kết quả\s+)?(?:đánh giá\s+)?(năm\s+(\d{4})|giai đoạn)/iu.exec(after);
          if (cutMeasure && baseline === null) {
            // "giảm tối thiểu 20% thông tin phải khai báo": the reduction is the measure itself.
            comparator = /toi thieu|it nhat/u.test(
              bare(text.slice(Math.max(0, mention.start - 20), mention.start)),
            )
              ? 'gte'
              : 'eq';
          } else {
            value = (mention.value ?? 0) * input.comparatorInfo.change;
            if (baseline?.[2] !== undefined) baselineYear = Number(baseline[2]);
            else if (baseline !== null) {
              flags.push('baseline_period');
              confidencePenalty += 0.1;
            }
            if (state.yearlyAt < mention.start) {
              flags.push('yearly');
              confidencePenalty += 0.15;
            }
          }
        }
        break;
      }
      case 'top': {
        comparator = 'top_n';
        unit = 'rank';
        const found = cohortAfter(text.slice(mention.end, input.clause.end));
        cohort = found.cohort;
        if (!found.known) {
          flags.push('cohort_unknown');
          confidencePenalty += 0.15;
        }
        break;
      }
      case 'rank':
        comparator = 'better_rank';
        unit = 'rank';
        value = null;
        baselineYear = mention.year ?? null;
        break;
      case 'improve':
        comparator = 'improve';
        value = null;
        baselineYear = mention.year ?? null;
        unit = null;
        break;
      case 'level':
        comparator = 'level_gte';
        unit = 'level';
        break;
      case 'count':
        comparator = 'count_gte';
        unit = 'count';
        if (match === null || findIndicator(match.code)?.unit !== 'count') return;
        break;
    }
    if (mention.kind === 'improve' && match !== null)
      unit = findIndicator(match.code)?.unit ?? null;

    if (LEGACY.test(windowText) || LEGACY.test(label)) flags.push('legacy');
    if (match === null) flags.push('no_indicator');

    // Several listed indices or several objects of "hài lòng": one target each.
    const subjects = splitSubjects(text, reading, match, mention);
    const { dueYear, phase } = dueFromContext(context, input.explicitYear);
    const quoteRange = quoteRangeOf(input, input.midValue ? labelReading : reading);
    if (flags.includes('inherited') && state.previousQuoteStart !== null) {
      quoteRange.start = Math.min(quoteRange.start, state.previousQuoteStart);
    }
    const source = document.quote(paragraph, quoteRange.start, quoteRange.end);

    const base = {
      areaInPlan: context.area,
      comparator,
      unit,
      dueYear,
      phase,
      baselineYear,
      cohort,
      aspirational: input.aspirational,
      source,
    };

    const emitted: ExtractedTarget[] = [];
    if (subjects !== null) {
      for (const subject of subjects) {
        emitted.push(
          push({
            ...base,
            indicatorCode: subject.match?.code ?? null,
            label: subject.label,
            value,
            confidence: confidenceOf(subject.match, confidencePenalty + 0.05, context, comparator),
            scope: null,
            flags:
              subject.match === null
                ? [...flags.filter((flag) => flag !== 'no_indicator'), 'no_indicator']
                : flags.filter((flag) => flag !== 'no_indicator'),
          }),
        );
      }
    } else if (scopes.length > 0) {
      for (const scope of scopes) {
        emitted.push(
          push({
            ...base,
            indicatorCode: match?.code ?? null,
            label: `${label} (${scope})`,
            value,
            confidence: confidenceOf(match, confidencePenalty, context, comparator),
            scope,
            flags,
          }),
        );
      }
    } else {
      emitted.push(
        push({
          ...base,
          indicatorCode: match?.code ?? null,
          label: label === '' ? cleanLabel(windowText) || 'Chỉ tiêu' : label,
          value,
          confidence: confidenceOf(match, confidencePenalty, context, comparator),
          scope:
            state.previous?.scope !== undefined && flags.includes('inherited')
              ? state.previous.scope
              : null,
          flags,
        }),
      );
    }
    const last = emitted[emitted.length - 1];
    if (last !== undefined) {
      state.previous = last;
      state.previousQuoteStart = quoteRange.start;
      if (scopes.length === 0 && !flags.includes('inherited')) state.previousScopes = [];
      state.previousValueFirst =
        input.valueFirst && mention.kind === 'percent'
          ? { target: last, subjectStart: reading.windowStart, subjectEnd: reading.windowEnd }
          : null;
    }
  }

  function readList(
    paragraph: Paragraph,
    context: Context,
    text: string,
    clause: Clause,
    cursor: number,
    list: Mention[],
    state: SentenceState,
    aspirationalBefore: (at: number) => boolean,
    explicitYearBefore: (at: number) => number | null,
  ): void {
    const first = list[0];
    const last = list[list.length - 1];
    if (first === undefined || last === undefined) return;
    const lead = text.slice(cursor, first.start);
    const leadBare = lead.replace(
      /(?:đạt\s+)?(?:tỷ lệ\s+)?(?:tối thiểu\s+|ít nhất\s+|trên\s+)?tương ứng(?:\s+là)?\s*$/iu,
      '',
    );
    const comparatorInfo = comparatorBefore(lead.replace(/\s*tương ứng(?:\s+là)?\s*$/iu, ''), '');
    const scopes = [
      ...leadBare.matchAll(
        /(?<!\p{L})cấp\s+(?:huyện|xã|tỉnh|thị xã|thành phố|phường|trung ương|cơ sở)(?!\p{L})/giu,
      ),
    ].map((match) => match[0].replace(/\s+/gu, ' ').toLocaleLowerCase('vi'));
    const match = matchIndicator(leadBare);
    const subject = cleanLabel(
      leadBare
        .replace(
          /(?<!\p{L})(?:của\s+)?(?:UBND\s+)?cấp\s+(?:huyện|xã|tỉnh)(?:\s*(?:,|và)\s*cấp\s+(?:huyện|xã|tỉnh))*\s*(?:đạt\s*)?(?:tỷ lệ\s*)?(?:tối thiểu\s*)?$/iu,
          '',
        )
        .replace(/^\s*năm\s+\d{4}\s*,\s*/iu, ''),
    );
    const explicitYear = explicitYearBefore(first.start);
    const { dueYear, phase } = dueFromContext(context, explicitYear);
    const source = document.quote(
      paragraph,
      cursor + (lead.length - lead.trimStart().length),
      last.end,
    );
    const paired = scopes.length === list.length;
    const made: ExtractedTarget[] = [];
    list.forEach((mention, position) => {
      const scope = paired ? (scopes[position] ?? null) : null;
      made.push(
        push({
          indicatorCode: match?.code ?? null,
          label: scope === null ? subject : `${subject} (${scope})`,
          areaInPlan: context.area,
          comparator: comparatorInfo.comparator === 'change_by' ? 'eq' : comparatorInfo.comparator,
          value: mention.value,
          unit: 'percent',
          dueYear,
          phase,
          baselineYear: null,
          cohort: null,
          aspirational: aspirationalBefore(first.start) || context.section === 'appendix',
          confidence: confidenceOf(match, paired ? 0.05 : 0.25, context, comparatorInfo.comparator),
          source,
          scope,
          flags: match === null ? ['no_indicator'] : [],
        }),
      );
    });
    state.previous = made[made.length - 1] ?? null;
    state.previousScopes = paired ? scopes : [];
    state.previousValueFirst = null;
    state.previousQuoteStart = cursor + (lead.length - lead.trimStart().length);
  }

  /** Clauses with no number: milestones ("Hoàn thành việc …"), a shared value ("…; được rà soát …"). */
  function readNumberless(
    paragraph: Paragraph,
    context: Context,
    text: string,
    sentence: Clause,
    clause: Clause,
    state: SentenceState,
    aspirationalBefore: (at: number) => boolean,
    explicitYearBefore: (at: number) => number | null,
  ): void {
    const clauseText = text.slice(clause.start, clause.end);
    const leading = clauseText.length - clauseText.trimStart().length;
    const start = clause.start + leading;
    const body = clauseText.trim();

    // "100% VBQPPL … được xây dựng, ban hành đúng quy định …; được rà soát, kiến nghị, xử lý …":
    // the second predicate shares the first one's value and subject.
    const shared = state.previousValueFirst;
    if (shared !== null && /^được\s/iu.test(body)) {
      const subjectText = text.slice(shared.subjectStart, shared.subjectEnd);
      const head = subjectText.split(/\s(?=được\s)/u)[0] ?? subjectText;
      const match = matchIndicator(`${head} ${body}`);
      if (match !== null && match.code !== shared.target.indicatorCode) {
        // The quote runs from the shared value to the end of this predicate.
        const source = document.quote(
          paragraph,
          Math.min(start, state.previousQuoteStart ?? start),
          clause.end,
        );
        push({
          ...shared.target,
          indicatorCode: match.code,
          label: cleanLabel(`${head} ${body}`),
          confidence: confidenceOf(match, 0.15, context, shared.target.comparator),
          source,
          flags: ['inherited'],
        });
        return;
      }
    }

    const milestone =
      /^(?:(?:phấn đấu|đến năm \d{4},?)\s+)?hoàn thành\s+(?:việc\s+)?(?!đúng|tốt|có|trước|các|100|nhiệm vụ|chỉ tiêu|kế hoạch|\d)(\p{L}.*)$/iu.exec(
        body,
      );
    const inTargets = context.block === 'targets' || context.block === 'objectives';
    if (milestone !== null) {
      const what = milestone[1] ?? '';
      const match = matchIndicator(what, { only: MILESTONE_INDICATORS });
      const { dueYear, phase } = dueFromContext(context, explicitYearBefore(start));
      push({
        indicatorCode: match?.code ?? null,
        label: cleanLabel(body),
        areaInPlan: context.area,
        comparator: 'milestone',
        value: null,
        unit: 'bool',
        dueYear,
        phase,
        baselineYear: null,
        cohort: null,
        aspirational: aspirationalBefore(start),
        confidence:
          Math.min(0.7, match === null ? 0.5 : match.confidence - 0.2) -
          (context.block === 'tasks' ? 0.05 : 0),
        source: document.quote(paragraph, start, clause.end),
        scope: null,
        flags: match === null ? ['no_indicator'] : [],
      });
      return;
    }
    // A commitment with no number under "Chỉ tiêu" for an indicator that is done or not done
    // ("Hệ thống báo cáo … được kết nối … với Hệ thống thông tin báo cáo của tỉnh, quốc gia").
    if (context.block === 'targets' && inTargets && clause.start === sentence.start) {
      const match = matchIndicator(body, { only: MILESTONE_INDICATORS });
      if (
        match !== null &&
        match.score >= 4 &&
        /được\s+(?:kết nối|tích hợp|sắp xếp|triển khai)/iu.test(body)
      ) {
        const { dueYear, phase } = dueFromContext(context, explicitYearBefore(start));
        push({
          indicatorCode: match.code,
          label: cleanLabel(body),
          areaInPlan: context.area,
          comparator: 'milestone',
          value: null,
          unit: 'bool',
          dueYear,
          phase,
          baselineYear: null,
          cohort: null,
          aspirational: aspirationalBefore(start),
          confidence: Math.min(0.6, match.confidence - 0.25),
          source: document.quote(paragraph, start, clause.end),
          scope: null,
          flags: [],
        });
      }
    }
  }
}

const LEGACY = /mức độ\s*[34](?!\d)/iu;
/** The most characters around a value read as its subject. */
const WINDOW = 700;
const HAS_VALUE = /\d\s?%|(?:ít nhất|tối thiểu|cấp độ|top)\s+\d/iu;
/** "a) ", "1.2. ", "II. " before a paragraph's text. */
const ENUMERATOR = /^(?:[a-zđ]\)|\d{1,2}(?:\.\d{1,2}){0,3}[.)]|[IVXLC]{1,6}[.)])\s+/u;

function inheritedMatch(code: string): IndicatorMatch | null {
  const indicator = findIndicator(code);
  if (indicator === undefined) return null;
  return { code, indicator, score: 3, alias: '', confidence: 0.75, start: 0, end: 0 };
}

/** Content words a value's own window has, besides scope and time words. */
function contentWords(
  windowText: string,
  mention: Mention,
  text: string,
  reading: Reading,
): number {
  const own = text
    .slice(reading.windowStart, reading.windowEnd)
    .replace(text.slice(mention.start, mention.end), ' ');
  void windowText;
  const words = bare(own)
    .split(' ')
    .filter((word) => word.length > 0)
    .filter(
      (word) =>
        !/^(?:\d+|va|dat|la|co|toi|thieu|it|nhat|tren|duoi|tu|tro|len|vao|nam|den|moi|hang|tang|giam|doi|voi|cap|hanh|chinh|cac|giai|doan|phan|dau|ty|le|tuong|ung)$/u.test(
          word,
        ),
    );
  return words.length;
}

function chooseReading(
  text: string,
  leadStart: number,
  mention: Mention,
  valueEnd: number,
  afterEnd: number,
  valueFirst: boolean,
): Reading {
  const countedNoun = text.slice(valueEnd, Math.min(afterEnd, valueEnd + 30));
  // A subject is a few hundred characters at most: longer windows are cut, so no input is slow.
  const from = Math.max(leadStart, mention.start - WINDOW);
  const to = Math.min(afterEnd, valueEnd + WINDOW);
  const before = { start: from, end: mention.start };
  const after = { start: valueEnd, end: to };
  const whole = { start: from, end: to };
  const matchRange = (
    range: { start: number; end: number },
    withNoun: boolean,
  ): IndicatorMatch | null => {
    if (range.end <= range.start) return null;
    const windowText =
      range === whole
        ? `${text.slice(whole.start, mention.start)} ${text.slice(valueEnd, whole.end)}`
        : text.slice(range.start, range.end);
    return matchIndicator(windowText, withNoun ? { countedNoun } : {});
  };
  const primary = valueFirst ? after : before;
  const primaryMatch = matchRange(primary, valueFirst);
  if (primaryMatch !== null && primaryMatch.score >= 2) {
    return { match: primaryMatch, windowStart: primary.start, windowEnd: primary.end };
  }
  const wholeMatch = matchRange(whole, true);
  if (wholeMatch !== null)
    return { match: wholeMatch, windowStart: whole.start, windowEnd: whole.end };
  return { match: primaryMatch, windowStart: primary.start, windowEnd: primary.end };
}

function labelText(text: string, reading: Reading, mention: Mention, valueEnd: number): string {
  if (reading.windowStart >= valueEnd) return text.slice(reading.windowStart, reading.windowEnd);
  if (reading.windowEnd <= mention.start) return text.slice(reading.windowStart, reading.windowEnd);
  // A window around the value: the words before and after it, without the value.
  const before = text.slice(reading.windowStart, mention.start).replace(TRAILING_FRAME, '');
  return `${before} ${text.slice(valueEnd, reading.windowEnd)}`;
}

function quoteRangeOf(input: ProduceInput, reading: Reading): { start: number; end: number } {
  const { text, mention, valueEnd, clause } = input;
  const trimStart = (at: number): number => {
    let position = at;
    while (position < text.length && /[\s,;:]/u.test(text.charAt(position))) position++;
    return position;
  };
  const trimEnd = (at: number): number => {
    let position = at;
    while (position > 0 && /[\s,;:.]/u.test(text.charAt(position - 1))) position--;
    return position;
  };
  if (input.valueFirst) {
    // From the words framing the value ("Tối thiểu 80% …") to the end of its subject.
    let start = mention.start;
    const leadStart = Math.max(clause.start, mention.start - 60);
    const lead = text.slice(leadStart, mention.start);
    const framing =
      /(?:(?:phấn đấu|đảm bảo|bảo đảm|tối thiểu|ít nhất|trên|đạt|có|từ|giảm|tăng|cắt giảm)\s+)+$/iu.exec(
        lead,
      );
    if (framing !== null) start = leadStart + framing.index;
    const end = Math.max(valueEnd, reading.windowEnd);
    return { start: trimStart(start), end: trimEnd(end) };
  }
  const start = Math.min(reading.windowStart, mention.start);
  let end = Math.max(valueEnd, reading.windowEnd > mention.start ? reading.windowEnd : valueEnd);
  // A rank keeps its cohort: "… nằm trong top 10 xã đứng đầu nhóm xã loại I".
  if (mention.kind === 'top') end = Math.max(end, clause.end);
  return { start: trimStart(start), end: trimEnd(end) };
}

interface Subject {
  match: IndicatorMatch | null;
  label: string;
}

/** One value for several subjects: listed indices, or "hài lòng … về A, về B, về C". */
function splitSubjects(
  text: string,
  reading: Reading,
  match: IndicatorMatch | null,
  mention: Mention,
): Subject[] | null {
  const windowStart = reading.windowStart;
  const windowEnd =
    reading.windowEnd > mention.start && reading.windowStart < mention.start
      ? mention.start
      : reading.windowEnd;
  const windowText = text.slice(windowStart, windowEnd);

  // "Mức độ hài lòng của người dân, doanh nghiệp về A, về B, về C đạt …".
  const satisfaction = /hài lòng/iu.exec(windowText);
  if (satisfaction !== null) {
    const tail = windowText.slice(satisfaction.index);
    const objects = [...tail.matchAll(/(?:^|,\s*|\s+và\s+|\s+)về\s+/gu)];
    if (objects.length >= 2) {
      const headEnd = satisfaction.index + (objects[0]?.index ?? 0);
      const head = windowText.slice(0, headEnd).trim();
      const subjects: Subject[] = [];
      objects.forEach((object, position) => {
        const from = satisfaction.index + object.index + object[0].length;
        const next = objects[position + 1];
        const to = next === undefined ? windowText.length : satisfaction.index + next.index;
        const objectText = windowText.slice(from, to).replace(TRAILING_FRAME, '').trim();
        const subjectText = `${head} về ${objectText}`;
        subjects.push({ match: matchIndicator(subjectText), label: cleanLabel(subjectText) });
      });
      const distinct = new Set(subjects.map((subject) => subject.match?.code ?? null));
      if (distinct.size >= 2) return subjects;
    }
  }

  // "Chỉ số CCHC (PAR Index), Chỉ số … (PAPI), … (ICT), Chỉ số … (PCI) của thị xã …".
  if (match !== null && LISTABLE_INDICES.has(match.code)) {
    const found = indexStarts(windowText);
    if (found !== null) {
      return found.map((entry, position) => {
        const next = found[position + 1];
        const part = windowText.slice(
          entry.start,
          next === undefined ? windowText.length : next.start,
        );
        const partMatch = matchIndicator(part);
        return {
          match:
            partMatch !== null && LISTABLE_INDICES.has(partMatch.code)
              ? partMatch
              : inheritedMatch(entry.code),
          label: cleanLabel(part),
        };
      });
    }
  }
  return null;
}

/** Where each listed index's item starts (after the separator before its first matched word). */
function indexStarts(windowText: string): { code: string; start: number }[] | null {
  const starts: { code: string; start: number }[] = [];
  const items = windowText.split(/(?=,\s+)/u);
  let offset = 0;
  // Each index's part runs from the end of the previous index's item to the end of its own.
  let partStart = 0;
  for (const item of items) {
    const itemMatch = matchIndicator(item);
    offset += item.length;
    if (
      itemMatch !== null &&
      LISTABLE_INDICES.has(itemMatch.code) &&
      !starts.some((entry) => entry.code === itemMatch.code)
    ) {
      starts.push({ code: itemMatch.code, start: partStart });
      partStart = offset;
    }
  }
  if (starts.length < 2) return null;
  // The first item takes the words before it ("Phấn đấu Chỉ số CCHC …").
  const first = starts[0];
  if (first !== undefined) first.start = 0;
  return starts;
}

/** Consecutive values "20%, 15%" right after "tương ứng (là)". */
function listAt(
  text: string,
  mentions: readonly Mention[],
  index: number,
  clause: Clause,
): Mention[] | null {
  const first = mentions[index];
  if (first === undefined) return null;
  const before = bare(text.slice(Math.max(clause.start, first.start - 30), first.start));
  if (!/tuong ung(?: la)?$/u.test(before)) return null;
  const list = [first];
  for (let i = index + 1; i < mentions.length; i++) {
    const next = mentions[i];
    const previous = list[list.length - 1];
    if (next === undefined || previous === undefined || next.kind !== 'percent') break;
    if (!/^\s*(?:,|và|,\s*và)\s*$/u.test(text.slice(previous.end, next.start))) break;
    list.push(next);
  }
  return list.length >= 2 ? list : null;
}

function confidenceOf(
  match: IndicatorMatch | null,
  penalty: number,
  context: Context,
  comparator: TComparator | null,
): number {
  let confidence = match === null ? 0.4 : match.confidence;
  confidence -= penalty;
  if (context.block === 'tasks') confidence -= 0.05;
  if (context.section === 'implementation' || context.section === 'principles') confidence -= 0.2;
  if (comparator === null) confidence -= 0.2;
  return Math.round(Math.max(0.05, Math.min(0.99, confidence)) * 100) / 100;
}

/** Reads a Phụ lục table with a target column; false when the table has none (then it is read as text). */
function extractTable(
  document: NormalisedDocument,
  table: TableItem,
  options: ExtractOptions,
  push: (target: Omit<ExtractedTarget, 'order'>) => ExtractedTarget,
  dueFromContext: (
    context: Context,
    explicit: number | null,
  ) => { dueYear: number | null; phase: string | null },
  deadline: Deadline,
): boolean {
  const rows = table.rows;
  const headerIndex = rows.findIndex((row) => {
    const cells = (row.cells ?? []).map((cell) => bare(cell.text));
    return (
      cells.some((cell) => cell === 'stt' || cell === 'tt') &&
      cells.some((cell) => /chi tieu|nhiem vu|noi dung/u.test(cell))
    );
  });
  if (headerIndex < 0) return false;
  const header = (rows[headerIndex]?.cells ?? []).map((cell) => bare(cell.text));
  const labelColumn = header.findIndex((cell) =>
    /^(?:ten )?(?:chi tieu|noi dung(?: chi tieu)?|nhiem vu)$/u.test(cell),
  );
  const valueColumn = header.findIndex(
    (cell, index) =>
      index !== labelColumn &&
      /(?:chi tieu|muc tieu|ke hoach|gia tri|phan dau|nam \d{4})/u.test(cell) &&
      !/don vi|trach nhiem|co quan|thoi gian|ghi chu/u.test(cell),
  );
  if (labelColumn < 0) return false;
  if (valueColumn < 0) {
    // A tasks table (Phụ lục 2: "Nhiệm vụ | Hoạt động/sản phẩm | …") holds no targets.
    return /nhiem vu/u.test(header[labelColumn] ?? '');
  }
  const numberColumn = header.findIndex((cell) => cell === 'stt' || cell === 'tt');
  const valueHeader = header[valueColumn] ?? '';
  const headerYear = /nam (\d{4})/u.exec(valueHeader);
  const headerAspirational = /phan dau/u.test(valueHeader);
  const headerText = header.join('|');

  interface Row {
    paragraph: Paragraph;
    number: string;
    label: string;
    labelCell: { start: number; end: number };
    valueText: string;
    valueCell: { start: number; end: number } | null;
  }
  const data: Row[] = [];
  for (const row of rows.slice(headerIndex + 1)) {
    const cells = row.cells ?? [];
    const folded = cells.map((cell) => bare(cell.text));
    if (folded.join('|') === headerText) continue;
    const number = cells[numberColumn]?.text ?? '';
    const labelCell = cells[labelColumn];
    if (labelCell === undefined || labelCell.text === '') continue;
    if (number === '' && /^(?:don vi|trach nhiem|co quan)/u.test(bare(labelCell.text))) continue;
    const valueCell = cells[valueColumn];
    data.push({
      paragraph: row,
      number: number.replace(/\.$/u, ''),
      label: labelCell.text.replace(/^[-–+•]\s*/u, ''),
      labelCell: {
        start:
          labelCell.start +
          (labelCell.text.length - labelCell.text.replace(/^[-–+•]\s*/u, '').length),
        end: labelCell.end,
      },
      valueText: valueCell?.text ?? '',
      valueCell: valueCell === undefined ? null : { start: valueCell.start, end: valueCell.end },
    });
  }

  const groupArea = new Map<string, TReformArea | null>();
  let currentTop: string | null = null;
  let lastArea: TReformArea | null = null;
  data.forEach((row, position) => {
    deadline.check();
    const next = data[position + 1];
    const isChild = (candidate: Row | undefined): boolean =>
      candidate !== undefined &&
      ((row.number !== '' && candidate.number.startsWith(`${row.number}.`)) ||
        (candidate.number === '' && row.number !== ''));
    const top = row.number.split('.')[0] ?? '';
    if (row.number !== '' && !row.number.includes('.')) {
      currentTop = top;
      if (row.valueText === '' && isChild(next)) {
        groupArea.set(top, areaOfHeading(row.label));
      } else {
        groupArea.set(top, null);
      }
    }
    const area =
      row.number === '' ? lastArea : (groupArea.get(top) ?? (currentTop === top ? null : null));
    lastArea = area;
    // A group row ("3 Cải cách thủ tục hành chính", "6.3 Dịch vụ công trực tuyến …:") is no target.
    if (row.valueText === '' && isChild(next)) return;

    const context: Context = { ...table.context, area, section: 'appendix' };
    const labelMatch = matchIndicator(row.label);
    const aspirational =
      headerAspirational || /phấn đấu/iu.test(row.label) || /phấn đấu/iu.test(row.valueText);
    const { dueYear, phase } = dueFromContext(
      context,
      headerYear === null ? null : Number(headerYear[1]),
    );
    const valueRead = readValueCell(row.valueText);
    if (valueRead === null) {
      if (row.valueText !== '') return;
      // A blank target cell: the indicator is proposed, its value left for the reviewer.
      if (labelMatch === null) return;
      push({
        indicatorCode: labelMatch.code,
        label: cleanLabel(row.label),
        areaInPlan: area,
        comparator: null,
        value: null,
        unit: labelMatch.indicator.unit,
        dueYear,
        phase,
        baselineYear: null,
        cohort: null,
        aspirational,
        confidence: confidenceOf(labelMatch, 0.1, context, 'eq'),
        source: document.quote(row.paragraph, row.labelCell.start, row.labelCell.end),
        scope: null,
        flags: ['blank_value'],
      });
      return;
    }
    const flags: TargetFlag[] = labelMatch === null ? ['no_indicator'] : [];
    if (LEGACY.test(row.label)) flags.push('legacy');
    const unit: TIndicatorUnit | null =
      valueRead.comparator === 'better_rank' || valueRead.comparator === 'top_n'
        ? 'rank'
        : valueRead.comparator === 'improve'
          ? (labelMatch?.indicator.unit ?? null)
          : valueRead.unit;
    push({
      indicatorCode: labelMatch?.code ?? null,
      label: cleanLabel(row.label),
      areaInPlan: area,
      comparator: valueRead.comparator,
      value: valueRead.value,
      unit,
      dueYear: valueRead.dueYear ?? dueYear,
      phase,
      baselineYear: valueRead.baselineYear,
      cohort: valueRead.cohort,
      aspirational,
      confidence: confidenceOf(labelMatch, 0, context, valueRead.comparator),
      source: document.quote(
        row.paragraph,
        row.labelCell.start,
        row.valueCell?.end ?? row.labelCell.end,
      ),
      scope: null,
      flags,
    });
  });
  void options;
  return true;
}

interface CellValue {
  comparator: TComparator;
  value: number | null;
  unit: TIndicatorUnit;
  dueYear: number | null;
  baselineYear: number | null;
  cohort: TCohortRule | null;
}

/** "100%", "Trên 50%", "Tối thiểu 80%", "Chỉ số xếp hạng cao hơn năm 2023", "Top 10 …", "Cấp độ 3", "Hoàn thành". */
export function readValueCell(text: string): CellValue | null {
  const cell = text.trim();
  if (cell === '') return null;
  const clause = { start: 0, end: cell.length };
  const mentions = findMentions(cell, clause);
  const first = mentions[0];
  if (first !== undefined) {
    switch (first.kind) {
      case 'percent': {
        const { comparator, change } = comparatorBefore(
          cell.slice(0, first.start),
          cell.slice(first.end),
        );
        return {
          comparator,
          value: comparator === 'change_by' ? (first.value ?? 0) * change : first.value,
          unit: 'percent',
          dueYear: null,
          baselineYear: null,
          cohort: null,
        };
      }
      case 'rank':
      case 'improve':
        return {
          comparator: first.kind === 'rank' ? 'better_rank' : 'improve',
          value: null,
          unit: 'rank',
          dueYear: null,
          baselineYear: first.year ?? null,
          cohort: null,
        };
      case 'top':
        return {
          comparator: 'top_n',
          value: first.value,
          unit: 'rank',
          dueYear: null,
          baselineYear: null,
          cohort: cohortAfter(cell.slice(first.end)).cohort,
        };
      case 'level':
        return {
          comparator: 'level_gte',
          value: first.value,
          unit: 'level',
          dueYear: null,
          baselineYear: null,
          cohort: null,
        };
      case 'count':
        return {
          comparator: 'count_gte',
          value: first.value,
          unit: 'count',
          dueYear: null,
          baselineYear: null,
          cohort: null,
        };
    }
  }
  if (/^(?:hoàn thành|đạt|có)$/iu.test(cell)) {
    return {
      comparator: 'milestone',
      value: null,
      unit: 'bool',
      dueYear: null,
      baselineYear: null,
      cohort: null,
    };
  }
  const plain = /^(?:(trên|tối thiểu|ít nhất|tối đa|dưới)\s+)?(\d{1,4}(?:[.,]\d{1,2})?)$/iu.exec(
    cell,
  );
  if (plain !== null) {
    const word = bare(plain[1] ?? '');
    const comparator: TComparator =
      word === 'tren'
        ? 'gt'
        : word === 'toi thieu' || word === 'it nhat'
          ? 'gte'
          : word === 'toi da'
            ? 'lte'
            : word === 'duoi'
              ? 'lt'
              : 'eq';
    return {
      comparator,
      value: Number((plain[2] ?? '').replace(',', '.')),
      unit: 'count',
      dueYear: null,
      baselineYear: null,
      cohort: null,
    };
  }
  return null;
}

export type { TProposedPhase };
