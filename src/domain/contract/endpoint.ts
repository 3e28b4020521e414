import { z } from 'zod';

/**
 * One REST endpoint, written once: the typed client builds requests from it and the mock API (or a
 * real server) validates against it. `path` uses `:name` placeholders.
 */
export interface Endpoint<
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  query?: Q;
  body?: B;
  response: R;
  /** Writes that change a versioned task require `If-Match: <version>` (412 stale, 428 missing). */
  versioned?: boolean;
  /** Answered without an identity (what the UI needs before anyone is known). */
  public?: boolean;
}

export function endpoint<Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  e: Endpoint<Q, B, R>,
): Endpoint<Q, B, R> {
  return e;
}

export const errorCodeSchema = z.enum([
  'bad-request',
  'unauthenticated',
  'forbidden',
  'not-found',
  'conflict',
  'precondition-failed',
  'precondition-required',
  'server-error',
  'unavailable',
  'unsupported-media-type',
  'too-many-requests',
  'payload-too-large',
  'request-timeout',
  'header-fields-too-large',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** The single error shape every endpoint answers with. */
export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** On 412: the current server copy, so the client can show both versions. */
    current: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const STATUS_OF: Record<ErrorCode, number> = {
  'bad-request': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'precondition-failed': 412,
  'precondition-required': 428,
  'server-error': 500,
  /** The database cannot be reached; the request may be retried. */
  unavailable: 503,
  /** A write whose body is not JSON (CSRF: a form post cannot send JSON). */
  'unsupported-media-type': 415,
  /** Too many failed sign-ins; `Retry-After` says when to try again. */
  'too-many-requests': 429,
  /** A request body over the limit (1 MB), counted while it streams in. */
  'payload-too-large': 413,
  /** Headers not received in time, or the client went away before its write started. */
  'request-timeout': 408,
  /** Request headers over Node's limit (16 KiB). */
  'header-fields-too-large': 431,
};

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}

export { buildPath, IDENTITY_HEADER } from './plain';
