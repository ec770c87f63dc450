import { api } from '../../api/client';

/** Password recovery and self-service for the signed-in account (contract: Auth). */
export const accountApi = {
  requestPasswordReset: (email: string) => api.post<void>('/api/auth/password-reset', { email }),
  confirmPasswordReset: (token: string, password: string) =>
    api.post<void>('/api/auth/password-reset/confirm', { token, password }),
  changePassword: async (currentPassword: string, newPassword: string) => {
    await api.post<void>('/api/auth/password', { currentPassword, newPassword });
    api.resetCsrfToken(); // a fresh session cookie came with the answer
  },
  /** The JSON download of everything held on the signed-in user (a plain GET the browser saves). */
  exportUrl: '/api/auth/me/export',
  deleteAccount: (password: string) => api.request<void>('DELETE', '/api/auth/me', { body: { password } }),
};
