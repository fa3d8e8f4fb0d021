import { isValidZone } from '../time/zone.ts';
import type { Runbook } from '../load/corpus.ts';

const validity = new Map<string, boolean>();

/** Whether a name is an IANA zone the time engine can use, remembered per name. */
export function knownZone(zone: string): boolean {
  let valid = validity.get(zone);
  if (valid === undefined) validity.set(zone, (valid = isIanaName(zone) && isValidZone(zone)));
  return valid;
}

/** Location names (Area/City) and UTC; bare abbreviations such as EST or CET are not zones people mean. */
function isIanaName(zone: string): boolean {
  return zone.includes('/') || zone === 'UTC';
}

/** The zone an item's times are read in: its own, else its runbook's; undefined if none is usable. */
export function zoneOf(runbook: Runbook, item: { timezone?: string }): string | undefined {
  const zone = item.timezone ?? runbook.timezone;
  return zone !== undefined && knownZone(zone) ? zone : undefined;
}
