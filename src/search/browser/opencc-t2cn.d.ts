/** opencc-js's browser build of the traditional → simplified converter, copied beside this folder's modules in the built site. */
export function Converter(options: { from: string; to: string }): (text: string) => string;
