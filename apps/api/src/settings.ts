import { z } from 'zod';

/**
 * What the server reads from its environment. Every variable is optional: the store defaults to
 * `openStore`'s default (`sqlite:./data/ragtrail.db`), the address to 127.0.0.1:3000.
 */
export const Settings = z.object({
  RAGTRAIL_STORE: z.string().trim().min(1, 'RAGTRAIL_STORE is set but empty: give a store URL such as sqlite:./data/ragtrail.db, or unset it').optional(),
  PORT: z.string().trim()
    .regex(/^\d+$/, 'PORT must be a whole number from 0 to 65535 (0 picks a free port)')
    .transform(Number)
    .refine((n) => n <= 65_535, 'PORT must be a whole number from 0 to 65535 (0 picks a free port)')
    .default(3000),
  HOST: z.string().trim().min(1, 'HOST is set but empty: give an interface such as 127.0.0.1 or 0.0.0.0, or unset it').default('127.0.0.1'),
});
export type Settings = z.infer<typeof Settings>;

/** Reads the settings, or names every variable that is wrong and the rule it broke. */
export function readSettings(env: Record<string, string | undefined>): Settings {
  const parsed = Settings.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
}
