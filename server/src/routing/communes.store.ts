import type { Queryable } from '../platform/db.js';
import type { Viewer } from '../documents/access.js';
import { visibleSql } from '../documents/access.js';
import { lastMonths } from '../calendar/civil-date.js';

/**
 * "Tình hình cơ sở": per commune PPC, what it sent in the window and how it was routed. Counts
 * respect the viewer's clearance like every list.
 */
export async function communesOverview(q: Queryable, v: Viewer, today: string, months: number) {
  const labels = lastMonths(today, months);
  const p: unknown[] = [`${labels[0]}-01`, v.orgUnitId];
  const vis = visibleSql(v, p);
  const rows = await q.query<{
    id: string;
    code: string;
    name: string;
    area_code: string | null;
    month: string | null;
    flow: string | null;
    field_code: string | null;
    n: number;
  }>(
    `SELECT u.id, u.code, u.name, u.area_code, to_char(d.arrival_date, 'YYYY-MM') AS month, d.route_flow AS flow,
       d.route_field_code AS field_code,
       count(d.id)::int AS n
     FROM units u
     LEFT JOIN documents d ON d.issuer_unit_id = u.id AND d.direction = 'in' AND d.arrival_date >= $1::date
       AND d.register_unit_id = $2 AND ${vis}
     WHERE u.level = 'commune'
     GROUP BY u.id, u.code, u.name, u.area_code, month, d.route_flow, d.route_field_code`,
    p,
  );
  const by = new Map<
    string,
    {
      unitId: string;
      code: string;
      name: string;
      areaCode: string | null;
      total: number;
      returned: number;
      advice: number;
      fields: Map<string, number>;
      trend: number[];
    }
  >();
  for (const r of rows) {
    let c = by.get(r.id);
    if (!c) {
      c = {
        unitId: r.id,
        code: r.code,
        name: r.name,
        areaCode: r.area_code,
        total: 0,
        returned: 0,
        advice: 0,
        fields: new Map(),
        trend: labels.map(() => 0),
      };
      by.set(r.id, c);
    }
    if (!r.month || r.n === 0) continue;
    c.total += r.n;
    if (r.flow === 'RETURN_TO_SENDER') c.returned += r.n;
    if (r.flow === 'SEND_TO_AGENCY_FOR_ADVICE') c.advice += r.n;
    if (r.field_code) c.fields.set(r.field_code, (c.fields.get(r.field_code) ?? 0) + r.n);
    const i = labels.indexOf(r.month);
    if (i >= 0) c.trend[i]! += r.n;
  }
  const share = (a: number, t: number) => (t ? Math.round((a / t) * 1000) / 1000 : 0);
  const items = [...by.values()]
    .map((c) => ({
      unitId: c.unitId,
      code: c.code,
      name: c.name,
      areaCode: c.areaCode,
      total: c.total,
      returnedShare: share(c.returned, c.total),
      adviceShare: share(c.advice, c.total),
      topFields: [...c.fields.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([code, n]) => ({ code, n })),
      trend: c.trend,
    }))
    .sort((a, b) => b.total - a.total || a.code.localeCompare(b.code));
  return { months: labels, items };
}
