import { describe, expect, it } from 'vitest';
import { Utf8Slabs } from './utf8-slabs.ts';

describe('Utf8Slabs', () => {
  it('gives each text its own bytes, across full buffers, texts longer than a buffer and every width of character', () => {
    const slabs = new Utf8Slabs(64);
    const texts = ['', 'plain', 'Mwanzo – 02:00 EAT', '雨'.repeat(30), '😀 emoji', 'x'.repeat(200), 'é', ...Array.from({ length: 50 }, (_, i) => `event ${i} ✓`)];
    const views = texts.map((text) => slabs.encode(text));
    // Decoded after all are written: a later text must not have overwritten an earlier one.
    expect(views.map((view) => new TextDecoder().decode(view))).toEqual(texts);
    expect(views.map((view) => view.byteLength)).toEqual(texts.map((text) => Buffer.byteLength(text)));
    // Small texts share buffers.
    expect(new Set(views.map((view) => view.buffer)).size).toBeLessThan(texts.length / 2);
  });
});
