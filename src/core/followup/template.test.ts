import { describe, expect, it } from 'vitest';
import { businessCardVcard } from './card.ts';
import { contactGap, DEFAULT_TEMPLATE, dueOn, localized } from './template.ts';

describe('onboarding template', () => {
  it('counts "within N days" from the join day as the first day, across month and year ends', () => {
    expect(dueOn('2026-03-15', 1)).toBe('2026-03-15');
    expect(dueOn('2026-03-15', 3)).toBe('2026-03-17');
    expect(dueOn('2026-12-30', 3)).toBe('2027-01-01');
    expect(dueOn('2028-02-28', 2)).toBe('2028-02-29');
  });

  it('flags a member once the days without contact reach the interval', () => {
    expect(contactGap('2026-03-15', null, '2026-03-21', 7)).toEqual({ days: 6, flagged: false });
    expect(contactGap('2026-03-15', null, '2026-03-22', 7)).toEqual({ days: 7, flagged: true });
    expect(contactGap('2026-03-15', '2026-03-20', '2026-03-22', 7)).toEqual({ days: 2, flagged: false });
    // A touchpoint before the join date (a member added by hand later) counts from joining.
    expect(contactGap('2026-03-15', '2026-03-01', '2026-03-16', 7)).toEqual({ days: 1, flagged: false });
    // A device a day behind the server never gets a negative gap.
    expect(contactGap('2026-03-15', null, '2026-03-14', 7)).toEqual({ days: 0, flagged: false });
  });

  it('shows text in the reader’s language, else the fallback, else any language filled in', () => {
    expect(localized({ en: 'Hi', de: 'Hallo', bg: 'Здравейте' }, 'bg')).toBe('Здравейте');
    expect(localized({ en: 'Hi', de: '', bg: '' }, 'de')).toBe('Hi');
    expect(localized({ en: '', de: '', bg: 'Здравейте' }, 'de', 'de')).toBe('Здравейте');
  });

  it('ships every step, question and starter in all three languages, with unique keys', () => {
    const texts = [
      ...DEFAULT_TEMPLATE.steps.flatMap((s) => [s.title, s.memberTitle]),
      ...DEFAULT_TEMPLATE.questions.map((q) => q.text),
      ...DEFAULT_TEMPLATE.presentations.flatMap((p) => [p.title, p.text]),
    ];
    for (const text of texts) expect(text.en && text.de && text.bg, JSON.stringify(text)).toBeTruthy();
    const keys = DEFAULT_TEMPLATE.steps.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('business card vCard', () => {
  it('writes a vCard 4.0 with escaped, folded values', () => {
    const text = businessCardVcard({
      name: 'Мария Петрова',
      headline: 'Здраве; енергия, свобода',
      organization: 'Team A',
      phone: '+359 88 123 4567',
      email: null,
      city: 'София',
      messengers: { viber: '+359881234567' },
      url: `https://downline.example/join/${'x'.repeat(80)}`,
    });
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    expect(text).toContain('N:Петрова;Мария;;;\r\n');
    expect(text).toContain('TITLE:Здраве\\; енергия\\, свобода\r\n');
    expect(text).toContain('X-DOWNLINE-VIBER:+359881234567\r\n');
    expect(text).not.toContain('EMAIL');
    expect(text).toContain('\r\n ');
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
  });
});
