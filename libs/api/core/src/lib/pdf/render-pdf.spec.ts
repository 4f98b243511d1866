import { pdfShownText as shownText } from './pdf-text';
import { renderPdf } from './render-pdf';

describe('renderPdf', () => {
  it('renders a titled A4 document with every block, in the given language, page-numbered', async () => {
    const pdf = await renderPdf({
      title: 'Verslag casusoverleg',
      subtitle: ['1 december 2026'],
      language: 'nl-NL',
      footer: 'Vertrouwelijk',
      blocks: [
        { kind: 'heading', text: 'Besluiten' },
        { kind: 'paragraph', text: 'Proefplaatsing bij de sportschool gaat door.' },
        { kind: 'fields', rows: [['Eigenaar', 'Sanne']] },
        { kind: 'list', items: ['Werkgever bellen', 'Evaluatie plannen'] },
      ],
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Lang (nl-NL)');
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const text = shownText(pdf).replace(/\s+/g, ' ');
    for (const expected of [
      'Verslag casusoverleg',
      'Besluiten',
      'sportschool',
      'Eigenaar',
      'Sanne',
      'Werkgever bellen',
      'Evaluatie plannen',
      'Vertrouwelijk · 1/1',
    ]) {
      expect(text.replace(/\s/g, '')).toContain(expected.replace(/\s/g, ''));
    }
  });

  it('breaks long content over pages and numbers every page', async () => {
    const pdf = await renderPdf({
      title: 'Lang',
      language: 'en',
      footer: 'Footer',
      blocks: Array.from({ length: 120 }, (_, i) => ({
        kind: 'paragraph' as const,
        text: `Paragraph ${i} ${'lorem ipsum '.repeat(8)}`,
      })),
    });
    const text = shownText(pdf).replace(/\s/g, '');
    const pages = Number(/\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1]);
    expect(pages).toBeGreaterThan(2);
    expect(text).toContain(`Footer·${pages}/${pages}`);
    expect(text).toContain('Paragraph119');
  });
});
