/**
 * Domain errors carry a stable code; only the HTTP layer turns them into status codes
 * and Vietnamese messages (platform/http/messages.ts).
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly field?: string,
    readonly params: Record<string, string | number> = {},
    /** Extra fields merged into the error body, e.g. a link to the earlier duplicate. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export const notFound = (entity: string) => new AppError('NOT_FOUND', 404, undefined, { entity });
export const invalid = (field: string, code = 'VALIDATION_FAILED', params: Record<string, string | number> = {}) =>
  new AppError(code, 400, field, params);
export const conflict = (code: string, field?: string, params: Record<string, string | number> = {}) =>
  new AppError(code, 409, field, params);
