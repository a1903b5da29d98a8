/**
 * Matches a target's wording to a catalog indicator, with a confidence.
 *
 * The catalog's aliases (packages/domain/src/catalog.ts) drive it: an alias matches when its words
 * occur in the text in order, diacritics, case and punctuation aside, abbreviations spelled out
 * (TTHC = thủ tục hành chính). An alias may have parts joined by " … ": the parts must occur in
 * order, anything between ("hài lòng … sự phục vụ" matches "hài lòng của người dân, tổ chức đối với
 * sự phục vụ"). The longest match wins; a close second lowers the confidence.
 *
 * A few readings are rules rather than words (indicator-catalog.md, plan-parsing.md):
 * - "hài lòng" alone is ambiguous: with it, only satisfaction indicators count, and its object decides
 *   (the aliases); without it, a satisfaction indicator needs its acronym (SIPAS);
 * - "mức độ 3, 4" is today's "toàn trình / một phần": not TTHC.FULL_ONLINE_SVC (only "mức độ 4" is);
 * - a share of units moved from one self-financing band to another ("chuyển … sang") is no catalog
 *   indicator;
 * - a dossier rate does not count service centres or agencies ("100% Trung tâm … triển khai quy
 *   trình số hóa" is not the digitisation rate).
 */
import { INDICATOR_CATALOG, type TIndicator } from '@commune-bench/domain';
import { tokenize, type Token } from './text-match.js';

interface CompiledAlias {
  code: string;
  alias: string;
  parts: string[][];
  words: number;
}

export interface IndicatorCandidate {
  code: string;
  indicator: TIndicator;
  /** Matched words (more is more specific); a contiguous single-part alias scores a little higher. */
  score: number;
  alias: string;
  /** Character ranges of the matched words in the text. */
  spans: { start: number; end: number }[];
  gapped: boolean;
}

export interface IndicatorMatch {
  code: string;
  indicator: TIndicator;
  score: number;
  alias: string;
  /** 0–1: how clearly this indicator and no other is meant. */
  confidence: number;
  start: number;
  end: number;
}

const SATISFACTION = new Set([
  'CDDH.SIPAS',
  'CDDH.SIPAS_PUBSVC',
  'TTHC.SAT',
  'TTHC.SAT_LAND',
  'CQS.ONLINE_SAT',
]);
/** Indices a plan lists together ("Chỉ số PAR INDEX, PAPI, ICT, PCI … trong nhóm 3"). */
export const LISTABLE_INDICES = new Set([
  'CDDH.PAR_INDEX',
  'CDDH.SIPAS',
  'CQS.DTI',
  'CDDH.PAPI',
  'CDDH.PCI',
  'CDDH.ICT',
]);
/** Rates over dossiers or procedures: the counted noun right after "N%" must not be a body. */
const DOSSIER_RATES = new Set([
  'TTHC.DIGITIZE',
  'TTHC.ONLINE_DOSSIER',
  'TTHC.E_RESULT',
  'TTHC.DATA_REUSE',
  'TTHC.ONTIME',
  'TTHC.PAY_DOSSIER',
  'TTHC.E_CIRCULATE',
  'CQS.ONESTOP_SYS',
]);
/** Indicators that may be proposed as a milestone (done / not done). */
export const MILESTONE_INDICATORS = new Set(['TCBM.REORG', 'CQS.REPORT_SYS']);

function compile(code: string, alias: string): CompiledAlias | null {
  const parts = alias
    .split('…')
    .map((part) => tokenize(part).map((token) => token.text))
    .filter((part) => part.length > 0);
  if (parts.length === 0) return null;
  return { code, alias, parts, words: parts.reduce((sum, part) => sum + part.length, 0) };
}

function aliasesOf(indicator: TIndicator): string[] {
  // The name is an alias too, without its parenthesised notes ("(PAR INDEX)", "(cũ: mức độ 4)").
  const name = indicator.nameVi.replace(/\([^)]*\)/gu, ' ').trim();
  return [name, ...indicator.aliases];
}

let compiledCache: { catalog: readonly TIndicator[]; aliases: CompiledAlias[] } | null = null;

function compiledAliases(catalog: readonly TIndicator[]): CompiledAlias[] {
  if (compiledCache?.catalog === catalog) return compiledCache.aliases;
  const aliases: CompiledAlias[] = [];
  for (const indicator of catalog) {
    for (const alias of aliasesOf(indicator)) {
      const compiled = compile(indicator.code, alias);
      if (compiled !== null) aliases.push(compiled);
    }
  }
  compiledCache = { catalog, aliases };
  return aliases;
}

function indexOfSequence(tokens: readonly Token[], part: readonly string[], from: number): number {
  const last = tokens.length - part.length;
  outer: for (let i = from; i <= last; i++) {
    for (let j = 0; j < part.length; j++) {
      if (tokens[i + j]?.text !== part[j]) continue outer;
    }
    return i;
  }
  return -1;
}

function matchAlias(
  tokens: readonly Token[],
  alias: CompiledAlias,
): { spans: { start: number; end: number }[] } | null {
  // Parts in order, each at its earliest place after the one before: if the alias occurs at all,
  // this finds it, in time linear in the text.
  const spans: { start: number; end: number }[] = [];
  let cursor = 0;
  for (const part of alias.parts) {
    const at = indexOfSequence(tokens, part, cursor);
    if (at < 0) return null;
    const firstToken = tokens[at];
    const lastToken = tokens[at + part.length - 1];
    if (firstToken === undefined || lastToken === undefined) return null;
    spans.push({ start: firstToken.start, end: lastToken.end });
    cursor = at + part.length;
  }
  return { spans };
}

const candidateCache = new Map<string, IndicatorCandidate[]>();

/** Every catalog indicator whose alias occurs in the text, best first. */
export function indicatorCandidates(
  text: string,
  catalog: readonly TIndicator[] = INDICATOR_CATALOG,
): IndicatorCandidate[] {
  // The same words are matched several times (subject, label, bundles): remember recent answers.
  if (catalog === INDICATOR_CATALOG) {
    const known = candidateCache.get(text);
    if (known !== undefined) return known;
    const found = computeCandidates(text, catalog);
    if (candidateCache.size > 4000) candidateCache.clear();
    candidateCache.set(text, found);
    return found;
  }
  return computeCandidates(text, catalog);
}

function computeCandidates(text: string, catalog: readonly TIndicator[]): IndicatorCandidate[] {
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];
  const byCode = new Map(catalog.map((indicator) => [indicator.code, indicator]));
  const best = new Map<string, IndicatorCandidate>();
  for (const alias of compiledAliases(catalog)) {
    const found = matchAlias(tokens, alias);
    if (found === null) continue;
    const indicator = byCode.get(alias.code);
    if (indicator === undefined) continue;
    const gapped = alias.parts.length > 1;
    // Acronyms (SIPAS, DTI, PCI) are one word but unmistakable.
    const acronym = alias.words === 1 && /^[A-Z]{3,}$/u.test(alias.alias.trim());
    const score = (acronym ? 3 : alias.words) + (gapped ? 0 : 0.5);
    const current = best.get(alias.code);
    if (current === undefined || score > current.score) {
      best.set(alias.code, {
        code: alias.code,
        indicator,
        score,
        alias: alias.alias,
        spans: found.spans,
        gapped,
      });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
}

const HAI_LONG = /(?<!\p{L})hài lòng(?!\p{L})/iu;
const LEGACY_LEVEL_3 = /mức độ 3\s*(?:,|và|\/|hoặc)\s*(?:mức độ\s*)?4/iu;
const CONVERSION = /(?<!\p{L})chuyển(?!\p{L})[^.;]*(?<!\p{L})sang(?!\p{L})/iu;
const BODY_NOUN =
  /^\s*(?:các\s+)?(?:trung tâm|bộ phận|cơ quan|đơn vị|xã|phường|ủy ban|uỷ ban|ubnd|phòng|ban)(?!\p{L})/iu;

export interface MatchOptions {
  /** The words right after "N%" (the counted noun), for the denominator check. */
  countedNoun?: string;
  catalog?: readonly TIndicator[];
  /** Only these codes may be returned. */
  only?: ReadonlySet<string>;
}

/** Candidates left after the reading rules (satisfaction, legacy level 3-4, conversions, denominators). */
export function plausibleCandidates(
  text: string,
  options: MatchOptions = {},
): IndicatorCandidate[] {
  let candidates = indicatorCandidates(text, options.catalog);
  if (options.only !== undefined) {
    const only = options.only;
    candidates = candidates.filter((candidate) => only.has(candidate.code));
  }
  if (CONVERSION.test(text)) return [];
  const satisfied = HAI_LONG.test(text);
  candidates = candidates.filter((candidate) => {
    if (SATISFACTION.has(candidate.code)) {
      if (satisfied) return true;
      // Without "hài lòng", only an acronym-like alias (SIPAS) or a "chỉ số" name keeps it.
      return /^[A-Z]{3,}$/u.test(candidate.alias.trim()) || /chỉ số/iu.test(candidate.alias);
    }
    return true;
  });
  if (satisfied && candidates.some((candidate) => SATISFACTION.has(candidate.code))) {
    candidates = candidates.filter(
      (candidate) => SATISFACTION.has(candidate.code) || LISTABLE_INDICES.has(candidate.code),
    );
  }
  if (LEGACY_LEVEL_3.test(text)) {
    candidates = candidates.filter((candidate) => candidate.code !== 'TTHC.FULL_ONLINE_SVC');
  }
  if (options.countedNoun !== undefined && BODY_NOUN.test(options.countedNoun)) {
    candidates = candidates.filter((candidate) => !DOSSIER_RATES.has(candidate.code));
  }
  return candidates;
}

/** The indicator the text means, or null when no alias fits (never a forced code). */
export function matchIndicator(text: string, options: MatchOptions = {}): IndicatorMatch | null {
  const candidates = plausibleCandidates(text, options);
  const best = candidates[0];
  if (best === undefined) return null;
  const second = candidates[1];
  const strength = best.score >= 5 ? 0.92 : best.score >= 3 ? 0.85 : 0.7;
  let confidence = best.gapped ? strength - 0.05 : strength;
  if (second !== undefined && !overlapsOnly(best, second)) {
    const margin = best.score - second.score;
    if (margin < 1) confidence -= 0.2;
    else if (margin < 2) confidence -= 0.1;
  }
  const start = Math.min(...best.spans.map((span) => span.start));
  const end = Math.max(...best.spans.map((span) => span.end));
  return {
    code: best.code,
    indicator: best.indicator,
    score: best.score,
    alias: best.alias,
    confidence: Math.max(0.3, Math.min(0.95, confidence)),
    start,
    end,
  };
}

/** True when `second` matched only inside `best`'s words (a shorter alias of a longer phrase). */
function overlapsOnly(best: IndicatorCandidate, second: IndicatorCandidate): boolean {
  return second.spans.every((span) =>
    best.spans.some((outer) => span.start >= outer.start && span.end <= outer.end),
  );
}

/**
 * Several listed indices in one subject ("Chỉ số CCHC (PAR Index), Chỉ số … (PAPI), … (PCI)"):
 * the offsets where each one's part of the text starts, in order, or null when fewer than two.
 */
export function listedIndices(text: string): { code: string; start: number }[] | null {
  const found = indicatorCandidates(text).filter((candidate) =>
    LISTABLE_INDICES.has(candidate.code),
  );
  if (found.length < 2) return null;
  const starts = found
    .map((candidate) => ({
      code: candidate.code,
      start: Math.min(...candidate.spans.map((span) => span.start)),
    }))
    .sort((a, b) => a.start - b.start);
  return starts;
}
