// Contacts in and out: import (preview, then import) from CSV and vCard files, export to CSV and vCard,
// and our CSV template.
import { z } from 'zod';
import { cityKey } from '../../core/contacts/fields.ts';
import { contactsToCsv, contactsToVcard, templateCsv } from '../../core/contacts/import.ts';
import { LOCALES } from '../../core/locales.ts';
import { actorOf, requireActor } from '../auth/actor.ts';
import { errorResponses } from '../http/errors.ts';
import type { App, Deps } from '../http/types.ts';
import { contactImports } from './imports.ts';
import { allContacts } from './lists.ts';
import { draftOfContact } from './presenters.ts';
import { exportQuery, importBody, importPreviewSchema } from './schemas.ts';
import { contactService } from './service.ts';

/** Some 20,000 vCards with photos stripped, base64: a phone's whole address book. */
export const CONTACT_IMPORT_BODY_LIMIT = 30 * 1024 * 1024;

const tags = ['contacts'];
// Files are sent as text (no JSON serialization): the schemas document only the errors, hence `as never`.

export async function contactImportRoutes(app: App, deps: Deps) {
  const imports = contactImports(deps);
  const contacts = contactService(deps);
  const { db } = deps.database;
  const guarded = { onRequest: requireActor };

  app.post(
    '/api/v1/contacts/import',
    {
      ...guarded,
      bodyLimit: CONTACT_IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Preview or import contacts from a CSV (Google, Outlook, our template) or vCard file',
        description:
          'Send the file base64-encoded; the encoding (UTF-8, UTF-16, Windows-1252 or -1251) and the format ' +
          'are detected. `preview` writes nothing: it returns the guessed column mapping, counts, every row ' +
          'with a problem (by line) and every duplicate (same phone or e-mail as a contact of mine or an ' +
          'earlier row). `import` writes in one transaction; rows with errors refuse the whole file with ' +
          '422 `import_invalid` unless `skipInvalidRows` is set.',
        body: importBody,
        response: { 200: importPreviewSchema, ...errorResponses(400, 401, 413, 422) },
      },
    },
    async (request) => imports.run(actorOf(request), request.body),
  );

  app.get(
    '/api/v1/contacts/import/template.csv',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Our CSV template, with headers in a language of your choice',
        querystring: z.object({ locale: z.enum(LOCALES).default('en') }),
        response: errorResponses(400, 401),
      },
    },
    async (request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="downline-contacts-${request.query.locale}.csv"`)
        .send(templateCsv(request.query.locale) as never),
  );

  const exported = async (actor: ReturnType<typeof actorOf>, query: z.infer<typeof exportQuery>) => {
    const owner = await contacts.ownerOf(actor);
    const { delimiter: _delimiter, today, ...filter } = query;
    const resolved = await contacts.resolveFilter(actor, filter);
    const rows = await allContacts(db, actor.organizationId, actor.memberId, resolved, {
      ownCityKey: cityKey(owner.city),
      today: contacts.todayOf(today),
      cityKeyOf: cityKey,
    });
    return rows.map((r) => draftOfContact(r.contact));
  };
  const fileName = (ext: string) => `contacts-${deps.clock.now().toISOString().slice(0, 10)}.${ext}`;

  app.get(
    '/api/v1/contacts/export.csv',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'My contacts (filtered like the list) as CSV in our template’s columns (UTF-8 with BOM)',
        querystring: exportQuery,
        response: errorResponses(400, 401),
      },
    },
    async (request, reply) => {
      const drafts = await exported(actorOf(request), request.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName('csv')}"`)
        .send(contactsToCsv(drafts, request.query.delimiter === 'semicolon' ? ';' : ',') as never);
    },
  );

  app.get(
    '/api/v1/contacts/export.vcf',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'My contacts (filtered like the list) as vCard 4.0, for phones and mail programs',
        querystring: exportQuery.omit({ delimiter: true }),
        response: errorResponses(400, 401),
      },
    },
    async (request, reply) => {
      const drafts = await exported(actorOf(request), { ...request.query, delimiter: 'comma' });
      return reply
        .header('content-type', 'text/vcard; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName('vcf')}"`)
        .send(contactsToVcard(drafts) as never);
    },
  );
}
