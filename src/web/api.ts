// The one way the web app talks to the API: JSON in and out, errors as ApiError with the server's code.
import type { z } from 'zod';
import type { installationSchema, meSchema } from '../server/accounts/schemas.ts';
import type { FieldError } from '../server/http/errors.ts';
import type { organizationSchema } from '../server/organizations/presenters.ts';

export type Me = z.infer<typeof meSchema>;
export type Installation = z.infer<typeof installationSchema>;
export type Organization = z.infer<typeof organizationSchema>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

export async function api<T>(path: string, options: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers: options.body === undefined ? {} : { 'content-type': 'application/json' },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached.');
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = data?.error ?? {};
    throw new ApiError(
      response.status,
      error.code ?? 'internal',
      error.message ?? response.statusText,
      error.fields,
    );
  }
  return data as T;
}
