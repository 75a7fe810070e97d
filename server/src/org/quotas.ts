export interface QuotaFigures {
  approvedCivil: number;
  approvedPublic: number;
  actualCivil: number;
  actualPublic: number;
}

/**
 * A unit is over quota when either headcount exceeds what was approved for it: the
 * civil-servant quota (Luật Cán bộ, công chức; NĐ 62/2020) and the public-employee quota
 * (NĐ 106/2020) are approved separately and cannot be offset against each other.
 */
export function isOverQuota(q: QuotaFigures): boolean {
  return q.actualCivil > q.approvedCivil || q.actualPublic > q.approvedPublic;
}
