// The authorization matrix: every operation of the OpenAPI document × every kind of caller × the
// resources of each owner, with every response scanned for private markers the caller must not see.
// The operations come from the document, so a new endpoint is covered without touching this file; a new
// path parameter this file does not know fails the test until it is mapped to a kind of resource.
//
// The world (tests/support/authorization-world.ts): organization A — its owner (admin), a member U above
// a sponsor S with a newcomer D and a customer C under them, a member B in another branch — and
// organization X with its own admin. S, D and B each own one of every private thing, its texts filled
// with unique markers. The callers: anonymous, D, C, S, U, B and both admins.
//
// What is expected comes from a few rules (`expectation` below), not from a table per endpoint:
// - anonymous callers get 401 everywhere but the public routes;
// - contacts, the diary, weekly corrections and touchpoint notes are their owner's (author's) alone;
//   a contact shared with the current sponsor is theirs to read, never to change;
// - the owner, the upline and the organization's admins see a member's profile, follow-up, plans, goal
//   and numbers (the team's view), never the private texts behind them;
// - admins alone manage the organization; another organization reaches nothing (404).
// Reads allowed → 200; reads denied → 401 (anonymous) / 403 / 404 (another organization: 404); writes
// denied → never 2xx; everything → never 5xx and never a marker the caller may not see.
import { describe, expect, it } from 'vitest';
import {
  CALLERS,
  type Caller,
  type Marker,
  OWNERS,
  type Owner,
  useAuthorizationWorld,
  type World,
} from '../../../tests/support/authorization-world.ts';
import { api, type Response } from '../../../tests/support/index.ts';
import {
  bodyFor,
  type OpenApiDocument,
  type Operation,
  operationsOf,
  queryValue,
} from '../../../tests/support/openapi.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Kinds of resource a path parameter names. */
type Kind =
  | 'member'
  | 'followup'
  | 'touchpoint'
  | 'contact'
  | 'interaction'
  | 'diaryEntry'
  | 'diaryInvitation'
  | 'invitation'
  | 'joinToken'
  | 'feedToken'
  | 'order'
  | 'product'
  | 'training'
  | 'planItem'
  /** A date, level or key chosen by the caller about their own data: no owner to vary. */
  | 'own';

/**
 * Which kind of resource each path parameter names, by the path it sits in (the first entry whose
 * template starts the path). A parameter this table does not know fails the test: a new endpoint must
 * say what it reaches before it ships.
 */
const PATH_KINDS: { prefix: string; params: string[]; kind: Kind }[] = [
  { prefix: '/api/v1/members/{id}/followup', params: ['id', 'key'], kind: 'followup' },
  {
    prefix: '/api/v1/members/{id}/touchpoints/{touchpointId}',
    params: ['id', 'touchpointId'],
    kind: 'touchpoint',
  },
  { prefix: '/api/v1/members/{id}', params: ['id'], kind: 'member' },
  {
    prefix: '/api/v1/contacts/{id}/interactions/{interactionId}',
    params: ['id', 'interactionId'],
    kind: 'interaction',
  },
  { prefix: '/api/v1/contacts/{id}', params: ['id'], kind: 'contact' },
  { prefix: '/api/v1/diary/entries/{id}', params: ['id'], kind: 'diaryEntry' },
  { prefix: '/api/v1/diary/invitations/{id}', params: ['id'], kind: 'diaryInvitation' },
  { prefix: '/api/v1/diary/days/{day}', params: ['day'], kind: 'own' },
  { prefix: '/api/v1/invitations/{id}', params: ['id'], kind: 'invitation' },
  { prefix: '/api/v1/join/{token}', params: ['token'], kind: 'joinToken' },
  { prefix: '/api/v1/calendar/{token}', params: ['token'], kind: 'feedToken' },
  { prefix: '/api/v1/orders/{id}', params: ['id'], kind: 'order' },
  { prefix: '/api/v1/products/{id}', params: ['id'], kind: 'product' },
  { prefix: '/api/v1/trainings/{id}', params: ['id', 'memberId'], kind: 'training' },
  { prefix: '/api/v1/reviews/{week}', params: ['week'], kind: 'own' },
  { prefix: '/api/v1/plans/items/{id}', params: ['id'], kind: 'planItem' },
  { prefix: '/api/v1/plans/{level}/{start}', params: ['level', 'start'], kind: 'own' },
  { prefix: '/api/v1/goals/{start}', params: ['start'], kind: 'own' },
];

/** The values of the caller's own path parameters: the week, day and month the world's data lives in. */
const OWN_VALUES: Record<string, string> = {
  day: '2026-03-15',
  week: '2026-03-09',
  level: 'week',
  start: '2026-03-09',
};
const GOAL_START = '2026-03';

/** Reachable without signing in. */
const PUBLIC = new Set([
  'GET /healthz',
  'GET /api/v1/installation',
  'POST /api/v1/auth/sign-up',
  'POST /api/v1/auth/sign-in',
  'POST /api/v1/auth/sign-out',
  'GET /api/v1/join/{token}',
  'POST /api/v1/join/{token}',
  'GET /api/v1/calendar/{token}',
]);

/** The organization's settings, catalog and bulk imports: its admins only. */
const ADMIN_ONLY = new Set([
  'PATCH /api/v1/organization',
  'POST /api/v1/imports/members',
  'GET /api/v1/organization/onboarding',
  'PUT /api/v1/organization/onboarding',
  'DELETE /api/v1/organization/onboarding',
  'POST /api/v1/products',
  'POST /api/v1/orders/import',
  'PUT /api/v1/reviews/settings/organization-weekday',
]);

/**
 * Reads refused with 403 rather than 404, because what is asked about is no secret to the caller: the
 * organization's settings (admins only), a training's walk-in search (trainings are the whole
 * organization's; only the organizer and admins search).
 */
const OPEN_403 = new Set([
  ...ADMIN_ONLY,
  'GET /api/v1/trainings/{id}/candidates',
  // Known finding: listing the links of another member of one's own organization answers 403, an unknown
  // id 404, so a member can tell whether an id belongs to a member of their organization. No private data
  // is shown; the rule elsewhere is "not found". Kept here so that the rest of the matrix stays strict.
  'GET /api/v1/invitations',
]);

/** Query parameters that name whose data is read: varied over the owners like a path parameter. */
const MEMBER_QUERY = ['memberId', 'sponsorId'];

interface Case {
  method: Method;
  path: string;
  caller: Caller;
  /** The owner whose resource (or member id) fills the path or the member query; null: the caller's own. */
  owner: Owner | null;
  kind: Kind;
  /** Which of the owner's resources (several contacts and diary entries per owner). */
  resource: string | null;
  url: string;
  body: unknown;
}

type Outcome = 'allow' | 'deny' | 'any';

function kindOfParam(path: string, param: string): Kind {
  const match = PATH_KINDS.find((k) => path.startsWith(k.prefix) && k.params.includes(param));
  if (!match)
    throw new Error(
      `${path}: the path parameter {${param}} is not in PATH_KINDS of the authorization matrix. ` +
        'Say which kind of resource it names (and who may reach it) before the endpoint ships.',
    );
  return match.kind;
}

/** The rules. `w` answers questions about the world's tree. */
function expectation(w: World, c: Case): Outcome {
  const key = `${c.method} ${c.path}`;
  if (PUBLIC.has(key)) return c.method === 'GET' ? 'allow' : 'any';
  if (c.caller === 'anonymous') return 'deny';
  const sameOrg = c.caller !== 'adminX';
  const admin = c.caller === 'adminA' || c.caller === 'adminX';
  if (ADMIN_ONLY.has(key)) return admin ? 'allow' : 'deny';
  // Partners and admins organize trainings; customers do not.
  if (key === 'POST /api/v1/trainings') return c.caller === 'C' ? 'deny' : 'allow';
  const o = c.owner;
  // The caller's own data (no owner in the path or the query).
  if (o === null) return 'allow';
  const full = w.teamView(c.caller, o);
  const self = c.caller === o;
  const read = c.method === 'GET';
  switch (c.kind) {
    case 'own':
    case 'member': {
      // Listing someone's links: admins and the member themselves.
      if (c.path === '/api/v1/invitations') return (admin && sameOrg) || self ? 'allow' : 'deny';
      // A profile with an account is kept by its member (and admins).
      if (c.path === '/api/v1/members/{id}' && c.method === 'PATCH')
        return full && (admin || self) ? 'allow' : 'deny';
      if (c.path === '/api/v1/members/{id}/move') return admin && sameOrg ? 'allow' : 'deny';
      // Touchpoints are logged by the upline and admins, about someone else.
      if (c.path === '/api/v1/members/{id}/touchpoints') return full && !self ? 'allow' : 'deny';
      return full ? 'allow' : 'deny';
    }
    case 'followup':
      if (read) return full ? 'allow' : 'deny';
      return full && (admin || self || w.sponsorOf(o) === c.caller) ? 'allow' : 'deny';
    case 'touchpoint':
      // Deleting: its author only (the owner of a touchpoint is its author).
      return self ? 'allow' : 'deny';
    case 'contact': {
      if (self) return 'allow';
      const shared = w.resource(o, c.kind, c.resource!).shared === true;
      return read && shared && w.sponsorOf(o) === c.caller ? 'allow' : 'deny';
    }
    case 'interaction':
    case 'diaryEntry':
    case 'planItem':
      return self ? 'allow' : 'deny';
    case 'diaryInvitation':
      return w.resource(o, c.kind, c.resource!).invited === c.caller ? 'allow' : 'deny';
    case 'invitation':
      return (admin && sameOrg) || self ? 'allow' : 'deny';
    case 'order':
      return full ? 'allow' : 'deny';
    case 'product':
      return admin && sameOrg ? 'allow' : 'deny';
    case 'training': {
      if (!sameOrg) return 'deny';
      if (read && c.path === '/api/v1/trainings/{id}') return 'allow';
      if (c.path.endsWith('/registration')) return 'allow';
      return admin || self ? 'allow' : 'deny';
    }
    case 'joinToken':
    case 'feedToken':
      return 'allow';
  }
}

/** Whether the caller may see a marker in the answer to this case. */
function maySee(w: World, c: Case, m: Marker): boolean {
  if (c.caller === m.owner) return true;
  // A calendar feed shows its owner's events to whoever holds the secret link.
  if (c.kind === 'feedToken' && c.owner === m.owner && m.kind === 'event') return true;
  if (c.caller === 'anonymous') return false;
  switch (m.visibility) {
    case 'owner':
      return false;
    case 'sponsor':
      return w.sponsorOf(m.owner) === c.caller;
    case 'team':
      return w.teamView(c.caller, m.owner);
  }
}

describe('authorization matrix', () => {
  const world = useAuthorizationWorld();

  it('every operation × every caller × every owner: allowed as the rules say, nothing leaks, no 5xx', async () => {
    const started = performance.now();
    const w = world();
    const response = await api(w.ctx.app).get('/api/docs/json');
    expect(response.statusCode).toBe(200);
    const doc = response.json() as OpenApiDocument;
    const operations = operationsOf(doc);

    // Every parameter of every path is known before anything is sent.
    for (const { path } of operations)
      for (const [, param] of path.matchAll(/\{([^}]+)\}/g)) kindOfParam(path, param!);

    const cases: Case[] = [];
    for (const { method, path, operation } of operations) {
      const params = [...path.matchAll(/\{([^}]+)\}/g)].map(([, p]) => p!);
      const kinds = new Set(params.map((p) => kindOfParam(path, p)));
      if (kinds.size > 1) throw new Error(`${path}: parameters of several kinds ${[...kinds]}`);
      const kind: Kind = kinds.values().next().value ?? 'own';
      const memberQuery = (operation.parameters ?? []).find(
        (p) => p.in === 'query' && MEMBER_QUERY.includes(p.name),
      );
      for (const caller of CALLERS) {
        const targets: { owner: Owner | null; resource: string | null; values: Record<string, string> }[] =
          [];
        if (kind === 'own') {
          targets.push({ owner: null, resource: null, values: {} });
          if (memberQuery)
            for (const owner of OWNERS)
              targets.push({ owner, resource: null, values: { [memberQuery.name]: w.memberId(owner) } });
        } else {
          for (const owner of OWNERS)
            for (const [name, resource] of w.resourcesOf(owner, kind))
              targets.push({ owner, resource: name, values: resource.params });
        }
        for (const target of targets) {
          const url = urlOf(path, operation, params, target.values, method);
          cases.push({
            method: method as Method,
            path,
            caller,
            owner: target.owner,
            kind: target.owner === null ? 'own' : kind,
            resource: target.resource,
            url,
            body: bodyFor(doc, operation),
          });
        }
      }
    }

    // Reads first, then writes, deletions last: a write may change what a later read would find.
    // Writes that close or replace something (a cancelled training takes no registrations, a plan written
    // again has new items) come after the others, and deeper deletions before the things they sit in.
    const closing = (c: Case) =>
      /\/(cancel|revoke)$/.test(c.path) || (c.method === 'PUT' && c.path === '/api/v1/plans/{level}/{start}');
    const phase = (c: Case) => (c.method === 'GET' ? 0 : c.method === 'DELETE' ? 3 : closing(c) ? 2 : 1);
    cases.sort((a, b) => phase(a) - phase(b) || (a.method === 'DELETE' ? b.path.length - a.path.length : 0));

    const leaks: string[] = [];
    const serverErrors: string[] = [];
    const deniedButOk: string[] = [];
    const allowedButRefused: string[] = [];
    const wrongDenial: string[] = [];
    const markers = w.markers();
    // Which markers the scan found where they belong: proof that it looks at answers that carry them.
    const seenByOwner = new Set<string>();
    const seenByOthers = new Set<string>();
    let deniedWritesRefusedByValidation = 0;
    const tally: Record<string, number> = {};
    for (const c of cases) {
      const client =
        c.path === '/api/v1/auth/sign-out' ? await w.throwawayClient(c.caller) : w.client(c.caller);
      const res: Response = await client.request(c.method, c.url, c.body);
      const label = `${c.caller} ${c.method} ${c.url}${c.resource ? ` (${c.owner}'s ${c.resource})` : ''} → ${res.statusCode}`;
      if (res.statusCode >= 500) serverErrors.push(`${label} ${res.body.slice(0, 200)}`);
      // Headers too (a file name); iCalendar and vCard fold long lines, so unfold before looking.
      const body = `${JSON.stringify(res.headers)}\n${res.body}`.replace(/\r?\n[ \t]/g, '');
      for (const m of markers) {
        if (!body.includes(m.text)) continue;
        if (!maySee(w, c, m)) leaks.push(`${label}: ${m.text}`);
        else if (c.caller === m.owner) seenByOwner.add(m.text);
        else seenByOthers.add(m.text);
      }
      const outcome = expectation(w, c);
      const ok = res.statusCode >= 200 && res.statusCode < 300;
      if (outcome === 'deny') {
        if (ok) deniedButOk.push(label);
        else if (c.caller === 'anonymous') {
          if (res.statusCode !== 401) wrongDenial.push(`${label} (401 expected)`);
        } else if (c.method !== 'GET' && res.statusCode === 400) deniedWritesRefusedByValidation += 1;
        else if (c.caller === 'adminX' && c.owner !== null) {
          // Another organization's things do not exist for it, whatever the method.
          if (res.statusCode !== 404) wrongDenial.push(`${label} (404 expected)`);
        } else if (c.method === 'GET') {
          // What one may not see is not found; a 403 only where the thing itself is no secret.
          const expected = OPEN_403.has(`${c.method} ${c.path}`) ? 403 : 404;
          if (res.statusCode !== expected) wrongDenial.push(`${label} (${expected} expected)`);
        }
      } else if (outcome === 'allow' && c.method === 'GET' && res.statusCode !== 200)
        allowedButRefused.push(`${label} ${res.body.slice(0, 160)}`);
      const bucket = `${c.method === 'GET' ? 'reads' : 'writes'} ${outcome === 'allow' ? 'allowed' : outcome === 'deny' ? 'denied' : 'public'} ${ok ? '2xx' : res.statusCode >= 500 ? '5xx' : '4xx'}`;
      tally[bucket] = (tally[bucket] ?? 0) + 1;
    }

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `authorization matrix (${w.ctx.database.kind}): ${operations.length} operations × ${CALLERS.length} callers, ` +
        `${cases.length} cases, ${leaks.length} leaks, ${serverErrors.length} 5xx, ` +
        `${deniedButOk.length} denied-but-2xx, ${allowedButRefused.length} allowed-but-refused, ` +
        `${wrongDenial.length} other denial statuses; ${markers.length} markers, ${seenByOwner.size} seen by ` +
        `their owner, ${seenByOthers.size} by those allowed; ${deniedWritesRefusedByValidation} denied writes ` +
        `stopped by validation first; ${seconds} s`,
    );
    console.log(
      Object.entries(tally)
        .map(([bucket, n]) => `${bucket}: ${n}`)
        .join(', '),
    );
    expect(leaks).toEqual([]);
    expect(serverErrors).toEqual([]);
    expect(deniedButOk).toEqual([]);
    expect(allowedButRefused).toEqual([]);
    expect(wrongDenial).toEqual([]);
    // The scan saw every marker in its owner's answers, and the shared ones in the answers of those
    // they are shared with (the sponsor, the upline, admins).
    expect(markers.filter((m) => !seenByOwner.has(m.text)).map((m) => m.text)).toEqual([]);
    expect(
      markers.filter((m) => m.visibility !== 'owner' && !seenByOthers.has(m.text)).map((m) => m.text),
    ).toEqual([]);
    // Every operation ran for every caller.
    const seen = new Set(cases.map((c) => `${c.method} ${c.path} ${c.caller}`));
    expect(seen.size).toBe(operations.length * CALLERS.length);
  }, 180_000);
});

function urlOf(
  path: string,
  operation: Operation,
  params: string[],
  values: Record<string, string>,
  method: string,
): string {
  let url = path;
  for (const p of params) {
    const value = values[p] ?? (path.startsWith('/api/v1/goals/') ? GOAL_START : OWN_VALUES[p]);
    if (value === undefined) throw new Error(`${path}: no value for {${p}}`);
    url = url.replace(`{${p}}`, encodeURIComponent(value).replace(/%2E/gi, '.'));
  }
  const query = new URLSearchParams();
  for (const param of operation.parameters ?? []) {
    if (param.in !== 'query') continue;
    if (values[param.name] !== undefined) query.set(param.name, values[param.name]!);
    else if (param.required || (method === 'GET' && param.name === 'today'))
      query.set(param.name, queryValue(param));
  }
  const q = query.toString();
  return q ? `${url}?${q}` : url;
}
