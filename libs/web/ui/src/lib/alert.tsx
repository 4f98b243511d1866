import type { ReactNode } from 'react';

export type AlertTone = 'error' | 'warning' | 'info' | 'success';

export interface AlertProps {
  tone: AlertTone;
  title?: string;
  children?: ReactNode;
  /** Extra content under the text, for example a retry button. */
  actions?: ReactNode;
}

/**
 * A message box. It has no live-region role itself: put it inside a region that already exists
 * (`role="alert"` or `role="status"`) so that changes are announced.
 */
export function Alert({ tone, title, children, actions }: AlertProps) {
  return (
    <div className={`t-alert t-alert--${tone}`}>
      {title ? <p className="t-alert__title">{title}</p> : null}
      {children ? <div className="t-alert__body">{children}</div> : null}
      {actions ? <div className="t-alert__actions">{actions}</div> : null}
    </div>
  );
}
