import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Pagination, TextField, commonEn, commonErrorKey, commonNl } from '../index';
import { emptyTranslations, translationKeys } from './translation-keys';

describe('TextField', () => {
  it('links the label, hint and error to the input', () => {
    render(<TextField id="email" label="E-mailadres" hint="Je werkadres" error="Vul dit in" />);
    const input = screen.getByLabelText('E-mailadres');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Je werkadres Vul dit in');
  });

  it('is not marked invalid without an error', () => {
    render(<TextField id="q" label="Zoeken" />);
    expect(screen.getByLabelText('Zoeken')).not.toHaveAttribute('aria-invalid');
  });
});

describe('Pagination', () => {
  const labels = { label: 'Pagina’s', previousLabel: 'Vorige', nextLabel: 'Volgende' };

  it('disables previous on the first page and moves to the next', async () => {
    const onPageChange = jest.fn();
    render(
      <Pagination
        {...labels}
        page={1}
        pageCount={2}
        rangeText="1–50 van 61"
        onPageChange={onPageChange}
      />,
    );
    expect(screen.getByRole('navigation', { name: 'Pagina’s' })).toHaveTextContent('1–50 van 61');
    expect(screen.getByRole('button', { name: /Vorige/ })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: /Volgende/ }));
    expect(onPageChange).toHaveBeenCalledWith(2);
  });

  it('disables next on the last page', () => {
    render(
      <Pagination
        {...labels}
        page={2}
        pageCount={2}
        rangeText="51–61 van 61"
        onPageChange={jest.fn()}
      />,
    );
    expect(screen.getByRole('button', { name: /Volgende/ })).toBeDisabled();
    expect(screen.getByRole('button', { name: /Vorige/ })).toBeEnabled();
  });
});

describe('common texts', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    expect(translationKeys(commonEn)).toEqual(translationKeys(commonNl));
    expect(emptyTranslations(commonNl)).toEqual([]);
    expect(emptyTranslations(commonEn)).toEqual([]);
  });

  it('picks a general message for an API error', () => {
    expect(commonErrorKey(0, 'NETWORK_ERROR')).toBe('common:errors.network');
    expect(commonErrorKey(401, 'SESSION_ENDED')).toBe('common:errors.sessionEnded');
    expect(commonErrorKey(403, 'FORBIDDEN')).toBe('common:errors.forbidden');
    expect(commonErrorKey(400, 'VALIDATION_FAILED')).toBe('common:errors.validation');
    expect(commonErrorKey(500, 'INTERNAL')).toBe('common:errors.unknown');
  });
});
