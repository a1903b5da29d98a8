import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractPlan } from '../extract-plan.js';
import { isPlanImportError } from '../errors.js';

/** A minimal zip archive of stored-deflate entries, written by hand for the test (local headers + central directory). */
function zipOf(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const compressed = deflateRawSync(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 14); // crc not checked by the guard
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('docx decompression limit', () => {
  it('refuses a zip bomb quickly, before inflating it', async () => {
    // 300 MB of zeros compress to about 300 KB.
    const bomb = zipOf([{ name: 'word/document.xml', data: Buffer.alloc(300 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const started = Date.now();
    const error = await extractPlan({ buffer: bomb, filename: 'bom.docx' }).catch(
      (reason: unknown) => reason,
    );
    expect(isPlanImportError(error) && error.code).toBe('too_large');
    expect((error as Error).message).toMatch(/giải nén ra quá lớn/);
    process.stdout.write(`zip bomb refused in ${Date.now() - started} ms\n`);
  });
});
