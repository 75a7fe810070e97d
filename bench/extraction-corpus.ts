/**
 * Rebuilds the extraction corpus in server/test/fixtures/documents/:
 *   NN-slug.txt            the document as text (several layouts: two columns typed with spaces,
 *                          stacked columns as PDF text tools give them, markdown-ish flat text)
 *   NN-slug.expected.json  ground truth of every field
 *   NN-slug.png (.p2.png)  a scan: HTML in the NĐ 30 layout → PDF (Chromium) → 150 dpi grey
 *                          PNG (pdftoppm) → mild rotation, specks, blur (ImageMagick)
 * plus a few files for the file-reading tests: digital PDFs with a text layer, an image-only
 * PDF, a password-protected PDF and a DOCX.
 *
 * Run: npx tsx bench/extraction-corpus.ts   (needs /usr/bin/chromium, pdftoppm, convert, qpdf)
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import * as prettier from 'prettier';
import { zipSync } from '../server/src/extraction/zip.ts';
import { CORPUS, type CorpusDoc } from './extraction-corpus-docs.ts';

const OUT = join(import.meta.dirname, '../server/test/fixtures/documents');
const SEED = join(import.meta.dirname, '../../shared/seed/thong-bao-ket-luan-2026-01-06.txt');
const TYPE_NAMES: Record<string, string> = {
  NQ: 'NGHỊ QUYẾT',
  QĐ: 'QUYẾT ĐỊNH',
  CT: 'CHỈ THỊ',
  QC: 'QUY CHẾ',
  TB: 'THÔNG BÁO',
  HD: 'HƯỚNG DẪN',
  CTr: 'CHƯƠNG TRÌNH',
  KH: 'KẾ HOẠCH',
  PA: 'PHƯƠNG ÁN',
  ĐA: 'ĐỀ ÁN',
  BC: 'BÁO CÁO',
  TTr: 'TỜ TRÌNH',
  CĐ: 'CÔNG ĐIỆN',
  GM: 'GIẤY MỜI',
  GGT: 'GIẤY GIỚI THIỆU',
};
const QH = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const TN = 'Độc lập - Tự do - Hạnh phúc';

// NĐ 30/2020, Phụ lục I, mục 4: days below 10 and months 1, 2 take a leading zero.
const dateLine = (d: CorpusDoc) =>
  `${d.place}, ngày ${String(d.date[0]).padStart(2, '0')} tháng ${d.date[1] <= 2 ? '0' + d.date[1] : d.date[1]} năm ${d.date[2]}`;
const code = (d: CorpusDoc) => `Số: ${d.number ?? '    '}/${d.year ? d.year + '/' : ''}${d.notation}`;
const stamps = (d: CorpusDoc): string[] => [d.urgency, d.secrecy].flatMap((s) => (s ? [s.toUpperCase()] : []));
const isoDate = (d: CorpusDoc) =>
  `${d.date[2]}-${String(d.date[1]).padStart(2, '0')}-${String(d.date[0]).padStart(2, '0')}`;

function center(s: string, width: number): string {
  const pad = Math.max(0, Math.floor((width - [...s].length) / 2));
  return ' '.repeat(pad) + s;
}
function columns(left: string[], right: string[], lw = 44): string[] {
  const n = Math.max(left.length, right.length);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const l = left[i] ? center(left[i]!, lw - 4) : '';
    const r = right[i] ? center(right[i]!, 48) : '';
    out.push(r ? l + ' '.repeat(Math.max(3, lw - [...l].length)) + r : l);
  }
  return out.map((s) => s.replace(/\s+$/, ''));
}

function recipientLines(d: CorpusDoc): string[] {
  return d.recipients.map((r, i) => `- ${r}${i === d.recipients.length - 1 ? '.' : ';'}`);
}
function signLines(d: CorpusDoc): string[] {
  return [...d.forms, ...(d.position ? [d.position] : []), '', '(Đã ký)', '', d.signer];
}

/** The document as text, in one of four layouts. */
function renderText(d: CorpusDoc): string {
  const organ = [...(d.parent ? [d.parent] : []), ...d.organ];
  const isCv = d.type === 'CV';
  const leftLow = [code(d), ...(isCv ? d.subject : []), ...stamps(d)];
  const out: string[] = [];
  const md = d.layout === 'flat';
  if (d.layout === 'columns') {
    const left = [...organ, '-------'];
    const right = [QH, TN, '---------------'];
    while (left.length < right.length) left.splice(left.length - 1, 0, '');
    while (right.length < left.length) right.push('');
    out.push(...columns([...left, ...leftLow], [...right, dateLine(d)]));
  } else if (d.layout === 'stacked') {
    out.push(...organ, '-------', ...leftLow, QH, TN, '---------------', dateLine(d));
  } else if (d.layout === 'right-first') {
    out.push(QH, TN, ...organ, code(d), dateLine(d), ...(isCv ? d.subject : []), ...stamps(d));
  } else {
    out.push(
      ...organ.map((o) => `**${o}**`),
      code(d),
      ...(isCv ? d.subject : []),
      ...stamps(d),
      '',
      `**${QH}**`,
      `**${TN}**`,
      '',
      `*${dateLine(d)}*`,
    );
  }
  out.push('');
  if (!isCv) {
    const t = TYPE_NAMES[d.type]!;
    out.push(md ? `**${t}**` : center(t, 88));
    if (md) out.push('');
    out.push(...d.subject.map((s) => (md ? s : center(s, 88))));
    if (!md) out.push(center('----------', 88));
    out.push('');
  }
  if (d.authority) out.push(...d.authority.map((a) => (md ? `**${a}**` : center(a, 88))), '');
  if (d.kinhGui) {
    if (d.kinhGui.length === 1) out.push(center(`Kính gửi: ${d.kinhGui[0]}`, 88));
    else out.push(center('Kính gửi:', 60), ...d.kinhGui.map((k) => ' '.repeat(28) + `- ${k}`));
    out.push('');
  }
  for (const p of d.body) {
    out.push(/^(QUYẾT ĐỊNH|QUYẾT NGHỊ):$/.test(p) ? center(p, 88) : md ? p : '    ' + p);
    if (md) out.push('');
  }
  out.push('');
  const nn = ['Nơi nhận:', ...recipientLines(d)];
  if (d.layout === 'columns') out.push(...columns(nn, ['', ...signLines(d)].slice(1), 50));
  else if (d.layout === 'stacked') out.push(...signLines(d).map((s) => (s ? center(s, 120) : '')), '', ...nn);
  else if (d.layout === 'right-first') out.push(...nn, '', ...signLines(d).map((s) => (s ? center(s, 120) : '')));
  else out.push(...nn, '', `**${[...d.forms, ...(d.position ? [d.position] : [])].join('\n')}**`, '', d.signer);
  let text = out.join('\n') + '\n';
  if (d.noisy) text = addNoise(text);
  return text;
}

/** Typical OCR damage: "S6:" for "Số:", lost diacritics, Icelandic eth for Đ, doubled spaces. */
function addNoise(text: string): string {
  const strip = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D');
  return text
    .replace(/Số: (\d+)\/(\S+)/, (_m, n: string, nota: string) => `S6: ${n} /${nota.replace(/Đ/g, 'Ð')}`)
    .replace(
      /ngày (\d+) tháng (\d+) năm (\d+)/,
      (_m, d: string, m: string, y: string) => `ngay  ${Number(d)} thang ${Number(m)} nam ${y}`,
    )
    .replace(/Nơi nhận:/, 'Noi nhan:')
    .replace(/^(\s*)(KT\. CHỦ TỊCH|PHÓ CHỦ TỊCH|CHÁNH VĂN PHÒNG)/gm, (_m, sp: string, s: string) => sp + strip(s))
    .replace(/ỦY BAN NHÂN DÂN/, 'UỶ  BAN NHÂN DÂN');
}

function expected(d: CorpusDoc) {
  return {
    issuer: d.expect.issuer,
    issuerParent: d.expect.issuerParent,
    number: d.number,
    notation: d.notation,
    place: d.expect.place === undefined ? d.place : d.expect.place,
    issuedDate: d.expect.issuedDate === undefined ? isoDate(d) : d.expect.issuedDate,
    type: d.type,
    subject: d.subject.join(' '),
    signingForm: d.forms.length ? d.forms.join(' / ') : null,
    signerPosition: d.expect.position,
    signerName: d.signer,
    recipients: d.recipients,
    referencedCodes: d.expect.refs,
    urgency: d.urgency ?? null,
    secrecy: d.secrecy ?? null,
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The document as HTML in the NĐ 30 layout (Phụ lục I): Times-metric serif, 13–14 pt. */
function renderHtml(d: CorpusDoc): string {
  const isCv = d.type === 'CV';
  const stamp = stamps(d)
    .map((s) => `<div class="stamp">${esc(s)}</div>`)
    .join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
  @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
  body { font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: 14pt; line-height: 1.25; margin: 0; color: #000; }
  table { border-collapse: collapse; width: 100%; }
  td { vertical-align: top; padding: 0; }
  .hdr td { text-align: center; font-size: 13pt; }
  .hdr .l { width: 40%; } .hdr .r { width: 60%; }
  .organ { font-weight: bold; } .qh { font-weight: bold; font-size: 12.5pt; } .tn { font-weight: bold; }
  hr { border: 0; border-top: 1px solid #000; margin: 2pt auto 6pt; }
  .short { width: 30%; } .mid { width: 55%; }
  .date { font-style: italic; margin-top: 6pt; }
  .vv { font-size: 12pt; margin-top: 2pt; }
  .stamp { display: inline-block; border: 2px solid #000; font-weight: bold; padding: 1pt 8pt; margin-top: 6pt; font-size: 13pt; }
  .type { text-align: center; font-weight: bold; margin-top: 18pt; }
  .subject { text-align: center; font-weight: bold; }
  .auth { text-align: center; font-weight: bold; margin-top: 10pt; }
  .kg { text-align: center; margin: 12pt 0; }
  p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt; }
  p.c { text-align: center; font-weight: bold; text-indent: 0; }
  .sig td { font-size: 13pt; }
  .nn { font-size: 11pt; } .nn b { font-size: 12pt; font-style: italic; }
  .sig .r { text-align: center; font-weight: bold; width: 55%; }
  .signed { font-weight: normal; font-style: italic; height: 60pt; padding-top: 12pt; }
  </style></head><body>
  <table class="hdr"><tr><td class="l">${d.parent ? `<div>${esc(d.parent)}</div>` : ''}<div class="organ">${d.organ.map(esc).join('<br>')}</div><hr class="short">
  <div>${esc(code(d))}</div>${isCv ? `<div class="vv">${d.subject.map(esc).join('<br>')}</div>` : ''}${stamp}</td>
  <td class="r"><div class="qh">${QH}</div><div class="tn">${TN}</div><hr class="mid"><div class="date">${esc(dateLine(d))}</div></td></tr></table>
  ${isCv ? '' : `<div class="type">${TYPE_NAMES[d.type]}</div><div class="subject">${d.subject.map(esc).join('<br>')}</div><hr class="short">`}
  ${d.authority ? `<div class="auth">${d.authority.map(esc).join('<br>')}</div>` : ''}
  ${d.kinhGui ? `<div class="kg">Kính gửi: ${d.kinhGui.map(esc).join('<br>')}</div>` : ''}
  ${d.body.map((p) => (/^(QUYẾT ĐỊNH|QUYẾT NGHỊ):$/.test(p) ? `<p class="c">${esc(p)}</p>` : `<p>${esc(p)}</p>`)).join('\n')}
  <table class="sig" style="margin-top:10pt"><tr><td class="nn"><b>Nơi nhận:</b><br>${recipientLines(d).map(esc).join('<br>')}</td>
  <td class="r">${[...d.forms, ...(d.position ? [d.position] : [])].map(esc).join('<br>')}<div class="signed">(Đã ký)</div>${esc(d.signer)}</td></tr></table>
  </body></html>`;
}

/** The seed notice, which has no header, as HTML. */
function seedHtml(text: string): string {
  const lines = text
    .replace(/\*\*/g, '')
    .replace(/\(\*([^*]+)\*\)/g, '($1)')
    .replace(/_\{([^}]+)\}/g, '<sub>$1</sub>')
    .split('\n');
  const body: string[] = [];
  for (const l of lines) {
    if (!l.trim()) continue;
    if (l.trim() === 'THÔNG BÁO') body.push(`<div class="type">THÔNG BÁO</div>`);
    else if (l.startsWith('Kết luận của')) body.push(`<div class="subject">${esc(l)}</div><hr class="short">`);
    else if (/^(TL\.|CHÁNH)/.test(l)) body.push(`<div class="sigline">${esc(l)}</div>`);
    else if (l === 'Nguyễn Quốc Việt') body.push(`<div class="sigline" style="margin-top:50pt">${esc(l)}</div>`);
    else if (l.startsWith('- ') || l.startsWith('Nơi nhận'))
      body.push(`<div class="nn">${l.replace(/HCTC_<sub>/, 'HCTC<sub>')}</div>`);
    else
      body.push(
        `<p>${esc(l)
          .replace(/&lt;sub&gt;/g, '<sub>')
          .replace(/&lt;\/sub&gt;/g, '</sub>')}</p>`,
      );
  }
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
  @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
  body { font-family: 'Liberation Serif', serif; font-size: 14pt; line-height: 1.25; }
  .type { text-align: center; font-weight: bold; } .subject { text-align: center; font-weight: bold; }
  hr.short { width: 30%; border: 0; border-top: 1px solid #000; }
  p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt; } .nn { font-size: 12pt; }
  .sigline { margin-left: 55%; text-align: center; font-weight: bold; }
  </style></head><body>${body.join('\n')}</body></html>`;
}

/** JSON as the repository's prettier check wants it. */
async function writeJson(path: string, value: unknown) {
  const options = (await prettier.resolveConfig(path)) ?? {};
  writeFileSync(path, await prettier.format(JSON.stringify(value), { ...options, parser: 'json' }));
}

function run(cmd: string, args: string[]) {
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** A minimal PDF with one JPEG page per image and no text layer (ImageMagick's policy forbids writing PDF). */
function imagePdf(jpegs: { data: Buffer; width: number; height: number }[]): Buffer {
  const objs: (string | Buffer)[][] = [];
  const pageIds: number[] = [];
  let next = 3;
  const body: { id: number; parts: (string | Buffer)[] }[] = [];
  for (const j of jpegs) {
    const img = next++;
    const content = next++;
    const page = next++;
    const w = (j.width * 72) / 150;
    const h = (j.height * 72) / 150;
    const draw = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q`;
    body.push({
      id: img,
      parts: [
        `<< /Type /XObject /Subtype /Image /Width ${j.width} /Height ${j.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${j.data.length} >>\nstream\n`,
        j.data,
        '\nendstream',
      ],
    });
    body.push({ id: content, parts: [`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`] });
    body.push({
      id: page,
      parts: [
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] /Resources << /XObject << /Im0 ${img} 0 R >> >> /Contents ${content} 0 R >>`,
      ],
    });
    pageIds.push(page);
  }
  body.unshift(
    { id: 1, parts: ['<< /Type /Catalog /Pages 2 0 R >>'] },
    {
      id: 2,
      parts: [`<< /Type /Pages /Kids [${pageIds.map((p) => `${p} 0 R`).join(' ')}] /Count ${pageIds.length} >>`],
    },
  );
  void objs;
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  for (const o of body.sort((a, b) => a.id - b.id)) {
    offsets[o.id] = offset;
    const parts = [
      Buffer.from(`${o.id} 0 obj\n`),
      ...o.parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)),
      Buffer.from('\nendobj\n'),
    ];
    for (const p of parts) {
      chunks.push(p);
      offset += p.length;
    }
  }
  const xref = [
    `xref\n0 ${next}\n`,
    '0000000000 65535 f \n',
    ...offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${next} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(chunks);
}

/** A DOCX whose header is a two-cell table, as agencies' templates have it. */
function docx(d: CorpusDoc): Buffer {
  const x = (s: string) => esc(s);
  const para = (s: string, bold = false) =>
    `<w:p><w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${x(s)}</w:t></w:r></w:p>`;
  const cell = (lines: string[]) => `<w:tc>${lines.map((l) => para(l)).join('')}</w:tc>`;
  const organ = [...(d.parent ? [d.parent] : []), ...d.organ];
  const left = [...organ, code(d), ...(d.type === 'CV' ? d.subject : []), ...stamps(d)];
  const right = [QH, TN, dateLine(d)];
  const body = [
    `<w:tbl><w:tr>${cell(left)}${cell(right)}</w:tr></w:tbl>`,
    ...(d.type === 'CV' ? [] : [para(TYPE_NAMES[d.type]!, true), ...d.subject.map((s) => para(s, true))]),
    ...(d.authority ?? []).map((a) => para(a, true)),
    ...(d.kinhGui ? [para(`Kính gửi: ${d.kinhGui.join(' ')}`)] : []),
    ...d.body.map((p) => para(p)),
    `<w:tbl><w:tr>${cell(['Nơi nhận:', ...recipientLines(d)])}${cell([...d.forms, ...(d.position ? [d.position] : []), '', d.signer])}</w:tr></w:tbl>`,
  ].join('');
  const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': enc(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      '_rels/.rels': enc(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/document.xml': enc(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
      ),
    }),
  );
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) rmSync(join(OUT, f));
  const tmp = mkdtempSync(join(tmpdir(), 'corpus-'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage();

  const jobs: { name: string; html: string; scan: CorpusDoc['scan'] }[] = [];
  // 01: the seed notice, verbatim.
  const seed = readFileSync(SEED, 'utf8');
  const seedName = '01-thong-bao-ket-luan-2026-01-06';
  writeFileSync(join(OUT, `${seedName}.txt`), seed);
  await writeJson(join(OUT, `${seedName}.expected.json`), {
    issuer: null,
    issuerParent: null,
    number: null,
    notation: null,
    place: null,
    issuedDate: '2026-01-06',
    type: 'TB',
    subject: 'Kết luận của đồng chí Trần Phước Hiền, Phó Chủ tịch UBND tỉnh tại buổi làm việc với Văn phòng UBND tỉnh',
    signingForm: 'TL. CHỦ TỊCH',
    signerPosition: 'Chánh Văn phòng',
    signerName: 'Nguyễn Quốc Việt',
    recipients: [
      'Chủ tịch, các PCT UBND tỉnh (báo cáo)',
      'VPUB: CVP, PCVP, các phòng, ban, đơn vị',
      'Công Thông tin điện tử tỉnh',
      'Lưu VT, HCTC(HNB)',
    ],
    referencedCodes: ['01/BC-VP'],
    urgency: null,
    secrecy: null,
  });
  jobs.push({ name: seedName, html: seedHtml(seed), scan: { specks: true } });

  for (const [i, d] of CORPUS.entries()) {
    const name = `${String(i + 2).padStart(2, '0')}-${d.slug}`;
    const text = renderText(d);
    for (const r of d.expect.refs) if (!text.includes(r)) throw new Error(`${name}: reference ${r} not in the text`);
    writeFileSync(join(OUT, `${name}.txt`), text);
    await writeJson(join(OUT, `${name}.expected.json`), expected(d));
    jobs.push({ name, html: renderHtml(d), scan: d.scan });
  }

  for (const job of jobs) {
    await page.setContent(job.html, { waitUntil: 'load' });
    const pdf = join(tmp, `${job.name}.pdf`);
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    run('pdftoppm', ['-r', '150', '-gray', '-png', pdf, join(tmp, job.name)]);
    const pages = readdirSync(tmp)
      .filter((f) => f.startsWith(job.name + '-') && f.endsWith('.png'))
      .sort();
    pages.forEach((p, k) => {
      const out = join(OUT, `${job.name}${k ? `.p${k + 1}` : ''}.png`);
      const args = ['-seed', '7', join(tmp, p), '-colorspace', 'Gray'];
      if (job.scan?.blur) args.push('-blur', '0x0.6');
      if (job.scan?.rotate)
        args.push(
          '-background',
          'white',
          '-rotate',
          String(job.scan.rotate),
          '-gravity',
          'center',
          '-extent',
          '1240x1754',
        );
      if (job.scan?.specks) args.push('-attenuate', '0.03', '+noise', 'Impulse');
      // 16 grey levels keep a page small while looking like a scan.
      args.push(
        '-depth',
        '8',
        '-colors',
        '16',
        '-units',
        'PixelsPerInch',
        '-density',
        '150',
        '-define',
        'png:exclude-chunks=date,time,tIME,tEXt,zTXt',
        `PNG8:${out}`,
      );
      run('convert', args);
    });
    // Keep the digital PDFs of two documents for the text-layer tests.
    if (/^0[23]-/.test(job.name)) copyFileSync(pdf, join(OUT, `${job.name}.pdf`));
  }
  await browser.close();

  // Image-only PDF (a scan saved as PDF) of document 04.
  const scanSrc = readdirSync(OUT).find((f) => f.startsWith('04-') && f.endsWith('.png') && !f.includes('.p2'))!;
  const jpg = join(tmp, 'scan.jpg');
  run('convert', [join(OUT, scanSrc), '-colorspace', 'Gray', '-quality', '60', jpg]);
  const size = execFileSync('identify', ['-format', '%w %h', jpg]).toString().split(' ').map(Number) as [
    number,
    number,
  ];
  writeFileSync(
    join(OUT, scanSrc.replace('.png', '.scan.pdf')),
    imagePdf([{ data: readFileSync(jpg), width: size[0], height: size[1] }]),
  );
  // Password-protected copy of document 02's PDF (AES-256, user password "mat-khau").
  const pdf02 = readdirSync(OUT).find((f) => f.startsWith('02-') && f.endsWith('.pdf'))!;
  run('qpdf', [
    '--encrypt',
    'mat-khau',
    'chu-so-huu',
    '256',
    '--',
    join(OUT, pdf02),
    join(OUT, pdf02.replace('.pdf', '.encrypted.pdf')),
  ]);
  // DOCX of document 13.
  const d13 = CORPUS[11]!;
  writeFileSync(join(OUT, `13-${d13.slug}.docx`), docx(d13));

  rmSync(tmp, { recursive: true, force: true });
  let total = 0;
  for (const f of readdirSync(OUT)) {
    const s = statSync(join(OUT, f)).size;
    total += s;
    if (f.endsWith('.png') && s > 300_000) console.warn(`warning: ${f} is ${Math.round(s / 1024)} KB`);
  }
  console.log(
    `corpus: ${jobs.length} documents, ${readdirSync(OUT).length} files, ${Math.round(total / 1024)} KB in ${OUT}`,
  );
}

await main();
