/**
 * `pnpm run bench` (not a test): extraction time per seed document and per MB of text.
 * Reads the seeds from ../shared/seeds beside the repository root.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPlan } from './extract-plan.js';

function repositoryRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (let guard = 0; guard < 10; guard++) {
    if (existsSync(join(directory, 'pnpm-workspace.yaml'))) return directory;
    directory = dirname(directory);
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function time(text: string, runs: number): Promise<{ ms: number; targets: number }> {
  let targets = 0;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    const proposal = await extractPlan({ text }, { timeoutMs: 120_000, maxChars: 50_000_000 });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    targets = proposal.targets.length;
  }
  return { ms: median(times), targets };
}

const seedsDir = resolve(repositoryRoot(), '..', 'shared', 'seeds');
if (!existsSync(seedsDir)) {
  process.stderr.write(`Không tìm thấy thư mục tài liệu mẫu: ${seedsDir}\n`);
  process.exit(1);
}
const files = readdirSync(seedsDir)
  .filter((file) => file.endsWith('.txt'))
  .sort();
const texts = files.map((file) => readFileSync(join(seedsDir, file), 'utf8'));

// Warm up (JIT, catalog compilation).
for (const text of texts) await time(text, 1);

const rows: string[][] = [['seed', 'chars', 'targets', 'median ms', 'ms per MB']];
let totalChars = 0;
let totalMs = 0;
for (const [index, text] of texts.entries()) {
  const { ms, targets } = await time(text, 15);
  const bytes = Buffer.byteLength(text, 'utf8');
  totalChars += bytes;
  totalMs += ms;
  rows.push([
    files[index] ?? '',
    String(text.length),
    String(targets),
    ms.toFixed(1),
    ((ms / bytes) * 1e6).toFixed(0),
  ]);
}
rows.push([
  'all five',
  String(totalChars),
  '',
  totalMs.toFixed(1),
  ((totalMs / totalChars) * 1e6).toFixed(0),
]);

// One document of about 1 MB: the seeds repeated.
const unit = texts.join('\n\n');
const big = unit.repeat(Math.max(1, Math.ceil(1_000_000 / Buffer.byteLength(unit, 'utf8'))));
const bigBytes = Buffer.byteLength(big, 'utf8');
const { ms: bigMs, targets: bigTargets } = await time(big, 3);
rows.push([
  `seeds repeated (${(bigBytes / 1e6).toFixed(2)} MB)`,
  String(big.length),
  String(bigTargets),
  bigMs.toFixed(1),
  ((bigMs / bigBytes) * 1e6).toFixed(0),
]);

const widths =
  rows[0]?.map((_cell, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
for (const row of rows) {
  process.stdout.write(
    `${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ')}\n`,
  );
}
process.stdout.write(
  `\nNode ${process.version}; bytes counted as UTF-8; "ms per MB" = median time / size.\n`,
);
