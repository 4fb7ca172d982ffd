'use client';

import { useRouter } from 'next/navigation';
import { useI18n } from './I18nProvider';

/** Toggles zh-CN ⇄ English; the choice is a cookie the server reads, so it survives reloads. */
export function LocaleSwitch({ className }: { className?: string }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  return (
    <button
      type="button"
      className={className}
      onClick={() => {
        document.cookie = `locale=${locale === 'zh-CN' ? 'en' : 'zh-CN'}; path=/; max-age=31536000; samesite=lax`;
        router.refresh();
      }}
    >
      {t.common.switchLanguage}
    </button>
  );
}
