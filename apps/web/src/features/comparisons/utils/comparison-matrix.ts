import {
  REFORM_AREAS,
  type TComparisonRow,
  type TComparisonView,
  type TReformArea,
} from '@commune-bench/domain';

export type MatrixItem =
  | { kind: 'area'; key: string; area: TReformArea; count: number }
  | { kind: 'indicator'; key: string; row: TComparisonRow };

/** The comparison's rows under their reform-area headings, in the order plans list areas. */
export function matrixItems(view: TComparisonView): MatrixItem[] {
  const items: MatrixItem[] = [];
  for (const area of REFORM_AREAS) {
    const rows = view.rows.filter((row) => row.area === area);
    if (rows.length === 0) continue;
    items.push({ kind: 'area', key: `area-${area}`, area, count: rows.length });
    for (const row of rows) items.push({ kind: 'indicator', key: row.indicatorCode, row });
  }
  return items;
}

/** Indicators worth charting: at least one unit has a numeric target or a result for it. */
export function chartableIndicators(view: TComparisonView): string[] {
  return view.rows
    .filter((row) =>
      row.cells.some(
        (cell) =>
          (cell.target !== null && cell.target.value !== null) ||
          (cell.attainment !== null && cell.attainment.actual !== null),
      ),
    )
    .map((row) => row.indicatorCode);
}
