import { inflateSync } from 'node:zlib';

/** The text-showing operators of every page content stream, decompressed. */
function contentStreams(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    const bytes = Buffer.from(raw.slice(start, end), 'latin1');
    try {
      out.push(inflateSync(bytes).toString('latin1'));
    } catch {
      // not a deflated stream (e.g. metadata)
    }
  }
  return out.join('\n');
}

/**
 * The text a `renderPdf` document shows, for tests and checks: pdfkit writes text as hex glyph
 * strings of the standard fonts (WinAnsi), which this decodes. Words may be split over several
 * strings, so compare without whitespace.
 */
export function pdfShownText(pdf: Buffer): string {
  return [...contentStreams(pdf).matchAll(/<([0-9a-f]+)>/gi)]
    .map(([, hex]) => Buffer.from(hex, 'hex').toString('latin1'))
    .join('');
}
