import { act, screen } from '@testing-library/react';
import type { Root } from 'react-dom/client';
import { mount } from './bootstrap';

describe('mount', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('starts the app in Dutch and asks the API for the session once, even in StrictMode', async () => {
    const fetchMock = jest.fn(async () => ({
      ok: false,
      status: 401,
      statusText: 'Unauthorized',
      text: async () => JSON.stringify({ statusCode: 401, code: 'SESSION_ENDED', message: 'x' }),
    }));
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    const container = document.createElement('div');
    document.body.append(container);

    let root: Root | undefined;
    act(() => {
      root = mount(container);
    });
    expect(await screen.findByRole('heading', { name: 'Inloggen' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('nl');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/v1/auth/refresh',
      expect.objectContaining({ method: 'POST', credentials: 'same-origin' }),
    );
    act(() => root?.unmount());
    container.remove();
  });
});
