const toUtf8 = new TextEncoder();

/**
 * Texts encoded to UTF-8 into large shared buffers, each text a view of its part: a buffer
 * apiece would be 800,000 buffers for a large organisation's feed events, each of which the
 * garbage collector tracks. The views must never be transferred: that would detach the buffer
 * and empty every other view of it.
 */
export class Utf8Slabs {
  readonly #size: number;
  #slab = new Uint8Array(0);
  #at = 0;

  constructor(size = 1 << 24) {
    this.#size = size;
  }

  encode(text: string): Uint8Array<ArrayBuffer> {
    // At most three octets per UTF-16 unit (a surrogate pair's four are two units).
    const most = text.length * 3;
    if (this.#slab.length - this.#at < most) {
      this.#slab = new Uint8Array(Math.max(this.#size, most));
      this.#at = 0;
    }
    const { written } = toUtf8.encodeInto(text, this.#slab.subarray(this.#at));
    const view = this.#slab.subarray(this.#at, this.#at + written);
    this.#at += written;
    return view;
  }
}
