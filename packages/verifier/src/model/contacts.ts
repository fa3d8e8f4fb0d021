/** Contact words live with the other words (time/time-words.ts), which the reader's browser loads too. */
export { isPlaceholder } from '../time/time-words.ts';
