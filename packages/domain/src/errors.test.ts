import { describe, expect, it } from 'vitest';
import { DomainError, isDomainError } from './errors.js';

describe('DomainError', () => {
  it.each([
    ['invalid_period', 'Kỳ báo cáo không hợp lệ: "x"', { period: 'x' }],
    ['unknown_indicator', 'Không tìm thấy chỉ số', undefined],
    ['invalid_argument', 'Tham số không hợp lệ', { k: -1 }],
  ] as const)('carries code %s, message and details', (code, message, details) => {
    const error = new DomainError(code, message, details);
    expect(error).toBeInstanceOf(Error);
    expect(isDomainError(error)).toBe(true);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.details).toEqual(details);
    expect('details' in error).toBe(details !== undefined);
  });

  it('isDomainError rejects other errors', () => {
    expect(isDomainError(new Error('x'))).toBe(false);
    expect(isDomainError({ code: 'invalid_period' })).toBe(false);
  });
});
