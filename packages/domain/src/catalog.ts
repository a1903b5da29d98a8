/** The indicator catalog (shared/design/indicator-catalog.md) as data. Admins may extend it in the database. */
import type { TDirection, TIndicator, TIndicatorUnit, TReformArea } from './schemas.js';

type Row = [
  code: string,
  nameVi: string,
  nameEn: string,
  unit: TIndicatorUnit,
  aliases: string[],
  options?: { direction?: TDirection; precision?: number; isIndex?: boolean },
];

const ROWS: Row[] = [
  // Indices
  [
    'CDDH.PAR_INDEX',
    'Chỉ số cải cách hành chính (PAR INDEX)',
    'PAR Index score',
    'percent',
    ['PAR INDEX', 'chỉ số cải cách hành chính', 'chỉ số CCHC'],
    { precision: 2, isIndex: true },
  ],
  [
    'CDDH.SIPAS',
    'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)',
    'SIPAS / service satisfaction',
    'percent',
    [
      'SIPAS',
      'hài lòng về sự phục vụ của cơ quan hành chính nhà nước',
      'sự hài lòng của người dân, tổ chức đối với sự phục vụ',
      'hài lòng … sự phục vụ của cơ quan hành chính nhà nước',
      'hài lòng … sự phục vụ',
    ],
    { precision: 2, isIndex: true },
  ],
  [
    'CDDH.SIPAS_PUBSVC',
    'Hài lòng về cung cấp dịch vụ công (y tế, giáo dục công lập)',
    'satisfaction, public health and education',
    'percent',
    [
      'hài lòng về cung cấp dịch vụ công',
      'y tế, giáo dục công lập',
      'cung cấp DVC, nhất là y tế, giáo dục',
      'hài lòng … cung cấp dịch vụ công',
      'hài lòng … y tế, giáo dục công lập',
      'hài lòng … dịch vụ y tế',
      'hài lòng … giáo dục công lập',
    ],
    { isIndex: true },
  ],
  [
    'CQS.DTI',
    'Chỉ số chuyển đổi số (DTI)',
    'digital transformation index',
    'score',
    ['DTI', 'chỉ số chuyển đổi số'],
    { precision: 4, isIndex: true },
  ],
  [
    'CDDH.PAPI',
    'Chỉ số hiệu quả quản trị và hành chính công (PAPI)',
    'PAPI',
    'score',
    ['PAPI', 'hiệu quả quản trị và hành chính công'],
    { precision: 2, isIndex: true },
  ],
  [
    'CDDH.PCI',
    'Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)',
    'PCI',
    'score',
    ['PCI', 'năng lực cạnh tranh cấp tỉnh', 'chỉ số năng lực cạnh tranh'],
    { precision: 2, isIndex: true },
  ],
  [
    'CDDH.ICT',
    'Chỉ số sẵn sàng ứng dụng CNTT (ICT Index)',
    'ICT readiness',
    'score',
    [
      'ICT Index',
      'sẵn sàng cho phát triển và ứng dụng công nghệ thông tin',
      'ICT',
      'sẵn sàng phát triển và ứng dụng công nghệ thông tin',
    ],
    { precision: 4, isIndex: true },
  ],
  // Chỉ đạo, điều hành
  [
    'CDDH.INSPECT_COVERAGE',
    'Tỷ lệ cơ quan, đơn vị được kiểm tra CCHC',
    'units inspected',
    'percent',
    [
      'được kiểm tra cải cách hành chính',
      'kiểm tra CCHC',
      'cơ quan, đơn vị được kiểm tra',
      'kiểm tra công tác cải cách hành chính',
    ],
  ],
  [
    'CDDH.INSPECT_REMEDY',
    'Tồn tại, hạn chế qua kiểm tra được khắc phục',
    'inspection findings remedied',
    'percent',
    [
      'tồn tại, hạn chế',
      'được khắc phục',
      'kiến nghị sau kiểm tra được xử lý',
      'phát hiện qua kiểm tra … khắc phục',
    ],
  ],
  [
    'CDDH.PLAN_COVERAGE',
    'Cơ quan, đơn vị xây dựng kế hoạch CCHC',
    'units with a reform plan',
    'percent',
    ['xây dựng kế hoạch cải cách hành chính', 'ban hành kế hoạch CCHC'],
  ],
  [
    'CDDH.INITIATIVE_COUNT',
    'Số sáng kiến CCHC',
    'reform initiatives',
    'count',
    ['sáng kiến', 'mô hình, giải pháp mới'],
    { precision: 0 },
  ],
  // Thể chế
  [
    'THCH.VB_ONTIME',
    'VBQPPL hoàn thành đúng tiến độ, đúng quy trình',
    'legal documents on schedule',
    'percent',
    [
      'hoàn thành đúng tiến độ',
      'văn bản quy phạm pháp luật đúng tiến độ',
      'đúng tiến độ, thời hạn',
    ],
  ],
  [
    'THCH.VB_REVIEW',
    'VBQPPL được rà soát, kiến nghị xử lý',
    'legal documents reviewed',
    'percent',
    [
      'được rà soát, kiến nghị xử lý',
      'rà soát văn bản quy phạm pháp luật',
      'văn bản quy phạm pháp luật … được rà soát',
    ],
  ],
  [
    'THCH.VB_COMPLIANT',
    'VBQPPL ban hành đúng trình tự, thủ tục, thẩm quyền',
    'legal documents issued correctly',
    'percent',
    [
      'đúng trình tự, thủ tục',
      'đúng thẩm quyền, trình tự',
      'văn bản quy phạm pháp luật … ban hành đúng quy định',
    ],
  ],
  [
    'THCH.VB_IMPLEMENT',
    'VBQPPL cấp trên được triển khai đúng quy định',
    'upper-level laws implemented',
    'percent',
    [
      'văn bản quy phạm pháp luật Trung ương',
      'được triển khai đảm bảo',
      'triển khai thi hành văn bản',
    ],
  ],
  // Thủ tục hành chính
  [
    'TTHC.ONTIME',
    'Tỷ lệ hồ sơ giải quyết đúng hạn',
    'dossiers resolved on time',
    'percent',
    ['giải quyết hồ sơ đúng hạn', 'hồ sơ giải quyết đúng hạn', 'đúng hạn', 'trước và đúng hạn'],
  ],
  [
    'TTHC.ONLINE_DOSSIER',
    'Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết',
    'online share of dossiers',
    'percent',
    [
      'hồ sơ trực tuyến',
      'tiếp nhận hồ sơ trực tuyến',
      'hồ sơ được tiếp nhận trực tuyến',
      'hồ sơ giải quyết trực tuyến … trên tổng số hồ sơ',
    ],
  ],
  [
    'TTHC.FULL_ONLINE_SVC',
    'TTHC đủ điều kiện được cung cấp DVC trực tuyến toàn trình (cũ: mức độ 4)',
    'eligible procedures offered fully online',
    'percent',
    ['dịch vụ công trực tuyến toàn trình', 'DVC trực tuyến toàn trình', 'trực tuyến mức độ 4'],
  ],
  [
    'TTHC.PAY_ENABLED',
    'TTHC có nghĩa vụ tài chính được triển khai thanh toán trực tuyến',
    'fee-bearing procedures with e-payment',
    'percent',
    [
      'nghĩa vụ tài chính',
      'triển khai thanh toán trực tuyến',
      'TTHC được triển khai thanh toán trực tuyến',
    ],
  ],
  [
    'TTHC.PAY_TXN',
    'Tỷ lệ giao dịch thanh toán trực tuyến',
    'e-payment share of transactions',
    'percent',
    [
      'giao dịch thanh toán trực tuyến',
      'thanh toán trực tuyến … trên tổng số giao dịch thanh toán',
    ],
  ],
  [
    'TTHC.PAY_DOSSIER',
    'Hồ sơ TTHC được thanh toán trực tuyến',
    'dossiers paid online',
    'percent',
    ['hồ sơ giải quyết TTHC được thanh toán trực tuyến', 'hồ sơ được thanh toán trực tuyến'],
  ],
  [
    'TTHC.DIGITIZE',
    'Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC',
    'digitisation of dossiers and results',
    'percent',
    ['số hóa hồ sơ', 'số hóa hồ sơ, kết quả giải quyết', 'số hóa kết quả giải quyết'],
  ],
  [
    'TTHC.E_RESULT',
    'Tỷ lệ cấp kết quả giải quyết TTHC điện tử',
    'electronic results issued',
    'percent',
    [
      'cấp kết quả giải quyết thủ tục hành chính điện tử',
      'kết quả điện tử',
      'cấp kết quả giải quyết điện tử',
    ],
  ],
  [
    'TTHC.DATA_REUSE',
    'Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa',
    'reuse of digitised data',
    'percent',
    ['khai thác, sử dụng lại thông tin', 'sử dụng lại thông tin, dữ liệu'],
  ],
  [
    'TTHC.NO_RESUBMIT',
    'Người dân, doanh nghiệp không phải cung cấp lại thông tin, giấy tờ',
    'no re-submission of documents',
    'percent',
    ['không phải cung cấp lại', 'không phải cung cấp lại các thông tin, giấy tờ'],
  ],
  [
    'TTHC.E_CIRCULATE',
    'Hồ sơ luân chuyển nội bộ bằng phương thức điện tử',
    'dossiers routed electronically',
    'percent',
    ['luân chuyển trong nội bộ', 'bằng phương thức điện tử'],
  ],
  [
    'TTHC.ONESTOP',
    'TTHC tiếp nhận, giải quyết theo cơ chế một cửa, một cửa liên thông',
    'one-stop coverage',
    'percent',
    ['cơ chế một cửa', 'một cửa liên thông'],
  ],
  [
    'TTHC.FOUR_ONSITE',
    'TTHC giải quyết theo phương châm "4 tại chỗ"',
    '"4 on-site" procedures',
    'percent',
    ['4 tại chỗ', 'bốn tại chỗ'],
  ],
  [
    'TTHC.FEEDBACK_TIMELY',
    'Phản ánh, kiến nghị được tiếp nhận, xử lý đúng hạn, kịp thời',
    'feedback handled on time',
    'percent',
    ['phản ánh kiến nghị', 'phản ánh, kiến nghị', 'xử lý đúng hạn'],
  ],
  [
    'TTHC.FEEDBACK_CLOSED',
    'Phản ánh, kiến nghị được xử lý dứt điểm',
    'feedback fully resolved',
    'percent',
    ['xử lý dứt điểm', 'phản ánh, kiến nghị … được xử lý dứt điểm'],
  ],
  [
    'TTHC.SAT',
    'Mức độ hài lòng về tiếp nhận, giải quyết TTHC',
    'satisfaction with procedures',
    'percent',
    [
      'hài lòng về giải quyết thủ tục hành chính',
      'hài lòng trong tiếp nhận, giải quyết TTHC',
      'hài lòng về giải quyết TTHC',
      'hài lòng … giải quyết thủ tục hành chính',
    ],
  ],
  [
    'TTHC.SAT_LAND',
    'Mức độ hài lòng về giải quyết TTHC lĩnh vực đất đai, xây dựng, đầu tư',
    'satisfaction, land/construction/investment',
    'percent',
    ['đất đai, xây dựng, đầu tư', 'hài lòng … lĩnh vực đất đai, xây dựng, đầu tư'],
  ],
  [
    'TTHC.SIMPLIFY_PROPOSE',
    'TTHC được kiến nghị đơn giản hóa',
    'procedures proposed for simplification',
    'percent',
    ['kiến nghị đơn giản hóa', 'đề xuất đơn giản hóa'],
  ],
  [
    'TTHC.DECLARE_CUT',
    'Giảm thông tin phải khai báo nhờ tái sử dụng dữ liệu',
    'less data citizens must declare',
    'percent',
    ['thông tin phải khai báo', 'tái sử dụng dữ liệu'],
  ],
  [
    'TTHC.REG_CUT',
    'Cắt giảm, đơn giản hóa quy định kinh doanh',
    'business regulations cut',
    'percent',
    ['quy định kinh doanh', 'điều kiện kinh doanh', 'cắt giảm, đơn giản hóa … số quy định'],
  ],
  [
    'TTHC.COMPLIANCE_COST_CUT',
    'Cắt giảm chi phí tuân thủ quy định',
    'compliance cost cut',
    'percent',
    ['chi phí tuân thủ'],
  ],
  [
    'TTHC.NO_BOUNDARY',
    'TTHC không phụ thuộc địa giới hành chính',
    'procedures independent of boundaries',
    'percent',
    ['không phụ thuộc vào địa giới hành chính', 'không phụ thuộc địa giới'],
  ],
  [
    'TTHC.BIZ_ONLINE',
    'TTHC liên quan doanh nghiệp thực hiện trực tuyến',
    'business procedures online',
    'percent',
    ['liên quan đến doanh nghiệp được thực hiện trực tuyến', 'TTHC liên quan đến doanh nghiệp'],
  ],
  [
    'TTHC.PUBLISH',
    'TTHC, kết quả giải quyết được công bố, công khai kịp thời',
    'procedures published on time',
    'percent',
    ['công bố, công khai', 'công khai kịp thời', 'đăng công khai', 'được công khai'],
  ],
  [
    'TTHC.E_CERT',
    'Cung cấp dịch vụ chứng thực điện tử',
    'electronic certification',
    'percent',
    ['chứng thực điện tử', 'chứng thực bản sao điện tử'],
  ],
  // Tổ chức bộ máy
  [
    'TCBM.REORG',
    'Sắp xếp tổ chức bộ máy, đơn vị sự nghiệp',
    'reorganisation done',
    'percent',
    [
      'sắp xếp tổ chức bộ máy',
      'sắp xếp các đơn vị sự nghiệp',
      'hoàn thành việc sắp xếp',
      'sắp xếp lại tổ chức',
      'sắp xếp lại đầu mối',
    ],
  ],
  [
    'TCBM.STAFF_CUT',
    'Giảm biên chế so với năm gốc',
    'staff reduction vs baseline',
    'percent',
    ['tinh giản biên chế', 'giảm biên chế'],
    { direction: 'lower_better' },
  ],
  // Công vụ
  [
    'CVU.VTVL',
    'CBCCVC bố trí theo tiêu chuẩn ngạch, vị trí việc làm',
    'staff placed per job position',
    'percent',
    ['vị trí việc làm', 'tiêu chuẩn ngạch'],
  ],
  [
    'CVU.COMMUNE_QUAL',
    'CBCC cấp xã đạt chuẩn, trình độ',
    'commune staff qualified',
    'percent',
    [
      'cán bộ, công chức cấp xã đạt chuẩn',
      'đạt chuẩn theo quy định',
      'công chức cấp xã … trình độ',
      'cán bộ, công chức … trình độ đại học',
      'trình độ cao đẳng trở lên',
    ],
  ],
  [
    'CVU.INTL_LEADERS',
    'Lãnh đạo có khả năng làm việc trong môi trường quốc tế',
    'leaders able to work internationally',
    'percent',
    ['môi trường quốc tế'],
  ],
  // Tài chính công
  [
    'TCCO.SELF_FUNDED_UNITS',
    'Đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên',
    'self-financing public service units',
    'percent',
    ['tự bảo đảm chi thường xuyên', 'tự chủ tài chính'],
  ],
  [
    'TCCO.SUPPORT_CUT',
    'Giảm chi hỗ trợ trực tiếp từ ngân sách',
    'less direct budget support',
    'percent',
    ['chi hỗ trợ trực tiếp', 'giảm chi trực tiếp từ ngân sách'],
    { direction: 'lower_better' },
  ],
  // Chính quyền điện tử, chính quyền số
  [
    'CQS.ONLINE_SAT',
    'Hài lòng khi sử dụng dịch vụ công trực tuyến',
    'satisfaction with online services',
    'percent',
    [
      'hài lòng khi sử dụng DVC trực tuyến',
      'hài lòng về cung cấp dịch vụ công trực tuyến',
      'hài lòng khi sử dụng dịch vụ công trực tuyến',
      'hài lòng … cung cấp dịch vụ công trực tuyến',
    ],
  ],
  [
    'CQS.EID',
    'Người dùng DVC trực tuyến được định danh, xác thực điện tử',
    'e-ID for online-service users',
    'percent',
    ['định danh, xác thực điện tử', 'định danh điện tử', 'định danh và xác thực điện tử'],
  ],
  [
    'CQS.E_WORKFILE',
    'Hồ sơ công việc xử lý, tạo lập trên môi trường mạng',
    'electronic work files',
    'percent',
    ['hồ sơ công việc', 'trên môi trường mạng', 'hồ sơ công việc được tạo lập'],
  ],
  [
    'CQS.E_DOC_EXCHANGE',
    'Văn bản, hồ sơ trao đổi giữa cơ quan dưới dạng điện tử',
    'electronic document exchange',
    'percent',
    [
      'văn bản trao đổi',
      'dưới dạng điện tử',
      'văn bản điện tử',
      'văn bản, hồ sơ công việc trao đổi',
    ],
  ],
  [
    'CQS.ONESTOP_SYS',
    'Hồ sơ TTHC qua Hệ thống thông tin một cửa điện tử',
    'dossiers through the e-one-stop system',
    'percent',
    ['hệ thống thông tin một cửa điện tử', 'một cửa điện tử'],
  ],
  [
    'CQS.DIGITAL_INSPECT',
    'Hoạt động kiểm tra qua môi trường số',
    'inspections done digitally',
    'percent',
    [
      'kiểm tra qua môi trường số',
      'thông qua môi trường điện tử',
      'hoạt động kiểm tra … thông qua môi trường số',
    ],
  ],
  [
    'CQS.DATA_MATURITY',
    'Cấp độ trưởng thành về quản trị dữ liệu',
    'data-governance maturity',
    'level',
    ['mức độ trưởng thành về quản trị dữ liệu', 'quản trị dữ liệu'],
    { precision: 0 },
  ],
  [
    'CQS.DB_CONNECT',
    'Kết nối, chia sẻ với CSDL quốc gia, chuyên ngành',
    'national databases connected',
    'percent',
    ['cơ sở dữ liệu quốc gia', 'CSDL quốc gia'],
  ],
  [
    'CQS.IS_CONNECT',
    'HTTT kết nối qua trục liên thông, nền tảng chia sẻ',
    'systems connected to the exchange platform',
    'percent',
    ['trục liên thông', 'nền tảng tích hợp, chia sẻ'],
  ],
  [
    'CQS.SECTOR_IS',
    'Cơ quan triển khai HTTT chuyên ngành',
    'agencies with sector systems',
    'percent',
    ['hệ thống thông tin chuyên ngành'],
  ],
  [
    'CQS.MEETING_SYS',
    'CBCCVC dùng HTTT phục vụ họp và xử lý công việc',
    'staff on the meeting system',
    'percent',
    ['phục vụ họp', 'họp trực tuyến'],
  ],
  [
    'CQS.REPORT_SYS',
    'Chế độ báo cáo kết nối HTTT báo cáo quốc gia',
    'reports on the national reporting system',
    'percent',
    ['hệ thống thông tin báo cáo', 'chế độ báo cáo'],
  ],
];

export const INDICATOR_CATALOG: readonly TIndicator[] = ROWS.map(
  ([code, nameVi, nameEn, unit, aliases, options]) => ({
    code,
    area: code.split('.')[0] as TReformArea,
    nameVi,
    nameEn,
    unit,
    direction: options?.direction ?? 'higher_better',
    precision: options?.precision ?? defaultPrecision(unit),
    aliases,
    isIndex: options?.isIndex ?? false,
  }),
);

function defaultPrecision(unit: TIndicatorUnit): number {
  switch (unit) {
    case 'percent':
      return 1;
    case 'score':
      return 2;
    case 'count':
    case 'level':
    case 'rank':
    case 'bool':
      return 0;
  }
}

const BY_CODE = new Map(INDICATOR_CATALOG.map((indicator) => [indicator.code, indicator]));

export function findIndicator(code: string): TIndicator | undefined {
  return BY_CODE.get(code);
}

export const REFORM_AREA_NAMES_VI: Record<TReformArea, string> = {
  CDDH: 'Chỉ đạo, điều hành',
  THCH: 'Cải cách thể chế',
  TTHC: 'Cải cách thủ tục hành chính',
  TCBM: 'Cải cách tổ chức bộ máy',
  CVU: 'Cải cách chế độ công vụ',
  TCCO: 'Cải cách tài chính công',
  CQS: 'Xây dựng, phát triển chính quyền điện tử, chính quyền số',
};
