'use client';

import { signIn } from 'next-auth/react';
import { useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../I18nProvider';
import { LocaleSwitch } from '../LocaleSwitch';
import { callbackPath } from './callbackPath';

export function SignInForm() {
  const { t } = useI18n();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    const res = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    setPending(false);
    if (res?.ok && !res.error) {
      window.location.assign(callbackPath(params.get('callbackUrl'), window.location.origin));
      return;
    }
    setError(res?.error === 'RateLimited' ? t.auth.blocked : res?.error === 'CredentialsSignin' ? t.auth.invalid : t.auth.failed);
  }

  return (
    <div className="flex min-h-screen items-center justify-center bg-slate-100 px-4">
      <form onSubmit={onSubmit} className="w-full max-w-sm space-y-4 rounded-lg bg-white p-6 shadow" aria-label={t.auth.title}>
        <div>
          <div className="text-lg font-semibold">{t.appName}</div>
          <div className="text-xs text-slate-500">{t.appSubtitle}</div>
        </div>
        <h1 className="text-base font-medium">{t.auth.title}</h1>
        <label className="block text-sm">
          {t.auth.email}
          <input name="email" type="email" required autoComplete="username" className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5" />
        </label>
        <label className="block text-sm">
          {t.auth.password}
          <input name="password" type="password" required autoComplete="current-password" className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5" />
        </label>
        {error && (
          <p role="alert" data-testid="signin-error" className="rounded bg-red-50 px-2 py-1.5 text-sm text-red-700">
            {error}
          </p>
        )}
        <button type="submit" disabled={pending} className="w-full rounded bg-brand-700 py-2 text-sm font-medium text-white disabled:opacity-60">
          {pending ? t.auth.submitting : t.auth.submit}
        </button>
        <div className="flex items-center justify-between text-xs text-slate-400">
          <span>{t.auth.hint}</span>
          <LocaleSwitch className="underline" />
        </div>
      </form>
    </div>
  );
}
