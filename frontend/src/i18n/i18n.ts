import rosetta from 'rosetta';
import { setDisplayLocale } from '../lib/time';
import { en } from './en';

/**
 * The UI's two languages, on rosetta (lookup and {{placeholders}}, 300 bytes) with plurals from Intl.PluralRules.
 * English ships with the page; German is fetched the first time it is chosen (its own chunk), so the first load stays
 * small. The choice is kept in this browser, per user once someone is signed in (the API has no language field), and
 * the browser's own language decides before anyone chooses.
 *
 * Keys are `section.name`; a plural is stored as `name_one` / `name_other` (and `name_zero` where "none" reads
 * better) and asked for by the base key with a `count` parameter.
 */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, so a person finds their own whatever the page's language is. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' };

const STORE_KEY = 'hc.language';
const userKey = (userId: string) => `${STORE_KEY}.${userId}`;

const loaders: Record<Language, () => Promise<object>> = {
  en: async () => en,
  de: async () => (await import('./de')).de,
};

const catalogues = rosetta<object>({ en });
const loaded = new Set<Language>(['en']);
let language: Language = 'en';
const listeners = new Set<() => void>();
const pluralRules = new Map<Language, Intl.PluralRules>();

function isLanguage(value: string | null | undefined): value is Language {
  return !!value && (LANGUAGES as readonly string[]).includes(value);
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

export type Params = Record<string, unknown> & { count?: number; defaultValue?: string };

function lookup(key: string, params: Params, lng: Language): string {
  const count = params.count;
  if (typeof count === 'number') {
    let rules = pluralRules.get(lng);
    if (!rules) pluralRules.set(lng, (rules = new Intl.PluralRules(lng)));
    const forms = [`${key}_${rules.select(count)}`, `${key}_other`];
    if (count === 0) forms.unshift(`${key}_zero`);
    for (const form of forms) {
      const text = catalogues.t(form, params, lng);
      if (typeof text === 'string' && text) return text;
    }
  }
  const text = catalogues.t(key, params, lng);
  return typeof text === 'string' ? text : '';
}

/** The text for a key in the current language (English when German lacks it, else the default or the key). */
export function t(key: string, params: Params = {}): string {
  return lookup(key, params, language) || (language !== 'en' ? lookup(key, params, 'en') : '') || params.defaultValue || key;
}

export function currentLanguage(): Language {
  return language;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The browser's preferred language among ours, English when none matches. */
export function browserLanguage(preferred: readonly string[] = navigator.languages ?? [navigator.language]): Language {
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** The language to start with: the last one chosen in this browser, else the browser's. */
export function initialLanguage(): Language {
  const stored = read(STORE_KEY);
  return isLanguage(stored) ? stored : browserLanguage();
}

/** Loads a catalogue (once) and switches the UI to it; dates and numbers follow through Intl. */
export async function changeLanguage(lng: Language): Promise<void> {
  if (!loaded.has(lng)) {
    catalogues.set(lng, await loaders[lng]());
    loaded.add(lng);
  }
  language = lng;
  setDisplayLocale(lng);
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
  listeners.forEach((l) => l());
}

/** The user chose a language: switch and remember it for this browser and for this user. */
export async function chooseLanguage(lng: Language, userId?: string): Promise<void> {
  write(STORE_KEY, lng);
  if (userId) write(userKey(userId), lng);
  await changeLanguage(lng);
}

/** On sign-in: the language this user chose before, if any, wins over the browser's. */
export async function applyUserLanguage(userId: string): Promise<void> {
  const stored = read(userKey(userId));
  if (isLanguage(stored) && stored !== language) {
    write(STORE_KEY, stored);
    await changeLanguage(stored);
  }
}

/** Starts in the language this browser should see, its catalogue loaded before the first paint (no flash of English). */
export async function initI18n(lng: Language = initialLanguage()): Promise<void> {
  await changeLanguage(lng);
}
