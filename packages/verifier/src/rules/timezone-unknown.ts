import { timedItems } from '../schedule/timed-items.ts';
import { knownZone } from '../schedule/zones.ts';
import { didYouMean, nearest } from '../load/did-you-mean.ts';
import type { Rule } from './rule.ts';

/** Abbreviations people write for a zone, and the IANA location each usually means. */
const ABBREVIATIONS: Record<string, string> = {
  EAT: 'Africa/Nairobi',
  CAT: 'Africa/Maputo',
  WAT: 'Africa/Lagos',
  SAST: 'Africa/Johannesburg',
  GMT: 'Europe/London',
  BST: 'Europe/London',
  WET: 'Europe/Lisbon',
  CET: 'Europe/Paris',
  CEST: 'Europe/Paris',
  EET: 'Europe/Athens',
  EEST: 'Europe/Athens',
  MSK: 'Europe/Moscow',
  IST: 'Asia/Kolkata',
  PKT: 'Asia/Karachi',
  SGT: 'Asia/Singapore',
  HKT: 'Asia/Hong_Kong',
  JST: 'Asia/Tokyo',
  KST: 'Asia/Seoul',
  AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney',
  NZST: 'Pacific/Auckland',
  NZDT: 'Pacific/Auckland',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  AKST: 'America/Anchorage',
  HST: 'Pacific/Honolulu',
  Z: 'UTC',
  ZULU: 'UTC',
  UTC: 'UTC',
};

/** Abbreviations that name more than one place (IST: India, Ireland, Israel; CST: Chicago, China; GMT, BST: London or UTC). */
const AMBIGUOUS = new Set(['IST', 'CST', 'CDT', 'GMT', 'BST']);

const CANONICAL = new Map<string, string>(
  [...Intl.supportedValuesOf('timeZone'), 'UTC'].map((zone) => [zone.toLowerCase(), zone]),
);

/** What to write instead of a zone name that is not one. */
function suggestZone(zone: string): string {
  const upper = zone.trim().toUpperCase();
  const abbreviation = ABBREVIATIONS[upper];
  if (abbreviation)
    return `'${zone}' is an abbreviation; write the IANA name '${abbreviation}'${upper === 'GMT' || upper === 'BST' ? " (or 'UTC' if the time does not follow British summer time)" : ''}`;
  const offset = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?00)?$/i.exec(zone.trim());
  if (offset) {
    const hours = Number(offset[2]);
    const etc = hours === 0 ? 'UTC' : `Etc/GMT${offset[1] === '+' ? '-' : '+'}${hours}`;
    return `'${zone}' is a fixed offset, not a zone; name the place whose clock you mean (such as 'Africa/Nairobi' for +3), or '${etc}' for a fixed offset`;
  }
  const cased = CANONICAL.get(zone.trim().toLowerCase());
  if (cased) return `'${zone}' is not spelt as the IANA name; write '${cased}'`;
  const near = nearest(zone.trim(), CANONICAL.values());
  if (near.length) return `'${zone}' is not an IANA time zone name${didYouMean(zone.trim(), near)}`;
  return `'${zone}' is not an IANA time zone name; use one such as 'UTC', 'Africa/Nairobi' or 'Europe/London'`;
}

/** The zone a name certainly means: an unambiguous abbreviation, the IANA name miscased, or one near name. */
export function certainZone(zone: string): string | undefined {
  const upper = zone.trim().toUpperCase();
  if (ABBREVIATIONS[upper]) return AMBIGUOUS.has(upper) ? undefined : ABBREVIATIONS[upper];
  const cased = CANONICAL.get(zone.trim().toLowerCase());
  if (cased) return cased;
  const near = nearest(zone.trim(), CANONICAL.values());
  return near.length === 1 ? near[0] : undefined;
}

export const timezoneUnknown: Rule = {
  id: 'timezone-unknown',
  meta: {
    description: 'A zone that is not an IANA name; an abbreviation such as EAT names its IANA equivalent',
    severity: 'error',
    docs: `Times are read in IANA zones (\`Area/City\` or \`UTC\`), which carry each place's daylight
saving rules. Abbreviations are ambiguous (IST is India, Ireland or Israel) and fixed offsets
ignore DST, so both are refused with the name to use instead.

Incorrect:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: EAT
\`\`\`

Correct:

\`\`\`yaml
id: database
title: Database maintenance
system: billing
owners: [ops]
timezone: Africa/Nairobi
\`\`\``,
    howToFix: `Write the IANA name the message suggests (\`Africa/Nairobi\` for \`EAT\`, \`America/Chicago\` for \`Amerca/Chicago\`). \`almanac verify --fix\` writes it where the name is certain: an unambiguous abbreviation, a miscased name, or one near name; \`IST\`, \`CST\`, \`GMT\` and \`BST\` name more than one place and are left to you.`,
    messages: {
      unknown: 'Unknown time zone: {{suggestion}}',
    },
  },
  check({ corpus, report }) {
    for (const runbook of corpus.runbooks) {
      const places = [
        { zone: runbook.timezone, path: ['timezone'] },
        ...Array.from(timedItems([runbook]), ({ item }) => ({
          zone: item.value.timezone,
          path: [...item.path, 'timezone'],
        })),
      ];
      for (const { zone, path } of places) {
        if (zone === undefined || knownZone(zone)) continue;
        const fixed = certainZone(zone);
        report({
          source: runbook.source,
          path,
          messageId: 'unknown',
          data: { suggestion: suggestZone(zone) },
          fix: fixed ? { from: zone, text: fixed } : undefined,
        });
      }
    }
  },
};
