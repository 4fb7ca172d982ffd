import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { I18nProvider } from './_components/I18nProvider';
import { TrpcProvider } from './_components/TrpcProvider';
import { getLocale } from './_i18n/server';
import { LOCALES } from './_i18n/messages';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = LOCALES[await getLocale()];
  return { title: t.appName, description: t.appSubtitle };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <I18nProvider locale={locale}>
          <TrpcProvider>
            {children}
          </TrpcProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
