// A demo organization: an owner who can sign in, and N-1 members below them in a realistic tree
// (core/structure/demo.ts), written in bulk. Used by `downline demo`, the tests and the benchmarks.
import { randomBytes, randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { periodsOfDays } from '../../core/kpis/periods.ts';
import { type DemoOptions, demoMembers, demoTree } from '../../core/structure/demo.ts';
import { segment } from '../../core/structure/path.ts';
import type { Db } from '../../db/client.ts';
import { authAccount, authUser, organizations } from '../../db/schema/index.ts';
import { rebuildRollups } from '../kpis/rebuild.ts';
import { type BulkMember, insertMembersBulk, timeOrderedUuid } from './bulk.ts';

// The same argon2id parameters as sign-up (server/auth/auth.ts).
const ARGON2 = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

const ORGANIZATION_NAMES = { en: 'Demo Team', de: 'Demo-Team', bg: 'Демо екип' } as const;

export interface DemoOrganization {
  organizationId: string;
  ownerMemberId: string;
  owner: { name: string; email: string; password: string };
  members: number;
}

/**
 * Member numbers in depth-first order of the tree (the root is 1), so the members are written in path
 * order and every index on the path is appended to rather than written all over.
 */
export function depthFirstNumbers(sponsor: Int32Array): Int32Array {
  const n = sponsor.length;
  const childCount = new Int32Array(n + 1);
  for (let i = 1; i < n; i++) childCount[sponsor[i]! + 1]!++;
  for (let i = 1; i <= n; i++) childCount[i]! += childCount[i - 1]!;
  const children = new Int32Array(Math.max(0, n - 1));
  const fill = childCount.slice(0, n);
  for (let i = 1; i < n; i++) children[fill[sponsor[i]!]!++] = i;
  const seq = new Int32Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  let next = 1;
  stack[top++] = 0;
  while (top > 0) {
    const m = stack[--top]!;
    seq[m] = next++;
    // Push children in reverse so the earliest-joined is numbered first.
    for (let c = childCount[m + 1]! - 1; c >= childCount[m]!; c--) stack[top++] = children[c]!;
  }
  return seq;
}

export async function createDemoOrganization(
  db: Db,
  options: DemoOptions & { organizationName?: string },
): Promise<DemoOrganization> {
  const { locale } = options;
  const size = options.members;
  const { sponsor } = demoTree(size, options.seed ?? 1);
  const seq = depthFirstNumbers(sponsor);
  const organizationId = randomUUID();
  const userId = randomUUID();
  const password = randomBytes(12).toString('base64url');
  const ids: string[] = new Array(size);
  const paths: string[] = new Array(size);
  const rows: BulkMember[] = new Array(size);
  let owner: DemoOrganization['owner'] | null = null;
  for (const m of demoMembers(options)) {
    const i = m.index;
    ids[i] = timeOrderedUuid();
    paths[i] = (i === 0 ? '' : paths[m.sponsorIndex]!) + segment(seq[i]!);
    if (i === 0) {
      owner = { name: m.name, email: `owner-${randomBytes(4).toString('hex')}@demo.example.com`, password };
    }
    // Stored in member-number order, which is path order.
    rows[seq[i]! - 1] = {
      id: ids[i]!,
      seq: seq[i]!,
      path: paths[i]!,
      depth: paths[i]!.length / 6 - 1,
      sponsorId: i === 0 ? null : ids[m.sponsorIndex]!,
      externalId: m.externalId,
      name: m.name,
      email: i === 0 ? owner!.email : m.email,
      phone: m.phone,
      city: m.city,
      country: m.country,
      kind: m.kind,
      status: m.status,
      joinedOn: m.joinedOn,
      ...(i === 0 ? { role: 'admin' as const, userId, locale } : {}),
    };
  }
  const passwordHash = await hash(password, ARGON2);
  await db.transaction(async (tx) => {
    await tx.insert(organizations).values({
      id: organizationId,
      name: options.organizationName ?? ORGANIZATION_NAMES[locale],
      defaultLocale: locale,
      memberSeq: size,
    });
    await tx.insert(authUser).values({ id: userId, name: owner!.name, email: owner!.email, locale });
    await tx.insert(authAccount).values({
      id: randomUUID(),
      accountId: userId,
      providerId: 'credential',
      userId,
      password: passwordHash,
    });
    await insertMembersBulk(tx, organizationId, rows);
    // Every join counted in its month and week, for the member and the whole upline.
    await rebuildRollups(tx, organizationId, periodsOfDays(new Set(rows.map((m) => m.joinedOn))));
  });
  return { organizationId, ownerMemberId: ids[0]!, owner: owner!, members: size };
}
