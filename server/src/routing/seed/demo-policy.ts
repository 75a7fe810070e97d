import type { CompetenceEntry } from '../facts.js';
import type { Policy } from '../policy.js';
import { DEMO_SIGNING } from '../outgoing-route.js';
import DEMO_KEYWORDS from './keywords.json' with { type: 'json' };

/**
 * The demo province's starting policy. Every rule is data an administrator edits; the legal
 * grounds are in each rule's name or the competence catalogue.
 */
export const DEMO_POLICY: Policy = {
  rules: [
    {
      id: 'hoa-toc',
      name: 'Văn bản hỏa tốc trình ngay (NĐ 30/2020, Điều 21 khoản 2)',
      when: { urgencyAtLeast: 3 },
      then: [
        { setFlow: 'SUBMIT_TO_LEADER' },
        { setDeadline: { amount: 1, unit: 'working_days' } },
        { addFlag: 'URGENT' },
      ],
    },
    {
      id: 'xa-tham-quyen',
      name: 'Kiểm soát văn bản cấp xã — thẩm quyền: việc thuộc thẩm quyền UBND cấp xã thì trả lại, hướng dẫn',
      when: { all: [{ senderLevel: ['commune'] }, { competence: ['commune'] }] },
      then: [
        { setFlow: 'RETURN_TO_SENDER' },
        { addFlag: 'COMMUNE_OWN_COMPETENCE' },
        { setDeadline: { amount: 3, unit: 'working_days' } },
      ],
      stop: true,
    },
    {
      id: 'xa-trinh-tu',
      name: 'Kiểm soát văn bản cấp xã — trình tự: đề nghị chưa có ý kiến cơ quan chuyên môn thì chuyển tham mưu trước (Thông báo kết luận 06/01/2026, mục 2)',
      when: {
        all: [
          { senderLevel: ['commune'] },
          { requestKind: ['de_nghi', 'xin_chu_truong', 'xin_y_kien'] },
          { hasAdvice: false },
        ],
      },
      then: [
        { setFlow: 'SEND_TO_AGENCY_FOR_ADVICE' },
        { setLeadAgency: 'competent' },
        { addFlag: 'COMMUNE_NO_ADVICE' },
        { setDeadline: { amount: 7, unit: 'working_days' } },
      ],
    },
    {
      id: 'tra-loi-van-ban',
      name: 'Văn bản trả lời văn bản của UBND tỉnh/Văn phòng: giao người đã xử lý',
      when: { isResponse: true },
      then: [{ setFlow: 'HANDLE_IN_OFFICE' }, { setDeadline: { amount: 5, unit: 'working_days' } }],
    },
    {
      id: 'moi-hop',
      name: 'Giấy mời họp: trình lãnh đạo bố trí lịch',
      when: { requestKind: ['moi_hop'] },
      then: [{ setFlow: 'SUBMIT_TO_LEADER' }, { setDeadline: { amount: 1, unit: 'working_days' } }],
    },
    {
      id: 'bao-cao-de-biet',
      name: 'Báo cáo, thông báo không có đề nghị: để biết, lưu',
      when: { requestKind: ['bao_cao', 'de_biet'] },
      then: [{ setFlow: 'FOR_INFORMATION' }],
    },
    {
      id: 'kien-nghi-doanh-nghiep',
      name: 'Kiến nghị của doanh nghiệp: chuyển cơ quan chuyên môn tham mưu, đôn đốc trả lời (Thông báo kết luận 06/01/2026, mục 4)',
      when: { senderLevel: ['business'] },
      then: [
        { setFlow: 'SEND_TO_AGENCY_FOR_ADVICE' },
        { setLeadAgency: 'competent' },
        { setDeadline: { amount: 10, unit: 'working_days' } },
      ],
    },
    {
      id: 'de-nghi-da-tham-muu',
      name: 'Đề nghị đã có ý kiến cơ quan chuyên môn, hoặc do cơ quan chuyên môn trình: trình lãnh đạo phụ trách',
      when: {
        all: [
          { requestKind: ['de_nghi', 'xin_chu_truong', 'xin_y_kien'] },
          { any: [{ hasAdvice: true }, { senderLevel: ['agency'] }] },
        ],
      },
      then: [{ setFlow: 'SUBMIT_TO_LEADER' }, { setDeadline: { amount: 7, unit: 'working_days' } }],
    },
    {
      id: 'de-nghi-chua-tham-muu',
      name: 'Đề nghị chưa có ý kiến cơ quan chuyên môn: chuyển tham mưu trước (Thông báo kết luận 06/01/2026, mục 2)',
      when: { all: [{ requestKind: ['de_nghi', 'xin_chu_truong'] }, { hasAdvice: false }] },
      then: [
        { setFlow: 'SEND_TO_AGENCY_FOR_ADVICE' },
        { setLeadAgency: 'competent' },
        { setDeadline: { amount: 7, unit: 'working_days' } },
      ],
    },
    {
      id: 'trung-uong',
      name: 'Văn bản của cơ quan trung ương: trình lãnh đạo phụ trách cho ý kiến chỉ đạo',
      when: { senderLevel: ['central'] },
      then: [{ setFlow: 'SUBMIT_TO_LEADER' }, { setDeadline: { amount: 10, unit: 'working_days' } }],
    },
    {
      id: 'mac-dinh',
      name: 'Còn lại: Văn phòng xử lý',
      when: { always: true },
      then: [{ setFlow: 'HANDLE_IN_OFFICE' }, { setDeadline: { amount: 10, unit: 'working_days' } }],
    },
  ],
  signing: DEMO_SIGNING,
  // Field keywords: the classifier's cold start (routing/classifier.ts), edited with the policy.
  keywords: DEMO_KEYWORDS,
};

const PPC = 'Luật Tổ chức chính quyền địa phương 2025, Điều 17 (nhiệm vụ, quyền hạn của UBND cấp tỉnh)';

/**
 * Starting competence catalogue after the 1/7/2025 decentralisation to communes. The bases are
 * the Office's reading and are data: its legal staff verify and correct them in the app.
 */
export const DEMO_CATALOGUE: Omit<CompetenceEntry, 'id'>[] = [
  {
    field: 'DAT_DAI',
    matter: [
      'cap giay chung nhan',
      'giay chung nhan quyen su dung dat',
      'dang ky bien dong',
      'giao dat cho ca nhan',
      'giao dat cho ho gia dinh',
      'chuyen muc dich su dung dat cua ho gia dinh',
      'chuyen muc dich su dung dat cua ca nhan',
      'hoa giai tranh chap dat dai',
    ],
    requestKinds: [],
    level: 'commune',
    adviceAgency: null,
    basis:
      'Luật Đất đai 2024, Điều 123 khoản 2, Điều 136; Nghị định 151/2025/NĐ-CP về phân định thẩm quyền của chính quyền địa phương 2 cấp trong lĩnh vực đất đai',
    guidance:
      'Việc giao đất, cho thuê đất, chuyển mục đích sử dụng đất, cấp giấy chứng nhận đối với cá nhân, hộ gia đình thuộc thẩm quyền của UBND cấp xã; đề nghị UBND xã giải quyết theo thẩm quyền, phối hợp Sở Nông nghiệp và Môi trường khi cần hướng dẫn nghiệp vụ.',
  },
  {
    field: 'DAT_DAI',
    matter: [],
    requestKinds: [],
    level: 'ppc',
    adviceAgency: 'SNNMT',
    basis: 'Luật Đất đai 2024, Điều 123 khoản 1 (UBND cấp tỉnh giao đất, cho thuê đất đối với tổ chức)',
    guidance: '',
  },
  {
    field: 'XAY_DUNG',
    matter: ['giay phep xay dung nha o rieng le', 'cap phep xay dung nha o', 'cap giay phep xay dung cho nha o'],
    requestKinds: [],
    level: 'commune',
    adviceAgency: null,
    basis:
      'Luật Xây dựng 2014 (sửa đổi 2020), Điều 103; quy định phân định thẩm quyền chính quyền địa phương 2 cấp từ 01/7/2025 (thẩm quyền của cấp huyện trước đây chuyển cho UBND cấp xã)',
    guidance:
      'Cấp giấy phép xây dựng nhà ở riêng lẻ thuộc thẩm quyền của UBND cấp xã; đề nghị UBND xã giải quyết theo thẩm quyền.',
  },
  { field: 'XAY_DUNG', matter: [], requestKinds: [], level: 'ppc', adviceAgency: 'SXD', basis: PPC, guidance: '' },
  { field: 'GIAO_THONG', matter: [], requestKinds: [], level: 'ppc', adviceAgency: 'SXD', basis: PPC, guidance: '' },
  {
    field: 'TAI_CHINH',
    matter: [],
    requestKinds: [],
    level: 'ppc',
    adviceAgency: 'STC',
    basis: 'Luật Ngân sách nhà nước 2025; ' + PPC,
    guidance: '',
  },
  {
    field: 'DAU_TU',
    matter: [],
    requestKinds: [],
    level: 'ppc',
    adviceAgency: 'STC',
    basis: 'Luật Đầu tư công 2024, Luật Đầu tư 2020; ' + PPC,
    guidance: '',
  },
  { field: 'DOANH_NGHIEP', matter: [], requestKinds: [], level: 'ppc', adviceAgency: 'STC', basis: PPC, guidance: '' },
  {
    field: 'MOI_TRUONG',
    matter: [],
    requestKinds: [],
    level: 'ppc',
    adviceAgency: 'SNNMT',
    basis: 'Luật Bảo vệ môi trường 2020; ' + PPC,
    guidance: '',
  },
  { field: 'NONG_NGHIEP', matter: [], requestKinds: [], level: 'ppc', adviceAgency: 'SNNMT', basis: PPC, guidance: '' },
  { field: 'CONG_THUONG', matter: [], requestKinds: [], level: 'ppc', adviceAgency: 'SCT', basis: PPC, guidance: '' },
  { field: 'Y_TE', matter: [], requestKinds: [], level: 'ppc', adviceAgency: 'SYT', basis: PPC, guidance: '' },
  {
    field: 'GIAO_DUC',
    matter: ['tuyen sinh lop 1', 'tuyen sinh lop 6', 'truong mam non', 'truong tieu hoc', 'truong trung hoc co so'],
    requestKinds: [],
    level: 'commune',
    adviceAgency: null,
    basis:
      'Luật Giáo dục 2019; Nghị định 142/2025/NĐ-CP về phân định thẩm quyền trong lĩnh vực giáo dục (quản lý trường mầm non, tiểu học, THCS thuộc UBND cấp xã)',
    guidance:
      'Quản lý, tuyển sinh trường mầm non, tiểu học, trung học cơ sở thuộc thẩm quyền UBND cấp xã; đề nghị UBND xã giải quyết, Sở Giáo dục và Đào tạo hướng dẫn chuyên môn.',
  },
  { field: 'GIAO_DUC', matter: [], requestKinds: [], level: 'ppc', adviceAgency: 'SGDDT', basis: PPC, guidance: '' },
  { field: 'VAN_HOA', matter: [], requestKinds: [], level: 'ppc', adviceAgency: 'SVHTTDL', basis: PPC, guidance: '' },
  { field: 'KHCN', matter: [], requestKinds: [], level: 'ppc', adviceAgency: 'SKHCN', basis: PPC, guidance: '' },
  { field: 'NOI_VU', matter: [], requestKinds: [], level: 'ppc', adviceAgency: 'SNV', basis: PPC, guidance: '' },
  {
    field: 'LAO_DONG',
    matter: ['tro cap xa hoi', 'bao tro xa hoi', 'xet duyet ho ngheo', 'ho can ngheo', 'tro cap hang thang'],
    requestKinds: [],
    level: 'commune',
    adviceAgency: null,
    basis:
      'Nghị định 20/2021/NĐ-CP về chính sách trợ giúp xã hội, Điều 8 (Chủ tịch UBND cấp xã quyết định trợ cấp xã hội hằng tháng)',
    guidance:
      'Trợ cấp xã hội, rà soát hộ nghèo thuộc thẩm quyền của UBND cấp xã; đề nghị UBND xã giải quyết theo thẩm quyền.',
  },
  { field: 'LAO_DONG', matter: [], requestKinds: [], level: 'ppc', adviceAgency: 'SNV', basis: PPC, guidance: '' },
  {
    field: 'TU_PHAP',
    matter: ['chung thuc', 'ho tich', 'dang ky khai sinh', 'dang ky ket hon', 'dang ky khai tu'],
    requestKinds: [],
    level: 'commune',
    adviceAgency: null,
    basis: 'Luật Hộ tịch 2014, Điều 7 khoản 1; Nghị định 23/2015/NĐ-CP về chứng thực, Điều 5',
    guidance:
      'Đăng ký hộ tịch, chứng thực thuộc thẩm quyền của UBND cấp xã; đề nghị UBND xã giải quyết theo thẩm quyền.',
  },
  { field: 'TU_PHAP', matter: [], requestKinds: [], level: 'ppc', adviceAgency: 'STP', basis: PPC, guidance: '' },
  {
    field: 'THANH_TRA',
    matter: [],
    requestKinds: [],
    level: 'ppc',
    adviceAgency: 'TTT',
    basis: 'Luật Khiếu nại 2011, Luật Tố cáo 2018, Luật Tiếp công dân 2013',
    guidance: '',
  },
  {
    field: 'NOI_CHINH',
    matter: [],
    requestKinds: [],
    level: 'chairman',
    adviceAgency: null,
    basis: 'Luật Quốc phòng 2018, Luật An ninh quốc gia 2004; Chủ tịch UBND tỉnh trực tiếp phụ trách',
    guidance: '',
  },
  { field: 'DAN_TOC', matter: [], requestKinds: [], level: 'ppc', adviceAgency: 'SDTTG', basis: PPC, guidance: '' },
  { field: 'NGOAI_VU', matter: [], requestKinds: [], level: 'ppc', adviceAgency: 'SNGV', basis: PPC, guidance: '' },
];
