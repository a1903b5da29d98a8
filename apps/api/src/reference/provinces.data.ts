/**
 * Province-level units: the 34 in force since 1/7/2025 (Nghị quyết 202/2025/QH15: 28 tỉnh, 6 thành
 * phố trực thuộc trung ương) and the former provinces that the seed plans name, kept for history
 * with the province they became part of.
 */
import type { TProvince } from '@commune-bench/domain';

const REFORM_DATE = '2025-07-01';
const current = (code: string, name: string, kind: 'tinh' | 'thanh_pho' = 'tinh'): TProvince => ({
  code,
  name,
  kind,
  validFrom: null,
  validTo: null,
  mergedInto: null,
});
const former = (
  code: string,
  name: string,
  mergedInto: string,
  validTo = '2025-06-30',
  kind: 'tinh' | 'thanh_pho' = 'tinh',
): TProvince => ({ code, name, kind, validFrom: null, validTo, mergedInto });

export const PROVINCES: readonly TProvince[] = [
  current('HNI', 'Hà Nội', 'thanh_pho'),
  current('HUE', 'Huế', 'thanh_pho'),
  current('HPG', 'Hải Phòng', 'thanh_pho'),
  current('DNG', 'Đà Nẵng', 'thanh_pho'),
  current('HCM', 'Hồ Chí Minh', 'thanh_pho'),
  current('CTO', 'Cần Thơ', 'thanh_pho'),
  current('LCU', 'Lai Châu'),
  current('DBN', 'Điện Biên'),
  current('SLA', 'Sơn La'),
  current('LSN', 'Lạng Sơn'),
  current('QNH', 'Quảng Ninh'),
  current('THA', 'Thanh Hóa'),
  current('NAN', 'Nghệ An'),
  current('HTH', 'Hà Tĩnh'),
  current('CBG', 'Cao Bằng'),
  current('TQG', 'Tuyên Quang'),
  current('LCI', 'Lào Cai'),
  current('TNN', 'Thái Nguyên'),
  current('PTO', 'Phú Thọ'),
  current('BNH', 'Bắc Ninh'),
  current('HYN', 'Hưng Yên'),
  current('NBH', 'Ninh Bình'),
  current('QTI', 'Quảng Trị'),
  current('QNG', 'Quảng Ngãi'),
  current('GLI', 'Gia Lai'),
  current('KHA', 'Khánh Hòa'),
  current('LDG', 'Lâm Đồng'),
  current('DLK', 'Đắk Lắk'),
  current('DNI', 'Đồng Nai'),
  current('TNH', 'Tây Ninh'),
  current('VLG', 'Vĩnh Long'),
  current('DTP', 'Đồng Tháp'),
  current('CMU', 'Cà Mau'),
  current('AGG', 'An Giang'),
  // Former provinces named by the seed plans.
  former('TTH', 'Thừa Thiên Huế', 'HUE', '2024-12-31'),
  former('BDH', 'Bình Định', 'GLI'),
];

export const CURRENT_PROVINCE_COUNT = PROVINCES.filter(
  (province) => province.validTo === null,
).length;
export { REFORM_DATE };
