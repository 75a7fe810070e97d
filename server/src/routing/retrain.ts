import type { Queryable } from '../platform/db.js';
import type { JobHandler } from '../platform/jobs.js';
import { bumpRoutingGeneration } from '../org/generation.js';
import { serializeModel, trainClassifier } from './classifier.js';
import { policyByStatus } from './routing.store.js';

/**
 * Retrains the field classifier from the confirmed examples and the live policy's keywords,
 * at most once an hour (the job's dedupe key), and saves it for every instance.
 */
export const retrainClassifier: JobHandler = async (q: Queryable) => {
  const examples = await q.query<{ text: string; field: string }>(
    'SELECT text, field_code AS field FROM routing_examples',
  );
  const live = await policyByStatus(q, 'published');
  if (!examples.length || !live) return;
  const model = trainClassifier(examples, { keywords: live.policy.keywords });
  await q.query(
    `INSERT INTO classifier_models(name, model, examples, updated_at) VALUES ('fields', $1, $2, now())
     ON CONFLICT (name) DO UPDATE SET model = $1, examples = $2, updated_at = now()`,
    [serializeModel(model), examples.length],
  );
  await bumpRoutingGeneration(q);
};
