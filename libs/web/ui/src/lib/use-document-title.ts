import { useEffect } from 'react';

/** Sets the browser tab title, for example "Caseload – Tandem". */
export function useDocumentTitle(title: string, appName: string): void {
  useEffect(() => {
    document.title = title ? `${title} – ${appName}` : appName;
  }, [title, appName]);
}
