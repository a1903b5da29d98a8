/**
 * DOCX with the `docx` package, in the layout of Nghị định 30/2020/NĐ-CP: A4, margins top/bottom 20 mm,
 * left 30 mm, right 15 mm; Times New Roman, body 14 pt, tables 13 pt (12 pt or 11 pt in a comparison of
 * many units); the national header as a borderless two-column table; page numbers centred in the page
 * header from page 2; tables with a header row repeated on each page; a signature block placeholder.
 * Everything is ordinary Word content (paragraphs, tables), so the file stays editable.
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeightRule,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import {
  COMPARISON_CELL_HEADERS,
  COMPARISON_INDICATOR_HEADER,
  targetWithAmbition,
  type ComparisonReportModel,
} from './comparison-model.js';
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

export const DOCX_FONT = 'Times New Roman';
/** Twips per millimetre. */
const MM = 1440 / 25.4;
export const DOCX_PAGE = {
  width: 11906,
  height: 16838,
  margin: {
    top: Math.round(20 * MM),
    bottom: Math.round(20 * MM),
    left: Math.round(30 * MM),
    right: Math.round(15 * MM),
  },
} as const;
/** Half-points. */
const SIZE = { body: 28, table: 26, header: 26, title: 28 } as const;

const FILL = {
  header: 'D9E1F2',
  own: 'FFF2CC',
  top: 'E2EFDA',
  area: 'EDEDED',
  most: 'E2EFDA',
  least: 'FCE4D6',
} as const;
const CHART_FILL = { bar: '4472C4', own: 'E67E22', top: '2E7D32' } as const;
const STATUS_COLOURS: Record<string, string> = {
  met: '00803C',
  on_track: '00803C',
  not_met: 'C00000',
  off_track: 'C55A11',
  no_data: '666666',
  not_applicable: '666666',
};

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  color?: string;
  underline?: boolean;
}

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    ...(style.bold === true ? { bold: true } : {}),
    ...(style.italics === true ? { italics: true } : {}),
    ...(style.size === undefined ? {} : { size: style.size }),
    ...(style.color === undefined ? {} : { color: style.color }),
    ...(style.underline === true ? { underline: { type: UnderlineType.SINGLE } } : {}),
  });
}

function paragraph(
  text: string,
  style: RunStyle & {
    align?: 'left' | 'center' | 'right' | 'both';
    before?: number;
    after?: number;
  } = {},
): Paragraph {
  const alignment =
    style.align === 'center'
      ? AlignmentType.CENTER
      : style.align === 'right'
        ? AlignmentType.RIGHT
        : style.align === 'both'
          ? AlignmentType.JUSTIFIED
          : AlignmentType.LEFT;
  return new Paragraph({
    alignment,
    spacing: { before: style.before ?? 0, after: style.after ?? 0 },
    children: [run(text, style)],
  });
}

function textWidth(landscape: boolean): number {
  return (
    (landscape ? DOCX_PAGE.height : DOCX_PAGE.width) -
    DOCX_PAGE.margin.left -
    DOCX_PAGE.margin.right
  );
}

/** The national header: issuing body at left, national name and motto at right, then place and date. */
function nationalHeader(header: DocumentHeader, width: number): Table {
  const left = Math.round(width * 0.4);
  const right = width - left;
  const noBorders = TableBorders.NONE;
  const rule = (cellWidth: number, share: number) =>
    new Paragraph({
      spacing: { before: 0, after: 0, line: 120 },
      indent: {
        left: Math.round((cellWidth * (1 - share)) / 2),
        right: Math.round((cellWidth * (1 - share)) / 2),
      },
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
      children: [],
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: left, type: WidthType.DXA },
            borders: noBorders,
            children: [
              ...header.issuingBodyLines
                // About 21 capitals of bold 13 pt Times New Roman fit in the 40% column.
                .flatMap((line) =>
                  breakHeadingLine(line, (text) => text.length <= Math.floor(left / 175)),
                )
                .map((line) => paragraph(line, { bold: true, size: SIZE.header, align: 'center' })),
              rule(left, 0.35),
            ],
          }),
          new TableCell({
            width: { size: right, type: WidthType.DXA },
            borders: noBorders,
            children: [
              paragraph(NATIONAL_NAME_VI, { bold: true, size: 25, align: 'center' }),
              paragraph(NATIONAL_MOTTO_VI, {
                bold: true,
                size: 28,
                align: 'center',
                underline: true,
              }),
              paragraph(header.placeDate, {
                italics: true,
                size: 28,
                align: 'center',
                before: 200,
              }),
            ],
          }),
        ],
      }),
    ],
  });
}

function titleBlock(title: string, subtitles: readonly string[]): Paragraph[] {
  return [
    paragraph(title.toLocaleUpperCase('vi'), {
      bold: true,
      size: SIZE.title,
      align: 'center',
      before: 360,
    }),
    ...subtitles.map((subtitle) =>
      paragraph(subtitle, {
        bold: true,
        size: SIZE.table,
        align: 'center',
        ...(subtitle.startsWith(DEMO_NOTICE_VI) ? { color: 'C00000' } : {}),
      }),
    ),
    paragraph('', { after: 120 }),
  ];
}

function legendBlock(lines: readonly string[]): Paragraph[] {
  return lines.map((line) => paragraph(line, { italics: true, size: 24 }));
}

interface CellSpec {
  paragraphs: { text: string; style?: RunStyle }[];
  align?: 'left' | 'center' | 'right';
  fill?: string;
  span?: number;
}

/** Paragraph style of table text: its size and no spacing, so cells need not repeat them (a 3,321-row table). */
const TABLE_STYLE = {
  normal: 'BangSoLieu',
  small: 'BangSoLieuNho',
  smaller: 'BangSoLieuNho2',
  chart: 'BieuDo',
} as const;
type TableStyle = (typeof TABLE_STYLE)[keyof typeof TABLE_STYLE];

function cell(spec: CellSpec, style: TableStyle, header = false): TableCell {
  const alignment =
    spec.align === 'center'
      ? AlignmentType.CENTER
      : spec.align === 'right'
        ? AlignmentType.RIGHT
        : undefined;
  return new TableCell({
    ...(header ? { verticalAlign: VerticalAlignTable.CENTER } : {}),
    ...(spec.span === undefined ? {} : { columnSpan: spec.span }),
    ...(spec.fill === undefined
      ? {}
      : { shading: { type: ShadingType.CLEAR, fill: spec.fill, color: 'auto' } }),
    children: spec.paragraphs.map(
      (part) =>
        new Paragraph({
          style,
          ...(alignment === undefined ? {} : { alignment }),
          children: [run(part.text, part.style)],
        }),
    ),
  });
}

function simple(text: string, style: RunStyle = {}, align?: 'left' | 'center' | 'right'): CellSpec {
  return { paragraphs: [{ text, style }], ...(align === undefined ? {} : { align }) };
}

/** A bordered table whose first row is a header repeated on each page. */
function dataTable(
  widths: readonly number[],
  header: readonly CellSpec[],
  rows: Iterable<CellSpec[]>,
  style: TableStyle,
): Table {
  const total = widths.reduce((sum, width) => sum + width, 0);
  const tableRows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: header.map((spec) =>
        cell({ ...spec, fill: FILL.header, align: 'center' }, style, true),
      ),
    }),
  ];
  for (const cells of rows) {
    tableRows.push(
      new TableRow({ cantSplit: true, children: cells.map((spec) => cell(spec, style)) }),
    );
  }
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    margins: { top: 30, bottom: 30, left: 100, right: 100 },
    rows: tableRows,
  });
}

/** Bars drawn in the chart at most (as in the PDF). */
export const DOCX_CHART_MAX_ROWS = 30;
const CHART_STEPS = 40;

/**
 * A horizontal bar chart as a borderless table (so it stays editable in Word): per row the label, a
 * shaded run of 0–40 grid columns proportional to the value, and the value. Values below 0 get no bar.
 */
function barChart(
  title: string,
  entries: readonly { label: string; value: number; display: string; fill: string }[],
  width: number,
  max: number,
): (Paragraph | Table)[] {
  if (entries.length === 0) return [];
  const labelWidth = Math.round(width * 0.34);
  const valueWidth = 1100;
  const step = Math.floor((width - labelWidth - valueWidth) / CHART_STEPS);
  const top = Math.max(max, ...entries.map((entry) => entry.value), Number.MIN_VALUE);
  const noBorders = TableBorders.NONE;
  const text = (value: string, align?: 'right') =>
    new Paragraph({
      style: TABLE_STYLE.chart,
      ...(align === undefined ? {} : { alignment: AlignmentType.RIGHT }),
      children: [run(value)],
    });
  // A thin empty row between bars, so that adjacent bars do not merge into one block.
  const spacer = () =>
    new TableRow({
      height: { value: 50, rule: HeightRule.EXACT },
      children: [
        new TableCell({
          borders: noBorders,
          columnSpan: CHART_STEPS + 2,
          children: [new Paragraph({ style: TABLE_STYLE.chart, children: [] })],
        }),
      ],
    });
  const rows = entries.flatMap((entry, index) => {
    const filled =
      entry.value <= 0 ? 0 : Math.max(1, Math.round((entry.value / top) * CHART_STEPS));
    const bar = new TableRow({
      cantSplit: true,
      children: [
        new TableCell({ borders: noBorders, children: [text(entry.label)] }),
        ...(filled > 0
          ? [
              new TableCell({
                borders: noBorders,
                columnSpan: filled,
                shading: { type: ShadingType.CLEAR, fill: entry.fill, color: 'auto' },
                children: [text('')],
              }),
            ]
          : []),
        ...(filled < CHART_STEPS
          ? [
              new TableCell({
                borders: noBorders,
                columnSpan: CHART_STEPS - filled,
                children: [text('')],
              }),
            ]
          : []),
        new TableCell({ borders: noBorders, children: [text(entry.display, 'right')] }),
      ],
    });
    return index === 0 ? [bar] : [spacer(), bar];
  });
  return [
    paragraph(title, { bold: true, align: 'center', before: 240, after: 120 }),
    new Table({
      width: { size: labelWidth + step * CHART_STEPS + valueWidth, type: WidthType.DXA },
      columnWidths: [labelWidth, ...Array.from({ length: CHART_STEPS }, () => step), valueWidth],
      layout: TableLayoutType.FIXED,
      borders: noBorders,
      margins: { top: 10, bottom: 10, left: 40, right: 40 },
      rows,
    }),
  ];
}

function methodBlock(heading: string, lines: readonly MethodLine[]): Paragraph[] {
  return [
    paragraph(heading, { bold: true, size: SIZE.body, before: 240, after: 120 }),
    ...lines.map(
      (line) =>
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: { before: 60, after: 0 },
          indent: { firstLine: Math.round(10 * MM) },
          children: [run(`${line.label}: `, { bold: true }), run(line.value)],
        }),
    ),
  ];
}

function signatureBlock(preparedBy: string, width: number): Table {
  const half = Math.round(width / 2);
  const noBorders = TableBorders.NONE;
  const side = (title: string, name: string) =>
    new TableCell({
      width: { size: half, type: WidthType.DXA },
      borders: noBorders,
      children: [
        paragraph(title, { bold: true, align: 'center' }),
        paragraph(SIGNATURE_HINT_VI, { italics: true, align: 'center' }),
        paragraph(''),
        paragraph(''),
        paragraph(''),
        paragraph(name, { bold: true, align: 'center' }),
      ],
    });
  return new Table({
    width: { size: half * 2, type: WidthType.DXA },
    columnWidths: [half, half],
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [side(SIGNATURE_LEFT_VI, preparedBy), side(SIGNATURE_RIGHT_VI, '')],
      }),
    ],
  });
}

function section(
  landscape: boolean,
  isDemo: boolean,
  children: ISectionOptions['children'],
): ISectionOptions {
  return {
    properties: {
      titlePage: true,
      page: {
        size: {
          width: DOCX_PAGE.width,
          height: DOCX_PAGE.height,
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { ...DOCX_PAGE.margin, header: Math.round(10 * MM), footer: Math.round(10 * MM) },
      },
    },
    headers: {
      // Nghị định 30: the page number, centred in the header, from the second page on.
      default: new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE.table })],
          }),
        ],
      }),
      first: new Header({ children: [new Paragraph({ children: [] })] }),
    },
    ...(isDemo
      ? {
          footers: {
            default: new Footer({
              children: [paragraph(DEMO_NOTICE_VI, { bold: true, color: 'C00000', size: 22 })],
            }),
            first: new Footer({
              children: [paragraph(DEMO_NOTICE_VI, { bold: true, color: 'C00000', size: 22 })],
            }),
          },
        }
      : {}),
    children,
  };
}

function documentOf(
  model: { title: string; subtitles: readonly string[]; context: { generatedBy: string } },
  sectionOptions: ISectionOptions,
): Document {
  return new Document({
    creator: model.context.generatedBy,
    title: model.title,
    description: model.subtitles.join('; '),
    styles: {
      default: {
        document: {
          run: { font: DOCX_FONT, size: SIZE.body },
          paragraph: { spacing: { line: 264 } },
        },
      },
      paragraphStyles: [
        [TABLE_STYLE.normal, 'Bảng số liệu', SIZE.table],
        [TABLE_STYLE.small, 'Bảng số liệu nhỏ', 24],
        [TABLE_STYLE.smaller, 'Bảng số liệu nhỏ hơn', 22],
        [TABLE_STYLE.chart, 'Biểu đồ', 18],
      ].map(([id, name, size]) => ({
        id: String(id),
        name: String(name),
        basedOn: 'Normal',
        quickFormat: true,
        run: { font: DOCX_FONT, size: Number(size) },
        paragraph: { spacing: { before: 0, after: 0, line: 240 } },
      })),
    },
    sections: [sectionOptions],
  });
}

/** docx builds the whole package in memory (its toStream only emits that buffer at once): write the buffer. */
async function write(document: Document, out: Writable): Promise<void> {
  const buffer = await Packer.toBuffer(document);
  await pipeline(Readable.from([buffer]), out);
}

export async function renderRankingDocx(model: RankingReportModel, out: Writable): Promise<void> {
  const width = textWidth(false);
  const fixed = [950, 1500, 1200, 1100, 1650];
  const unitWidth = width - fixed.reduce((sum, value) => sum + value, 0);
  const widths = [fixed[0] ?? 0, unitWidth, ...fixed.slice(1)];
  const header = [
    RANKING_COLUMN_HEADERS.rank,
    RANKING_COLUMN_HEADERS.unit,
    model.valueHeader,
    RANKING_COLUMN_HEADERS.previousRank,
    RANKING_COLUMN_HEADERS.change,
    RANKING_COLUMN_HEADERS.note,
  ].map((label) => simple(label, { bold: true }));
  const rows = function* rankingRows(): Generator<CellSpec[]> {
    for (const row of model.rows) {
      const highlight = rowHighlight(row, model.context);
      const fill = highlight === 'own' ? FILL.own : highlight === 'top' ? FILL.top : undefined;
      const bold = highlight === 'own';
      const changeColour =
        row.change !== null && row.change !== 0 && !row.isNew
          ? row.change > 0
            ? '00803C'
            : 'C00000'
          : undefined;
      const specs: CellSpec[] = [
        simple(String(row.rank), { bold }, 'center'),
        simple(row.unitName, { bold }),
        simple(row.displayValue, { bold }, 'right'),
        simple(row.previousRank === null ? '' : String(row.previousRank), { bold }, 'center'),
        simple(
          formatChangeMark(row),
          { bold, ...(changeColour === undefined ? {} : { color: changeColour }) },
          'center',
        ),
        simple(rowNote(row), { italics: true }),
      ];
      yield fill === undefined ? specs : specs.map((spec) => ({ ...spec, fill }));
    }
  };
  const excludedWidths = [900, width - 900 - 3000 - 1800, 3000, 1800];
  const children: ISectionOptions['children'] = [
    nationalHeader(model.header, width),
    ...titleBlock(model.title, model.subtitles),
    ...legendBlock(model.legend),
    model.rows.length === 0
      ? paragraph('Không có đơn vị nào được xếp hạng.')
      : dataTable(widths, header, rows(), TABLE_STYLE.normal),
    ...barChart(
      model.rows.length > DOCX_CHART_MAX_ROWS
        ? `Biểu đồ: ${DOCX_CHART_MAX_ROWS} đơn vị đứng đầu – ${model.indicator.nameVi}`
        : `Biểu đồ xếp hạng – ${model.indicator.nameVi}`,
      model.rows.slice(0, DOCX_CHART_MAX_ROWS).map((row) => {
        const highlight = rowHighlight(row, model.context);
        return {
          label: `${row.rank}. ${row.unitName}`,
          value: row.value,
          display: row.displayValue,
          fill:
            highlight === 'own'
              ? CHART_FILL.own
              : highlight === 'top'
                ? CHART_FILL.top
                : CHART_FILL.bar,
        };
      }),
      width,
      model.indicator.unit === 'percent' || model.indicator.isComposite ? 100 : 0,
    ),
    ...methodBlock('PHƯƠNG PHÁP XẾP HẠNG', model.method),
    paragraph(`ĐƠN VỊ KHÔNG ĐƯỢC XẾP HẠNG (${model.excluded.length})`, {
      bold: true,
      before: 240,
      after: 120,
    }),
    model.excluded.length === 0
      ? paragraph('Không có.')
      : dataTable(
          excludedWidths,
          ['STT', 'Đơn vị', 'Lý do', 'Mã đơn vị'].map((label) => simple(label, { bold: true })),
          model.excluded.map((row, index) => [
            simple(String(index + 1), {}, 'center'),
            simple(row.unitName),
            simple(row.reason),
            simple(row.unitId),
          ]),
          TABLE_STYLE.normal,
        ),
    paragraph('', { after: 240 }),
    signatureBlock(model.context.generatedBy, width),
  ];
  await write(documentOf(model, section(false, model.isDemo, children)), out);
}

export async function renderComparisonDocx(
  model: ComparisonReportModel,
  out: Writable,
): Promise<void> {
  const width = textWidth(model.landscape);
  const count = model.units.length;
  const style =
    count <= 3 ? TABLE_STYLE.normal : count <= 5 ? TABLE_STYLE.small : TABLE_STYLE.smaller;
  const indicatorWidth = Math.round(width * (count <= 3 ? 0.28 : 0.2));
  const unitWidth = count === 0 ? 0 : Math.floor((width - indicatorWidth) / count);
  const widths = [indicatorWidth, ...model.units.map(() => unitWidth)];
  const header: CellSpec[] = [
    simple(COMPARISON_INDICATOR_HEADER, { bold: true }),
    ...model.units.map((unit): CellSpec => ({
      paragraphs: [
        { text: unit.name, style: { bold: true } },
        ...(unit.province === null
          ? []
          : [{ text: `(${unit.province})`, style: { italics: true } }]),
      ],
    })),
  ];
  const rows = function* comparisonRows(): Generator<CellSpec[]> {
    for (const group of model.groups) {
      yield [
        {
          paragraphs: [{ text: group.heading, style: { bold: true } }],
          fill: FILL.area,
          span: 1 + count,
        },
      ];
      for (const indicatorRow of group.rows) {
        yield [
          simple(`${indicatorRow.indicatorName} (${indicatorRow.indicatorCode})`),
          ...indicatorRow.cells.map((cellText, index): CellSpec => {
            const own = model.units[index]?.isOwn === true;
            if (!cellText.hasTarget)
              return simple(cellText.target, { italics: true, color: '666666' });
            const fill =
              cellText.ambition === 'most'
                ? FILL.most
                : cellText.ambition === 'least'
                  ? FILL.least
                  : undefined;
            return {
              ...(fill === undefined ? {} : { fill }),
              paragraphs: [
                {
                  text: `${COMPARISON_CELL_HEADERS.target}: ${targetWithAmbition(cellText)}`,
                  style: { bold: own || cellText.ambition === 'most' },
                },
                {
                  text: `${COMPARISON_CELL_HEADERS.result}: ${cellText.result}`,
                  style: { bold: own },
                },
                {
                  text: cellText.status,
                  style: {
                    bold: true,
                    ...(cellText.statusCode === null
                      ? {}
                      : { color: STATUS_COLOURS[cellText.statusCode] ?? '000000' }),
                  },
                },
              ],
            };
          }),
        ];
      }
    }
  };
  const children: ISectionOptions['children'] = [
    nationalHeader(model.header, width),
    ...titleBlock(model.title, model.subtitles),
    ...legendBlock(model.legend),
    model.groups.length === 0
      ? paragraph('Không có chỉ tiêu nào gắn với chỉ số trong danh mục để so sánh.')
      : dataTable(widths, header, rows(), style),
    ...methodBlock('GHI CHÚ VÀ PHƯƠNG PHÁP SO SÁNH', model.method),
    paragraph('', { after: 240 }),
    signatureBlock(model.context.generatedBy, width),
  ];
  await write(documentOf(model, section(model.landscape, model.isDemo, children)), out);
}
