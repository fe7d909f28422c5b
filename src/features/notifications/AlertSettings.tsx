import { useId } from 'react';
import { DEFAULT_STALL_AFTER_MINUTES } from '../../reconcile/stall';
import { useStallPreference } from '../../state/stallPreference';
import { BrowserAlertsToggle } from './BrowserAlertsToggle';
import { PreferenceSwitch } from './PreferenceSwitch';
import { PushSettings } from './PushSettings';
import { useNotificationPreferences } from './preferences';
import { playQuestionTone } from './questionTone';

/** The thresholds offered (minutes; 0 = never call an agent silent). */
export const STALL_CHOICES = [0, 5, 10, 15, 30, 60] as const;

const choiceLabel = (minutes: number) => (minutes === 0 ? 'Never' : `${minutes} min${minutes === DEFAULT_STALL_AFTER_MINUTES ? ' (default)' : ''}`);

/**
 * What may make noise, kept on this device: when a working agent that writes nothing reads "silent", browser
 * notifications, a sound for a new question, and (from SAM) pushes. Loaded when the panel's "Alert settings" opens.
 */
export function AlertSettings() {
  const stallAfterMinutes = useStallPreference((s) => s.stallAfterMinutes);
  const setStallAfterMinutes = useStallPreference((s) => s.setStallAfterMinutes);
  const questionSound = useNotificationPreferences((s) => s.questionSound);
  const setQuestionSound = useNotificationPreferences((s) => s.setQuestionSound);
  const selectId = useId();
  const hintId = useId();
  // A value stored by an older version, or set by hand, stays choosable rather than silently shown as another.
  const choices = (STALL_CHOICES as readonly number[]).includes(stallAfterMinutes)
    ? STALL_CHOICES
    : [...STALL_CHOICES, stallAfterMinutes].sort((a, b) => a - b);

  function toggleSound() {
    const enabling = !questionSound;
    setQuestionSound(enabling);
    // A sample on the click that turns it on: the person hears what to expect, and the browser allows sound from now on.
    if (enabling) playQuestionTone();
  }

  return (
    <div className="flex flex-col gap-1 pb-1">
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 px-1">
        <label htmlFor={selectId} className="text-sm">
          Call a working agent silent after
        </label>
        <select
          id={selectId}
          aria-describedby={hintId}
          value={stallAfterMinutes}
          onChange={(event) => setStallAfterMinutes(Number(event.target.value))}
          className="min-h-11 rounded-md border border-line bg-surface px-2 text-sm text-fg pointer-fine:min-h-8"
        >
          {choices.map((minutes) => (
            <option key={minutes} value={minutes}>
              {choiceLabel(minutes)}
            </option>
          ))}
        </select>
      </div>
      <p id={hintId} className="px-1 text-xs text-muted">
        A chat whose agent says it works but writes nothing for that long reads “Working, silent for …”.
      </p>
      <BrowserAlertsToggle />
      <PreferenceSwitch checked={questionSound} onToggle={toggleSound}>
        Sound and vibration when an agent asks a new question
      </PreferenceSwitch>
      <PushSettings />
    </div>
  );
}
