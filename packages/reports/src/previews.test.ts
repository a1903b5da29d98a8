import { describe, expect, it } from 'vitest';
import { renderComparison, renderRanking } from './index.js';
import { comparisonView, largeRanking, reportContext, smallRanking } from './testing/fixtures.js';
import { collect, officeToPdf, pdfFirstPageToPng, savePreviewFile, SOFFICE } from './testing/io.js';

/**
 * First pages of every format as PNG under test-results/previews/ for a person to look at: PDF through
 * pdftoppm; DOCX, XLSX and CSV through LibreOffice headless when it is installed (skipped otherwise).
 */
describe('previews', () => {
  it('renders the first page of the PDF reports to PNG', async () => {
    const ranking = await collect((out) =>
      renderRanking(largeRanking(120), reportContext({ ownUnitId: 'u5' }), 'pdf', out),
    );
    savePreviewFile(ranking, 'ranking.pdf');
    expect(pdfFirstPageToPng(ranking, 'ranking-pdf-page1')).toMatch(/\.png$/);
    const small = await collect((out) =>
      renderRanking(smallRanking(), reportContext({ isDemo: true }), 'pdf', out),
    );
    savePreviewFile(small, 'ranking-small.pdf');
    pdfFirstPageToPng(small, 'ranking-small-pdf-page1');
    const comparison = await collect((out) =>
      renderComparison(comparisonView(), reportContext(), 'pdf', out),
    );
    savePreviewFile(comparison, 'comparison.pdf');
    pdfFirstPageToPng(comparison, 'comparison-pdf-page1');
  });

  it.skipIf(SOFFICE === undefined)(
    'renders the first page of DOCX, XLSX and CSV through LibreOffice',
    async () => {
      for (const format of ['docx', 'xlsx', 'csv'] as const) {
        const ranking = await collect((out) =>
          renderRanking(smallRanking(), reportContext(), format, out),
        );
        savePreviewFile(ranking, `ranking.${format}`);
        const pdf = officeToPdf(ranking, format);
        expect(pdf).not.toBeNull();
        if (pdf !== null) pdfFirstPageToPng(pdf, `ranking-${format}-page1`);
        const comparison = await collect((out) =>
          renderComparison(comparisonView(), reportContext(), format, out),
        );
        savePreviewFile(comparison, `comparison.${format}`);
        const comparisonPdf = officeToPdf(comparison, format);
        if (comparisonPdf !== null) pdfFirstPageToPng(comparisonPdf, `comparison-${format}-page1`);
      }
    },
    300_000,
  );
});
