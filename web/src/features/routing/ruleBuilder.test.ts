import { describe, expect, it } from 'vitest';
import type { Policy } from '../../api/types';
import vi from '../../i18n/vi';
import {
  buildRule,
  EMPTY_RULE,
  insertRule,
  parsePolicy,
  policyText,
  samePolicy,
  validateRuleDraft,
} from './ruleBuilder';
import { describeAction, describeCondition, type SummaryVocab } from './summary';

const msg = {
  idInvalid: 'id',
  idTaken: (id: string) => `taken ${id}`,
  nameRequired: 'name',
  actionRequired: 'action',
  deadline: 'deadline',
};

const policy: Policy = {
  rules: [
    { id: 'a', name: 'A', when: { always: true }, then: [{ setFlow: 'HANDLE_IN_OFFICE' }] },
    { id: 'b', name: 'B', when: { always: true }, then: [{ setFlow: 'FOR_INFORMATION' }] },
  ],
  keywords: { Y_TE: ['y tế'] },
};

describe('rule builder', () => {
  it('builds the health-report rule of the seed scenario', () => {
    const rule = buildRule({
      ...EMPTY_RULE,
      id: ' bao-cao-y-te ',
      name: 'Báo cáo y tế trình lãnh đạo',
      field: ['Y_TE'],
      requestKind: ['bao_cao'],
      flow: 'SUBMIT_TO_LEADER',
    });
    expect(rule).toEqual({
      id: 'bao-cao-y-te',
      name: 'Báo cáo y tế trình lãnh đạo',
      when: { all: [{ field: ['Y_TE'] }, { requestKind: ['bao_cao'] }] },
      then: [{ setFlow: 'SUBMIT_TO_LEADER' }],
    });
  });
  it('uses a single condition as is, none as always, and every chosen action', () => {
    expect(buildRule({ ...EMPTY_RULE, id: 'x', name: 'X', hasAdvice: 'no', flag: 'F' }).when).toEqual({
      hasAdvice: false,
    });
    const r = buildRule({
      ...EMPTY_RULE,
      id: 'x',
      name: 'X',
      textHas: [' ngân sách ', ''],
      senderLevel: ['commune'],
      leadAgency: 'competent',
      deadlineAmount: 7,
      deadlineUnit: 'calendar_days',
      flag: 'COMMUNE_NO_ADVICE',
      stop: true,
    });
    expect(r.when).toEqual({ all: [{ senderLevel: ['commune'] }, { textHas: ['ngân sách'] }] });
    expect(r.then).toEqual([
      { setLeadAgency: 'competent' },
      { setDeadline: { amount: 7, unit: 'calendar_days' } },
      { addFlag: 'COMMUNE_NO_ADVICE' },
    ]);
    expect(r.stop).toBe(true);
    expect(buildRule({ ...EMPTY_RULE, id: 'x', name: 'X', flow: 'FOR_INFORMATION' }).when).toEqual({ always: true });
  });
  it('checks the id, the name and that something happens', () => {
    expect(validateRuleDraft({ ...EMPTY_RULE, id: 'Bao cao' }, [], msg)).toEqual({
      id: 'id',
      name: 'name',
      actions: 'action',
    });
    expect(validateRuleDraft({ ...EMPTY_RULE, id: 'a', name: 'A', flow: 'X' }, ['a'], msg)).toEqual({
      id: 'taken a',
    });
    expect(validateRuleDraft({ ...EMPTY_RULE, id: 'c', name: 'C', deadlineAmount: 400 }, [], msg)).toEqual({
      deadlineAmount: 'deadline',
    });
  });
  it('inserts at the chosen position', () => {
    const rule = buildRule({ ...EMPTY_RULE, id: 'new', name: 'N', flow: 'SUBMIT_TO_LEADER' });
    expect(insertRule(policy, rule, 0).rules.map((r) => r.id)).toEqual(['new', 'a', 'b']);
    expect(insertRule(policy, rule, 1).rules.map((r) => r.id)).toEqual(['a', 'new', 'b']);
    expect(insertRule(policy, rule, 99).rules.map((r) => r.id)).toEqual(['a', 'b', 'new']);
    expect(policy.rules).toHaveLength(2);
  });
  it('reads the editor text', () => {
    expect(parsePolicy(policyText(policy))).toEqual({ ok: true, policy });
    expect(parsePolicy('{"rules": [}')).toMatchObject({ ok: false, error: 'syntax' });
    expect(parsePolicy('[]')).toMatchObject({ ok: false, error: 'shape' });
    expect(parsePolicy('{"rules": []}')).toEqual({ ok: true, policy: { rules: [], keywords: {} } });
    expect(samePolicy(JSON.stringify(policy), policy)).toBe(true);
    // The server's JSONB sorts keys; the editor shows them in reading order and sees no change.
    const sorted = { keywords: policy.keywords, rules: [{ then: [], name: 'A', id: 'a', when: { always: true } }] };
    expect(policyText(sorted as unknown as Policy).indexOf('"id"')).toBeLessThan(
      policyText(sorted as unknown as Policy).indexOf('"then"'),
    );
    expect(samePolicy(policyText(sorted as unknown as Policy), sorted as unknown as Policy)).toBe(true);
    expect(samePolicy(policyText(insertRule(policy, policy.rules[0]!, 0)), policy)).toBe(false);
  });
});

/** The Vietnamese vocabulary straight from the message file. */
const vocab: SummaryVocab = {
  phrase: (key, vars) =>
    Object.entries(vars ?? {}).reduce((s, [k, v]) => s.replace(`{{${k}}}`, String(v)), vi.summary[key]),
  flow: (c) => vi.flow[c as keyof typeof vi.flow] ?? c,
  senderLevel: (c) => vi.senderLevel[c as keyof typeof vi.senderLevel] ?? c,
  requestKind: (c) => vi.requestKind[c as keyof typeof vi.requestKind] ?? c,
  competence: (c) => vi.competence[c as keyof typeof vi.competence] ?? c,
  field: (c) => (c === 'Y_TE' ? 'Y tế' : c),
  flag: (c) => vi.flag[c as keyof typeof vi.flag] ?? c,
  unit: (c) => (c === 'SYT' ? 'Sở Y tế' : c),
  urgency: (n) => vi.urgency[String(n) as keyof typeof vi.urgency],
  secrecy: (n) => vi.secrecy[String(n) as keyof typeof vi.secrecy],
};

describe('summaries in Vietnamese', () => {
  it('describes conditions', () => {
    expect(describeCondition({ always: true }, vocab)).toBe('Mọi văn bản');
    expect(
      describeCondition(
        {
          all: [
            { senderLevel: ['commune'] },
            { requestKind: ['de_nghi', 'xin_chu_truong'] },
            { any: [{ hasAdvice: false }, { not: { field: ['Y_TE'] } }] },
          ],
        },
        vocab,
      ),
    ).toBe(
      'Cơ quan gửi là UBND cấp xã và loại yêu cầu: đề nghị hoặc xin chủ trương và (chưa có ý kiến tham mưu hoặc không (lĩnh vực Y tế))',
    );
    expect(describeCondition({ urgencyAtLeast: 3 }, vocab)).toBe('Độ khẩn từ Hỏa tốc trở lên');
    expect(describeCondition({ textHas: ['dịch bệnh'] }, vocab)).toBe('Có cụm từ «dịch bệnh»');
    expect(describeCondition({ competence: ['commune'] }, vocab)).toBe('Thẩm quyền thuộc UBND cấp xã');
    expect(describeCondition({ senderUnit: ['SYT'] }, vocab)).toBe('Cơ quan gửi: Sở Y tế');
  });
  it('describes actions', () => {
    expect(describeAction({ setFlow: 'SUBMIT_TO_LEADER' }, vocab)).toBe('Luồng: Trình lãnh đạo UBND tỉnh');
    expect(describeAction({ setDeadline: { amount: 7, unit: 'working_days' } }, vocab)).toBe('Hạn: 7 ngày làm việc');
    expect(describeAction({ setLeadAgency: 'competent' }, vocab)).toBe(
      'Cơ quan chủ trì: cơ quan có thẩm quyền tham mưu',
    );
    expect(describeAction({ setLeadAgency: 'SYT' }, vocab)).toBe('Cơ quan chủ trì: Sở Y tế');
    expect(describeAction({ addFlag: 'COMMUNE_NO_ADVICE' }, vocab)).toBe(
      'Cảnh báo: Chưa có ý kiến tham mưu (COMMUNE_NO_ADVICE)',
    );
    expect(describeAction({ addFlag: 'MY_FLAG' }, vocab)).toBe('Cảnh báo: MY_FLAG');
    expect(describeAction({ setLeader: 'chairman' }, vocab)).toBe('Lãnh đạo: Chủ tịch UBND tỉnh');
  });
});
