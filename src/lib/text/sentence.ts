/**
 * Ends a sentence that was put together from pieces, some of which (a quoted option, a title, a
 * search query) may already end in their own punctuation. "The answer is “It is dropped.”" gets
 * no second full stop; "The answer is “Pay-as-you-go”" gets one after the quote.
 */

/** Terminal punctuation, then any closing quotes or brackets, then trailing space. */
const ENDED = /[.!?…][\s"'”’»)\]]*$/u;

/** True when `text` already ends a sentence (possibly inside a closing quote or bracket). */
export const endsSentence = (text: string): boolean => ENDED.test(text);

/** `text` with a full stop added unless it already ends a sentence; trailing space is dropped. */
export function asSentence(text: string): string {
  const trimmed = text.trimEnd();
  if (trimmed === "" || endsSentence(trimmed)) return trimmed;
  return `${trimmed}.`;
}

/** “text”, with typographic quotes. */
export const quoted = (text: string): string => `“${text}”`;
