/**
 * How a label of the theme is written out: the one formatter of the site's messages, used by
 * the templates (src/i18n/messages.ts) and by the search page's script in the reader's
 * browser, which is why it lives with the other browser modules and imports nothing.
 *
 * A message is text with `{name}` placeholders, or, for a count, its forms by plural category
 * as `Intl.PluralRules` names them (`zero`, `one`, `two`, `few`, `many`, `other`; `other` is
 * required), the way Rails' and Jekyll themes' locale files write plurals. Numbers put into a
 * message are formatted for the language (`1,402`; `1.402` in German).
 */

/** The forms of a counted message by plural category; `other` is the one every language has. */
export interface PluralMessage {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

export type Message = string | PluralMessage;

/** Values put into a message's placeholders; `count` chooses a plural form. */
export type MessageParams = Readonly<Record<string, string | number | undefined>>;

/** Formats messages for one language. */
export type FormatMessage = (message: Message, params?: MessageParams) => string;

export function messageFormatter(lang: string): FormatMessage {
  const plurals = new Intl.PluralRules(lang);
  const numbers = new Intl.NumberFormat(lang);
  return (message, params = {}) => {
    const count = params['count'];
    const text = typeof message === 'string' ? message : (message[plurals.select(typeof count === 'number' ? count : Number(count ?? 0)) as keyof PluralMessage] ?? message.other);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}
