/**
 * PDF with pdfkit: A4, DejaVu Serif embedded (Vietnamese glyphs), the header of a Vietnamese
 * administrative document, tables that break across pages with their header repeated, a horizontal bar
 * chart drawn with pdfkit primitives, the method note, the units left out, a signature block and
 * "Trang X/Y" on every page.
 */
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { formatNumberVi } from '@commune-bench/domain';
import PDFDocument from 'pdfkit';
import {
  COMPARISON_CELL_HEADERS,
  COMPARISON_INDICATOR_HEADER,
  targetWithAmbition,
  type ComparisonReportModel,
} from './comparison-model.js';
import { PDF_FONT_FILES, type PdfFontKey } from './fonts.js';
import {
  breakHeadingLine,
  DEMO_NOTICE_VI,
  NATIONAL_MOTTO_VI,
  NATIONAL_NAME_VI,
  SIGNATURE_HINT_VI,
  SIGNATURE_LEFT_VI,
  SIGNATURE_RIGHT_VI,
} from './labels.js';
import {
  formatChangeMark,
  RANKING_COLUMN_HEADERS,
  rowHighlight,
  rowNote,
  type DocumentHeader,
  type MethodLine,
  type RankingReportModel,
} from './ranking-model.js';

type Doc = PDFKit.PDFDocument;
type Align = 'left' | 'center' | 'right';

const MM = 72 / 25.4;
/** Nghị định 30/2020/NĐ-CP margins: top/bottom 20 mm, left 30 mm, right 15 mm. */
const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const FOOTER_SPACE = 14;
/** Bars drawn in the chart at most. */
export const PDF_CHART_MAX_ROWS = 30;

const COLOURS = {
  text: '#000000',
  muted: '#555555',
  grid: '#D0D0D0',
  border: '#808080',
  header: '#D9E1F2',
  own: '#FFF2CC',
  top: '#E2EFDA',
  area: '#EDEDED',
  up: '#00803C',
  down: '#C00000',
  demo: '#C00000',
  bar: '#4472C4',
  barOwn: '#E67E22',
  barTop: '#2E7D32',
  most: '#E2EFDA',
  least: '#FCE4D6',
} as const;

const STATUS_COLOURS: Record<string, string> = {
  met: '#00803C',
  on_track: '#00803C',
  not_met: '#C00000',
  off_track: '#C55A11',
  no_data: '#666666',
  not_applicable: '#666666',
};

interface CellPart {
  readonly text: string;
  readonly font?: PdfFontKey;
  readonly color?: string;
}

interface TableCell {
  readonly parts: readonly CellPart[];
  readonly align?: Align;
  readonly fill?: string;
}

interface TableRow {
  readonly cells: readonly TableCell[];
  readonly fill?: string;
  /** One cell spanning the whole width (a section heading). */
  readonly span?: boolean;
}

interface TableColumn {
  readonly header: string;
  readonly width: number;
  readonly align?: Align;
}

function plain(text: string, font: PdfFontKey = 'condensed', color?: string): TableCell {
  return { parts: [{ text, font, ...(color === undefined ? {} : { color }) }] };
}

class PdfWriter {
  readonly doc: Doc;
  readonly left: number;
  readonly width: number;

  constructor(options: {
    landscape: boolean;
    title: string;
    subject: string;
    author: string;
    createdAt: string;
  }) {
    this.doc = new PDFDocument({
      size: 'A4',
      layout: options.landscape ? 'landscape' : 'portrait',
      margins: MARGINS,
      bufferPages: true,
      lang: 'vi-VN',
      displayTitle: true,
      info: {
        Title: options.title,
        Subject: options.subject,
        Author: options.author,
        Creator: 'commune-bench',
        CreationDate: new Date(options.createdAt),
      },
    });
    for (const [key, file] of Object.entries(PDF_FONT_FILES)) this.doc.registerFont(key, file);
    this.doc.font('regular');
    this.left = MARGINS.left;
    this.width = this.doc.page.width - MARGINS.left - MARGINS.right;
  }

  get bottom(): number {
    return this.doc.page.height - MARGINS.bottom - FOOTER_SPACE;
  }

  use(font: PdfFontKey, size: number, color: string = COLOURS.text): Doc {
    return this.doc.font(font).fontSize(size).fillColor(color);
  }

  /** Starts a new page unless `height` still fits below the current position. */
  ensureSpace(height: number): boolean {
    if (this.doc.y + height <= this.bottom) return false;
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = MARGINS.top;
    return true;
  }

  textHeight(text: string, width: number): number {
    if (text === '') return this.doc.currentLineHeight(true);
    if (!text.includes('\n') && this.doc.widthOfString(text) <= width)
      return this.doc.currentLineHeight(true);
    return this.doc.heightOfString(text, { width });
  }

  centered(
    text: string,
    font: PdfFontKey,
    size: number,
    x: number,
    width: number,
    color?: string,
  ): number {
    this.use(font, size, color);
    const y = this.doc.y;
    this.doc.text(text, x, y, { width, align: 'center' });
    return this.doc.y;
  }

  /** The two-column header of an administrative document; leaves `doc.y` under it. */
  documentHeader(header: DocumentHeader): void {
    const { doc } = this;
    const top = MARGINS.top;
    const leftWidth = this.width * 0.42;
    const rightX = this.left + leftWidth;
    const rightWidth = this.width - leftWidth;

    // Left: the issuing body, bold, centred, with a short rule under it.
    doc.y = top;
    let widest = 0;
    this.use('bold', 11);
    const lines = header.issuingBodyLines.flatMap((line) =>
      breakHeadingLine(line, (text) => doc.widthOfString(text) <= leftWidth - 6),
    );
    for (const line of lines) {
      widest = Math.max(widest, Math.min(doc.widthOfString(line), leftWidth));
      this.centered(line, 'bold', 11, this.left, leftWidth);
    }
    const leftRuleY = doc.y + 2;
    const leftRule = Math.max(widest / 3, Math.min(widest / 2, 80));
    doc
      .moveTo(this.left + (leftWidth - leftRule) / 2, leftRuleY)
      .lineTo(this.left + (leftWidth + leftRule) / 2, leftRuleY)
      .lineWidth(0.7)
      .strokeColor(COLOURS.text)
      .stroke();
    const leftBottom = leftRuleY + 4;

    // Right: national name, motto underlined, then place and date in italics.
    doc.y = top;
    this.use('bold', 11);
    let nameSize = 11;
    while (nameSize > 8 && doc.fontSize(nameSize).widthOfString(NATIONAL_NAME_VI) > rightWidth - 4)
      nameSize -= 0.5;
    this.centered(NATIONAL_NAME_VI, 'bold', nameSize, rightX, rightWidth);
    this.use('bold', 12);
    const mottoWidth = doc.widthOfString(NATIONAL_MOTTO_VI);
    this.centered(NATIONAL_MOTTO_VI, 'bold', 12, rightX, rightWidth);
    const mottoRuleY = doc.y + 1;
    doc
      .moveTo(rightX + (rightWidth - mottoWidth) / 2, mottoRuleY)
      .lineTo(rightX + (rightWidth + mottoWidth) / 2, mottoRuleY)
      .lineWidth(0.7)
      .strokeColor(COLOURS.text)
      .stroke();
    doc.y = mottoRuleY + 10;
    this.centered(header.placeDate, 'italic', 11, rightX, rightWidth);
    const rightBottom = doc.y;

    doc.x = this.left;
    doc.y = Math.max(leftBottom, rightBottom) + 18;
  }

  title(title: string, subtitles: readonly string[]): void {
    this.centered(title, 'bold', 14, this.left, this.width);
    for (const subtitle of subtitles) {
      const demo = subtitle.startsWith(DEMO_NOTICE_VI);
      this.centered(
        subtitle,
        demo ? 'bold' : 'bold',
        11,
        this.left,
        this.width,
        demo ? COLOURS.demo : undefined,
      );
    }
    this.doc.x = this.left;
    this.doc.moveDown(0.8);
  }

  heading(text: string): void {
    this.ensureSpace(40);
    this.doc.moveDown(0.6);
    this.use('bold', 12);
    this.doc.text(text, this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
  }

  paragraphs(lines: readonly string[], font: PdfFontKey = 'italic', size = 9.5): void {
    for (const line of lines) {
      this.use(font, size, COLOURS.muted);
      this.ensureSpace(this.textHeight(line, this.width));
      this.doc.text(line, this.left, this.doc.y, { width: this.width });
    }
  }

  methodNote(lines: readonly MethodLine[]): void {
    for (const line of lines) {
      this.use('regular', 10.5);
      const height = this.doc.heightOfString(`– ${line.label}: ${line.value}`, {
        width: this.width,
      });
      this.ensureSpace(Math.min(height, 60));
      this.use('bold', 10.5);
      this.doc.text(`– ${line.label}: `, this.left, this.doc.y, {
        width: this.width,
        continued: true,
      });
      this.use('regular', 10.5);
      this.doc.text(line.value, { width: this.width });
      this.doc.moveDown(0.15);
    }
  }

  /** A table from the current position; rows are drawn as they come (an iterable is not collected). */
  table(columns: readonly TableColumn[], rows: Iterable<TableRow>, fontSize: number): void {
    const { doc } = this;
    const padX = 3;
    const padY = 2.5;
    const drawHeader = (): void => {
      this.use('condensedBold', fontSize);
      const height =
        Math.max(
          ...columns.map((column) => this.textHeight(column.header, column.width - 2 * padX)),
        ) +
        2 * padY;
      this.ensureSpace(height + 20);
      const y = doc.y;
      let x = this.left;
      for (const column of columns) {
        doc.rect(x, y, column.width, height).fillColor(COLOURS.header).fill();
        doc.rect(x, y, column.width, height).lineWidth(0.5).strokeColor(COLOURS.border).stroke();
        this.use('condensedBold', fontSize);
        const textHeight = this.textHeight(column.header, column.width - 2 * padX);
        doc.text(column.header, x + padX, y + (height - textHeight) / 2, {
          width: column.width - 2 * padX,
          align: 'center',
        });
        x += column.width;
      }
      doc.x = this.left;
      doc.y = y + height;
    };

    const cellHeight = (cell: TableCell, width: number): number =>
      cell.parts.reduce((sum, part) => {
        this.use(part.font ?? 'condensed', fontSize);
        return sum + this.textHeight(part.text, width - 2 * padX);
      }, 0) +
      2 * padY;

    drawHeader();
    for (const row of rows) {
      const widths = row.span === true ? [this.width] : columns.map((column) => column.width);
      const height = Math.max(
        ...row.cells.map((cell, index) => cellHeight(cell, widths[index] ?? this.width)),
      );
      if (this.ensureSpace(height)) drawHeader();
      const y = doc.y;
      let x = this.left;
      row.cells.forEach((cell, index) => {
        const width = widths[index] ?? 0;
        const background = cell.fill ?? row.fill;
        if (background !== undefined) doc.rect(x, y, width, height).fillColor(background).fill();
        doc.rect(x, y, width, height).lineWidth(0.5).strokeColor(COLOURS.border).stroke();
        let partY = y + padY;
        for (const part of cell.parts) {
          this.use(part.font ?? 'condensed', fontSize, part.color);
          const partHeight = this.textHeight(part.text, width - 2 * padX);
          if (part.text !== '')
            doc.text(part.text, x + padX, partY, {
              width: width - 2 * padX,
              align: cell.align ?? columns[index]?.align ?? 'left',
            });
          partY += partHeight;
        }
        x += width;
      });
      doc.x = this.left;
      doc.y = y + height;
    }
    doc.moveDown(0.5);
  }

  /** Horizontal bars, one per entry, from a zero axis; labels at left, values at the bar's end. */
  barChart(
    title: string,
    entries: readonly { label: string; value: number; display: string; colour: string }[],
    options: { max?: number },
  ): void {
    const { doc } = this;
    if (entries.length === 0) return;
    const barHeight = 10;
    const gap = 4;
    const labelWidth = Math.min(170, this.width * 0.36);
    const valueWidth = 58;
    const plotX = this.left + labelWidth + 6;
    const plotWidth = this.width - labelWidth - 6 - valueWidth;
    const values = entries.map((entry) => entry.value);
    const max = Math.max(options.max ?? 0, ...values, 0);
    const min = Math.min(0, ...values);
    const span = max - min || 1;
    const scale = (value: number): number => plotX + ((value - min) / span) * plotWidth;
    const chartHeight = 18 + entries.length * (barHeight + gap) + 16;

    this.ensureSpace(chartHeight + 24);
    this.use('bold', 11);
    doc.text(title, this.left, doc.y, { width: this.width, align: 'center' });
    doc.moveDown(0.4);
    const top = doc.y;
    const bottom = top + entries.length * (barHeight + gap);

    // Grid lines and their values.
    this.use('condensed', 7.5, COLOURS.muted);
    for (let step = 0; step <= 4; step += 1) {
      const value = min + (span * step) / 4;
      const x = scale(value);
      doc
        .moveTo(x, top - 2)
        .lineTo(x, bottom)
        .lineWidth(0.3)
        .strokeColor(COLOURS.grid)
        .stroke();
      doc.text(formatNumberVi(value, span < 10 ? 2 : 0), x - 25, bottom + 2, {
        width: 50,
        align: 'center',
      });
    }
    entries.forEach((entry, index) => {
      const y = top + index * (barHeight + gap);
      this.use('condensed', 8);
      doc.text(entry.label, this.left, y + 1, {
        width: labelWidth,
        height: barHeight,
        ellipsis: true,
        lineBreak: false,
      });
      const zero = scale(0);
      const end = scale(entry.value);
      const x = Math.min(zero, end);
      doc
        .rect(x, y, Math.max(Math.abs(end - zero), 0.5), barHeight)
        .fillColor(entry.colour)
        .fill();
      this.use('condensed', 8);
      doc.text(entry.display, Math.max(zero, end) + 3, y + 1, {
        width: valueWidth,
        lineBreak: false,
      });
    });
    // Zero axis.
    doc
      .moveTo(scale(0), top - 2)
      .lineTo(scale(0), bottom)
      .lineWidth(0.8)
      .strokeColor(COLOURS.text)
      .stroke();
    doc.x = this.left;
    doc.y = bottom + 16;
  }

  signatureBlock(preparedBy: string): void {
    const { doc } = this;
    this.ensureSpace(110);
    doc.moveDown(1);
    const half = this.width / 2;
    const y = doc.y;
    doc.y = y;
    this.centered(SIGNATURE_LEFT_VI, 'bold', 11, this.left, half);
    this.centered(SIGNATURE_HINT_VI, 'italic', 10.5, this.left, half);
    doc.y += 48;
    this.centered(preparedBy, 'bold', 11, this.left, half);
    doc.y = y;
    this.centered(SIGNATURE_RIGHT_VI, 'bold', 11, this.left + half, half);
    this.centered(SIGNATURE_HINT_VI, 'italic', 10.5, this.left + half, half);
    doc.x = this.left;
    doc.y = y + 100;
  }

  /** "Trang X/Y" (and the demo notice) on every page, once the page count is known. */
  footers(isDemo: boolean): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index += 1) {
      doc.switchToPage(index);
      const savedBottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = doc.page.height - MARGINS.bottom + 6;
      this.use('regular', 9, COLOURS.muted);
      doc.text(`Trang ${index - range.start + 1}/${range.count}`, this.left, y, {
        width: this.width,
        align: 'center',
        lineBreak: false,
      });
      if (isDemo) {
        this.use('bold', 9, COLOURS.demo);
        doc.text(DEMO_NOTICE_VI, this.left, y, {
          width: this.width,
          align: 'left',
          lineBreak: false,
        });
      }
      doc.page.margins.bottom = savedBottom;
    }
  }

  /** Ends the document and waits until `out` has taken all of it. */
  async finish(piped: Promise<void>, isDemo: boolean): Promise<void> {
    this.footers(isDemo);
    this.doc.end();
    await piped;
  }

  pipeTo(out: Writable): Promise<void> {
    const piped = pipeline(this.doc, out);
    piped.catch(() => undefined);
    return piped;
  }
}

function rankingColumns(model: RankingReportModel, width: number): TableColumn[] {
  const fixed = { rank: 36, value: 70, previousRank: 50, change: 48, note: 78 };
  const unit = width - fixed.rank - fixed.value - fixed.previousRank - fixed.change - fixed.note;
  return [
    { header: RANKING_COLUMN_HEADERS.rank, width: fixed.rank, align: 'center' },
    { header: RANKING_COLUMN_HEADERS.unit, width: unit, align: 'left' },
    { header: model.valueHeader, width: fixed.value, align: 'right' },
    { header: RANKING_COLUMN_HEADERS.previousRank, width: fixed.previousRank, align: 'center' },
    { header: RANKING_COLUMN_HEADERS.change, width: fixed.change, align: 'center' },
    { header: RANKING_COLUMN_HEADERS.note, width: fixed.note, align: 'left' },
  ];
}

function* rankingRows(model: RankingReportModel): Generator<TableRow> {
  for (const row of model.rows) {
    const highlight = rowHighlight(row, model.context);
    const font: PdfFontKey = highlight === 'own' ? 'condensedBold' : 'condensed';
    const change = formatChangeMark(row);
    const changeColour =
      row.change !== null && row.change !== 0 && !row.isNew
        ? row.change > 0
          ? COLOURS.up
          : COLOURS.down
        : undefined;
    yield {
      fill: highlight === 'own' ? COLOURS.own : highlight === 'top' ? COLOURS.top : undefined,
      cells: [
        plain(String(row.rank), font),
        plain(row.unitName, font),
        plain(row.displayValue, font),
        plain(row.previousRank === null ? '' : String(row.previousRank), font),
        plain(change, font, changeColour),
        plain(rowNote(row), 'condensedItalic'),
      ],
    };
  }
}

export async function renderRankingPdf(model: RankingReportModel, out: Writable): Promise<void> {
  const writer = new PdfWriter({
    landscape: false,
    title: `${model.title} – ${model.subtitles[0] ?? ''}`,
    subject: model.subtitles.join('; '),
    author: model.context.generatedBy,
    createdAt: model.context.generatedAt,
  });
  const piped = writer.pipeTo(out);
  writer.documentHeader(model.header);
  writer.title(model.title, model.subtitles);
  if (model.legend.length > 0) {
    writer.paragraphs(model.legend);
    writer.doc.moveDown(0.4);
  }
  if (model.rows.length === 0)
    writer.paragraphs(['Không có đơn vị nào được xếp hạng.'], 'regular', 11);
  else writer.table(rankingColumns(model, writer.width), rankingRows(model), 9.5);

  const charted = model.rows.slice(0, PDF_CHART_MAX_ROWS);
  if (charted.length > 0) {
    writer.ensureSpace(80);
    writer.barChart(
      model.rows.length > charted.length
        ? `Biểu đồ: ${charted.length} đơn vị đứng đầu – ${model.indicator.nameVi}`
        : `Biểu đồ xếp hạng – ${model.indicator.nameVi}`,
      charted.map((row) => {
        const highlight = rowHighlight(row, model.context);
        return {
          label: `${row.rank}. ${row.unitName}`,
          value: row.value,
          display: row.displayValue,
          colour:
            highlight === 'own'
              ? COLOURS.barOwn
              : highlight === 'top'
                ? COLOURS.barTop
                : COLOURS.bar,
        };
      }),
      {
        ...(model.indicator.unit === 'percent' || model.indicator.isComposite ? { max: 100 } : {}),
      },
    );
  }

  writer.heading('PHƯƠNG PHÁP XẾP HẠNG');
  writer.methodNote(model.method);

  writer.heading(`ĐƠN VỊ KHÔNG ĐƯỢC XẾP HẠNG (${model.excluded.length})`);
  if (model.excluded.length === 0) writer.paragraphs(['Không có.'], 'regular', 10.5);
  else {
    const width = writer.width;
    writer.table(
      [
        { header: 'STT', width: 36, align: 'center' },
        { header: 'Đơn vị', width: width - 36 - 150 - 90 },
        { header: 'Lý do', width: 150 },
        { header: 'Mã đơn vị', width: 90 },
      ],
      (function* excludedRows() {
        let index = 0;
        for (const row of model.excluded) {
          index += 1;
          yield {
            cells: [
              plain(String(index)),
              plain(row.unitName),
              plain(row.reason),
              plain(row.unitId),
            ],
          };
        }
      })(),
      9.5,
    );
  }
  writer.signatureBlock(model.context.generatedBy);
  await writer.finish(piped, model.isDemo);
}

export async function renderComparisonPdf(
  model: ComparisonReportModel,
  out: Writable,
): Promise<void> {
  const writer = new PdfWriter({
    landscape: model.landscape,
    title: model.title,
    subject: model.subtitles.join('; '),
    author: model.context.generatedBy,
    createdAt: model.context.generatedAt,
  });
  const piped = writer.pipeTo(out);
  writer.documentHeader(model.header);
  writer.title(model.title, model.subtitles);
  if (model.legend.length > 0) {
    writer.paragraphs(model.legend);
    writer.doc.moveDown(0.4);
  }
  const indicatorWidth = Math.min(150, writer.width * 0.26);
  const unitWidth =
    model.units.length === 0 ? 0 : (writer.width - indicatorWidth) / model.units.length;
  const fontSize = model.units.length > 6 ? 7.5 : 8.5;
  const columns: TableColumn[] = [
    { header: COMPARISON_INDICATOR_HEADER, width: indicatorWidth },
    ...model.units.map((unit) => ({
      header: unit.province === null ? unit.name : `${unit.name}\n(${unit.province})`,
      width: unitWidth,
    })),
  ];
  const rows = function* comparisonRows(): Generator<TableRow> {
    for (const group of model.groups) {
      yield { span: true, fill: COLOURS.area, cells: [plain(group.heading, 'condensedBold')] };
      for (const indicatorRow of group.rows) {
        yield {
          cells: [
            plain(`${indicatorRow.indicatorName} (${indicatorRow.indicatorCode})`),
            ...indicatorRow.cells.map((cell, index): TableCell => {
              const own = model.units[index]?.isOwn === true;
              if (!cell.hasTarget) return plain(cell.target, 'condensedItalic', COLOURS.muted);
              const fill =
                cell.ambition === 'most'
                  ? COLOURS.most
                  : cell.ambition === 'least'
                    ? COLOURS.least
                    : undefined;
              return {
                ...(fill === undefined ? {} : { fill }),
                parts: [
                  {
                    text: `${COMPARISON_CELL_HEADERS.target}: ${targetWithAmbition(cell)}`,
                    font: own || cell.ambition === 'most' ? 'condensedBold' : 'condensed',
                  },
                  {
                    text: `${COMPARISON_CELL_HEADERS.result}: ${cell.result}`,
                    font: own ? 'condensedBold' : 'condensed',
                  },
                  {
                    text: cell.status,
                    font: 'condensedBold',
                    color:
                      cell.statusCode === null
                        ? COLOURS.text
                        : (STATUS_COLOURS[cell.statusCode] ?? COLOURS.text),
                  },
                ],
              };
            }),
          ],
        };
      }
    }
  };
  if (model.groups.length === 0)
    writer.paragraphs(
      ['Không có chỉ tiêu nào gắn với chỉ số trong danh mục để so sánh.'],
      'regular',
      11,
    );
  else writer.table(columns, rows(), fontSize);

  writer.heading('GHI CHÚ VÀ PHƯƠNG PHÁP SO SÁNH');
  writer.methodNote(model.method);
  writer.signatureBlock(model.context.generatedBy);
  await writer.finish(piped, model.isDemo);
}
