import { z } from 'zod';
import { errorBody, errorResponseSchema } from '../http/errors.ts';
import type { App, Deps } from '../http/types.ts';

export async function healthRoutes(app: App, { database }: Deps) {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness and database reachability',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }),
          503: errorResponseSchema,
        },
      },
      logLevel: 'warn',
    },
    async (request, reply) => {
      try {
        await database.ping();
      } catch (err) {
        request.log.error({ err }, 'database unreachable');
        return reply.status(503).send(errorBody('internal', 'The database is not reachable.'));
      }
      return { status: 'ok' as const, database: database.kind };
    },
  );
}
