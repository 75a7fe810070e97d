/**
 * Field classifier (server/src/routing/classifier.ts) on the labelled trích yếu
 * (server/test/fixtures/classifier/labelled.jsonl):
 *  1. 10-fold stratified cross-validation: accuracy (mean ± sd over folds), macro-F1, per-field
 *     precision/recall, confusion matrix, calibration of the confidence;
 *  2. variants on the same folds (unigrams only, trained + policy keywords) and the cold start
 *     (policy keywords only, server/test/fixtures/classifier/keywords.json) against a
 *     keyword-substring baseline using the same keywords;
 *  3. online learning: from the cold-start model, each subject is classified, then learnt;
 *  4. documents of the extraction corpus (written separately, with their full text), hand-labelled;
 *  5. speed on one core: classifications per second against the keyword-substring baseline.
 *
 * Run: npx tsx bench/classifier.ts [--folds 10] [--seed 42] [--no-keywords] [--sweep] [--errors]
 * (--no-keywords: the detailed section for the model trained on subjects only)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BODY_WEIGHT,
  classify,
  coldStartModel,
  DEFAULT_KEYWORD_WEIGHT,
  DEFAULT_L2,
  deserializeModel,
  fitTemperature,
  serializeModel,
  trainClassifier,
  updateModel,
  type FieldModel,
  type LabelledText,
  type TrainOptions,
} from '../server/src/routing/classifier.ts';
import { foldVietnamese } from '../server/src/platform/text.ts';

const FIX = join(import.meta.dirname, '../server/test/fixtures/classifier');
const DOCS = join(import.meta.dirname, '../server/test/fixtures/documents');
const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const FOLDS = arg('folds', 10);
const SEED = arg('seed', 42);
const noKeywords = args.includes('--no-keywords');

const data: LabelledText[] = readFileSync(join(FIX, 'labelled.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as LabelledText);
const keywords = JSON.parse(readFileSync(join(FIX, 'keywords.json'), 'utf8')) as Record<string, string[]>;
const FIELDS = Object.keys(keywords);

// ---------------------------------------------------------------------------------------------
// helpers

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** fold[i] for each example: within each field, shuffled and dealt round-robin, continuing across fields. */
function stratifiedFolds(xs: LabelledText[], k: number, seed: number): number[] {
  const rand = rng(seed);
  const fold = new Array<number>(xs.length).fill(0);
  let next = 0;
  for (const f of [...new Set(xs.map((x) => x.field))].sort()) {
    const idx = shuffle(
      xs.map((x, i) => (x.field === f ? i : -1)).filter((i) => i >= 0),
      rand,
    );
    for (const i of idx) fold[i] = next++ % k;
  }
  return fold;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
};
const pct = (x: number, d = 1) => `${(100 * x).toFixed(d)}%`;
const pad = (s: string | number, n: number) => String(s).padStart(n);
const padEnd = (s: string | number, n: number) => String(s).padEnd(n);

interface Prediction {
  truth: string;
  field: string;
  confidence: number;
}

function crossValidate(opts: TrainOptions, folds: number[]): { preds: Prediction[]; foldAcc: number[] } {
  const preds: Prediction[] = new Array(data.length);
  const foldAcc: number[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const model = trainClassifier(
      data.filter((_, i) => folds[i] !== k),
      opts,
    );
    let hit = 0;
    let n = 0;
    data.forEach((x, i) => {
      if (folds[i] !== k) return;
      const r = classify(model, x.text);
      preds[i] = { truth: x.field, field: r.field, confidence: r.confidence };
      n++;
      if (r.field === x.field) hit++;
    });
    foldAcc.push(hit / n);
  }
  return { preds, foldAcc };
}

function scores(preds: Prediction[]) {
  const per = FIELDS.map((f) => {
    const tp = preds.filter((p) => p.truth === f && p.field === f).length;
    const fp = preds.filter((p) => p.truth !== f && p.field === f).length;
    const fn = preds.filter((p) => p.truth === f && p.field !== f).length;
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { field: f, precision, recall, f1, support: tp + fn };
  });
  const accuracy = preds.filter((p) => p.truth === p.field).length / preds.length;
  return { per, accuracy, macroF1: mean(per.map((p) => p.f1)) };
}

function calibration(preds: Prediction[]) {
  const bins = [0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0001];
  const rows = bins.slice(0, -1).map((lo, b) => {
    const inBin = preds.filter((p) => p.confidence >= lo && p.confidence < bins[b + 1]!);
    return {
      range: `${lo.toFixed(1)}–${Math.min(1, bins[b + 1]!).toFixed(1)}`,
      n: inBin.length,
      conf: inBin.length ? mean(inBin.map((p) => p.confidence)) : NaN,
      acc: inBin.length ? inBin.filter((p) => p.truth === p.field).length / inBin.length : NaN,
    };
  });
  const ece = rows.reduce((a, r) => a + (r.n ? (r.n / preds.length) * Math.abs(r.conf - r.acc) : 0), 0);
  return { rows, ece };
}

/**
 * The trivial baseline: the field whose policy keywords, found as substrings of the folded text,
 * cover most syllables (the rule of the routing engine's keyword fallback, routing/suggest.ts).
 */
function keywordBaseline(kw: Record<string, string[]>) {
  const lists = Object.entries(kw).map(
    ([f, ws]) => [f, ws.map((w) => [foldVietnamese(w), foldVietnamese(w).split(' ').length] as const)] as const,
  );
  return (text: string): string => {
    const t = foldVietnamese(text);
    let best = lists[0]![0];
    let bestScore = 0;
    for (const [f, ws] of lists) {
      let s = 0;
      for (const [w, syllables] of ws) if (t.includes(w)) s += syllables;
      if (s > bestScore) {
        bestScore = s;
        best = f;
      }
    }
    return best;
  };
}

function perSecond<T>(fn: (x: T) => unknown, texts: T[], seconds = 1.5): number {
  for (let i = 0; i < 2000; i++) fn(texts[i % texts.length]!); // warm up
  let n = 0;
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  while (performance.now() < until) {
    for (let i = 0; i < texts.length; i++) fn(texts[i]!);
    n += texts.length;
  }
  return n / ((performance.now() - t0) / 1000);
}

// ---------------------------------------------------------------------------------------------

function main() {
  const counts = new Map<string, number>();
  for (const x of data) counts.set(x.field, (counts.get(x.field) ?? 0) + 1);
  console.log(
    `Field classifier: ${data.length} labelled trích yếu, ${counts.size} fields (${Math.min(...counts.values())}–${Math.max(...counts.values())} per field)`,
  );
  const main: TrainOptions = noKeywords ? {} : { keywords };
  console.log(
    `${FOLDS}-fold stratified cross-validation, seed ${SEED}; logistic regression, l2 ${DEFAULT_L2}, unigrams + bigrams,`,
  );
  console.log(
    noKeywords
      ? 'trained on the subjects only\n'
      : `trained on the subjects + the ${Object.values(keywords).flat().length} policy keywords (weight ${DEFAULT_KEYWORD_WEIGHT}), as the routing engine will run it\n`,
  );
  const folds = stratifiedFolds(data, FOLDS, SEED);

  // 1. cross-validation
  const cv = crossValidate(main, folds);
  const s = scores(cv.preds);
  console.log(
    `accuracy ${pct(mean(cv.foldAcc))} ± ${pct(sd(cv.foldAcc))} (mean ± sd over ${FOLDS} folds; pooled ${pct(s.accuracy)}), macro-F1 ${s.macroF1.toFixed(3)}\n`,
  );
  console.log(`${padEnd('field', 13)} ${pad('precision', 9)} ${pad('recall', 7)} ${pad('F1', 6)} ${pad('n', 4)}`);
  for (const p of s.per)
    console.log(
      `${padEnd(p.field, 13)} ${pad(pct(p.precision, 0), 9)} ${pad(pct(p.recall, 0), 7)} ${pad(p.f1.toFixed(2), 6)} ${pad(p.support, 4)}`,
    );

  const abbr = FIELDS.map((f) =>
    f
      .split('_')
      .map((w) => w.slice(0, f.includes('_') ? 2 : 4))
      .join('')
      .slice(0, 4),
  );
  console.log(`\nconfusion matrix (rows: true field, columns: predicted; . = 0)`);
  console.log(`${padEnd('', 13)}${abbr.map((a) => pad(a, 5)).join('')}`);
  FIELDS.forEach((t) => {
    const row = FIELDS.map((p) => cv.preds.filter((x) => x.truth === t && x.field === p).length);
    console.log(`${padEnd(t, 13)}${row.map((n) => pad(n || '.', 5)).join('')}`);
  });
  console.log(`columns: ${FIELDS.map((f, i) => `${abbr[i]}=${f}`).join(' ')}`);

  const cal = calibration(cv.preds);
  console.log(`\ncalibration of the confidence (out-of-fold), expected calibration error ${cal.ece.toFixed(3)}`);
  console.log(`${padEnd('confidence', 11)} ${pad('n', 4)} ${pad('mean conf', 10)} ${pad('accuracy', 9)}`);
  for (const r of cal.rows)
    console.log(
      `${padEnd(r.range, 11)} ${pad(r.n, 4)} ${pad(r.n ? pct(r.conf) : '-', 10)} ${pad(r.n ? pct(r.acc) : '-', 9)}`,
    );
  const confident = cv.preds.filter((p) => p.confidence >= 0.6);
  console.log(
    `at confidence ≥ 0.6: ${pct(confident.length / cv.preds.length, 0)} of documents, accuracy ${pct(confident.filter((p) => p.truth === p.field).length / confident.length)}`,
  );

  if (args.includes('--errors')) {
    console.log('\nerrors (true → predicted, confidence):');
    cv.preds.forEach((p, i) => {
      if (p.truth !== p.field) console.log(`  ${p.truth} → ${p.field} ${p.confidence.toFixed(2)}  ${data[i]!.text}`);
    });
  }

  // 2. variants and cold start
  const uni = crossValidate({ ...main, bigrams: false }, folds);
  const other = crossValidate(noKeywords ? { keywords } : {}, folds);
  const subjectsOnly = noKeywords ? cv : other;
  const withKw = noKeywords ? other : cv;
  const cold = coldStartModel(keywords);
  const coldPreds: Prediction[] = data.map((x) => {
    const r = classify(cold, x.text);
    return { truth: x.field, field: r.field, confidence: r.confidence };
  });
  const baseline = keywordBaseline(keywords);
  const basePreds = data.map((x) => ({ truth: x.field, field: baseline(x.text), confidence: 1 }));
  const coldT = fitTemperature(
    data.map((x) => {
      // the cold-start scores before the temperature, to report which temperature fits best
      const r = classify({ ...cold, temperature: 1 }, x.text, { alternatives: FIELDS.length });
      const p = new Float64Array(cold.fields.length);
      for (const a of [r, ...r.alternatives])
        p[cold.fields.indexOf(a.field)] = Math.log(Math.max(a.confidence, 1e-300));
      return p;
    }),
    data.map((x) => cold.fields.indexOf(x.field)),
  );
  console.log(`\nvariants (same folds; keywords: ${Object.values(keywords).flat().length} phrases in keywords.json)`);
  console.log(`${padEnd('', 44)} ${pad('accuracy', 9)} ${pad('macro-F1', 9)}`);
  const line = (name: string, preds: Prediction[], extra = '') => {
    const sc = scores(preds);
    console.log(`${padEnd(name, 44)} ${pad(pct(sc.accuracy), 9)} ${pad(sc.macroF1.toFixed(3), 9)}${extra}`);
  };
  const cvLine = (name: string, r: typeof cv) =>
    line(
      name,
      r.preds,
      `   ${pct(mean(r.foldAcc))} ± ${pct(sd(r.foldAcc))} over folds, ECE ${calibration(r.preds).ece.toFixed(3)}`,
    );
  cvLine('trained on subjects only (CV)', subjectsOnly);
  cvLine('trained on subjects + policy keywords (CV)', withKw);
  cvLine(noKeywords ? 'subjects only, unigrams only (CV)' : 'subjects + keywords, unigrams only (CV)', uni);
  line('cold start: policy keywords only (all data)', coldPreds, `   ECE ${calibration(coldPreds).ece.toFixed(3)}`);
  line('baseline: keyword substring (all data)', basePreds);
  console.log(`(cold-start temperature ${cold.temperature}; best fit on this set would be ${coldT.toFixed(2)})`);

  if (args.includes('--sweep')) {
    console.log('\nsweep: l2 × keyword weight (CV accuracy trained / trained + keywords, ECE; cold-start accuracy)');
    for (const l2 of [0.03, 0.1, 0.3, 1, 3]) {
      const r = crossValidate({ l2, calibrate: false }, folds);
      const cells = [1, 2, 4].map((keywordWeight) => {
        const k = crossValidate({ l2, keywords, keywordWeight, calibrate: false }, folds);
        return `kw×${keywordWeight} ${pct(scores(k.preds).accuracy)}`;
      });
      const c = coldStartModel(keywords, { l2 });
      const cp = data.map((x) => ({ truth: x.field, field: classify(c, x.text).field, confidence: 1 }));
      console.log(
        `  l2 ${padEnd(l2, 5)} trained ${pct(scores(r.preds).accuracy)}  ${cells.join('  ')}  cold start ${pct(scores(cp).accuracy)}`,
      );
    }
  }

  // 3. online learning from the cold start
  const order = shuffle(
    data.map((_, i) => i),
    rng(SEED + 1),
  );
  const windowSize = 50;
  const stream = (retrainEvery: number) => {
    let model: FieldModel = coldStartModel(keywords);
    const windows: number[] = [];
    let hits = 0;
    let total = 0;
    order.forEach((i, n) => {
      const x = data[i]!;
      if (classify(model, x.text).field === x.field) {
        hits++;
        total++;
      }
      updateModel(model, x);
      if (retrainEvery && (n + 1) % retrainEvery === 0)
        model = trainClassifier(
          order.slice(0, n + 1).map((j) => data[j]!),
          { keywords },
        );
      if ((n + 1) % windowSize === 0 || n === order.length - 1) {
        windows.push(hits / ((n % windowSize) + 1));
        hits = 0;
      }
    });
    return { windows, overall: total / order.length };
  };
  const { windows: onlineOnly, overall: onlineAll } = stream(0);
  const { windows: retrained, overall: retrainedAll } = stream(100);
  console.log(
    `\nonline learning from the cold start: each subject classified, then its confirmed field learnt (updateModel); accuracy per ${windowSize} documents in arrival order`,
  );
  const row = (name: string, cells: string[]) =>
    console.log(`${padEnd(name, 24)}${cells.map((c) => pad(c, 5)).join('')}`);
  row(
    'documents up to',
    onlineOnly.map((_, w) => String(Math.min(data.length, (w + 1) * windowSize))),
  );
  row(
    'updateModel only',
    onlineOnly.map((a) => pct(a, 0)),
  );
  row(
    '+ retrain every 100',
    retrained.map((a) => pct(a, 0)),
  );
  console.log(`${padEnd('overall', 24)}updateModel only ${pct(onlineAll)}, with retraining ${pct(retrainedAll)}`);

  // 4. extraction corpus: written separately; subject alone and subject + full text
  const labelled: Record<string, string> = {
    '02': 'KHCN',
    '03': 'NONG_NGHIEP',
    '04': 'TAI_CHINH',
    '09': 'THANH_TRA',
    '10': 'NOI_VU',
    '11': 'NONG_NGHIEP',
    '12': 'THANH_TRA',
    '13': 'DAT_DAI',
    '14': 'THANH_TRA',
    '15': 'NOI_CHINH',
    '17': 'KHCN',
    '18': 'XAY_DUNG',
    '19': 'LAO_DONG',
    '20': 'GIAO_DUC',
    '22': 'TAI_CHINH',
    '23': 'KHCN',
    '24': 'TU_PHAP',
    '25': 'DAT_DAI',
    '26': 'GIAO_THONG',
    '27': 'Y_TE',
    '29': 'DOANH_NGHIEP',
    '31': 'TAI_CHINH',
    '32': 'NOI_VU',
    '33': 'NOI_CHINH',
  };
  const full = trainClassifier(data, main);
  const corpus = Object.entries(labelled).flatMap(([prefix, field]) => {
    const name = readdirNames().find((n) => n.startsWith(`${prefix}-`));
    if (!name) return [];
    const expected = JSON.parse(readFileSync(join(DOCS, `${name}.expected.json`), 'utf8')) as { subject: string };
    const text = readFileSync(join(DOCS, `${name}.txt`), 'utf8');
    return [{ field, subject: expected.subject, text }];
  });
  if (corpus.length) {
    const subj = corpus.map((d) => classify(full, d.subject));
    const joined = corpus.map((d) => classify(full, `${d.subject}\n${d.text}`));
    const body = corpus.map((d) => classify(full, d.subject, { body: d.text }));
    const acc = (rs: { field: string }[]) => rs.filter((r, i) => r.field === corpus[i]!.field).length;
    console.log(
      `\nextraction-corpus documents (${corpus.length}, hand-labelled; model trained on all ${data.length} subjects${noKeywords ? '' : ' + keywords'}):`,
    );
    console.log(
      `  subject only: ${acc(subj)}/${corpus.length} right, mean confidence ${mean(subj.map((r) => r.confidence)).toFixed(2)}`,
    );
    console.log(
      `  subject and full text as one text: ${acc(joined)}/${corpus.length} right, mean confidence ${mean(joined.map((r) => r.confidence)).toFixed(2)}`,
    );
    console.log(
      `  subject + { body: full text } (body weight ${BODY_WEIGHT}): ${acc(body)}/${corpus.length} right, mean confidence ${mean(body.map((r) => r.confidence)).toFixed(2)}`,
    );
  }

  // 5. speed
  const texts = data.map((x) => x.text);
  const model = trainClassifier(data, main);
  // alternated, best of three each, so that a busy machine slows both alike
  let ours = 0;
  let base = 0;
  for (let r = 0; r < 3; r++) {
    ours = Math.max(
      ours,
      perSecond((t) => classify(model, t), texts, 0.7),
    );
    base = Math.max(base, perSecond(baseline, texts, 0.7));
  }
  const oursLong = corpus.length ? perSecond((d) => classify(model, d.subject, { body: d.text }), corpus, 1) : NaN;
  const t0 = performance.now();
  const trained = trainClassifier(data, main);
  const trainMs = performance.now() - t0;
  const json = serializeModel(trained);
  const t1 = performance.now();
  deserializeModel(json);
  const loadMs = performance.now() - t1;
  const t2 = performance.now();
  for (let i = 0; i < 1000; i++) updateModel(trained, data[i % data.length]!);
  const updateUs = ((performance.now() - t2) / 1000) * 1000;
  console.log(
    `\nspeed, one core (node ${process.version}), ${texts.length} subjects cycled, best of 3 alternated runs:`,
  );
  console.log(
    `  ${padEnd('logistic regression classify', 34)} ${pad(Math.round(ours).toLocaleString('en'), 10)}/s  ${(1e6 / ours).toFixed(1)} µs each`,
  );
  console.log(
    `  ${padEnd('keyword-substring baseline', 34)} ${pad(Math.round(base).toLocaleString('en'), 10)}/s  ${(1e6 / base).toFixed(1)} µs each`,
  );
  console.log(`  ratio classifier / baseline        ${(ours / base).toFixed(2)}`);
  if (corpus.length)
    console.log(
      `  subject + { body } (${Math.round(mean(corpus.map((d) => d.text.length)))} chars avg): ${Math.round(oursLong).toLocaleString('en')}/s, ${(1000 / oursLong).toFixed(3)} ms each`,
    );
  console.log(
    `  train on ${data.length}: ${trainMs.toFixed(0)} ms (with 5-fold temperature fit); updateModel ${updateUs.toFixed(1)} µs; model JSON ${(json.length / 1024).toFixed(0)} KB, ${trained.weights.size.toLocaleString('en')} features, load ${loadMs.toFixed(1)} ms`,
  );
}

function readdirNames(): string[] {
  try {
    return readdirSync(DOCS)
      .filter((f) => f.endsWith('.expected.json'))
      .map((f) => f.replace('.expected.json', ''))
      .sort();
  } catch {
    return [];
  }
}

main();
