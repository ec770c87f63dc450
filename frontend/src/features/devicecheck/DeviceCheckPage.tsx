import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from '../../i18n/useTranslation';
import { useAuth } from '../auth/AuthProvider';
import { homePath, safeNext } from '../auth/homePath';
import { DeviceCheck } from './DeviceCheck';

/**
 * The device check on its own page, for a patient (or doctor) who wants to try camera, microphone and speakers well
 * before a visit: linked from the account page and from the appointments list. "Done" goes back to the page that linked here
 * (else home).
 */
export default function DeviceCheckPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const from = safeNext((useLocation().state as { from?: string } | null)?.from ?? null);
  const back = () => navigate(from ?? homePath(user));
  return (
    <section className="page page--narrow">
      <DeviceCheck headingLevel={1} intro={t('deviceCheck.pageIntro')} continueLabel={t('deviceCheck.done')} onContinue={back} />
    </section>
  );
}
