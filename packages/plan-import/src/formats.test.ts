import type { TPlanProposal } from '@commune-bench/domain';
import { describe, expect, it } from 'vitest';
import { extractPlan } from './extract-plan.js';
import { docxFromText, pdfFromText } from './test-support/documents.js';
import { RUN_SEED_TESTS, SEED_FILES, SEED_IDS, seedText } from './test-support/seeds.js';

/** What a target says, wherever it was read from (lines and quotes differ between formats). */
function meanings(proposal: TPlanProposal): string[] {
  return proposal.targets
    .map((target) =>
      JSON.stringify([
        target.indicatorCode,
        target.comparator,
        target.value,
        target.dueYear,
        target.phase,
        target.baselineYear,
        target.cohort,
        target.aspirational,
        target.areaInPlan,
        target.conflict !== null,
      ]),
    )
    .sort();
}

describe.skipIf(!RUN_SEED_TESTS)('the same plan as .txt, .docx and .pdf', () => {
  describe.each(SEED_IDS)('seed %s', (id) => {
    it('gives the same targets from a .docx made from its text', async () => {
      const text = seedText(id);
      const fromText = await extractPlan({ text, filename: SEED_FILES[id] });
      const docx = await docxFromText(text);
      const fromDocx = await extractPlan({ buffer: docx, filename: `${id}.docx` });
      expect(meanings(fromDocx)).toEqual(meanings(fromText));
      expect(fromDocx.plan).toEqual(fromText.plan);
    });

    it('gives the same targets from a .pdf made from its text', async () => {
      const text = seedText(id);
      const fromText = await extractPlan({ text, filename: SEED_FILES[id] });
      const pdf = await pdfFromText(text);
      const fromPdf = await extractPlan({ buffer: pdf, filename: `${id}.pdf` });
      expect(meanings(fromPdf)).toEqual(meanings(fromText));
      expect(fromPdf.plan).toEqual(fromText.plan);
    });
  });
});
