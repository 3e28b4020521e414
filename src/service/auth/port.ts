/**
 * Sign-in's storage, beside the data snapshot: password hashes, sessions and failed attempts never
 * enter the snapshot (nor a cache, nor the demo's browser storage). Reads go straight to the
 * database; changes are operations of the same write transaction as the audit entry.
 */
export interface Credential {
  personId: string;
  login: string;
  passwordHash: string;
  active: boolean;
  /** ISO instant. */
  passwordChangedAt: string | null;
}

export interface SessionRow {
  /** SHA-256 (hex) of the token: the token itself is never stored. */
  idHash: string;
  personId: string;
  /** ms since the epoch. */
  createdAt: number;
  lastSeenAt: number;
}

export type AuthOp =
  | { kind: 'credential'; credential: Credential }
  | { kind: 'session-create'; session: SessionRow }
  | { kind: 'session-delete'; idHash: string }
  | { kind: 'sessions-end'; personId: string }
  | { kind: 'failure'; key: string; at: number }
  | { kind: 'failures-clear'; key: string };

export interface AuthPort {
  credentialByLogin(login: string): Promise<Credential | null>;
  credentialByPerson(personId: string): Promise<Credential | null>;
  credentials(): Promise<Omit<Credential, 'passwordHash'>[]>;
  session(idHash: string): Promise<SessionRow | null>;
  /** Slides the idle expiry; outside any transaction (it changes no data anyone else reads). */
  touchSession(idHash: string, atMs: number): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Failed sign-ins under `key` since `sinceMs`: how many, and the last one's time. */
  failures(key: string, sinceMs: number): Promise<{ count: number; lastAt: number | null }>;
}

/** Password hashing, injected: argon2id on Node (the demo never hashes). */
export interface Passwords {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** A hash of nothing anyone knows: unknown logins are verified against it, so they take as long. */
  readonly dummyHash: string;
}
