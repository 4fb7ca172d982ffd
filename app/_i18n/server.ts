import { cookies } from 'next/headers';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale, type Messages } from './messages';

export const LOCALE_COOKIE = 'locale';

export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export async function getMessages(): Promise<Messages> {
  return LOCALES[await getLocale()];
}
