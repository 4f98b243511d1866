import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isAbortError, useApi } from '@tandem/web-data-access';
import { Progress, formatDateTime } from '@tandem/web-ui';
import { auditApi, type Notification } from './audit-api';
import './audit.css';

interface LoadState {
  loading: boolean;
  items: Notification[] | null;
  failed: boolean;
}

/**
 * A small header button with the number of unread notifications (for example: someone opened a
 * client's file with emergency access) and a drop-down list. Loaded on sign-in and on each open.
 */
export function NotificationsMenu() {
  const { t, i18n } = useTranslation('audit');
  const baseApi = useApi();
  const api = useMemo(() => auditApi(baseApi), [baseApi]);
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<LoadState>({ loading: true, items: null, failed: false });
  const [attempt, setAttempt] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    setState((current) => ({ ...current, loading: true, failed: false }));
    api.notifications(controller.signal).then(
      (items) => setState({ loading: false, items, failed: false }),
      (error: unknown) => {
        if (!isAbortError(error)) setState((c) => ({ ...c, loading: false, failed: true }));
      },
    );
    return () => controller.abort();
  }, [api, attempt]);

  useEffect(() => {
    if (!open) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const unread = (state.items ?? []).filter((item) => !item.readAt).length;

  return (
    <div className="audit-notes" ref={root}>
      <button
        ref={button}
        type="button"
        className="t-button t-button--secondary audit-notes__button"
        aria-expanded={open}
        aria-controls={`${ids}-panel`}
        onClick={() => {
          if (!open) setAttempt((n) => n + 1);
          setOpen(!open);
        }}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z"
            fill="currentColor"
          />
        </svg>
        {t('notifications.button')}
        {unread > 0 ? (
          <span className="audit-notes__count">{t('notifications.unread', { count: unread })}</span>
        ) : null}
      </button>
      <div
        id={`${ids}-panel`}
        className="audit-notes__panel t-card"
        hidden={!open}
        aria-labelledby={`${ids}-title`}
        role="region"
      >
        <div className="audit-notes__head">
          <h2 id={`${ids}-title`} className="audit-notes__title">
            {t('notifications.title')}
          </h2>
          <button
            type="button"
            className="t-button t-button--link"
            onClick={() => {
              setOpen(false);
              button.current?.focus();
            }}
          >
            {t('notifications.close')}
          </button>
        </div>
        {state.loading && !state.items ? <Progress label={t('notifications.loading')} /> : null}
        {state.failed ? <p className="audit__hint">{t('notifications.error')}</p> : null}
        {state.items && state.items.length === 0 ? (
          <p className="audit__hint">{t('notifications.empty')}</p>
        ) : null}
        {state.items && state.items.length > 0 ? (
          <ul className="audit-notes__list">
            {state.items.map((item) => (
              <li key={item.id} className={item.readAt ? undefined : 'is-unread'}>
                <p className="audit-notes__kind">
                  {item.readAt ? null : (
                    <span className="t-badge audit-notes__new">
                      {t('notifications.unreadMark')}
                    </span>
                  )}{' '}
                  {t(`notifications.kind.${item.kind}`, {
                    defaultValue: t('notifications.kind.other'),
                  })}
                  {' · '}
                  <time dateTime={item.createdAt}>
                    {formatDateTime(item.createdAt, i18n.language)}
                  </time>
                </p>
                <p className="audit-notes__message">{item.message}</p>
                {item.clientId ? (
                  <Link
                    to={`/clients/${encodeURIComponent(item.clientId)}`}
                    onClick={() => setOpen(false)}
                  >
                    {t('notifications.openClient')}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
