import { z } from 'zod';

/** The user as the API shows it: the same shape for /api/auth/me and /api/org/people. */
export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  position: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  orgUnitId: z.string().nullable(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  clearance: z.number(),
  active: z.boolean(),
});
