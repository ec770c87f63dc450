// Types for every object in the API contract (shared/API.md).

export type Role = 'patient' | 'doctor' | 'operator';

export type Verification = 'pending' | 'verified' | 'rejected';

export interface Page<T> {
  content: T[];
  page: number;
  size: number;
  totalElements: number;
  totalPages: number;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemDetail {
  type?: string;
  status: number;
  title: string;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

export interface CsrfToken {
  headerName: string;
  token: string;
}

export interface Rating {
  average: number;
  count: number;
}

export type BloodGroup = 'A+' | 'A-' | 'B+' | 'B-' | 'AB+' | 'AB-' | 'O+' | 'O-';
export const BLOOD_GROUPS: readonly BloodGroup[] = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'];

export interface EmergencyContact {
  name: string;
  relationship: string;
  phone: string;
}

export interface PatientProfile {
  name: string;
  dateOfBirth?: string | null;
  gender?: string | null;
  bloodGroup?: BloodGroup | null;
  allergies?: string[] | null;
  emergencyContact?: EmergencyContact[] | null;
  profileImage?: string | null;
  /** IANA zone the patient reads times in; the UI sends the browser's at sign-up. */
  timeZone?: string | null;
}

export interface DoctorProfile {
  name: string;
  specialization: string;
  qualification: string;
  experience: number;
  about?: string | null;
  contactNumber?: string | null;
  timeZone: string;
  profileImage?: string | null;
}

interface UserBase {
  id: string;
  email: string;
}

export type PatientUser = UserBase & PatientProfile & { role: 'patient' };
export type DoctorUser = UserBase &
  DoctorProfile & { role: 'doctor'; rating?: Rating; licenseNumber?: string | null; verification?: Verification };
export type OperatorUser = UserBase & { role: 'operator'; name: string; timeZone?: undefined };
export type User = PatientUser | DoctorUser | OperatorUser;

/** Patient as read by a connected doctor (GET /api/patients/{id}). */
export type PatientRecord = PatientProfile & { id: string; email?: string };

export interface RegisterPatientRequest {
  role: 'patient';
  name: string;
  email: string;
  password: string;
  timeZone?: string;
}

export interface RegisterDoctorRequest {
  role: 'doctor';
  name: string;
  email: string;
  password: string;
  specialization: string;
  qualification: string;
  experience: number;
  timeZone?: string;
  about?: string;
  licenseNumber: string;
}

export type RegisterRequest = RegisterPatientRequest | RegisterDoctorRequest;

export interface LoginRequest {
  email: string;
  password: string;
  /** optional: the e-mail decides the role */
  role?: Role;
  /** the second factor, for accounts with two-factor sign-in: a code from the app or a recovery code */
  code?: string;
}

export interface DoctorSummary {
  id: string;
  name: string;
  specialization: string;
  qualification: string;
  experience: number;
  about?: string | null;
  profileImage?: string | null;
  timeZone: string;
  rating: Rating;
  minimumNoticeMinutes?: number;
  cancellationWindowHours?: number;
}

export type DayOfWeek = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';
export const DAYS: readonly DayOfWeek[] = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
];

export interface ScheduleSlot {
  slotNumber: number;
  startTime: string;
  endTime: string;
  isAvailable: boolean;
}

export interface ScheduleDay {
  day: DayOfWeek;
  slots: ScheduleSlot[];
}

export type DoctorDetail = DoctorSummary & { schedule: ScheduleDay[]; contactNumber?: string | null };

export interface Slot {
  slotNumber: number;
  startTime: string;
  endTime: string;
  startsAt: string;
  endsAt: string;
  available: boolean;
}

export interface ConnectedPatient {
  id: string;
  name: string;
  profileImage?: string | null;
  email?: string;
  dateOfBirth?: string | null;
  gender?: string | null;
}

export type AppointmentStatus = 'pending' | 'scheduled' | 'rejected' | 'cancelled' | 'completed' | 'expired';
export type AppointmentMode = 'video' | 'chat';

export interface Appointment {
  id: string;
  doctor: { id: string; name: string; specialization: string; profileImage?: string | null };
  patient: { id: string; name: string; profileImage?: string | null };
  date: string;
  startTime: string;
  endTime: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  status: AppointmentStatus;
  mode: AppointmentMode;
  reason?: string | null;
  comment?: string | null;
  notes?: string | null;
  rating?: number | null;
  review?: string | null;
  createdAt: string;
  updatedAt: string;
  cancelledBy?: 'doctor' | 'patient' | null;
  cancellationReason?: string | null;
  checkedInAt?: string | null;
  /** The last moment the patient may cancel or reschedule (the doctor's cancellation window before the start). */
  cancellationDeadline?: string;
  sequence?: number;
}

export interface BookRequest {
  doctorId: string;
  date: string;
  startTime: string;
  mode: AppointmentMode;
  reason: string;
}

export interface StatusChangeRequest {
  status: 'scheduled' | 'rejected' | 'completed';
  comment?: string;
  notes?: string;
}

export interface AccessLogEntry {
  actor: { id: string; name: string; role: Role | string };
  action: string;
  at: string;
}

export interface MediaRef {
  id: string;
  url: string;
}

export interface Message {
  id: string;
  senderId: string;
  receiverId: string;
  type: 'text' | 'image';
  text?: string | null;
  image?: MediaRef | null;
  read: boolean;
  readAt?: string | null;
  createdAt: string;
}

export interface ConversationUser {
  id: string;
  name: string;
  role: Role;
  profileImage?: string | null;
}

export interface Conversation {
  user: ConversationUser;
  lastMessage?: Message | null;
  unreadCount: number;
}

export interface Presence {
  userId: string;
  online: boolean;
}

export interface IceServerConfig {
  iceServers: { urls: string | string[]; username?: string; credential?: string }[];
  ttlSeconds: number;
  /** `'relay'` when the server wants relay candidates only (`healthconnect.turn.relay-only`); absent otherwise. */
  iceTransportPolicy?: 'relay';
}

export interface CallLogEntry {
  id: string;
  peer: { id: string; name: string; role: Role };
  startedAt: string;
  answeredAt?: string | null;
  endedAt?: string | null;
  outcome: 'completed' | 'missed' | 'rejected' | 'failed' | 'dropped';
}

// ---- Realtime payloads -------------------------------------------------------

export type SessionDescription = RTCSessionDescriptionInit;
export type IceCandidate = RTCIceCandidateInit;

export interface CallMadePayload {
  from: string;
  fromName: string;
  offer: SessionDescription;
  callId: string;
  mode?: string;
  appointmentId?: string;
}
export interface CallAnsweredPayload {
  from: string;
  answer: SessionDescription;
  callId: string;
}
export interface IceCandidatePayload {
  from: string;
  candidate: IceCandidate;
  callId?: string;
}
export interface CallPeerPayload {
  from: string;
  callId?: string;
  /** On call-ended: why, when it was not a hang-up (`no-answer`, `disconnected`, `dropped`). */
  reason?: string;
}
export interface CallFailedPayload {
  to: string;
  reason: 'offline' | 'busy' | string;
}
export interface CallAnsweredElsewherePayload {
  callId: string;
}
export interface TypingPayload {
  from: string;
}
export interface MessagesReadPayload {
  readerId: string;
  readAt: string;
}
export interface RealtimeErrorPayload {
  status: number;
  title: string;
  detail?: string;
  destination?: string;
}

// ---- Visits: notifications, time off, reviews --------------------------------

export interface AppNotification {
  id: string;
  type: string;
  title: string;
  body: string;
  appointmentId?: string;
  createdAt: string;
  readAt?: string | null;
}

export interface TimeOffEntry {
  from: string;
  to: string;
  reason?: string | null;
}

export interface TimeOffAnswer {
  timeOff: TimeOffEntry[];
  affected: Appointment[];
}

export interface DoctorReview {
  rating: number;
  review: string;
  createdAt: string;
  patient: { name: string };
}
