import type { ReactNode } from 'react';

export interface SubmitButtonProps {
  /** While true the button shows a spinner and `busyLabel`, and says it is disabled. */
  busy: boolean;
  busyLabel: ReactNode;
  /** The label when not busy. */
  children: ReactNode;
  className?: string;
}

/**
 * A form's submit button that shows a spinner while the form is being sent. It uses aria-disabled
 * rather than disabled, so the button keeps focus while busy (the form ignores a second submit).
 */
export function SubmitButton({
  busy,
  busyLabel,
  children,
  className = 't-button',
}: SubmitButtonProps) {
  return (
    <button type="submit" className={className} aria-disabled={busy}>
      {busy ? (
        <>
          <span className="t-spinner t-spinner--on-primary" aria-hidden="true" />
          {busyLabel}
        </>
      ) : (
        children
      )}
    </button>
  );
}
