/**
 * The demo province: Quảng Ngãi after the 1/7/2025 reform (merged with Kon Tum). Leaders'
 * and staff names are fictional. Agencies follow the 2025 restructuring (NĐ 45/2025/NĐ-CP on
 * specialised agencies of provincial PPCs). Identifiers (mã định danh, QĐ 20/2020/QĐ-TTg) are
 * illustrative and editable by an administrator.
 */
export const PROVINCE = {
  code: '51',
  name: 'Ủy ban nhân dân tỉnh Quảng Ngãi',
  shortName: 'UBND',
  orgId: '000.00.00.H53',
};

export const FIELDS: [code: string, name: string, nameEn: string][] = [
  ['TAI_CHINH', 'Tài chính, ngân sách', 'Finance and budget'],
  ['DAU_TU', 'Kế hoạch, đầu tư', 'Planning and investment'],
  ['DOANH_NGHIEP', 'Doanh nghiệp, môi trường kinh doanh', 'Businesses and business climate'],
  ['DAT_DAI', 'Đất đai', 'Land'],
  ['MOI_TRUONG', 'Tài nguyên, môi trường', 'Natural resources and environment'],
  ['NONG_NGHIEP', 'Nông nghiệp, nông thôn', 'Agriculture and rural development'],
  ['XAY_DUNG', 'Xây dựng, đô thị', 'Construction and urban affairs'],
  ['GIAO_THONG', 'Giao thông vận tải', 'Transport'],
  ['CONG_THUONG', 'Công thương', 'Industry and trade'],
  ['Y_TE', 'Y tế', 'Health'],
  ['GIAO_DUC', 'Giáo dục và đào tạo', 'Education and training'],
  ['VAN_HOA', 'Văn hóa, thể thao, du lịch', 'Culture, sports and tourism'],
  ['KHCN', 'Khoa học, công nghệ, chuyển đổi số', 'Science, technology and digital transformation'],
  ['NOI_VU', 'Nội vụ, tổ chức bộ máy, biên chế', 'Home affairs, organisation and staffing'],
  ['LAO_DONG', 'Lao động, người có công, xã hội', 'Labour, veterans and social affairs'],
  ['TU_PHAP', 'Tư pháp', 'Justice'],
  ['THANH_TRA', 'Thanh tra, khiếu nại, tố cáo', 'Inspection, complaints and denunciations'],
  ['NOI_CHINH', 'Quốc phòng, an ninh, nội chính', 'Defence, security and internal affairs'],
  ['DAN_TOC', 'Dân tộc, tôn giáo', 'Ethnic minorities and religion'],
  ['NGOAI_VU', 'Ngoại vụ', 'Foreign affairs'],
];

/** Groups of communes that a Vice Chairman follows (địa bàn), by the former districts. */
export const AREAS: { code: string; name: string; nameEn: string; codeRanges: [number, number][] }[] = [
  {
    code: 'KV1',
    name: 'Khu vực đồng bằng phía Bắc',
    nameEn: 'Northern lowlands',
    codeRanges: [
      [21025, 21109],
      [21172, 21250],
    ],
  },
  {
    code: 'KV2',
    name: 'Khu vực đồng bằng phía Nam và đặc khu Lý Sơn',
    nameEn: 'Southern lowlands and Lý Sơn',
    codeRanges: [
      [21364, 21478],
      [21548, 21548],
    ],
  },
  {
    code: 'KV3',
    name: 'Khu vực miền núi phía Tây',
    nameEn: 'Western highlands',
    codeRanges: [
      [21115, 21157],
      [21289, 21361],
      [21484, 21538],
    ],
  },
  { code: 'KV4', name: 'Khu vực Kon Tum', nameEn: 'Kon Tum area', codeRanges: [[23000, 23999]] },
];

export interface SeedUnit {
  code: string;
  name: string;
  shortName: string;
  level: 'office' | 'department' | 'agency';
  type: string;
  parent: string; // code of the parent unit
  orgId?: string;
  fields?: string[];
  /** Staffing quota 2026: approved civil, approved public, actual civil, actual public. */
  quota?: [number, number, number, number];
}

export const UNITS: SeedUnit[] = [
  {
    code: 'VP',
    name: 'Văn phòng UBND tỉnh',
    shortName: 'VP',
    level: 'office',
    type: 'Văn phòng',
    parent: '51',
    orgId: '000.00.31.H53',
    quota: [68, 42, 66, 40],
  },
  {
    code: 'VP-TH',
    name: 'Phòng Tổng hợp',
    shortName: 'TH',
    level: 'department',
    type: 'Phòng',
    parent: 'VP',
    fields: ['NOI_VU', 'THANH_TRA'],
  },
  {
    code: 'VP-KTTH',
    name: 'Phòng Kinh tế tổng hợp',
    shortName: 'KTTH',
    level: 'department',
    type: 'Phòng',
    parent: 'VP',
    fields: ['TAI_CHINH', 'DAU_TU', 'DOANH_NGHIEP', 'CONG_THUONG'],
  },
  {
    code: 'VP-KTN',
    name: 'Phòng Kinh tế ngành',
    shortName: 'KTN',
    level: 'department',
    type: 'Phòng',
    parent: 'VP',
    fields: ['DAT_DAI', 'MOI_TRUONG', 'NONG_NGHIEP', 'XAY_DUNG', 'GIAO_THONG'],
  },
  {
    code: 'VP-KGVX',
    name: 'Phòng Khoa giáo - Văn xã',
    shortName: 'KGVX',
    level: 'department',
    type: 'Phòng',
    parent: 'VP',
    fields: ['Y_TE', 'GIAO_DUC', 'VAN_HOA', 'KHCN', 'LAO_DONG', 'DAN_TOC'],
  },
  {
    code: 'VP-NC',
    name: 'Phòng Nội chính',
    shortName: 'NC',
    level: 'department',
    type: 'Phòng',
    parent: 'VP',
    fields: ['NOI_CHINH', 'TU_PHAP', 'NGOAI_VU'],
  },
  {
    code: 'VP-HCTC',
    name: 'Phòng Hành chính - Tổ chức',
    shortName: 'HCTC',
    level: 'department',
    type: 'Phòng',
    parent: 'VP',
  },
  {
    code: 'VP-QTTV',
    name: 'Phòng Quản trị - Tài vụ',
    shortName: 'QTTV',
    level: 'department',
    type: 'Phòng',
    parent: 'VP',
  },
  {
    code: 'VP-BTCD',
    name: 'Ban Tiếp công dân tỉnh',
    shortName: 'BTCD',
    level: 'department',
    type: 'Ban',
    parent: 'VP',
    fields: ['THANH_TRA'],
  },
  {
    code: 'VP-TTPVHCC',
    name: 'Trung tâm Phục vụ hành chính công tỉnh',
    shortName: 'TTPVHCC',
    level: 'department',
    type: 'Trung tâm',
    parent: 'VP',
  },
  {
    code: 'VP-CBTH',
    name: 'Trung tâm Công báo - Tin học',
    shortName: 'CBTH',
    level: 'department',
    type: 'Trung tâm',
    parent: 'VP',
    fields: ['KHCN'],
  },
  {
    code: 'STC',
    name: 'Sở Tài chính',
    shortName: 'STC',
    level: 'agency',
    type: 'Sở',
    parent: '51',
    orgId: '000.00.01.H53',
    fields: ['TAI_CHINH', 'DAU_TU', 'DOANH_NGHIEP'],
    quota: [95, 12, 93, 12],
  },
  {
    code: 'SXD',
    name: 'Sở Xây dựng',
    shortName: 'SXD',
    level: 'agency',
    type: 'Sở',
    parent: '51',
    orgId: '000.00.02.H53',
    fields: ['XAY_DUNG', 'GIAO_THONG'],
    quota: [88, 60, 84, 58],
  },
  {
    code: 'SNNMT',
    name: 'Sở Nông nghiệp và Môi trường',
    shortName: 'SNNMT',
    level: 'agency',
    type: 'Sở',
    parent: '51',
    orgId: '000.00.03.H53',
    fields: ['NONG_NGHIEP', 'DAT_DAI', 'MOI_TRUONG'],
    quota: [160, 420, 158, 415],
  },
  {
    code: 'SNV',
    name: 'Sở Nội vụ',
    shortName: 'SNV',
    level: 'agency',
    type: 'Sở',
    parent: '51',
    orgId: '000.00.04.H53',
    fields: ['NOI_VU', 'LAO_DONG'],
    quota: [78, 30, 79, 28],
  },
  {
    code: 'STP',
    name: 'Sở Tư pháp',
    shortName: 'STP',
    level: 'agency',
    type: 'Sở',
    parent: '51',
    orgId: '000.00.05.H53',
    fields: ['TU_PHAP'],
    quota: [32, 25, 31, 25],
  },
  {
    code: 'SYT',
    name: 'Sở Y tế',
    shortName: 'SYT',
    level: 'agency',
    type: 'Sở',
    parent: '51',
    orgId: '000.00.06.H53',
    fields: ['Y_TE'],
    quota: [55, 5400, 54, 5460],
  },
  {
    code: 'SGDDT',
    name: 'Sở Giáo dục và Đào tạo',
    shortName: 'SGDĐT',
    level: 'agency',
    type: 'Sở',
    parent: '51',
    orgId: '000.00.07.H53',
    fields: ['GIAO_DUC'],
    quota: [62, 9800, 60, 9650],
  },
  {
    code: 'SCT',
    name: 'Sở Công Thương',
    shortName: 'SCT',
    level: 'agency',
    type: 'Sở',
    parent: '51',
    orgId: '000.00.08.H53',
    fields: ['CONG_THUONG'],
    quota: [58, 20, 57, 19],
  },
  {
    code: 'SKHCN',
    name: 'Sở Khoa học và Công nghệ',
    shortName: 'SKHCN',
    level: 'agency',
    type: 'Sở',
    parent: '51',
    orgId: '000.00.09.H53',
    fields: ['KHCN'],
    quota: [45, 38, 44, 36],
  },
  {
    code: 'SVHTTDL',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    shortName: 'SVHTTDL',
    level: 'agency',
    type: 'Sở',
    parent: '51',
    orgId: '000.00.10.H53',
    fields: ['VAN_HOA'],
    quota: [48, 160, 48, 158],
  },
  {
    code: 'SDTTG',
    name: 'Sở Dân tộc và Tôn giáo',
    shortName: 'SDTTG',
    level: 'agency',
    type: 'Sở',
    parent: '51',
    orgId: '000.00.11.H53',
    fields: ['DAN_TOC'],
    quota: [30, 0, 29, 0],
  },
  {
    code: 'SNGV',
    name: 'Sở Ngoại vụ',
    shortName: 'SNgV',
    level: 'agency',
    type: 'Sở',
    parent: '51',
    orgId: '000.00.12.H53',
    fields: ['NGOAI_VU'],
    quota: [20, 4, 19, 4],
  },
  {
    code: 'TTT',
    name: 'Thanh tra tỉnh',
    shortName: 'TTr',
    level: 'agency',
    type: 'Thanh tra',
    parent: '51',
    orgId: '000.00.13.H53',
    fields: ['THANH_TRA'],
    quota: [40, 0, 42, 0],
  },
  {
    code: 'BQLKKT',
    name: 'Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp',
    shortName: 'BQLKKT',
    level: 'agency',
    type: 'Ban',
    parent: '51',
    orgId: '000.00.14.H53',
    fields: ['DAU_TU', 'DOANH_NGHIEP'],
    quota: [52, 30, 50, 30],
  },
];

export interface SeedUser {
  username: string;
  fullName: string;
  position: string;
  unit: string; // unit code
  roles: string[];
  clearance: number;
}

export const DEMO_USERS: SeedUser[] = [
  {
    username: 'chutich',
    fullName: 'Lê Minh Khang',
    position: 'Chủ tịch UBND tỉnh',
    unit: '51',
    roles: ['chairman'],
    clearance: 3,
  },
  {
    username: 'pct1',
    fullName: 'Trần Quốc Bảo',
    position: 'Phó Chủ tịch Thường trực UBND tỉnh',
    unit: '51',
    roles: ['vice_chairman'],
    clearance: 2,
  },
  {
    username: 'pct2',
    fullName: 'Phạm Thị Hồng Nhung',
    position: 'Phó Chủ tịch UBND tỉnh',
    unit: '51',
    roles: ['vice_chairman'],
    clearance: 2,
  },
  {
    username: 'pct3',
    fullName: 'Đỗ Văn Hải',
    position: 'Phó Chủ tịch UBND tỉnh',
    unit: '51',
    roles: ['vice_chairman'],
    clearance: 2,
  },
  {
    username: 'pct4',
    fullName: 'Võ Thanh Tùng',
    position: 'Phó Chủ tịch UBND tỉnh',
    unit: '51',
    roles: ['vice_chairman'],
    clearance: 2,
  },
  {
    username: 'chanhvp',
    fullName: 'Huỳnh Văn Thịnh',
    position: 'Chánh Văn phòng UBND tỉnh',
    unit: 'VP',
    roles: ['office_leader'],
    clearance: 2,
  },
  {
    username: 'truongphong',
    fullName: 'Nguyễn Thị Mai',
    position: 'Trưởng phòng Kinh tế tổng hợp',
    unit: 'VP-KTTH',
    roles: ['dept_head'],
    clearance: 1,
  },
  {
    username: 'chuyenvien',
    fullName: 'Lê Văn Phúc',
    position: 'Chuyên viên',
    unit: 'VP-KTTH',
    roles: ['specialist'],
    clearance: 0,
  },
  {
    username: 'vanthu',
    fullName: 'Trần Thị Lan',
    position: 'Văn thư',
    unit: 'VP-HCTC',
    roles: ['clerk'],
    clearance: 1,
  },
  {
    username: 'sotaichinh',
    fullName: 'Nguyễn Hữu Tài',
    position: 'Chuyên viên Văn phòng Sở',
    unit: 'STC',
    roles: ['agency_user'],
    clearance: 0,
  },
  {
    username: 'phuongcamthanh',
    fullName: 'Phạm Văn Cường',
    position: 'Chánh Văn phòng HĐND và UBND phường',
    unit: '21025',
    roles: ['commune_user'],
    clearance: 0,
  },
];

/** Assignment history: the first period after the reform, then the 2026 re-division of work. */
export const ASSIGNMENTS: {
  leader: string;
  from: string;
  to: string | null;
  fields: string[];
  areas: string[];
  agencies: string[];
}[] = [
  {
    leader: 'chutich',
    from: '2025-07-01',
    to: null,
    fields: ['NOI_VU', 'NOI_CHINH', 'THANH_TRA'],
    areas: [],
    agencies: ['SNV', 'TTT'],
  },
  {
    leader: 'pct1',
    from: '2025-07-01',
    to: '2025-12-31',
    fields: ['TAI_CHINH', 'DAU_TU', 'DOANH_NGHIEP', 'CONG_THUONG'],
    areas: ['KV1'],
    agencies: ['STC', 'SCT', 'BQLKKT'],
  },
  {
    leader: 'pct1',
    from: '2026-01-01',
    to: null,
    fields: ['TAI_CHINH', 'DAU_TU', 'DOANH_NGHIEP'],
    areas: ['KV1'],
    agencies: ['STC', 'BQLKKT'],
  },
  {
    leader: 'pct2',
    from: '2025-07-01',
    to: '2025-12-31',
    fields: ['Y_TE', 'GIAO_DUC', 'VAN_HOA', 'LAO_DONG', 'DAN_TOC'],
    areas: ['KV2'],
    agencies: ['SYT', 'SGDDT', 'SVHTTDL', 'SDTTG'],
  },
  {
    leader: 'pct2',
    from: '2026-01-01',
    to: null,
    fields: ['Y_TE', 'GIAO_DUC', 'VAN_HOA', 'LAO_DONG', 'DAN_TOC', 'KHCN'],
    areas: ['KV2'],
    agencies: ['SYT', 'SGDDT', 'SVHTTDL', 'SDTTG', 'SKHCN'],
  },
  {
    leader: 'pct3',
    from: '2025-07-01',
    to: '2025-12-31',
    fields: ['DAT_DAI', 'MOI_TRUONG', 'NONG_NGHIEP', 'KHCN'],
    areas: ['KV3'],
    agencies: ['SNNMT', 'SKHCN'],
  },
  {
    leader: 'pct3',
    from: '2026-01-01',
    to: null,
    fields: ['DAT_DAI', 'MOI_TRUONG', 'NONG_NGHIEP', 'CONG_THUONG'],
    areas: ['KV3'],
    agencies: ['SNNMT', 'SCT'],
  },
  {
    leader: 'pct4',
    from: '2025-07-01',
    to: null,
    fields: ['XAY_DUNG', 'GIAO_THONG', 'TU_PHAP', 'NGOAI_VU'],
    areas: ['KV4'],
    agencies: ['SXD', 'STP', 'SNGV'],
  },
];
