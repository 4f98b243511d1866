import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { useAuth } from '@tandem/web-data-access';
import { PASSPORT_BASE } from '@tandem/web-passport';
import { Alert, TextField, useDocumentTitle, SubmitButton } from '@tandem/web-ui';
import { describeSignInError, validateSignIn, type SignInProblem } from './sign-in-errors';

interface FromState {
  from?: { pathname?: string; search?: string };
}

/** Where to go after signing in: the page that asked for it, or the start page. */
function returnPath(state: unknown): string {
  const from = (state as FromState | null)?.from;
  if (!from?.pathname || !from.pathname.startsWith('/') || from.pathname === '/sign-in') return '/';
  return `${from.pathname}${from.search ?? ''}`;
}

export function SignInPage() {
  const { t, i18n } = useTranslation('shell');
  const { status, reason, login } = useAuth();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<SignInProblem | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  useDocumentTitle(t('signIn.title'), t('common:appName'));

  if (status === 'signedIn') return <Navigate to={returnPath(location.state)} replace />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const invalid = validateSignIn(email, password, t);
    if (invalid) {
      setProblem(invalid);
      (invalid.fields.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    setProblem(null);
    setSubmitting(true);
    try {
      await login(email.trim(), password);
      // Signed in: the state change renders <Navigate> above.
    } catch (error) {
      setProblem(describeSignInError(error, t, i18n.language));
      setPassword('');
    } finally {
      setSubmitting(false);
    }
  };

  const notice =
    !problem && reason ? (
      <Alert tone={reason === 'signedOut' ? 'success' : 'warning'}>
        <p>{t(`signIn.notices.${reason}`)}</p>
      </Alert>
    ) : null;

  return (
    <div className="shell-signin">
      <div className="shell-signin__card t-card">
        <h1>{t('signIn.title')}</h1>
        <p className="shell-signin__intro">{t('signIn.intro')}</p>
        <div role="status">{notice}</div>
        <div role="alert">
          {problem ? (
            <Alert tone="error" title={problem.title}>
              {problem.lines.map((line) => (
                <p key={line}>{line}</p>
              ))}
            </Alert>
          ) : null}
        </div>
        <form noValidate onSubmit={(event) => void onSubmit(event)} aria-busy={submitting}>
          <TextField
            ref={emailRef}
            id="signin-email"
            name="email"
            type="email"
            inputMode="email"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            label={t('signIn.email')}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={problem?.fields.email}
            readOnly={submitting}
          />
          <TextField
            ref={passwordRef}
            id="signin-password"
            name="password"
            type="password"
            autoComplete="current-password"
            label={t('signIn.password')}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={problem?.fields.password}
            readOnly={submitting}
          />
          <SubmitButton
            className="t-button t-button--block"
            busy={submitting}
            busyLabel={t('signIn.submitting')}
          >
            {t('signIn.submit')}
          </SubmitButton>
        </form>
        <p>
          <Link to={`${PASSPORT_BASE}/sign-in`}>{t('signIn.clientLink')}</Link>
        </p>
      </div>
    </div>
  );
}
