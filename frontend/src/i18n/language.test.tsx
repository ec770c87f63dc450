import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { User } from '../api/types';
import { AuthProvider } from '../features/auth/AuthProvider';
import { Header } from '../Header';
import { formatDay } from '../lib/time';
import { stubRealtime } from '../test/fakeRealtime';
import { browserLanguage, changeLanguage, initialLanguage, t } from './i18n';

const lea = { id: 'u-lea', role: 'patient', name: 'Lea Kraus', email: 'lea@example.org', timeZone: 'Europe/Berlin' } as User;

function renderHeader(user: User | null) {
  stubRealtime();
  return render(
    <AuthProvider initialUser={user}>
      <MemoryRouter>
        <Header />
      </MemoryRouter>
    </AuthProvider>,
  );
}

describe('two languages', () => {
  afterEach(async () => {
    localStorage.clear();
    await act(() => changeLanguage('en'));
  });

  it("starts in the browser's language when it is one of ours, else English", () => {
    expect(browserLanguage(['de-AT', 'en-GB'])).toBe('de');
    expect(browserLanguage(['fr-FR', 'en-US'])).toBe('en');
    expect(browserLanguage(['fr-FR'])).toBe('en');
  });

  it('switches the whole header to German and remembers the choice for this user', async () => {
    const user = userEvent.setup();
    renderHeader(lea);
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'Deutsch');

    expect(await screen.findByRole('button', { name: 'Abmelden' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Termine' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Sprache' })).toHaveValue('de');
    expect(document.documentElement.lang).toBe('de');
    expect(localStorage.getItem('hc.language.u-lea')).toBe('de');
    expect(initialLanguage()).toBe('de');
  });

  it("a user's earlier choice wins when they sign in on a browser set to English", async () => {
    localStorage.setItem('hc.language.u-lea', 'de');
    renderHeader(lea);
    expect(await screen.findByRole('button', { name: 'Abmelden' })).toBeInTheDocument();
  });

  it('formats dates through Intl in the chosen language and picks plural forms by its rules', async () => {
    expect(formatDay('2026-12-07')).toMatch(/Mon/);
    expect(t('directory.count', { count: 1 })).toBe('1 doctor');
    expect(t('directory.count', { count: 3 })).toBe('3 doctors');
    expect(t('doctor.freeTimes', { day: 'X', count: 0 })).toBe('X: no free times');

    await changeLanguage('de');
    expect(formatDay('2026-12-07')).toMatch(/Mo\./);
    expect(formatDay('2026-12-07')).toMatch(/Dez/);
    expect(t('directory.count', { count: 1 })).toBe('1 Ärztin/Arzt');
    expect(t('directory.count', { count: 3 })).toBe('3 Ärzt:innen');
    expect(t('doctor.freeTimes', { day: 'X', count: 2 })).toBe('X: 2 freie Zeiten');
  });
});
