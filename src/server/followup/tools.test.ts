// The member's business card (its standing invitation link, the vCard) and 2-minute presentation, and
// the onboarding template: validation, defaults, and follow-ups keeping the template they were opened with.
import { describe, expect, it } from 'vitest';
import { useContactsTeam } from '../../../tests/support/contacts-team.ts';
import { joinUnder } from '../../../tests/support/followup.ts';
import { api, countRows, expectError, fieldPaths, useTestContext } from '../../../tests/support/index.ts';
import { businessCards, invitations, onboardingTemplates, presentations } from '../../db/schema/index.ts';

const card = {
  headline: 'Healthy living, with a plan',
  showPhone: true,
  showEmail: false,
  showMessengers: true,
  kind: 'partner',
};

describe('business card', () => {
  const ctx = useTestContext();
  const { as } = useContactsTeam(ctx);

  it('shows the profile until saved; the first save makes its standing invitation link', async () => {
    const before = (await as('anna').get('/api/v1/me/card')).json();
    expect(before).toMatchObject({ saved: false, name: 'anna', organization: 'Team A', path: null });
    const saved = await as('anna').put('/api/v1/me/card', card);
    expect(saved.statusCode, saved.body).toBe(200);
    const body = saved.json();
    expect(body).toMatchObject({ saved: true, headline: card.headline, showEmail: false, kind: 'partner' });
    expect(body.path).toMatch(/^\/join\/.+/);
    const join = (await api(ctx.app).get(`/api/v1/join/${body.path.slice(6)}`)).json();
    expect(join).toMatchObject({ kind: 'partner', sponsor: { name: 'anna' }, status: 'open' });
    // Saving again keeps the link printed cards carry; the kind is changed on it.
    const again = (await as('anna').put('/api/v1/me/card', { ...card, kind: 'customer' })).json();
    expect(again.path).toBe(body.path);
    expect((await api(ctx.app).get(`/api/v1/join/${body.path.slice(6)}`)).json().kind).toBe('customer');
  });

  it('a new link withdraws the old one', async () => {
    const old = (await as('anna').get('/api/v1/me/card')).json().path as string;
    const renewed = (await as('anna').post('/api/v1/me/card/link')).json();
    expect(renewed.path).not.toBe(old);
    expectError(
      await api(ctx.app).post(`/api/v1/join/${old.slice(6)}`, {
        name: 'Late',
        email: 'late@example.test',
        password: 'a long enough password',
      }),
      410,
      'invitation_closed',
    );
  });

  it('the vCard shows only what the card shows, with the link', async () => {
    await as('anna').patch(`/api/v1/members/${(await as('anna').get('/api/v1/me')).json().member.id}`, {
      phone: '+359 88 123 4567',
    });
    const response = await as('anna').get('/api/v1/me/card.vcf');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/vcard');
    const text = response.body;
    expect(text).toContain('FN:anna\r\n');
    expect(text).toContain('ORG:Team A\r\n');
    expect(text).toContain('TITLE:Healthy living\\, with a plan\r\n');
    expect(text).toContain('TEL;VALUE=text;TYPE=cell:+359 88 123 4567');
    expect(text).not.toContain('EMAIL');
    expect(text).toMatch(/URL:http:\/\/[^/]+\/join\//);
  });

  it('bad card input is refused naming the field, and nothing is written', async () => {
    const before = await countRows(ctx.db, businessCards);
    const response = await as('bob').put('/api/v1/me/card', {
      ...card,
      kind: 'boss',
      headline: 'x'.repeat(201),
    });
    expect(fieldPaths(expectError(response, 400, 'validation_failed')).sort()).toEqual(['headline', 'kind']);
    expect(await countRows(ctx.db, businessCards)).toBe(before);
    expect(await countRows(ctx.db, invitations)).toBeGreaterThan(0);
  });

  it('anonymous callers get 401 for the card and the presentation', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/me/card'],
      ['PUT', '/api/v1/me/card'],
      ['POST', '/api/v1/me/card/link'],
      ['GET', '/api/v1/me/card.vcf'],
      ['GET', '/api/v1/me/presentation'],
      ['PUT', '/api/v1/me/presentation'],
      ['POST', '/api/v1/me/presentation/practice'],
    ] as const)
      expectError(await api(ctx.app).request(method, path, {}), 401, 'unauthenticated');
  });

  it('the presentation: the organization’s starters, the own text, practice runs counted', async () => {
    const empty = (await as('bob').get('/api/v1/me/presentation')).json();
    expect(empty).toMatchObject({ text: '', practiceCount: 0, seconds: 120 });
    expect(empty.starters.map((s: { key: string }) => s.key)).toEqual(['story', 'products']);
    const saved = (
      await as('bob').put('/api/v1/me/presentation', { text: '  Ich bin Bob aus Berlin.  ' })
    ).json();
    expect(saved.text).toBe('Ich bin Bob aus Berlin.');
    await as('bob').post('/api/v1/me/presentation/practice', { seconds: 131 });
    const practised = (await as('bob').post('/api/v1/me/presentation/practice', { seconds: 118 })).json();
    expect(practised).toMatchObject({ practiceCount: 2, lastSeconds: 118, text: 'Ich bin Bob aus Berlin.' });
    // Someone else's presentation is theirs: anna sees her own (none).
    expect((await as('anna').get('/api/v1/me/presentation')).json().text).toBe('');
  });

  it('bad presentation input is refused naming the field', async () => {
    const before = JSON.stringify(await ctx.db.select().from(presentations));
    expect(
      fieldPaths(
        expectError(
          await as('bob').put('/api/v1/me/presentation', { text: 'x'.repeat(3001) }),
          400,
          'validation_failed',
        ),
      ),
    ).toEqual(['text']);
    expect(
      fieldPaths(
        expectError(
          await as('bob').post('/api/v1/me/presentation/practice', { seconds: 0 }),
          400,
          'validation_failed',
        ),
      ),
    ).toEqual(['seconds']);
    expect(JSON.stringify(await ctx.db.select().from(presentations))).toBe(before);
  });
});

describe('onboarding template', () => {
  const ctx = useTestContext();
  const { as } = useContactsTeam(ctx);

  const defaults = async () => (await as('root').get('/api/v1/organization/onboarding')).json();

  it('ships the default in three languages until an admin changes it', async () => {
    const page = await defaults();
    expect(page.isDefault).toBe(true);
    expect(page.template.contactIntervalDays).toBe(7);
    for (const step of page.template.steps) {
      for (const text of [step.title, step.memberTitle]) expect(text.en && text.de && text.bg).toBeTruthy();
    }
  });

  it('a changed template applies to new follow-ups; running ones keep theirs', async () => {
    const before = await joinUnder(ctx, as('anna'), 'Early Eva');
    const template = structuredClone((await defaults()).template);
    template.steps = [
      {
        key: 'welcome_call',
        title: { en: 'Welcome call', de: 'Begrüßungsanruf', bg: '' },
        memberTitle: { en: 'Take the welcome call', de: '', bg: '' },
        dueDays: 1,
        condition: 'manual',
      },
      ...template.steps.slice(3),
    ];
    template.questions = [{ key: 'why', text: { en: 'Why now?', de: 'Warum jetzt?', bg: 'Защо сега?' } }];
    template.contactIntervalDays = 3;
    const saved = await as('root').put('/api/v1/organization/onboarding', template);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ isDefault: false, template: { contactIntervalDays: 3 } });

    const after = await joinUnder(ctx, as('anna'), 'Later Lea');
    const steps = async (id: string) => (await as('anna').get(`/api/v1/members/${id}/followup`)).json();
    const lea = await steps(after.id);
    expect(lea.steps[0]).toMatchObject({ key: 'welcome_call', dueOn: '2026-03-15' });
    expect(lea.steps).toHaveLength(7);
    expect(lea.intake.questions.map((q: { key: string }) => q.key)).toEqual(['why']);
    const eva = await steps(before.id);
    expect(eva.steps).toHaveLength(9);
    expect(eva.intake.questions).toHaveLength(5);
    // The contact interval is the organization's current one, for everyone.
    expect(eva.contactIntervalDays).toBe(3);
  });

  it('an invalid template is refused, naming every wrong field; nothing changes', async () => {
    const current = await defaults();
    const template = structuredClone(current.template);
    template.steps[1].key = template.steps[0].key;
    template.steps[2].title = { en: '', de: ' ', bg: '' };
    template.steps[3].dueDays = 0;
    template.steps[4].condition = 'moon_phase';
    template.questions[0].key = 'Not A Key';
    template.contactIntervalDays = 0;
    const response = await as('root').put('/api/v1/organization/onboarding', template);
    expect(fieldPaths(expectError(response, 400, 'validation_failed')).sort()).toEqual([
      'contactIntervalDays',
      'questions.0.key',
      'steps.2.title',
      'steps.3.dueDays',
      'steps.4.condition',
    ]);
    expect((await defaults()).template).toEqual(current.template);
    // Two steps with one key (checked once each step is valid in itself).
    const twice = structuredClone(current.template);
    twice.steps[1].key = twice.steps[0].key;
    const duplicate = await as('root').put('/api/v1/organization/onboarding', twice);
    expect(fieldPaths(expectError(duplicate, 400, 'validation_failed'))).toEqual(['steps.1.key']);
    // Keys that name what every object has are refused.
    const reserved = structuredClone(current.template);
    reserved.questions[0].key = 'constructor';
    const refused = await as('root').put('/api/v1/organization/onboarding', reserved);
    expect(fieldPaths(expectError(refused, 400, 'validation_failed'))).toEqual(['questions.0.key']);
    const none = await as('root').put('/api/v1/organization/onboarding', { ...template, steps: [] });
    expect(fieldPaths(expectError(none, 400, 'validation_failed'))).toContain('steps');
  });

  it('an admin can go back to the default', async () => {
    const reset = await as('root').delete('/api/v1/organization/onboarding');
    expect(reset.statusCode).toBe(200);
    expect(reset.json().isDefault).toBe(true);
    expect(await countRows(ctx.db, onboardingTemplates)).toBe(0);
  });
});
