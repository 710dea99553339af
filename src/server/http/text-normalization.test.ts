// Text normalization: an unpaired UTF-16 surrogate (valid in JSON, impossible in UTF-8) is stored as
// U+FFFD wherever it goes — a text column or a JSON column — instead of failing in the database.
import { describe, expect, it } from 'vitest';
import { useContactsTeam } from '../../../tests/support/contacts-team.ts';
import { joinUnder } from '../../../tests/support/followup.ts';
import { useTestContext } from '../../../tests/support/index.ts';
import { normalizeInput } from './input-guard.ts';

/** A high surrogate without its pair, then a low one without its pair, as JSON writes them. */
const LONE = 'a\ud800b\udc00c';
const STORED = 'a\ufffdb\ufffdc';

describe('text normalization', () => {
  const ctx = useTestContext();
  const { m, as, addContact } = useContactsTeam(ctx);

  it('JSON.stringify keeps the lone surrogates as escapes (so the request really carries them)', () => {
    expect(JSON.stringify({ v: LONE })).toBe('{"v":"a\\ud800b\\udc00c"}');
  });

  it('keys are normalized too, and a NUL character is found by its path', () => {
    const input = JSON.parse('{"k\\ud800":"v","list":[{"x":"\\udc00"},"a\\u0000b"]}');
    const { value, nulAt } = normalizeInput(input);
    expect(value).toEqual({ 'k\ufffd': 'v', list: [{ x: '\ufffd' }, 'a\u0000b'] });
    expect(nulAt).toEqual(['list', '1']);
    expect(normalizeInput({ 'a\u0000': 1 }).nulAt).toEqual([]);
    expect(normalizeInput(LONE)).toEqual({ value: STORED, nulAt: null });
  });

  it('contact messengers on create and update, next to a text column', async () => {
    const created = await as('anna').post('/api/v1/contacts', {
      name: `Nina ${LONE}`,
      messengers: { telegram: LONE },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: `Nina ${STORED}`, messengers: { telegram: STORED } });

    const updated = await as('anna').patch(`/api/v1/contacts/${created.json().id}`, {
      messengers: { viber: LONE },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const page = (await as('anna').get(`/api/v1/contacts/${created.json().id}`)).json();
    expect(page.contact.messengers).toEqual({ viber: STORED });
    expect(page.contact.name).toBe(`Nina ${STORED}`);
  });

  it('member messengers on create and update', async () => {
    const created = await as('root').post('/api/v1/members', {
      sponsorId: m.root.id,
      name: `Mila ${LONE}`,
      messengers: { whatsapp: LONE },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const updated = await as('root').patch(`/api/v1/members/${id}`, { messengers: { telegram: LONE } });
    expect(updated.statusCode, updated.body).toBe(200);
    const profile = (await as('root').get(`/api/v1/members/${id}`)).json();
    expect(JSON.stringify(profile)).toContain(JSON.stringify(STORED));
    expect(JSON.stringify(profile)).not.toMatch(/\\ud[89a-f]/i);
  });

  it('diary note parts', async () => {
    const contact = await addContact('anna', { name: 'Todor' });
    const response = await as('anna').post('/api/v1/diary/entries', {
      kind: 'note',
      day: '2026-03-15',
      parts: { met: LONE, discussed: 'Products' },
      contactIds: [contact.id],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().parts).toMatchObject({ met: STORED });
  });

  it('intake answers', async () => {
    const nina = await joinUnder(ctx, as('anna'), 'Nina Petrova');
    const response = await as('anna').put(`/api/v1/members/${nina.id}/followup/intake`, {
      answers: { attraction: LONE },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().intake.questions[0].answer).toBe(STORED);
  });

  it('the onboarding template', async () => {
    const template = (await as('root').get('/api/v1/organization/onboarding')).json().template;
    template.steps[0].title.en = LONE;
    template.questions[0].text.en = LONE;
    const response = await as('root').put('/api/v1/organization/onboarding', template);
    expect(response.statusCode, response.body).toBe(200);
    const saved = (await as('root').get('/api/v1/organization/onboarding')).json().template;
    expect(saved.steps[0].title.en).toBe(STORED);
    expect(saved.questions[0].text.en).toBe(STORED);
  });
});
