/**
 * A message group: zh-CN is the source, English must have exactly the same keys (checked by the
 * compiler). Placeholders are written `{name}`.
 */
export function defineMessages<const Z extends Record<string, string>>(
  zh: Z,
  en: { [K in keyof Z]: string },
) {
  return { zh, en };
}
