import { toCstIso } from '../../src/domain/clock';
import type { Credential, Passwords } from '../../src/service/auth/port';
import type { Db } from '../../src/service/db';

/**
 * The seeded demo database's accounts: each demo person signs in with the login below (the person
 * id without `u-`) and the one demo password. Demo only: README says so, and the server prints them
 * once, when it seeds a new database. An office's own database starts without accounts.
 */
export const DEMO_PASSWORD = 'luoshi-demo-2024';
export const demoLogin = (personId: string) => personId.replace(/^u-/, '');

let cached: { hash: string } | null = null;

export async function demoCredentials(data: Db, passwords: Passwords): Promise<Credential[]> {
  // One argon2 hash for all: the demo password is the same, and a reset then costs no hashing.
  cached ??= { hash: await passwords.hash(DEMO_PASSWORD) };
  const at = toCstIso(Date.now());
  return data.people.map((p) => ({
    personId: p.id,
    login: demoLogin(p.id),
    passwordHash: cached!.hash,
    active: true,
    passwordChangedAt: at,
  }));
}

export function demoAccountsNotice(data: Db): string {
  const lines = data.people.map((p) => `  ${demoLogin(p.id).padEnd(10)} ${p.name}（${p.role}）`);
  return [`Demo accounts (demo data only; every one has the password "${DEMO_PASSWORD}"):`, ...lines].join(
    '\n',
  );
}
