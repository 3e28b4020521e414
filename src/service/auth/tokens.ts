/**
 * Session tokens: 20 random bytes (160 bits, The Copenhagen Book's minimum) from the platform's
 * CSPRNG, sent as lowercase base32; the database keeps only their SHA-256.
 */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
