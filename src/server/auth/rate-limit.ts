import type { Config } from '../config.ts';

/**
 * The limit on routes that take a password (sign-in, sign-up, joining through a link): attempts per
 * client address and minute, so they cannot be used to guess passwords.
 */
export const credentialRateLimit = (config: Pick<Config, 'signInRateLimit'>) => ({
  max: config.signInRateLimit.max,
  timeWindow: config.signInRateLimit.windowMs,
});
