/**
 * Field suggestion (lĩnh vực) for incoming documents: multinomial logistic regression over
 * diacritic-folded Vietnamese syllable unigrams and bigrams, stop words removed (stopwords.ts).
 * Pure: no I/O.
 *
 * Why logistic regression and not naive Bayes (the first version, commit 011dea8): on the labelled
 * set, in bench/classifier.ts's cross-validation, naive Bayes got 49% trained on the subjects and
 * 59% with the policy keywords (66% at best with its smoothing and the keywords' weight tuned);
 * logistic regression gets 57% and 75%. With ~25 subjects per field, most syllables (quản lý,
 * thực hiện, công tác…) occur in every field: naive Bayes lets each of them vote with noisy
 * counts, logistic regression learns to ignore them.
 *
 * - Features are binary per text (a syllable said twice counts once); unknown features are ignored.
 * - Training minimises cross-entropy + l2/2·‖w‖² with L-BFGS. The routing policy's keywords are
 *   pseudo-examples (each keyword phrase a short example of its field), so a trained model keeps
 *   what the policy says, and coldStartModel is the same training on keywords alone.
 * - Confidence is softmax(logits / T). trainClassifier fits T on out-of-fold logits (5-fold inside
 *   the training set, one held-out fifth above 2,000 examples; minimising log loss); a cold-start
 *   model uses COLD_START_TEMPERATURE. A text with many more features than a training subject has
 *   its feature sum damped by sqrt(features / refFeatures), so it is not sure merely by being long.
 * - updateModel learns one confirmed or overridden route in place: gradient steps on that example
 *   (at least one, more until the example's field has probability ≥ 0.5), adding unseen features
 *   and fields. It is not the same as retraining on everything: retrain with trainClassifier from
 *   the confirmed routes now and then (0.5–2 s for 500–5,000 subjects; it holds the thread, so
 *   off the request path).
 * - The model is stored as JSON (serializeModel / deserializeModel; weights as little-endian
 *   float32 in base64); deserializeModel validates.
 */
import { foldVietnamese } from '../platform/text.js';
import { NUMBER_MARKERS, STOP_EXACT, STOP_FOLDED, STOP_PHRASES } from './stopwords.js';

export interface LabelledText {
  text: string;
  field: string;
}

export interface TrainOptions {
  /** L2 regularisation strength (a Gaussian prior on every weight, independent of the data size). */
  l2?: number;
  /** Use syllable bigrams besides unigrams. */
  bigrams?: boolean;
  /** Routing-policy keywords per field, added as pseudo-examples. */
  keywords?: Record<string, string[]>;
  /** Weight of each keyword pseudo-example relative to a labelled text. */
  keywordWeight?: number;
  /** Fit the temperature on out-of-fold logits (needs at least 20 examples and 2 fields). */
  calibrate?: boolean;
}

export interface FieldModel {
  version: 1;
  bigrams: boolean;
  l2: number;
  /** Field codes; weight vectors are indexed like this list. */
  fields: string[];
  bias: Float64Array;
  /** Feature → one weight per field. */
  weights: Map<string, Float64Array>;
  /** Softmax temperature: confidence = softmax(logits / temperature). */
  temperature: number;
  /** Typical number of features of a training text; longer texts are damped (see above). */
  refFeatures: number;
  /** Labelled texts learnt so far (training plus updates), for information. */
  examples: number;
}

export interface FieldScore {
  field: string;
  /** Calibrated probability, 0–1. */
  confidence: number;
}

export interface FieldSuggestion extends FieldScore {
  /** The next most likely fields, most likely first. */
  alternatives: FieldScore[];
  /** How many of the text's features the model knows; 0 means the answer is the bias alone. */
  matched: number;
}

export const DEFAULT_L2 = 0.3;
export const DEFAULT_KEYWORD_WEIGHT = 2;
/** Measured with bench/classifier.ts on the labelled set (keywords-only model, log loss). */
export const COLD_START_TEMPERATURE = 0.8;
const DEFAULT_TEMPERATURE = 1;
const DEFAULT_REF_FEATURES = 30;
const CALIBRATION_FOLDS = 5;
/** Above this many examples the temperature is fitted on one held-out fifth only (one extra training, not five). */
const CALIBRATION_ONE_FOLD_ABOVE = 2000;
const UPDATE_MAX_STEPS = 10;
const UPDATE_TARGET = 0.5;

// ---------------------------------------------------------------------------------------------
// Features

/** Character classes and folded forms for U+0000–U+1FFF (Latin, Vietnamese, combining marks). */
const SPACE = 0;
const LETTER = 1;
const DIGIT = 2;
const JOINER = 3; // / . - inside a token: "V/v", "NĐ-CP", "HIV/AIDS", "178/2024"
const PUNCT = 4;
const TABLE_SIZE = 0x2000;
const charClass = new Uint8Array(TABLE_SIZE);
const charFold: string[] = new Array<string>(TABLE_SIZE).fill('');
for (let code = 0; code < TABLE_SIZE; code++) {
  const ch = String.fromCharCode(code);
  if (/\s/.test(ch)) charClass[code] = SPACE;
  else if (/[\p{L}\p{M}]/u.test(ch)) {
    charClass[code] = LETTER;
    charFold[code] = foldVietnamese(ch) || (/\p{M}/u.test(ch) ? '' : ch.toLowerCase());
  } else if (/\p{N}/u.test(ch)) {
    charClass[code] = DIGIT;
    charFold[code] = ch;
  } else if (ch === '/' || ch === '.' || ch === '-') charClass[code] = JOINER;
  else charClass[code] = PUNCT;
}
const wideCache = new Map<number, [number, string]>();
function wide(code: number): [number, string] {
  let r = wideCache.get(code);
  if (!r) {
    const ch = String.fromCharCode(code);
    if (code === 0x2013)
      r = [JOINER, '']; // en dash, as in "2026–2030"
    else if (/\s/.test(ch)) r = [SPACE, ''];
    else if (/[\p{L}\p{M}]/u.test(ch)) r = [LETTER, foldVietnamese(ch)];
    else if (/\p{N}/u.test(ch)) r = [DIGIT, ch];
    else r = [PUNCT, ''];
    if (wideCache.size < 4096) wideCache.set(code, r);
  }
  return r;
}
// Two lookups instead of one that answers a pair: the tokenizer runs per character of every
// routed document, and a pair is an allocation each time.
const classOf = (code: number): number => (code < TABLE_SIZE ? charClass[code]! : wide(code)[0]);
const foldOf = (code: number): string => (code < TABLE_SIZE ? charFold[code]! : wide(code)[1]);

const stopExact = new Set(STOP_EXACT.map((w) => w.normalize('NFC')));
const stopExactFolded = new Set(STOP_EXACT.map((w) => foldVietnamese(w)));
const stopFolded = new Set(STOP_FOLDED);
const phrasesByFirst = indexPhrases(STOP_PHRASES);
const markersByFirst = indexPhrases(NUMBER_MARKERS);

function indexPhrases(phrases: readonly string[]): Map<string, string[][]> {
  const m = new Map<string, string[][]>();
  for (const p of phrases) {
    const parts = p.split(' ');
    const list = m.get(parts[0]!) ?? [];
    list.push(parts);
    m.set(parts[0]!, list);
  }
  for (const list of m.values()) list.sort((a, b) => b.length - a.length);
  return m;
}

const WORD = 0;
const NUMBER = 1;
const BREAK = 2;

interface Tokens {
  kind: number[];
  folded: string[];
  /** Per token: a word that is a stop word only as written (stopExact), e.g. lower case where a capital makes it a name. */
  exactStop: boolean[];
  /** Start and end of each word in the NFC text, to read its diacritics when needed. */
  start: number[];
  end: number[];
  text: string;
}

/**
 * Words, numbers and breaks. A run of letters and digits, possibly joined by / . - without spaces,
 * is one token: with a digit it is a number ("178/2024/NĐ-CP", "01/01/2026"); "v/v" is dropped;
 * otherwise its parts are words ("HIV/AIDS" → hiv, aids). Punctuation is a break.
 */
function tokenize(input: string): Tokens {
  const text = input.normalize('NFC');
  const t: Tokens = { kind: [], folded: [], exactStop: [], start: [], end: [], text };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cls = classOf(text.charCodeAt(i));
    if (cls === SPACE) {
      i++;
      continue;
    }
    if (cls === PUNCT || cls === JOINER) {
      pushBreak(t);
      i++;
      continue;
    }
    // a compound token: word characters, joiners only between word characters; most are one
    // part, so the list of parts is only made when a joiner is met
    let parts: [number, number, Word | null][] | null = null;
    let hasDigit = false;
    let partStart = i;
    while (i < n) {
      const c = classOf(text.charCodeAt(i));
      if (c === LETTER || c === DIGIT) {
        if (c === DIGIT) hasDigit = true;
        i++;
      } else if (c === JOINER && i + 1 < n && isWordClass(classOf(text.charCodeAt(i + 1)))) {
        (parts ??= []).push([partStart, i, hasDigit ? null : wordAt(text, partStart, i)]);
        i++;
        partStart = i;
      } else break;
    }
    const word = hasDigit ? null : wordAt(text, partStart, i);
    if (!word) {
      pushToken(t, NUMBER, null, parts ? parts[0]![0] : partStart, i);
    } else if (!parts) {
      pushToken(t, WORD, word, partStart, i);
    } else {
      parts.push([partStart, i, word]);
      // no part has a digit here (a digit anywhere makes the token a number)
      if (stopFolded.has(parts.map((p) => p[2]!.folded).join('/'))) pushBreak(t);
      else {
        for (const [s, e, w] of parts) pushToken(t, WORD, w, s, e);
      }
    }
  }
  return t;
}

/** A word as tokenize needs it: folded, and whether it is a stop word only as written. */
interface Word {
  folded: string;
  exactStop: boolean;
}

/**
 * The word text[start, end), remembered: the same few thousand syllables make up every trích
 * yếu, so after the first time a word costs one slice and one lookup instead of a string built
 * character by character, a lower-cased copy and the stop-word lookups; and the folded string
 * comes back with its hash already computed for the lookups that follow (stop words, phrases,
 * the model's weights).
 */
function wordAt(text: string, start: number, end: number): Word {
  const raw = text.slice(start, end);
  let w = words.get(raw);
  if (w === undefined) {
    let folded = '';
    for (let k = start; k < end; k++) folded += foldOf(text.charCodeAt(k));
    w = { folded, exactStop: stopExactFolded.has(folded) && stopExact.has(raw.toLowerCase()) };
    if (words.size >= WORDS_MAX) words.clear();
    words.set(raw, w);
  }
  return w;
}

const WORDS_MAX = 20_000;
const words = new Map<string, Word>();

function isWordClass(c: number): boolean {
  return c === LETTER || c === DIGIT;
}

function pushToken(t: Tokens, kind: number, word: Word | null, start: number, end: number): void {
  t.kind.push(kind);
  t.folded.push(word ? word.folded : '');
  t.exactStop.push(word ? word.exactStop : false);
  t.start.push(start);
  t.end.push(end);
}

function pushBreak(t: Tokens): void {
  pushToken(t, BREAK, null, 0, 0);
}

const ROMAN = /^[IVXLC]+$/;
/** One-letter syllables that are words (y tế, nhà ở, ô nhiễm); other single letters are initials. */
const VOWELS = 'aeiouy';

/**
 * The features of a text: folded syllables and, if `bigrams`, pairs of adjacent kept syllables
 * ("dat dai"). A removed word, a number or punctuation breaks adjacency. Each feature once.
 */
export function textFeatures(text: string, bigrams = true): string[] {
  const t = tokenize(text);
  const keep = keptWords(t);
  const { folded } = t;
  const n = keep.length;
  const out = new Set<string>();
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    out.add(folded[i]!);
    if (bigrams && i + 1 < n && keep[i + 1]) out.add(`${folded[i]} ${folded[i + 1]}`);
  }
  return [...out];
}

/** Which tokens are kept syllables: the words, less stop words, stop phrases, and number markers with their number. */
function keptWords(t: Tokens): Uint8Array {
  const { kind, folded } = t;
  const n = kind.length;
  const keep = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (kind[i] === WORD) keep[i] = 1;
  for (let i = 0; i < n; i++) {
    if (kind[i] !== WORD) continue;
    const f = folded[i]!;
    // "năm 2026", "9 tháng", "quý III", "giai đoạn 2026-2030": the marker and its number go
    const markers = markersByFirst.get(f);
    if (markers) {
      for (const parts of markers) {
        if (!matchesAt(t, i, parts)) continue;
        const end = i + parts.length;
        const after = isNumberAt(t, end);
        if (after || (i > 0 && kind[i - 1] === NUMBER)) {
          for (let j = i; j < end; j++) keep[j] = 0;
          if (after) keep[end] = 0;
          break;
        }
      }
    }
    const phrases = phrasesByFirst.get(f);
    if (phrases) {
      for (const parts of phrases) {
        if (!matchesAt(t, i, parts)) continue;
        for (let j = i; j < i + parts.length; j++) keep[j] = 0;
        break;
      }
    }
    if ((f.length < 2 && !VOWELS.includes(f)) || stopFolded.has(f)) keep[i] = 0;
    else if (t.exactStop[i]) keep[i] = 0;
  }
  return keep;
}

/** A number, or a Roman numeral ("quý III"), at token j. */
function isNumberAt(t: Tokens, j: number): boolean {
  const k = t.kind[j];
  return k === NUMBER || (k === WORD && ROMAN.test(t.text.slice(t.start[j], t.end[j])));
}

function matchesAt(t: Tokens, i: number, parts: string[]): boolean {
  if (i + parts.length > t.kind.length) return false;
  for (let k = 0; k < parts.length; k++) {
    if (t.kind[i + k] !== WORD || t.folded[i + k] !== parts[k]) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Training

interface Prepared {
  ids: Int32Array;
  y: number;
  w: number;
}

function prepare(
  items: { feats: string[]; field: string; weight: number }[],
  fields: string[],
  vocab: Map<string, number>,
): Prepared[] {
  return items.map((e) => {
    const ids = new Int32Array(e.feats.length);
    e.feats.forEach((f, k) => {
      let id = vocab.get(f);
      if (id === undefined) vocab.set(f, (id = vocab.size));
      ids[k] = id;
    });
    return { ids, y: fields.indexOf(e.field), w: e.weight };
  });
}

/**
 * Minimises Σ w·cross-entropy + l2/2·‖θ‖² over θ = [weights (v×k), bias (k)] with L-BFGS.
 * Deterministic; stops when the loss no longer moves.
 */
function fit(data: Prepared[], v: number, k: number, l2: number): Float64Array {
  const n = v * k + k;
  const z = new Float64Array(k);
  const lossGrad = (x: Float64Array, g: Float64Array): number => {
    g.fill(0);
    let loss = 0;
    for (let j = 0; j < n; j++) {
      loss += 0.5 * l2 * x[j]! * x[j]!;
      g[j] = l2 * x[j]!;
    }
    const b0 = v * k;
    for (const e of data) {
      for (let c = 0; c < k; c++) z[c] = x[b0 + c]!;
      for (const id of e.ids) for (let c = 0, o = id * k; c < k; c++) z[c]! += x[o + c]!;
      let max = -Infinity;
      for (let c = 0; c < k; c++) if (z[c]! > max) max = z[c]!;
      let sum = 0;
      for (let c = 0; c < k; c++) sum += z[c] = Math.exp(z[c]! - max);
      loss += e.w * (Math.log(sum) - Math.log(z[e.y]!));
      for (let c = 0; c < k; c++) {
        z[c] = e.w * (z[c]! / sum - (c === e.y ? 1 : 0));
        g[b0 + c]! += z[c]!;
      }
      for (const id of e.ids) for (let c = 0, o = id * k; c < k; c++) g[o + c]! += z[c]!;
    }
    return loss;
  };
  return lbfgs(n, lossGrad, 200, 5);
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function lbfgs(
  n: number,
  lossGrad: (x: Float64Array, g: Float64Array) => number,
  maxIter: number,
  memory: number,
): Float64Array {
  let x = new Float64Array(n);
  let g = new Float64Array(n);
  let xn = new Float64Array(n);
  let gn = new Float64Array(n);
  let f = lossGrad(x, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const alpha = new Float64Array(memory);
  const d = new Float64Array(n);
  for (let it = 0; it < maxIter; it++) {
    // two-loop recursion: d = -H·g
    d.set(g);
    for (let i = S.length - 1; i >= 0; i--) {
      const a = (alpha[i] = rho[i]! * dot(S[i]!, d));
      const yi = Y[i]!;
      for (let j = 0; j < n; j++) d[j]! -= a * yi[j]!;
    }
    const last = S.length - 1;
    const gamma = last >= 0 ? dot(S[last]!, Y[last]!) / dot(Y[last]!, Y[last]!) : 1 / Math.max(1, Math.sqrt(dot(g, g)));
    for (let j = 0; j < n; j++) d[j]! *= gamma;
    for (let i = 0; i < S.length; i++) {
      const b = alpha[i]! - rho[i]! * dot(Y[i]!, d);
      const si = S[i]!;
      for (let j = 0; j < n; j++) d[j]! += si[j]! * b;
    }
    for (let j = 0; j < n; j++) d[j] = -d[j]!;
    let gd = dot(g, d);
    if (gd >= 0) {
      // not a descent direction: forget the curvature pairs, go down the gradient
      S.length = Y.length = rho.length = 0;
      const scale = 1 / Math.max(1, Math.sqrt(dot(g, g)));
      for (let j = 0; j < n; j++) d[j] = -g[j]! * scale;
      gd = dot(g, d);
    }
    // backtracking line search (Armijo)
    let step = 1;
    let fn = Infinity;
    for (let ls = 0; ls < 40; ls++) {
      for (let j = 0; j < n; j++) xn[j] = x[j]! + step * d[j]!;
      fn = lossGrad(xn, gn);
      if (fn <= f + 1e-4 * step * gd) break;
      step *= 0.5;
    }
    if (!(fn < f)) break;
    // the oldest pair's arrays are reused once the memory is full
    const full = S.length === memory;
    const s = full ? S.shift()! : new Float64Array(n);
    const y = full ? Y.shift()! : new Float64Array(n);
    if (full) rho.shift();
    for (let j = 0; j < n; j++) {
      s[j] = xn[j]! - x[j]!;
      y[j] = gn[j]! - g[j]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-10) {
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
    }
    const done = (f - fn) / Math.max(1, Math.abs(f)) < 1e-6;
    [x, xn] = [xn, x];
    [g, gn] = [gn, g];
    f = fn;
    if (done) break;
  }
  return x;
}

function toModel(
  theta: Float64Array,
  vocab: Map<string, number>,
  fields: string[],
  opts: Required<Pick<TrainOptions, 'l2' | 'bigrams'>>,
): FieldModel {
  const k = fields.length;
  const weights = new Map<string, Float64Array>();
  for (const [f, id] of vocab) weights.set(f, theta.slice(id * k, id * k + k));
  return {
    version: 1,
    bigrams: opts.bigrams,
    l2: opts.l2,
    fields: [...fields],
    bias: theta.slice(vocab.size * k, vocab.size * k + k),
    weights,
    temperature: DEFAULT_TEMPERATURE,
    refFeatures: DEFAULT_REF_FEATURES,
    examples: 0,
  };
}

/**
 * The features a keyword phrase stands for: its bigrams if it has any, so that "đầu tư công"
 * speaks for "dau tu" and "tu cong" but not for "cong" alone, which appears in every field; a
 * one-syllable keyword ("thuế", "chợ") stands for itself.
 */
export function keywordFeatures(phrase: string): string[] {
  const all = textFeatures(phrase, true);
  const pairs = all.filter((f) => f.includes(' '));
  return pairs.length ? pairs : all;
}

/** Trains a model on labelled texts and optionally the routing policy's keywords. */
export function trainClassifier(examples: LabelledText[], opts: TrainOptions = {}): FieldModel {
  const l2 = opts.l2 ?? DEFAULT_L2;
  const bigrams = opts.bigrams ?? true;
  const kwWeight = opts.keywordWeight ?? DEFAULT_KEYWORD_WEIGHT;
  const items = examples.map((e) => ({ feats: textFeatures(e.text, bigrams), field: e.field, weight: 1 }));
  const kwItems = Object.entries(opts.keywords ?? {}).flatMap(([field, phrases]) =>
    phrases.map((p) => ({ feats: bigrams ? keywordFeatures(p) : textFeatures(p, false), field, weight: kwWeight })),
  );
  const fields: string[] = [];
  for (const e of [...items, ...kwItems]) if (!fields.includes(e.field)) fields.push(e.field);

  const build = (subset: typeof items) => {
    const vocab = new Map<string, number>();
    const data = prepare([...subset, ...kwItems], fields, vocab);
    return toModel(fit(data, vocab.size, fields.length, l2), vocab, fields, { l2, bigrams });
  };
  const model = build(items);
  model.examples = items.length;
  if (items.length > 0) {
    const sizes = items.map((e) => e.feats.length).sort((a, b) => a - b);
    model.refFeatures = Math.max(1, sizes[Math.floor(sizes.length * 0.9)] ?? DEFAULT_REF_FEATURES);
  }
  const distinct = new Set(items.map((e) => e.field)).size;
  if ((opts.calibrate ?? true) && items.length >= 20 && distinct >= 2) {
    const logits: Float64Array[] = [];
    const truth: number[] = [];
    const folds = items.length > CALIBRATION_ONE_FOLD_ABOVE ? 1 : CALIBRATION_FOLDS;
    for (let f = 0; f < folds; f++) {
      const m = build(items.filter((_, i) => i % CALIBRATION_FOLDS !== f));
      m.refFeatures = model.refFeatures;
      items.forEach((e, i) => {
        if (i % CALIBRATION_FOLDS !== f) return;
        logits.push(scoreFeatures(m, e.feats).logits);
        truth.push(fields.indexOf(e.field));
      });
    }
    model.temperature = fitTemperature(logits, truth);
  }
  return model;
}

/**
 * A model from the routing policy's keywords alone, before any route has been confirmed: each
 * keyword or phrase is a pseudo-example of its field.
 */
export function coldStartModel(keywords: Record<string, string[]>, opts: { l2?: number } = {}): FieldModel {
  const model = trainClassifier([], { keywords, l2: opts.l2, calibrate: false });
  model.temperature = COLD_START_TEMPERATURE;
  return model;
}

/**
 * Learns one confirmed (or overridden) route, in place, and returns the same model: at least one
 * gradient step on the example, more (up to 10) until its field has probability ≥ 0.5. A field or
 * feature the model has not seen is added.
 */
export function updateModel(model: FieldModel, example: LabelledText): FieldModel {
  let c = model.fields.indexOf(example.field);
  if (c < 0) {
    c = model.fields.length;
    addField(model, example.field);
  }
  model.examples++;
  const feats = textFeatures(example.text, model.bigrams);
  if (feats.length === 0) return model;
  const k = model.fields.length;
  const rows = feats.map((f) => {
    let w = model.weights.get(f);
    if (!w) model.weights.set(f, (w = new Float64Array(k)));
    return w;
  });
  const rate = 1 / Math.sqrt(rows.length);
  const z = new Float64Array(k);
  for (let step = 0; step < UPDATE_MAX_STEPS; step++) {
    z.set(model.bias);
    for (const w of rows) for (let j = 0; j < k; j++) z[j]! += w[j]!;
    const p = softmax(z, 1);
    if (step > 0 && p[c]! >= UPDATE_TARGET) break;
    for (const w of rows) for (let j = 0; j < k; j++) w[j]! -= rate * (p[j]! - (j === c ? 1 : 0));
  }
  return model;
}

function addField(model: FieldModel, field: string): void {
  model.fields.push(field);
  const grow = (a: Float64Array, fill: number) => {
    const b = new Float64Array(a.length + 1);
    b.set(a);
    b[a.length] = fill;
    return b;
  };
  // a new field starts a little below the others, so it must earn its place
  let minBias = 0;
  for (const b of model.bias) minBias = Math.min(minBias, b);
  model.bias = grow(model.bias, minBias - 1);
  for (const [f, w] of model.weights) model.weights.set(f, grow(w, 0));
}

// ---------------------------------------------------------------------------------------------
// Classification

/** Σ of the known features' weights, damped for long texts (see the top of the file). */
function featureSum(model: FieldModel, feats: string[]): { sum: Float64Array; matched: number } {
  const k = model.fields.length;
  const sum = new Float64Array(k);
  let matched = 0;
  for (const f of feats) {
    const w = model.weights.get(f);
    if (!w) continue;
    matched++;
    for (let c = 0; c < k; c++) sum[c]! += w[c]!;
  }
  const damp = Math.max(1, Math.sqrt(matched / model.refFeatures));
  if (damp > 1) for (let c = 0; c < k; c++) sum[c]! /= damp;
  return { sum, matched };
}

/** Adds the model's bias to a feature sum, in place: the logits. */
function addBias(model: FieldModel, sum: Float64Array): Float64Array {
  for (let c = 0; c < sum.length; c++) sum[c]! += model.bias[c]!;
  return sum;
}

/** Logits of a list of features: the plain path (training, and the reference for textScore). */
export function scoreFeatures(model: FieldModel, feats: string[]): { logits: Float64Array; matched: number } {
  const { sum, matched } = featureSum(model, feats);
  return { logits: addBias(model, sum), matched };
}

/**
 * A model's weights reached by word: each folded word of a known feature gets a number, and a
 * bigram is found by its two words' numbers. Built once per model (and again if an update added
 * features or fields). Why: classifying a trích yếu through textFeatures built each bigram as a
 * new string, hashed it, gathered all features in a set and copied them to a list, only to look
 * each up in the weights; in the documents benchmark's profile that was the larger part of the
 * classifier's 40–50 µs per registration.
 */
interface WordIndex {
  size: number;
  k: number;
  /** Folded word → its number; null when a feature is neither a word nor a pair of words (then the plain path is used). */
  ids: Map<string, number> | null;
  /** Word number → its unigram's weights. */
  unigrams: (Float64Array | undefined)[];
  /** pairKey(first, second) → the bigram's weights. */
  bigrams: Map<number, Float64Array>;
}

/** Word numbers stay below 2^21, so a pair's key (above every word number) is exact in a double. */
const PAIR = 2 ** 21;
const pairKey = (a: number, b: number) => (a + 1) * PAIR + b;

const wordIndexes = new WeakMap<FieldModel, WordIndex>();

function wordIndex(model: FieldModel): WordIndex {
  const cached = wordIndexes.get(model);
  if (cached && cached.size === model.weights.size && cached.k === model.fields.length) return cached;
  const index: WordIndex = {
    size: model.weights.size,
    k: model.fields.length,
    ids: new Map(),
    unigrams: [],
    bigrams: new Map(),
  };
  const ids = index.ids!;
  const id = (w: string) => {
    let i = ids.get(w);
    if (i === undefined) ids.set(w, (i = ids.size));
    return i;
  };
  for (const [f, w] of model.weights) {
    const parts = f.split(' ');
    if (parts.length === 1 && f) index.unigrams[id(f)] = w;
    else if (parts.length === 2 && parts[0] && parts[1]) index.bigrams.set(pairKey(id(parts[0]), id(parts[1])), w);
    else index.ids = null;
    if (ids.size >= PAIR) index.ids = null;
    if (!index.ids) break;
  }
  wordIndexes.set(model, index);
  return index;
}

/** Adds a known feature's weights the first time its key is met; 1 if it did. */
function addOnce(sum: Float64Array, seen: number[], key: number, w: Float64Array | undefined): number {
  if (!w || seen.includes(key)) return 0;
  seen.push(key);
  for (let c = 0; c < sum.length; c++) sum[c]! += w[c]!;
  return 1;
}

/**
 * featureSum(model, textFeatures(text, model.bigrams)) without building the features: the same
 * known features, each once, added in the same order (so the sums are the same to the last bit;
 * classifier.test.ts compares them on the labelled set). The sum is written into `sum` (k long),
 * so that classify can reuse its arrays; answers the number of known features.
 */
function textSum(model: FieldModel, text: string, sum: Float64Array): number {
  const index = wordIndex(model);
  const ids = index.ids;
  if (!ids) {
    const plain = featureSum(model, textFeatures(text, model.bigrams));
    sum.set(plain.sum);
    return plain.matched;
  }
  sum.fill(0);
  const t = tokenize(text);
  const keep = keptWords(t);
  const { folded } = t;
  const n = keep.length;
  const k = model.fields.length;
  const seen: number[] = [];
  let matched = 0;
  let next = n > 0 && keep[0] ? ids.get(folded[0]!) : undefined;
  for (let i = 0; i < n; i++) {
    const a = next;
    next = i + 1 < n && keep[i + 1] ? ids.get(folded[i + 1]!) : undefined;
    if (!keep[i] || a === undefined) continue;
    matched += addOnce(sum, seen, a, index.unigrams[a]);
    if (model.bigrams && next !== undefined) {
      const key = pairKey(a, next);
      matched += addOnce(sum, seen, key, index.bigrams.get(key));
    }
  }
  const damp = Math.max(1, Math.sqrt(matched / model.refFeatures));
  if (damp > 1) for (let c = 0; c < k; c++) sum[c]! /= damp;
  return matched;
}

/** scoreFeatures(model, textFeatures(text, model.bigrams)), by word numbers (textSum). */
export function textScore(model: FieldModel, text: string): { logits: Float64Array; matched: number } {
  const logits = new Float64Array(model.fields.length);
  const matched = textSum(model, text, logits);
  return { logits: addBias(model, logits), matched };
}

/**
 * classify's working arrays, reused from call to call (classify runs to its end without
 * yielding, so one set is enough). Why: a Float64Array of 20 fields is past V8's limit for typed
 * arrays kept on the heap (64 bytes), so each new one takes a backing store from the allocator
 * and leaves a finaliser to the garbage collector.
 */
const work = { k: -1, logits: new Float64Array(0), body: new Float64Array(0), p: new Float64Array(0) };

function workFor(k: number): typeof work {
  if (work.k !== k) {
    work.k = k;
    work.logits = new Float64Array(k);
    work.body = new Float64Array(k);
    work.p = new Float64Array(k);
  }
  return work;
}

/** softmax(z / temperature), written into `p`. */
function softmaxInto(z: Float64Array, temperature: number, p: Float64Array): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < z.length; c++) if (z[c]! > max) max = z[c]!;
  let sum = 0;
  for (let c = 0; c < z.length; c++) sum += p[c] = Math.exp((z[c]! - max) / temperature);
  for (let c = 0; c < z.length; c++) p[c]! /= sum;
  return p;
}

function softmax(z: Float64Array, temperature: number): Float64Array {
  return softmaxInto(z, temperature, new Float64Array(z.length));
}

/** How much the body's features count against the subject's in classify(…, { body }). */
export const BODY_WEIGHT = 0.3;

/**
 * The most likely field of a document from its trích yếu (`text`) and optionally its full text
 * (`body`), whose features count BODY_WEIGHT as much: the subject says what the document is
 * about, the body adds headers, legal bases and distribution lists that belong to every field.
 * On 24 hand-labelled documents of the extraction corpus (bench/classifier.ts): subject alone
 * 22 right, subject + body this way 22, subject and body as one text 19. So the body adds little,
 * but passed this way it cannot swamp the subject. The confidence is calibrated on subjects.
 */
export function classify(
  model: FieldModel,
  text: string,
  opts: { alternatives?: number; body?: string } = {},
): FieldSuggestion {
  if (model.fields.length === 0) throw new Error('classify: the model has no fields');
  const w = workFor(model.fields.length);
  const logits = w.logits;
  let known = textSum(model, text, logits);
  addBias(model, logits);
  if (opts.body) {
    known += textSum(model, opts.body, w.body);
    for (let c = 0; c < logits.length; c++) logits[c]! += BODY_WEIGHT * w.body[c]!;
  }
  const p = softmaxInto(logits, model.temperature, w.p);
  const wanted = Math.min(p.length, 1 + (opts.alternatives ?? 3));
  const top: number[] = [];
  if (wanted === 1) {
    // The best alone (registration asks for no alternatives): the first of the highest, as below.
    let b = 0;
    for (let c = 1; c < p.length; c++) if (p[c]! > p[b]!) b = c;
    top.push(b);
  } else {
    for (let c = 0; c < p.length; c++) {
      let at = top.length;
      while (at > 0 && p[c]! > p[top[at - 1]!]!) at--;
      if (at < wanted) {
        top.splice(at, 0, c);
        if (top.length > wanted) top.pop();
      }
    }
  }
  const best = top[0]!;
  return {
    field: model.fields[best]!,
    confidence: p[best]!,
    alternatives: top.slice(1).map((c) => ({ field: model.fields[c]!, confidence: p[c]! })),
    matched: known,
  };
}

/** The temperature minimising the log loss of softmax(logits / T) against the true fields. */
export function fitTemperature(logits: Float64Array[], truth: number[]): number {
  const loss = (logBeta: number) => {
    const beta = Math.exp(logBeta);
    let total = 0;
    logits.forEach((s, i) => {
      let max = -Infinity;
      for (const x of s) if (x * beta > max) max = x * beta;
      let sum = 0;
      for (const x of s) sum += Math.exp(x * beta - max);
      total += max + Math.log(sum) - s[truth[i]!]! * beta;
    });
    return total;
  };
  // the loss is convex in beta = 1/T; golden-section search on log beta over T ∈ [0.1, 100]
  let lo = Math.log(0.01);
  let hi = Math.log(10);
  const g = (Math.sqrt(5) - 1) / 2;
  let a = hi - g * (hi - lo);
  let b = lo + g * (hi - lo);
  let la = loss(a);
  let lb = loss(b);
  for (let it = 0; it < 60; it++) {
    if (la < lb) {
      hi = b;
      b = a;
      lb = la;
      a = hi - g * (hi - lo);
      la = loss(a);
    } else {
      lo = a;
      a = b;
      la = lb;
      b = lo + g * (hi - lo);
      lb = loss(b);
    }
  }
  return 1 / Math.exp((lo + hi) / 2);
}

// ---------------------------------------------------------------------------------------------
// Storage

const FORMAT = 'dieuhanh/field-model';

function floatsToBase64(xs: Float64Array): string {
  const buf = Buffer.alloc(xs.length * 4);
  xs.forEach((x, i) => buf.writeFloatLE(x, i * 4));
  return buf.toString('base64');
}

function base64ToFloats(s: string): Float64Array {
  const buf = Buffer.from(s, 'base64');
  const out = new Float64Array(buf.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = buf.readFloatLE(i * 4);
  return out;
}

/**
 * The model as JSON, for the database: the feature list and one float32 per feature and field
 * (little-endian, base64), row after row.
 */
export function serializeModel(model: FieldModel): string {
  const k = model.fields.length;
  const features = [...model.weights.keys()];
  const all = new Float64Array(features.length * k);
  features.forEach((f, i) => all.set(model.weights.get(f)!, i * k));
  return JSON.stringify({
    format: FORMAT,
    version: model.version,
    bigrams: model.bigrams,
    l2: model.l2,
    temperature: model.temperature,
    refFeatures: model.refFeatures,
    examples: model.examples,
    fields: model.fields,
    bias: [...model.bias],
    features,
    weights: floatsToBase64(all),
  });
}

/** Reads a model written by serializeModel; throws on anything else. */
export function deserializeModel(json: string): FieldModel {
  const bad = (why: string): never => {
    throw new Error(`deserializeModel: ${why}`);
  };
  let o: Record<string, unknown> = {};
  try {
    o = JSON.parse(json) as Record<string, unknown>;
  } catch {
    bad('not JSON');
  }
  if (!o || typeof o !== 'object' || o.format !== FORMAT) bad('not a field model');
  if (o.version !== 1) bad(`unsupported version ${String(o.version)}`);
  const positive = (x: unknown, name: string) =>
    typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : bad(`${name} must be a positive number`);
  const strings = (x: unknown, name: string) =>
    Array.isArray(x) && x.every((s) => typeof s === 'string') ? (x as string[]) : bad(`${name} must be strings`);
  const fields = strings(o.fields, 'fields');
  if (fields.length === 0 || new Set(fields).size !== fields.length) bad('fields must be distinct and not empty');
  const k = fields.length;
  const bias =
    Array.isArray(o.bias) && o.bias.length === k && o.bias.every((b) => Number.isFinite(b)) ? o.bias : bad('bias');
  const features = strings(o.features, 'features');
  if (new Set(features).size !== features.length) bad('duplicate features');
  const all = typeof o.weights === 'string' ? base64ToFloats(o.weights) : bad('weights');
  if (all.length !== features.length * k) bad('weights do not match features × fields');
  if (!all.every((w) => Number.isFinite(w))) bad('weights must be finite');
  const weights = new Map<string, Float64Array>();
  features.forEach((f, i) => weights.set(f, all.slice(i * k, i * k + k)));
  return {
    version: 1,
    bigrams: o.bigrams === true,
    l2: positive(o.l2, 'l2'),
    fields: [...fields],
    bias: Float64Array.from(bias as number[]),
    weights,
    temperature: positive(o.temperature, 'temperature'),
    refFeatures: positive(o.refFeatures, 'refFeatures'),
    examples: typeof o.examples === 'number' && o.examples >= 0 ? o.examples : 0,
  };
}
