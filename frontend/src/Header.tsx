import { useEffect, useRef, useState } from 'react';
import { useTranslation } from './i18n/useTranslation';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { useAuth } from './features/auth/AuthProvider';
import { useUnreadTotal } from './features/messaging/unread';
import { useRealtimeStatus } from './realtime/hooks';
import { NotificationBell } from './features/notification/NotificationBell';
import { LanguageSwitch } from './i18n/LanguageSwitch';

export function Header() {
  const { t } = useTranslation();
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const status = useRealtimeStatus();
  const unread = useUnreadTotal();

  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => setOpen(false), [location.pathname]);

  // Escape closes the phone menu and hands focus back to its button.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  async function signOut() {
    await logout();
    navigate('/signin', { replace: true });
  }

  const links: { to: string; label: string; badge?: number }[] = !user
    ? [{ to: '/doctors', label: t('nav.findDoctor') }]
    : user.role === 'operator'
      ? [
          { to: '/admin/doctors', label: t('nav.doctorsToVerify') },
          { to: '/admin/accounts', label: t('nav.accounts') },
          { to: '/admin/audit', label: t('nav.audit') },
          { to: '/account', label: t('nav.account') },
        ]
      : user.role === 'doctor'
      ? [
          { to: '/dashboard', label: t('nav.dashboard') },
          { to: '/schedule', label: t('nav.schedule') },
          { to: '/patients', label: t('nav.patients') },
          { to: '/messages', label: t('nav.messages'), badge: unread },
          { to: '/calls', label: t('nav.calls') },
          { to: '/profile', label: t('nav.profile') },
          { to: '/account', label: t('nav.account') },
        ]
      : [
          { to: '/doctors', label: t('nav.findDoctor') },
          { to: '/appointments', label: t('nav.appointments') },
          { to: '/messages', label: t('nav.messages'), badge: unread },
          { to: '/calls', label: t('nav.calls') },
          { to: '/profile', label: t('nav.profile') },
          { to: '/access-log', label: t('nav.recordAccess') },
          { to: '/account', label: t('nav.account') },
        ];

  // data-realtime shows whether live updates are on, for tests and support, without a visible badge.
  return (
    <header className="site-header" data-realtime={user ? status : undefined}>
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            +
          </span>
          Health-Connect
        </Link>
        <button
          ref={toggle}
          type="button"
          className="nav-toggle"
          aria-expanded={open}
          aria-controls="main-nav"
          onClick={() => setOpen((o) => !o)}
        >
          <span className="visually-hidden">{t('nav.menu')}</span>
          <span aria-hidden="true">☰</span>
        </button>
        <nav id="main-nav" aria-label={t('nav.main')} className={`main-nav${open ? ' main-nav--open' : ''}`}>
          <ul>
            {links.map((l) => (
              <li key={l.to}>
                <NavLink to={l.to}>
                  {l.label}
                  {!!l.badge && (
                    <span className="count-badge">
                      {l.badge}
                      <span className="visually-hidden">{t('nav.unread')}</span>
                    </span>
                  )}
                </NavLink>
              </li>
            ))}
            {!user && location.pathname !== '/signin' && (
              <li>
                <NavLink to="/signin">{t('nav.signIn')}</NavLink>
              </li>
            )}
            {!user && location.pathname !== '/signup' && (
              <li>
                <NavLink to="/signup">{t('nav.signUp')}</NavLink>
              </li>
            )}
            {user && (
              <li>
                <NotificationBell signedIn={!!user} />
              </li>
            )}
            {user && (
              <li className="main-nav__user">
                <span className="main-nav__name">{user.name}</span>
                <button type="button" className="btn btn--ghost btn--small" onClick={signOut}>
                  {t('nav.signOut')}
                </button>
              </li>
            )}
            <li className="main-nav__language">
              <LanguageSwitch />
            </li>
          </ul>
        </nav>
      </div>
      {user && status === 'reconnecting' && (
        <p className="connection-banner" role="status">
          {t('nav.reconnecting')}
        </p>
      )}
    </header>
  );
}
