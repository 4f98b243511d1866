import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { isApiError, useAuth } from '@tandem/web-data-access';
import { Alert, TextField, commonErrorKey, useDocumentTitle, SubmitButton } from '@tandem/web-ui';
import { PASSPORT_BASE, passportPath } from '../sections';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Problem {
  message: string | null;
  staff?: boolean;
  email?: string;
  password?: string;
}

/** After signing in: the passport page that asked for it, or My team. */
function returnPath(state: unknown): string {
  const from = (state as { from?: { pathname?: string } } | null)?.from?.pathname;
  return from && from.startsWith(`${PASSPORT_BASE}/`) && !from.endsWith('/sign-in')
    ? from
    : passportPath('team');
}

/**
 * Sign-in for clients: simple, one column, large targets, plain Dutch. It only accepts client
 * accounts (the API answers NOT_A_CLIENT_ACCOUNT for staff). DigiD comes later through OIDC on the
 * server; this page then gets a second button.
 */
export function PassportSignInPage() {
  const { t } = useTranslation('passport');
  const { status, login } = useAuth();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  useDocumentTitle(t('signIn.title'), t('common:appName'));

  if (status === 'signedIn') return <Navigate to={returnPath(location.state)} replace />;

  const describe = (error: unknown): Problem => {
    if (!isApiError(error)) return { message: t('common:errors.unknown') };
    switch (error.code) {
      case 'INVALID_CREDENTIALS':
        return { message: t('signIn.errors.invalid') };
      case 'NOT_A_CLIENT_ACCOUNT':
        return { message: t('signIn.errors.staff'), staff: true };
      case 'ACCOUNT_LOCKED': {
        const seconds = Number(error.problem?.retryAfterSeconds) || 15 * 60;
        return {
          message: t('signIn.errors.locked', { minutes: Math.max(1, Math.ceil(seconds / 60)) }),
        };
      }
      default:
        return {
          message:
            error.status === 429
              ? t('signIn.errors.tooMany')
              : t(commonErrorKey(error.status, error.code)),
        };
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const fields: Problem = { message: null };
    if (!email.trim()) fields.email = t('signIn.errors.emailRequired');
    else if (!EMAIL_PATTERN.test(email.trim())) fields.email = t('signIn.errors.emailInvalid');
    if (!password) fields.password = t('signIn.errors.passwordRequired');
    if (fields.email || fields.password) {
      setProblem(fields);
      (fields.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      await login(email.trim(), password, { as: 'client' });
      // Signed in: the state change renders <Navigate> above.
    } catch (error) {
      setPassword('');
      setProblem(describe(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="passport-signin">
      <div className="t-card passport-signin__card">
        <h1>{t('signIn.title')}</h1>
        <p>{t('signIn.intro')}</p>
        <div role="alert">
          {problem?.message ? (
            <Alert tone="error" title={t('signIn.errors.title')}>
              <p>{problem.message}</p>
              {problem.staff ? (
                <p>
                  <Link to="/sign-in">{t('signIn.staffLink')}</Link>
                </p>
              ) : null}
            </Alert>
          ) : null}
        </div>
        <form
          noValidate
          onSubmit={(e) => void onSubmit(e)}
          aria-busy={busy}
          className="passport-form"
        >
          <TextField
            ref={emailRef}
            id="passport-signin-email"
            name="email"
            type="email"
            inputMode="email"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            label={t('signIn.email')}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={problem?.email}
            readOnly={busy}
          />
          <TextField
            ref={passwordRef}
            id="passport-signin-password"
            name="password"
            type="password"
            autoComplete="current-password"
            label={t('signIn.password')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={problem?.password}
            readOnly={busy}
          />
          <SubmitButton
            className="t-button t-button--block"
            busy={busy}
            busyLabel={t('signIn.submitting')}
          >
            {t('signIn.submit')}
          </SubmitButton>
        </form>
        <p className="passport-card__meta">{t('signIn.forgot')}</p>
        <p className="passport-card__meta">{t('signIn.digidLater')}</p>
        <p>
          <Link to="/sign-in">{t('signIn.staffLink')}</Link>
        </p>
      </div>
    </div>
  );
}
