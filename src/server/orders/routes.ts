// Orders, the product catalog and the back-office import over HTTP.
import { actorOf, requireActor } from '../auth/actor.ts';
import { AppError, errorResponses } from '../http/errors.ts';
import type { App, Deps } from '../http/types.ts';
import { importOrders, OrderImportInvalidError } from './import.ts';
import { orderPolicy } from './policy.ts';
import { presentImport } from './presenters.ts';
import {
  createOrderBody,
  IMPORT_CSV_LIMIT,
  importOrdersBody,
  listOrdersQuery,
  orderImportSchema,
  orderPageSchema,
  orderParams,
  orderSchema,
  productBody,
  productListSchema,
  productPatchBody,
  productSchema,
  productsQuery,
  reversalBody,
} from './schemas.ts';
import { orderService } from './service.ts';

const tags = ['orders'];
/** Row errors named in a 422 answer (a dry run lists more). */
const ERROR_FIELDS = 100;

export async function orderRoutes(app: App, deps: Deps) {
  const service = orderService(deps);
  const guarded = { onRequest: requireActor };

  app.get(
    '/api/v1/orders',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'A member’s postings, newest first, 50 a page, with the totals of the range (me by default)',
        querystring: listOrdersQuery,
        response: { 200: orderPageSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => service.list(actorOf(request), request.query),
  );

  app.post(
    '/api/v1/orders',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Post an order for myself or a member of my downline (admins: anyone)',
        description:
          'Points default to the catalog product’s points × quantity, the amount to its price × quantity. ' +
          'The member’s and the whole upline’s rollups change in the same transaction.',
        body: createOrderBody,
        response: { 201: orderSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => reply.status(201).send(await service.post(actorOf(request), request.body)),
  );

  app.post(
    '/api/v1/orders/:id/reversal',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Reverse an order (a return or a correction): a second posting with the negated figures',
        params: orderParams,
        body: reversalBody,
        response: { 201: orderSchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.reverse(actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/orders/import',
    {
      ...guarded,
      // JSON escapes line breaks and quotes: room for that beyond the CSV itself.
      bodyLimit: Math.ceil(IMPORT_CSV_LIMIT * 1.25),
      schema: {
        tags,
        summary: 'Import orders from a back-office CSV (admins)',
        description:
          'Columns: external_id, member_external_id, ordered_on, points, amount, currency, product, sku, ' +
          'buyer_name (German and Bulgarian names too; comma or semicolon; UTF-8). Every row is checked ' +
          'first; a file with errors is refused with 422 `import_invalid` and nothing is written. Rows ' +
          'posted before with the same values are unchanged; with other values they are errors. ' +
          '`dryRun` checks and counts only.',
        body: importOrdersBody,
        response: { 200: orderImportSchema, ...errorResponses(400, 401, 403, 413, 422) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      orderPolicy.importOrders(actor);
      try {
        const outcome = await importOrders(deps.database.db, {
          organizationId: actor.organizationId,
          actorMemberId: actor.memberId,
          csv: request.body.csv,
          dryRun: request.body.dryRun,
          fileName: request.body.fileName ?? null,
          today: deps.clock.now().toISOString().slice(0, 10),
        });
        return presentImport(outcome);
      } catch (err) {
        if (!(err instanceof OrderImportInvalidError)) throw err;
        throw new AppError(
          422,
          'import_invalid',
          err.message,
          err.outcome.errors.slice(0, ERROR_FIELDS).map((e) => ({
            path: 'csv',
            code: e.code,
            message: `Line ${e.line}: ${e.message}`,
            params: { line: e.line, ...(e.field ? { column: e.field } : {}) },
          })),
        );
      }
    },
  );

  app.get(
    '/api/v1/products',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'The product catalog: active products (admins: `all=true` for inactive ones too)',
        querystring: productsQuery,
        response: { 200: productListSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => service.products(actorOf(request), request.query.all ?? false),
  );

  app.post(
    '/api/v1/products',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Add a product to the catalog (admins)',
        body: productBody,
        response: { 201: productSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createProduct(actorOf(request), request.body)),
  );

  app.patch(
    '/api/v1/products/:id',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Change a product or take it off sale (admins); orders keep what they were posted with',
        params: orderParams,
        body: productPatchBody,
        response: { 200: productSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => service.updateProduct(actorOf(request), request.params.id, request.body),
  );
}
