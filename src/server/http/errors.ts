// Errors carry a stable code (for clients and translations) and a human message in English.
import { z } from 'zod';

export const ERROR_CODES = [
  'validation_failed',
  'invalid_json',
  'payload_too_large',
  'nesting_too_deep',
  'unauthenticated',
  'invalid_credentials',
  'membership_ended',
  'forbidden',
  'cross_site_request',
  'not_found',
  'email_taken',
  'invitation_required',
  'setup_token_invalid',
  'rate_limited',
  'unsupported_media_type',
  'method_not_allowed',
  'move_refused',
  'invitation_closed',
  'already_member',
  'bad_request',
  'import_invalid',
  'no_sponsor',
  'task_closed',
  'meeting_cancelled',
  'already_reversed',
  'training_closed',
  'review_closed',
  'review_not_yet',
  'goal_overlap',
  'plan_closed',
  'plan_overlap',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  /** Dotted path of the field in the request, e.g. `email` or `items.2.count`. */
  path: string;
  /**
   * Machine-readable reason: zod's issue code (`too_small`, `invalid_format`, …) or, for a rule of our
   * own, its reason code (`future_date`, `date_order`, … — see `reason`). The web app translates it.
   */
  code: string;
  message: string;
  /** Numbers the reason refers to, e.g. `{ minimum: 8 }`. */
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
  }
}

/**
 * A rule of our own in a zod schema (`refine`, `addIssue`): its English message and the reason code
 * (with the numbers it refers to) that reaches the client as the field's `code` and `params`.
 */
export function reason(code: string, message: string, params?: Record<string, string | number>) {
  return { message, params: { reason: code, ...params } };
}

/** A 400 that names one field and the reason, like the ones the schemas produce. */
export function invalidField(
  path: string,
  code: string,
  message: string,
  params?: Record<string, string | number>,
): AppError {
  const field: FieldError = params ? { path, code, message, params } : { path, code, message };
  return new AppError(400, 'validation_failed', message, [field]);
}

export const errors = {
  unauthenticated: () => new AppError(401, 'unauthenticated', 'Sign in to continue.'),
  forbidden: (message = 'You are not allowed to do this.') => new AppError(403, 'forbidden', message),
  notFound: (what = 'Resource') => new AppError(404, 'not_found', `${what} not found.`),
};

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      fields: z
        .array(
          z.object({
            path: z.string(),
            code: z.string(),
            message: z.string(),
            params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
          }),
        )
        .optional(),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export function errorBody(code: ErrorCode, message: string, fields?: FieldError[]): ErrorResponse {
  return { error: fields?.length ? { code, message, fields } : { code, message } };
}

/** The standard error responses, for route schemas. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, errorResponseSchema]));
