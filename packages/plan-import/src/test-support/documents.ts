/**
 * Builds a .docx (with the `docx` package) and a .pdf (with pdfkit and an embedded DejaVu Sans
 * TTF, which has the Vietnamese glyphs) from a plain-text document: one paragraph per line, and
 * runs of tab-separated lines as a bordered table, the way a Word file and its PDF export hold them.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import PDFDocument from 'pdfkit';

type Block = { kind: 'line'; text: string } | { kind: 'table'; rows: string[][] };

function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  for (const line of text.split(/\r?\n/u)) {
    if (line.includes('\t')) {
      const cells = line.split('\t');
      const last = blocks[blocks.length - 1];
      if (last?.kind === 'table') last.rows.push(cells);
      else blocks.push({ kind: 'table', rows: [cells] });
      continue;
    }
    // A blank line between two table rows (a page break in the source) keeps the table going.
    const last = blocks[blocks.length - 1];
    if (line.trim() === '' && last?.kind === 'table') continue;
    blocks.push({ kind: 'line', text: line });
  }
  return blocks;
}

function padRows(rows: string[][]): string[][] {
  const width = Math.max(...rows.map((row) => row.length));
  return rows.map((row) => [...row, ...Array<string>(width - row.length).fill('')]);
}

export async function docxFromText(text: string): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  for (const block of blocksOf(text)) {
    if (block.kind === 'line') {
      children.push(new Paragraph({ children: [new TextRun(block.text)] }));
      continue;
    }
    const rows = padRows(block.rows);
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: rows.map(
          (row) =>
            new TableRow({
              children: row.map(
                (cell) =>
                  new TableCell({ children: [new Paragraph({ children: [new TextRun(cell)] })] }),
              ),
            }),
        ),
      }),
    );
  }
  const document = new Document({ sections: [{ children }] });
  return Packer.toBuffer(document);
}

const require = createRequire(import.meta.url);
export const DEJAVU_SANS = join(
  dirname(require.resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
  'DejaVuSans.ttf',
);

function collect(document: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
}

export async function pdfFromText(text: string): Promise<Buffer> {
  const margin = 40;
  const document = new PDFDocument({ size: 'A4', margin, autoFirstPage: true });
  const done = collect(document);
  document.font(DEJAVU_SANS).fontSize(9);
  const pageWidth = document.page.width - margin * 2;
  const bottom = (): number => document.page.height - margin;
  for (const block of blocksOf(text)) {
    if (block.kind === 'line') {
      if (block.text.trim() === '') {
        document.moveDown(0.5);
        continue;
      }
      document.text(block.text, margin, document.y, { width: pageWidth });
      continue;
    }
    const rows = padRows(block.rows);
    const columns = rows[0]?.length ?? 1;
    // Wider columns for longer cells.
    const weights = Array.from({ length: columns }, (_unused, column) =>
      Math.max(10, ...rows.map((row) => Math.min(60, (row[column] ?? '').length))),
    );
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    // No column so narrow that a short number ("1.1", "STT") breaks inside.
    const widths = weights.map((weight) => Math.max(34, (weight / total) * pageWidth));
    const scale = pageWidth / widths.reduce((sum, width) => sum + width, 0);
    for (let column = 0; column < widths.length; column++)
      widths[column] = (widths[column] ?? 34) * scale;
    let y = document.y + 4;
    for (const row of rows) {
      const height =
        Math.max(
          ...row.map((cell, column) =>
            document.heightOfString(cell || ' ', { width: (widths[column] ?? 40) - 6 }),
          ),
        ) + 6;
      if (y + height > bottom()) {
        document.addPage();
        y = margin;
      }
      let x = margin;
      row.forEach((cell, column) => {
        const width = widths[column] ?? 40;
        document.rect(x, y, width, height).stroke();
        if (cell !== '') document.text(cell, x + 3, y + 3, { width: width - 6 });
        x += width;
      });
      y += height;
    }
    document.text('', margin, y + 6);
  }
  document.end();
  return done;
}

/** A PDF with pages but no text at all (what a scan without OCR looks like to a text reader). */
export async function pdfWithoutText(pages = 1): Promise<Buffer> {
  const document = new PDFDocument({ size: 'A4', margin: 40 });
  const done = collect(document);
  for (let page = 0; page < pages; page++) {
    if (page > 0) document.addPage();
    document.rect(60, 60, 300, 400).fill('#cccccc');
  }
  document.end();
  return done;
}

/** A PDF with one short line of text per page. */
export async function pdfWithPages(pages: number, line: string): Promise<Buffer> {
  const document = new PDFDocument({ size: 'A4', margin: 40 });
  const done = collect(document);
  document.font(DEJAVU_SANS).fontSize(10);
  for (let page = 0; page < pages; page++) {
    if (page > 0) document.addPage();
    document.text(line);
  }
  document.end();
  return done;
}
