import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { DocumentView } from './document.store.js';
import { viDate } from '../calendar/civil-date.js';

const FONTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/fonts');

interface Column {
  title: string;
  width: number;
  value: (d: DocumentView) => string;
}

const recipientsOf = (d: DocumentView) => d.recipients.map((r) => r.name).join('; ');

// Columns of the registers in NĐ 30/2020/NĐ-CP, Phụ lục IV (mẫu sổ đăng ký văn bản đến / đi).
const INCOMING: Column[] = [
  { title: 'Số đến', width: 45, value: (d) => String(d.arrivalNumber ?? '') },
  { title: 'Ngày đến', width: 60, value: (d) => viDate(d.arrivalDate) },
  { title: 'Tác giả', width: 130, value: (d) => d.issuer.name },
  { title: 'Số, ký hiệu', width: 95, value: (d) => d.code ?? '' },
  { title: 'Ngày tháng', width: 60, value: (d) => viDate(d.issuedDate) },
  { title: 'Tên loại và trích yếu nội dung', width: 250, value: (d) => `${d.typeName}: ${d.subject}` },
  { title: 'Đơn vị hoặc người nhận', width: 90, value: () => '' },
  { title: 'Ghi chú', width: 55, value: (d) => (d.status === 'recalled' ? 'Thu hồi' : d.duplicateOf ? 'Trùng' : '') },
];

const OUTGOING: Column[] = [
  { title: 'Số, ký hiệu', width: 95, value: (d) => d.code ?? '' },
  { title: 'Ngày tháng', width: 60, value: (d) => viDate(d.issuedDate) },
  { title: 'Tên loại và trích yếu nội dung', width: 260, value: (d) => `${d.typeName}: ${d.subject}` },
  { title: 'Người ký', width: 110, value: (d) => [d.signer.form, d.signer.name].filter(Boolean).join(' ') },
  { title: 'Nơi nhận', width: 150, value: recipientsOf },
  { title: 'Ghi chú', width: 110, value: (d) => ({ cancelled: 'Hủy số', recalled: 'Thu hồi' })[d.status] ?? '' },
];

/** Renders the yearly register as an A4 landscape PDF in Times-metric Liberation Serif. */
export function registerPdf(
  direction: 'in' | 'out',
  year: number,
  organ: string,
  rows: DocumentView[],
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 40, bottom: 40, left: 40, right: 40 },
  });
  doc.registerFont('serif', path.join(FONTS, 'LiberationSerif-Regular.ttf'));
  doc.registerFont('serif-bold', path.join(FONTS, 'LiberationSerif-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const cols = direction === 'in' ? INCOMING : OUTGOING;
  const left = doc.page.margins.left;

  doc.font('serif-bold').fontSize(13).text(organ.toUpperCase(), { align: 'left' });
  doc.moveDown(0.5);
  doc.fontSize(16).text(direction === 'in' ? 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN' : 'SỔ ĐĂNG KÝ VĂN BẢN ĐI', { align: 'center' });
  doc.font('serif').fontSize(13).text(`Năm ${year}`, { align: 'center' });
  doc.moveDown(0.8);

  const header = () => {
    let x = left;
    const y = doc.y;
    doc.font('serif-bold').fontSize(10);
    const h = Math.max(...cols.map((c) => doc.heightOfString(c.title, { width: c.width - 6 }))) + 8;
    for (const c of cols) {
      doc.rect(x, y, c.width, h).stroke();
      doc.text(c.title, x + 3, y + 4, { width: c.width - 6, align: 'center' });
      x += c.width;
    }
    doc.y = y + h;
  };
  header();
  doc.font('serif').fontSize(10);
  for (const r of rows) {
    const values = cols.map((c) => c.value(r));
    const h = Math.max(14, ...values.map((v, i) => doc.heightOfString(v, { width: cols[i]!.width - 6 }))) + 6;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      header();
      doc.font('serif').fontSize(10);
    }
    let x = left;
    const y = doc.y;
    values.forEach((v, i) => {
      doc.rect(x, y, cols[i]!.width, h).stroke();
      doc.text(v, x + 3, y + 3, { width: cols[i]!.width - 6 });
      x += cols[i]!.width;
    });
    doc.y = y + h;
  }
  if (!rows.length) doc.text('Chưa có văn bản nào trong năm.', left, doc.y + 8);
  doc.end();
  return done;
}
