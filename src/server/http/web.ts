// Serves the built web app: hashed assets cached for a year, index.html for every client-side route.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { errorBody } from './errors.ts';

export async function registerWebApp(app: FastifyInstance, webDir: string) {
  const hasWeb = existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      // Our own cache headers below; the plugin's default (max-age=0) would replace them.
      cacheControl: false,
      setHeaders(reply, filePath) {
        reply.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api/') &&
      request.url !== '/healthz';
    if (isPage && hasWeb) {
      // Client-side routes (/, /settings, …) and static files get the app; assets come from the static plugin.
      const file = request.url.split('?')[0]!.slice(1);
      const direct = file && !file.includes('..') && isFile(path.join(webDir, file));
      if (direct) return reply.sendFile(file);
      // A missing hashed asset (an old tab after an update) is a 404, never the page in its place.
      if (file !== 'assets' && !file.startsWith('assets/'))
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply
      .status(404)
      .send(errorBody('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`));
  });
}

function isFile(p: string): boolean {
  return statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
}
