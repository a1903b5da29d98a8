export { renderRanking, renderComparison } from './render.js';
export {
  REPORT_CONTENT_TYPES,
  REPORT_FORMATS,
  REPORT_KINDS,
  ZComparisonReportContext,
  ZReportContext,
  ZReportFormat,
  ZReportIndicator,
  ZReportKind,
  type ComparisonReportContext,
  type ReportContext,
  type ReportFormat,
  type ReportIndicator,
  type ReportKind,
} from './report-context.schema.js';
export { contentDisposition, reportFileName, type ReportFileName } from './file-name.js';
export { neutraliseFormula } from './cell-text.js';
export {
  ATTAINMENT_STATUS_VI,
  EXCLUDED_REASON_VI,
  formatChangeMark,
  TIE_RULE_VI,
} from './labels.js';
