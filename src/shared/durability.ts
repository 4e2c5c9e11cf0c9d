import { useCallback, useEffect, useState } from 'react';
import { watchChanges } from '../db/changes';
import { USER_DB_NAME } from '../db/database';
import {
  backupDue,
  checkDurability,
  checkInterruptedImport,
  forgetMarker,
  type DurabilityState,
} from '../db/exchange/durability';
import { defaultStorage } from '../db/exchange/pending';
import { getDatabase } from './dataset';
import { useSettings } from './settings';

// Pages that back up or restore tell the shell to look again (the marker changed).
const events = new EventTarget();
export function notifyDurability(): void {
  events.dispatchEvent(new Event('changed'));
}

export interface Durability {
  state: DurabilityState | null;
  /** Whole days since the last backup when a reminder is due, else null. */
  backupDueDays: number | null;
  /** The user starts afresh: forget what the marker remembered. */
  dismissVanished: () => void;
  dismissInterrupted: () => void;
}

/**
 * The state of the user's data set against its durability marker (src/db/exchange/durability.ts),
 * checked at start and again after every committed write (here or in another tab). The sample
 * data set is not watched for loss (it is made again with one click), only for an interrupted
 * import.
 */
export function useDurability(): Durability {
  const settings = useSettings();
  const [state, setState] = useState<DurabilityState | null>(null);
  const [interruptedSeen, setInterruptedSeen] = useState<DurabilityState['interrupted']>(null);
  const check = useCallback(() => {
    void checkDurability(getDatabase('user'), defaultStorage()).then((next) => {
      setState(next);
      // The interrupted import is reported once by the check; keep it until dismissed.
      if (next.interrupted) setInterruptedSeen(next.interrupted);
    });
    // An import into the sample data set can be interrupted too.
    void checkInterruptedImport(getDatabase('demo'), defaultStorage()).then((demo) => {
      if (demo) setInterruptedSeen(demo);
    });
  }, []);
  useEffect(() => {
    check();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(check, 500);
    };
    const stop = watchChanges(USER_DB_NAME, later);
    events.addEventListener('changed', check);
    return () => {
      clearTimeout(timer);
      stop();
      events.removeEventListener('changed', check);
    };
  }, [check]);
  return {
    state: state && { ...state, interrupted: interruptedSeen },
    backupDueDays: state?.vanished
      ? null
      : backupDue(state?.marker ?? null, settings.backupReminderDays),
    dismissVanished: () => {
      forgetMarker(defaultStorage(), USER_DB_NAME);
      check();
    },
    dismissInterrupted: () => setInterruptedSeen(null),
  };
}
