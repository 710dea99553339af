// A small client over app.inject: JSON in and out, the session cookie, and an Origin header that
// matches the address inject() sends requests to (plain http, Host: localhost:80), so mutations pass
// the CSRF guard exactly as a browser on the app's own page would.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from './context.ts';

/**
 * The app's origin under inject(): request.protocol is `http` and request.host `localhost:80`. A browser
 * serializes that origin without the default port, so this is what it would send.
 */
export const TEST_ORIGIN = 'http://localhost';

export type Response = LightMyRequestResponse;

export interface RequestInit {
  /** Extra headers; `undefined` removes a default one (e.g. `{ origin: undefined }`). */
  headers?: Record<string, string | undefined>;
  /** Client address, for the per-address rate limit. */
  remoteAddress?: string;
}

export interface ApiClient {
  get(url: string, init?: RequestInit): Promise<Response>;
  delete(url: string, init?: RequestInit): Promise<Response>;
  /** Objects are sent as JSON; strings are sent as they are (for malformed bodies). */
  post(url: string, body?: unknown, init?: RequestInit): Promise<Response>;
  patch(url: string, body?: unknown, init?: RequestInit): Promise<Response>;
  put(url: string, body?: unknown, init?: RequestInit): Promise<Response>;
  request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    init?: RequestInit,
  ): Promise<Response>;
}

export function api(app: TestApp, cookie?: string | null): ApiClient {
  const request: ApiClient['request'] = (method, url, body, init = {}) => {
    const headers: Record<string, string> = { origin: TEST_ORIGIN };
    if (cookie) headers.cookie = cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    for (const [key, value] of Object.entries(init.headers ?? {})) {
      if (value === undefined) delete headers[key.toLowerCase()];
      else headers[key.toLowerCase()] = value;
    }
    return app.inject({
      method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
      ...(init.remoteAddress ? { remoteAddress: init.remoteAddress } : {}),
    });
  };
  return {
    request,
    get: (url, init) => request('GET', url, undefined, init),
    delete: (url, init) => request('DELETE', url, undefined, init),
    post: (url, body, init) => request('POST', url, body, init),
    patch: (url, body, init) => request('PATCH', url, body, init),
    put: (url, body, init) => request('PUT', url, body, init),
  };
}

/** Set-Cookie headers of a response, as a list. */
export function setCookies(response: Response): string[] {
  const raw = response.headers['set-cookie'];
  if (raw === undefined) return [];
  return Array.isArray(raw) ? raw : [String(raw)];
}

/** The cookies a browser would keep from this response, as a Cookie request header. */
export function cookieHeader(response: Response): string {
  return setCookies(response)
    .filter((c) => !/;\s*max-age=0/i.test(c))
    .map((c) => c.split(';', 1)[0]!)
    .filter((pair) => pair.split('=', 2)[1])
    .join('; ');
}

/** The Set-Cookie header of the session cookie (its attributes are what the tests check). */
export function sessionSetCookie(response: Response): string | undefined {
  return setCookies(response).find((c) => /^(__Secure-)?downline\.session_token=/.test(c));
}

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: { path: string; code: string; message: string; params?: Record<string, string | number> }[];
  };
}

/** Error bodies never leak internals: no stack frames, source paths or library folders. */
export function expectNoInternals(response: Response) {
  expect(response.body).not.toMatch(/\bat .+\(.+:\d+:\d+\)|\.[cm]?[jt]s:\d+|node_modules|"stack"/i);
}

/** Asserts an error response: status, code, the JSON error shape, and that no internals leak. */
export function expectError(response: Response, status: number, code: string): ErrorBody {
  expect(response.headers['content-type'], response.body).toMatch(/^application\/json/);
  const body = response.json() as ErrorBody;
  expect({ status: response.statusCode, code: body.error?.code }, response.body).toEqual({ status, code });
  expect(typeof body.error.message).toBe('string');
  expect(Object.keys(body.error).sort()).toEqual(
    body.error.fields ? ['code', 'fields', 'message'] : ['code', 'message'],
  );
  expectNoInternals(response);
  return body;
}

/** Paths of the fields a validation error names. */
export function fieldPaths(body: ErrorBody): string[] {
  return (body.error.fields ?? []).map((f) => f.path);
}
