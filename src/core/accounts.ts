// Account rules shared by the server's validation and the web app's forms.
/** The shortest password accepted (the server also refuses common ones and ones with the name or e-mail). */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/** A light check for forms; the server validates e-mail addresses properly. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
