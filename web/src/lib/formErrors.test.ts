import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { fieldOfError } from './formErrors';

const err = (field?: string) => new ApiError(400, { code: 'VALIDATION_FAILED', message: 'x', field });

describe('fieldOfError', () => {
  it('maps dotted paths onto form fields', () => {
    expect(fieldOfError(err('name'), ['code', 'name'])).toBe('name');
    expect(fieldOfError(err('body.code'), ['code', 'name'])).toBe('code');
    expect(fieldOfError(err('fieldCodes.0'), ['fieldCodes'])).toBe('fieldCodes');
  });
  it('returns null when nothing matches', () => {
    expect(fieldOfError(err('other'), ['code'])).toBeNull();
    expect(fieldOfError(err(), ['code'])).toBeNull();
    expect(fieldOfError(new Error('x'), ['code'])).toBeNull();
  });
});
