import PDFDocument from 'pdfkit';

/** One block of a document: a heading, paragraphs, label/value rows or a bullet list. */
export type PdfBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; muted?: boolean }
  | { kind: 'fields'; rows: ReadonlyArray<readonly [label: string, value: string]> }
  | { kind: 'list'; items: readonly string[] };

export interface PdfDocumentSpec {
  /** Shown at the top of the first page and in the document's metadata. */
  title: string;
  /** Lines under the title (e.g. "Gemaakt op 1 december 2026 door Tandem"). */
  subtitle?: readonly string[];
  blocks: readonly PdfBlock[];
  /** Printed at the bottom of every page with the page number (e.g. "Vertrouwelijk"). */
  footer: string;
  /** Document language for readers and assistive technology, e.g. "nl-NL". */
  language: string;
}

const MARGIN = 56;

/**
 * Renders a plain, readable A4 document (standard Helvetica, so no font files to ship) and
 * resolves with its bytes. Used for documents people file or keep: conference minutes, a
 * client's own data export. Content is printed as given; callers decide what may be in it.
 */
export function renderPdf(spec: PdfDocumentSpec): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
      bufferPages: true,
      lang: spec.language,
      displayTitle: true,
      info: { Title: spec.title, Creator: 'Tandem', Producer: 'Tandem' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const width = doc.page.width - MARGIN * 2;
    doc.font('Helvetica-Bold').fontSize(18).text(spec.title, { width });
    doc.font('Helvetica').fontSize(10).fillColor('#444444');
    for (const line of spec.subtitle ?? []) doc.text(line, { width });
    doc.fillColor('#000000').moveDown(1);

    for (const block of spec.blocks) {
      switch (block.kind) {
        case 'heading':
          if (doc.y > doc.page.height - MARGIN - 120) doc.addPage();
          doc.moveDown(0.6).font('Helvetica-Bold').fontSize(13).text(block.text, { width });
          doc.moveDown(0.3);
          break;
        case 'paragraph':
          doc
            .font('Helvetica')
            .fontSize(10.5)
            .fillColor(block.muted ? '#555555' : '#000000')
            .text(block.text, { width, paragraphGap: 4 });
          doc.fillColor('#000000');
          break;
        case 'fields':
          for (const [label, value] of block.rows) {
            doc
              .font('Helvetica-Bold')
              .fontSize(10.5)
              .text(`${label}: `, { width, continued: true });
            doc.font('Helvetica').text(value || '-', { width });
          }
          doc.moveDown(0.4);
          break;
        case 'list':
          doc
            .font('Helvetica')
            .fontSize(10.5)
            .list([...block.items], { width, bulletRadius: 2 });
          doc.moveDown(0.4);
          break;
      }
    }

    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font('Helvetica')
        .fontSize(8.5)
        .fillColor('#555555')
        .text(`${spec.footer} · ${i + 1}/${range.count}`, MARGIN, doc.page.height - MARGIN, {
          width,
          align: 'center',
          lineBreak: false,
        });
      doc.page.margins.bottom = bottom;
    }
    doc.end();
  });
}
