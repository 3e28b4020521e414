import type { BulletinChart } from '../../../domain/documents';
import { chartBlob, metaOf } from './chart-export';

/** Pixel size of a PNG, from its IHDR chunk (bytes 16–23, big-endian). */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

/** The review page's charts as PNGs for the bulletin's attachment (drawn at 2×, placed at 1×). */
export async function chartImages(root: HTMLElement): Promise<BulletinChart[]> {
  const out: BulletinChart[] = [];
  for (const figure of root.querySelectorAll<HTMLElement>('figure[data-chart]')) {
    const { blob } = await chartBlob(figure, 'png');
    const png = new Uint8Array(await blob.arrayBuffer());
    const { width, height } = pngSize(png);
    out.push({ title: metaOf(figure).title, png, width: width / 2, height: height / 2 });
  }
  return out;
}
