/**
 * Matching text the way a Vietnamese reader does: without tones and letter marks (`foldVi` from
 * the domain), without punctuation, and with the usual abbreviations spelled out (TTHC, DVC, …).
 */
import { foldVi } from '@commune-bench/domain';

/** Abbreviations of plan documents, folded, with what they stand for. */
const ABBREVIATIONS: Record<string, string> = {
  tthc: 'thu tuc hanh chinh',
  dvc: 'dich vu cong',
  dvctt: 'dich vu cong truc tuyen',
  cchc: 'cai cach hanh chinh',
  vbqppl: 'van ban quy pham phap luat',
  qppl: 'quy pham phap luat',
  cbccvc: 'can bo cong chuc vien chuc',
  cbcc: 'can bo cong chuc',
  hdnd: 'hoi dong nhan dan',
  ubnd: 'uy ban nhan dan',
  csdl: 'co so du lieu',
  httt: 'he thong thong tin',
  cntt: 'cong nghe thong tin',
  hcnn: 'hanh chinh nha nuoc',
  dvsnc: 'don vi su nghiep cong',
  dvsncl: 'don vi su nghiep cong lap',
  ttdt: 'trang thong tin dien tu',
  ttđt: 'trang thong tin dien tu',
  ktxh: 'kinh te xa hoi',
};

export interface Token {
  /** Folded, lower-case, letters and digits only. */
  text: string;
  /** Offsets in the string that was tokenised. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Folds one string for comparison (tones removed, `đ` → `d`, lower case). */
export function fold(text: string): string {
  return foldVi(text);
}

/**
 * Splits text into folded word tokens with their offsets; abbreviations become the words they
 * stand for, all pointing at the abbreviation's offsets.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Folding keeps the length of composed (NFC) text: fold it once and read the words off it.
  const whole = fold(text);
  const sameLength = whole.length === text.length;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    const folded = sameLength ? whole.slice(start, end) : fold(match[0]);
    const expansion = ABBREVIATIONS[folded];
    if (expansion === undefined) {
      tokens.push({ text: folded, start, end });
    } else {
      for (const word of expansion.split(' ')) tokens.push({ text: word, start, end });
    }
  }
  return tokens;
}

/** Tokens' texts only. */
export function words(text: string): string[] {
  return tokenize(text).map((token) => token.text);
}

/** Folded words joined by single spaces, for substring tests on whole words (with spaces around). */
export function foldedPhrase(text: string): string {
  return ` ${words(text).join(' ')} `;
}

/** Index of `needle` (a token sequence) in `haystack` from `from`, or -1. */
export function findSequence(
  haystack: readonly string[],
  needle: readonly string[],
  from = 0,
): number {
  if (needle.length === 0) return -1;
  const last = haystack.length - needle.length;
  outer: for (let i = Math.max(0, from); i <= last; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) continue outer;
    }
    return i;
  }
  return -1;
}

/** Upper-cases the first letter. */
export function capitalize(text: string): string {
  const first = text.charAt(0);
  return first.toLocaleUpperCase('vi') + text.slice(1);
}

/** `XÃ Ô DIÊN` → `Xã Ô Diên` (each syllable capitalised). */
export function titleCase(text: string): string {
  return text
    .toLocaleLowerCase('vi')
    .split(/(\s+)/)
    .map((part) => capitalize(part))
    .join('');
}

/** True when the letter is an upper-case letter (Vietnamese included). */
export function isUpperLetter(char: string): boolean {
  return char !== char.toLocaleLowerCase('vi') && char === char.toLocaleUpperCase('vi');
}

/** True when the letter is a lower-case letter (Vietnamese included). */
export function isLowerLetter(char: string): boolean {
  return char !== char.toLocaleUpperCase('vi') && char === char.toLocaleLowerCase('vi');
}
