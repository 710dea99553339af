// The member's business card (with its vCard) and 2-minute presentation over HTTP.
import { businessCardVcard } from '../../core/followup/card.ts';
import { actorOf, requireActor } from '../auth/actor.ts';
import { errorResponses } from '../http/errors.ts';
import type { App, Deps } from '../http/types.ts';
import { cardBody, cardSchema, practiceBody, presentationBody, presentationSchema } from './schemas.ts';
import { toolsService } from './tools.ts';

const tags = ['follow-up'];

export async function toolsRoutes(app: App, deps: Deps) {
  const tools = toolsService(deps);
  const guarded = { onRequest: requireActor };
  const cardResponses = { 200: cardSchema, ...errorResponses(400, 401) };
  const presentationResponses = { 200: presentationSchema, ...errorResponses(400, 401) };

  app.get(
    '/api/v1/me/card',
    { ...guarded, schema: { tags, summary: 'My business card', response: cardResponses } },
    async (request) => tools.card(actorOf(request)),
  );

  app.put(
    '/api/v1/me/card',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Save my business card; the first save makes its standing invitation link',
        body: cardBody,
        response: cardResponses,
      },
    },
    async (request) => tools.saveCard(actorOf(request), request.body),
  );

  app.post(
    '/api/v1/me/card/link',
    {
      ...guarded,
      schema: { tags, summary: 'A new link for my card; the old one stops working', response: cardResponses },
    },
    async (request) => tools.renewLink(actorOf(request)),
  );

  app.get(
    '/api/v1/me/card.vcf',
    {
      ...guarded,
      schema: { tags, summary: 'My business card as vCard 4.0', response: errorResponses(401) },
    },
    async (request, reply) => {
      const card = await tools.vcard(actorOf(request));
      const origin = deps.config.baseUrl ?? `${request.protocol}://${request.host}`;
      const fileName = card.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'card';
      return reply
        .header('content-type', 'text/vcard; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="card.vcf"; filename*=UTF-8''${encodeURIComponent(fileName)}.vcf`,
        )
        .send(businessCardVcard({ ...card, url: card.path ? origin + card.path : null }) as never);
    },
  );

  app.get(
    '/api/v1/me/presentation',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'My 2-minute presentation and the organization’s starters',
        response: presentationResponses,
      },
    },
    async (request) => tools.presentation(actorOf(request)),
  );

  app.put(
    '/api/v1/me/presentation',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Save my 2-minute presentation',
        body: presentationBody,
        response: presentationResponses,
      },
    },
    async (request) => tools.savePresentation(actorOf(request), request.body),
  );

  app.post(
    '/api/v1/me/presentation/practice',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Count a practice run with the timer',
        body: practiceBody,
        response: presentationResponses,
      },
    },
    async (request) => tools.practice(actorOf(request), request.body.seconds),
  );
}
