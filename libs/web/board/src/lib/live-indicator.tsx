import { useTranslation } from 'react-i18next';
import type { LiveState } from '@tandem/web-data-access';

export interface LiveIndicatorProps {
  live: LiveState;
  /** When the board was last reloaded because of a live change. */
  updatedAt: string | null;
  onReload(): void;
}

/**
 * Says in words whether the board updates itself, with a filled or hollow dot as extra cue (never
 * colour alone). A status region: screen readers hear a change once.
 */
export function LiveIndicator({ live, updatedAt, onReload }: LiveIndicatorProps) {
  const { t } = useTranslation('board');
  if (live.status === 'off') return null;
  const isLive = live.status === 'live';
  const text = isLive
    ? t('live.live')
    : live.status === 'connecting'
      ? t('live.connecting')
      : t(`live.${live.status}`);
  return (
    <section className="board-live" aria-label={t('live.label')}>
      <p
        className={isLive ? 'board-live__state is-live' : 'board-live__state'}
        role="status"
        data-status={live.status}
      >
        <span className="board-live__dot" aria-hidden="true" />
        <span>
          <strong>{text}</strong>
          {isLive ? <span className="board-live__hint"> {t('live.liveHint')}</span> : null}
          {updatedAt ? (
            <span className="board-live__hint"> {t('live.updatedAt', { time: updatedAt })}</span>
          ) : null}
        </span>
      </p>
      {live.status === 'offline' || live.status === 'ended' || live.status === 'refused' ? (
        <button
          type="button"
          className="t-button t-button--secondary t-button--small"
          onClick={onReload}
        >
          {t('live.reload')}
        </button>
      ) : null}
    </section>
  );
}
