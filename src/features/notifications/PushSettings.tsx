import { useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationPreference } from '../../api/contract/push';
import { describeError } from '../../api/http';
import { pushApi, pushKeys } from '../../api/push';
import { PUSHED_TYPES, isPushed, withPreference } from '../../reconcile/pushPreferences';
import { PreferenceSwitch } from './PreferenceSwitch';
import { currentEndpoint, pushSupport, subscribeThisDevice, unsubscribeThisDevice } from './pushDevice';

const UNAVAILABLE: Record<string, string> = {
  simulated: 'Pushes need Lookout’s live build: the simulator has no service worker of its own.',
  unsupported: 'This browser cannot receive pushes.',
  noKey: 'This SAM has no push key (VAPID) configured, so it sends no pushes.',
};

/**
 * Web Push through SAM's own routes: this device on or off (SAM keeps one subscription per browser) and which
 * kinds of notification SAM pushes (its preferences, the same for every device). Loaded with the alert settings.
 */
export function PushSettings() {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="mt-2 flex flex-col gap-1 border-t border-line pt-2">
      <h3 id={headingId} className="px-1 text-sm font-semibold">
        Push notifications
      </h3>
      <ThisDevice />
      <PushedTypes />
    </section>
  );
}

function ThisDevice() {
  const client = useQueryClient();
  const support = pushSupport();
  const key = useQuery({ queryKey: pushKeys.vapidKey(), queryFn: ({ signal }) => pushApi.vapidKey(signal), staleTime: Infinity });
  const devices = useQuery({ queryKey: pushKeys.devices(), queryFn: ({ signal }) => pushApi.devices(signal) });
  const endpoint = useQuery({ queryKey: [...pushKeys.devices(), 'this-browser'], queryFn: currentEndpoint, enabled: support === 'supported' });
  const [problem, setProblem] = useState<string | null>(null);
  const known = devices.data?.subscriptions ?? [];
  const on = endpoint.data != null && known.some((device) => device.endpoint === endpoint.data && device.disabledAt === null);

  const toggle = useMutation({
    mutationFn: async () => {
      if (on && endpoint.data) {
        await pushApi.removeDevice(endpoint.data);
        await unsubscribeThisDevice();
      } else {
        await pushApi.addDevice(await subscribeThisDevice(key.data?.publicKey ?? ''));
      }
    },
    onMutate: () => setProblem(null),
    onError: (error) => setProblem(describeError(error)),
    onSettled: () => client.invalidateQueries({ queryKey: pushKeys.devices() }),
  });

  const unavailable = support !== 'supported' ? UNAVAILABLE[support] : key.data && !key.data.publicKey ? UNAVAILABLE.noKey : null;
  const others = known.filter((device) => device.endpoint !== endpoint.data).length;
  return (
    <div>
      {unavailable ? (
        <p className="px-1 text-xs text-muted">{unavailable}</p>
      ) : !key.data ? (
        <p className="px-1 text-xs text-muted">{key.isError ? describeError(key.error) : 'Asking SAM whether it sends pushes…'}</p>
      ) : (
        <PreferenceSwitch checked={on} onToggle={() => !toggle.isPending && toggle.mutate()}>
          {toggle.isPending ? 'Push to this device (saving…)' : 'Push to this device, even when Lookout is closed'}
        </PreferenceSwitch>
      )}
      {devices.isSuccess && (
        <p className="px-1 text-xs text-muted">
          {others === 0 ? 'No other device gets pushes.' : `${others} other ${others === 1 ? 'device gets' : 'devices get'} pushes.`}
        </p>
      )}
      {(problem || devices.isError) && (
        <p role="alert" className="px-1 pb-1 text-xs text-state-failed">
          {problem ?? describeError(devices.error)}
        </p>
      )}
    </div>
  );
}

function PushedTypes() {
  const client = useQueryClient();
  const preferences = useQuery({ queryKey: pushKeys.preferences(), queryFn: ({ signal }) => pushApi.preferences(signal) });
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (update: NotificationPreference) => pushApi.setPreference(update),
    onMutate: (update) => {
      setProblem(null);
      const before = client.getQueryData<{ preferences: NotificationPreference[] }>(pushKeys.preferences());
      client.setQueryData(pushKeys.preferences(), { preferences: withPreference(before?.preferences ?? [], update) });
      return before;
    },
    onError: (error, _update, before) => {
      if (before) client.setQueryData(pushKeys.preferences(), before);
      setProblem(describeError(error));
    },
    onSettled: () => client.invalidateQueries({ queryKey: pushKeys.preferences() }),
  });

  if (preferences.isPending) return <p className="px-1 text-xs text-muted">Loading what SAM pushes…</p>;
  if (preferences.isError)
    return (
      <p role="alert" className="px-1 text-xs text-state-failed">
        {describeError(preferences.error)}
      </p>
    );
  const rows = preferences.data.preferences;
  return (
    <div role="group" aria-label="What SAM pushes">
      <p className="px-1 text-xs text-muted">What SAM pushes (to every device):</p>
      {PUSHED_TYPES.map(({ type, label }) => {
        const pushed = isPushed(rows, type);
        return (
          <PreferenceSwitch
            key={type}
            checked={pushed}
            onToggle={() => save.mutate({ notificationType: type, projectId: null, channel: 'web_push', enabled: !pushed })}
          >
            {label}
          </PreferenceSwitch>
        );
      })}
      {problem && (
        <p role="alert" className="px-1 pb-1 text-xs text-state-failed">
          {problem}
        </p>
      )}
    </div>
  );
}
