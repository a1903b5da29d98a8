/** Reading XLSX files back in tests. */
import ExcelJS from 'exceljs';

export function cellText(cell: ExcelJS.Cell): string {
  const { value } = cell;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if (value instanceof Date) return value.toISOString();
    return JSON.stringify(value);
  }
  return String(value);
}

export async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** The number of the ranking table's header row (the row whose first cell is "Hạng"); 0 when none. */
export function headerRowNumber(sheet: ExcelJS.Worksheet): number {
  let found = 0;
  sheet.eachRow((row, number) => {
    if (found === 0 && cellText(row.getCell(1)) === 'Hạng') found = number;
  });
  return found;
}
