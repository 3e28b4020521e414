/** Reads a speech from a `.txt` or `.docx` file; mammoth (for .docx) is loaded only when needed. */
export class UnsupportedFileError extends Error {}

export async function readSpeechFile(file: File): Promise<string> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.docx')) {
    const mammoth = await import('mammoth');
    const arrayBuffer = await file.arrayBuffer();
    // mammoth's browser build reads `arrayBuffer`, its Node build (tests, scripts) reads `buffer`; both take an ArrayBuffer.
    const input = { arrayBuffer, buffer: arrayBuffer } as unknown as { arrayBuffer: ArrayBuffer };
    const { value } = await mammoth.extractRawText(input);
    // Word paragraphs come out separated by blank lines; one line break per paragraph reads as pasted text.
    return value.replace(/\n{2,}/g, '\n').trim();
  }
  if (name.endsWith('.txt') || file.type.startsWith('text/')) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      // Offices still save many .txt files in GB18030.
      return new TextDecoder('gb18030').decode(bytes);
    }
  }
  throw new UnsupportedFileError(file.name);
}
