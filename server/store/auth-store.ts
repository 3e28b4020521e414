import { type Kysely, sql, type Transaction } from 'kysely';
import { toCstIso } from '../../src/domain/clock';
import type { AuthOp, AuthPort, Credential, SessionRow } from '../../src/service/auth/port';
import type { AnyDb } from './connect';

/**
 * Sign-in's tables over SQL: reads straight from the database (on the write transaction's own
 * connection when inside one: PGlite has a single connection), and the replay of a transaction's
 * sign-in operations.
 */
type Db = Kysely<AnyDb> | Transaction<AnyDb>;

const ms = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();

function credentialOf(r: Record<string, unknown>): Credential {
  return {
    personId: String(r.person_id),
    login: String(r.login),
    passwordHash: String(r.password_hash),
    active: Boolean(r.active),
    passwordChangedAt: r.password_changed_at ? toCstIso(ms(String(r.password_changed_at))) : null,
  };
}

export function authPort(db: Db): AuthPort {
  return {
    async credentialByLogin(login) {
      const r = await db
        .selectFrom('credentials')
        .selectAll()
        .where('login', '=', login.toLowerCase())
        .executeTakeFirst();
      return r ? credentialOf(r) : null;
    },
    async credentialByPerson(personId) {
      const r = await db
        .selectFrom('credentials')
        .selectAll()
        .where('person_id', '=', personId)
        .executeTakeFirst();
      return r ? credentialOf(r) : null;
    },
    async credentials() {
      const rows = await db.selectFrom('credentials').selectAll().orderBy('login').execute();
      return rows.map((r) => {
        const { passwordHash: _h, ...rest } = credentialOf(r);
        return rest;
      });
    },
    async session(idHash) {
      const r = await db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
      if (!r) return null;
      return {
        idHash,
        personId: String(r.person_id),
        createdAt: ms(String(r.created_at)),
        lastSeenAt: ms(String(r.last_seen_at)),
      } satisfies SessionRow;
    },
    async touchSession(idHash, atMs) {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: iso(atMs) })
        .where('id_hash', '=', idHash)
        .where('last_seen_at', '<', iso(atMs))
        .execute();
    },
    async deleteSession(idHash) {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },
    async failures(key, sinceMs) {
      const r = await db
        .selectFrom('login_failures')
        .select([sql<number>`count(*)`.as('n'), sql<string | null>`max(at)`.as('last')])
        .where('key', '=', key)
        .where('at', '>', iso(sinceMs))
        .executeTakeFirst();
      return { count: Number(r?.n ?? 0), lastAt: r?.last ? ms(String(r.last)) : null };
    },
  };
}

export async function replayAuth(trx: Transaction<AnyDb>, op: AuthOp): Promise<void> {
  switch (op.kind) {
    case 'credential': {
      const c = op.credential;
      const row = {
        person_id: c.personId,
        login: c.login.toLowerCase(),
        password_hash: c.passwordHash,
        active: c.active,
        password_changed_at: c.passwordChangedAt,
      };
      await trx
        .insertInto('credentials')
        .values(row)
        .onConflict((oc) => oc.column('person_id').doUpdateSet(row))
        .execute();
      return;
    }
    case 'session-create': {
      const s = op.session;
      await trx
        .insertInto('sessions')
        .values({
          id_hash: s.idHash,
          person_id: s.personId,
          created_at: iso(s.createdAt),
          last_seen_at: iso(s.lastSeenAt),
        })
        .execute();
      return;
    }
    case 'session-delete':
      await trx.deleteFrom('sessions').where('id_hash', '=', op.idHash).execute();
      return;
    case 'sessions-end':
      await trx.deleteFrom('sessions').where('person_id', '=', op.personId).execute();
      return;
    case 'failure':
      await trx
        .insertInto('login_failures')
        .values({ key: op.key, at: iso(op.at) })
        .execute();
      return;
    case 'failures-clear':
      await trx.deleteFrom('login_failures').where('key', '=', op.key).execute();
      return;
  }
}

/** The demo reset empties sign-in's tables with the data (they reference people). */
export const AUTH_TABLES = ['credentials', 'sessions', 'login_failures'];
