import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsentPurpose } from '@tandem/domain';
import { isApiError, readDownload, saveBlob } from '@tandem/web-data-access';
import { Progress, SelectField, TextField, formatDay, todayDay } from '@tandem/web-ui';
import type { DocumentRecipient, MyConsentsApi, SharedDocument } from './consents-api';
import type { Notice } from './consents-section';

const MAX_BYTES = 2 * 1024 * 1024;
const TYPES = ['application/pdf', 'image/png', 'image/jpeg'];
const PURPOSES = Object.values(ConsentPurpose);

const addDays = (day: string, days: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

type Errors = Partial<Record<'title' | 'file' | 'recipient' | 'purpose' | 'until', string>>;

/** Documents the client shares herself: the list (open, stop sharing) and the form to share one. */
export function DocumentsPart({
  calls,
  announce,
}: {
  calls: MyConsentsApi;
  announce: (notice: Notice) => void;
}) {
  const { t, i18n } = useTranslation('passport-consents');
  const id = useId();
  const [documents, setDocuments] = useState<SharedDocument[] | null>(null);
  const [recipients, setRecipients] = useState<DocumentRecipient[]>([]);
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the file input after sharing.
  const [fileKey, setFileKey] = useState(0);
  const [recipientId, setRecipientId] = useState('');
  const [purpose, setPurpose] = useState('');
  const [until, setUntil] = useState(addDays(todayDay(), 90));
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [sending, setSending] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const [docs, people] = await Promise.all([calls.documents(), calls.recipients()]);
      setDocuments(docs);
      setRecipients(people);
    } catch {
      setDocuments([]);
    }
  }, [calls]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const validate = (): Errors => {
    const next: Errors = {};
    if (!title.trim()) next.title = t('errors.required');
    if (!file) next.file = t('errors.required');
    else if (!TYPES.includes(file.type)) next.file = t('errors.fileType');
    else if (file.size > MAX_BYTES) next.file = t('errors.fileSize');
    if (!recipientId) next.recipient = t('errors.required');
    if (!purpose) next.purpose = t('errors.required');
    if (!until || until <= todayDay()) next.until = t('errors.untilPast');
    else if (until > addDays(todayDay(), 730)) next.until = t('errors.untilMax');
    return next;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setSending(true);
    try {
      const shared = await calls.share({
        title: title.trim(),
        fileName: (file as File).name,
        mime: (file as File).type,
        base64: await readBase64(file as File),
        recipientUserId: recipientId,
        purpose: purpose as ConsentPurpose,
        validUntil: until,
        ...(message.trim() ? { message: message.trim() } : {}),
      });
      announce({
        tone: 'success',
        text: t('documents.shared', { title: shared.title, name: shared.recipientName }),
      });
      setTitle('');
      setFile(null);
      setMessage('');
      setFileKey((k) => k + 1);
      await reload();
    } catch (error) {
      const field = isApiError(error) ? error.problem?.errors?.[0]?.field : undefined;
      if (field === 'recipientUserId') setErrors({ recipient: t('errors.required') });
      else if (field === 'validUntil') setErrors({ until: t('errors.untilMax') });
      else if (isApiError(error) && error.status === 413) setErrors({ file: t('errors.fileSize') });
      else if (isApiError(error) && error.status === 415) setErrors({ file: t('errors.fileType') });
      else announce({ tone: 'error', text: t('errors.generic') });
    } finally {
      setSending(false);
    }
  };

  const stop = async (doc: SharedDocument) => {
    setBusy(doc.id);
    try {
      await calls.revokeDocument(doc.id);
      await reload();
      announce({
        tone: 'success',
        text: t('documents.stopped', { title: doc.title, name: doc.recipientName }),
      });
    } catch (error) {
      announce({
        tone: 'error',
        text:
          isApiError(error) && error.status === 409 ? t('errors.conflict') : t('errors.generic'),
      });
      await reload();
    } finally {
      setBusy(null);
    }
  };

  const open = async (doc: SharedDocument) => {
    try {
      const response = await calls.documentFile(doc.id);
      saveBlob(await readDownload(response, () => undefined), doc.fileName);
    } catch {
      announce({ tone: 'error', text: t('errors.generic') });
    }
  };

  return (
    <>
      <h2>{t('documents.title')}</h2>
      <p>{t('documents.intro')}</p>
      {documents === null ? (
        <Progress label={t('loading')} />
      ) : documents.length ? (
        <ul className="pc-list">
          {documents.map((d) => (
            <li key={d.id} className="t-card pc-card">
              <h3>{d.title}</h3>
              <p>
                {t('documents.sharedWith', {
                  name: d.recipientName,
                  organisation: d.recipientOrganisationName,
                })}{' '}
                <span className="t-badge">{t(`status.${d.status}`)}</span>
              </p>
              <dl className="pc-facts">
                <div>
                  <dt>{t('fields.purpose')}</dt>
                  <dd>{t(`purpose.${d.purpose}`, { defaultValue: d.purpose })}</dd>
                </div>
                <div>
                  <dt>{t('fields.period')}</dt>
                  <dd>
                    {t('fields.periodValue', {
                      from: formatDay(d.validFrom, i18n.language),
                      until: formatDay(d.validUntil, i18n.language),
                    })}
                  </dd>
                </div>
              </dl>
              <div className="t-actions">
                <button
                  type="button"
                  className="t-button t-button--link"
                  onClick={() => void open(d)}
                >
                  {t('documents.open', { title: d.title })}
                </button>
                {d.status === 'ACTIVE' ? (
                  <button
                    type="button"
                    className="t-button t-button--secondary"
                    aria-label={t('documents.stopLabel', { title: d.title })}
                    disabled={busy !== null}
                    onClick={() => void stop(d)}
                  >
                    {t('documents.stop')}
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('documents.none')}</p>
      )}

      <form className="t-card pc-form" noValidate onSubmit={(e) => void submit(e)}>
        <h3>{t('documents.formTitle')}</h3>
        {recipients.length === 0 && documents !== null ? (
          <p>{t('documents.noRecipients')}</p>
        ) : null}
        <TextField
          id={`${id}-title`}
          label={t('documents.docTitle')}
          hint={t('documents.docTitleHint')}
          error={errors.title}
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextField
          key={fileKey}
          id={`${id}-file`}
          type="file"
          label={t('documents.file')}
          hint={t('documents.fileHint')}
          error={errors.file}
          accept={TYPES.join(',')}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <SelectField
          id={`${id}-recipient`}
          label={t('documents.recipient')}
          error={errors.recipient}
          value={recipientId}
          onChange={(e) => setRecipientId(e.target.value)}
        >
          <option value="">{t('documents.choose')}</option>
          {recipients.map((r) => (
            <option key={r.userId} value={r.userId}>
              {t('documents.recipientOption', {
                name: r.displayName,
                organisation: r.organisationName,
              })}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${id}-purpose`}
          label={t('documents.purpose')}
          error={errors.purpose}
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
        >
          <option value="">{t('documents.choose')}</option>
          {PURPOSES.map((p) => (
            <option key={p} value={p}>
              {t(`purpose.${p}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${id}-until`}
          type="date"
          label={t('documents.until')}
          hint={t('documents.untilHint')}
          error={errors.until}
          value={until}
          min={addDays(todayDay(), 1)}
          max={addDays(todayDay(), 730)}
          onChange={(e) => setUntil(e.target.value)}
        />
        <TextField
          id={`${id}-message`}
          label={t('documents.message')}
          value={message}
          maxLength={500}
          onChange={(e) => setMessage(e.target.value)}
        />
        <div className="t-actions">
          <button type="submit" className="t-button" disabled={sending}>
            {t('documents.submit')}
          </button>
          {sending ? <Progress label={t('documents.sharing')} /> : null}
        </div>
      </form>
    </>
  );
}
