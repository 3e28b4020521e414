/** A document's first page as text: enough to see what will print, without building the .docx. */
export interface PreviewPage {
  /** 发文机关标志 and 发文字号, for a bulletin. */
  masthead?: string[];
  title: string[];
  lines: string[];
  signature: string[];
}
