import { isApiError } from '../api/client';

/**
 * Maps a server validation error onto one of the form's fields using the dotted `field` path
 * ("body.name", "fieldCodes.0" → "name", "fieldCodes"). Returns null when no field matches.
 */
export function fieldOfError<K extends string>(error: unknown, fields: readonly K[]): K | null {
  if (!isApiError(error) || !error.field) return null;
  const parts = error.field.split('.').filter((p) => p !== 'body');
  for (const p of parts) {
    const hit = fields.find((f) => f === p);
    if (hit) return hit;
  }
  return null;
}
