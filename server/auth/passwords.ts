import { hash, verify } from '@node-rs/argon2';
import type { Passwords } from '../../src/service/auth/port';

/**
 * argon2id at OWASP's minimum or above (Password Storage Cheat Sheet: m = 19 MiB, t = 2, p = 1);
 * about 0.1 s per hash on this project's 2-core machine. The PHC string keeps the parameters, so
 * raising them later still verifies old hashes.
 */
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export async function createPasswords(): Promise<Passwords> {
  const dummyHash = await hash(crypto.randomUUID(), ARGON2_OPTIONS);
  return {
    dummyHash,
    hash: (password) => hash(password, ARGON2_OPTIONS),
    verify: async (h, password) => {
      try {
        return await verify(h, password);
      } catch {
        return false;
      }
    },
  };
}
