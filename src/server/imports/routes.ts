// Importing members from a company back office (admins): preview a CSV, then import it.
import { z } from 'zod';
import { actorOf, requireActor } from '../auth/actor.ts';
import { AppError, errorResponses } from '../http/errors.ts';
import type { App, Deps } from '../http/types.ts';
import { importPolicy } from './policy.ts';
import { importResultSchema, presentImport } from './presenters.ts';
import { ImportInvalidError, importMembers } from './service.ts';

/** A back-office export of some 100,000 members fits; bigger files go through `downline import members`. */
export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;
/** Row errors named in a 422 answer (the preview lists more). */
const ERROR_FIELDS = 100;

const importBody = z.object({
  fileName: z.string().trim().min(1).max(255),
  csv: z.string().min(1, 'The file is empty').max(IMPORT_BODY_LIMIT),
  mode: z.enum(['preview', 'import']),
  importValidRows: z.boolean().optional(),
});

export async function importRoutes(app: App, { database, clock }: Deps) {
  const { db } = database;

  app.post(
    '/api/v1/imports/members',
    {
      onRequest: requireActor,
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['imports'],
        summary: 'Preview or import members from a back-office CSV (admins)',
        description:
          'Columns: external_id, sponsor_external_id, name, email, phone, city, country, kind, joined_on ' +
          '(German and Bulgarian names too). `preview` writes nothing and lists every problem by line. ' +
          '`import` writes everything in one transaction; a file with errors is refused with 422 ' +
          '`import_invalid` unless `importValidRows` is set, which imports the rows that can be placed.',
        body: importBody,
        response: { 200: importResultSchema, ...errorResponses(400, 401, 403, 413, 422) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      importPolicy.importMembers(actor);
      const { fileName, csv, mode, importValidRows } = request.body;
      try {
        const outcome = await importMembers(db, {
          organizationId: actor.organizationId,
          actorMemberId: actor.memberId,
          fileName,
          csv,
          mode,
          importValidRows,
          today: clock.now().toISOString().slice(0, 10),
        });
        return presentImport(outcome);
      } catch (err) {
        if (!(err instanceof ImportInvalidError)) throw err;
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
}
