import { describe, expect, it } from 'vitest';
import { matchIndicator } from './indicator-matcher.js';

const code = (text: string, countedNoun?: string): string | null =>
  matchIndicator(text, countedNoun === undefined ? {} : { countedNoun })?.code ?? null;

describe('matchIndicator', () => {
  it('matches aliases without tones, case or punctuation, abbreviations spelled out', () => {
    expect(code('Tỷ lệ giải quyết hồ sơ đúng hạn')).toBe('TTHC.ONTIME');
    expect(code('ty le giai quyet ho so dung han')).toBe('TTHC.ONTIME');
    expect(code('TTHC có yêu cầu nghĩa vụ tài chính')).toBe('TTHC.PAY_ENABLED');
    expect(code('thủ tục hành chính có yêu cầu nghĩa vụ tài chính')).toBe('TTHC.PAY_ENABLED');
    expect(code('Chỉ số chuyển đổi số (DTI)')).toBe('CQS.DTI');
  });

  it('lets the object of "hài lòng" decide which satisfaction indicator', () => {
    expect(
      code('Mức độ hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính'),
    ).toBe('TTHC.SAT');
    expect(code('Mức độ hài lòng của người dân về cung cấp dịch vụ công trực tuyến')).toBe(
      'CQS.ONLINE_SAT',
    );
    expect(
      code(
        'Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước',
      ),
    ).toBe('CDDH.SIPAS');
    expect(code('mức độ hài lòng về giải quyết các TTHC lĩnh vực đất đai, xây dựng, đầu tư')).toBe(
      'TTHC.SAT_LAND',
    );
    expect(code('Mức độ hài lòng của người dân về cung cấp dịch vụ y tế, giáo dục công lập')).toBe(
      'CDDH.SIPAS_PUBSVC',
    );
    expect(code('Nâng cao sự hài lòng của người dân')).toBeNull();
  });

  it('reads "mức độ 4" as fully online services, "mức độ 3, 4" not', () => {
    expect(code('TTHC đủ điều kiện được cung cấp trực tuyến mức độ 4')).toBe(
      'TTHC.FULL_ONLINE_SVC',
    );
    expect(
      code(
        'dịch vụ công trực tuyến mức độ 3, 4 được tích hợp công khai trên Cổng Dịch vụ công quốc gia',
      ),
    ).toBeNull();
  });

  it('never forces a code: moving units between self-financing bands, unknown wording', () => {
    expect(
      code(
        'chuyển ít nhất 30% số lượng đơn vị sự nghiệp công tự bảo đảm dưới 100% chi thường xuyên sang đơn vị sự nghiệp công tự bảo đảm chi thường xuyên',
      ),
    ).toBeNull();
    expect(code('đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên')).toBe(
      'TCCO.SELF_FUNDED_UNITS',
    );
    expect(code('trồng cây xanh trên địa bàn')).toBeNull();
  });

  it('checks what a dossier rate counts', () => {
    expect(
      code(
        'Trung tâm Phục vụ hành chính công triển khai quy trình số hóa hồ sơ',
        'Trung tâm Phục vụ hành chính công',
      ),
    ).toBeNull();
    expect(code('hồ sơ được số hóa hồ sơ, kết quả giải quyết', 'hồ sơ')).toBe('TTHC.DIGITIZE');
  });

  it('gives a lower confidence when two indicators are nearly as likely', () => {
    const clear = matchIndicator('Tỷ lệ giao dịch thanh toán trực tuyến');
    const close = matchIndicator(
      '100% vấn đề phát hiện qua kiểm tra cải cách hành chính phải được xử lý, khắc phục',
    );
    expect(clear?.confidence).toBeGreaterThan(close?.confidence ?? 1);
  });
});
