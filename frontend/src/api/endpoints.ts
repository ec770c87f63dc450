import { api } from './client';
import type {
  AccessLogEntry,
  AppNotification,
  DoctorReview,
  TimeOffAnswer,
  TimeOffEntry,
  Appointment,
  AppointmentStatus,
  BookRequest,
  CallLogEntry,
  ConnectedPatient,
  Conversation,
  DoctorDetail,
  DoctorProfile,
  DoctorSummary,
  DoctorUser,
  IceServerConfig,
  LoginRequest,
  MediaRef,
  Message,
  Page,
  PatientProfile,
  PatientRecord,
  PatientUser,
  Presence,
  RegisterRequest,
  ScheduleDay,
  Slot,
  StatusChangeRequest,
  User,
} from './types';

const enc = encodeURIComponent;

export const authApi = {
  me: () => api.get<User>('/api/auth/me'),
  login: async (body: LoginRequest) => {
    const user = await api.post<User>('/api/auth/login', body);
    api.resetCsrfToken(); // the server may rotate the token with the session
    return user;
  },
  register: async (body: RegisterRequest) => {
    const user = await api.post<User>('/api/auth/register', body);
    api.resetCsrfToken();
    return user;
  },
  logout: async () => {
    try {
      await api.post<void>('/api/auth/logout');
    } finally {
      api.resetCsrfToken();
    }
  },
};

export interface DoctorQuery {
  q?: string;
  specialization?: string;
  page?: number;
  size?: number;
}

export const doctorsApi = {
  list: (query: DoctorQuery, signal?: AbortSignal) =>
    api.get<Page<DoctorSummary>>('/api/doctors', { ...query }, signal),
  specializations: () => api.get<string[]>('/api/doctors/specializations'),
  get: (id: string, signal?: AbortSignal) => api.get<DoctorDetail>(`/api/doctors/${enc(id)}`, undefined, signal),
  slots: (id: string, date: string, signal?: AbortSignal) =>
    api.get<Slot[]>(`/api/doctors/${enc(id)}/slots`, { date }, signal),
  updateMe: (profile: Partial<DoctorProfile>) => api.put<DoctorUser>('/api/doctors/me', profile),
  updateSchedule: (schedule: ScheduleDay[]) => api.put<unknown>('/api/doctors/me/schedule', schedule),
  myPatients: () => api.get<ConnectedPatient[] | Page<ConnectedPatient>>('/api/doctors/me/patients'),
};

export const patientsApi = {
  me: () => api.get<PatientUser>('/api/patients/me'),
  updateMe: (profile: Partial<PatientProfile>) => api.put<PatientUser>('/api/patients/me', profile),
  get: (id: string) => api.get<PatientRecord>(`/api/patients/${enc(id)}`),
  accessLog: (page = 0, size = 20) =>
    api.get<Page<AccessLogEntry>>('/api/patients/me/access-log', { page, size }),
};

export interface AppointmentQuery {
  status?: AppointmentStatus;
  from?: string;
  to?: string;
  page?: number;
  size?: number;
}

export const appointmentsApi = {
  list: (query: AppointmentQuery = {}) => api.get<Page<Appointment>>('/api/appointments', { ...query }),
  get: (id: string) => api.get<Appointment>(`/api/appointments/${enc(id)}`),
  book: (body: BookRequest) => api.post<Appointment>('/api/appointments', body),
  changeStatus: (id: string, body: StatusChangeRequest) =>
    api.patch<Appointment>(`/api/appointments/${enc(id)}/status`, body),
  cancel: (id: string, reason?: string) =>
    api.post<Appointment>(`/api/appointments/${enc(id)}/cancel`, reason ? { reason } : {}),
  reschedule: (id: string, date: string, startTime: string) =>
    api.post<Appointment>(`/api/appointments/${enc(id)}/reschedule`, { date, startTime }),
  review: (id: string, rating: number, review?: string) =>
    api.post<Appointment>(`/api/appointments/${enc(id)}/review`, { rating, review: review || undefined }),
};

export const messagesApi = {
  conversations: () => api.get<Conversation[]>('/api/messages/conversations'),
  history: async (userId: string, before?: string, limit = 30) =>
    asList(await api.get<Message[] | Page<Message>>(`/api/messages/${enc(userId)}`, { before, limit })),
  sendText: (userId: string, text: string) => api.post<Message>(`/api/messages/${enc(userId)}`, { text }),
  sendImage: (userId: string, image: File, text?: string) => {
    const form = new FormData();
    form.append('image', image);
    if (text) form.append('text', text);
    return api.post<Message>(`/api/messages/${enc(userId)}`, form);
  },
  markRead: (userId: string) => api.post<void>(`/api/messages/${enc(userId)}/read`),
};

export const mediaApi = {
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.post<MediaRef>('/api/media', form);
  },
};

export const presenceApi = {
  get: (ids: string[]) =>
    ids.length === 0 ? Promise.resolve([] as Presence[]) : api.get<Presence[]>('/api/presence', { ids: ids.join(',') }),
};

export const callsApi = {
  iceServers: () => api.get<IceServerConfig>('/api/calls/ice-servers'),
  history: (page = 0, size = 20) => api.get<Page<CallLogEntry>>('/api/calls', { page, size }),
};

/** Accepts either a bare array or a page (the contract leaves `/me/patients` open). */
/** Every patient connected to the signed-in doctor: the API pages them (20 by default), the UI lists them all. */
export async function allMyPatients(signal?: AbortSignal): Promise<ConnectedPatient[]> {
  const all: ConnectedPatient[] = [];
  for (let page = 0; page < 50; page++) {
    const answer = await api.get<ConnectedPatient[] | Page<ConnectedPatient>>('/api/doctors/me/patients', { page, size: 100 }, signal);
    if (Array.isArray(answer)) return answer;
    all.push(...(answer.content ?? []));
    if (page + 1 >= (answer.totalPages ?? 1)) break;
  }
  return all;
}

export function asList<T>(value: T[] | Page<T> | null | undefined): T[] {
  if (!value) return [];
  return Array.isArray(value) ? value : value.content ?? [];
}

/** The visit around an appointment: check-in, waiting room, time off, reviews, calendars, notifications. */
export const visitApi = {
  checkIn: (id: string) => api.post<Appointment>(`/api/appointments/${enc(id)}/check-in`),
  calendarUrl: (id: string) => `/api/appointments/${enc(id)}/calendar.ics`,
  waitingRoom: () => api.get<Appointment[]>('/api/doctors/me/waiting-room'),
  timeOff: () => api.get<TimeOffAnswer>('/api/doctors/me/time-off'),
  replaceTimeOff: (entries: TimeOffEntry[]) => api.put<TimeOffAnswer>('/api/doctors/me/time-off', entries),
  reviews: (doctorId: string, page = 0, size = 10) =>
    api.get<Page<DoctorReview>>(`/api/doctors/${enc(doctorId)}/reviews`, { page, size }),
  calendarFeed: () => api.post<{ url: string }>('/api/calendar/feed'),
  cancel: (id: string, reason: string) => api.post<Appointment>(`/api/appointments/${enc(id)}/cancel`, { reason }),
};

export const notificationsApi = {
  list: (unread = false, page = 0, size = 20) =>
    api.get<Page<AppNotification>>('/api/notifications', { unread: unread || undefined, page, size }),
  read: (id: string) => api.post<void>(`/api/notifications/${enc(id)}/read`),
  readAll: () => api.post<void>('/api/notifications/read-all'),
  preferences: () => api.get<{ email: boolean }>('/api/notifications/preferences'),
  setPreferences: (email: boolean) => api.put<{ email: boolean }>('/api/notifications/preferences', { email }),
};
