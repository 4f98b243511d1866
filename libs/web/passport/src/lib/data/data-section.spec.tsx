import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch, type FetchMock } from '@tandem/web-testing';
import { todayDay } from '@tandem/web-ui';
import { signedIn } from '../passport-test-utils';
import { DataSection } from './data-section';
import { renderDataSection } from './test-render';

describe('My data (passport)', () => {
  let net: FetchMock;
  afterEach(() => net?.restore());

  it('downloads the PDF with progress, then says where the file is', async () => {
    let release: () => void = () => undefined;
    const hold = new Promise<void>((resolve) => (release = resolve));
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedIn(),
      'GET /api/v1/me/export/pdf': {
        hold,
        text: '%PDF-1.4 fictional',
        headers: { 'Content-Type': 'application/pdf' },
      },
    });
    const createObjectURL = jest.fn(() => 'blob:tandem/1');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const names: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    try {
      renderDataSection(<DataSection />);
      const user = userEvent.setup();
      await user.click(await screen.findByRole('button', { name: 'Download als PDF' }));
      expect(await screen.findByText('Je gegevens worden klaargezet…')).toBeVisible();
      expect(screen.getByRole('button', { name: 'Download als PDF' })).toHaveAttribute(
        'aria-disabled',
        'true',
      );
      release();
      expect(await screen.findByText(/^Klaar\./)).toHaveTextContent(
        `tandem-mijn-gegevens-${todayDay()}.pdf`,
      );
      expect(names).toEqual([`tandem-mijn-gegevens-${todayDay()}.pdf`]);
      const call = net.callsTo('GET /api/v1/me/export/pdf')[0];
      expect(call.query.get('lang')).toBe('nl');
    } finally {
      click.mockRestore();
    }
  });

  it('says what to do next when the download fails', async () => {
    net = mockFetch({
      'POST /api/v1/auth/refresh': signedIn(),
      'GET /api/v1/me/export/json': { status: 500, body: { code: 'X', message: 'x' } },
    });
    renderDataSection(<DataSection />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Download als JSON' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Vraag je persoonlijk begeleider/);
  });
});
