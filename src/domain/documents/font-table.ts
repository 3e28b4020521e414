/**
 * word/fontTable.xml naming every face the documents use, with what Word and WPS fall back to when
 * a face is missing: `w:altName` is the next name to try (仿宋_GB2312 → 仿宋, as Windows ships it),
 * `w:charset` 86 (GB2312) and `w:pitch`/`w:family` let them pick a like face of the same width, so the
 * text stays on the 28-character grid. LibreOffice substitutes by fontconfig (scripts/doc-fonts.conf).
 */
const FACES: { name: string; alt: string; family: 'modern' | 'roman' | 'swiss' | 'script' }[] = [
  { name: '仿宋_GB2312', alt: '仿宋', family: 'modern' },
  { name: '仿宋', alt: 'FangSong', family: 'modern' },
  { name: '方正小标宋简体', alt: '宋体', family: 'script' },
  { name: '黑体', alt: 'SimHei', family: 'modern' },
  { name: '楷体_GB2312', alt: '楷体', family: 'modern' },
  { name: '宋体', alt: 'SimSun', family: 'roman' },
];

const cjk = FACES.map(
  (f) =>
    `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="86"/>` +
    `<w:family w:val="${f.family}"/><w:pitch w:val="fixed"/>` +
    `<w:sig w:usb0="00000001" w:usb1="080E0000" w:usb2="00000010" w:usb3="00000000" w:csb0="00040000" w:csb1="00000000"/></w:font>`,
).join('');

export const FONT_TABLE_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  cjk +
  '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>' +
  '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>' +
  '</w:fonts>';

/** The face names in the table, for tests. */
export const FONT_TABLE_NAMES = FACES.map((f) => f.name);
