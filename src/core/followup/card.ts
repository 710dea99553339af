// A member's business card as a vCard 4.0 file, for a phone's address book.
import { escapeText, foldLine } from '../contacts/import/export.ts';

export interface BusinessCard {
  name: string;
  headline: string | null;
  organization: string;
  phone: string | null;
  email: string | null;
  city: string | null;
  messengers: { whatsapp?: string; viber?: string; telegram?: string };
  /** The invitation link, absolute. */
  url: string | null;
}

export function businessCardVcard(card: BusinessCard): string {
  const words = card.name.trim().split(/\s+/);
  const family = words.length > 1 ? words.pop()! : '';
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    'PRODID:-//Downline//Business card//EN',
    `FN:${escapeText(card.name)}`,
    `N:${[family, words.join(' '), '', '', ''].map(escapeText).join(';')}`,
    `ORG:${escapeText(card.organization)}`,
  ];
  if (card.headline) lines.push(`TITLE:${escapeText(card.headline)}`);
  if (card.phone) lines.push(`TEL;VALUE=text;TYPE=cell:${escapeText(card.phone)}`);
  if (card.email) lines.push(`EMAIL:${escapeText(card.email)}`);
  if (card.city) lines.push(`ADR:;;;${escapeText(card.city)};;;`);
  if (card.messengers.whatsapp) lines.push(`X-DOWNLINE-WHATSAPP:${escapeText(card.messengers.whatsapp)}`);
  if (card.messengers.viber) lines.push(`X-DOWNLINE-VIBER:${escapeText(card.messengers.viber)}`);
  if (card.messengers.telegram) lines.push(`X-DOWNLINE-TELEGRAM:${escapeText(card.messengers.telegram)}`);
  if (card.url) lines.push(`URL:${card.url}`);
  lines.push('END:VCARD');
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}
