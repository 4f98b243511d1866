import { useTranslation } from 'react-i18next';
import { chooseLocale, isLocale } from './i18n';

/** One button that switches to the other language; its text is in that language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('shell');
  const target = t('language.switchToCode');
  return (
    <button
      type="button"
      className="t-button t-button--secondary shell-language"
      lang={target}
      onClick={() => {
        if (isLocale(target)) void chooseLocale(i18n, target);
      }}
    >
      {t('language.switchTo')}
    </button>
  );
}
