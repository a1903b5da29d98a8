/**
 * `plan extract <file> [--json]`: prints the proposal read from a document. With `--json` only the
 * JSON (a ZPlanProposal) goes to stdout; otherwise a readable table. Unreadable input: a message on
 * stderr and a non-zero exit code.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { UNIT_TYPE_NAMES_VI, type TPlanProposal } from '@commune-bench/domain';
import { isPlanImportError } from './errors.js';
import { extractPlan } from './extract-plan.js';

export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
}

const USAGE = 'Cách dùng: plan extract <tệp> [--json] [--timeout <ms>]\n';

const COMPARATOR_TEXT: Record<string, string> = {
  gte: '≥',
  gt: '>',
  eq: '=',
  lte: '≤',
  lt: '<',
  top_n: 'top',
  better_rank: 'hạng cao hơn',
  improve: 'cải thiện',
  level_gte: 'cấp độ ≥',
  change_by: 'thay đổi',
  milestone: 'hoàn thành',
  count_gte: 'số lượng ≥',
};

function pad(text: string, width: number): string {
  const chars = [...text];
  if (chars.length > width) return `${chars.slice(0, width - 1).join('')}…`;
  return text + ' '.repeat(width - chars.length);
}

export function formatProposal(proposal: TPlanProposal): string {
  const { plan } = proposal;
  const lines: string[] = [];
  const show = (label: string, value: string | number | null): void => {
    lines.push(`${pad(label, 18)}${value === null ? '(không rõ)' : String(value)}`);
  };
  show('Tên kế hoạch', plan.title);
  show('Loại văn bản', plan.kind);
  show(
    'Đơn vị',
    plan.unitType === null && plan.unitName === null
      ? null
      : `${plan.unitType === null ? '' : `${UNIT_TYPE_NAMES_VI[plan.unitType]} `}${plan.unitName ?? '(không nêu tên)'}`,
  );
  show('Tỉnh/thành phố', plan.provinceName);
  show('Thời kỳ', plan.fromYear === null ? null : `${plan.fromYear}–${plan.toYear ?? '?'}`);
  show(
    'Giai đoạn',
    plan.phases.length === 0 ? '(không có)' : plan.phases.map((phase) => phase.label).join(', '),
  );
  show('Số văn bản', plan.documentNumber);
  show('Ngày ban hành', plan.issuedOn);
  show('Cơ quan ban hành', plan.issuer);
  lines.push('');
  lines.push(`Chỉ tiêu đề xuất: ${proposal.targets.length}`);
  lines.push(
    [
      pad('Dòng', 6),
      pad('Mã chỉ số', 22),
      pad('So sánh', 14),
      pad('Giá trị', 8),
      pad('Hạn', 6),
      pad('Tin cậy', 8),
      'Nội dung',
    ].join(' '),
  );
  for (const target of proposal.targets) {
    const flags = [
      target.aspirational ? 'phấn đấu' : null,
      target.conflict === null ? null : `xung đột ${target.conflict}`,
    ]
      .filter((flag) => flag !== null)
      .join(', ');
    lines.push(
      [
        pad(String(target.source.line), 6),
        pad(target.indicatorCode ?? '—', 22),
        pad(
          target.comparator === null
            ? '(trống)'
            : (COMPARATOR_TEXT[target.comparator] ?? target.comparator),
          14,
        ),
        pad(
          target.value === null ? '—' : `${target.value}${target.unit === 'percent' ? '%' : ''}`,
          8,
        ),
        pad(target.dueYear === null ? '—' : String(target.dueYear), 6),
        pad(target.confidence.toFixed(2), 8),
        `${target.label}${flags === '' ? '' : ` [${flags}]`}`,
      ].join(' '),
    );
  }
  if (proposal.warnings.length > 0) {
    lines.push('');
    lines.push('Cần xem lại:');
    for (const warning of proposal.warnings) {
      lines.push(
        `- ${warning.line === undefined ? '' : `dòng ${warning.line}: `}${warning.message}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export async function runPlanExtractCli(argv: readonly string[], io: CliIo): Promise<number> {
  const args = [...argv];
  if (args[0] === 'plan') args.shift();
  if (args[0] !== 'extract') {
    io.stderr.write(USAGE);
    return 2;
  }
  args.shift();
  const json = args.includes('--json');
  let timeoutMs: number | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--json') continue;
    if (arg === '--timeout') {
      timeoutMs = Number(args[++i]);
      continue;
    }
    if (arg.startsWith('--')) {
      io.stderr.write(`Tùy chọn không hợp lệ: ${arg}\n${USAGE}`);
      return 2;
    }
    files.push(arg);
  }
  const file = files[0];
  if (file === undefined || files.length > 1) {
    io.stderr.write(USAGE);
    return 2;
  }
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr.write(
      code === 'ENOENT'
        ? `Không tìm thấy tệp: ${file}\n`
        : `Không mở được tệp ${file}: ${code ?? String(error)}\n`,
    );
    return 1;
  }
  try {
    const proposal = await extractPlan(
      { buffer, filename: basename(file) },
      timeoutMs !== undefined && Number.isFinite(timeoutMs) ? { timeoutMs } : {},
    );
    io.stdout.write(json ? `${JSON.stringify(proposal, null, 2)}\n` : formatProposal(proposal));
    return 0;
  } catch (error) {
    if (isPlanImportError(error)) {
      io.stderr.write(`${error.message} (${error.code})\n`);
      return error.code === 'internal_error' ? 70 : 1;
    }
    io.stderr.write(
      `Lỗi không mong đợi: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 70;
  }
}
