import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { useAuth } from './features/auth/AuthProvider';
import { useUnreadTotal } from './features/messaging/unread';
import { useRealtimeStatus } from './realtime/hooks';
import { NotificationBell } from './features/notification/NotificationBell';

export function Header() {
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
    ? [{ to: '/doctors', label: 'Find a doctor' }]
    : user.role === 'operator'
      ? [
          { to: '/admin/doctors', label: 'Doctors to verify' },
          { to: '/admin/accounts', label: 'Accounts' },
          { to: '/admin/audit', label: 'Audit log' },
          { to: '/account', label: 'Account' },
        ]
      : user.role === 'doctor'
      ? [
          { to: '/dashboard', label: 'Dashboard' },
          { to: '/schedule', label: 'Schedule' },
          { to: '/patients', label: 'My patients' },
          { to: '/messages', label: 'Messages', badge: unread },
          { to: '/calls', label: 'Calls' },
          { to: '/profile', label: 'Profile' },
          { to: '/account', label: 'Account' },
        ]
      : [
          { to: '/doctors', label: 'Find a doctor' },
          { to: '/appointments', label: 'Appointments' },
          { to: '/messages', label: 'Messages', badge: unread },
          { to: '/calls', label: 'Calls' },
          { to: '/profile', label: 'Profile' },
          { to: '/access-log', label: 'Record access' },
          { to: '/account', label: 'Account' },
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
          <span className="visually-hidden">Menu</span>
          <span aria-hidden="true">☰</span>
        </button>
        <nav id="main-nav" aria-label="Main" className={`main-nav${open ? ' main-nav--open' : ''}`}>
          <ul>
            {links.map((l) => (
              <li key={l.to}>
                <NavLink to={l.to}>
                  {l.label}
                  {!!l.badge && (
                    <span className="count-badge">
                      {l.badge}
                      <span className="visually-hidden"> unread</span>
                    </span>
                  )}
                </NavLink>
              </li>
            ))}
            {!user && location.pathname !== '/signin' && (
              <li>
                <NavLink to="/signin">Sign in</NavLink>
              </li>
            )}
            {!user && location.pathname !== '/signup' && (
              <li>
                <NavLink to="/signup">Sign up</NavLink>
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
                  Sign out
                </button>
              </li>
            )}
          </ul>
        </nav>
      </div>
      {user && status === 'reconnecting' && (
        <p className="connection-banner" role="status">
          Reconnecting to live updates…
        </p>
      )}
    </header>
  );
}
