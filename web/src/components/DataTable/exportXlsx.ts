import * as XLSX from 'xlsx-js-style';
import { cellText } from './logic';
import type { CellValue } from './types';

const border = {
  top: { style: 'thin', color: { rgb: 'BFBFBF' } },
  bottom: { style: 'thin', color: { rgb: 'BFBFBF' } },
  left: { style: 'thin', color: { rgb: 'BFBFBF' } },
  right: { style: 'thin', color: { rgb: 'BFBFBF' } },
};

const headerStyle = {
  font: { bold: true, color: { rgb: 'FFFFFF' }, name: 'Times New Roman', sz: 12 },
  fill: { patternType: 'solid', fgColor: { rgb: '1C7ED6' } },
  alignment: { horizontal: 'center', vertical: 'center', wrapText: true },
  border,
};

const bodyStyle = {
  font: { name: 'Times New Roman', sz: 12 },
  alignment: { vertical: 'top', wrapText: true },
  border,
};

/** Writes a styled one-sheet workbook and triggers the browser download. */
export function exportXlsx(opts: {
  fileName: string;
  sheetName: string;
  headers: string[];
  rows: CellValue[][];
  title?: string;
}): void {
  const aoa: (string | number)[][] = [];
  if (opts.title) aoa.push([opts.title], []);
  const headerRow = aoa.length;
  aoa.push(opts.headers);
  for (const r of opts.rows) aoa.push(r.map((v) => (typeof v === 'number' ? v : cellText(v))));

  const ws = XLSX.utils.aoa_to_sheet(aoa);
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
  for (let r = headerRow; r <= range.e.r; r++) {
    for (let c = 0; c <= range.e.c; c++) {
      const ref = XLSX.utils.encode_cell({ r, c });
      const cell = ws[ref] as (XLSX.CellObject & { s?: unknown }) | undefined;
      if (cell) cell.s = r === headerRow ? headerStyle : bodyStyle;
    }
  }
  if (opts.title) {
    const cell = ws['A1'] as (XLSX.CellObject & { s?: unknown }) | undefined;
    if (cell) cell.s = { font: { bold: true, sz: 14, name: 'Times New Roman' } };
  }
  ws['!cols'] = opts.headers.map((h, i) => {
    const longest = Math.max(h.length, ...opts.rows.map((r) => cellText(r[i]).length));
    return { wch: Math.min(60, Math.max(8, longest + 2)) };
  });

  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, opts.sheetName.slice(0, 31));
  const name = opts.fileName.endsWith('.xlsx') ? opts.fileName : `${opts.fileName}.xlsx`;
  XLSX.writeFile(wb, name);
}
