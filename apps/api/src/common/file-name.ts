import { badRequest } from './app-error.js';

const hasControlCharacter = (name: string) =>
  [...name].some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f);

/**
 * An uploaded file's name is only a label, never a path: names with folder separators, `..`,
 * control characters or over 255 characters are refused.
 */
export function assertSafeFileName(name: string): void {
  if (
    name.length === 0 ||
    name.length > 255 ||
    /[/\\]/.test(name) ||
    name.includes('..') ||
    hasControlCharacter(name)
  ) {
    throw badRequest('Tên tệp không hợp lệ (không được chứa đường dẫn hay ký tự điều khiển).', [
      { path: 'file', message: 'tên tệp không hợp lệ' },
    ]);
  }
}
