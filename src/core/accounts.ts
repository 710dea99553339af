// Account rules shared by the server's validation and the web app's forms.
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** A light check for forms; the server validates e-mail addresses properly. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
