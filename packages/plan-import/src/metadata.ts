/**
 * The plan's own facts: unit name and type, province when stated, title, kind, period, phases,
 * document number and date, issuer. Read from the title block ("KẾ HOẠCH … của xã Ô Diên"), the
 * issuing body's header ("ỦY BAN NHÂN DÂN XÃ Ô DIÊN"), the signature block ("TM. ỦY BAN NHÂN
 * DÂN", "T/M ĐẢNG ỦY") and the closing sentence. What the document does not state stays null.
 */
import type { TPlanKind, TProposedPlan, TUnitType } from '@commune-bench/domain';
import type { NormalisedDocument, Paragraph } from './normalise.js';
import { provinceName } from './provinces.js';
import type { DocumentStructure } from './structure.js';
import { capitalize, fold, isLowerLetter, titleCase } from './text-match.js';

export interface UnitMention {
  type: TUnitType;
  /** The type word as the document writes it, lower case: `xã`, `thị xã`. */
  typeWord: string;
  name: string | null;
}

const TYPE_WORDS: [string, TUnitType][] = [
  ['thành phố', 'thanh_pho_thuoc_tinh'],
  ['thị xã', 'thi_xa'],
  ['thị trấn', 'thi_tran'],
  ['đặc khu', 'dac_khu'],
  ['phường', 'phuong'],
  ['huyện', 'huyen'],
  ['quận', 'quan'],
  ['xã', 'xa'],
];

/** `thị xã` → `[Tt]hị [Xx]ã`, so both the running text and title-cased headers match. */
function typeWordPattern(word: string): string {
  return word
    .split(' ')
    .map((part) => {
      const first = part.charAt(0);
      return `[${first}${first.toLocaleUpperCase('vi')}]${part.slice(1)}`;
    })
    .join('\\s+');
}

const TYPE_ALTERNATION = TYPE_WORDS.map(([word]) => typeWordPattern(word)).join('|');
/** Words that start with a capital but end a unit name ("Phường Hoài Hảo Năm 2024" in a title-cased header). */
const NAME_STOP = new Set([
  'nam',
  'giai',
  'doan',
  've',
  'cua',
  'tren',
  'theo',
  'trong',
  'va',
  'ke',
  'hoach',
  'tinh',
  'huyen',
  'quan',
  'thi',
  'xa',
  'phuong',
  'thanh',
  'dinh',
  'so',
  'ngay',
  'thang',
  'ubnd',
  'hdnd',
]);
const UNIT_WITH_NAME = new RegExp(
  `(?<!\\p{L})(${TYPE_ALTERNATION})\\s+(\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*){0,4})`,
  'gu',
);
const UNIT_WITHOUT_NAME = new RegExp(
  `(?<!\\p{L})(?:của|trên địa bàn|địa bàn|toàn)\\s+(${TYPE_ALTERNATION})(?!\\s*\\p{Lu})(?!\\p{L})`,
  'gu',
);

function typeOf(word: string): { type: TUnitType; typeWord: string } | null {
  const lower = word.toLocaleLowerCase('vi').replace(/\s+/gu, ' ');
  const found = TYPE_WORDS.find(([typeWord]) => typeWord === lower);
  return found === undefined ? null : { type: found[1], typeWord: found[0] };
}

function cleanName(raw: string): string | null {
  const kept: string[] = [];
  for (const word of raw.split(/\s+/u)) {
    if (NAME_STOP.has(fold(word))) break;
    kept.push(word);
  }
  return kept.length === 0 ? null : kept.join(' ');
}

/** Unit mentions in a text, in order ("xã Ô Diên", "thị xã Hương Trà"); upper-case headers are title-cased first. */
export function unitMentions(text: string): UnitMention[] {
  const letters = text.replace(/[^\p{L}]+/gu, '');
  const readable =
    letters.length > 0 && letters === letters.toLocaleUpperCase('vi') ? titleCase(text) : text;
  const found: { at: number; mention: UnitMention }[] = [];
  for (const match of readable.matchAll(UNIT_WITH_NAME)) {
    const type = typeOf(match[1] ?? '');
    const name = cleanName(match[2] ?? '');
    if (type === null) continue;
    if (name === null) {
      found.push({ at: match.index, mention: { ...type, name: null } });
      continue;
    }
    // "thành phố Hà Nội" is a province-level city, not a unit of the plan's kind.
    if (type.type === 'thanh_pho_thuoc_tinh' && provinceName(name) !== null) {
      found.push({
        at: match.index,
        mention: { type: 'thanh_pho_tw', typeWord: 'thành phố', name },
      });
      continue;
    }
    found.push({ at: match.index, mention: { ...type, name } });
  }
  for (const match of readable.matchAll(UNIT_WITHOUT_NAME)) {
    const type = typeOf(match[1] ?? '');
    if (type !== null) found.push({ at: match.index, mention: { ...type, name: null } });
  }
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.mention);
}

interface TitleInfo {
  title: string;
  kind: TPlanKind;
  paragraphs: Paragraph[];
}

const KIND_WORDS: [RegExp, TPlanKind, string][] = [
  [/^ke hoach$/u, 'ke_hoach', 'Kế hoạch'],
  [/^chuong trinh$/u, 'chuong_trinh', 'Chương trình'],
  [/^nghi quyet$/u, 'nghi_quyet', 'Nghị quyết'],
  [/^quyet dinh$/u, 'quyet_dinh', 'Quyết định'],
];

function lowerFirst(text: string): string {
  const first = text.charAt(0);
  const second = text.charAt(1);
  if (isLowerLetter(second) || second === ' ') return first.toLocaleLowerCase('vi') + text.slice(1);
  return text;
}

function bareFold(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9 ]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

function findTitle(paragraphs: readonly Paragraph[]): TitleInfo | null {
  const candidates: TitleInfo[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i];
    if (paragraph === undefined || paragraph.cells !== null) continue;
    const text = paragraph.text.trim();
    // A title word stands alone, or opens a short title line.
    if (text.length > 300) continue;
    const folded = text.length <= 24 ? bareFold(text) : '';
    for (const [pattern, kind, word] of KIND_WORDS) {
      if (pattern.test(folded)) {
        // The title word alone; the subject follows ("Về việc …" or the plan's name).
        const parts: Paragraph[] = [];
        for (let j = i + 1; j < Math.min(paragraphs.length, i + 4); j++) {
          const next = paragraphs[j];
          if (next === undefined || next.cells !== null) break;
          const nextText = next.text.trim();
          if (
            next.bullet ||
            /\d\s?%/u.test(nextText) ||
            /^(?:[IVX]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s/u.test(nextText)
          )
            break;
          if (nextText.startsWith('(') || /^(?:căn cứ|số\s*:)/iu.test(nextText)) break;
          if (nextText === nextText.toLocaleUpperCase('vi') && /\p{L}{3}/u.test(nextText)) break;
          parts.push(next);
          if (/[.;:]$/u.test(nextText)) break;
          if (parts.length >= 2) break;
        }
        const subject = parts
          .map((part) => part.text.trim())
          .join(' ')
          .replace(/\s+/gu, ' ');
        if (subject.length >= 8 && subject.length <= 300 && !/^(?:điều|chương)\s/iu.test(subject)) {
          candidates.push({
            title: `${word} ${lowerFirst(subject)}`,
            kind,
            paragraphs: [paragraph, ...parts],
          });
        }
      }
    }
    // "KẾ HOẠCH Cải cách hành chính phường Hoài Hảo năm 2024" on one line.
    const inline = /^(KẾ HOẠCH|CHƯƠNG TRÌNH|NGHỊ QUYẾT)\s+(\S.{7,250})$/u.exec(text);
    if (inline !== null) {
      const found = KIND_WORDS.find(([pattern]) => pattern.test(bareFold(inline[1] ?? '')));
      if (found !== undefined) {
        candidates.push({
          title: `${found[2]} ${lowerFirst(inline[2] ?? '')}`,
          kind: found[1],
          paragraphs: [paragraph],
        });
      }
    }
  }
  // A plan issued with a decision: the plan is what the targets belong to.
  const rank: Record<TPlanKind, number> = {
    ke_hoach: 0,
    chuong_trinh: 1,
    nghi_quyet: 2,
    quyet_dinh: 3,
  };
  candidates.sort((a, b) => rank[a.kind] - rank[b.kind]);
  const best = candidates[0];
  if (best !== undefined) return best;

  // No title block (a web article): "Trên đây là kế hoạch cải cách hành chính năm 2025 của xã Hưng Thịnh".
  const sentence = new RegExp(
    `(kế hoạch|chương trình)\\s+(cải cách hành chính[^.;:]{0,120}?(?:${TYPE_ALTERNATION})\\s+\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*){0,4})`,
    'iu',
  );
  for (const paragraph of paragraphs) {
    const match = sentence.exec(paragraph.text);
    if (match !== null) {
      const kind: TPlanKind =
        bareFold(match[1] ?? '') === 'chuong trinh' ? 'chuong_trinh' : 'ke_hoach';
      const raw = `${capitalize((match[1] ?? '').toLocaleLowerCase('vi'))} ${match[2] ?? ''}`;
      return { title: raw.replace(/\s+/gu, ' ').trim(), kind, paragraphs: [paragraph] };
    }
  }
  return null;
}

function periodOf(text: string): { fromYear: number; toYear: number } | null {
  const range = /giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})/iu.exec(text);
  if (range !== null) {
    const fromYear = Number(range[1]);
    const toYear = Number(range[2]);
    if (fromYear <= toYear && fromYear >= 1990 && toYear <= 2100) return { fromYear, toYear };
  }
  const single = /năm\s+(\d{4})(?!\s*[-–]\s*\d)/iu.exec(text);
  if (single !== null) {
    const year = Number(single[1]);
    if (year >= 1990 && year <= 2100) return { fromYear: year, toYear: year };
  }
  return null;
}

function isoDate(day: number, month: number, year: number): string | null {
  if (!(year >= 1990 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31))
    return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DOCUMENT_NUMBER =
  /(\d[\d.]*[a-zA-Z]?)\s*\/\s*(\d{4}\s*\/\s*)?([\p{Lu}Đđ][\p{L}\d]*(?:\s*-\s*[\p{Lu}Đđ][\p{L}\d]*)*)/u;

function documentFacts(paragraphs: readonly Paragraph[]): {
  documentNumber: string | null;
  issuedOn: string | null;
} {
  let documentNumber: string | null = null;
  let issuedOn: string | null = null;
  // "(Ban hành kèm theo Quyết định số 1406/QĐ-UBND ngày 20 / 10 /2021 của UBND thị xã)".
  for (const paragraph of paragraphs) {
    const match =
      /Ban hành kèm theo\s+(?:Quyết định|Nghị quyết|Kế hoạch|Văn bản)\s+số\s*:?\s*([^\s(]*(?:\s*\/\s*[^\s(]+)?)(?:\s+ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4}))?/iu.exec(
        paragraph.text,
      );
    if (match === null) continue;
    const number = DOCUMENT_NUMBER.exec(match[1] ?? '');
    if (number !== null && /^\d/u.test(match[1] ?? '')) documentNumber = normaliseNumber(number[0]);
    if (match[2] !== undefined)
      issuedOn = isoDate(Number(match[2]), Number(match[3]), Number(match[4]));
    if (documentNumber !== null) break;
  }
  const head = paragraphs.slice(0, 40);
  if (documentNumber === null) {
    for (const paragraph of head) {
      const match = /^Số\s*:?\s*(\S.*)$/u.exec(paragraph.text.trim());
      if (match === null) continue;
      const number = DOCUMENT_NUMBER.exec(match[1] ?? '');
      if (number !== null && number.index === 0) documentNumber = normaliseNumber(number[0]);
      break;
    }
  }
  if (issuedOn === null) {
    for (const paragraph of head) {
      const match =
        /^[\p{L} .-]{2,40},\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(
          paragraph.text.trim(),
        );
      if (match === null) continue;
      issuedOn = isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
      if (issuedOn !== null) break;
    }
  }
  return { documentNumber, issuedOn };
}

function normaliseNumber(raw: string): string {
  return raw
    .replace(/\s*\/\s*/gu, '/')
    .replace(/\s*-\s*/gu, '-')
    .trim();
}

function provinceOf(paragraphs: readonly Paragraph[]): string | null {
  const counts = new Map<string, number>();
  const pattern =
    /(?<!\p{L})(?:[Tt]ỉnh|[Tt]hành phố|TP\.?)\s+(\p{Lu}\p{Ll}*(?:\s*-\s*|\s+)?(?:\p{Lu}\p{Ll}*(?:\s*-\s*|\s+)?){0,3})/gu;
  for (const paragraph of paragraphs) {
    for (const match of paragraph.text.matchAll(pattern)) {
      const words = (match[1] ?? '').trim().split(/\s+/u);
      for (let length = Math.min(4, words.length); length >= 1; length--) {
        const name = provinceName(words.slice(0, length).join(' '));
        if (name !== null) {
          counts.set(name, (counts.get(name) ?? 0) + 1);
          break;
        }
      }
    }
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [name, count] of counts) {
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}

const BODIES: [RegExp, string][] = [
  [/^(?:ỦY|UỶ) BAN NHÂN DÂN$/u, 'UBND'],
  [/^HỘI ĐỒNG NHÂN DÂN$/u, 'HĐND'],
  [/^BAN THƯỜNG VỤ ĐẢNG ỦY$/u, 'Ban Thường vụ Đảng ủy'],
  [/^BAN CHẤP HÀNH ĐẢNG BỘ$/u, 'Ban Chấp hành Đảng bộ'],
  [/^(?:ĐẢNG ỦY|ĐẢNG UỶ)$/u, 'Đảng ủy'],
];

function issuingBody(paragraphs: readonly Paragraph[]): string | null {
  // The signature block names the body that issues: "TM. ỦY BAN NHÂN DÂN", "T/M ĐẢNG ỦY".
  for (const paragraph of paragraphs) {
    const match = /^(?:TM|T\/M|KT)\.?\s*(\p{Lu}[\p{Lu} ]+\p{Lu})$/u.exec(paragraph.text.trim());
    if (match === null) continue;
    const body = BODIES.find(([pattern]) => pattern.test((match[1] ?? '').trim()));
    if (body !== undefined) return body[1];
  }
  for (const paragraph of paragraphs.slice(0, 30)) {
    const text = paragraph.text.trim();
    for (const [pattern, body] of BODIES) {
      const head = new RegExp(pattern.source.replace(/\$$/u, '(?:\\s|$)'), 'u');
      if (head.test(text)) return body;
    }
  }
  return null;
}

export interface PlanMetadata {
  plan: TProposedPlan;
  /** The paragraphs the title was read from (not targets). */
  titleParagraphs: Set<number>;
}

export function findMetadata(
  document: NormalisedDocument,
  structure: DocumentStructure,
): PlanMetadata {
  const paragraphs = document.paragraphs;
  const title = findTitle(paragraphs);

  // The unit: from the title, else the issuing body's header, else the author line.
  let unit: UnitMention | null = null;
  const fromTitle = title === null ? [] : unitMentions(title.title);
  unit = fromTitle.find((mention) => mention.type !== 'thanh_pho_tw') ?? null;
  if (unit === null || unit.name === null) {
    const headers: UnitMention[] = [];
    for (let i = 0; i < paragraphs.length; i++) {
      const text = paragraphs[i]?.text.trim() ?? '';
      let header: string | null = null;
      const single = /^(?:TM\.?\s*)?(?:ỦY|UỶ) BAN NHÂN DÂN\s+(\S.*)$/u.exec(text);
      if (single !== null) header = single[1] ?? null;
      else if (/^(?:ỦY|UỶ) BAN NHÂN DÂN$/u.test(text))
        header = paragraphs[i + 1]?.text.trim() ?? null;
      const author = /^Tác giả\s*:\s*(.+)$/u.exec(text);
      if (author !== null) header = author[1] ?? null;
      if (header === null) continue;
      const typeOnly = typeOf(header.replace(/[^\p{L} ]+/gu, '').trim());
      if (typeOnly !== null) {
        headers.push({ ...typeOnly, name: null });
        continue;
      }
      headers.push(...unitMentions(header).slice(0, 1));
    }
    const named = headers.find(
      (mention) => mention.name !== null && (unit === null || mention.type === unit.type),
    );
    if (named !== undefined) unit = named;
    else if (unit === null) unit = headers[0] ?? null;
  }

  const period =
    (title === null ? null : periodOf(title.title)) ??
    (structure.phases.length > 0
      ? {
          fromYear: Math.min(...structure.phases.map((phase) => phase.fromYear)),
          toYear: Math.max(...structure.phases.map((phase) => phase.toYear)),
        }
      : null);

  const { documentNumber, issuedOn } = documentFacts(paragraphs);

  let issuer: string | null = null;
  for (const paragraph of paragraphs) {
    const author = /^Tác giả\s*:\s*(.{3,120})$/u.exec(paragraph.text.trim());
    if (author !== null) issuer = (author[1] ?? '').trim();
  }
  if (issuer === null) {
    const body = issuingBody(paragraphs);
    if (body !== null) {
      const unitWords =
        unit === null ? '' : ` ${unit.typeWord}${unit.name === null ? '' : ` ${unit.name}`}`;
      issuer = `${body}${unitWords}`;
    }
  }

  return {
    plan: {
      unitName: unit?.name ?? null,
      unitType: unit?.type ?? null,
      provinceName: provinceOf(paragraphs),
      title: title?.title ?? null,
      kind: title?.kind ?? null,
      fromYear: period?.fromYear ?? null,
      toYear: period?.toYear ?? null,
      phases: structure.phases,
      documentNumber,
      issuedOn,
      issuer,
    },
    titleParagraphs: new Set(title?.paragraphs.map((paragraph) => paragraph.index) ?? []),
  };
}
