import { ZPlanProposal } from '@commune-bench/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlanImportError } from './errors.js';
import { extractPlan, type ExtractPlanInput } from './extract-plan.js';
import { RUN_SEED_TESTS, SEED_IDS, SEEDS_PRESENT, seedText } from './test-support/seeds.js';

/** Far above what any input here needs (well under a second), so that a loaded machine does not fail it. */
const LIMIT_MS = 10_000;

/** The extractor either proposes a valid plan or refuses with a coded error, and never takes long. */
async function checkNeverThrowsUnhandled(input: ExtractPlanInput): Promise<void> {
  const started = Date.now();
  try {
    const proposal = await extractPlan(input, { timeoutMs: LIMIT_MS });
    expect(ZPlanProposal.safeParse(proposal).success).toBe(true);
  } catch (error) {
    if (!isPlanImportError(error)) throw error;
    expect(error.code).not.toBe('internal_error');
    expect(error.code).not.toBe('timeout');
  }
  expect(Date.now() - started).toBeLessThan(LIMIT_MS + 2_000);
}

const FRAGMENTS = [
  'Tỷ lệ hồ sơ giải quyết đúng hạn',
  ' đạt tối thiểu ',
  ' trên ',
  ' từ ',
  '% trở lên',
  '%',
  '100%',
  '2,5%',
  ' vào năm 2030',
  ' và ',
  ', trong số đó, ',
  'tương ứng là 20%, 15%',
  'Phấn đấu ',
  'Phần đầu có ',
  'mức độ hài lòng về ',
  'sự phục vụ của cơ quan hành chính nhà nước',
  'nằm trong top 10 xã đứng đầu nhóm xã loại I',
  'xếp hạng cao hơn năm 2023',
  'cải thiện hơn so với kết quả năm 2023',
  'đạt cấp độ 3',
  'có ít nhất 01 sáng kiến',
  'Hoàn thành việc sắp xếp',
  'tự bảo đảm từ 70% đến dưới 100% chi thường xuyên',
  'mỗi năm tăng tối thiểu 20% cho đến khi đạt tỷ lệ 100%',
  'Căn cứ Nghị quyết số 76/NQ-CP',
  '\n',
  '\n\n',
  '\n- ',
  '\n1. Cải cách thể chế\n',
  '\n2.1. Giai đoạn 2026-2027\n',
  '\na) Chỉ tiêu:\n',
  '\nKẾ HOẠCH\n',
  '\nPHỤ LỤC 1\n',
  '\nSTT\tChỉ tiêu\tChỉ tiêu phấn đấu năm 2024\n',
  '\t',
  '<i>',
  '</i>',
  '**',
  '(',
  ')',
  ';',
  ':',
  '.',
  '  ',
];

const planLike = fc
  .array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('fuzz: random and mutated text never throws unhandled and never hangs', () => {
  it('random strings of any Unicode', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 400 }), async (text) => {
        await checkNeverThrowsUnhandled({ text });
      }),
      { numRuns: 150 },
    );
  });

  it('random plan-like fragments', async () => {
    await fc.assert(
      fc.asyncProperty(planLike, async (text) => {
        await checkNeverThrowsUnhandled({ text, filename: 'ke-hoach.txt' });
      }),
      { numRuns: 300 },
    );
  });

  it('random bytes under any file name', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 600 }),
        fc.constantFrom('a.txt', 'a.md', 'a.docx', 'a.pdf', 'a', 'a.png', 'a.html'),
        fc.constantFrom<number[]>([], [0x25, 0x50, 0x44, 0x46, 0x2d], [0x50, 0x4b, 0x03, 0x04]),
        async (bytes, filename, magic) => {
          await checkNeverThrowsUnhandled({
            buffer: Buffer.concat([Buffer.from(magic), Buffer.from(bytes)]),
            filename,
          });
        },
      ),
      { numRuns: 120 },
    );
  });

  it('long pathological inputs', async () => {
    for (const text of [
      '9'.repeat(200_000),
      `${'tối thiểu '.repeat(20_000)}10%`,
      `${'('.repeat(50_000)}90%`,
      `${'1.'.repeat(50_000)} Chỉ tiêu`,
      `${'%'.repeat(100_000)}`,
      `${'a\t'.repeat(50_000)}`,
      `${'- 90% hồ sơ, '.repeat(2_000)}`,
      `${'<i'.repeat(50_000)}`,
      `Phấn đấu ${'hài lòng về '.repeat(5_000)}đạt 90%`,
      `${'x '.repeat(300_000)}`,
    ]) {
      await checkNeverThrowsUnhandled({ text });
    }
  });

  describe.skipIf(!RUN_SEED_TESTS || !SEEDS_PRESENT)('mutated seed documents', () => {
    const seeds = SEEDS_PRESENT ? SEED_IDS.map((id) => seedText(id)) : [];
    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant('delete' as const),
        at: fc.nat(),
        length: fc.nat({ max: 400 }),
      }),
      fc.record({
        kind: fc.constant('duplicate' as const),
        at: fc.nat(),
        length: fc.nat({ max: 400 }),
      }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(),
        text: fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom(...FRAGMENTS)),
      }),
      fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), other: fc.nat() }),
    );
    it('keep extracting or refuse with a code', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: Math.max(0, seeds.length - 1) }),
          fc.array(mutation, { minLength: 1, maxLength: 12 }),
          async (index, mutations) => {
            let text = seeds[index] ?? '';
            for (const change of mutations) {
              const at = text.length === 0 ? 0 : change.at % text.length;
              switch (change.kind) {
                case 'delete':
                  text = text.slice(0, at) + text.slice(at + change.length);
                  break;
                case 'duplicate':
                  text =
                    text.slice(0, at + change.length) +
                    text.slice(at, at + change.length) +
                    text.slice(at + change.length);
                  break;
                case 'insert':
                  text = text.slice(0, at) + change.text + text.slice(at);
                  break;
                case 'swap-lines': {
                  const lines = text.split('\n');
                  const a = change.at % Math.max(1, lines.length);
                  const b = change.other % Math.max(1, lines.length);
                  const first = lines[a] ?? '';
                  lines[a] = lines[b] ?? '';
                  lines[b] = first;
                  text = lines.join('\n');
                  break;
                }
              }
            }
            await checkNeverThrowsUnhandled({ text, filename: 'mutated.txt' });
          },
        ),
        { numRuns: 120 },
      );
    });
  });
});
