import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZPlanProposal } from '@commune-bench/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { runPlanExtractCli } from './cli.js';

const PLAN =
  'KẾ HOẠCH\nCải cách hành chính năm 2025 của xã Thử Nghiệm\n- Tỷ lệ giải quyết hồ sơ đúng hạn đạt tối thiểu 98%.\n';
const directory = mkdtempSync(join(tmpdir(), 'plan-cli-'));
const planFile = join(directory, 'ke-hoach.txt');
writeFileSync(planFile, PLAN);
const imageFile = join(directory, 'anh.png');
writeFileSync(imageFile, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runPlanExtractCli(argv, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
  });
  return { code, stdout, stderr };
}

describe('plan extract', () => {
  it('--json prints only the proposal as JSON', async () => {
    const result = await run(['plan', 'extract', planFile, '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const proposal = ZPlanProposal.parse(JSON.parse(result.stdout));
    expect(
      proposal.targets.map((target) => [target.indicatorCode, target.comparator, target.value]),
    ).toEqual([['TTHC.ONTIME', 'gte', 98]]);
  });

  it('prints a readable table by default', async () => {
    const result = await run(['plan', 'extract', planFile]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Chỉ tiêu đề xuất: 1');
    expect(result.stdout).toContain('TTHC.ONTIME');
    expect(result.stdout).toContain('xã Thử Nghiệm');
  });

  it('exits non-zero with a message on stderr for unreadable input', async () => {
    const missing = await run(['plan', 'extract', join(directory, 'khong-co.txt'), '--json']);
    expect([missing.code, missing.stdout]).toEqual([1, '']);
    expect(missing.stderr).toMatch(/Không tìm thấy tệp/u);
    const image = await run(['plan', 'extract', imageFile, '--json']);
    expect([image.code, image.stdout]).toEqual([1, '']);
    expect(image.stderr).toMatch(/unsupported_type/u);
    const usage = await run(['plan', 'extract']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Cách dùng/u);
  });

  const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bin.js');
  it.skipIf(!existsSync(bin))('runs as `node dist/bin.js plan extract <file> --json`', () => {
    const result = spawnSync(process.execPath, [bin, 'plan', 'extract', planFile, '--json'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(ZPlanProposal.safeParse(JSON.parse(result.stdout)).success).toBe(true);
    const failed = spawnSync(process.execPath, [bin, 'plan', 'extract', imageFile], {
      encoding: 'utf8',
    });
    expect(failed.status).toBe(1);
    expect(failed.stderr).not.toBe('');
  });
});
