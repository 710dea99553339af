// Serving the built web app: client-side routes get index.html, hashed assets are cached for long,
// and a missing asset is a 404 (never the page in its place).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { api, expectError, useTestContext } from '../../../tests/support/index.ts';

const webDir = mkdtempSync(path.join(os.tmpdir(), 'downline-web-'));
mkdirSync(path.join(webDir, 'assets'));
writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Downline</title><div id="root"></div>');
writeFileSync(path.join(webDir, 'assets', 'app-1234.js'), 'console.log(1)');
writeFileSync(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

describe('web app serving', () => {
  const ctx = useTestContext({ config: { webDir } });
  afterAll(() => rmSync(webDir, { recursive: true, force: true }));

  it.each(['/', '/settings', '/contacts?list=2'])('%s gets the app, not cached', async (url) => {
    const response = await api(ctx.app).get(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toContain('<div id="root">');
  });

  it('a hashed asset is cached for a year', async () => {
    const response = await api(ctx.app).get('/assets/app-1234.js');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('a top-level static file is served as it is', async () => {
    const response = await api(ctx.app).get('/favicon.svg');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('image/svg+xml');
  });

  it('a missing asset is a 404, not index.html', async () => {
    expectError(await api(ctx.app).get('/assets/app-old.js'), 404, 'not_found');
    expectError(await api(ctx.app).get('/assets'), 404, 'not_found');
  });

  it('API paths never fall back to the app', async () => {
    expectError(await api(ctx.app).get('/api/v1/nothing-here'), 404, 'not_found');
  });

  it('pages carry the content security policy', async () => {
    const response = await api(ctx.app).get('/');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});
