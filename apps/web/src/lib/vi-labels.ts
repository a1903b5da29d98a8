/** Vietnamese labels and colours of the contract's enums, shared by the screens. */
import type {
  TAttainmentStatus,
  TComparator,
  TExcludedReason,
  TIndicatorUnit,
  TJobStatus,
  TPlanKind,
  TPlanStatus,
  TResultStatus,
  TTieRule,
} from '@commune-bench/domain';

export const ATTAINMENT_LABELS: Record<TAttainmentStatus, string> = {
  met: 'Đạt',
  not_met: 'Không đạt',
  on_track: 'Đúng tiến độ',
  off_track: 'Chậm tiến độ',
  no_data: 'Chưa có số liệu',
  not_applicable: 'Không áp dụng',
};

/** antd Tag colours: green met, blue on track, orange off track, red not met, grey without data. */
export const ATTAINMENT_COLORS: Record<TAttainmentStatus, string> = {
  met: 'green',
  on_track: 'blue',
  off_track: 'orange',
  not_met: 'red',
  no_data: 'default',
  not_applicable: 'default',
};

export const RESULT_STATUS_LABELS: Record<TResultStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi, chờ thẩm định',
  verified: 'Đã thẩm định',
  returned: 'Bị trả lại',
};

export const RESULT_STATUS_COLORS: Record<TResultStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  verified: 'success',
  returned: 'error',
};

export const EXCLUDED_REASON_LABELS: Record<TExcludedReason, string> = {
  no_data: 'Chưa có số liệu kỳ này',
  not_verified: 'Kết quả chưa được thẩm định',
  not_in_cohort_that_year: 'Không thuộc nhóm trong năm này',
};

export const TIE_RULE_LABELS: Record<TTieRule, string> = {
  competition: 'Đồng hạng kiểu 1, 2, 2, 4 (như DTI công bố)',
  dense: 'Đồng hạng liền nhau 1, 2, 2, 3',
};

export const PLAN_KIND_LABELS: Record<TPlanKind, string> = {
  ke_hoach: 'Kế hoạch',
  nghi_quyet: 'Nghị quyết',
  quyet_dinh: 'Quyết định',
  chuong_trinh: 'Chương trình',
};

export const PLAN_STATUS_LABELS: Record<TPlanStatus, string> = {
  draft: 'Dự thảo',
  issued: 'Đã ban hành',
};

export const COMPARATOR_LABELS: Record<TComparator, string> = {
  gte: 'Tối thiểu (≥)',
  gt: 'Trên (>)',
  eq: 'Đạt (=)',
  lte: 'Tối đa (≤)',
  lt: 'Dưới (<)',
  top_n: 'Nằm trong top N',
  better_rank: 'Xếp hạng cao hơn năm gốc',
  improve: 'Cải thiện so với năm gốc',
  level_gte: 'Đạt cấp độ tối thiểu',
  change_by: 'Tăng/giảm % so với năm gốc',
  milestone: 'Hoàn thành (không có số)',
  count_gte: 'Có ít nhất N',
};

export const INDICATOR_UNIT_LABELS: Record<TIndicatorUnit, string> = {
  percent: 'Tỷ lệ (%)',
  count: 'Số lượng',
  level: 'Cấp độ',
  rank: 'Thứ hạng',
  score: 'Điểm',
  bool: 'Hoàn thành/chưa',
};

/** Comparators whose target has no number. */
export const COMPARATORS_WITHOUT_VALUE: readonly TComparator[] = [
  'milestone',
  'better_rank',
  'improve',
];

export const JOB_STATUS_LABELS: Record<TJobStatus, string> = {
  queued: 'Đang chờ',
  running: 'Đang thực hiện',
  done: 'Hoàn thành',
  failed: 'Lỗi',
};

export const JOB_STATUS_COLORS: Record<TJobStatus, string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};
