/**
 * A .docx is a zip archive: before mammoth inflates it, read the central directory (yauzl, no
 * decompression) and refuse archives whose entries would unpack to more than the limit, or that
 * compress suspiciously well — a zip bomb is refused in milliseconds.
 */
import yauzl from 'yauzl';
import { PlanImportError } from '../errors.js';

export const DOCX_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
export const DOCX_MAX_ENTRIES = 5000;
/** Text compresses well, but not 200 to 1 across a whole document. */
export const DOCX_MAX_RATIO = 200;

export async function assertReasonableZip(
  buffer: Buffer,
  limits = {
    maxBytes: DOCX_MAX_UNCOMPRESSED_BYTES,
    maxEntries: DOCX_MAX_ENTRIES,
    maxRatio: DOCX_MAX_RATIO,
  },
): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, decodeStrings: true, validateEntrySizes: true },
      (error, file) => (error || !file ? reject(error ?? new Error('no zip')) : resolve(file)),
    );
  }).catch((error: unknown) => {
    throw new PlanImportError(
      'unreadable',
      'Không đọc được tệp Word (.docx): tệp bị hỏng hoặc không đúng định dạng.',
      { cause: error instanceof Error ? error.message : String(error) },
    );
  });
  let entries = 0;
  let uncompressed = 0;
  let compressed = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries += 1;
      uncompressed += entry.uncompressedSize;
      compressed += entry.compressedSize;
      if (entries > limits.maxEntries || uncompressed > limits.maxBytes) {
        zip.close();
        resolve();
        return;
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  }).catch((error: unknown) => {
    throw new PlanImportError(
      'unreadable',
      'Không đọc được tệp Word (.docx): tệp bị hỏng hoặc không đúng định dạng.',
      { cause: error instanceof Error ? error.message : String(error) },
    );
  });
  const ratio = compressed > 0 ? uncompressed / compressed : 0;
  if (
    entries > limits.maxEntries ||
    uncompressed > limits.maxBytes ||
    (uncompressed > 10 * 1024 * 1024 && ratio > limits.maxRatio)
  ) {
    throw new PlanImportError(
      'too_large',
      `Tệp Word giải nén ra quá lớn (${Math.round(uncompressed / 1024 / 1024)} MB, ${entries} phần): không xử lý tệp này.`,
      { uncompressed, entries, ratio },
    );
  }
}
