/**
 * The entry points: render a ranking or a comparison view, exactly as given, into `out` in one of four
 * formats. The promise settles when `out` has received (and finished) the whole file, or fails with
 * the first error (an invalid context is `DomainError('invalid_argument')`); `out` is ended either way.
 */
import type { Writable } from 'node:stream';
import { DomainError, type TComparisonView, type TRankingView } from '@commune-bench/domain';
import { buildComparisonModel } from './comparison-model.js';
import { renderComparisonCsv, renderRankingCsv } from './csv.renderer.js';
import { renderComparisonDocx, renderRankingDocx } from './docx.renderer.js';
import { renderComparisonPdf, renderRankingPdf } from './pdf.renderer.js';
import { buildRankingModel } from './ranking-model.js';
import {
  REPORT_FORMATS,
  type ComparisonReportContext,
  type ReportContext,
  type ReportFormat,
} from './report-context.schema.js';
import { renderComparisonXlsx, renderRankingXlsx } from './xlsx.renderer.js';

function assertFormat(format: string): asserts format is ReportFormat {
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new DomainError(
      'invalid_argument',
      `Định dạng báo cáo không hợp lệ: "${format}" (cho phép: ${REPORT_FORMATS.join(', ')}).`,
      { format },
    );
  }
}

async function guarded(out: Writable, render: () => Promise<void>): Promise<void> {
  try {
    await render();
  } catch (error) {
    if (!out.destroyed) out.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}

export async function renderRanking(
  view: TRankingView,
  context: ReportContext,
  format: ReportFormat,
  out: Writable,
): Promise<void> {
  await guarded(out, async () => {
    assertFormat(format);
    const model = buildRankingModel(view, context);
    switch (format) {
      case 'xlsx':
        return renderRankingXlsx(model, out);
      case 'pdf':
        return renderRankingPdf(model, out);
      case 'docx':
        return renderRankingDocx(model, out);
      case 'csv':
        return renderRankingCsv(model, out);
    }
  });
}

export async function renderComparison(
  view: TComparisonView,
  context: ComparisonReportContext,
  format: ReportFormat,
  out: Writable,
): Promise<void> {
  await guarded(out, async () => {
    assertFormat(format);
    const model = buildComparisonModel(view, context);
    switch (format) {
      case 'xlsx':
        return renderComparisonXlsx(model, view, out);
      case 'pdf':
        return renderComparisonPdf(model, out);
      case 'docx':
        return renderComparisonDocx(model, out);
      case 'csv':
        return renderComparisonCsv(model, view, out);
    }
  });
}
