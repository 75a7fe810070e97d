import type { OrgSnapshot, Ref } from './engine.js';

/**
 * Who signs an outgoing document, by type and field: the province's working rules (Quy chế làm
 * việc của UBND tỉnh) as data. Signing forms per NĐ 30/2020/NĐ-CP, Điều 13: a Vice Chairman
 * signs "KT. CHỦ TỊCH" in his fields; the Chairman signs "TM. ỦY BAN NHÂN DÂN" for the collective;
 * the Chánh Văn phòng signs "TL. CHỦ TỊCH" where the working rules allow.
 */
export interface SigningRule {
  id: string;
  name: string;
  issuerLevels: string[];
  types: string[];
  legalNormative?: boolean;
  signer: 'chairman' | 'vice_chairman_by_field' | 'office_chief';
  form: '' | 'TM.' | 'KT.' | 'TL.';
}

export const DEMO_SIGNING: SigningRule[] = [
  {
    id: 'qppl',
    name: 'Văn bản quy phạm pháp luật của UBND tỉnh: Chủ tịch ký thay mặt UBND',
    issuerLevels: ['province'],
    types: ['QĐ', 'CT'],
    legalNormative: true,
    signer: 'chairman',
    form: 'TM.',
  },
  {
    id: 'tl-van-phong',
    name: 'Thông báo kết luận, giấy mời, phiếu chuyển: Chánh Văn phòng ký thừa lệnh',
    issuerLevels: ['province'],
    types: ['TB', 'GM', 'GGT', 'PC'],
    signer: 'office_chief',
    form: 'TL.',
  },
  {
    id: 'kt-pct',
    name: 'Văn bản trong lĩnh vực được phân công: Phó Chủ tịch ký thay Chủ tịch',
    issuerLevels: ['province'],
    types: [],
    signer: 'vice_chairman_by_field',
    form: 'KT.',
  },
  {
    id: 'van-phong',
    name: 'Văn bản của Văn phòng: Chánh Văn phòng ký',
    issuerLevels: ['office'],
    types: [],
    signer: 'office_chief',
    form: '',
  },
];

export interface OutgoingPlan {
  signer: (Ref & { form: string; rule: string; reason: string }) | null;
  reviewers: (Ref & { step: string })[];
  recipientGroups: { id: string; name: string; unitIds: string[] }[];
}

export interface OutgoingFacts {
  type: string;
  fields: string[];
  issuerLevel: string;
  legalNormative: boolean;
}

export interface OutgoingOrg {
  snapshot: OrgSnapshot;
  officeChief: Ref | null;
  /** Head of the Office department that follows each field. */
  departmentHeadByField: ReadonlyMap<string, Ref>;
  areas: { code: string; name: string; communeIds: string[] }[];
  agenciesByField: ReadonlyMap<string, { id: string; name: string }[]>;
  allAgencyIds: string[];
}

export function planOutgoing(rules: SigningRule[], f: OutgoingFacts, org: OutgoingOrg): OutgoingPlan {
  let signer: OutgoingPlan['signer'] = null;
  for (const r of rules) {
    if (!r.issuerLevels.includes(f.issuerLevel)) continue;
    if (r.types.length && !r.types.includes(f.type)) continue;
    if (r.legalNormative !== undefined && r.legalNormative !== f.legalNormative) continue;
    const person =
      r.signer === 'chairman'
        ? org.snapshot.chairman
        : r.signer === 'office_chief'
          ? org.officeChief
          : (f.fields.map((x) => org.snapshot.leaderByField.get(x)).find(Boolean) ?? org.snapshot.chairman);
    if (!person) continue;
    // The Chairman keeps some fields: in them he signs himself, not "KT.".
    const form = r.signer === 'vice_chairman_by_field' && person.id === org.snapshot.chairman?.id ? '' : r.form;
    signer = { ...person, form, rule: r.id, reason: r.name };
    break;
  }
  const reviewers: OutgoingPlan['reviewers'] = [];
  const head = f.fields.map((x) => org.departmentHeadByField.get(x)).find(Boolean);
  if (head) reviewers.push({ ...head, step: 'content' });
  if (org.officeChief && org.officeChief.id !== signer?.id) reviewers.push({ ...org.officeChief, step: 'format' });
  const groups: OutgoingPlan['recipientGroups'] = org.areas.map((a) => ({
    id: `area:${a.code}`,
    name: `Các xã, phường thuộc ${a.name}`,
    unitIds: a.communeIds,
  }));
  groups.push({ id: 'communes:all', name: 'Tất cả UBND cấp xã', unitIds: org.areas.flatMap((a) => a.communeIds) });
  for (const field of f.fields) {
    const ag = org.agenciesByField.get(field) ?? [];
    if (ag.length)
      groups.push({ id: `field:${field}`, name: `Cơ quan chuyên môn lĩnh vực ${field}`, unitIds: ag.map((x) => x.id) });
  }
  groups.push({ id: 'agencies:all', name: 'Các sở, ban, ngành tỉnh', unitIds: org.allAgencyIds });
  return { signer, reviewers, recipientGroups: groups };
}
