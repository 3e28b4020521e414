/**
 * A message group: zh-CN is the source and lives in the entry bundle; English lives in `catalog/en/`
 * (typed `English<typeof group>`: exactly the same keys, checked by the compiler) and is loaded only
 * when a person chooses it. Placeholders are written `{name}`.
 */
export function defineMessages<const Z extends Record<string, string>>(zh: Z): Z {
  return zh;
}

export type English<Z> = { [K in keyof Z]: string };
