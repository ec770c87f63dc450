import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../../api/types';
import { Loading } from '../../ui/Feedback';
import { useAuth } from './AuthProvider';
import { useOperatorTwoFactor } from './operatorTwoFactor';

/** Shows its children to a signed-in user of the given role; sends others to sign in. */
export function RequireAuth({ role, children }: { role?: Role; children: ReactNode }) {
  const { t } = useTranslation();
  const { status, user } = useAuth();
  const location = useLocation();
  const twoFactor = useOperatorTwoFactor(user);
  if (status === 'loading') return <Loading page />;
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/signin?next=${next}`} replace />;
  }
  // an operator sets up two-factor sign-in before anything else
  if (twoFactor === 'checking') return <Loading page />;
  if (twoFactor === 'must-enrol' && location.pathname !== '/account') return <Navigate to="/account" replace />;
  if (role && user.role !== role) {
    return (
      <section className="page">
        <h1>{t('app.notAvailable')}</h1>
        <p>{t('app.wrongRole', { role: t(`common.role_${role}`), yours: t(`common.role_${user.role}`) })}</p>
      </section>
    );
  }
  return <>{children}</>;
}
