import type { TPlanCreate } from '@commune-bench/domain';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { startSession } from '../../../lib/auth-store';
import { buildLoginResponse, buildMe, buildUnitListItem } from '../../../test/builders';
import { json, mockApi } from '../../../test/mock-api';
import { buildProposal, buildProposedTarget } from '../../../test/proposals';
import { openUrl, renderWithProviders } from '../../../test/render-app';
import { PlanImportPage } from './plan-import-page';

const HUNG_THINH = buildUnitListItem({
  id: 'hung-thinh',
  name: 'Hưng Thịnh',
  type: 'xa',
  provinceCode: null,
});

const DOCUMENT = [
  'KẾ HOẠCH cải cách hành chính năm 2025 của xã Hưng Thịnh',
  '1. Mục tiêu',
  'Tối thiểu 95% hồ sơ giải quyết đúng hạn.',
  'Số hóa trên 90% hồ sơ.',
  'Số hóa 90% hồ sơ (Phụ lục).',
  'Tỷ lệ … đạt',
].join('\n');

const PROPOSAL = buildProposal([
  buildProposedTarget({
    label: 'Hồ sơ giải quyết đúng hạn',
    source: { quote: 'Tối thiểu 95% hồ sơ giải quyết đúng hạn', line: 3 },
  }),
  buildProposedTarget({
    indicatorCode: 'TTHC.DIGITIZE',
    label: 'Số hóa hồ sơ (thân bài)',
    comparator: 'gt',
    value: 90,
    conflict: 'TTHC.DIGITIZE@2025',
    confidence: 0.85,
    source: { quote: 'Số hóa trên 90% hồ sơ', line: 4 },
  }),
  buildProposedTarget({
    indicatorCode: 'TTHC.DIGITIZE',
    label: 'Số hóa hồ sơ (phụ lục)',
    comparator: 'eq',
    value: 90,
    conflict: 'TTHC.DIGITIZE@2025',
    confidence: 0.8,
    source: { quote: 'Số hóa 90% hồ sơ', line: 5 },
  }),
  buildProposedTarget({
    indicatorCode: null,
    label: 'Tỷ lệ chưa rõ',
    comparator: null,
    value: null,
    confidence: 0.3,
    source: { quote: 'Tỷ lệ … đạt', line: 6 },
  }),
]);

function rowOf(label: string): HTMLElement {
  const row = screen.getByText(label).closest('tr');
  if (!row) throw new Error(`no row for ${label}`);
  return row;
}

describe('PlanImportPage', () => {
  it('reads pasted text, flags confidence and conflicts, and saves the reviewed targets as a plan', async () => {
    startSession(
      buildLoginResponse({
        user: buildMe({ role: 'reviewer', scope: { provinces: 'all', unitId: null } }),
      }),
    );
    const api = mockApi({
      'POST /api/plans/extract': () => json(PROPOSAL),
      'GET /api/units': () => json([HUNG_THINH]),
      'GET /api/plans': () => json([]),
      'GET /api/provinces': () => json([]),
      'GET /api/indicators': () => json([]),
      'POST /api/plans': ({ body }) => {
        const input = body as TPlanCreate;
        return json({
          ...input,
          id: 'plan-new',
          status: 'draft',
          isDemo: false,
          version: 1,
          targets: input.targets,
          groups: [],
        });
      },
    });
    const user = userEvent.setup();
    openUrl('/plans/import');
    renderWithProviders(<PlanImportPage />);
    await waitFor(() => expect(api.requestsTo('GET /api/units').length).toBeGreaterThan(0));

    await user.click(screen.getByRole('tab', { name: 'Dán văn bản' }));
    await user.click(screen.getByLabelText('Nội dung văn bản'));
    await user.paste(DOCUMENT);
    await user.click(screen.getByRole('button', { name: 'Đọc văn bản' }));

    await screen.findByText('Hồ sơ giải quyết đúng hạn');
    expect(api.requestsTo('POST /api/plans/extract')[0]?.body).toEqual({
      text: DOCUMENT,
      filename: 'van-ban-dan.txt',
    });
    // Unit matched from the document's name; the importer's warning shown with its line.
    expect(await screen.findByText('xã Hưng Thịnh')).toBeTruthy();
    expect(screen.getByText('Dòng 5:')).toBeTruthy();

    // Confidence and conflicts flagged; the unreadable one cannot be accepted as it is.
    expect(within(rowOf('Tỷ lệ chưa rõ')).getByText(/Tin cậy thấp/)).toBeTruthy();
    expect(within(rowOf('Tỷ lệ chưa rõ')).getByText('Thiếu: cách so sánh')).toBeTruthy();
    expect(
      within(rowOf('Tỷ lệ chưa rõ')).getByRole('button', { name: 'Nhận' }).hasAttribute('disabled'),
    ).toBe(true);
    expect(
      within(rowOf('Số hóa hồ sơ (phụ lục)')).getByText('Xung đột: TTHC.DIGITIZE@2025'),
    ).toBeTruthy();
    expect(screen.getByText(/1 nhóm chỉ tiêu xung đột chưa giải quyết/)).toBeTruthy();

    // The source line in context, the quote highlighted.
    await user.click(
      within(rowOf('Số hóa hồ sơ (thân bài)')).getByRole('button', { name: 'Dòng 4' }),
    );
    const source = within(screen.getByRole('region', { name: 'Đoạn văn bản nguồn' }));
    expect(source.getByText('Nguồn: dòng 4')).toBeTruthy();
    expect(source.getByText('Số hóa trên 90% hồ sơ').tagName).toBe('MARK');

    // Saving before every target is decided says what is left.
    await user.click(screen.getByRole('button', { name: /Lưu thành kế hoạch/ }));
    expect(await screen.findByText('Còn 4 chỉ tiêu chưa được nhận hoặc bỏ.')).toBeTruthy();
    expect(api.requestsTo('POST /api/plans')).toHaveLength(0);

    await user.click(
      within(rowOf('Hồ sơ giải quyết đúng hạn')).getByRole('button', { name: 'Nhận' }),
    );
    await user.click(
      within(rowOf('Số hóa hồ sơ (thân bài)')).getByRole('button', { name: 'Nhận' }),
    );
    await user.click(within(rowOf('Số hóa hồ sơ (phụ lục)')).getByRole('button', { name: 'Bỏ' }));
    expect(screen.queryByText(/nhóm chỉ tiêu xung đột chưa giải quyết/)).toBeNull();
    // Edit the unreadable one: give it a comparator and value; saving the edit accepts it.
    await user.click(within(rowOf('Tỷ lệ chưa rõ')).getByRole('button', { name: 'Sửa' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.clear(dialog.getByLabelText('Tên chỉ tiêu'));
    await user.type(dialog.getByLabelText('Tên chỉ tiêu'), 'Tỷ lệ đã rà soát');
    await user.click(dialog.getByLabelText('Cách so sánh'));
    await user.click(await screen.findByTitle('Tối thiểu (≥)'));
    await user.type(dialog.getByLabelText('Giá trị'), '80');
    await user.click(dialog.getByRole('button', { name: 'Lưu và nhận chỉ tiêu' }));
    await waitFor(() => expect(screen.getByText('Tỷ lệ đã rà soát')).toBeTruthy());
    expect(within(rowOf('Tỷ lệ đã rà soát')).getByText('Đã sửa')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /Lưu thành kế hoạch \(3 chỉ tiêu\)/ }));
    await waitFor(() => expect(api.requestsTo('POST /api/plans')).toHaveLength(1));
    const saved = api.requestsTo('POST /api/plans')[0]?.body as TPlanCreate;
    expect(saved.unitId).toBe('hung-thinh');
    expect(saved.sourceFile?.name).toBe('van-ban-dan.txt');
    expect(saved.sourceFile?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(saved.targets.map((target) => target.label)).toEqual([
      'Hồ sơ giải quyết đúng hạn',
      'Số hóa hồ sơ (thân bài)',
      'Tỷ lệ đã rà soát',
    ]);
    expect(saved.targets[2]).toMatchObject({
      comparator: 'gte',
      value: 80,
      reviewed: true,
      source: { line: 6 },
    });
    expect(saved.targets[1]).toMatchObject({ conflictGroup: 'TTHC.DIGITIZE@2025' });
    await waitFor(() =>
      expect(`${window.location.pathname}${window.location.search}`).toBe(
        '/plans?unit=hung-thinh&plan=plan-new',
      ),
    );
  });

  it("shows the importer's Vietnamese refusal of a file", async () => {
    startSession(
      buildLoginResponse({
        user: buildMe({ role: 'reviewer', scope: { provinces: 'all', unitId: null } }),
      }),
    );
    mockApi({
      'POST /api/plans/extract': () =>
        json(
          { code: 'unsupported_type', message: 'Chỉ nhận tệp .txt, .md, .docx hoặc .pdf.' },
          415,
        ),
      'GET /api/units': () => json([]),
      'GET /api/plans': () => json([]),
      'GET /api/provinces': () => json([]),
      'GET /api/indicators': () => json([]),
    });
    const user = userEvent.setup({ applyAccept: false });
    renderWithProviders(<PlanImportPage />);
    const input = document.querySelector('input[type="file"]');
    if (!(input instanceof HTMLInputElement)) throw new Error('no file input');
    await user.upload(input, new File(['x'], 'ke-hoach.xls', { type: 'application/vnd.ms-excel' }));
    expect(await screen.findByText('Chỉ nhận tệp .txt, .md, .docx hoặc .pdf.')).toBeTruthy();
    expect(screen.getByText('Không đọc được văn bản.')).toBeTruthy();
  });
});
