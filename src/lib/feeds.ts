/*
 * The calendar feeds' paths, as src/pages/calendars/ writes them, and the two URLs a reader
 * subscribes with.
 */

export const ALL_FEED = '/calendars/all.ics';

export function systemFeed(system: string): string {
  return `/calendars/system/${system}.ics`;
}

export function ownerFeed(owner: string): string {
  return `/calendars/owner/${owner}.ics`;
}

/** The https URL to paste into a calendar, and the webcal one that opens the calendar app. */
export function subscribeUrls(siteUrl: string, feed: string): { https: string; webcal: string } {
  const https = `${siteUrl.replace(/\/+$/, '')}${feed}`;
  return { https, webcal: https.replace(/^https?:/, 'webcal:') };
}
