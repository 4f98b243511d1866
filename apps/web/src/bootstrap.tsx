import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App, createI18n } from '@tandem/web-shell';

/** Starts the web client in `container`. */
export function mount(container: HTMLElement): Root {
  const i18n = createI18n();
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <App i18n={i18n} />
    </StrictMode>,
  );
  return root;
}
