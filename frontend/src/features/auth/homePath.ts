import type { User } from '../../api/types';

export function homePath(user: User | null): string {
  if (user?.role === 'operator') return '/admin/doctors';
  return user?.role === 'doctor' ? '/dashboard' : user ? '/appointments' : '/doctors';
}

/** Only same-site paths are followed after sign-in. */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}
