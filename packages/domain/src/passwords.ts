import { z } from 'zod';

/** Fewest characters (Unicode code points) a password may have. */
export const PASSWORD_MIN_LENGTH = 12;
/** Most characters (Unicode code points) a password may have. */
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Zod schema for a new password: 12 to 128 Unicode code points of any characters, with no
 * composition rules (NIST SP 800-63B, OWASP ASVS 2.1). Zod 4 counts string length in code
 * points, so an emoji or a surrogate-pair kanji counts once; the tests pin that behaviour.
 */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: `Password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(PASSWORD_MAX_LENGTH, { error: `Password must be at most ${PASSWORD_MAX_LENGTH} characters` });
