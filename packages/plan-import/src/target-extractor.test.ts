import type { TProposedTarget } from '@commune-bench/domain';
import { describe, expect, it } from 'vitest';
import { Deadline } from './deadline.js';
import { PlanImportError } from './errors.js';
import { extractFromText } from './extract-plan.js';

const HEADER =
  'KẾ HOẠCH\nCải cách hành chính năm 2025 của xã Thử Nghiệm\n1. Cải cách thủ tục hành chính\na) Chỉ tiêu:\n';

function targets(body: string): TProposedTarget[] {
  return extractFromText(HEADER + body, Deadline.none()).targets;
}

function brief(target: TProposedTarget) {
  return [target.indicatorCode, target.comparator, target.value, target.dueYear];
}

describe('comparators (plan-parsing.md)', () => {
  it.each([
    [
      '- Tối thiểu 80% hồ sơ giải quyết TTHC được luân chuyển trong nội bộ bằng phương thức điện tử.',
      'gte',
      80,
    ],
    ['- Kiểm tra ít nhất 30% các cơ quan, đơn vị được kiểm tra cải cách hành chính.', 'gte', 30],
    [
      '- Tiếp tục duy trì, tối thiểu có 20% TTHC được giải quyết theo phương châm “4 tại chỗ”.',
      'gte',
      20,
    ],
    ['- Tỷ lệ giao dịch thanh toán trực tuyến đạt từ 60% trở lên.', 'gte', 60],
    ['- Tỷ lệ giải quyết hồ sơ đúng hạn không thấp hơn 95%.', 'gte', 95],
    ['- Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt trên 90%.', 'gt', 90],
    ['- Trên 70% hồ sơ công việc được tạo lập dưới dạng điện tử.', 'gt', 70],
    ['- Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 80%.', 'eq', 80],
    ['- Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết là 60%.', 'eq', 60],
    ['- 90% hồ sơ công việc được xử lý trên môi trường mạng.', 'eq', 90],
    ['- Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tối đa 40%.', 'lte', 40],
    ['- Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ không quá 40%.', 'lte', 40],
  ])('%s', (body, comparator, value) => {
    const [target] = targets(body);
    expect([target?.comparator, target?.value]).toEqual([comparator, value]);
  });

  it('"giảm N% … so với năm Y" is a signed change with its baseline', () => {
    const [target] = targets(
      '- Phấn đấu đến năm 2025 giảm 10% biên chế sự nghiệp so với năm 2021.',
    );
    expect(target).toMatchObject({
      indicatorCode: 'TCBM.STAFF_CUT',
      comparator: 'change_by',
      value: -10,
      baselineYear: 2021,
      aspirational: true,
      dueYear: 2025,
    });
  });

  it('"giảm tối thiểu N%" of a reduction indicator is the reduction itself', () => {
    const [target] = targets(
      '- Giảm tối thiểu 20% thông tin phải khai báo trên cơ sở tái sử dụng dữ liệu.',
    );
    expect(brief(target as TProposedTarget)).toEqual(['TTHC.DECLARE_CUT', 'gte', 20, 2025]);
  });

  it('a yearly increase with a cap is one change target, flagged; the cap is no target', () => {
    const proposal = extractFromText(
      `${HEADER}- Tỷ lệ số hóa kết quả giải quyết TTHC mỗi năm tăng tối thiểu 20% cho đến khi đạt tỷ lệ 100%.`,
      Deadline.none(),
    );
    expect(proposal.targets.map(brief)).toEqual([['TTHC.DIGITIZE', 'change_by', 20, 2025]]);
    expect(proposal.warnings.map((warning) => warning.code)).toContain('yearly_change');
  });

  it('ranks, trends, levels, counts and milestones', () => {
    const found = targets(
      [
        '- Chỉ số chuyển đổi số (DTI) nằm trong top 10 xã đứng đầu nhóm xã loại I.',
        '- Chỉ số PCI trong nhóm 3 địa phương dẫn đầu cả tỉnh.',
        '- Chỉ số cải cách hành chính xếp hạng cao hơn năm 2023.',
        '- Chỉ số SIPAS tiếp tục cải thiện hơn so với kết quả năm 2023.',
        '- Đạt cấp độ 3 mức độ trưởng thành về quản trị dữ liệu.',
        '- Có ít nhất 01 sáng kiến cải cách hành chính.',
        '- Hoàn thành việc sắp xếp tổ chức bộ máy các cơ quan chuyên môn.',
      ].join('\n'),
    );
    expect(
      found.map((target) => [
        target.indicatorCode,
        target.comparator,
        target.value,
        target.cohort,
        target.baselineYear,
      ]),
    ).toEqual([
      ['CQS.DTI', 'top_n', 10, { unitTypes: ['xa'], classes: ['I'] }, null],
      ['CDDH.PCI', 'top_n', 3, {}, null],
      ['CDDH.PAR_INDEX', 'better_rank', null, null, 2023],
      ['CDDH.SIPAS', 'improve', null, null, 2023],
      ['CQS.DATA_MATURITY', 'level_gte', 3, null, null],
      ['CDDH.INITIATIVE_COUNT', 'count_gte', 1, null, null],
      ['TCBM.REORG', 'milestone', null, null, null],
    ]);
  });

  it('"Phấn đấu" marks the target aspirational without changing the comparator', () => {
    const [target] = targets('- Phấn đấu tỷ lệ giải quyết hồ sơ đúng hạn đạt tối thiểu 98%.');
    expect(target).toMatchObject({ comparator: 'gte', value: 98, aspirational: true });
  });
});

describe('traps (plan-parsing.md)', () => {
  it('1. "trong số đó" opens a second target', () => {
    expect(
      targets(
        '- Tối thiểu 80% TTHC có yêu cầu nghĩa vụ tài chính được triển khai thanh toán trực tuyến, trong số đó, tỷ lệ giao dịch thanh toán trực tuyến đạt từ 60% trở lên.',
      ).map(brief),
    ).toEqual([
      ['TTHC.PAY_ENABLED', 'gte', 80, 2025],
      ['TTHC.PAY_TXN', 'gte', 60, 2025],
    ]);
  });

  it('2. one value for several subjects', () => {
    const found = targets(
      '- Mức độ hài lòng của người dân về cung cấp dịch vụ công trực tuyến, về giải quyết thủ tục hành chính, về sự phục vụ của cơ quan hành chính nhà nước đạt tối thiểu 95%.',
    );
    expect(found.map(brief)).toEqual([
      ['CQS.ONLINE_SAT', 'gte', 95, 2025],
      ['TTHC.SAT', 'gte', 95, 2025],
      ['CDDH.SIPAS', 'gte', 95, 2025],
    ]);
  });

  it('3. "tương ứng là" pairs the lists in order', () => {
    const found = targets(
      '- Số hóa kết quả giải quyết TTHC của cấp huyện, cấp xã đạt tỷ lệ tối thiểu tương ứng là 20%, 15%.',
    );
    expect(
      found.map((target) => [
        target.value,
        target.label.endsWith('(cấp huyện)') || target.label.endsWith('(cấp xã)'),
      ]),
    ).toEqual([
      [20, true],
      [15, true],
    ]);
    expect(found[0]?.conflict).toBeNull();
  });

  it('4. two due years in one sentence', () => {
    expect(
      targets(
        '- Mức độ hài lòng của người dân về giải quyết TTHC đạt tối thiểu 90% vào năm 2025 và 95% vào năm 2030.',
      ).map(brief),
    ).toEqual([
      ['TTHC.SAT', 'gte', 90, 2025],
      ['TTHC.SAT', 'gte', 95, 2030],
    ]);
  });

  it('5. category percentages, achieved results and legal references are no targets', () => {
    const found = targets(
      [
        '- Chuyển ít nhất 30% số đơn vị sự nghiệp công tự bảo đảm từ 70% đến dưới 100% chi thường xuyên sang tự bảo đảm chi thường xuyên.',
        '- Năm 2023, tỷ lệ hồ sơ trực tuyến đã đạt 45%.',
        '- Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ.',
      ].join('\n'),
    );
    expect(found.map((target) => [target.indicatorCode, target.comparator, target.value])).toEqual([
      [null, 'gte', 30],
    ]);
  });

  it('6. the same indicator twice with different values is a conflict', () => {
    const found = targets(
      '- Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt trên 90%.\n- Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 90%.\n- Tỷ lệ giải quyết hồ sơ đúng hạn đạt 95%.\n- Tỷ lệ giải quyết hồ sơ đúng hạn tối thiểu 95%.',
    );
    expect(found.map((target) => target.conflict)).toEqual([
      'TTHC.DIGITIZE@2025',
      'TTHC.DIGITIZE@2025',
      null,
      null,
    ]);
  });

  it('7. legacy "mức độ 4" is flagged', () => {
    const proposal = extractFromText(
      `${HEADER}- 100% TTHC đủ điều kiện được cung cấp trực tuyến mức độ 4.`,
      Deadline.none(),
    );
    expect(proposal.targets.map(brief)).toEqual([['TTHC.FULL_ONLINE_SVC', 'eq', 100, 2025]]);
    expect(proposal.warnings.map((warning) => warning.code)).toContain('legacy_wording');
  });

  it('8. and 9. exclusions and scope words stay in the label', () => {
    const [target] = targets(
      '- 100% hồ sơ công việc của cấp xã được xử lý trên môi trường mạng (trừ hồ sơ mật).',
    );
    expect(target?.label).toBe(
      'Hồ sơ công việc của cấp xã được xử lý trên môi trường mạng (trừ hồ sơ mật)',
    );
  });

  it('10. "nâng cao hơn nữa" is no trend target', () => {
    expect(() => targets('- Nâng cao hơn nữa chất lượng, hiệu quả cải cách hành chính.')).toThrow(
      PlanImportError,
    );
  });

  it('keeps an unmatched subject as label with no code', () => {
    const [target] = targets('- 100% thôn, tổ dân phố có tổ công nghệ số cộng đồng.');
    expect(target).toMatchObject({
      indicatorCode: null,
      label: 'Thôn, tổ dân phố có tổ công nghệ số cộng đồng',
      value: 100,
    });
  });
});

describe('more wordings', () => {
  it('"dưới N%" ending the clause is a target; bounding a category it is not', () => {
    expect(
      targets('- Tỷ lệ hồ sơ giải quyết trễ hạn dưới 2%.').map((target) => [
        target.comparator,
        target.value,
      ]),
    ).toEqual([['lt', 2]]);
  });

  it('"Đến hết năm YYYY," and "Năm YYYY:" set the due year', () => {
    expect(
      targets(
        '- Đến hết năm 2026, 100% hồ sơ công việc được xử lý trên môi trường mạng.\n- Năm 2027: 95% hồ sơ công việc được xử lý trên môi trường mạng.',
      ).map((target) => target.dueYear),
    ).toEqual([2026, 2027]);
  });

  it('an index score in points', () => {
    expect(targets('- Chỉ số PAR INDEX đạt từ 85 điểm trở lên.').map(brief)).toEqual([
      ['CDDH.PAR_INDEX', 'gte', 85, 2025],
    ]);
  });
});

describe('due years and phases', () => {
  it('takes "Đến năm YYYY" for the rest of its bullet, a phase heading, else the plan last year', () => {
    const text = [
      'KẾ HOẠCH',
      'Cải cách hành chính giai đoạn 2026-2030 của xã Thử Nghiệm',
      '2. Các chỉ tiêu',
      '2.1. Giai đoạn 2026-2027',
      '- Chỉ số SIPAS đạt tối thiểu 89%.',
      '2.2. Giai đoạn 2028-2030',
      '- Đến năm 2029, xây dựng đội ngũ. 90% cán bộ, công chức được bố trí theo vị trí việc làm.',
      '3. Nhiệm vụ',
      '- 100% hồ sơ công việc được xử lý trên môi trường mạng.',
    ].join('\n');
    const proposal = extractFromText(text, Deadline.none());
    expect(
      proposal.targets.map((target) => [target.indicatorCode, target.dueYear, target.phase]),
    ).toEqual([
      ['CDDH.SIPAS', 2027, '2026-2027'],
      ['CVU.VTVL', 2029, '2028-2030'],
      ['CQS.E_WORKFILE', 2030, null],
    ]);
  });
});

describe('tables (Phụ lục)', () => {
  it('reads the target column, skips group and repeated header rows, proposes blank cells with value null', () => {
    const text = [
      'KẾ HOẠCH Cải cách hành chính phường Thử Nghiệm năm 2024',
      'PHỤ LỤC 1',
      'STT\tChỉ tiêu\tChỉ tiêu phấn đấu năm 2024\tĐơn vị thực hiện',
      '1\tKết quả các chỉ số\t\t',
      '1.1\tChỉ số hài lòng về sự phục vụ của cơ quan hành chính nhà nước (SIPAS)\t\tVăn phòng',
      '1.2\tChỉ số cải cách hành chính (Par Index)\tXếp hạng cao hơn năm 2023\tVăn phòng',
      '3\tCải cách thủ tục hành chính\t\t',
      'STT\tChỉ tiêu\tChỉ tiêu phấn đấu năm 2024\tĐơn vị thực hiện',
      '3.1\tThực hiện số hóa hồ sơ, kết quả giải quyết TTHC\tTrên 90%\tVăn phòng',
      'PHỤ LỤC 2',
      'TT\tNhiệm vụ\tHoạt động/sản phẩm\tThời gian',
      '1\tĐạt 100% kế hoạch kiểm tra\tBáo cáo\tCả năm',
    ].join('\n');
    const proposal = extractFromText(text, Deadline.none());
    expect(
      proposal.targets.map((target) => [
        target.source.line,
        target.indicatorCode,
        target.comparator,
        target.value,
        target.areaInPlan,
        target.aspirational,
      ]),
    ).toEqual([
      [5, 'CDDH.SIPAS', null, null, null, true],
      [6, 'CDDH.PAR_INDEX', 'better_rank', null, null, true],
      [9, 'TTHC.DIGITIZE', 'gt', 90, 'TTHC', true],
    ]);
    expect(
      proposal.warnings
        .filter((warning) => warning.code === 'blank_value')
        .map((warning) => warning.line),
    ).toEqual([5]);
  });
});
