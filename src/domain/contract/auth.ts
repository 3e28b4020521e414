import { z } from 'zod';
import { idSchema, instantSchema, roleSchema, sessionSchema } from '../schemas';
import { endpoint } from './endpoint';

/**
 * Sign-in and accounts. On the Node server a session is an HttpOnly cookie; the demo keeps its
 * identity switch. Every sign-in, sign-out, failure, lock-out and account change is audited.
 */
export const signInBodySchema = z.object({
  login: z.string().trim().min(1, 'login is required').max(64),
  password: z.string().min(1, 'password is required').max(1024),
});

/** At least 12 characters, any Unicode; a short list of common passwords is refused (server-side). */
export const PASSWORD_MIN_LENGTH = 12;
export const passwordSchema = z
  .string()
  .max(1024)
  .refine((p) => [...p].length >= PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`);

export const accountSchema = z.object({
  personId: idSchema,
  login: z.string(),
  name: z.string(),
  unitId: idSchema,
  role: roleSchema,
  title: z.string(),
  active: z.boolean(),
  passwordChangedAt: instantSchema.nullable(),
});
export type Account = z.infer<typeof accountSchema>;

export const loginNameSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9._@-]+$/, 'letters, digits and . _ @ - only');

export const createAccountBodySchema = z.object({
  login: loginNameSchema,
  name: z.string().trim().min(1).max(50),
  unitId: idSchema,
  role: roleSchema,
  title: z.string().trim().max(50).default(''),
  password: passwordSchema,
});

export const authEndpoints = {
  signIn: endpoint({
    method: 'POST',
    path: '/api/session',
    summary: 'Sign in with login and password; sets the session cookie (server only)',
    body: signInBodySchema,
    response: sessionSchema,
    public: true,
  }),
  signOut: endpoint({
    method: 'DELETE',
    path: '/api/session',
    summary: 'Sign out: the session is deleted on the server',
    response: z.object({ ok: z.literal(true) }),
  }),
  accounts: endpoint({
    method: 'GET',
    path: '/api/accounts',
    summary: 'Accounts (supervisor)',
    response: z.array(accountSchema),
  }),
  createAccount: endpoint({
    method: 'POST',
    path: '/api/accounts',
    summary: 'Create a person with an account (supervisor)',
    body: createAccountBodySchema,
    response: accountSchema,
  }),
  setAccountActive: endpoint({
    method: 'POST',
    path: '/api/accounts/:id/active',
    summary: 'Disable or enable an account; disabling ends its sessions (supervisor)',
    body: z.object({ active: z.boolean() }),
    response: accountSchema,
  }),
  resetPassword: endpoint({
    method: 'POST',
    path: '/api/accounts/:id/password',
    summary: "Set a new password; ends the account's sessions (supervisor)",
    body: z.object({ password: passwordSchema }),
    response: accountSchema,
  }),
};
