/**
 * Just enough of the XLSX format to check an exported workbook: read the ZIP's central directory,
 * inflate the parts, and list each sheet's rows as text (shared strings resolved).
 */
import { inflateRawSync } from 'node:zlib';

function entries(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('not a ZIP file (no end of central directory)');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  for (let index = 0; index < count; index += 1) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const localNameLength = zip.readUInt16LE(localOffset + 26);
    const localExtraLength = zip.readUInt16LE(localOffset + 28);
    const start = localOffset + 30 + localNameLength + localExtraLength;
    const data = zip.subarray(start, start + compressedSize);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_match, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

/** Every sheet's rows, each row its cells' text in column order. */
export function readWorkbook(file: Buffer): string[][][] {
  const files = entries(file);
  if (!files.has('[Content_Types].xml') || !files.has('xl/workbook.xml')) {
    throw new Error('not an XLSX workbook');
  }
  const shared = [
    ...(files.get('xl/sharedStrings.xml')?.toString('utf8') ?? '').matchAll(
      /<si>([\s\S]*?)<\/si>/g,
    ),
  ].map(([, item]) =>
    decodeXml(
      [...(item ?? '').matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map(([, text]) => text).join(''),
    ),
  );
  const sheets = [...files.keys()]
    .filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]));
  return sheets.map((name) => {
    const xml = files.get(name)?.toString('utf8') ?? '';
    return [...xml.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map(([, row]) =>
      [...(row ?? '').matchAll(/<c([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map(
        ([, attributes, body]) => {
          const type = /t="(\w+)"/.exec(attributes ?? '')?.[1];
          const value = /<v>([\s\S]*?)<\/v>/.exec(body ?? '')?.[1];
          if (type === 's' && value !== undefined) return shared[Number(value)] ?? '';
          if (type === 'inlineStr')
            return decodeXml(/<t[^>]*>([\s\S]*?)<\/t>/.exec(body ?? '')?.[1] ?? '');
          return value === undefined ? '' : decodeXml(value);
        },
      ),
    );
  });
}
