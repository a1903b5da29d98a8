/** Vietnamese wording shared by every format. */
import {
  formatDateVi,
  type TAttainmentStatus,
  type TExcludedReason,
  type TRankedRow,
  type TResultStatus,
  type TTieRule,
} from '@commune-bench/domain';

export const EXCLUDED_REASON_VI: Readonly<Record<TExcludedReason, string>> = {
  no_data: 'Chưa có số liệu',
  not_verified: 'Chưa được thẩm định',
  not_in_cohort_that_year: 'Không thuộc nhóm trong năm',
};

export const ATTAINMENT_STATUS_VI: Readonly<Record<TAttainmentStatus, string>> = {
  met: 'Đạt',
  not_met: 'Không đạt',
  on_track: 'Đúng tiến độ',
  off_track: 'Chậm tiến độ',
  no_data: 'Chưa có số liệu',
  not_applicable: 'Không áp dụng',
};

export const RESULT_STATUS_VI: Readonly<Record<TResultStatus, string>> = {
  draft: 'bản nháp',
  submitted: 'đã gửi, chưa thẩm định',
  verified: 'đã thẩm định',
  returned: 'bị trả lại',
};

export const TIE_RULE_VI: Readonly<Record<TTieRule, string>> = {
  competition:
    'Xếp hạng đồng hạng kiểu 1, 2, 2, 4: các đơn vị có cùng giá trị (sau làm tròn) cùng hạng, hạng kế tiếp bỏ qua số vị trí đã dùng',
  dense:
    'Xếp hạng đồng hạng kiểu 1, 2, 2, 3: các đơn vị có cùng giá trị (sau làm tròn) cùng hạng, hạng kế tiếp liền sau',
};

export const NATIONAL_NAME_VI = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO_VI = 'Độc lập - Tự do - Hạnh phúc';
export const DEMO_NOTICE_VI = 'Dữ liệu minh họa';
export const PROVISIONAL_NOTE_VI = 'Tạm tính (chưa thẩm định)';
export const NEW_IN_RANKING_VI = 'mới';
export const MOST_AMBITIOUS_VI = 'cao nhất';
export const LEAST_AMBITIOUS_VI = 'thấp nhất';
export const COMPOSITE_NAME_VI = 'Điểm thực hiện chỉ tiêu tổng hợp';
export const SIGNATURE_LEFT_VI = 'NGƯỜI LẬP BIỂU';
export const SIGNATURE_RIGHT_VI = 'THỦ TRƯỞNG ĐƠN VỊ';
export const SIGNATURE_HINT_VI = '(Ký, ghi rõ họ tên)';

/** `▲ 3` (moved up 3 places), `▼ 1`, `=` (same rank), `mới` (not ranked last period), `` (no comparison). */
export function formatChangeMark(row: Pick<TRankedRow, 'change' | 'isNew'>): string {
  if (row.isNew) return NEW_IN_RANKING_VI;
  if (row.change === null) return '';
  if (row.change > 0) return `▲ ${row.change}`;
  if (row.change < 0) return `▼ ${-row.change}`;
  return '=';
}

/** `Hà Nội, ngày 12 tháng 6 năm 2026`. */
export function formatPlaceDateVi(place: string, date: string): string {
  return `${place}, ${formatDateVi(date)}`;
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** An ISO date-time as Vietnamese readers write it, in Vietnam time: `10 giờ 05, ngày 12 tháng 6 năm 2026`. */
export function formatDateTimeVi(isoDateTime: string): string {
  const instant = new Date(isoDateTime);
  const local = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  const hours = String(local.getUTCHours()).padStart(2, '0');
  const minutes = String(local.getUTCMinutes()).padStart(2, '0');
  return `${hours} giờ ${minutes}, ${formatDateVi(instant)}`;
}

/** `Giá trị được làm tròn đến 1 chữ số thập phân …`. */
export function describeRoundingVi(precision: number): string {
  const to = precision === 0 ? 'hàng đơn vị' : `${precision} chữ số thập phân`;
  return `Giá trị được làm tròn đến ${to} (từ 5 trở lên làm tròn lên) trước khi so sánh và xếp hạng; thứ hạng xét trên giá trị đã làm tròn`;
}

/** Words an administrative body's name is broken before, in the order a document puts them on a new line. */
const HEADING_BREAK_WORDS = [
  'ỦY BAN',
  'UBND',
  'THÀNH PHỐ',
  'TỈNH',
  'ĐẶC KHU',
  'THỊ XÃ',
  'QUẬN',
  'HUYỆN',
  'PHƯỜNG',
  'XÃ',
];

/**
 * Splits a header line that does not fit into two lines that do: before a place word when one gives a
 * fitting split ("SỞ NỘI VỤ" / "THÀNH PHỐ HÀ NỘI"), else the most even split between words; unchanged
 * when it fits or no split fits.
 */
export function breakHeadingLine(line: string, fits: (text: string) => boolean): string[] {
  if (fits(line)) return [line];
  const words = line.split(/\s+/).filter((word) => word !== '');
  const splits: { head: string; tail: string; keyword: boolean }[] = [];
  for (let index = 1; index < words.length; index += 1) {
    const head = words.slice(0, index).join(' ');
    const tail = words.slice(index).join(' ');
    if (!fits(head) || !fits(tail)) continue;
    const upper = tail.toLocaleUpperCase('vi');
    const keyword = HEADING_BREAK_WORDS.some(
      (word) => upper === word || upper.startsWith(`${word} `),
    );
    splits.push({ head, tail, keyword });
  }
  const candidates = splits.some((split) => split.keyword)
    ? splits.filter((split) => split.keyword)
    : splits;
  const best = candidates.reduce<(typeof candidates)[number] | undefined>(
    (chosen, split) =>
      chosen === undefined ||
      Math.abs(split.head.length - split.tail.length) <
        Math.abs(chosen.head.length - chosen.tail.length)
        ? split
        : chosen,
    undefined,
  );
  return best === undefined ? [line] : [best.head, best.tail];
}
