import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from './i18n/useTranslation';
import { Navigate, Route, Routes, useSearchParams } from 'react-router';
import { AuthProvider, useAuth } from './features/auth/AuthProvider';
import { homePath, safeNext } from './features/auth/homePath';
import { RequireAuth } from './features/auth/RequireAuth';
import { SignInPage } from './features/auth/SignInPage';
import { CallProvider } from './features/call/CallProvider';
import { DoctorDirectoryPage } from './features/doctor/DoctorDirectoryPage';
import { MessagingSync } from './features/messaging/MessagingSync';
import { AppointmentsLive } from './features/appointment/appointmentsLive';
import { Header } from './Header';
import { Loading } from './ui/Feedback';
import type { User } from './api/types';
import { RouteFocus } from './ui/RouteFocus';

// Signed-in areas (and a doctor's page, sign-up) load on demand, so the directory opens fast.
const DoctorPage = lazy(() => import('./features/doctor/DoctorPage').then((m) => ({ default: m.DoctorPage })));
const SignUpPage = lazy(() => import('./features/auth/SignUpPage').then((m) => ({ default: m.SignUpPage })));
const MyAppointmentsPage = lazy(() => import('./features/appointment/MyAppointmentsPage'));
const DoctorDashboardPage = lazy(() => import('./features/doctor/DoctorDashboardPage'));
const ScheduleEditorPage = lazy(() => import('./features/doctor/ScheduleEditorPage'));
const MyPatientsPage = lazy(() => import('./features/doctor/MyPatientsPage'));
const DoctorProfilePage = lazy(() => import('./features/doctor/DoctorProfilePage'));
const PatientProfilePage = lazy(() => import('./features/patient/PatientProfilePage'));
const PatientRecordPage = lazy(() => import('./features/patient/PatientRecordPage'));
const AccessLogPage = lazy(() => import('./features/patient/AccessLogPage'));
const MessagesPage = lazy(() => import('./features/messaging/MessagesPage'));
const CallHistoryPage = lazy(() => import('./features/call/CallHistoryPage'));
const ForgotPasswordPage = lazy(() => import('./features/auth/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('./features/auth/ResetPasswordPage'));
const AccountPage = lazy(() => import('./features/auth/AccountPage'));
const AdminDoctorsPage = lazy(() => import('./features/operator/AdminDoctorsPage'));
const AdminAuditPage = lazy(() => import('./features/operator/AdminAuditPage'));
const AdminAccountsPage = lazy(() => import('./features/operator/AdminAccountsPage'));
const NotificationsPage = lazy(() => import('./features/notification/NotificationsPage'));
const DeviceCheckPage = lazy(() => import('./features/devicecheck/DeviceCheckPage'));

function Home() {
  const { status, user } = useAuth();
  if (status === 'loading') return <Loading />;
  return <Navigate to={homePath(user)} replace />;
}

function Profile() {
  const { user } = useAuth();
  return user?.role === 'doctor' ? <DoctorProfilePage /> : <PatientProfilePage />;
}

function SignedOutOnly({ children }: { children: ReactNode }) {
  const { status, user } = useAuth();
  const [params] = useSearchParams();
  if (status === 'loading') return <Loading />;
  // Signing in re-renders this before the form's own navigate runs: honour ?next= here too, or it is lost.
  if (user) return <Navigate to={safeNext(params.get('next')) ?? homePath(user)} replace />;
  return <>{children}</>;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t('app.notFoundTitle')}</h1>
      <p>
        {t('app.notFoundText')} <a href="/">{t('app.notFoundLink')}</a>
      </p>
    </section>
  );
}

export function AppRoutes() {
  return (
    <Suspense fallback={<Loading page />}>
      <Routes>
        <Route path="/" element={<Home />} />
        <Route path="/doctors" element={<DoctorDirectoryPage />} />
        <Route path="/doctors/:id" element={<DoctorPage />} />
        <Route path="/signin" element={<SignedOutOnly><SignInPage /></SignedOutOnly>} />
        <Route path="/signup" element={<SignedOutOnly><SignUpPage /></SignedOutOnly>} />
        <Route path="/appointments" element={<RequireAuth role="patient"><MyAppointmentsPage /></RequireAuth>} />
        <Route path="/access-log" element={<RequireAuth role="patient"><AccessLogPage /></RequireAuth>} />
        <Route path="/profile" element={<RequireAuth><Profile /></RequireAuth>} />
        <Route path="/dashboard" element={<RequireAuth role="doctor"><DoctorDashboardPage /></RequireAuth>} />
        <Route path="/schedule" element={<RequireAuth role="doctor"><ScheduleEditorPage /></RequireAuth>} />
        <Route path="/patients" element={<RequireAuth role="doctor"><MyPatientsPage /></RequireAuth>} />
        <Route path="/patients/:id" element={<RequireAuth role="doctor"><PatientRecordPage /></RequireAuth>} />
        <Route path="/messages" element={<RequireAuth><MessagesPage /></RequireAuth>} />
        <Route path="/messages/:userId" element={<RequireAuth><MessagesPage /></RequireAuth>} />
        <Route path="/calls" element={<RequireAuth><CallHistoryPage /></RequireAuth>} />
        <Route path="/forgot-password" element={<SignedOutOnly><ForgotPasswordPage /></SignedOutOnly>} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/account" element={<RequireAuth><AccountPage /></RequireAuth>} />
        <Route path="/admin/doctors" element={<RequireAuth role="operator"><AdminDoctorsPage /></RequireAuth>} />
        <Route path="/admin/audit" element={<RequireAuth role="operator"><AdminAuditPage /></RequireAuth>} />
        <Route path="/admin/accounts" element={<RequireAuth role="operator"><AdminAccountsPage /></RequireAuth>} />
        <Route path="/notifications" element={<RequireAuth><NotificationsPage /></RequireAuth>} />
        <Route path="/device-check" element={<RequireAuth><DeviceCheckPage /></RequireAuth>} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}

export function App({ initialUser }: { initialUser?: User | null }) {
  const { t } = useTranslation();
  return (
    <AuthProvider initialUser={initialUser}>
      <MessagingSync />
      <AppointmentsLive />
      <CallProvider>
        <a className="skip-link" href="#main">
          {t('app.skip')}
        </a>
        <Header />
        <RouteFocus />
        <main id="main" tabIndex={-1}>
          <AppRoutes />
        </main>
        <footer className="site-footer">
          <p>{t('app.footer')}</p>
        </footer>
      </CallProvider>
    </AuthProvider>
  );
}
