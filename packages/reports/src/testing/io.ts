/** Test helpers: collect a rendered file, read PDFs back with poppler, turn first pages into PNG previews. */
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  copyFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PREVIEW_DIR = join(PACKAGE_DIR, 'test-results', 'previews');

/** A Writable that keeps what it is given. */
export class MemorySink extends Writable {
  readonly chunks: Buffer[] = [];
  override _write(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ): void {
    this.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    callback();
  }
  get buffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

export async function collect(render: (out: Writable) => Promise<void>): Promise<Buffer> {
  const sink = new MemorySink();
  await render(sink);
  return sink.buffer;
}

function withTempFile<T>(
  buffer: Buffer,
  extension: string,
  use: (path: string, dir: string) => T,
): T {
  const dir = mkdtempSync(join(tmpdir(), 'reports-'));
  const path = join(dir, `file.${extension}`);
  writeFileSync(path, buffer);
  try {
    return use(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function hasCommand(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** `pdftotext` of the whole document or of pages `first`..`last`; `layout` keeps columns on one line. */
export function pdfText(
  buffer: Buffer,
  options: { layout?: boolean; first?: number; last?: number } = {},
): string {
  return withTempFile(buffer, 'pdf', (path) =>
    execFileSync(
      'pdftotext',
      [
        '-enc',
        'UTF-8',
        ...(options.layout === true ? ['-layout'] : []),
        ...(options.first === undefined ? [] : ['-f', String(options.first)]),
        ...(options.last === undefined ? [] : ['-l', String(options.last)]),
        path,
        '-',
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    ),
  );
}

export function pdfInfo(buffer: Buffer): Record<string, string> {
  const text = withTempFile(buffer, 'pdf', (path) =>
    execFileSync('pdfinfo', ['-enc', 'UTF-8', path], { encoding: 'utf8' }),
  );
  const info: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match?.[1] !== undefined) info[match[1].trim()] = match[2] ?? '';
  }
  return info;
}

export function pdfFonts(buffer: Buffer): string {
  return withTempFile(buffer, 'pdf', (path) =>
    execFileSync('pdffonts', [path], { encoding: 'utf8' }),
  );
}

/** Renders page 1 of a PDF to `PREVIEW_DIR/<name>.png`; returns the path. */
export function pdfFirstPageToPng(buffer: Buffer, name: string, resolution = 90): string {
  mkdirSync(PREVIEW_DIR, { recursive: true });
  const prefix = join(PREVIEW_DIR, name);
  withTempFile(buffer, 'pdf', (path) =>
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      String(resolution),
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      path,
      prefix,
    ]),
  );
  return `${prefix}.png`;
}

export const SOFFICE = ['soffice', 'libreoffice'].find(hasCommand);

/** LibreOffice headless: converts a DOCX/XLSX/CSV to PDF; null when LibreOffice is not installed. */
export function officeToPdf(buffer: Buffer, extension: string): Buffer | null {
  if (SOFFICE === undefined) return null;
  return withTempFile(buffer, extension, (path, dir) => {
    const profile = join(dir, 'profile');
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        path,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const pdf = join(dir, 'file.pdf');
    return existsSync(pdf) ? readFileSync(pdf) : null;
  });
}

export function savePreviewFile(buffer: Buffer, fileName: string): string {
  mkdirSync(PREVIEW_DIR, { recursive: true });
  const path = join(PREVIEW_DIR, fileName);
  writeFileSync(path, buffer);
  return path;
}

export { copyFileSync };
