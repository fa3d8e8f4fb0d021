import { subscribeUrls } from '../lib/feeds.ts';

/**
 * Points a Subscribe block (components/Subscribe.astro) at another feed, as the build would have
 * written it for that feed: the calendar's filters make it offer the feed of what they show.
 */
export function pointSubscribe(block: HTMLElement, feed: string, label: string): void {
  const urls = subscribeUrls(block.dataset.siteUrl ?? location.origin, feed, `Almanac: ${label}`);
  block.querySelector('.subscribe-label')!.textContent = `Subscribe to ${label}:`;
  for (const kind of ['google', 'outlook', 'office', 'webcal'] as const)
    block.querySelector<HTMLAnchorElement>(`.subscribe-${kind}`)!.href = urls[kind];
  const input = block.querySelector<HTMLInputElement>('.subscribe-url input')!;
  input.value = urls.https;
  input.setAttribute('aria-label', `Feed URL of ${label}`);
  block.querySelector<HTMLButtonElement>('.subscribe-copy')!.dataset.copy = urls.https;
  // What the build said of the feed it was written for (empty or not) is not known of another.
  const empty = block.querySelector<HTMLElement>('.subscribe-empty');
  if (empty) empty.hidden = feed !== block.dataset.feed;
}
