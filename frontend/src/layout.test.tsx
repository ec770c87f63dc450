import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link, MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AuthProvider } from './features/auth/AuthProvider';
import { Header } from './Header';
import { stubRealtime } from './test/fakeRealtime';
import { RouteFocus } from './ui/RouteFocus';

describe('layout', () => {
  it('closes the phone menu on Escape and gives focus back to its button', async () => {
    stubRealtime();
    const user = userEvent.setup();
    render(
      <AuthProvider initialUser={null}>
        <MemoryRouter>
          <Header />
        </MemoryRouter>
      </AuthProvider>,
    );
    const toggle = screen.getByRole('button', { name: 'Menu' });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();
  });

  it('moves focus to the new page heading after a route change, not the body', async () => {
    const user = userEvent.setup();
    render(
      <MemoryRouter>
        <nav>
          <Link to="/two">Go</Link>
        </nav>
        <RouteFocus />
        <main id="main" tabIndex={-1}>
          <Routes>
            <Route path="/" element={<h1>One</h1>} />
            <Route path="/two" element={<h1>Two</h1>} />
          </Routes>
        </main>
      </MemoryRouter>,
    );
    await user.click(screen.getByRole('link', { name: 'Go' }));
    await expect.poll(() => document.activeElement?.textContent).toBe('Two');
  });
});

describe('loading', () => {
  it('draws the shape of the page while a whole page loads, never a blank area', async () => {
    const { Loading } = await import('./ui/Feedback');
    const { container } = render(<Loading page label="Loading your appointments…" />);
    expect(screen.getByRole('status', { name: 'Loading your appointments…' })).toBeInTheDocument();
    expect(container.querySelectorAll('.skeleton__card').length).toBeGreaterThan(0);
  });
});

describe('the style sheet', () => {
  it('closes every block, so no rule is caught inside a media query by accident', async () => {
    const css = (await import('./styles.css?raw')).default.replace(/\/\*[\s\S]*?\*\//g, '');
    let depth = 0;
    for (const c of css) {
      if (c === '{') depth++;
      else if (c === '}') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });
});
