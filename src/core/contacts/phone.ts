// Phone numbers in the form duplicates are compared by (kept apart so the web app only loads the
// phone metadata where it needs it).
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * The form duplicates are found by: E.164 where the number can be read (national numbers in the
 * owner's country), else its digits. Null when there are no digits.
 */
export function phoneKey(phone: string | null | undefined, country?: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (!digits) return null;
  const parsed = parsePhoneNumberFromString(phone, (country?.toUpperCase() as CountryCode) || undefined);
  if (parsed?.isPossible()) return parsed.number;
  if (phone.trim().startsWith('+')) return `+${digits}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  return digits;
}
