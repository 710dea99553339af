// Builds the HTTP application. The pipeline of every API route: authenticate (session → actor) →
// validate (zod) → authorize (the domain's policy) → run in a transaction → present.
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from '../db/client.ts';
import { accountRoutes } from './accounts/routes.ts';
import { createAuth } from './auth/auth.ts';
import { registerAuthentication } from './auth/plugin.ts';
import { credentialLimit } from './auth/rate-limit.ts';
import type { Config } from './config.ts';
import { contactImportRoutes } from './contacts/import-routes.ts';
import { contactRoutes } from './contacts/routes.ts';
import { diaryRoutes } from './diary/routes.ts';
import { followupRoutes } from './followup/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { registerCsrfGuard } from './http/csrf.ts';
import { registerErrorHandling } from './http/error-handler.ts';
import { registerInputGuard } from './http/input-guard.ts';
import { registerJsonBodyParser } from './http/json-body.ts';
import { loggerOptions } from './http/logging.ts';
import { type Clock, type Deps, systemClock } from './http/types.ts';
import { registerWebApp } from './http/web.ts';
import { importRoutes } from './imports/routes.ts';
import { invitationRoutes } from './invitations/routes.ts';
import { kpiRoutes } from './kpis/routes.ts';
import { orderRoutes } from './orders/routes.ts';
import { organizationRoutes } from './organizations/routes.ts';
import { planRoutes } from './plans/routes.ts';
import { structureRoutes } from './structure/routes.ts';
import { todayRoutes } from './today/routes.ts';
import { trainingRoutes } from './trainings/routes.ts';

export const BODY_LIMIT = 1024 * 1024;

export interface BuildOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
}

export async function buildApp({ config, database, clock = systemClock, logger }: BuildOptions) {
  const app = Fastify({
    logger: logger ?? loggerOptions(config),
    bodyLimit: BODY_LIMIT,
    // A hop count trusts that many proxies nearest to us (what Fastify does with a number).
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerJsonBodyParser(app);
  registerInputGuard(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'upgrade-insecure-requests': null,
      },
    },
    // HSTS only makes sense behind https; a reverse proxy that terminates TLS sets it.
    hsts: false,
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Downline API',
        version: '1',
        description:
          'JSON API of Downline. Browser sessions use the session cookie set by /api/v1/auth/sign-in; ' +
          'state-changing requests must come from the app’s own origin.',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const auth = createAuth(database.db, config, app.log);
  const deps: Deps = { database, auth, config, clock, credentialLimit: credentialLimit(app, config) };
  registerCsrfGuard(app, config);
  registerAuthentication(app, { auth, db: database.db });

  await app.register(async (scope) => {
    await healthRoutes(scope, deps);
    await accountRoutes(scope, deps);
    await organizationRoutes(scope, deps);
    await importRoutes(scope, deps);
    await structureRoutes(scope, deps);
    await invitationRoutes(scope, deps);
    await contactRoutes(scope, deps);
    await contactImportRoutes(scope, deps);
    await diaryRoutes(scope, deps);
    await followupRoutes(scope, deps);
    await orderRoutes(scope, deps);
    await trainingRoutes(scope, deps);
    await kpiRoutes(scope, deps);
    await planRoutes(scope, deps);
    await todayRoutes(scope, deps);
  });
  await registerWebApp(app, config.webDir);

  app.addHook('onClose', async () => {
    await database.close();
  });
  return app;
}
