'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { LOCALES, type Locale, type Messages } from '../_i18n/messages';

const I18nContext = createContext<{ locale: Locale; t: Messages }>({ locale: 'zh-CN', t: LOCALES['zh-CN'] });

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <I18nContext.Provider value={{ locale, t: LOCALES[locale] }}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
