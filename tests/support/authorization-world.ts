// The world of the authorization matrix: two organizations and three owners of private things.
//
//   organization A: adminA (owner, admin) ─┬─ U (upline) ── S (sponsor) ─┬─ D (joined through S's link)
//                                          │                              └─ C (a customer)
//                                          └─ B (another branch)
//   organization X: adminX (its admin)
//
// S, D and B each own a private contact (with a log line), a contact shared with their sponsor, a task,
// an event and a note in the diary, a calendar feed, an invitation link, an order bought by their private
// contact, a training they organize, a week plan, a goal and a presentation; S and B a weekly analysis
// with corrections (D is too new for one); S logged a touchpoint about D; D answered the intake; S's
// event invites D. Every private text is a unique marker that says whose it is and who may read it.
import { randomBytes } from 'node:crypto';
import { beforeAll } from 'vitest';
import { signIn } from './accounts.ts';
import { type TestContext, useTestContext } from './context.ts';
import { createMember, createOrganization, DEFAULT_PASSWORD, type MemberRow } from './factories.ts';
import { type ApiClient, api, cookieHeader, type Response } from './http.ts';

export const CALLERS = ['anonymous', 'D', 'C', 'S', 'U', 'B', 'adminA', 'adminX'] as const;
export type Caller = (typeof CALLERS)[number];
export const OWNERS = ['S', 'D', 'B'] as const;
export type Owner = (typeof OWNERS)[number];
type Member = Exclude<Caller, 'anonymous'>;

/**
 * Who may read a marker besides its owner: nobody (`owner`: contacts, diary, corrections, touchpoint
 * notes — the touchpoint's owner is its author), the owner's current sponsor (`sponsor`: a shared
 * contact), or whoever sees the owner in full in the tree (`team`: plans, goal, intake answers).
 */
export type Visibility = 'owner' | 'sponsor' | 'team';

export interface Marker {
  text: string;
  owner: Owner;
  kind: string;
  visibility: Visibility;
}

export interface Resource {
  /** Path parameter values that reach it. */
  params: Record<string, string>;
  /** A contact shared with the owner's sponsor. */
  shared?: boolean;
  /** A diary event that invites this member. */
  invited?: Caller;
}

export interface World {
  ctx: TestContext;
  client(caller: Caller): ApiClient;
  /** A client on a session of its own (for signing out without ending the shared one). */
  throwawayClient(caller: Caller): Promise<ApiClient>;
  memberId(who: Member): string;
  sponsorOf(owner: Owner): Member;
  /** The owner themselves, their upline and their organization's admins: the team's view of a member. */
  teamView(caller: Caller, owner: Owner): boolean;
  resourcesOf(owner: Owner, kind: string): [string, Resource][];
  resource(owner: Owner, kind: string, name: string): Resource;
  markers(): Marker[];
}

const SPONSOR: Record<Owner, Member> = { S: 'U', D: 'S', B: 'adminA' };
const UPLINE: Record<Owner, Member[]> = { S: ['U', 'adminA'], D: ['S', 'U', 'adminA'], B: ['adminA'] };
const EMAIL: Record<Member, string> = {
  adminA: 'matrix-admin-a@example.test',
  U: 'matrix-upline@example.test',
  C: 'matrix-customer@example.test',
  S: 'matrix-sponsor@example.test',
  D: 'matrix-downline@example.test',
  B: 'matrix-branch@example.test',
  adminX: 'matrix-admin-x@example.test',
};
const D_PASSWORD = 'correct horse battery staple';
const DAY = '2026-03-15';

/** Registers the world's beforeAll; the returned function gives the world once it is built. */
export function useAuthorizationWorld(): () => World {
  const ctx = useTestContext();
  let world: World | undefined;
  beforeAll(async () => {
    world = await buildWorld(ctx);
  });
  return () => {
    if (!world) throw new Error('the authorization world is built in beforeAll');
    return world;
  };
}

function created(response: Response, what: string): Record<string, unknown> {
  if (response.statusCode !== 200 && response.statusCode !== 201)
    throw new Error(`${what}: ${response.statusCode} ${response.body}`);
  return response.json() as Record<string, unknown>;
}

/** The id of the object somewhere in `value` whose field `field` equals `text`. */
function idWhere(value: unknown, field: string, text: string): string | undefined {
  if (Array.isArray(value)) {
    for (const v of value) {
      const id = idWhere(v, field, text);
      if (id) return id;
    }
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o[field] === text && typeof o.id === 'string') return o.id;
    for (const v of Object.values(o)) {
      const id = idWhere(v, field, text);
      if (id) return id;
    }
  }
  return undefined;
}

async function buildWorld(ctx: TestContext): Promise<World> {
  const app = ctx.app;
  const ids = {} as Record<Member, string>;
  const cookies = {} as Record<Member, string>;
  const passwords = {} as Record<Member, string>;
  const markers: Marker[] = [];
  const resources = {} as Record<Owner, Record<string, Record<string, Resource>>>;
  for (const o of OWNERS) resources[o] = {};
  const add = (owner: Owner, kind: string, name: string, resource: Resource) => {
    resources[owner][kind] ??= {};
    resources[owner][kind]![name] = resource;
  };
  const marker = (owner: Owner, kind: string, visibility: Visibility) => {
    const text = `PRIVATE-${owner}-${kind}-${randomBytes(4).toString('hex')}`;
    markers.push({ text, owner, kind, visibility });
    return text;
  };

  const a = await createOrganization(ctx.db, {
    name: 'Matrix A',
    owner: { name: 'Ada Admin', email: EMAIL.adminA },
  });
  ids.adminA = a.owner.id;
  const place = async (
    who: Member,
    name: string,
    sponsor: MemberRow,
    kind: 'partner' | 'customer' = 'partner',
  ) => {
    const { member } = await createMember(ctx.db, {
      organizationId: a.organization.id,
      sponsor,
      name,
      kind,
      account: { email: EMAIL[who] },
    });
    ids[who] = member.id;
    return member;
  };
  const u = await place('U', 'Uma Upline', a.owner);
  const s = await place('S', 'Sam Sponsor', u);
  await place('C', 'Cem Customer', s, 'customer');
  await place('B', 'Bea Branch', a.owner);
  const x = await createOrganization(ctx.db, {
    name: 'Matrix X',
    owner: { name: 'Xavier Admin', email: EMAIL.adminX },
  });
  ids.adminX = x.owner.id;
  for (const who of ['adminA', 'U', 'S', 'C', 'B', 'adminX'] as const) {
    passwords[who] = DEFAULT_PASSWORD;
    cookies[who] = await signIn(app, EMAIL[who], DEFAULT_PASSWORD);
  }
  // D joins through S's link, so D has a follow-up.
  const link = created(
    await api(app, cookies.S).post('/api/v1/invitations', { kind: 'partner' }),
    'S’s link',
  );
  const joined = await api(app).post(`/api/v1/join/${link.token}`, {
    name: 'Dana Downline',
    email: EMAIL.D,
    password: D_PASSWORD,
    locale: 'en',
    city: 'София',
  });
  created(joined, 'D joins');
  cookies.D = cookieHeader(joined);
  passwords.D = D_PASSWORD;
  ids.D = (created(await api(app, cookies.D).get('/api/v1/me'), 'D’s me').member as { id: string }).id;

  const as = (who: Member) => api(app, cookies[who]);

  for (const o of OWNERS) {
    const me = as(o);
    add(o, 'member', 'member', { params: { id: ids[o] } });

    // Contacts: a private one with a log line, and one shared with the sponsor.
    const contact = created(
      await me.post('/api/v1/contacts', {
        name: marker(o, 'contact', 'owner'),
        notes: marker(o, 'contact-notes', 'owner'),
        needs: marker(o, 'contact-needs', 'owner'),
        city: 'София',
      }),
      `${o}’s contact`,
    );
    const contactId = contact.id as string;
    add(o, 'contact', 'private contact', { params: { id: contactId } });
    const note = marker(o, 'interaction', 'owner');
    const page = created(
      await me.post(`/api/v1/contacts/${contactId}/interactions`, { kind: 'call', occurredOn: DAY, note }),
      `${o}’s log line`,
    );
    const interactionId = idWhere(page, 'note', note);
    if (!interactionId) throw new Error(`${o}’s log line: ${JSON.stringify(page)}`);
    add(o, 'interaction', 'log line', { params: { id: contactId, interactionId } });
    const shared = created(
      await me.post('/api/v1/contacts', {
        name: marker(o, 'shared-contact', 'sponsor'),
        notes: marker(o, 'shared-contact-notes', 'sponsor'),
      }),
      `${o}’s shared contact`,
    );
    created(await me.put(`/api/v1/contacts/${shared.id}/share`, { shared: true }), 'sharing');
    add(o, 'contact', 'shared contact', { params: { id: shared.id as string }, shared: true });

    // The diary: a task, an event (S's invites D) and a note.
    const entries: [string, Record<string, unknown>][] = [
      ['task', { kind: 'task', day: DAY, title: marker(o, 'task', 'owner') }],
      [
        'event',
        {
          kind: 'event',
          day: DAY,
          title: marker(o, 'event', 'owner'),
          details: marker(o, 'event', 'owner'),
          eventType: 'meeting',
          startsAt: '2026-03-15T15:00:00.000Z',
          ...(o === 'S' ? { memberIds: [ids.D] } : {}),
        },
      ],
      [
        'note',
        {
          kind: 'note',
          day: DAY,
          title: marker(o, 'note', 'owner'),
          parts: { discussed: marker(o, 'note-part', 'owner') },
        },
      ],
    ];
    for (const [name, body] of entries) {
      const entry = created(await me.post('/api/v1/diary/entries', body), `${o}’s ${name}`);
      const resource: Resource = { params: { id: entry.id as string } };
      add(o, 'diaryEntry', name, resource);
      add(o, 'diaryInvitation', name, {
        ...resource,
        ...(o === 'S' && name === 'event' ? { invited: 'D' } : {}),
      });
    }
    const feed = created(await me.post('/api/v1/diary/feed'), `${o}’s feed`);
    add(o, 'feedToken', 'calendar feed', {
      params: { token: String(feed.path).slice('/api/v1/calendar/'.length) },
    });

    const invitation = created(await me.post('/api/v1/invitations', { kind: 'customer' }), `${o}’s link`);
    add(o, 'invitation', 'invitation', { params: { id: invitation.id as string } });
    add(o, 'joinToken', 'invitation', { params: { token: invitation.token as string } });

    const order = created(
      await me.post('/api/v1/orders', {
        orderedOn: DAY,
        points: 10,
        amount: 20,
        buyer: 'contact',
        buyerContactId: contactId,
        product: 'Tea',
      }),
      `${o}’s order`,
    );
    add(o, 'order', 'order', { params: { id: order.id as string } });

    const training = created(
      await me.post('/api/v1/trainings?today=2026-03-16', {
        topic: `Training by ${o}`,
        format: 'offline',
        heldOn: '2026-03-20',
        place: 'Hall 1',
      }),
      `${o}’s training`,
    );
    add(o, 'training', 'training', { params: { id: training.id as string, memberId: ids[o] } });

    const planTitle = marker(o, 'plan-item', 'team');
    const plan = created(
      await me.put('/api/v1/plans/week/2026-03-09', {
        items: [
          { activity: 'custom', title: planTitle },
          { activity: 'calls', target: 5 },
        ],
      }),
      `${o}’s week plan`,
    );
    const itemId = idWhere(plan, 'title', planTitle);
    if (!itemId) throw new Error(`${o}’s plan item: ${JSON.stringify(plan)}`);
    add(o, 'planItem', 'plan item', { params: { id: itemId } });

    created(
      await me.put('/api/v1/goals/2026-03', {
        statement: marker(o, 'goal', 'team'),
        reason: marker(o, 'goal-reason', 'team'),
      }),
      `${o}’s goal`,
    );
    created(
      await me.put('/api/v1/me/presentation', { text: marker(o, 'presentation', 'owner') }),
      'presentation',
    );
    if (o !== 'D')
      created(
        await me.put('/api/v1/reviews/2026-03-09', {
          corrections: marker(o, 'corrections', 'owner'),
          today: '2026-03-16',
        }),
        `${o}’s weekly analysis`,
      );
  }

  // D's follow-up: the intake answered by D, a touchpoint with a note by S.
  const followup = created(
    await as('D').get(`/api/v1/members/${ids.D}/followup?today=2026-03-16`),
    'follow-up',
  );
  const steps = followup.steps as { key: string }[];
  add('D', 'followup', 'follow-up', { params: { id: ids.D, key: steps[0]!.key } });
  created(
    await as('D').put(`/api/v1/members/${ids.D}/followup/intake`, {
      answers: { attraction: marker('D', 'intake', 'team') },
    }),
    'intake',
  );
  const touchpoint = created(
    await as('S').post(`/api/v1/members/${ids.D}/touchpoints`, {
      kind: 'call',
      on: DAY,
      note: marker('S', 'touchpoint', 'owner'),
    }),
    'touchpoint',
  );
  add('S', 'touchpoint', 'touchpoint about D', {
    params: { id: ids.D, touchpointId: touchpoint.id as string },
  });
  // The organization's catalog: one product, listed among S's resources so that every caller tries it.
  const product = created(
    await as('adminA').post('/api/v1/products', { name: 'Tea', points: 10 }),
    'product',
  );
  add('S', 'product', 'organization A’s product', { params: { id: product.id as string } });

  const teamView = (caller: Caller, owner: Owner) =>
    caller === owner || caller === 'adminA' || UPLINE[owner].includes(caller as Member);
  return {
    ctx,
    client: (caller) => (caller === 'anonymous' ? api(app) : as(caller)),
    throwawayClient: async (caller) =>
      caller === 'anonymous' ? api(app) : api(app, await signIn(app, EMAIL[caller], passwords[caller])),
    memberId: (who) => ids[who],
    sponsorOf: (owner) => SPONSOR[owner],
    teamView,
    resourcesOf: (owner, kind) => Object.entries(resources[owner][kind] ?? {}),
    resource: (owner, kind, name) => {
      const found = resources[owner][kind]?.[name];
      if (!found) throw new Error(`no ${kind} ${name} of ${owner}`);
      return found;
    },
    markers: () => markers,
  };
}
