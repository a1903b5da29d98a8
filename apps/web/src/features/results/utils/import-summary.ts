import type { TResultImportReport } from '@commune-bench/domain';

/** `Đã nhập 12 dòng: 10 kết quả mới, 2 kết quả cập nhật (đều ở trạng thái đang soạn).` */
export function importSummary(report: TResultImportReport): string {
  return `Đã nhập ${report.imported} dòng: ${report.created} kết quả mới, ${report.updated} kết quả cập nhật (đều ở trạng thái đang soạn).`;
}
