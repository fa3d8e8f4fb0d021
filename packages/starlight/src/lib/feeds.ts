/*
 * The calendar feeds' paths, as routes/calendars/ writes them, and the URLs a reader subscribes
 * with. Pure: the calendar's filters (scripts/subscribe.ts) point the subscribe block at a feed in the browser.
 */

export const ALL_FEED = '/calendars/all.ics';

export function systemFeed(system: string): string {
  return `/calendars/system/${system}.ics`;
}

export function ownerFeed(owner: string): string {
  return `/calendars/owner/${owner}.ics`;
}

export interface SubscribeUrls {
  /** To paste into any calendar. */
  https: string;
  /** Opens the desktop or phone calendar app; does nothing visible in a browser without one. */
  webcal: string;
  /** Google Calendar's page that subscribes to a feed (it takes the webcal URL). */
  google: string;
  /** Outlook.com's page that subscribes to a feed: personal Microsoft accounts. */
  outlook: string;
  /** Outlook on the web for work and school accounts (Microsoft 365), the same page on its own host. */
  office: string;
}

/** The URLs a reader subscribes to a feed with, named `name` where the calendar asks for one. */
export function subscribeUrls(siteUrl: string, feed: string, name = 'Almanac'): SubscribeUrls {
  const https = `${siteUrl.replace(/\/+$/, '')}${feed}`;
  const webcal = https.replace(/^https?:/, 'webcal:');
  const addFromWeb = `url=${encodeURIComponent(https)}&name=${encodeURIComponent(name)}`;
  return {
    https,
    webcal,
    google: `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcal)}`,
    outlook: `https://outlook.live.com/calendar/0/addfromweb?${addFromWeb}`,
    office: `https://outlook.office.com/calendar/0/addfromweb?${addFromWeb}`,
  };
}
