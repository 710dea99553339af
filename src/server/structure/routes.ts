// The sponsor tree over HTTP: member pages, frontline (lazy tree), downline table and CSV, search,
// adding by hand, editing, and moving (admins).
import { Readable } from 'node:stream';
import { actorOf, requireActor } from '../auth/actor.ts';
import { errorResponses } from '../http/errors.ts';
import type { App, Deps } from '../http/types.ts';
import { csvHeader, csvRow, presentMember, presentSummary } from './presenters.ts';
import {
  addMemberBody,
  csvQuery,
  downlinePageSchema,
  downlineQuery,
  frontlineSchema,
  memberIdParams,
  memberPageSchema,
  memberSchema,
  moveMemberBody,
  pageQuery,
  searchQuery,
  searchResultSchema,
  signOutSchema,
  updateMemberBody,
} from './schemas.ts';
import { structureService } from './service.ts';

const tags = ['structure'];

export async function structureRoutes(app: App, deps: Deps) {
  const structure = structureService(deps);
  const guarded = { onRequest: requireActor };

  app.get(
    '/api/v1/members/:id',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'A member of my downline (or myself): profile, upline names, structure counts',
        params: memberIdParams,
        response: { 200: memberPageSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const page = await structure.page(actorOf(request), request.params.id);
      return { ...page, member: presentMember(page.member) };
    },
  );

  app.get(
    '/api/v1/members/:id/frontline',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'The direct members of a member, with their own frontline size (for the tree)',
        params: memberIdParams,
        querystring: pageQuery,
        response: { 200: frontlineSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { member, rows, total } = await structure.frontline(
        actorOf(request),
        request.params.id,
        request.query,
      );
      return {
        total,
        rows: rows.map((r) => ({ ...presentSummary(r.member, member.depth), frontline: r.children })),
      };
    },
  );

  app.get(
    '/api/v1/members/:id/downline',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'A page of the downline table, filtered and sorted',
        params: memberIdParams,
        querystring: downlineQuery,
        response: { 200: downlinePageSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { member, rows, total } = await structure.downline(
        actorOf(request),
        request.params.id,
        request.query,
      );
      return { total, rows: rows.map((r) => presentSummary(r, member.depth)) };
    },
  );

  app.get(
    '/api/v1/members/:id/downline.csv',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'The filtered downline as CSV (UTF-8 with BOM)',
        params: memberIdParams,
        querystring: csvQuery,
        response: errorResponses(400, 401, 404),
      },
    },
    async (request, reply) => {
      const { sort: _sort, direction: _direction, delimiter, ...filter } = request.query;
      const separator = delimiter === 'semicolon' ? ';' : ',';
      const { member, batches } = await structure.exportDownline(actorOf(request), request.params.id, filter);
      async function* lines() {
        yield csvHeader(separator);
        for await (const batch of batches)
          yield batch.map((r) => csvRow(r, member.depth, separator)).join('');
      }
      const fileName = `downline-${member.name.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()}.csv`;
      return (
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="downline.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
          )
          // A stream is sent as it is (no JSON serialization); the schema only documents the errors.
          .send(Readable.from(lines()) as never)
      );
    },
  );

  app.get(
    '/api/v1/members/:id/search',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Find members of a downline by name or city, with the trail to open the tree at them',
        params: memberIdParams,
        querystring: searchQuery,
        response: { 200: searchResultSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { member, rows } = await structure.search(
        actorOf(request),
        request.params.id,
        request.query.q,
        request.query.limit,
      );
      return { rows: rows.map((r) => ({ member: presentSummary(r.member, member.depth), trail: r.trail })) };
    },
  );

  app.post(
    '/api/v1/members',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Add a member by hand under myself or someone in my downline (no account; invitable later)',
        body: addMemberBody,
        response: { 201: memberSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const member = await structure.add(actorOf(request), request.body);
      return reply.status(201).send(presentMember(member));
    },
  );

  app.patch(
    '/api/v1/members/:id',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Edit a profile (myself, admins, or upline for members without an account)',
        params: memberIdParams,
        body: updateMemberBody,
        response: { 200: memberSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentMember(await structure.update(actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/members/:id/move',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Move a member with their whole downline under another sponsor (admins)',
        params: memberIdParams,
        body: moveMemberBody,
        response: { 200: memberSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { member } = await structure.move(actorOf(request), request.params.id, request.body.sponsorId);
      return presentMember(member);
    },
  );

  app.post(
    '/api/v1/members/:id/sign-out',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Sign a member out on every device: all sessions of their account end (admins)',
        params: memberIdParams,
        response: { 200: signOutSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => structure.signOut(actorOf(request), request.params.id),
  );
}
