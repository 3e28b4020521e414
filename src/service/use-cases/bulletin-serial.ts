import type { WriteTx } from '../port';

/**
 * The 季度督查通报's 发文字号 (`督查通报〔2024〕1号`): numbered per year in the order quarters are
 * first published, kept in the store's counters, and kept by a quarter through unpublish/republish.
 */
export const bulletinSerialKey = (quarter: string) => `bulletin-serial:${quarter}`;

export function assignBulletinSerial(tx: WriteTx, quarter: string): number {
  const existing = tx.data.seq[bulletinSerialKey(quarter)];
  if (existing !== undefined) return existing;
  const serial = tx.nextSeq(`bulletin-${quarter.slice(0, 4)}`);
  // nextSeq with a floor of serial − 1 stores exactly `serial` under the quarter's own key.
  return tx.nextSeq(bulletinSerialKey(quarter), serial - 1);
}
