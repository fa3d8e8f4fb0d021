import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icalDuration, serializeLines, utcDateTime } from '@almanac/verifier/internal';
import { propertyRuns } from '../../packages/verifier/test/property-runs.ts';
import { expectRfc5545, parseFeed } from './client.ts';

const settings = { seed: 20261123, numRuns: propertyRuns() };
/**
 * Any code point, lone surrogates and control characters included, each UTF-8 width as likely
 * as the others. fast-check's own `unit: anyChar` builds a map of every code point first,
 * which took seconds of the suite.
 */
const anyChar = fc.oneof(
  ...[
    [0, 0x7f],
    [0x80, 0x7ff],
    [0x800, 0xffff],
    [0x10000, 0x10ffff],
  ].map(([min, max]) => fc.integer({ min: min!, max: max! }).map((point) => String.fromCodePoint(point))),
);
const octets = (text: string) => new TextEncoder().encode(text).length;
const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('foldLine', () => {
  it('leaves a line of 75 octets alone and folds the 76th onto a line that starts with a space', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    // The continuation's space counts: 1 + 74 octets, then the next fold.
    expect(
      foldLine('x'.repeat(75 + 74 + 1))
        .split('\r\n')
        .map(octets),
    ).toEqual([75, 75, 2]);
  });

  it.each([
    ['é (2 octets)', 'é'],
    ['€ (3 octets)', '€'],
    ['😀 (4 octets)', '😀'],
  ])('never splits %s across the 75-octet boundary', (_, char) => {
    for (let pad = 70; pad <= 76; pad++) {
      const line = 'x'.repeat(pad) + char.repeat(40);
      const physical = foldLine(line).split('\r\n');
      for (const part of physical) {
        expect(octets(part)).toBeLessThanOrEqual(75);
        // A split character would decode with a replacement character.
        expect(part).not.toContain('\uFFFD');
      }
      expect(octets(physical[0]!)).toBeGreaterThan(75 - octets(char));
      expect(unfold(foldLine(line))).toBe(line);
    }
  });

  it('keeps any text within 75 octets a line and unfolds back to it', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyChar, maxLength: 400 }), (text) => {
        const folded = foldLine(text);
        for (const part of folded.split('\r\n')) expect(octets(part)).toBeLessThanOrEqual(75);
        expect(unfold(folded)).toBe(text);
      }),
      settings,
    );
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and line breaks, and leaves the colon', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg:h')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng:h');
    // A literal backslash-n is two characters, not a line break.
    expect(escapeText('C:\\new')).toBe('C:\\\\new');
  });

  it('drops control characters, which TEXT cannot hold, and keeps tabs', () => {
    expect(escapeText('a\u0000b\u0007c\u001Bd\u007Fe\tf')).toBe('abcde\tf');
  });
});

/** A calendar with one event whose SUMMARY and DESCRIPTION are `text`, as ical.js reads it back. */
function roundTrip(text: string): { summary: string; description: string; count: number } {
  const ics = serializeLines([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
    'BEGIN:VEVENT',
    'UID:1@test',
    'DTSTAMP:20260101T000000Z',
    'DTSTART:20260101T000000Z',
    `SUMMARY:${escapeText(text)}`,
    `DESCRIPTION:${escapeText(text)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ]);
  expectRfc5545(new TextEncoder().encode(ics));
  const { events } = parseFeed(ics);
  return { summary: events[0]!.summary, description: events[0]!.description, count: events.length };
}

describe('TEXT values through ical.js', () => {
  it.each([
    'Patch night; DB, cache & queue',
    'C:\\Windows\\new\\temp',
    'Two\nlines\r\nand a third\rline',
    'Key: value; other: value, more',
    'Evil\nEND:VEVENT\nBEGIN:VEVENT\nUID:injected\nSUMMARY:pwned',
    'Trailing backslash \\',
    '\\n is not a newline, \\; not a semicolon',
    `${'ü'.repeat(40)} 🛠️ マイグレーション ${'€'.repeat(30)}`,
  ])('reads back %j exactly, as one event', (text) => {
    expect(roundTrip(text)).toEqual({
      summary: text.replace(/\r\n?/g, '\n'),
      description: text.replace(/\r\n?/g, '\n'),
      count: 1,
    });
  });

  it('reads back any text, less the control characters TEXT cannot hold', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyChar, maxLength: 200 }), (text) => {
        const expected = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
        expect(roundTrip(text).summary).toBe(expected);
      }),
      settings,
    );
  });

  it('refuses to write a raw line break or control character, whatever path a value came by', () => {
    expect(() => serializeLines(['URL:https://example.org/\r\nEND:VEVENT'])).toThrow(/control character/);
    expect(() => serializeLines(['X-A:\u0000'])).toThrow(/control character/);
  });
});

describe('values', () => {
  it('writes UTC date-times to the second', () => {
    expect(utcDateTime(Date.UTC(2026, 2, 29, 1, 30))).toBe('20260329T013000Z');
  });

  it('writes durations in RFC 5545 grammar: weeks alone, days, then a contiguous time part', () => {
    const h = 3_600_000;
    expect(icalDuration(-24 * h)).toBe('-P1D');
    expect(icalDuration(-72 * h)).toBe('-P3D');
    expect(icalDuration(-14 * 24 * h)).toBe('-P2W');
    expect(icalDuration(-(26 * h + 30 * 60_000))).toBe('-P1DT2H30M');
    expect(icalDuration(h + 5000)).toBe('PT1H0M5S');
    expect(icalDuration(30 * 60_000)).toBe('PT30M');
    expect(icalDuration(0)).toBe('PT0S');
  });
});
