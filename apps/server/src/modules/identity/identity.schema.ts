import { z } from 'zod';
import { strOrNull } from '../../platform/http/schemas.ts';
import { ROLES } from '../../platform/policy.ts';

export const passwordRule = z
  .string()
  .min(10, { error: 'Mật khẩu cần ít nhất 10 ký tự / Password needs at least 10 characters' })
  .max(200)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), {
    error: 'Mật khẩu cần có cả chữ và số / Password needs both letters and digits',
  });

export const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordRule,
});

export const roleSchema = z.enum(ROLES);
export const scopeKindSchema = z.enum(['nation', 'province', 'commune', 'facility']);

export const createUserBody = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9._-]{3,64}$/, {
      error: 'Tên đăng nhập 3–64 ký tự: chữ thường, số, dấu . _ - / Username: 3–64 of a-z 0-9 . _ -',
    }),
  fullName: z.string().trim().min(2).max(120),
  role: roleSchema,
  scopeKind: scopeKindSchema,
  scopeCode: z.string().trim().max(64).nullable().optional(),
  password: passwordRule.optional().describe('When absent, a random password is generated and returned once'),
  phone: z
    .string()
    .max(40)
    .nullable()
    .optional()
    .describe('A Vietnamese phone number (mobile or fixed line)'),
});

export const updateUserBody = z.strictObject({
  fullName: z.string().trim().min(2).max(120).optional(),
  role: roleSchema.optional().describe('A new role (checked against the unit, new or kept; dated today)'),
  active: z.boolean().optional(),
  scopeKind: scopeKindSchema.optional().describe('A new unit for the account (its move is dated today)'),
  scopeCode: z.string().trim().max(64).nullable().optional(),
  phone: z
    .string()
    .max(40)
    .nullable()
    .optional()
    .describe("A Vietnamese phone number; '' or null removes it"),
  version: z.number().int().min(1),
});

export const userOut = z
  .object({
    id: z.string(),
    username: z.string(),
    fullName: z.string(),
    role: roleSchema,
    scopeKind: scopeKindSchema,
    scopeCode: strOrNull,
    scopeName: strOrNull,
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    loginLock: z
      .enum(['temporary', 'admin'])
      .nullable()
      .describe('Failed-login lock: a growing wait, or a lock only an administrator lifts'),
    lockedUntil: strOrNull,
    phone: strOrNull,
    version: z.number(),
  })
  .meta({ id: 'User' });

export const meOut = z
  .object({
    user: userOut,
    csrfToken: z.string(),
    abilities: z.object({ actions: z.array(z.string()), readableClasses: z.array(z.string()) }),
    secondFactor: z
      .enum(['ok', 'code', 'enrol'])
      .describe('ok, or what is still due before anything else: a TOTP code, or setting TOTP up (issue 16)'),
  })
  .meta({ id: 'Me' });
