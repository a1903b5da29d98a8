/**
 * The targets of each seed plan, written by reading the documents (not from the importer's
 * output): one row per target, `[line, indicatorCode, comparator, value, dueYear, flags]`.
 *
 * Flags: `asp` (the plan says "phấn đấu"), `conflict` (the same indicator has another value for
 * that year elsewhere in the plan), `base:YYYY` (baseline year), `cohort:xa/I` or `cohort:all`
 * ("cả tỉnh" → `{}`), `phase:YYYY-YYYY`. A row without a flag means: not aspirational, no
 * conflict, no baseline, no cohort, no phase.
 *
 * Readings that differ from apps/api/src/demo/seed-plans.data.ts are noted where they occur.
 */
import type { TComparator } from '@commune-bench/domain';
import type { SeedId } from './seeds.js';

export type ExpectedTarget = [
  line: number,
  indicatorCode: string | null,
  comparator: TComparator | null,
  value: number | null,
  dueYear: number,
  flags?: string,
];

export interface ExpectedPlan {
  unitName: string | null;
  unitType: string | null;
  provinceName: string | null;
  kind: string;
  fromYear: number;
  toYear: number;
  phases: string[];
  documentNumber: string | null;
  issuedOn: string | null;
  issuer: string | null;
  /** Words the title must contain (diacritics and case as in the document). */
  titleIncludes: string[];
}

export interface ExpectedSeed {
  plan: ExpectedPlan;
  targets: ExpectedTarget[];
}

export const EXPECTED: Record<SeedId, ExpectedSeed> = {
  // Kế hoạch CCHC năm 2025 của xã Hưng Thịnh (web article; province not named).
  '000': {
    plan: {
      unitName: 'Hưng Thịnh',
      unitType: 'xa',
      provinceName: null,
      kind: 'ke_hoach',
      fromYear: 2025,
      toYear: 2025,
      phases: [],
      documentNumber: null,
      issuedOn: null,
      issuer: 'UBND xã Hưng Thịnh',
      titleIncludes: ['cải cách hành chính năm 2025', 'xã Hưng Thịnh'],
    },
    targets: [
      [14, 'THCH.VB_ONTIME', 'eq', 100, 2025],
      [15, 'THCH.VB_REVIEW', 'eq', 100, 2025],
      [31, 'TTHC.SIMPLIFY_PROPOSE', 'eq', 10, 2025],
      // "giảm tối thiểu 20% thông tin phải khai báo": the reduction is the indicator itself.
      [31, 'TTHC.DECLARE_CUT', 'gte', 20, 2025],
      [32, 'TTHC.ONTIME', 'gte', 98, 2025],
      [32, 'TTHC.NO_BOUNDARY', 'eq', 100, 2025],
      [33, 'TTHC.PAY_ENABLED', 'gte', 80, 2025],
      [33, 'TTHC.PAY_TXN', 'gte', 60, 2025],
      [34, 'TTHC.BIZ_ONLINE', 'eq', 100, 2025],
      [35, 'TTHC.FULL_ONLINE_SVC', 'eq', 80, 2025],
      [35, 'TTHC.ONLINE_DOSSIER', 'eq', 60, 2025],
      // "100% Trung tâm Phục vụ hành chính công triển khai quy trình số hóa …": centres, not the digitisation rate.
      [36, null, 'eq', 100, 2025],
      [36, 'TTHC.DIGITIZE', 'eq', 80, 2025],
      [36, 'TTHC.E_RESULT', 'eq', 100, 2025],
      [36, 'TTHC.DATA_REUSE', 'gte', 50, 2025],
      [37, 'TTHC.FEEDBACK_TIMELY', 'eq', 100, 2025],
      [38, 'CQS.ONLINE_SAT', 'gte', 95, 2025],
      [38, 'TTHC.SAT', 'gte', 95, 2025],
      [38, 'CDDH.SIPAS', 'gte', 95, 2025],
      [39, 'TTHC.NO_RESUBMIT', 'eq', 100, 2025],
      [46, null, 'milestone', null, 2025],
      [50, 'TCBM.REORG', 'milestone', null, 2025],
      // "tự bảo đảm chỉ thường xuyên" is the typo of "chi thường xuyên".
      [79, 'TCCO.SELF_FUNDED_UNITS', 'gte', 20, 2025],
      [86, 'CQS.DB_CONNECT', 'eq', 100, 2025],
      [87, 'CQS.EID', 'eq', 100, 2025],
      [88, 'CQS.MEETING_SYS', 'gte', 20, 2025],
      [89, 'CQS.E_WORKFILE', 'eq', 90, 2025],
      [107, 'CDDH.INSPECT_COVERAGE', 'gte', 50, 2025],
      [107, 'CDDH.INSPECT_REMEDY', 'eq', 100, 2025],
      [107, 'CQS.DIGITAL_INSPECT', 'eq', 50, 2025],
    ],
  },

  // Draft decision of xã Ô Diên (Hà Nội) with the 2026-2030 plan, targets by phase.
  '001': {
    plan: {
      unitName: 'Ô Diên',
      unitType: 'xa',
      provinceName: 'Hà Nội',
      kind: 'ke_hoach',
      fromYear: 2026,
      toYear: 2030,
      phases: ['2026-2027', '2028-2030'],
      documentNumber: null,
      issuedOn: null,
      issuer: 'UBND xã Ô Diên',
      titleIncludes: ['xã Ô Diên', 'giai đoạn 2026-2030'],
    },
    targets: [
      [91, 'TCBM.REORG', 'milestone', null, 2027, 'phase:2026-2027'],
      [93, 'CQS.DATA_MATURITY', 'level_gte', 3, 2027, 'phase:2026-2027'],
      [95, 'TTHC.FULL_ONLINE_SVC', 'eq', 100, 2027, 'phase:2026-2027'],
      [97, 'CQS.ONLINE_SAT', 'eq', 95, 2027, 'phase:2026-2027'],
      [99, 'CDDH.SIPAS', 'gte', 89, 2027, 'phase:2026-2027'],
      [99, 'CDDH.SIPAS_PUBSVC', 'gte', 87, 2027, 'phase:2026-2027'],
      [103, 'THCH.VB_IMPLEMENT', 'eq', 100, 2030, 'phase:2028-2030'],
      [107, 'TTHC.SAT', 'gte', 95, 2030, 'phase:2028-2030'],
      [107, 'TTHC.SAT_LAND', 'gte', 90, 2030, 'phase:2028-2030'],
      [109, 'TTHC.DATA_REUSE', 'eq', 90, 2030, 'phase:2028-2030'],
      [111, 'TTHC.PAY_ENABLED', 'eq', 100, 2030, 'phase:2028-2030 asp'],
      [111, 'TTHC.PAY_DOSSIER', 'eq', 100, 2030, 'phase:2028-2030 asp'],
      [113, 'CQS.DATA_MATURITY', 'level_gte', 5, 2030, 'phase:2028-2030'],
      [115, 'CQS.DTI', 'top_n', 10, 2030, 'phase:2028-2030 cohort:xa/I'],
      [117, 'CDDH.SIPAS', 'gte', 95, 2030, 'phase:2028-2030'],
      [117, 'CDDH.SIPAS_PUBSVC', 'gte', 90, 2030, 'phase:2028-2030'],
      [207, 'TCBM.REORG', 'milestone', null, 2030],
      // Line 237 "hoàn thành xây dựng trường liên cấp" is a school-building task in the
      // public-finance tasks, not a reform target (seed-plans.data.ts lists it as a milestone).
      [265, 'TTHC.DIGITIZE', 'eq', 100, 2030],
    ],
  },

  // Decision 1406/QĐ-UBND of thị xã Hương Trà with its 2021-2025 plan (levels for 2030 too).
  '002': {
    plan: {
      unitName: 'Hương Trà',
      unitType: 'thi_xa',
      provinceName: 'Thừa Thiên Huế',
      kind: 'ke_hoach',
      fromYear: 2021,
      toYear: 2025,
      phases: [],
      documentNumber: '1406/QĐ-UBND',
      issuedOn: '2021-10-20',
      issuer: 'UBND thị xã Hương Trà',
      titleIncludes: ['giai đoạn 2021 - 2025', 'thị xã Hương Trà'],
    },
    targets: [
      [51, 'CDDH.PAR_INDEX', 'top_n', 3, 2025, 'asp cohort:all'],
      [51, 'CDDH.PAPI', 'top_n', 3, 2025, 'asp cohort:all'],
      [51, 'CDDH.ICT', 'top_n', 3, 2025, 'asp cohort:all'],
      [51, 'CDDH.PCI', 'top_n', 3, 2025, 'asp cohort:all'],
      [65, 'THCH.VB_ONTIME', 'eq', 100, 2025],
      [67, 'THCH.VB_REVIEW', 'eq', 100, 2025, 'asp'],
      [86, 'TTHC.REG_CUT', 'gte', 20, 2025],
      [86, 'TTHC.COMPLIANCE_COST_CUT', 'gte', 20, 2025],
      [87, null, 'milestone', null, 2025],
      [88, 'TTHC.E_CIRCULATE', 'gte', 80, 2025],
      [89, 'TTHC.PAY_ENABLED', 'gte', 80, 2025],
      [89, 'TTHC.PAY_TXN', 'gte', 30, 2025],
      // "cấp huyện, cấp xã … tương ứng là 20%, 15%" in 2021, then +20 a year for each level.
      [90, 'TTHC.DIGITIZE', 'gte', 20, 2021],
      [90, 'TTHC.DIGITIZE', 'gte', 15, 2021],
      [90, 'TTHC.DIGITIZE', 'change_by', 20, 2025],
      [90, 'TTHC.DIGITIZE', 'change_by', 20, 2025],
      [92, 'TTHC.PUBLISH', 'eq', 100, 2025],
      [93, 'TTHC.ONESTOP', 'eq', 100, 2025],
      [93, 'TTHC.FOUR_ONSITE', 'gte', 20, 2025],
      [95, 'TTHC.FULL_ONLINE_SVC', 'eq', 100, 2025],
      // "dịch vụ công trực tuyến mức độ 3, 4 … tích hợp công khai trên Cổng": toàn trình and một phần
      // together, published on the national portal: no catalog indicator.
      [95, null, 'eq', 100, 2025],
      [95, 'TTHC.ONLINE_DOSSIER', 'gte', 50, 2025, 'conflict'],
      [96, 'TTHC.SAT', 'gte', 90, 2025],
      [96, 'TTHC.SAT_LAND', 'gte', 85, 2025],
      [97, 'TTHC.FEEDBACK_CLOSED', 'eq', 95, 2025],
      [97, 'TTHC.FEEDBACK_TIMELY', 'eq', 100, 2025],
      [98, 'TTHC.NO_RESUBMIT', 'eq', 80, 2025],
      // The same milestone as line 87, repeated among the tasks (not in seed-plans.data.ts).
      [106, null, 'milestone', null, 2025],
      [117, 'TCBM.REORG', 'eq', 100, 2025],
      [117, 'TCBM.STAFF_CUT', 'change_by', -10, 2025, 'asp base:2021'],
      [118, 'CDDH.SIPAS', 'gte', 90, 2025],
      [118, 'CDDH.SIPAS', 'gte', 95, 2030],
      [118, 'CDDH.SIPAS_PUBSVC', 'gte', 85, 2025],
      [118, 'CDDH.SIPAS_PUBSVC', 'gte', 90, 2030],
      [129, 'CVU.VTVL', 'eq', 100, 2025],
      [131, 'CVU.INTL_LEADERS', 'gt', 30, 2030],
      [131, 'CVU.COMMUNE_QUAL', 'eq', 100, 2030],
      // Moving units between self-financing bands: no catalog indicator; the bands are not targets.
      [144, null, 'gte', 30, 2025, 'asp'],
      [144, null, 'gte', 30, 2025, 'asp'],
      [144, null, 'gte', 30, 2025, 'asp'],
      [144, 'TCCO.SUPPORT_CUT', 'change_by', -2.5, 2025, 'asp'],
      // "so với giai đoạn 2021 - 2025": a period, no single baseline year.
      [145, 'TCCO.SUPPORT_CUT', 'change_by', -15, 2030, 'asp'],
      [162, 'CQS.REPORT_SYS', 'milestone', null, 2025],
      [164, 'CQS.EID', 'eq', 100, 2025],
      [166, 'CQS.IS_CONNECT', 'eq', 80, 2025],
      [168, 'CQS.SECTOR_IS', 'eq', 100, 2025],
      [170, 'CQS.E_DOC_EXCHANGE', 'eq', 100, 2025],
      [172, 'CQS.ONESTOP_SYS', 'eq', 100, 2025],
      [172, 'TTHC.ONLINE_DOSSIER', 'eq', 60, 2025, 'conflict'],
      [173, 'CQS.ONLINE_SAT', 'eq', 80, 2025],
      [174, 'CQS.DIGITAL_INSPECT', 'eq', 50, 2025],
      [190, 'CDDH.PLAN_COVERAGE', 'eq', 100, 2025],
      [192, 'CDDH.INSPECT_COVERAGE', 'gte', 30, 2025],
    ],
  },

  // Kế hoạch CCHC năm 2024 of phường Hoài Hảo (Bình Định), with Phụ lục 1 (targets table).
  '003': {
    plan: {
      unitName: 'Hoài Hảo',
      unitType: 'phuong',
      provinceName: 'Bình Định',
      kind: 'ke_hoach',
      fromYear: 2024,
      toYear: 2024,
      phases: [],
      documentNumber: null,
      issuedOn: null,
      issuer: 'UBND phường Hoài Hảo',
      titleIncludes: ['phường Hoài Hảo năm 2024'],
    },
    targets: [
      [19, null, 'eq', 100, 2024, 'asp'],
      [33, 'CDDH.PAR_INDEX', 'improve', null, 2024, 'base:2023'],
      [33, 'CDDH.SIPAS', 'improve', null, 2024, 'base:2023'],
      [35, 'THCH.VB_COMPLIANT', 'eq', 100, 2024],
      [35, 'THCH.VB_REVIEW', 'eq', 100, 2024],
      [37, 'TTHC.DIGITIZE', 'gt', 90, 2024, 'conflict'],
      [37, 'TTHC.E_RESULT', 'eq', 100, 2024],
      [37, 'TTHC.PUBLISH', 'eq', 100, 2024],
      // "Phân đấu" is the typo of "Phấn đấu"; it covers both rates of the sentence.
      [37, 'TTHC.ONLINE_DOSSIER', 'gt', 90, 2024, 'asp'],
      [37, 'TTHC.PAY_TXN', 'gt', 90, 2024, 'asp'],
      [37, 'TTHC.DATA_REUSE', 'gt', 50, 2024],
      [39, 'CVU.VTVL', 'eq', 100, 2024],
      [41, 'CQS.REPORT_SYS', 'milestone', null, 2024],
      [43, 'CQS.E_WORKFILE', 'gt', 70, 2024],
      [53, 'CDDH.INSPECT_REMEDY', 'eq', 100, 2024],
      [63, 'CDDH.INITIATIVE_COUNT', 'count_gte', 1, 2024],
      [67, 'THCH.VB_REVIEW', 'eq', 100, 2024],
      [77, 'TTHC.PUBLISH', 'eq', 100, 2024],
      [103, 'CVU.COMMUNE_QUAL', 'eq', 100, 2024],
      [107, 'CVU.COMMUNE_QUAL', 'eq', 100, 2024],
      // Phụ lục 1: the target column is "Chỉ tiêu phấn đấu năm 2024".
      [211, 'CDDH.PAR_INDEX', 'better_rank', null, 2024, 'asp base:2023'],
      [212, 'CDDH.SIPAS', null, null, 2024, 'asp'],
      [213, 'CQS.DTI', null, null, 2024, 'asp'],
      [214, 'THCH.VB_COMPLIANT', 'eq', 100, 2024, 'asp'],
      [216, 'TTHC.PUBLISH', 'eq', 100, 2024, 'asp'],
      [220, 'TTHC.DIGITIZE', 'eq', 90, 2024, 'asp conflict'],
      [221, 'TTHC.DATA_REUSE', 'gt', 50, 2024, 'asp'],
      [222, 'CVU.VTVL', 'eq', 100, 2024, 'asp'],
      [224, 'CQS.REPORT_SYS', 'eq', 100, 2024, 'asp'],
      [225, 'CQS.E_WORKFILE', 'gt', 70, 2024, 'asp'],
      [227, 'TTHC.ONLINE_DOSSIER', 'gt', 90, 2024, 'asp'],
      [231, 'TTHC.PAY_TXN', 'gt', 90, 2024, 'asp'],
      [232, 'TTHC.PAY_ENABLED', 'eq', 100, 2024, 'asp'],
      [233, 'TTHC.E_RESULT', 'eq', 100, 2024, 'asp'],
      [234, 'TTHC.E_CERT', 'eq', 100, 2024, 'asp'],
    ],
  },

  // Party committee resolution of an unnamed xã (Huyện ủy Kim Động is named; the province is not).
  '004': {
    plan: {
      unitName: null,
      unitType: 'xa',
      provinceName: null,
      kind: 'nghi_quyet',
      fromYear: 2024,
      toYear: 2024,
      phases: [],
      documentNumber: null,
      issuedOn: null,
      issuer: 'Đảng ủy xã',
      titleIncludes: ['Nghị quyết', 'năm 2024'],
    },
    targets: [
      [30, 'THCH.VB_ONTIME', 'eq', 100, 2024],
      [32, 'TTHC.E_CIRCULATE', 'gte', 50, 2024],
      // "Phần đầu có 30%" is the typo of "Phấn đấu".
      [34, 'TTHC.PAY_ENABLED', 'eq', 30, 2024, 'asp'],
      [34, 'TTHC.PAY_TXN', 'gte', 10, 2024, 'asp'],
      [36, 'TTHC.ONESTOP', 'eq', 100, 2024],
      [36, 'TTHC.FOUR_ONSITE', 'gte', 20, 2024, 'asp'],
      [38, 'TTHC.FULL_ONLINE_SVC', 'eq', 50, 2024],
      [40, 'TTHC.SAT', 'gte', 90, 2024],
      [42, 'TTHC.FEEDBACK_TIMELY', 'eq', 100, 2024],
      [44, 'TTHC.NO_RESUBMIT', 'eq', 80, 2024],
      [46, 'CDDH.SIPAS', 'gte', 90, 2025, 'asp'],
      [46, 'CDDH.SIPAS', 'gte', 95, 2030, 'asp'],
      [48, 'CDDH.SIPAS_PUBSVC', 'gte', 85, 2025],
      [48, 'CDDH.SIPAS_PUBSVC', 'gte', 90, 2030],
      [50, 'CVU.VTVL', 'eq', 90, 2025],
      [52, 'CVU.COMMUNE_QUAL', 'eq', 100, 2030],
      [54, 'CQS.EID', 'eq', 100, 2024],
      [56, 'CQS.E_DOC_EXCHANGE', 'eq', 100, 2024],
      [58, 'CQS.ONESTOP_SYS', 'eq', 100, 2024],
      [58, 'TTHC.ONLINE_DOSSIER', 'eq', 50, 2024],
      [60, 'CQS.ONLINE_SAT', 'eq', 80, 2024],
      [62, 'CQS.DIGITAL_INSPECT', 'eq', 50, 2024],
    ],
  },
};
