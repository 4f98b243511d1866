import { useLocation } from 'react-router';

/**
 * Shows where the router is (`data-testid="location"`), so a test can assert a navigation: the
 * path, and with `withSearch` the query string after it.
 */
export function ShowLocation({ withSearch = false }: { withSearch?: boolean }) {
  const location = useLocation();
  return (
    <p data-testid="location">
      {withSearch ? `${location.pathname}${location.search}` : location.pathname}
    </p>
  );
}
