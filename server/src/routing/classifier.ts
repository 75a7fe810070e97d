/**
 * Field suggestion (lĩnh vực) for incoming documents: multinomial naive Bayes over diacritic-folded
 * Vietnamese syllable unigrams and bigrams, stop words removed (stopwords.ts). Pure: no I/O.
 *
 * - Features are binary per text (a syllable said twice in one subject counts once), which suits
 *   short texts such as trích yếu; unknown features are ignored.
 * - Smoothing is Lidstone (alpha); the class prior is the share of examples per field, smoothed.
 * - Confidence is softmax(log-posterior / T). Raw naive Bayes posteriors are far too sure of
 *   themselves, so trainClassifier fits the temperature T on out-of-fold scores (5-fold inside
 *   the training set, minimising log loss); a cold-start model uses COLD_START_TEMPERATURE.
 *   A text with many more features than the training subjects (a whole body) has its
 *   log-likelihood damped by sqrt(features / refFeatures), so a long text does not become
 *   certain merely by being long.
 * - updateModel adds (or with a negative weight removes) one example: counts are exact, so the
 *   model after n updates equals the model trained on the same examples, except for T.
 * - The model is stored as JSON (serializeModel / deserializeModel); deserializeModel validates.
 */
import { foldVietnamese } from '../platform/text.js';
import { NUMBER_MARKERS, STOP_EXACT, STOP_FOLDED, STOP_PHRASES } from './stopwords.js';

export interface LabelledText {
  text: string;
  field: string;
}

export interface TrainOptions {
  /** Lidstone smoothing added to every feature count. */
  alpha?: number;
  /** Use syllable bigrams besides unigrams. */
  bigrams?: boolean;
  /** Routing-policy keywords per field, added as pseudo-examples (features only, no prior mass). */
  keywords?: Record<string, string[]>;
  /** Fit the temperature on out-of-fold scores (needs at least 20 examples and 2 fields). */
  calibrate?: boolean;
}

export interface FieldModel {
  version: 1;
  alpha: number;
  bigrams: boolean;
  /** Softmax temperature: confidence = softmax(log-posterior / temperature). */
  temperature: number;
  /** Typical number of features of a training text; longer texts are damped (see above). */
  refFeatures: number;
  /** Field codes; indices below refer to this list. */
  fields: string[];
  /** Examples seen per field (drives the prior). */
  docs: number[];
  /** Feature occurrences per field (sum over features; kept in step with `features`). */
  totals: number[];
  /** Feature → sparse counts [fieldIndex, count, fieldIndex, count, …]. */
  features: Map<string, number[]>;
}

export interface FieldScore {
  field: string;
  /** Calibrated probability, 0–1. */
  confidence: number;
}

export interface FieldSuggestion extends FieldScore {
  /** The next most likely fields, most likely first. */
  alternatives: FieldScore[];
  /** How many of the text's features the model knows; 0 means the answer is the prior alone. */
  matched: number;
}

export const DEFAULT_ALPHA = 0.1;
/** Measured with bench/classifier.ts on the labelled set (keywords-only model, log loss). */
export const COLD_START_TEMPERATURE = 1.5;
const DEFAULT_TEMPERATURE = 3;
const DEFAULT_REF_FEATURES = 30;
const CALIBRATION_FOLDS = 5;

// ---------------------------------------------------------------------------------------------
// Features

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[/.\-–][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;
const WORD_START = /^[\p{L}\p{M}\p{N}]/u;
const DIGIT = /\d/;
const ROMAN = /^[IVXLC]+$/;
const COMPOUND_SEPARATOR = /[/.\-–]/;

const stopExact = new Set(STOP_EXACT.map((w) => w.normalize('NFC')));
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

/**
 * The features of a text: folded syllables and, if `bigrams`, pairs of adjacent kept syllables
 * ("dat dai"). A removed word, a number or punctuation breaks adjacency. Each feature once.
 */
export function textFeatures(text: string, bigrams = true): string[] {
  const kind: number[] = [];
  const orig: string[] = [];
  const low: string[] = [];
  for (const m of text.normalize('NFC').matchAll(TOKEN)) {
    const t = m[0];
    if (!WORD_START.test(t)) {
      kind.push(BREAK);
      orig.push('');
      low.push('');
    } else if (DIGIT.test(t)) {
      kind.push(NUMBER);
      orig.push('');
      low.push('');
    } else if (COMPOUND_SEPARATOR.test(t) && !stopFolded.has(foldVietnamese(t))) {
      for (const part of t.split(COMPOUND_SEPARATOR)) {
        if (!part) continue;
        kind.push(WORD);
        orig.push(part);
        low.push(part.toLowerCase());
      }
    } else {
      kind.push(WORD);
      orig.push(t);
      low.push(t.toLowerCase());
    }
  }
  const n = kind.length;
  const folded = foldTokens(low, kind);
  const keep: boolean[] = kind.map((k) => k === WORD);

  const isNumberAt = (j: number) =>
    j >= 0 && j < n && (kind[j] === NUMBER || (kind[j] === WORD && ROMAN.test(orig[j]!)));
  for (let i = 0; i < n; i++) {
    if (kind[i] !== WORD) continue;
    // "năm 2026", "9 tháng", "quý III", "giai đoạn 2026-2030": the marker and its number go
    const markers = markersByFirst.get(folded[i]!);
    if (markers) {
      for (const parts of markers) {
        if (!matchesAt(folded, kind, i, parts)) continue;
        const end = i + parts.length;
        if (isNumberAt(end) || (i > 0 && kind[i - 1] === NUMBER)) {
          for (let j = i; j < end; j++) keep[j] = false;
          if (isNumberAt(end) && kind[end] === WORD) keep[end] = false;
          break;
        }
      }
    }
    const phrases = phrasesByFirst.get(folded[i]!);
    if (phrases) {
      for (const parts of phrases) {
        if (!matchesAt(folded, kind, i, parts)) continue;
        for (let j = i; j < i + parts.length; j++) keep[j] = false;
        break;
      }
    }
    const f = folded[i]!;
    if (f.length < 2 || stopExact.has(low[i]!) || stopFolded.has(f)) keep[i] = false;
  }

  const out = new Set<string>();
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    out.add(folded[i]!);
    if (bigrams && i + 1 < n && keep[i + 1]) out.add(`${folded[i]} ${folded[i + 1]}`);
  }
  return [...out];
}

function matchesAt(folded: string[], kind: number[], i: number, parts: string[]): boolean {
  if (i + parts.length > folded.length) return false;
  for (let k = 0; k < parts.length; k++) {
    if (kind[i + k] !== WORD || folded[i + k] !== parts[k]) return false;
  }
  return true;
}

/** Folds the words in one call to foldVietnamese; falls back to one call per word if they do not line up. */
function foldTokens(low: string[], kind: number[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < low.length; i++) if (kind[i] === WORD) words.push(low[i]!);
  let f = foldVietnamese(words.join(' ')).split(' ');
  if (f.length !== words.length) f = words.map((w) => foldVietnamese(w));
  const out: string[] = new Array<string>(low.length).fill('');
  let k = 0;
  for (let i = 0; i < low.length; i++) if (kind[i] === WORD) out[i] = f[k++] ?? '';
  return out;
}

// ---------------------------------------------------------------------------------------------
// Training and updating

function emptyModel(alpha: number, bigrams: boolean): FieldModel {
  return {
    version: 1,
    alpha,
    bigrams,
    temperature: DEFAULT_TEMPERATURE,
    refFeatures: DEFAULT_REF_FEATURES,
    fields: [],
    docs: [],
    totals: [],
    features: new Map(),
  };
}

function fieldIndex(model: FieldModel, field: string): number {
  let c = model.fields.indexOf(field);
  if (c < 0) {
    c = model.fields.length;
    model.fields.push(field);
    model.docs.push(0);
    model.totals.push(0);
  }
  return c;
}

/** Adds `weight` × each feature to field c; counts never go below zero. */
function addFeatures(model: FieldModel, c: number, feats: string[], weight: number): void {
  for (const f of feats) {
    let entry = model.features.get(f);
    if (!entry) {
      if (weight <= 0) continue;
      entry = [];
      model.features.set(f, entry);
    }
    let k = 0;
    while (k < entry.length && entry[k] !== c) k += 2;
    if (k === entry.length) {
      if (weight <= 0) continue;
      entry.push(c, 0);
    }
    const before = entry[k + 1]!;
    const after = Math.max(0, before + weight);
    model.totals[c] = Math.max(0, model.totals[c]! + after - before);
    if (after === 0) {
      entry.splice(k, 2);
      if (entry.length === 0) model.features.delete(f);
    } else entry[k + 1] = after;
  }
  cache.delete(model);
}

/**
 * The features a keyword phrase stands for: its bigrams if it has any, so that "đầu tư công" votes
 * for "dau tu" and "tu cong" but not for "cong" alone, which appears in every field; a
 * one-syllable keyword ("thuế", "chợ") stands for itself.
 */
export function keywordFeatures(phrase: string, mode = KEYWORD_MODE): string[] {
  const all = textFeatures(phrase, true);
  if (mode === 'all') return all;
  const pairs = all.filter((f) => f.includes(' '));
  return pairs.length ? pairs : all;
}
export let KEYWORD_MODE: 'all' | 'phrase' = 'phrase';
export let KEYWORD_WEIGHT = 1;
export function setExperiment(mode: 'all' | 'phrase', weight: number) {
  KEYWORD_MODE = mode;
  KEYWORD_WEIGHT = weight;
}

function addKeywords(model: FieldModel, keywords: Record<string, string[]>, weight = KEYWORD_WEIGHT): void {
  for (const [field, phrases] of Object.entries(keywords)) {
    const c = fieldIndex(model, field);
    for (const p of phrases) addFeatures(model, c, keywordFeatures(p), weight);
  }
}

function countExamples(model: FieldModel, examples: { feats: string[]; field: string }[]): void {
  for (const e of examples) {
    const c = fieldIndex(model, e.field);
    model.docs[c]!++;
    addFeatures(model, c, e.feats, 1);
  }
}

/** Trains a model on labelled texts (and optionally the routing policy's keywords). */
export function trainClassifier(examples: LabelledText[], opts: TrainOptions = {}): FieldModel {
  const alpha = opts.alpha ?? DEFAULT_ALPHA;
  const bigrams = opts.bigrams ?? true;
  const prepared = examples.map((e) => ({ feats: textFeatures(e.text, bigrams), field: e.field }));
  const build = (subset: typeof prepared) => {
    const m = emptyModel(alpha, bigrams);
    // fields in first-seen order over all examples, so fold models and the final one agree
    for (const e of prepared) fieldIndex(m, e.field);
    if (opts.keywords) addKeywords(m, opts.keywords);
    countExamples(m, subset);
    return m;
  };
  const model = build(prepared);
  if (prepared.length > 0) {
    const sizes = prepared.map((e) => e.feats.length).sort((a, b) => a - b);
    model.refFeatures = Math.max(1, sizes[Math.floor(sizes.length * 0.9)] ?? DEFAULT_REF_FEATURES);
  }
  const distinct = new Set(prepared.map((e) => e.field)).size;
  if ((opts.calibrate ?? true) && prepared.length >= 20 && distinct >= 2) {
    const scores: Float64Array[] = [];
    const truth: number[] = [];
    for (let k = 0; k < CALIBRATION_FOLDS; k++) {
      const m = build(prepared.filter((_, i) => i % CALIBRATION_FOLDS !== k));
      m.refFeatures = model.refFeatures;
      prepared.forEach((e, i) => {
        if (i % CALIBRATION_FOLDS !== k) return;
        scores.push(logPosterior(m, e.feats).scores);
        truth.push(m.fields.indexOf(e.field));
      });
    }
    model.temperature = fitTemperature(scores, truth);
  }
  return model;
}

/**
 * A model from the routing policy's keywords alone, before any route has been confirmed: each
 * keyword or phrase is a pseudo-example of its field; every field gets the same prior.
 */
export function coldStartModel(keywords: Record<string, string[]>, opts: { alpha?: number } = {}): FieldModel {
  const model = emptyModel(opts.alpha ?? DEFAULT_ALPHA, true);
  addKeywords(model, keywords);
  model.temperature = COLD_START_TEMPERATURE;
  return model;
}

/**
 * Learns from one confirmed (or overridden) route, in place, and returns the same model. A field
 * the model has not seen is added. `weight: -1` takes back an example learnt earlier (a route
 * confirmed and later corrected).
 */
export function updateModel(model: FieldModel, example: LabelledText, opts: { weight?: number } = {}): FieldModel {
  const weight = opts.weight ?? 1;
  const c = fieldIndex(model, example.field);
  model.docs[c] = Math.max(0, model.docs[c]! + weight);
  addFeatures(model, c, textFeatures(example.text, model.bigrams), weight);
  return model;
}

// ---------------------------------------------------------------------------------------------
// Classification

interface Derived {
  logPrior: Float64Array;
  logDenom: Float64Array;
  logAlpha: number;
}
const cache = new WeakMap<FieldModel, Derived>();

function derived(model: FieldModel): Derived {
  let d = cache.get(model);
  if (d) return d;
  const k = model.fields.length;
  const v = Math.max(1, model.features.size);
  const totalDocs = model.docs.reduce((a, b) => a + b, 0);
  const logPrior = new Float64Array(k);
  const logDenom = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    logPrior[c] = Math.log((model.docs[c]! + 1) / (totalDocs + k));
    logDenom[c] = Math.log(model.totals[c]! + model.alpha * v);
  }
  d = { logPrior, logDenom, logAlpha: Math.log(model.alpha) };
  cache.set(model, d);
  return d;
}

/** log prior + damped log-likelihood per field (before the temperature). */
function logPosterior(model: FieldModel, feats: string[]): { scores: Float64Array; matched: number } {
  const { logPrior, logDenom, logAlpha } = derived(model);
  const k = model.fields.length;
  const ll = new Float64Array(k);
  let matched = 0;
  for (const f of feats) {
    const entry = model.features.get(f);
    if (!entry) continue;
    matched++;
    for (let j = 0; j < entry.length; j += 2) ll[entry[j]!]! += Math.log(entry[j + 1]! + model.alpha) - logAlpha;
  }
  const damp = Math.max(1, Math.sqrt(matched / model.refFeatures));
  const scores = new Float64Array(k);
  for (let c = 0; c < k; c++) scores[c] = logPrior[c]! + (ll[c]! + matched * (logAlpha - logDenom[c]!)) / damp;
  return { scores, matched };
}

function softmax(scores: Float64Array, temperature: number): Float64Array {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  const p = new Float64Array(scores.length);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) sum += p[c] = Math.exp((scores[c]! - max) / temperature);
  for (let c = 0; c < scores.length; c++) p[c]! /= sum;
  return p;
}

/** The most likely field of a text (trích yếu, optionally followed by the document's text). */
export function classify(model: FieldModel, text: string, opts: { alternatives?: number } = {}): FieldSuggestion {
  if (model.fields.length === 0) throw new Error('classify: the model has no fields');
  const { scores, matched } = logPosterior(model, textFeatures(text, model.bigrams));
  const p = softmax(scores, model.temperature);
  const order = Array.from(p.keys()).sort((a, b) => p[b]! - p[a]! || a - b);
  const best = order[0]!;
  return {
    field: model.fields[best]!,
    confidence: p[best]!,
    alternatives: order
      .slice(1, 1 + (opts.alternatives ?? 3))
      .map((c) => ({ field: model.fields[c]!, confidence: p[c]! })),
    matched,
  };
}

/** The temperature minimising the log loss of softmax(scores / T) against the true fields. */
export function fitTemperature(scores: Float64Array[], truth: number[]): number {
  const loss = (logBeta: number) => {
    const beta = Math.exp(logBeta);
    let total = 0;
    scores.forEach((s, i) => {
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

/** The model as JSON, for the database. Totals are not stored: they are recomputed on reading. */
export function serializeModel(model: FieldModel): string {
  return JSON.stringify({
    format: FORMAT,
    version: model.version,
    alpha: model.alpha,
    bigrams: model.bigrams,
    temperature: model.temperature,
    refFeatures: model.refFeatures,
    fields: model.fields,
    docs: model.docs,
    features: Object.fromEntries(model.features),
  });
}

/** Reads a model written by serializeModel; throws on anything else. */
export function deserializeModel(json: string): FieldModel {
  const bad = (why: string): never => {
    throw new Error(`deserializeModel: ${why}`);
  };
  const o = JSON.parse(json) as Record<string, unknown>;
  if (!o || typeof o !== 'object' || o.format !== FORMAT) bad('not a field model');
  if (o.version !== 1) bad(`unsupported version ${String(o.version)}`);
  const num = (x: unknown, name: string) =>
    typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : bad(`${name} must be a positive number`);
  const fields = Array.isArray(o.fields) && o.fields.every((f) => typeof f === 'string') ? o.fields : bad('fields');
  const docs =
    Array.isArray(o.docs) && o.docs.length === fields.length && o.docs.every((d) => typeof d === 'number' && d >= 0)
      ? (o.docs as number[])
      : bad('docs');
  if (new Set(fields).size !== fields.length) bad('duplicate fields');
  const model = emptyModel(num(o.alpha, 'alpha'), o.bigrams === true);
  model.temperature = num(o.temperature, 'temperature');
  model.refFeatures = num(o.refFeatures, 'refFeatures');
  model.fields = [...fields];
  model.docs = [...docs];
  model.totals = fields.map(() => 0);
  const feats =
    o.features && typeof o.features === 'object' ? (o.features as Record<string, unknown>) : bad('features');
  for (const [f, entry] of Object.entries(feats)) {
    if (!Array.isArray(entry) || entry.length === 0 || entry.length % 2 !== 0) bad(`feature "${f}"`);
    const e = entry as unknown[];
    for (let j = 0; j < e.length; j += 2) {
      const c = e[j];
      const n = e[j + 1];
      if (!Number.isInteger(c) || (c as number) < 0 || (c as number) >= fields.length)
        bad(`feature "${f}" field index`);
      if (typeof n !== 'number' || !(n > 0) || !Number.isFinite(n)) bad(`feature "${f}" count`);
      model.totals[c as number]! += n as number;
    }
    model.features.set(f, [...(e as number[])]);
  }
  return model;
}
