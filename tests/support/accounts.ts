// Signing up and in through the real routes.
import { expect } from 'vitest';
import type { TestApp } from './context.ts';
import { api, cookieHeader, type Response } from './http.ts';

export const OWNER = {
  name: 'Olivia Owner',
  email: 'owner@example.test',
  password: 'correct horse battery staple',
  organizationName: 'Acme Team',
  locale: 'en',
} as const;

export type SignUpInput = {
  name: string;
  email: string;
  password: string;
  organizationName: string;
  locale?: string;
  city?: string;
  country?: string;
  setupToken?: string;
};

export function signUpRequest(app: TestApp, overrides: Partial<SignUpInput> = {}): Promise<Response> {
  return api(app).post('/api/v1/auth/sign-up', { ...OWNER, ...overrides });
}

/** Signs up the first owner (a new organization) and returns the session cookie. */
export async function signUpOwner(app: TestApp, overrides: Partial<SignUpInput> = {}): Promise<string> {
  const response = await signUpRequest(app, overrides);
  expect(response.statusCode, response.body).toBe(201);
  const cookie = cookieHeader(response);
  expect(cookie).toContain('downline.session_token=');
  return cookie;
}

export function signInRequest(
  app: TestApp,
  email: string,
  password: string,
  remoteAddress?: string,
): Promise<Response> {
  return api(app).post('/api/v1/auth/sign-in', { email, password }, remoteAddress ? { remoteAddress } : {});
}

/** Signs in and returns the session cookie. */
export async function signIn(app: TestApp, email: string, password: string): Promise<string> {
  const response = await signInRequest(app, email, password);
  expect(response.statusCode, response.body).toBe(200);
  const cookie = cookieHeader(response);
  expect(cookie).toContain('downline.session_token=');
  return cookie;
}
