'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { codeOptions, Select, valueOptions } from '../form/Select';
import { useI18n } from '../I18nProvider';
import { LoadState, Panel } from '../Panel';
import { useTRPC } from '../TrpcProvider';

const ROLES = ['admin', 'leader', 'inspector', 'district', 'unit'] as const;
type Role = (typeof ROLES)[number];

export function UsersPanel() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.admin.users.queryOptions());
  const districts = useQuery(trpc.reference.districts.queryOptions());
  const units = useQuery(trpc.reference.units.queryOptions());
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.admin.users.queryKey() });
  const create = useMutation(trpc.admin.createUser.mutationOptions({ onSuccess: invalidate }));
  const update = useMutation(trpc.admin.updateUser.mutationOptions({ onSuccess: invalidate }));
  const [role, setRole] = useState<Role>('leader');
  const [editing, setEditing] = useState<{ id: string; role: Role; districtCode: string; unitCode: string } | null>(null);

  const roleOptions = valueOptions(ROLES, (r) => t.roles[r]);

  function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    create.mutate({
      email: String(f.get('email')),
      name: String(f.get('name')),
      password: String(f.get('password')),
      role,
      districtCode: String(f.get('districtCode') ?? ''),
      unitCode: String(f.get('unitCode') ?? ''),
    });
  }

  const bindingName = (districtCode: string, unitCode: string) =>
    unitCode
      ? (units.data?.find((u) => u.code === unitCode)?.name ?? unitCode)
      : districtCode
        ? (districts.data?.find((d) => d.code === districtCode)?.name ?? districtCode)
        : '—';

  return (
    <Panel title={t.admin.users}>
      <form onSubmit={onCreate} className="mb-4 grid grid-cols-1 gap-2 text-sm md:grid-cols-6" aria-label={t.admin.createUser}>
        <input name="email" type="email" required placeholder={t.admin.email} aria-label={t.admin.email} className="rounded border px-2 py-1" />
        <input name="name" required placeholder={t.admin.name} aria-label={t.admin.name} className="rounded border px-2 py-1" />
        <input name="password" type="password" required minLength={10} placeholder={t.admin.password} aria-label={t.admin.password} className="rounded border px-2 py-1" />
        <Select label={t.admin.role} options={roleOptions} value={role} onChange={(v) => setRole(v as Role)} />
        {role === 'district' ? (
          <Select name="districtCode" label={t.admin.district} options={codeOptions(districts.data)} />
        ) : role === 'unit' ? (
          <Select name="unitCode" label={t.admin.unit} options={codeOptions(units.data)} />
        ) : (
          <span />
        )}
        <button type="submit" disabled={create.isPending} className="rounded bg-brand-700 px-3 py-1 text-white">
          {t.admin.createUser}
        </button>
        {create.error && (
          <p role="alert" className="text-red-700 md:col-span-6">
            {create.error.message}
          </p>
        )}
        {update.error && (
          <p role="alert" className="text-red-700 md:col-span-6">
            {update.error.message}
          </p>
        )}
      </form>
      <LoadState isLoading={users.isLoading} error={users.error} />
      {users.data && (
        <table className="w-full text-sm" data-testid="users-table">
          <thead>
            <tr className="border-b text-left text-slate-500">
              <th className="px-2 py-1">{t.admin.email}</th>
              <th className="px-2 py-1">{t.admin.name}</th>
              <th className="px-2 py-1">{t.admin.role}</th>
              <th className="px-2 py-1">{t.admin.binding}</th>
              <th className="px-2 py-1">{t.admin.status}</th>
              <th className="px-2 py-1" />
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => (
              <tr key={u.id} className="border-b border-slate-100">
                <td className="px-2 py-1">{u.email}</td>
                <td className="px-2 py-1">{u.name}</td>
                {editing?.id === u.id ? (
                  <td className="px-2 py-1" colSpan={2}>
                    <Select label={t.admin.role} options={roleOptions} value={editing.role} onChange={(v) => setEditing({ ...editing, role: v as Role })} className="rounded border px-1" />
                    {editing.role === 'district' && (
                      <Select
                        label={t.admin.district}
                        options={codeOptions(districts.data)}
                        value={editing.districtCode}
                        onChange={(v) => setEditing({ ...editing, districtCode: v })}
                        className="ml-1 rounded border px-1"
                      />
                    )}
                    {editing.role === 'unit' && (
                      <Select
                        label={t.admin.unit}
                        options={codeOptions(units.data)}
                        value={editing.unitCode}
                        onChange={(v) => setEditing({ ...editing, unitCode: v })}
                        className="ml-1 rounded border px-1"
                      />
                    )}
                    <button
                      type="button"
                      className="ml-2 underline"
                      onClick={() => {
                        update.mutate(editing);
                        setEditing(null);
                      }}
                    >
                      {t.admin.save}
                    </button>
                  </td>
                ) : (
                  <>
                    <td className="px-2 py-1">{t.roles[u.role]}</td>
                    <td className="px-2 py-1">{bindingName(u.districtCode, u.unitCode)}</td>
                  </>
                )}
                <td className="px-2 py-1">{u.disabled ? t.admin.disabled : t.admin.enabled}</td>
                <td className="space-x-2 px-2 py-1 text-right">
                  <button
                    type="button"
                    className="underline"
                    onClick={() =>
                      setEditing({
                        id: u.id,
                        role: u.role,
                        districtCode: u.districtCode || (districts.data?.[1]?.code ?? ''),
                        unitCode: u.unitCode || (units.data?.[0]?.code ?? ''),
                      })
                    }
                  >
                    {t.admin.changeRole}
                  </button>
                  <button type="button" className="underline" onClick={() => update.mutate({ id: u.id, disabled: !u.disabled })}>
                    {u.disabled ? t.admin.enable : t.admin.disable}
                  </button>
                  <button
                    type="button"
                    className="underline"
                    onClick={() => {
                      const password = window.prompt(t.admin.newPassword);
                      if (password) update.mutate({ id: u.id, password });
                    }}
                  >
                    {t.admin.resetPassword}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
