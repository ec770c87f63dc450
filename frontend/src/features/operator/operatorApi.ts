import { api } from '../../api/client';
import type { Page, Role, Verification } from '../../api/types';

export interface DoctorForReview {
  id: string;
  name: string;
  email: string;
  specialization: string;
  qualification: string;
  experience: number;
  licenseNumber?: string | null;
  verification: Verification;
  rejectionReason?: string | null;
  createdAt?: string | null;
}

export interface AuditLogLine {
  actor: { id: string; name: string | null; role: Role };
  action: string;
  subjectId: string;
  recordType: string;
  recordId: string;
  at: string;
}

export interface AccountSummary {
  id: string;
  role: Role;
  name: string;
  email: string;
  disabled: boolean;
}

/** The operators' endpoints (contract: Operators, `/api/admin`). */
export const operatorApi = {
  doctors: (verification: Verification, page = 0) =>
    api.get<Page<DoctorForReview>>('/api/admin/doctors', { verification, page, size: 20 }),
  verify: (id: string) => api.post<DoctorForReview>(`/api/admin/doctors/${encodeURIComponent(id)}/verify`),
  reject: (id: string, reason: string) =>
    api.post<DoctorForReview>(`/api/admin/doctors/${encodeURIComponent(id)}/reject`, { reason }),
  accountByEmail: (email: string) => api.get<AccountSummary>('/api/admin/accounts', { email }),
  disable: (id: string) => api.post<void>(`/api/admin/accounts/${encodeURIComponent(id)}/disable`),
  enable: (id: string) => api.post<void>(`/api/admin/accounts/${encodeURIComponent(id)}/enable`),
  audit: (page = 0) => api.get<Page<AuditLogLine>>('/api/admin/audit', { page, size: 50 }),
};
