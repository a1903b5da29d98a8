import { describe, expect, it } from 'vitest';
import { findMetadata, unitMentions } from './metadata.js';
import { normalise } from './normalise.js';
import { areaOfHeading, findStructure, headingOf } from './structure.js';

function heading(text: string) {
  const paragraph = normalise(text).paragraphs[0];
  return paragraph === undefined ? null : headingOf(paragraph);
}

describe('headings', () => {
  it('reads any numbering and its level', () => {
    expect(heading('II. MỤC TIÊU')).toMatchObject({ level: 1, title: 'MỤC TIÊU' });
    expect(heading('1. Cải cách thể chế')).toMatchObject({ level: 2 });
    expect(heading('2.1 Mục tiêu')).toMatchObject({ level: 3 });
    expect(heading('2.1. Giai đoạn 2026-2027')).toMatchObject({ level: 3 });
    expect(heading('a) Chỉ tiêu:')).toMatchObject({ level: 5 });
    expect(heading('KẾ HOẠCH')).toMatchObject({ level: 0 });
    expect(
      heading('g) Có ít nhất 01 sáng kiến gửi về Phòng Kinh tế thị xã trước ngày 20/11 hàng năm.'),
    ).toBeNull();
    expect(heading('b) 100% văn bản được rà soát')).toBeNull();
  });

  it('names the reform area whatever the wording', () => {
    expect(areaOfHeading('Công tác chỉ đạo điều hành')).toBe('CDDH');
    expect(areaOfHeading('Tổ chức chỉ đạo, điều hành')).toBe('CDDH');
    expect(areaOfHeading('Cải cách thể chế')).toBe('THCH');
    expect(areaOfHeading('Cải cách thủ tục hành chính')).toBe('TTHC');
    expect(areaOfHeading('Cải cách tổ chức bộ máy các cơ quan hành chính nhà nước')).toBe('TCBM');
    expect(areaOfHeading('Cải cách chế độ công vụ')).toBe('CVU');
    expect(areaOfHeading('Cải cách tài chính công')).toBe('TCCO');
    expect(areaOfHeading('Xây dựng, phát triển Chính quyền điện tử, Chính quyền số')).toBe('CQS');
    expect(areaOfHeading('Xây dựng và phát triển chính quyền điện tử, chính quyền số')).toBe('CQS');
    expect(areaOfHeading('Chính quyền điện tử, chính quyền số')).toBe('CQS');
    expect(
      areaOfHeading('Tăng cường công tác chỉ đạo, điều hành việc triển khai thực hiện CCHC'),
    ).toBeNull();
    expect(areaOfHeading('Kinh phí thực hiện')).toBeNull();
  });
});

describe('structure', () => {
  const text = [
    'II. NỘI DUNG',
    '1. Cải cách thể chế',
    'a) Chỉ tiêu:',
    '- 100% văn bản được rà soát.',
    '2. Các chỉ tiêu chung',
    '2.1. Giai đoạn 2026-2027',
    '- 95% hồ sơ.',
    '2.2. Giai đoạn 2028-2030',
    '- 96% hồ sơ.',
    '3. Yêu cầu',
    '- 97% hồ sơ.',
    'III. TỔ CHỨC THỰC HIỆN',
  ].join('\n');
  const structure = findStructure(normalise(text));
  const contexts = structure.items.flatMap((item) =>
    item.kind === 'text' && item.heading === null
      ? [
          [
            item.paragraph.text,
            item.context.area,
            item.context.block,
            item.context.phase?.label ?? null,
          ],
        ]
      : [],
  );

  it('scopes bullets by area, block and phase until the next heading of their level', () => {
    expect(contexts).toEqual([
      ['100% văn bản được rà soát.', 'THCH', 'targets', null],
      ['95% hồ sơ.', null, 'targets', '2026-2027'],
      ['96% hồ sơ.', null, 'targets', '2028-2030'],
      ['97% hồ sơ.', null, 'requirements', null],
    ]);
    expect(structure.phases).toEqual([
      { label: '2026-2027', fromYear: 2026, toYear: 2027 },
      { label: '2028-2030', fromYear: 2028, toYear: 2030 },
    ]);
    expect(structure.areaHeadings).toBe(1);
  });
});

describe('metadata', () => {
  it('finds units with their type, upper-case headers included', () => {
    expect(unitMentions('của thị xã Hương Trà năm 2025')).toEqual([
      { type: 'thi_xa', typeWord: 'thị xã', name: 'Hương Trà' },
    ]);
    expect(unitMentions('ỦY BAN NHÂN DÂN XÃ Ô DIÊN')).toEqual([
      { type: 'xa', typeWord: 'xã', name: 'Ô Diên' },
    ]);
    expect(unitMentions('Kế hoạch của thành phố Hà Nội')).toEqual([
      { type: 'thanh_pho_tw', typeWord: 'thành phố', name: 'Hà Nội' },
    ]);
    expect(unitMentions('trên địa bàn xã năm 2024')).toEqual([
      { type: 'xa', typeWord: 'xã', name: null },
    ]);
  });

  it('reads title, kind, period, document number, date, issuer and province from a plan header', () => {
    const text = [
      'ỦY BAN NHÂN DÂN',
      'PHƯỜNG AN BÌNH',
      'Số: 15/KH-UBND',
      'An Bình, ngày 05 tháng 3 năm 2025',
      'KẾ HOẠCH',
      'Cải cách hành chính năm 2025 của phường An Bình',
      'Căn cứ Quyết định số 10/QĐ-UBND của UBND tỉnh Đồng Nai;',
      '1. Chỉ tiêu',
      '- 100% hồ sơ giải quyết đúng hạn.',
      'TM. ỦY BAN NHÂN DÂN',
    ].join('\n');
    const document = normalise(text);
    const { plan } = findMetadata(document, findStructure(document));
    expect(plan).toEqual({
      unitName: 'An Bình',
      unitType: 'phuong',
      provinceName: 'Đồng Nai',
      title: 'Kế hoạch cải cách hành chính năm 2025 của phường An Bình',
      kind: 'ke_hoach',
      fromYear: 2025,
      toYear: 2025,
      phases: [],
      documentNumber: '15/KH-UBND',
      issuedOn: '2025-03-05',
      issuer: 'UBND phường An Bình',
    });
  });

  it('leaves what is not stated null', () => {
    const document = normalise(
      'Số: /KH-UBND\nHoài Hảo, ngày tháng 12 năm 2023\n- 100% hồ sơ đúng hạn.',
    );
    const { plan } = findMetadata(document, findStructure(document));
    expect(plan).toMatchObject({
      documentNumber: null,
      issuedOn: null,
      title: null,
      provinceName: null,
      fromYear: null,
    });
  });
});
